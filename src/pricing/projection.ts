import Decimal from 'decimal.js';
import { DAY_MS } from '../base/days.js';

/** What a submission at `total` means for the user's money (the widget's `projection` part). */
export interface Projection {
  /** USD for 100 such submissions. */
  hundred: string;
  /** How many such submissions $1 buys (whole). */
  perDollar: number;
  /** How many more fit the budget left (whole); undefined without a budget. */
  beforeBudget?: number;
  /** This calendar month's spending at the pace so far (USD); undefined before anything is spent this month. */
  monthPace?: string;
}

/**
 * The projection of a submission costing `total` USD, with `remaining` of the budget left, from the spending
 * per local day (`byDay`, local day numbers: base/days.ts) with `today` the current day: the month's pace is what was
 * spent this month so far, spread over the days gone (today included), times the days of the month.
 */
export function projectionOf(
  total: string,
  remaining: string | undefined,
  byDay: ReadonlyMap<number, Decimal>,
  today: number,
): Projection | undefined {
  const each = new Decimal(total);
  if (!each.gt(0)) return undefined; // nothing to project from a free or unknown price
  const date = new Date(today * DAY_MS); // a local day number read in UTC is the local date
  const dayOfMonth = date.getUTCDate();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  let month = new Decimal(0);
  for (const [day, usd] of byDay) if (day > today - dayOfMonth && day <= today) month = month.plus(usd);
  return {
    hundred: each.times(100).toString(),
    perDollar: new Decimal(1).div(each).floor().toNumber(),
    beforeBudget: remaining === undefined ? undefined : new Decimal(remaining).div(each).floor().toNumber(),
    monthPace: month.gt(0) ? month.div(dayOfMonth).times(daysInMonth).toString() : undefined,
  };
}
