import { html, nothing } from 'lit';
import type { Quote } from '../../../base/types.js';
import type { Translation } from '../../../strings/strings.js';
import type { Offer } from '../../../pricing/compare.js';
import type { ProviderId } from '../../../base/types.js';
import { renderQuote } from '../../shared/quote-view.js';
import { renderCompare } from './compare.js';
import { renderProjection, type ProjectionView } from './projection.js';

/** What the price details unfold: the quote, the offers of the comparison, and what the projection needs. */
export interface DetailsView {
  /** Undefined where the request has no payable price (a size the model cannot make): only the comparison is shown. */
  quote?: Quote;
  locale?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
  offers: readonly Offer[];
  provider: ProviderId;
  model: string;
  projection?: ProjectionView;
}

/**
 * The price details beside the decision row's total: the breakdown with its source and why it is an estimate
 * (`cost`'s own lines), what such submissions come to (`projection`), and the request on every model and provider
 * the page allows (`compare`).
 */
export function renderDetails(view: DetailsView, choose: (event: Event) => void) {
  const { quote, locale, translation } = view;
  return html`<div class="details-body">
    ${quote ? renderQuote(quote, view, false) : nothing}
    ${quote && view.projection ? renderProjection(view.projection) : nothing}
    ${renderCompare({ offers: view.offers, provider: view.provider, model: view.model, locale, translation }, choose)}
  </div>`;
}
