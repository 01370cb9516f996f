// Holds: src/ledger/amounts.ts
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { UserPaysError } from '../../src/base/errors.js';
import type { Tally } from '../../src/base/types.js';
import { controlledClock } from '../support/clock.js';
import { MemoryStorage, image, reloaded } from '../support/ledger.js';
import { uniqueStorageKey } from '../support/sim.js';
import { summarize } from '../../src/ledger/sums.js';
import type { DayRow } from '../../src/ledger/compaction.js';

const time = controlledClock();

function fresh(storage = new MemoryStorage()) {
  const storageKey = uniqueStorageKey();
  return { storage, storageKey, ledger: new LedgerStore({ storageKey, storage }) };
}
const stored = (storage: MemoryStorage) =>
  JSON.parse([...storage.map.entries()].find(([k]) => k.endsWith(':ledger'))![1]);

describe('LedgerStore: tally', () => {
  it('starts at zero with since = now', () => {
    const tally = fresh().ledger.tally();
    expect(tally).to.deep.include({ spent: '0', images: 0, byModel: {} });
    expect(tally).not.to.have.property('budget');
    expect(Date.parse(tally.since)).to.equal(time.now());
  });

  it('adds amounts exactly: ten entries of 0.014 make 0.14', () => {
    const { ledger } = fresh();
    for (let i = 0; i < 10; i++) ledger.settle(ledger.open({ ...image, quoted: '0.014' }).id, { charged: '0.014' });
    const tally = ledger.tally();
    expect(tally.spent).to.equal('0.14');
    expect(tally.images).to.equal(10);
    expect(tally.byModel).to.deep.equal({ 'flux-2-pro': { spent: '0.14', images: 10 } });
  });

  it('adds 0.1 and 0.2 to 0.3 and splits by model', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.1' }).id, { charged: '0.1' });
    ledger.settle(ledger.open({ ...image, model: 'flux-2-max', quoted: '0.2' }).id, { charged: '0.2' });
    ledger.settle(ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' }).id, { charged: '0.07' });
    const tally = ledger.tally();
    expect(tally.spent).to.equal('0.37');
    expect(tally.images).to.equal(3);
    expect(tally.byModel).to.deep.equal({
      'flux-2-pro': { spent: '0.1', images: 1 },
      'flux-2-max': { spent: '0.27', images: 2 },
    });
  });

  it("books the provider's real charge, not the quote, and keeps credits", () => {
    const { ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    ledger.settle(id, { charged: '0.045', credits: '4.5' });
    expect(ledger.tally().spent).to.equal('0.045');
    expect(ledger.entries()[0]).to.deep.include({
      status: 'charged',
      charged: '0.045',
      credits: '4.5',
      quoted: '0.03',
    });
  });

  it('writes amounts as plain exact decimals (no exponent, no trailing zeros)', () => {
    const { ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.00000010' });
    ledger.settle(id, { charged: '0.00000010' });
    expect(ledger.entries()[0].quoted).to.equal('0.0000001');
    expect(ledger.tally().spent).to.equal('0.0000001');
  });

  it('counts a settlement once however often it is settled', () => {
    const { ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    ledger.settle(id, { charged: '0.03' });
    ledger.settle(id, { charged: '0.03' });
    ledger.settle(id, { charged: '0.05' });
    ledger.settle(id, { void: true });
    expect(ledger.tally()).to.deep.include({ spent: '0.03', images: 1 });
    expect(ledger.entries()).to.have.length(1);
    expect(ledger.entries()[0].charged).to.equal('0.03');
  });

  it('does not count void entries', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { void: true, error: 'moderated' });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
    expect(ledger.tally()).to.deep.include({ spent: '0.03', images: 1 });
    expect(ledger.entries()[0]).to.deep.include({ status: 'void', error: 'moderated' });
    expect(ledger.entries()[0]).not.to.have.property('charged');
  });

  it('counts a paid failure as spent but not as an image: as a paid failure', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03', error: 'moderated' });
    expect(ledger.tally()).to.deep.include({
      spent: '0.03',
      images: 0,
      paidFailures: 1,
      byModel: { 'flux-2-pro': { spent: '0.03', images: 0, paidFailures: 1 } },
    });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
    expect(ledger.tally()).to.deep.include({ spent: '0.06', images: 1, paidFailures: 1 });
    // A compacted row keeps its charged entries beside its images: those that brought none are paid failures.
    const days = new Map([['1 flux-2-pro', [1, 'flux-2-pro', '0.09', 1, 3] as DayRow]]);
    const sums = summarize({ view: new Map(), days } as Parameters<typeof summarize>[0]);
    expect([sums.images, sums.failures]).to.deep.equal([1, 2]);
  });

  it('ignores settling an unknown id', () => {
    const { ledger } = fresh();
    ledger.settle('nope', { charged: '1' });
    expect(ledger.tally().spent).to.equal('0');
    expect(ledger.entries()).to.have.length(0);
  });

  it('rejects an amount that is not money', () => {
    const { ledger } = fresh();
    expect(() => ledger.open({ ...image, quoted: '1e-3' })).to.throw(UserPaysError);
    expect(() => ledger.open({ ...image, quoted: '-1' })).to.throw(UserPaysError);
    expect(() => ledger.wouldExceed('abc', '1')).to.throw(UserPaysError);
    expect(ledger.entries()).to.have.length(0);
  });
});

