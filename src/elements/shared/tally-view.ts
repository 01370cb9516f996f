import { html } from 'lit';
import { formatUsd } from '../../pricing/index.js';
import * as text from '../../strings/page.js';
import type { Tally } from '../../types.js';

/**
 * One line of the session's spend, e.g. "Spent $0.042 on 3 images · $0.03 more may have been charged · $0.928 of
 * $1.00 budget left": what may have been charged is never shown as nothing.
 */
export function renderTallySummary(tally: Tally, locale?: string) {
  const money = (amount: string) => formatUsd(amount, locale);
  const strong = (amount: string) => html`<strong>${money(amount)}</strong>`;
  return html`${text.spentSummary(strong(tally.spent), tally.images)}${
    tally.uncertain ? text.uncertainSummary(strong(tally.uncertain)) : ''
  }${tally.remaining === undefined ? '' : text.budgetLeft(strong(tally.remaining), money(tally.budget!))}`;
}
