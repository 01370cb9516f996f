import { css, html } from 'lit';
import { formatUsd } from '../../pricing/index.js';
import { prices } from '../../strings/prices.js';
import { wordsIn, type Translation } from '../../strings/strings.js';
import type { Quote } from '../../base/types.js';

/**
 * The cost preview: total (unless the caller shows it itself: the widget's decision row, rounded; then the breakdown
 * ends with it to the last digit, so that its lines add up to a figure shown), per-image note, breakdown and source. Rendered inside a polite live region by `<userpays-cost>`, so screen readers hear the new
 * price after each change.
 */
export function renderQuote(
  quote: Quote,
  { locale, translation }: { locale?: string; translation?: Translation },
  withTotal = true,
) {
  const money = (amount: string) => formatUsd(amount, locale);
  const text = wordsIn(translation, 'prices', prices);
  // prettier-ignore
  return html`${withTotal ? html`<p class="total">
      <strong>${money(quote.total)}</strong>
      <span class="muted">${text.forImages(quote.count)}${quote.count > 1 ? text.each(money(quote.perImage)) : ''}${text.output(quote.outputMegapixels)}${quote.inputMegapixels ? text.plusReference(quote.inputMegapixels) : ''}${quote.exact ? '' : text.estimate()}</span>
    </p>` : ''}
    <ul class="lines">
      ${quote.lines.map((line) => html`<li><span>${line.label}</span><span>${money(line.amount)}</span></li>`)}
      ${withTotal ? '' : html`<li class="sum"><span>${text.total()}</span><span>${money(quote.total)}</span></li>`}
    </ul>
    ${quote.note ? html`<p class="muted">${quote.note}</p>` : ''}
    ${quote.exact ? '' : html`<p class="muted">${text.estimateWhy(quote.provider)}</p>`}
    <p class="muted source">${quote.credits ? text.credits(quote.credits) : ''}${text.pricesFrom(quote.source.name, quote.source.asOf)}</p>`;
}

export const quoteStyles = css`
  .total,
  .source {
    margin: 0;
  }
  .total strong {
    font-size: 1.5em;
    margin-right: 0.35em;
  }
  .lines {
    list-style: none;
    margin: 0.35em 0;
    padding: 0;
    font-size: 0.9em;
  }
  .lines li {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    border-bottom: 1px dotted var(--_border);
    padding: 0.1em 0;
  }
`;