describe('LedgerStore: budget', () => {
  it('holds pending entries against the budget, not as spent', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
    ledger.open({ ...image, quoted: '0.014' });
    ledger.open({ ...image, quoted: '0.014' });
    expect(ledger.pending()).to.have.length(2);
    expect(ledger.tally('0.1')).to.deep.include({ spent: '0.03', images: 1, budget: '0.1', remaining: '0.042' });
  });

  it("holds a pending entry at the provider's reported cost once it is known", () => {
    const { ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    ledger.attachTask(
      id,
      { provider: 'bfl', id: 'task-1', pollingUrl: 'https://api.bfl.ai/v1/get_result?id=task-1' },
      { usd: '0.045', credits: '4.5' },
    );
    expect(ledger.tally('1').remaining).to.equal('0.955');
    expect(ledger.pending()[0]).to.deep.include({ status: 'pending', charged: '0.045', credits: '4.5' });
    expect(ledger.pending()[0].task).to.deep.equal({
      provider: 'bfl',
      id: 'task-1',
      pollingUrl: 'https://api.bfl.ai/v1/get_result?id=task-1',
    });
  });

  it('wouldExceed: exactly reaching the budget is allowed, a hair more is not', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.05' }).id, { charged: '0.05' });
    ledger.open({ ...image, quoted: '0.01' });
    expect(ledger.wouldExceed('0.04', '0.1')).to.equal(false);
    expect(ledger.wouldExceed('0.0400001', '0.1')).to.equal(true);
    expect(ledger.wouldExceed('0.05', '0.1')).to.equal(true); // the pending 0.01 counts
    expect(ledger.wouldExceed('1000')).to.equal(false);
    expect(ledger.wouldExceed('1000', null)).to.equal(false);
    expect(ledger.wouldExceed('1000', '')).to.equal(false);
  });

  it('refuses past the budget with the cost as a price is shown ("$0.0421"), never to the millionth', async () => {
    const { ledger } = fresh();
    const refused = await ledger
      .reserve([{ ...image, quoted: '0.042106' }], '0.042106', '0.04', 'en-US')
      .catch((error: UserPaysError) => error);
    expect(refused).to.include({ code: 'budget-exceeded' });
    expect((refused as UserPaysError).message).to.match(
      /^This would cost \$0\.0421, and \$0\.04 of your \$0\.04 budget is left\./,
    );
  });

  // "This would cost $0.014 and take you past your budget of $0.02" alone would read as a wrong sum, where another
  // tab's image under way holds $0.014 of it.
  it('refuses past the budget saying what is left of it, and what of the rest is held for images under way', async () => {
    const { ledger } = fresh();
    await ledger.reserve([{ ...image, quoted: '0.014' }], '0.014', '0.02', 'en-US');
    const refused = await ledger
      .reserve([{ ...image, quoted: '0.014' }], '0.014', '0.02', 'en-US')
      .catch((error: UserPaysError) => error);
    expect((refused as UserPaysError).message).to.match(
      /^This would cost \$0\.014, and \$0\.006 of your \$0\.02 budget is left \(\$0\.014 is held for images under way\)\. /,
    );
  });

  it('refuses past the budget with a bound rounded up, as the preview says it ("at most $0.158", not "$0.157")', async () => {
    const { ledger } = fresh();
    const refused = await ledger
      .reserve([{ ...image, quoted: '0.15712' }], '0.15712', '0.15', 'en-US', true)
      .catch((error: UserPaysError) => error);
    expect((refused as UserPaysError).message).to.match(/^This would cost \$0\.158, and/);
  });

  it('never reports remaining below 0, even when the provider charged more than quoted', () => {
    const { ledger } = fresh();
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.2' });
    expect(ledger.tally('0.1')).to.deep.include({ spent: '0.2', remaining: '0' });
    expect(ledger.wouldExceed('0', '0.1')).to.equal(true);
  });

  it('ignores a budget that is not an amount', () => {
    const { ledger } = fresh();
    expect(ledger.tally('ten')).not.to.have.property('remaining');
    expect(ledger.tally(' 2.50 ')).to.deep.include({ budget: '2.5', remaining: '2.5' });
  });
});

