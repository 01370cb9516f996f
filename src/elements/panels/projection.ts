import { html, nothing } from 'lit';
import type Decimal from 'decimal.js';
import { formatUsdRounded } from '../../pricing/index.js';
import { projectionOf } from '../../pricing/projection.js';
import * as text from '../../strings/offers.js';

/** What the projection is made of: the submission's total, the budget left, and the spending per local day. */
export interface ProjectionView {
  total: string;
  remaining?: string;
  byDay: ReadonlyMap<number, Decimal>;
  /** Today's local day number (as the ledger's `dayOf`). */
  today: number;
  locale?: string;
}

/** "100 of these: $1.40 · 71 per $1 · 38 more before your budget runs out", and this month's pace. */
export function renderProjection(view: ProjectionView) {
  const projection = projectionOf(view.total, view.remaining, view.byDay, view.today);
  if (!projection) return nothing;
  const usd = (amount: string) => formatUsdRounded(amount, view.locale);
  return html`<p part="projection" class="muted projection">
    ${text.hundredOf(usd(projection.hundred))}${text.perDollar(projection.perDollar)}${
      projection.beforeBudget === undefined ? nothing : text.beforeBudget(projection.beforeBudget)
    }${projection.monthPace ? html`<br />${text.monthPace(usd(projection.monthPace))}` : nothing}
  </p>`;
}
