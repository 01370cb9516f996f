import { html, nothing } from 'lit';
import type Decimal from 'decimal.js';
import { formatUsd, formatUsdRounded } from '../../../../pricing/index.js';
import { projectionOf } from '../../../../pricing/projection.js';
import { offers } from '../../../../strings/image/offers.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';

/** What the projection is made of: the submission's total, the budget left, and the spending per local day. */
export interface ProjectionView {
  /** What a submission is expected to cost (`Quote.total`). */
  total: string;
  /** Where its price is a bound (`Quote.atMost`): the most it can cost. */
  most?: string;
  /** Images per submission: the projection counts images when it is 1, else submissions and their images. */
  count?: number;
  remaining?: string;
  byDay: ReadonlyMap<number, Decimal>;
  /** Today's local day number (as the ledger's `dayOf`). */
  today: number;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/**
 * "100 images like this: $1.40 · 71 per $1 · 38 more before your budget runs out" (at count 2: "100 submissions like
 * this (200 images): $2.80 · 35 per $1 (70 images) · …"), and this month's pace ("about $0.90", already rounded:
 * pricing/projection.ts). Where the price is a bound, each figure at what is expected and at the most: "100 images
 * like this: about $5.27, at most $16.60 · about 18 per $1, at least 6 · …", the most rounded up as the preview says it.
 */
export function renderProjection(view: ProjectionView) {
  const projection = projectionOf(view.total, view.remaining, view.byDay, view.today, view.most);
  if (!projection) return nothing;
  const { count, locale } = view;
  const text = wordsIn(view.translation, 'offers', offers);
  const { hundred, hundredMost, perDollar, perDollarLeast, beforeBudget, beforeBudgetLeast, monthPace } = projection;
  const most = hundredMost && formatUsdRounded(hundredMost, locale, true);
  return html`<p part="projection" class="muted projection">
    ${text.hundredOf(formatUsdRounded(hundred, locale), count, most)}${text.perDollar(perDollar, count, perDollarLeast)}${
      beforeBudget === undefined ? nothing : text.beforeBudget(beforeBudget, count, beforeBudgetLeast)
    }${monthPace ? html`<br />${text.monthPace(formatUsd(monthPace, locale))}` : nothing}
  </p>`;
}
