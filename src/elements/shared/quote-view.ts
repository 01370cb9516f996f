import { css, html, nothing } from 'lit';
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
  // What the total buys, in one run of text ("1 image · 1 MP"): its pieces carry their own separators.
  const buys = [
    text.forImages(quote.count),
    quote.count > 1 ? text.each(money(quote.perImage)) : '',
    text.output(quote.outputMegapixels),
    quote.inputMegapixels ? text.plusReference(quote.inputMegapixels) : '',
    quote.exact ? '' : text.estimate(),
  ].join('');
  // A line that may vary says the most it can come to; one without is fixed.
  const line = (label: string, amount: string, most?: string) =>
    html`<span>${label}</span><span>${money(amount)}${most ? text.atMost(money(most)) : ''}</span>`;
  return html`${
      withTotal
        ? html`<p class="total">
            <strong>${money(quote.total)}${quote.atMost ? text.atMost(money(quote.atMost)) : ''}</strong>
            <span class="muted">${buys}</span>
          </p>`
        : nothing
    }
    <ul class="lines">
      ${quote.lines.map(({ label, amount, atMost }) => html`<li>${line(label, amount, atMost)}</li>`)}
      ${withTotal ? nothing : html`<li class="sum">${line(text.total(), quote.total, quote.atMost)}</li>`}
    </ul>
    ${quote.note ? html`<p class="muted">${quote.note}</p>` : nothing}
    ${
      quote.source.restated
        ? html`<p class="muted">${text.restatedWhy(quote.source.restated)}</p>`
        : quote.exact
          ? nothing
          : html`<p class="muted">${text.estimateWhy(quote.provider)}</p>`
    }
    <p class="muted source">
      ${quote.credits ? text.credits(quote.credits) : nothing}${text.pricesFrom(quote.source.name, quote.source.asOf)}
    </p>
    ${quote.source.why ? html`<p class="muted">${quote.source.why}</p>` : nothing}`;
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
