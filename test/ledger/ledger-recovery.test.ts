import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { Tally } from '../../src/base/types.js';
import { FullStorage, MemoryStorage, image, reloaded } from '../support/ledger.js';
import { uniqueStorageKey } from '../support/sim.js';
import { until } from '../support/wait.js';
import { ledger as ledgerWords } from '../../src/strings/ledger.js';

const DAMAGED = 'Your saved spending history was damaged; the readable part was kept.';
const FULL = 'Storage is full: spending is tracked for this visit only.';

/** A storage holding `raw` under a fresh key's ledger. */
function holding(raw: string) {
  const storageKey = uniqueStorageKey();
  const storage = new MemoryStorage(new Map([[`${storageKey}:ledger`, raw]]));
  return { storageKey, storage, ledgerKey: `${storageKey}:ledger` };
}

const quarantined = (storage: MemoryStorage, ledgerKey: string) =>
  [...storage.map].filter(([k]) => k.startsWith(`${ledgerKey}:quarantine:`)).map(([, v]) => v);

/** A valid stored document with three settled entries of 0.01, 0.02 and 0.03 (made by the store itself). */
function threeEntries() {
  const storage = new MemoryStorage();
  const storageKey = uniqueStorageKey();
  const ledger = new LedgerStore({ storageKey, storage });
  for (const amount of ['0.01', '0.02', '0.03'])
    ledger.settle(ledger.open({ ...image, quoted: amount }).id, { charged: amount });
  return { doc: JSON.parse(storage.getItem(`${storageKey}:ledger`)!), entries: ledger.entries() };
}

/** A ledger that stored one charge of $0.01, on a storage that is now full (it refuses every write). */
function fullAfterOneCharge() {
  const storage = new FullStorage();
  storage.full = false;
  const storageKey = uniqueStorageKey();
  const ledger = new LedgerStore({ storageKey, storage });
  ledger.settle(ledger.open({ ...image, quoted: '0.01' }).id, { charged: '0.01' });
  storage.full = true;
  return { storage, storageKey, ledger };
}

describe('LedgerStore: damaged or foreign data', () => {
  for (const [what, raw] of [
    ['broken JSON', '{"v":1,"since":17000000'],
    ['a foreign object', '{"foo":1}'],
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['an unknown version', '{"v":7,"since":1,"entries":[]}'],
    ['entries that are not a list', '{"v":1,"since":1,"entries":{}}'],
  ]) {
    it(`${what}: no throw, value set aside, notice, then works`, () => {
      const { storageKey, storage, ledgerKey } = holding(raw);
      const ledger = new LedgerStore({ storageKey, storage });
      expect(ledger.notice?.text).to.equal(DAMAGED);
      expect(quarantined(storage, ledgerKey)).to.deep.equal([raw]);
      expect(ledger.tally()).to.deep.include({ spent: '0', images: 0 });
      ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
      expect(JSON.parse(storage.getItem(ledgerKey)!)).to.deep.include({ v: 2 });
      const after = new LedgerStore({ storageKey, storage: reloaded(storage) });
      expect(after.notice).to.equal(null); // told once: the repaired value is clean
      expect(after.tally().spent).to.equal('0.03');
    });
  }

  it('partly valid: keeps the valid entries and sets the whole value aside', () => {
    const { doc, entries } = threeEntries();
    doc.entries[0] = { id: 'not a row' };
    doc.entries[1][6] = '0.02 USD'; // quoted is not an amount
    doc.entries.push([1, 2, 3], 'x', null);
    const raw = JSON.stringify(doc);
    const { storageKey, storage, ledgerKey } = holding(raw);
    const ledger = new LedgerStore({ storageKey, storage });
    expect(ledger.notice?.text).to.equal(DAMAGED);
    expect(ledger.entries()).to.deep.equal([entries[2]]);
    expect(ledger.tally()).to.deep.include({ spent: '0.03', images: 1 });
    expect(quarantined(storage, ledgerKey)).to.deep.equal([raw]);
    expect(JSON.parse(storage.getItem(ledgerKey)!).entries).to.have.length(1);
  });

  it('rejects entries that are inconsistent: charged without an amount, settled without a time, bad task', () => {
    const { doc } = threeEntries();
    doc.entries[0] = doc.entries[0].slice(0, 9); // charged, no amount
    doc.entries[1] = doc.entries[1].slice(0, 8); // settled, no settledAt
    doc.entries[2][12] = { provider: 'bfl' }; // a task without id
    const { storageKey, storage } = holding(JSON.stringify(doc));
    const ledger = new LedgerStore({ storageKey, storage });
    expect(ledger.entries()).to.have.length(0);
    expect(ledger.notice?.text).to.equal(DAMAGED);
  });

  it('keeps valid entries even when `since` is missing', () => {
    const { doc, entries } = threeEntries();
    delete doc.since;
    const { storageKey, storage } = holding(JSON.stringify(doc));
    const ledger = new LedgerStore({ storageKey, storage });
    expect(ledger.entries()).to.deep.equal(entries);
    expect(ledger.tally().spent).to.equal('0.06');
    expect(Date.parse(ledger.tally().since)).to.be.at.most(entries[0].at);
    expect(ledger.notice?.text).to.equal(DAMAGED);
  });

  it('damage written by another tab later is handled the same way', () => {
    const storageKey = uniqueStorageKey();
    const storage = new MemoryStorage();
    const ledger = new LedgerStore({ storageKey, storage });
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    storage.setItem(`${storageKey}:ledger`, '{oops');
    window.dispatchEvent(new StorageEvent('storage', { key: `${storageKey}:ledger` }));
    expect(ledger.notice?.text).to.equal(DAMAGED);
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([id]); // this page's entry is written back
    expect(new LedgerStore({ storageKey, storage: reloaded(storage) }).pending()).to.have.length(1);
  });
});

