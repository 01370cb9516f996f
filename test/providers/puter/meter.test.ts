// The Puter adapter's account meter (src/providers/puter/meter.ts), as plain data: what a call's drop books when
// Puter writes earlier calls' charges late, in batches. Times are fixed numbers here, never the clock.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import {
  type AccountMeter,
  WRITTEN_WITHIN_MS,
  meterCall,
  meterOf,
  observe,
  owe,
  owedIn,
  parseCalls,
  withMeter,
} from '../../../src/providers/puter/meter.js';

const T0 = Date.parse('2026-03-10T12:00:00Z');
/** A reading of `usd` left, `s` seconds after T0. */
const read = (usd: string, s = 0) => ({ usd: new Decimal(usd), at: T0 + s * 1000 });
const none: AccountMeter = { owed: [] };
/** The USD owed, as text. */
const owed = (meter: AccountMeter) => owedIn(meter).toString();

describe('Puter meter: a drop books each charge once', () => {
  it('books the whole drop where nothing was owed at the start', () => {
    const { meter, charge } = meterCall(none, {
      before: read('0.5'),
      after: read('0.499', 1),
      quoted: '0.001',
      at: T0,
    });
    expect(charge).to.equal('0.001');
    expect(meter).to.deep.equal({ baseline: '0.499', owed: [] });
  });

  it('books the quote where the drop has not shown yet, and owes it until the meter shows it', () => {
    const { meter, charge } = meterCall(none, { before: read('0.5'), after: read('0.5', 1), quoted: '0.001', at: T0 });
    expect(charge).to.equal(undefined);
    expect(meter.owed).to.deep.equal([{ usd: '0.001', at: T0 }]);
  });

  it('the first charge written during the second call: the second books only its own ($0.001 + $0.002 was the bug)', () => {
    const a = meterCall(none, { before: read('0.5'), after: read('0.5', 1), quoted: '0.001', at: T0 + 1000 });
    // B's reading before still shows nothing of A; its drop shows A's and its own.
    const b = meterCall(a.meter, { before: read('0.5', 2), after: read('0.498', 3), quoted: '0.001', at: T0 + 3000 });
    expect([a.charge, b.charge]).to.deep.equal([undefined, '0.001']);
    expect(owed(b.meter)).to.equal('0');
  });

  it('a drop that holds only the earlier call’s charge pays it, and the call books its quote, owed in turn', () => {
    const a = meterCall(none, { before: read('0.5'), after: read('0.5', 1), quoted: '0.001', at: T0 + 1000 });
    const b = meterCall(a.meter, { before: read('0.5', 2), after: read('0.499', 3), quoted: '0.07', at: T0 + 3000 });
    expect(b.charge).to.equal(undefined);
    expect(b.meter.owed).to.deep.equal([{ usd: '0.07', at: T0 + 3000 }]);
    // The meter catches up before the next call: its reading before pays B's, and its drop is its own.
    const c = meterCall(b.meter, { before: read('0.429', 9), after: read('0.428', 10), quoted: '0.001', at: T0 });
    expect(c.charge).to.equal('0.001');
    expect(owed(c.meter)).to.equal('0');
  });

  it('a call not read (not alone, unknown rate) owes its quote; its reading before still pays what the meter shows', () => {
    const a = owe(none, new Decimal('0.001'), T0);
    const b = meterCall({ ...a, baseline: '0.5' }, { before: read('0.499', 2), quoted: '0.003', at: T0 + 3000 });
    expect(b.charge).to.equal(undefined);
    expect(b.meter.owed).to.deep.equal([{ usd: '0.003', at: T0 + 3000 }]);
    expect(owe(none, undefined, T0), 'nothing known to owe').to.deep.equal(none);
    expect(meterCall(none, { quoted: 'n/a', at: T0 }).meter, 'nor where the quote is no amount').to.deep.equal(none);
  });

  it('less than half its quote past what was owed is not taken for the call’s own charge (it may still come)', () => {
    // A was charged a little more than quoted: the excess shows in B's drop, B's own not yet.
    const a = { baseline: '0.5', owed: [{ usd: '0.01', at: T0 }] };
    const b = meterCall(a, { before: read('0.5', 1), after: read('0.4898', 2), quoted: '0.01', at: T0 + 2000 });
    expect(b.charge).to.equal(undefined);
    // What the drop showed past A's quote counts as paid of B's: the total booked is what was charged, once written.
    expect(b.meter.owed).to.deep.equal([{ usd: '0.0098', at: T0 + 2000 }]);
    // Where nothing was owed, a drop below half the quote is the call's own (a bound far above the charge).
    expect(meterCall(none, { before: read('0.5'), after: read('0.49', 1), quoted: '0.1', at: T0 }).charge).to.equal(
      '0.01',
    );
  });

  it('lets an owed call go once its charge must be written: a quote above the charge does not hold later drops', () => {
    // A bound of $0.10 for a charge of $0.03, written before the next call.
    const a = meterCall(none, { before: read('1'), after: read('1', 1), quoted: '0.1', at: T0 + 1000 });
    const soon = observe(a.meter, read('0.97', 10));
    expect(soon.meter.owed).to.deep.equal([{ usd: '0.07', at: T0 + 1000 }]);
    // B starts when A's charge must be written: what is left of A's quote is let go, and B's drop is its own.
    expect(WRITTEN_WITHIN_MS).to.equal(30_000);
    const b = meterCall(soon.meter, { before: read('0.97', 31), after: read('0.94', 32), quoted: '0.1', at: T0 });
    expect(b.charge).to.equal('0.03');
    expect(owed(b.meter)).to.equal('0');
  });

  it('funds added meanwhile show as no drop: the quote is booked, and the new balance is the baseline', () => {
    const { meter, charge } = meterCall(none, { before: read('0.5'), after: read('5.5', 1), quoted: '0.001', at: T0 });
    expect(charge).to.equal(undefined);
    expect(meter.baseline).to.equal('5.5');
  });
});

describe('Puter meter: as stored', () => {
  it('reads the counts an earlier version stored, with no meters; refuses what it cannot tell', () => {
    expect(parseCalls('{"started":7,"finished":6}')).to.deep.equal({ started: 7, finished: 6, meters: {} });
    expect(parseCalls(null)).to.deep.equal({ started: 0, finished: 0, meters: {} });
    expect(parseCalls('{"started":"7","finished":6}')).to.equal(undefined);
    expect(parseCalls('not json')).to.equal(undefined);
    const stored = {
      started: 2,
      finished: 2,
      meters: { good: { baseline: '0.5', owed: [{ usd: '0.001', at: T0 }] }, bad: { owed: [{ usd: 'x', at: 1 }] } },
    };
    expect(parseCalls(JSON.stringify(stored))!.meters).to.deep.equal({ good: stored.meters.good });
  });

  it('keeps the meters of the 8 accounts used last', () => {
    let calls = parseCalls(null)!;
    for (let i = 0; i < 10; i++) calls = withMeter(calls, `user-${i}`, { baseline: String(i), owed: [] });
    calls = withMeter(calls, 'user-3', { owed: [] });
    const kept = ['user-2', 'user-4', 'user-5', 'user-6', 'user-7', 'user-8', 'user-9', 'user-3'];
    expect(Object.keys(calls.meters)).to.deep.equal(kept);
    expect(meterOf(calls, 'user-0')).to.deep.equal(none);
  });
});
