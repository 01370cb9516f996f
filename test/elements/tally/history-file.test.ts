// Holds: src/elements/tally/panels/history-file.ts
// Holds: src/ledger/portable.ts
// Holds: src/images/portable-images.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysTally } from '../../../src/elements/tally/userpays-tally.js';
import { historyFile, importHistory } from '../../../src/elements/tally/panels/history-file.js';
import { ImageStore, type StoredImage } from '../../../src/images/image-store.js';
import { LedgerStore } from '../../../src/ledger/ledger.js';
import { UserPaysError } from '../../../src/base/errors.js';
import { controlledClock } from '../../support/clock.js';
import { image, MemoryStorage, TabStorage } from '../../support/ledger.js';
import { v1History } from '../../support/ledger-history.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { forgetStorage, storageKeysForgottenAfterEach } from '../../support/storage.js';
import { part, words } from '../../support/widget.js';
import { until } from '../../support/wait.js';

const HOUR = 36e5;

describe('the history file: export, and import merged by entry id', () => {
  const time = controlledClock();
  const keys: string[] = [];
  afterEach(async () => {
    for (const key of keys.splice(0)) await forgetStorage(key);
  });

  /** A ledger of its own (its own storage, an unused key): another device or browser. */
  function device(storage: MemoryStorage = new MemoryStorage(), stored?: string) {
    const storageKey = uniqueStorageKey();
    keys.push(storageKey);
    if (stored) storage.setItem(`${storageKey}:ledger`, stored);
    return { ledger: new LedgerStore({ storageKey, storage }), storage, storageKey };
  }

  /** One of each: charged with a receipt, paid without an image, void, uncertain with a certain part, pending. */
  function spend(ledger: LedgerStore) {
    const paid = ledger.open({ ...image, quoted: '0.045' });
    ledger.settle(paid.id, { charged: '0.0450001', credits: '4.5', basis: 'reported', left: '9.9549999' });
    time.advance(HOUR);
    const failed = ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
    ledger.settle(failed.id, { charged: '0.07', error: 'content-moderated' });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { void: true });
    const unsure = ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.markSent(unsure.id);
    ledger.settle(unsure.id, { uncertain: '0.014', certain: '0.004' });
    ledger.open({ ...image, quoted: '0.5' }); // under way: its page settles it, on that device
    time.advance(HOUR);
    return { paid, unsure };
  }

  const exported = async (ledger: LedgerStore, images = false) =>
    (await historyFile(ledger, ledger.tally(), images)).json;

  it('exported from one ledger and imported into a fresh one: the same tally, to the cent, in every tab', async () => {
    const from = device();
    spend(from.ledger);
    const file = await exported(from.ledger);
    time.advance(24 * HOUR);
    const shared = new Map<string, string>();
    const to = device(new TabStorage(shared));
    const otherTab = new LedgerStore({ storageKey: to.storageKey, storage: new TabStorage(shared) });
    expect(otherTab.tally().spent).to.equal('0'); // the other tab read the fresh ledger, starting now

    const done = await importHistory(file, to.ledger);

    expect(done).to.deep.include({ added: 4, settled: 0, held: 0, leftOut: 1, images: 0 });
    expect(to.ledger.tally()).to.deep.equal(from.ledger.tally());
    expect(to.ledger.tally()).to.deep.include({ spent: '0.1190001', images: 1, paidFailures: 2, uncertain: '0.01' });
    // The session starts where the file's did: an older one, taken by a tab that had read the fresh ledger too.
    (otherTab.storage as TabStorage).receive();
    expect(otherTab.tally()).to.deep.equal(from.ledger.tally());
    // Each entry as it was stored there, its own times and exact amounts; the one under way is not taken.
    const byId = new Map(to.ledger.entries().map((entry) => [entry.id, entry]));
    for (const entry of from.ledger.entries())
      if (entry.status !== 'pending') expect(byId.get(entry.id)).to.deep.equal(entry);
    expect(to.ledger.pending()).to.have.length(0);
  });

  it('importing twice (or its own export) changes nothing: the same entry is counted once', async () => {
    const from = device();
    spend(from.ledger);
    const file = await exported(from.ledger);
    const to = device();
    await importHistory(file, to.ledger);
    const stored = to.storage.getItem(`${to.storageKey}:ledger`);

    expect(await importHistory(file, to.ledger)).to.deep.include({ added: 0, settled: 0, held: 4, leftOut: 1 });
    expect(to.storage.getItem(`${to.storageKey}:ledger`)).to.equal(stored);
    const again = await importHistory(await exported(to.ledger), from.ledger);
    expect(again).to.deep.include({ added: 0, settled: 0, held: 4 });
    expect(to.ledger.tally()).to.deep.equal(from.ledger.tally());
  });

  it('compacted days come with the file, once, and never beside spending the ledger holds for that day', async () => {
    const from = device(new MemoryStorage(), v1History(300, 5).raw);
    expect(from.ledger.compacted().length).to.be.greaterThan(0);
    const file = await exported(from.ledger);
    const to = device();
    await importHistory(file, to.ledger);
    expect(to.ledger.tally()).to.deep.equal(from.ledger.tally());
    expect(to.ledger.compacted()).to.deep.equal(from.ledger.compacted());
    const stored = to.storage.getItem(`${to.storageKey}:ledger`);
    await importHistory(file, to.ledger);
    expect(to.storage.getItem(`${to.storageKey}:ledger`)).to.equal(stored);
  });

  it('an entry settled in the file settles the uncertain one held; a held settled one stays as it is', async () => {
    const from = device();
    const { unsure } = spend(from.ledger);
    const to = device();
    await importHistory(await exported(from.ledger), to.ledger);
    expect(to.ledger.uncertain().map((entry) => entry.id)).to.deep.equal([unsure.id]);

    const uncertainFile = await exported(from.ledger);
    // Uncertain here still; settled where it was made (the user said it was charged): the file settles it here.
    from.ledger.resolve(unsure.id, { charged: '0.014' });
    const settledFile = await exported(from.ledger);
    expect(await importHistory(settledFile, to.ledger)).to.deep.include({ added: 0, settled: 1 });
    expect(to.ledger.uncertain()).to.have.length(0);
    expect(to.ledger.tally()).to.deep.equal(from.ledger.tally());
    expect(to.ledger.tally().uncertain).to.equal(undefined);

    // The older file, where it was still uncertain, brings nothing back: entries only move on.
    expect(await importHistory(uncertainFile, to.ledger)).to.deep.include({ added: 0, settled: 0, held: 4 });
    expect(to.ledger.uncertain()).to.have.length(0);
    expect(to.ledger.tally()).to.deep.equal(from.ledger.tally());
  });

  it('a damaged or foreign file is refused in plain words (invalid-input), and nothing is written', async () => {
    const from = device();
    spend(from.ledger);
    const good = JSON.parse(await exported(from.ledger));
    const to = device();
    to.ledger.settle(to.ledger.open({ ...image, quoted: '0.02' }).id, { charged: '0.02' });
    const before = to.storage.getItem(`${to.storageKey}:ledger`);
    const entry = (change: object) => ({ ...good, entries: [good.entries[0], { ...good.entries[1], ...change }] });
    const damaged: [string, string, RegExp][] = [
      ['not JSON', '{"format": "userpays-history", ', /not a spending history/],
      ['another format', JSON.stringify({ ...good, format: 'other' }), /not a spending history/],
      ['a later version', JSON.stringify({ ...good, version: 2 }), /not a spending history/],
      ['entries not a list', JSON.stringify({ ...good, entries: {} }), /not a spending history/],
      ['an amount in floating point', JSON.stringify(entry({ charged: 0.07 })), /Item 2 .* damaged/],
      ['an amount with an exponent', JSON.stringify(entry({ charged: '7e-2' })), /Item 2 .* damaged/],
      ['an unknown status', JSON.stringify(entry({ status: 'refunded' })), /Item 2 .* damaged/],
      ['a field the ledger does not know', JSON.stringify(entry({ refund: '1' })), /Item 2 .* damaged/],
      ['a settled entry without its time', JSON.stringify(entry({ settledAt: undefined })), /Item 2 .* damaged/],
      ['a compacted row of another shape', JSON.stringify({ ...good, compacted: [{ day: 'May 1' }] }), /Item 1 /],
      ['an image that is not one', JSON.stringify({ ...good, images: [{ id: 'x' }] }), /Image 1 .* damaged/],
    ];
    for (const [what, file, says] of damaged) {
      let refused: unknown;
      await importHistory(file, to.ledger).catch((error: unknown) => (refused = error));
      expect(refused, what).to.be.instanceOf(UserPaysError);
      expect((refused as UserPaysError).code, what).to.equal('invalid-input');
      expect((refused as UserPaysError).message, what)
        .to.match(says)
        .and.match(/nothing .*imported/i);
      expect(to.storage.getItem(`${to.storageKey}:ledger`), what).to.equal(before);
    }
    expect(await new ImageStore({ storageKey: to.storageKey }).list()).to.have.length(0);
  });

  it('images come along when asked, bytes and all, merged by id; not otherwise', async () => {
    const from = device();
    const { paid } = spend(from.ledger);
    const images = new ImageStore({ storageKey: from.storageKey });
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255, 7]);
    const kept: StoredImage = {
      id: 'image-1',
      entryId: paid.id,
      blob: new Blob([bytes], { type: 'image/png' }),
      prompt: 'a lighthouse at dusk',
      ...image,
      charged: '0.0450001',
      createdAt: time.now(),
      receipt: { quoted: '0.045', basis: 'reported' },
    };
    await images.put(kept);

    const without = device();
    await importHistory(await exported(from.ledger), without.ledger);
    expect(await new ImageStore({ storageKey: without.storageKey }).list()).to.have.length(0);

    const to = device();
    const file = await exported(from.ledger, true);
    expect(await importHistory(file, to.ledger)).to.deep.include({ images: 1, held: 0 });
    const [arrived, ...more] = await new ImageStore({ storageKey: to.storageKey }).list();
    expect(more).to.have.length(0);
    const { blob, ...fields } = arrived;
    const { blob: _sent, ...sentFields } = kept;
    expect(fields).to.deep.equal(sentFields);
    expect(blob!.type).to.equal('image/png');
    expect([...new Uint8Array(await blob!.arrayBuffer())]).to.deep.equal([...bytes]);
    expect(await importHistory(file, to.ledger)).to.deep.include({ images: 0, held: 5 }); // 4 entries, 1 image
  });

  it('an image the browser cannot read back is left out and counted; the spending and the other images leave', async () => {
    const from = device();
    const { paid } = spend(from.ledger);
    const images = new ImageStore({ storageKey: from.storageKey });
    const png = (byte: number) => new Blob([new Uint8Array([137, 80, 78, 71, byte])], { type: 'image/png' });
    for (const [id, byte] of [
      ['readable', 1],
      ['damaged', 2],
    ] as const)
      await images.put({
        id,
        entryId: paid.id,
        blob: png(byte),
        prompt: id,
        ...image,
        charged: '0.045',
        createdAt: time.now(),
      });
    const read = FileReader.prototype.readAsDataURL;
    // The damaged image's bytes fail to read, as a Blob whose backing store was evicted does.
    FileReader.prototype.readAsDataURL = function (this: FileReader, blob: Blob) {
      if (damaged.has(blob)) {
        queueMicrotask(() => this.dispatchEvent(new ProgressEvent('error')));
        return;
      }
      read.call(this, blob);
    };
    const listed = await images.list();
    const damaged = new Set(listed.filter((kept) => kept.id === 'damaged').map((kept) => kept.blob));
    const list = ImageStore.prototype.list;
    ImageStore.prototype.list = () => Promise.resolve(listed);
    try {
      const file = await historyFile(from.ledger, from.ledger.tally(), true);
      expect(file).to.deep.include({ leftOut: 0, unreadable: 1, imagesNotRead: false });
      const to = device();
      expect(await importHistory(file.json, to.ledger)).to.deep.include({ images: 1 });
      expect(to.ledger.tally().spent).to.equal(from.ledger.tally().spent);
    } finally {
      FileReader.prototype.readAsDataURL = read;
      ImageStore.prototype.list = list;
    }
  });

  it('an image store that cannot be opened leaves the spending alone in the file, and says so', async () => {
    const from = device();
    spend(from.ledger);
    const list = ImageStore.prototype.list;
    ImageStore.prototype.list = () => Promise.reject(new DOMException('blocked', 'UnknownError'));
    try {
      const file = await historyFile(from.ledger, from.ledger.tally(), true);
      expect(file).to.deep.include({ leftOut: 0, unreadable: 0, imagesNotRead: true });
      const to = device();
      await importHistory(file.json, to.ledger);
      expect(to.ledger.tally().spent).to.equal(from.ledger.tally().spent);
    } finally {
      ImageStore.prototype.list = list;
    }
  });
});

