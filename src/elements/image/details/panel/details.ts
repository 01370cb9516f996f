import { css, html, nothing } from 'lit';
import type { Quote } from '../../../../base/types.js';
import { renderQuote } from '../../../shared/quote-view.js';
import { renderCompare, type CompareHandlers, type CompareView } from './compare.js';
import { renderProjection, type ProjectionView } from './projection.js';

/** What the price details unfold: the quote, what the projection needs, and the comparison's own view. */
export interface DetailsView extends CompareView {
  /** Undefined where the request has no payable price (a size the model cannot make): only the comparison is shown. */
  quote?: Quote;
  projection?: ProjectionView;
}

/**
 * The price details beside the decision row's total: the breakdown with its source and why it is an estimate
 * (`cost`'s own lines), what such submissions come to (`projection`), and the request on every model and provider
 * the page allows (`compare`).
 */
export function renderDetails(view: DetailsView, on: CompareHandlers) {
  const { quote } = view;
  return html`<div class="details-body">
    ${quote ? renderQuote(quote, view, false) : nothing}
    ${quote && view.projection ? renderProjection(view.projection) : nothing} ${renderCompare(view, on)}
  </div>`;
}

/**
 * The price details: where the breakdown (`.lines`, drawn as `<userpays-cost>` draws it: quoteStyles) and its source
 * sit, the projection (./projection.ts); the comparison's own: ./compare.ts.
 */
export const detailsStyles = css`
  /* Open in the form's flow above the decision row, as wide as the controls, clear of the row's edge. */
  .details-body {
    display: grid;
    gap: 0.4rem;
    padding: 0.4rem 0 1.25rem;
    font-size: 0.875rem;
  }
  /* The breakdown as <userpays-cost> draws it (quoteStyles, adopted before these), in the details' own size and flow. */
  .lines {
    margin: 0;
    font-size: inherit;
  }
  .details-body p {
    margin: 0;
  }
  /*
   * Side by side, the open details take the room they need: the controls widen to three fifths of the widget (the
   * canvas, sticky beside them, keeps two), and each offer of the comparison is one line where it fits, what its model
   * is best for beside its name (else, whole, under it), a bound's words with its figure: seventy offers of two or
   * three lines each would crowd a 400 px column beside an empty canvas.
   */
  @container (min-width: 720px) {
    .widget:has(.details[open]) {
      grid-template-columns: minmax(320px, 3fr) minmax(0, 2fr);
    }
    .details[open] .compare .about {
      display: inline-block;
      max-width: 100%;
    }
    .details[open] .compare .badge {
      margin-inline-end: 0.4em;
    }
    .details[open] .compare .price strong {
      white-space: nowrap;
    }
  }
`;
