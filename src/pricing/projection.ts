import Decimal from 'decimal.js';
import { DAY_MS } from '../base/days.js';

/**
 * What a submission at `total` means for the user's money (the widget's `projection` part). Where its price is a bound,
 * each figure is said twice: at what it is expected to cost, and at the most it can (`…Most`, `…Least`).
 */
export interface Projection {
  /** USD for 100 such submissions, at what each is expected to cost. */
  hundred: string;
  /** Where the price is a bound: USD for 100 at the most each can cost. */
  hundredMost?: string;
  /** How many such submissions $1 buys (whole), at what each is expected to cost. */
  perDollar: number;
  /** Where the price is a bound: how many $1 surely buys, at the most each can cost. */
  perDollarLeast?: number;
  /** How many more fit the budget left (whole); undefined without a budget. */
  beforeBudget?: number;
  /** Where the price is a bound: how many more surely fit it, at the most each can cost. */
  beforeBudgetLeast?: number;
  /**
   * This calendar month's spending at the pace so far (USD), rounded (`PACE_DIGITS`); undefined while there is too
   * little history to call it a pace (`PACE_DAYS`, `PACE_SPENDING_DAYS`), or when it rounds to nothing.
   */
  monthPace?: string;
}

/**
 * The least history a pace is projected from: this many days of the month gone (today included), with spending on
 * at least `PACE_SPENDING_DAYS` of them. One image times the month's days is a guess dressed as a figure.
 */
const PACE_DAYS = 7;
const PACE_SPENDING_DAYS = 2;
/** A pace is an estimate: two significant figures ($0.087 → $0.09, $141.90 → $140), and never finer than a cent. */
const PACE_DIGITS = 2;

/**
 * The projection of a submission expected to cost `total` USD (and at most `most`, where its price is a bound), with
 * `remaining` of the budget left, from the spending per local day (`byDay`, local day numbers: base/days.ts) with
 * `today` the current day. The budget lets a submission through while its most fits what is left (the widget's
 * guard), and then counts what it cost: so at the expected price, one more for each expected price above the most
 * that fits. The month's pace is what was spent this month so far, spread over the days gone (today included), times
 * the days of the month.
 */
export function projectionOf(
  total: string,
  remaining: string | undefined,
  byDay: ReadonlyMap<number, Decimal>,
  today: number,
  most?: string,
): Projection | undefined {
  const each = new Decimal(total);
  if (!each.gt(0)) return undefined; // nothing to project from a free or unknown price
  const bound = most === undefined || new Decimal(most).lte(each) ? undefined : new Decimal(most);
  const fit = (money: Decimal.Value, price: Decimal) => new Decimal(money).div(price).floor().toNumber();
  const left = remaining === undefined ? undefined : new Decimal(remaining);
  // The first goes where its most fits; each further one at what it is expected to cost.
  const expected = (money: Decimal, highest: Decimal) => (money.lt(highest) ? 0 : fit(money.minus(highest), each) + 1);
  return {
    hundred: each.times(100).toString(),
    perDollar: fit(1, each),
    beforeBudget: left && expected(left, bound ?? each),
    ...(bound && {
      hundredMost: bound.times(100).toString(),
      perDollarLeast: fit(1, bound),
      beforeBudgetLeast: left && fit(left, bound),
    }),
    monthPace: paceOf(byDay, today),
  };
}

/** This month's spending at its pace so far (see `Projection.monthPace`). */
function paceOf(byDay: ReadonlyMap<number, Decimal>, today: number): string | undefined {
  const date = new Date(today * DAY_MS); // a local day number read in UTC is the local date
  const dayOfMonth = date.getUTCDate();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  let month = new Decimal(0);
  let spendingDays = 0;
  for (const [day, usd] of byDay)
    if (day > today - dayOfMonth && day <= today && usd.gt(0)) {
      month = month.plus(usd);
      spendingDays++;
    }
  const pace =
    dayOfMonth >= PACE_DAYS && spendingDays >= PACE_SPENDING_DAYS
      ? month.div(dayOfMonth).times(daysInMonth).toSignificantDigits(PACE_DIGITS).toDecimalPlaces(2)
      : undefined;
  return pace?.gt(0) ? pace.toFixed() : undefined;
}
