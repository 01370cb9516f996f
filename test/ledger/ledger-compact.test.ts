// Bounded growth: compaction of old entries into per-day, per-model aggregates, its merge across tabs,
// and the v1 → v2 migration. Time is set on a controlled clock (test/support/clock.ts), storage is per "tab"
// (helpers.ts).
// Holds: src/base/clock.ts
// Holds: src/ledger/compaction.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { dayOf } from '../../src/base/days.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { controlledClock } from '../support/clock.js';
import { v1History } from '../support/ledger-history.js';
import { image, MemoryStorage, oneOrigin, reloaded, TabStorage } from '../support/ledger.js';
import { uniqueStorageKey } from '../support/sim.js';

const DAY = 864e5;
const MODELS = ['flux-2-klein-4b', 'flux-2-pro', 'flux-2-max'];
const PRICES = ['0.014', '0.03', '0.07'];
const time = controlledClock();
/** The test's present: where the clock stands between calls of `at`. */
const now = () => time.now();

/** Runs `fn` with the clock at `moment`, then puts it back. */
function at<T>(moment: number, fn: () => T): T {
  const present = time.now();
  time.set(moment);
  try {
    return fn();
  } finally {
    time.set(present);
  }
}

const doc = (storage: MemoryStorage, storageKey: string) => JSON.parse(storage.getItem(`${storageKey}:ledger`)!);
const daysOf = (ledger: LedgerStore) =>
  Object.fromEntries([...ledger.spentByDay()].map(([d, usd]) => [d, usd.toFixed()]));

/** What a history adds up to, computed without the ledger. */
class Expected {
  spent = new Decimal(0);
  images = 0;
  failures = 0;
  byModel: Record<string, { spent: Decimal; images: number; failures: number }> = {};
  byDay: Record<number, Decimal> = {};
  charge(model: string, usd: string, settledAt: number, image = true) {
    const m = (this.byModel[model] ??= { spent: new Decimal(0), images: 0, failures: 0 });
    m.spent = m.spent.plus(usd);
    m.images += +image;
    m.failures += +!image;
    this.spent = this.spent.plus(usd);
    this.images += +image;
    this.failures += +!image;
    const d = dayOf(settledAt);
    this.byDay[d] = (this.byDay[d] ?? new Decimal(0)).plus(usd);
  }
  check(ledger: LedgerStore) {
    const tally = ledger.tally();
    expect(tally.spent).to.equal(this.spent.toFixed());
    expect(tally.images).to.equal(this.images);
    // Paid failures, compacted or not: what the tally line says was paid for besides images.
    expect(tally.paidFailures).to.equal(this.failures || undefined);
    expect(tally.byModel).to.deep.equal(
      Object.fromEntries(
        Object.entries(this.byModel).map(([k, v]) => [
          k,
          { spent: v.spent.toFixed(), images: v.images, ...(v.failures && { paidFailures: v.failures }) },
        ]),
      ),
    );
    expect(daysOf(ledger)).to.deep.equal(
      Object.fromEntries(Object.entries(this.byDay).map(([d, usd]) => [d, usd.toFixed()])),
    );
  }
}

/**
 * Records `n` settled entries through the API, one every `step` ms from `start` (every 40th void, every 33rd a
 * paid failure).
 */
function record(ledger: LedgerStore, expected: Expected, n: number, start: number, step: number) {
  for (let i = 0; i < n; i++) {
    const settledAt = start + i * step;
    at(settledAt, () => {
      const model = MODELS[i % 3];
      const usd = PRICES[i % 3];
      const { id } = ledger.open({ ...image, model, quoted: usd, prompt: 'a long prompt '.repeat(20) });
      if (i % 40 === 39) return ledger.settle(id, { void: true, error: 'moderated' });
      const failed = i % 33 === 32;
      ledger.settle(id, { charged: usd, error: failed ? 'timeout' : undefined });
      expected.charge(model, usd, settledAt, !failed);
    });
  }
}

