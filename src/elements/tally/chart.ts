import type Decimal from 'decimal.js';
import { html, nothing } from 'lit';
import { formatUsd } from '../../pricing/index.js';
import * as text from '../../strings/page.js';

const DAY_MS = 864e5;

/** One day of the chart: its date (YYYY-MM-DD, as in the export) and what was spent, if anything. */
export interface DaySpend {
  date: string;
  usd?: Decimal;
}

/** The 30 days up to and including `today` (a local day number, see the ledger's `dayOf`), oldest first. */
export function last30Days(byDay: Map<number, Decimal>, today: number): DaySpend[] {
  return Array.from({ length: 30 }, (_, i) => {
    const day = today - 29 + i;
    return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), usd: byDay.get(day) };
  });
}

/**
 * Spend per day as a small inline-SVG bar chart (one path: a bar per day, oldest left, 40 units high at the
 * biggest day). Its text alternative (`aria-label`) lists every day with spending and the exact amount.
 * Bar heights are the only numbers here that are not Decimal: pixels, not money.
 */
export function renderChart(days: DaySpend[], locale?: string) {
  const max = Math.max(...days.map(({ usd }) => +(usd ?? 0)));
  if (!max) return nothing;
  const spent = days.flatMap(({ date, usd }) => (usd ? `${date} ${formatUsd(usd, locale)}` : []));
  const bars = days.map(({ usd }, i) => (usd ? `M${i * 10} 40v${-Math.max(1, (+usd / max) * 40)}h8V40z` : ''));
  return html`<p part="chart" class="muted">
    <svg viewBox="0 0 300 40" role="img" aria-label=${text.chartLabel(spent.join(', '))}>
      <path d=${bars.join('')}></path>
    </svg>
    ${text.last30Days()}
  </p>`;
}