describe('LedgerStore: persistence', () => {
  it('persists an opened entry before open() returns', () => {
    const { storage, storageKey, ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    const after = new LedgerStore({ storageKey, storage: reloaded(storage) });
    expect(after.pending().map((e) => e.id)).to.deep.equal([id]);
  });

  it('reads everything back after a reload, pending tasks included', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey, storage });
    const a = ledger.open({ ...image, quoted: '0.014' });
    const b = ledger.open({ ...image, model: 'flux-2-max', quoted: '0.07' });
    const c = ledger.open({ ...image, quoted: '0.014' });
    ledger.attachTask(b.id, {
      provider: 'bfl',
      id: 'task-b',
      pollingUrl: 'https://api.eu.bfl.ai/v1/get_result?id=task-b',
    });
    ledger.settle(a.id, { charged: '0.014', credits: '1.4' });
    ledger.settle(c.id, { void: true, error: 'network' });
    const after = new LedgerStore({ storageKey, storage: reloaded(storage) });
    expect(after.entries()).to.deep.equal(ledger.entries());
    expect(after.tally('1')).to.deep.equal(ledger.tally('1'));
    expect(after.pending()[0].task).to.deep.equal({
      provider: 'bfl',
      id: 'task-b',
      pollingUrl: 'https://api.eu.bfl.ai/v1/get_result?id=task-b',
    });
    expect(after.tally('1')).to.deep.include({ spent: '0.014', remaining: '0.916' });
    expect(after.notice).to.equal(null);
  });

  it('stores a versioned document under <storageKey>:ledger', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    new LedgerStore({ storageKey, storage }).open({ ...image, quoted: '0.03' });
    const doc = JSON.parse(storage.getItem(`${storageKey}:ledger`)!);
    expect(doc.v).to.equal(2);
    expect(doc.since).to.be.a('number');
    expect(doc.entries).to.have.length(1);
  });

  it('reset: clears settled entries, keeps pending ones, which then count in the new session', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    const ledger = new LedgerStore({ storageKey, storage });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { void: true });
    const running = ledger.open({ ...image, quoted: '0.05' });
    const since = ledger.tally().since;
    time.advance(5);
    // Settlements in the same millisecond as the reset, before and after it.
    ledger.settle(ledger.open({ ...image, quoted: '0.02' }).id, { charged: '0.02' });
    ledger.reset();
    expect(Date.parse(ledger.tally().since)).to.be.greaterThan(Date.parse(since));
    expect(ledger.entries().map((e) => e.id)).to.deep.equal([running.id]);
    expect(ledger.tally('1')).to.deep.include({ spent: '0', images: 0, remaining: '0.95' });
    ledger.settle(running.id, { charged: '0.05' });
    expect(ledger.tally()).to.deep.include({ spent: '0.05', images: 1 });
    const after = new LedgerStore({ storageKey, storage: reloaded(storage) });
    expect(after.tally()).to.deep.equal(ledger.tally());
  });

  it('keeps settled entries compact: the task is dropped once there is nothing to resume', () => {
    const { storage, ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    ledger.attachTask(id, { provider: 'bfl', id: 'task-1', pollingUrl: 'https://api.bfl.ai/v1/get_result?id=task-1' });
    expect(JSON.stringify(stored(storage).entries[0])).to.contain('get_result');
    ledger.settle(id, { charged: '0.03' });
    const row = JSON.stringify(stored(storage).entries[0]);
    expect(row).not.to.contain('task-1');
    expect(row.length).to.be.lessThan(120);
    expect(ledger.entries()[0]).not.to.have.property('task');
  });
});