/** A storage of one tab that refuses writes while `full`, as a browser does when the quota is used up. */
class FullTab extends TabStorage {
  full = false;
  override setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('LedgerStore: compaction', () => {
  it('keeps totals, the per-model split and the spend per day exactly, and bounds what is stored', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    const ledger = at(now() - 21 * DAY, () => new LedgerStore({ storageKey, storage }));
    const expected = new Expected();
    record(ledger, expected, 1200, now() - 20 * DAY, (19 * DAY) / 1200);
    const stored = doc(storage, storageKey);
    expect(stored.v).to.equal(2);
    expect(stored.entries.length).to.be.within(200, 250);
    expect(stored.days.length).to.be.greaterThan(20);
    expect(stored.cut).to.be.greaterThan(now() - 20 * DAY);
    // Every entry settled before the cut is gone, every one after it is there.
    expect(Math.min(...ledger.entries().map((e) => e.settledAt!))).to.be.at.least(stored.cut);
    expected.check(ledger);
    expected.check(new LedgerStore({ storageKey, storage: reloaded(storage) }));
    // The compacted rows plus the entries still stored are the whole history.
    const rows = ledger.compacted();
    const inRows = rows.reduce((sum, row) => sum.plus(row.spent), new Decimal(0));
    const inEntries = ledger
      .entries()
      .reduce((sum, entry) => (entry.status === 'charged' ? sum.plus(entry.charged!) : sum), new Decimal(0));
    expect(inRows.plus(inEntries).toFixed()).to.equal(expected.spent.toFixed());
    expect(rows[0]).to.have.keys('day', 'model', 'spent', 'images', 'count');
    expect(rows[0].day).to.match(/^\d{4}-\d\d-\d\d$/);
    // Pending entries keep their prompt for resume; settled ones do not carry it.
    expect(ledger.entries().every((e) => e.prompt === undefined)).to.equal(true);
  });

  it('never compacts what settled in the last hour, nor pending entries', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    const ledger = at(now() - 6 * DAY, () => new LedgerStore({ storageKey, storage }));
    const expected = new Expected();
    const pending = at(now() - 3 * DAY, () => ledger.open({ ...image, quoted: '0.03', prompt: 'still running' }));
    record(ledger, expected, 400, now() - 50 * 60_000, 5000); // all within the last hour
    expect(doc(storage, storageKey).entries).to.have.length(401);
    expect(doc(storage, storageKey).days).to.deep.equal([]);
    expected.check(ledger);
    record(ledger, expected, 300, now() - 5 * DAY, 60_000);
    expect(ledger.pending().map((e) => e.id)).to.deep.equal([pending.id]);
    expect(ledger.pending()[0].prompt).to.equal('still running');
    expected.check(ledger);
  });

  it('two tabs compacting the same history at once: nothing lost, nothing counted twice', () => {
    for (const bWritesLast of [true, false]) {
      const origin = oneOrigin();
      const history = v1History(300, 10);
      origin.shared.set(origin.ledgerKey, history.raw);
      const tabA = new TabStorage(origin.shared);
      const tabB = new TabStorage(origin.shared); // has not seen anything A writes
      const expected = new Expected();
      const a = origin.open(tabA).ledger; // migrates and compacts
      record(a, expected, 60, now() - 30 * 60_000, 1000); // past 250 again: compacts further
      const cutA = origin.stored().cut;
      const b = origin.open(tabB).ledger; // compacts the stale v1 history its own way
      record(b, expected, 5, now() - 10 * 60_000, 1000);
      expect(origin.stored().cut).to.be.lessThan(cutA);
      // A, not having seen B's write, writes over it.
      if (!bWritesLast) a.settle(a.open({ ...image, quoted: '0.03' }).id, { void: true });
      origin.hear(tabA, tabB, tabA, tabB);
      const spent = expected.spent.plus(history.spent).toFixed();
      const images = expected.images + history.images;
      for (const ledger of [a, b, origin.reloaded(tabA)]) {
        expect(ledger.tally()).to.deep.include({ spent, images });
        expect(ledger.entries().length).to.be.at.most(250);
      }
    }
  });

