import { html, nothing } from 'lit';
import { dayOf, type LedgerStore } from '../../ledger/index.js';
import { formatUsd } from '../../pricing/index.js';

/**
 * Spend over the last 30 days as a small inline-SVG bar chart (one path: a bar per day, oldest left, 40 units
 * high at the biggest day). Its text alternative (`aria-label`) lists every day with spending (YYYY-MM-DD, as in
 * the export) and the exact amount. Bar heights are the only numbers here that are not Decimal: pixels, not money.
 */
export function renderChart(ledger: LedgerStore, locale?: string) {
  const byDay = ledger.spentByDay();
  const first = dayOf(Date.now()) - 29;
  const days = Array.from({ length: 30 }, (_, i) => byDay.get(first + i));
  const max = Math.max(...days.map((usd) => +(usd ?? 0)));
  const date = (i: number) => new Date((first + i) * 864e5).toISOString().slice(0, 10); // as in the export
  return max
    ? html`<p part="chart" class="muted">
        <svg
          viewBox="0 0 300 40"
          role="img"
          aria-label="Spent per day: ${days.flatMap((usd, i) => (usd ? `${date(i)} ${formatUsd(usd, locale)}` : [])).join(', ')}"
        >
          <path
            d=${days.map((usd, i) => (usd ? `M${i * 10} 40v${-Math.max(1, (+usd / max) * 40)}h8V40z` : '')).join('')}
          ></path>
        </svg>
        Last 30 days
      </p>`
    : nothing;
}
