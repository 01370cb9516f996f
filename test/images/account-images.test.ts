// The images kept in the user's account beside this browser (src/images/account-images.ts), through an account that
// answers as told (offline, full): written in order through the outbox, never at the cost of the local copy, listed
// with this browser's by id, each once, and removed with them.
import { expect, waitUntil } from '@open-wc/testing';
import { AccountFull, type AccountFileRecord, type AccountFiles } from '../../src/providers/account-files.js';
import { AccountImages, AccountOutbox, accountRecordOf } from '../../src/images/account-images.js';
import { ImageStore, withAccountImages } from '../../src/images/image-store.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { uniqueStorageKey } from '../support/sim.js';
import { keptPicture } from '../support/images.js';

/** An account in memory that answers as `state` says: down (rejects as a failed network would), or full. */
function memoryAccount() {
  const held = new Map<string, { bytes: Blob; record: AccountFileRecord }>();
  const state = { down: false, full: false, calls: [] as string[] };
  const answer = () => {
    if (state.down) throw new TypeError('Failed to fetch');
  };
  const files: AccountFiles = {
    async put(id, bytes, record) {
      state.calls.push(`put ${id}`);
      answer();
      if (state.full) throw new AccountFull();
      held.set(id, { bytes, record });
    },
    async list() {
      answer();
      return [...held.values()].map(({ record }) => record);
    },
    async read(id) {
      answer();
      const got = held.get(id);
      if (!got) throw new Error('missing');
      return got.bytes;
    },
    async remove(id) {
      state.calls.push(`remove ${id}`);
      answer();
      held.delete(id);
    },
    async removeAll() {
      answer();
      held.clear();
    },
  };
  return { files, held, state };
}