  it('an entry this page stored and another tab compacted is not merged back (no double count)', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = at(now() - 4 * DAY, () => origin.open());
    const expected = new Expected();
    record(a, expected, 1, now() - 3 * DAY, 0); // A's own entry, stored
    const { tab: tabB, ledger: b } = origin.open();
    record(b, expected, 300, now() - 2 * DAY, 60_000); // B compacts A's entry into its days
    expect(origin.stored().entries).to.have.length.at.most(250);
    origin.hear(tabA);
    a.open({ ...image, quoted: '0.01' }); // A writes: its old entry must not come back as an entry
    origin.hear(tabB);
    const held = new Decimal('0.01');
    for (const ledger of [a, b, origin.reloaded(tabA)]) {
      expected.check(ledger);
      expect(ledger.tally('100').remaining).to.equal(new Decimal(100).minus(expected.spent).minus(held).toFixed());
    }
  });

  it('an entry this page could not store (storage full) is folded in once another tab compacted past it', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = at(now() - 4 * DAY, () => origin.open(new FullTab(origin.shared)));
    const expected = new Expected();
    tabA.full = true;
    record(a, expected, 1, now() - 3 * DAY, 0); // only in A's memory
    expect(a.notice?.text).to.match(/full/);
    const { tab: tabB, ledger: b } = origin.open();
    record(b, expected, 300, now() - 2 * DAY, 60_000); // compacts past A's entry, never having seen it
    expect(origin.stored().cut).to.be.greaterThan(a.entries()[0].settledAt!);
    tabA.full = false;
    origin.hear(tabA);
    expect(a.notice).to.equal(null);
    origin.hear(tabB);
    for (const ledger of [a, b, origin.reloaded(tabA)]) expected.check(ledger);
  });

  it('a reset clears the compacted history too, also when a stale tab writes it back', () => {
    const origin = oneOrigin();
    const { tab: tabA, ledger: a } = at(now() - 6 * DAY, () => origin.open());
    record(a, new Expected(), 300, now() - 5 * DAY, 60_000);
    expect(a.compacted()).not.to.deep.equal([]);
    const running = a.open({ ...image, quoted: '0.05' });
    const { tab: tabB, ledger: b } = origin.open(); // has the compacted history
    a.reset();
    expect(a.tally()).to.deep.include({ spent: '0', images: 0 });
    expect(a.compacted()).to.deep.equal([]);
    expect(a.spentByDay().size).to.equal(0);
    time.advance(3);
    b.settle(running.id, { charged: '0.05' }); // B has not seen the reset: writes the old days back
    origin.hear(tabA, tabB, tabA);
    for (const ledger of [a, b, origin.reloaded(tabA)]) {
      expect(ledger.tally()).to.deep.include({ spent: '0.05', images: 1 });
      expect(ledger.compacted()).to.deep.equal([]);
    }
  });
});

