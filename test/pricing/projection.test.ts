import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { projectionOf } from '../../src/pricing/projection.js';

/** The local day number of a calendar date, as the ledger's `dayOf` counts (a UTC day of the local date). */
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 864e5;

describe('projectionOf', () => {
  it('prices 100, counts per $1 and what fits the budget left, in whole submissions', () => {
    const projection = projectionOf('0.014', '0.53', new Map(), day('2026-11-22'))!;
    expect(projection).to.deep.include({ hundred: '1.4', perDollar: 71, beforeBudget: 37 });
    expect(projection.monthPace).to.equal(undefined); // nothing spent this month
  });

  it('has no budget figure without a budget, and nothing at all for a free price', () => {
    expect(projectionOf('0.03', undefined, new Map(), day('2026-11-22'))!.beforeBudget).to.equal(undefined);
    expect(projectionOf('0', '1', new Map(), day('2026-11-22'))).to.equal(undefined);
  });

  it("spreads this month's spending over the days gone and projects it on the whole month", () => {
    const byDay = new Map([
      [day('2026-10-31'), new Decimal('5')], // last month: not counted
      [day('2026-11-01'), new Decimal('0.3')],
      [day('2026-11-10'), new Decimal('0.3')],
      [day('2026-11-23'), new Decimal('9')], // after today (another clock): not counted
    ]);
    // $0.60 over 20 days of a 30-day month: $0.90.
    expect(projectionOf('0.03', undefined, byDay, day('2026-11-20'))!.monthPace).to.equal('0.9');
    // On the 1st, the pace is that day's spending times the month's days (February 2028: 29).
    const leap = new Map([[day('2028-02-01'), new Decimal('0.1')]]);
    expect(projectionOf('0.03', undefined, leap, day('2028-02-01'))!.monthPace).to.equal('2.9');
  });
});
