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
  return {
    hundred: each.times(100).toString(),
    perDollar: new Decimal(1).div(each).floor().toNumber(),
    beforeBudget: remaining === undefined ? undefined : new Decimal(remaining).div(each).floor().toNumber(),
    monthPace: pace?.gt(0) ? pace.toFixed() : undefined,
  };
}