describe('LedgerStore: storage full or unavailable', () => {
  it('keeps working in memory with a notice when every write fails', () => {
    const storage = new FullStorage();
    const ledger = new LedgerStore({ storageKey: uniqueStorageKey(), storage });
    const seen: Tally[] = [];
    ledger.subscribe((t) => seen.push(t));
    expect(ledger.notice?.text).to.equal(FULL);
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    expect(ledger.pending()).to.have.length(1);
    ledger.settle(id, { charged: '0.03' });
    ledger.settle(id, { charged: '0.03' });
    expect(ledger.tally()).to.deep.include({ spent: '0.03', images: 1 });
    expect(seen.map((t) => t.spent)).to.deep.equal(['0', '0.03']);
    expect(ledger.notice?.text).to.equal(FULL);
    expect(storage.length).to.equal(0);
  });

  it('catches up when storage has room again', () => {
    const { storage, storageKey, ledger } = fullAfterOneCharge();
    ledger.settle(ledger.open({ ...image, quoted: '0.02' }).id, { charged: '0.02' });
    expect(ledger.notice?.text).to.equal(FULL);
    expect(ledger.tally().spent).to.equal('0.03');
    expect(new LedgerStore({ storageKey, storage: reloaded(storage) }).tally().spent).to.equal('0.01');
    storage.full = false;
    ledger.open({ ...image, quoted: '0.04' });
    expect(ledger.notice).to.equal(null);
    const after = new LedgerStore({ storageKey, storage: reloaded(storage) });
    expect(after.tally('1')).to.deep.include({ spent: '0.03', images: 2, remaining: '0.93' });
  });

  it('a reset that could not be written still holds on this page', () => {
    const { storage, storageKey, ledger } = fullAfterOneCharge();
    ledger.reset();
    expect(ledger.tally().spent).to.equal('0');
    expect(new LedgerStore({ storageKey, storage }).tally().spent).to.equal('0');
  });

  it('a storage that cannot be used at all: works in memory with a notice', () => {
    const broken = new MemoryStorage();
    broken.getItem = broken.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const ledger = new LedgerStore({ storageKey: uniqueStorageKey(), storage: broken });
    expect(ledger.notice?.text).to.match(/visit only/);
    ledger.settle(ledger.open({ ...image, quoted: '0.05' }).id, { charged: '0.05' });
    expect(ledger.tally()).to.deep.include({ spent: '0.05', images: 1 });
  });
});

// An entry storage did not take is never sent: reserve() takes it back, ends its locks and says why.
describe('LedgerStore.reserve: nothing opened that storage did not take', () => {
  /** The names of the Web Locks of `storageKey`'s ledger, held or asked for in this browser. */
  const locksOf = async (storageKey: string) => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return [...held, ...pending].map((lock) => lock.name!).filter((name) => name.startsWith(`${storageKey}:ledger:`));
  };

  for (const [what, refusal, said] of [
    ['full', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), ledgerWords.notRecordedFull()],
    ['off', new DOMException('The operation is insecure.', 'SecurityError'), ledgerWords.notRecordedOff()],
  ] as const) {
    it(`storage ${what}: rejects storage-unavailable in words, keeps nothing pending, holds no lock`, async () => {
      const storage = new MemoryStorage();
      storage.setItem = () => {
        throw refusal;
      };
      const storageKey = uniqueStorageKey();
      const ledger = new LedgerStore({ storageKey, storage });
      const refused = await ledger
        .reserve(
          [
            { ...image, quoted: '0.01' },
            { ...image, quoted: '0.01' },
          ],
          '0.02',
        )
        .catch((error: unknown) => error);
      expect(refused).to.include({ code: 'storage-unavailable', message: said, retryable: false });
      expect(ledger.entries()).to.deep.equal([]);
      expect(ledger.tally()).to.deep.include({ spent: '0', images: 0 });
      expect(ledger.tally().uncertain).to.equal(undefined);
      // The entry locks end at once; the amounts they announced to other tabs a little after (3 s).
      await until(async () => (await locksOf(storageKey)).length === 0, 6000);
    });
  }
});
