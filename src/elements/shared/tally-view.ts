import { html, nothing } from 'lit';
import { formatUsd } from '../../pricing/index.js';
import type { Tally } from '../../types.js';

/** "1 image", "3 images". */
export const imageCount = (n: number) => (n === 1 ? '1 image' : `${n} images`);

/** One line of the session's spend, e.g. "Spent $0.042 on 3 images · $0.958 of $1.00 budget left". */
export function renderTallySummary(tally: Tally, locale?: string) {
  const money = (amount: string) => formatUsd(amount, locale);
  const images = imageCount(tally.images);
  return html`Spent <strong>${money(tally.spent)}</strong> on
    ${images}${
      tally.remaining !== undefined
        ? html` · <strong>${money(tally.remaining)}</strong> of ${money(tally.budget!)} budget left`
        : nothing
    }`;
}
