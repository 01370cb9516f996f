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

  it('a price that is a bound: 100 and $1 at what is expected and at the most; the budget lets the most through', () => {
    // About $0.21, at most $0.48 (GPT Image 2.6 at high quality).
    const projection = projectionOf('0.21', '1', new Map(), day('2026-11-22'), '0.48')!;
    expect(projection).to.deep.include({ hundred: '21', hundredMost: '48', perDollar: 4, perDollarLeast: 2 });
    // The guard lets one through while its most fits what is left, then counts what it cost: $1 takes the first at
    // $0.48 held, then $0.52 more at about $0.21 each, 2 more: 3 in all at what is expected, at least 2.
    expect(projection).to.deep.include({ beforeBudget: 3, beforeBudgetLeast: 2 });
    // Less left than the most: none.
    expect(projectionOf('0.21', '0.4', new Map(), day('2026-11-22'), '0.48')).to.deep.include({
      beforeBudget: 0,
      beforeBudgetLeast: 0,
    });
    // An exact price (or a bound that is no more than it) has one figure each.
    const exact = projectionOf('0.21', '1', new Map(), day('2026-11-22'), '0.21')!;
    expect(exact).to.deep.include({ hundred: '21', perDollar: 4, beforeBudget: 4 });
    expect(exact.hundredMost).to.equal(undefined);
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
    // February 2028 has 29 days: $0.20 over 8 of them, $0.725, about $0.73.
    const leap = new Map([
      [day('2028-02-01'), new Decimal('0.1')],
      [day('2028-02-08'), new Decimal('0.1')],
    ]);
    expect(projectionOf('0.03', undefined, leap, day('2028-02-08'))!.monthPace).to.equal('0.73');
  });

  it('no pace from too little history: fewer than 7 days of the month gone, or spending on one day only', () => {
    const pace = (spending: [string, string][], today: string) =>
      projectionOf('0.014', undefined, new Map(spending.map(([d, usd]) => [day(d), new Decimal(usd)])), day(today))!
        .monthPace;
    // One image: "this month comes to about $0.021" would be a pace made up from one click.
    expect(pace([['2026-11-20', '0.014']], '2026-11-20')).to.equal(undefined);
    expect(pace([['2026-11-02', '0.3']], '2026-11-20')).to.equal(undefined);
    // Two days of spending, but only 6 days of the month gone.
    expect(
      pace(
        [
          ['2026-11-01', '0.3'],
          ['2026-11-06', '0.3'],
        ],
        '2026-11-06',
      ),
    ).to.equal(undefined);
    // Two days of spending, 7 days gone: $0.60 over 7 days of 30.
    expect(
      pace(
        [
          ['2026-11-01', '0.3'],
          ['2026-11-07', '0.3'],
        ],
        '2026-11-07',
      ),
    ).to.equal('2.6');
  });

  it('rounds the pace to two significant figures, never finer than a cent; none when that is nothing', () => {
    const pace = (first: string, second: string) =>
      projectionOf(
        '0.014',
        undefined,
        new Map([
          [day('2026-11-01'), new Decimal(first)],
          [day('2026-11-10'), new Decimal(second)],
        ]),
        day('2026-11-10'),
      )!.monthPace;
    expect(pace('0.014', '0.015')).to.equal('0.09'); // $0.029 × 30 / 10 = $0.087
    expect(pace('10', '37.3')).to.equal('140'); // $141.90
    expect(pace('1.2', '3.57')).to.equal('14'); // $14.31
    expect(pace('0.002', '0.002')).to.equal('0.01'); // $0.012
    expect(pace('0.0001', '0.0001')).to.equal(undefined); // $0.0006: less than a cent
  });
});
