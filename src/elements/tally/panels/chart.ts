import Decimal from 'decimal.js';
import { formatUsdRounded } from '../../../pricing/index.js';
import { wordsIn } from '../../../strings/strings.js';
import { tally } from '../../../strings/tally/tally.js';
import type { Spoken } from '../../shared/language-controller.js';
import { DAY_MS, isoDay } from '../../../base/days.js';
import { formatDate } from '../../../base/dates.js';

/** The spend-per-day chart as the template draws it. */
export interface ChartView {
  /** The text alternative: every day with spending (YYYY-MM-DD, as in the export) and its exact amount. */
  label: string;
  /** The bars, one SVG path in a 300 × 40 box: `M x 40 v -height h8 V40 z` per day with spending, oldest left. */
  bars: string;
  /** The first of the 30 days, as a person reads it ("Feb 9"); the last is today. */
  from: string;
  /** The biggest day's amount, exact: the top of the y axis. */
  max: string;
}

/**
 * The 30 days up to and including `today` (a local day number, see base/days.ts) as a bar chart, the
 * biggest day 40 units high; undefined when nothing was spent in them. Bar heights are the only numbers here that
 * are not Decimal: pixels, not money.
 */
export function chartOf(
  byDay: Map<number, Decimal>,
  today: number,
  { locale, translation }: Spoken,
): ChartView | undefined {
  const days = Array.from({ length: 30 }, (_, i) => today - 29 + i);
  const spent = days.flatMap((day) => {
    const usd = byDay.get(day);
    return usd?.gt(0) ? [[day, usd] as const] : [];
  });
  if (!spent.length) return;
  const max = Decimal.max(...spent.map(([, usd]) => usd));
  return {
    label: wordsIn(translation, 'tally', tally).chartLabel(
      spent.map(([day, usd]) => `${isoDay(day)} ${formatUsdRounded(usd, locale)}`).join(', '),
    ),
    bars: spent
      .map(([day, usd]) => `M${(day - today + 29) * 10} 40v${-Math.max(1, (+usd / +max) * 40)}h8V40z`)
      .join(''),
    from: formatDate(days[0] * DAY_MS, locale, 'day'),
    max: max.toFixed(),
  };
}