describe('LedgerStore: schema versions', () => {
  const holding = (raw: string) => {
    const storageKey = uniqueStorageKey();
    const storage = new MemoryStorage(new Map([[`${storageKey}:ledger`, raw]]));
    return { storageKey, storage, ledger: new LedgerStore({ storageKey, storage }) };
  };
  const quarantined = (storage: MemoryStorage) => [...storage.map.keys()].filter((k) => k.includes(':quarantine:'));

  it('migrates a v1 document to v2 without loss or notice, compacting it', () => {
    const history = v1History(2000, 30);
    const { storageKey, storage, ledger } = holding(history.raw);
    expect(ledger.notice).to.equal(null);
    expect(quarantined(storage)).to.deep.equal([]);
    const stored = doc(storage, storageKey);
    expect(stored.v).to.equal(2);
    expect(stored.entries.length).to.be.at.most(250);
    expect(stored.since).to.equal(JSON.parse(history.raw).since);
    expect(ledger.tally()).to.deep.include({ spent: history.spent, images: history.images });
    expect(new LedgerStore({ storageKey, storage: reloaded(storage) }).tally()).to.deep.include({
      spent: history.spent,
      images: history.images,
    });
  });

  it('a v1 document with a few damaged rows: keeps the rest, sets the original aside, says so once', () => {
    const history = JSON.parse(v1History(10, 2).raw);
    history.entries[3] = ['broken'];
    const { storageKey, storage, ledger } = holding(JSON.stringify(history));
    expect(ledger.notice?.text).to.match(/damaged/);
    expect(quarantined(storage)).to.have.length(1);
    expect(ledger.entries()).to.have.length(9);
    expect(new LedgerStore({ storageKey, storage: reloaded(storage) }).notice).to.equal(null);
  });

  for (const [what, v] of [
    ['an older, unknown version', 0],
    ['no version', undefined],
    ['a newer version', 3],
  ] as const) {
    it(`${what}: keeps the rows that read as v2, sets the value aside, says so, carries on`, () => {
      const history = JSON.parse(v1History(5, 1).raw);
      const raw = JSON.stringify({
        ...history,
        v,
        since: now() - 30 * DAY,
        days: [[dayOf(now()) - 9, 'flux-2-pro', '0.3', 10, 10]],
        cut: now() - 8 * DAY,
        extra: 'from the future',
      });
      const { storage, ledger } = holding(raw);
      expect(ledger.notice?.text).to.match(/damaged/);
      expect(quarantined(storage).map((k) => storage.getItem(k))).to.deep.equal([raw]);
      expect(ledger.entries()).to.have.length(5);
      expect(ledger.tally().byModel['flux-2-pro'].spent).to.equal(v === 3 ? '0.33' : '0.03');
      ledger.settle(ledger.open({ ...image, quoted: '0.01' }).id, { charged: '0.01' });
      expect(JSON.parse(storage.getItem(quarantined(storage)[0].split(':quarantine:')[0])!).v).to.equal(2);
    });
  }

  it('a v2 document whose compacted rows are not a list: keeps the entries, sets it aside, says so', () => {
    const history = JSON.parse(v1History(5, 1).raw);
    const { storage, ledger } = holding(JSON.stringify({ ...history, v: 2, cut: 1, days: { oops: true } }));
    expect(ledger.notice?.text).to.match(/damaged/);
    expect(quarantined(storage)).to.have.length(1);
    expect(ledger.entries()).to.have.length(5);
  });

  it('a damaged compacted row is dropped with a notice; the valid ones are kept', () => {
    const history = JSON.parse(v1History(5, 1).raw);
    const d = dayOf(now()) - 9;
    const raw = JSON.stringify({
      ...history,
      v: 2,
      since: now() - 30 * DAY,
      cut: now() - 8 * DAY,
      days: [[d, 'flux-2-pro', '0.3', 10, 10], [d, 'flux-2-max', '0.3 USD', 1, 1], 'x'],
    });
    const { ledger } = holding(raw);
    expect(ledger.notice?.text).to.match(/damaged/);
    expect(ledger.compacted()).to.deep.equal([
      { day: new Date(d * DAY).toISOString().slice(0, 10), model: 'flux-2-pro', spent: '0.3', images: 10, count: 10 },
    ]);
  });
});

describe('LedgerStore: compacted rows past 60 days', () => {
  it('merge into one row per month and model, dated the 1st, with the same totals', () => {
    const history = v1History(3000, 400);
    const storageKey = uniqueStorageKey();
    const storage = new MemoryStorage(new Map([[`${storageKey}:ledger`, history.raw]]));
    const ledger = new LedgerStore({ storageKey, storage });
    expect(ledger.tally()).to.deep.include({ spent: history.spent, images: history.images });
    const rows = ledger.compacted();
    const limit = new Date((dayOf(now()) - 60) * DAY).toISOString().slice(0, 10);
    const old = rows.filter((r) => r.day < limit);
    expect(old.length).to.be.greaterThan(0);
    expect(old.every((r) => r.day.endsWith('-01'))).to.equal(true);
    expect(new Set(old.map((r) => r.day + r.model)).size).to.equal(old.length);
    expect(rows.length).to.be.lessThan(60 * 5 + 16 * 5);
    expect(
      rows.reduce((count, row) => count + row.count, 0) +
        ledger.entries().filter((entry) => entry.status === 'charged').length,
    ).to.equal(3000 - 60);
  });
});