describe('LedgerStore: subscribe (this page)', () => {
  it('tells every store with the same key about a change, with its own budget', () => {
    const storage = new MemoryStorage();
    const storageKey = uniqueStorageKey();
    const a = new LedgerStore({ storageKey, storage });
    const b = new LedgerStore({ storageKey, storage });
    const other = new LedgerStore({ storageKey: uniqueStorageKey(), storage });
    const seenA: Tally[] = [];
    const seenB: Tally[] = [];
    const seenOther: Tally[] = [];
    a.subscribe((t) => seenA.push(t));
    const stop = b.subscribe((t) => seenB.push(t));
    b.setPageBudget(b, '1'); // an element of this page sets a budget: it is in force for the whole key
    other.subscribe((t) => seenOther.push(t));
    const { id } = a.open({ ...image, quoted: '0.03' });
    expect(seenB.at(-1)).to.deep.include({ spent: '0', remaining: '0.97' });
    b.settle(id, { charged: '0.03' });
    expect(seenA.at(-1)).to.deep.include({ spent: '0.03', images: 1, remaining: '0.97' });
    expect(seenB.at(-1)).to.deep.include({ spent: '0.03', remaining: '0.97' });
    stop();
    a.reset();
    expect(seenA.at(-1)).to.deep.include({ spent: '0' });
    expect(seenB).to.have.length(3); // the budget, the opening, the settlement
    expect(seenOther).to.have.length(0);
  });

  it('does not fire for a settlement that changes nothing', () => {
    const { ledger } = fresh();
    const { id } = ledger.open({ ...image, quoted: '0.03' });
    ledger.settle(id, { charged: '0.03' });
    let calls = 0;
    ledger.subscribe(() => calls++);
    ledger.settle(id, { charged: '0.03' });
    ledger.settle('unknown', { charged: '0.03' });
    expect(calls).to.equal(0);
  });
});

describe('LedgerStore: what a balance booked, taken back', () => {
  /** A lost reply held at 7 × $0.014, then booked at one price by its balance's evidence alone. */
  function counted() {
    const { ledger, storage, storageKey } = fresh();
    const { id } = ledger.open({ ...image, model: 'flux-2-klein-4b', quoted: '0.014' });
    ledger.markSent(id);
    ledger.settle(id, { charged: '0.014', basis: 'balance', heldBefore: '0.098', error: 'network' });
    return { ledger, storage, storageKey, id };
  }

  it('Undo holds it uncertain again at what it was held at, and the answers book it as any uncertain charge', () => {
    const { ledger, id } = counted();
    expect(ledger.tally()).to.deep.include({ spent: '0.014', paidFailures: 1 });
    expect(ledger.reopen(id)).to.equal(true);
    expect(ledger.entries()[0]).to.deep.include({
      status: 'uncertain',
      charged: '0.098',
      reopened: 1,
      error: 'network',
    });
    expect(ledger.entries()[0]).not.to.have.any.keys('heldBefore', 'basis');
    expect(ledger.tally()).to.deep.include({ spent: '0', uncertain: '0.098' });
    ledger.resolve(id, { void: true });
    expect(ledger.tally().spent).to.equal('0');
    expect(ledger.tally()).not.to.have.property('uncertain');
    expect(ledger.reopen(id), 'once only').to.equal(false);
  });

  it('only a charge a balance booked, still booked so, and visible, can be taken back', () => {
    const { ledger } = fresh();
    const answered = ledger.open({ ...image, quoted: '0.014' });
    ledger.settle(answered.id, { charged: '0.014' });
    expect(ledger.reopen(answered.id), 'charged by a reply').to.equal(false);
    expect(ledger.reopen('unknown')).to.equal(false);
    const reset = counted();
    reset.ledger.reset();
    expect(reset.ledger.reopen(reset.id), 'after a reset').to.equal(false);
    expect(reset.ledger.tally().spent).to.equal('0');
  });

  it('what it was held at is kept in storage, and read back after a reload', () => {
    const { storage, storageKey, id } = counted();
    const back = new LedgerStore({ storageKey, storage: reloaded(storage) });
    expect(back.entries()[0]).to.deep.include({ status: 'charged', heldBefore: '0.098', basis: 'balance' });
    expect(back.reopen(id)).to.equal(true);
  });
});