describe('AccountImages: the images of the user’s account beside this browser’s', () => {
  const storageKeys = storageKeysForgottenAfterEach();
  const opened: ImageStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) {
      store.useAccount(undefined);
      await store.clear().catch(() => {});
    }
  });

  /** A store of a key of its own using `account` (its outbox under the key). */
  function storeWith(files: AccountFiles, keep = 50) {
    const storageKey = uniqueStorageKey();
    storageKeys.forget(storageKey);
    const store = new ImageStore({ storageKey, keep });
    opened.push(store);
    let changes = 0;
    const account = new AccountImages(
      files,
      storageKey,
      'jane',
      (id) => store.get(id),
      () => changes++,
    );
    store.useAccount(account);
    return { store, account, storageKey, changes: () => changes };
  }

  it('writes each image kept here to the account, its record without what is this browser’s alone', async () => {
    const { files, held } = memoryAccount();
    const { store, account } = storeWith(files);
    await store.put({ ...keptPicture('a', 1), remote: undefined, conversation: undefined });
    await account.flush();
    expect([...held.keys()]).to.deep.equal(['a']);
    const { blob: _blob, ...rest } = keptPicture('a', 1);
    expect(held.get('a')!.record).to.deep.equal({ ...rest, type: 'image/png' });
    expect(accountRecordOf({ ...keptPicture('own', 1), own: true }), 'the user’s own image').to.equal(undefined);
    expect(accountRecordOf({ ...keptPicture('r', 1), blob: undefined, remote: { url: 'https://x' } })).to.equal(
      undefined,
    );
  });

  it('offline: the image is in this browser at once, and in the account, in order, once it answers again', async () => {
    const { files, held, state } = memoryAccount();
    const { store, account, storageKey } = storeWith(files);
    state.down = true;
    await store.put(keptPicture('a', 1));
    await store.put(keptPicture('b', 2));
    await store.remove('a');
    await account.flush();
    expect((await store.list()).map(({ id }) => id)).to.deep.equal(['b']);
    expect(held.size).to.equal(0);
    expect(new AccountOutbox(storageKey, 'jane').steps, 'waiting, in this browser').to.deep.equal([
      { op: 'put', id: 'b' },
      { op: 'remove', id: 'a' },
    ]);
    state.down = false;
    state.calls.length = 0;
    dispatchEvent(new Event('online'));
    await waitUntil(() => held.has('b'), 'written once back');
    await account.flush();
    expect(state.calls).to.deep.equal(['put b', 'remove a']);
    expect(new AccountOutbox(storageKey, 'jane').steps).to.deep.equal([]);
  });

  it('the outbox outlives the page: another store of the key and account takes it over', async () => {
    const { files, held, state } = memoryAccount();
    const { store, storageKey } = storeWith(files);
    state.down = true;
    await store.put(keptPicture('a', 1));
    store.useAccount(undefined); // the page closes
    state.down = false;
    const next = new ImageStore({ storageKey });
    opened.push(next);
    next.useAccount(
      new AccountImages(
        files,
        storageKey,
        'jane',
        (id) => next.get(id),
        () => {},
      ),
    );
    await next.account!.flush();
    expect([...held.keys()]).to.deep.equal(['a']);
  });

  it('full: said (`full`), the local copy kept, and tried again with the next image kept', async () => {
    const { files, held, state } = memoryAccount();
    const { store, account, changes } = storeWith(files);
    state.full = true;
    await store.put(keptPicture('a', 1));
    await account.flush();
    expect(account.full).to.equal(true);
    expect(changes()).to.be.greaterThan(0);
    expect((await store.list()).map(({ id }) => id)).to.deep.equal(['a']);
    state.full = false;
    await store.put(keptPicture('b', 2));
    await account.flush();
    expect(account.full).to.equal(false);
    expect([...held.keys()].sort()).to.deep.equal(['a', 'b']);
  });

  it('lists the account’s images this browser lacks with its own, by id, each once, their bytes fetched', async () => {
    const { files, held } = memoryAccount();
    const { store, account } = storeWith(files);
    await store.put(keptPicture('here', 2));
    await account.flush();
    const elsewhere = keptPicture('elsewhere', 3, 'made on the laptop');
    held.set('elsewhere', { bytes: elsewhere.blob!, record: accountRecordOf(elsewhere)! });
    expect(
      (await store.list()).map(({ id }) => id),
      'never waited for',
    ).to.deep.equal(['here']);
    await account.refresh(50);
    const listed = await store.list();
    expect(listed.map(({ id }) => id)).to.deep.equal(['elsewhere', 'here']);
    expect(await listed[0].blob!.text()).to.equal('made on the laptop');
    expect((await store.get('elsewhere'))?.prompt).to.equal('a picture of elsewhere');
  });

  it('deleting an image here deletes it from the account, and it is listed no more', async () => {
    const { files, held } = memoryAccount();
    const { store, account } = storeWith(files);
    const elsewhere = keptPicture('elsewhere', 3);
    held.set('elsewhere', { bytes: elsewhere.blob!, record: accountRecordOf(elsewhere)! });
    await account.refresh(50);
    await store.remove('elsewhere');
    await account.flush();
    expect(held.size).to.equal(0);
    await account.refresh(50);
    expect(await store.list()).to.deep.equal([]);
  });

  it('clearing the images clears the account’s too, and what waited to be written', async () => {
    const { files, held, state } = memoryAccount();
    const { store, account, storageKey } = storeWith(files);
    await store.put(keptPicture('a', 1));
    await account.flush();
    state.down = true;
    await store.put(keptPicture('b', 2));
    state.down = false;
    await store.clear();
    expect(held.size).to.equal(0);
    expect(new AccountOutbox(storageKey, 'jane').steps).to.deep.equal([]);
    expect(await store.list()).to.deep.equal([]);
  });

  it('lists nothing of a record in another shape (another hand’s, or edited)', async () => {
    const { files, held } = memoryAccount();
    const { store, account } = storeWith(files);
    const image = keptPicture('odd', 3);
    for (const [id, change] of Object.entries({
      odd: { receipt: 'paid' },
      noPrompt: { prompt: 7 },
      nul: { edit: null },
    }))
      held.set(id, { bytes: image.blob!, record: { ...accountRecordOf({ ...image, id })!, ...change } });
    held.set('fine', { bytes: image.blob!, record: accountRecordOf({ ...image, id: 'fine' })! });
    await account.refresh(50);
    expect((await store.list()).map(({ id }) => id)).to.deep.equal(['fine']);
  });

  it('no more of the account’s images than make the images kept, newest first', () => {
    const local = [keptPicture('b', 2)];
    const remote = [keptPicture('a', 1), keptPicture('c', 3), keptPicture('b', 2)];
    expect(withAccountImages(local, remote, 2).map(({ id }) => id)).to.deep.equal(['c', 'b']);
    expect(withAccountImages(local, remote, 5).map(({ id }) => id)).to.deep.equal(['c', 'b', 'a']);
  });
});
