import { expect } from '@open-wc/testing';
import { ImageStore } from '../../src/images/image-store.js';
import { uniqueStorageKey } from '../support/sim.js';
import { keptPicture } from '../support/images.js';

const NOTICE = /kept until you leave the page/;

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} was blocked`));
  });

describe('ImageStore', () => {
  const keys: string[] = [];
  const key = () => {
    keys.push(uniqueStorageKey());
    return keys.at(-1)!;
  };
  afterEach(async () => {
    for (const k of keys.splice(0)) await deleteDb(`${k}-images`);
  });

  it('put, get, list (newest first), remove, clear', async () => {
    const store = new ImageStore({ storageKey: key() });
    await store.put(keptPicture('a', 1000, 'bytes of a'));
    await store.put(keptPicture('c', 3000));
    await store.put(keptPicture('b', 2000));
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['c', 'b', 'a']);
    const a = (await store.get('a'))!;
    const { blob, ...meta } = a;
    const { blob: _, ...expected } = keptPicture('a', 1000);
    expect(meta).to.deep.equal(expected);
    expect(await blob!.text()).to.equal('bytes of a');
    expect(blob!.type).to.equal('image/png');
    expect(await store.get('zzz')).to.equal(undefined);
    await store.remove('c');
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['b', 'a']);
    await store.clear();
    expect(await store.list()).to.deep.equal([]);
    expect(store.notice).to.equal(null);
  });

  it('survives a new instance (a reload)', async () => {
    const storageKey = key();
    await new ImageStore({ storageKey }).put(keptPicture('kept', 5, 'png bytes'));
    const again = new ImageStore({ storageKey });
    const [image] = await again.list();
    expect(image.id).to.equal('kept');
    expect(await image.blob!.text()).to.equal('png bytes');
    expect(await new ImageStore({ storageKey: key() }).list()).to.deep.equal([]);
  });

  it('keeps only the newest `keep`, never dropping the one just put', async () => {
    const storageKey = key();
    const store = new ImageStore({ storageKey, keep: 3 });
    for (let i = 1; i <= 5; i++) await store.put(keptPicture(`p${i}`, i * 1000));
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['p5', 'p4', 'p3']);
    await store.put(keptPicture('old', 1)); // older than all: still kept, the oldest other goes
    expect((await new ImageStore({ storageKey, keep: 100 }).list()).map((i) => i.id)).to.deep.equal([
      'p5',
      'p4',
      'old',
    ]);
    await store.put(keptPicture('p5', 9000, 'replaced')); // same id: replaces, keeps the rest
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['p5', 'p4', 'old']);
    expect(await (await store.get('p5'))!.blob!.text()).to.equal('replaced');
  });

  it('keeps images in memory with a notice when IndexedDB cannot be opened', async () => {
    const open = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('IndexedDB is not available here', 'InvalidStateError');
    };
    try {
      const store = new ImageStore({ storageKey: uniqueStorageKey(), keep: 2 });
      await store.put(keptPicture('m1', 1, 'memory bytes'));
      expect(store.notice?.text).to.match(NOTICE);
      await store.put(keptPicture('m2', 2));
      await store.put(keptPicture('m3', 3));
      expect((await store.list()).map((i) => i.id)).to.deep.equal(['m3', 'm2']);
      expect(await store.get('m1')).to.equal(undefined);
      expect(await (await store.get('m2'))!.blob!.text()).to.equal('m2');
      await store.remove('m2');
      expect((await store.list()).map((i) => i.id)).to.deep.equal(['m3']);
      await store.clear();
      expect(await store.list()).to.deep.equal([]);
    } finally {
      indexedDB.open = open;
    }
  });

  it('keeps an image in memory when saving it fails (e.g. quota), alongside the saved ones', async () => {
    const storageKey = key();
    const store = new ImageStore({ storageKey });
    await store.put(keptPicture('saved', 1));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      await store.put(keptPicture('unsaved', 2));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(store.notice?.text).to.match(NOTICE);
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['unsaved', 'saved']);
    expect((await store.get('unsaved'))!.id).to.equal('unsaved');
    expect((await new ImageStore({ storageKey }).list()).map((i) => i.id)).to.deep.equal(['saved']);
  });

  it('does not block another tab upgrading the database, and works on afterwards', async () => {
    const storageKey = key();
    const store = new ImageStore({ storageKey });
    await store.put(keptPicture('before', 1));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(`${storageKey}-images`, 2);
      request.onblocked = () => reject(new Error('upgrade blocked by the open connection'));
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await store.put(keptPicture('after', 2));
    expect((await store.list()).map((i) => i.id)).to.deep.equal(['after', 'before']);
    expect(store.notice).to.equal(null);
  });
});