describe('<userpays-tally> export and import', () => {
  controlledClock();
  const newStorageKey = storageKeysForgottenAfterEach();

  /** Chooses `text` as the file of the tally's import field. */
  async function choose(el: UserPaysTally, text: string) {
    const field = part(el, 'export')!.querySelector<HTMLInputElement>('input[type=file]')!;
    const chosen = new DataTransfer();
    chosen.items.add(new File([text], 'history.json', { type: 'application/json' }));
    field.files = chosen.files;
    field.dispatchEvent(new Event('change'));
    return field;
  }

  it('imports a chosen file: the tally shows it and says what it took; a damaged one is refused', async () => {
    const from = new LedgerStore({ storageKey: newStorageKey(), storage: new MemoryStorage() });
    from.settle(from.open({ ...image, quoted: '0.045' }).id, { charged: '0.045' });
    const file = (await historyFile(from, from.tally())).json;
    const storageKey = newStorageKey();
    const el = await fixture<UserPaysTally>(
      html`<userpays-tally storage-key=${storageKey} locale="en-US"></userpays-tally>`,
    );
    await until(() => part(el, 'export'));
    const field = part(el, 'export')!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(field.labels![0].textContent).to.contain('Import history');

    await choose(el, file);
    await until(() => el.tally?.spent === '0.045');
    await until(() => part(el, 'export')!.querySelector('[role=status]'));
    expect(words(part(el, 'export')!.querySelector('[role=status]')!)).to.equal(
      'Imported 1 new entry; 0 already here.',
    );
    expect(field.value).to.equal(''); // the same file may be chosen again

    await choose(el, '{"format": "userpays-history", "version": 1}');
    const alert = await until(() => part(el, 'export')!.querySelector('[role=alert]'));
    expect(words(alert)).to.match(/^This file is not a spending history .*: nothing was imported\.$/);
    expect(el.tally?.spent).to.equal('0.045');
    await expect(el).to.be.accessible();
  });
});
