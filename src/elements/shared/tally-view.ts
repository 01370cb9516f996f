import { html } from 'lit';
import { formatUsd } from '../../pricing/index.js';
import * as text from '../../strings.js';
import type { Tally } from '../../types.js';

/** One line of the session's spend, e.g. "Spent $0.042 on 3 images · $0.958 of $1.00 budget left". */
export function renderTallySummary(tally: Tally, locale?: string) {
  const money = (amount: string) => formatUsd(amount, locale);
  const strong = (amount: string) => html`<strong>${money(amount)}</strong>`;
  return html`${text.spentSummary(strong(tally.spent), tally.images)}${
    tally.remaining === undefined ? '' : text.budgetLeft(strong(tally.remaining), money(tally.budget!))
  }`;
}
