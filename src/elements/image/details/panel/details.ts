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
  /*
   * Open over the controls, above their summary, as a popover opens: nothing in the form moves, so the decision row
   * (the price and Generate) keeps its place and size, and the canvas beside it its width. As wide as the controls
   * (wider in a wide container, below), as tall as the room above the summary within them allows
   * (\`--_details-room\`, measured as they open: details-feature.ts), its own scroll for the rest. Open, their summary
   * sticks on the pinned row (\`--_details-above\`: the row's height), so that what they show stays above the row
   * however the page scrolls.
   */
  .details {
    position: relative;
  }
  .details[open] {
    position: sticky;
    bottom: var(--_details-above, 6rem);
    z-index: 2;
    /* On the card's surface from edge to edge and down to the row, so that nothing scrolls into view between them. */
    margin: 0 -1rem -1rem;
    padding: 0 1rem 0.25rem;
    background: var(--_surface);
  }
  .details-body {
    position: absolute;
    inset: auto 0 100%;
    margin: 0 1rem;
    z-index: 2;
    box-sizing: border-box;
    max-height: var(--_details-room, 24rem);
    overflow: auto;
    overscroll-behavior: contain;
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem 1rem;
    font-size: 0.875rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 -0.25rem 1.25rem light-dark(rgb(15 23 42 / 16%), rgb(0 0 0 / 55%));
  }
  /* The breakdown as <userpays-cost> draws it (quoteStyles, adopted within the details: index.ts), in the details' own
     size and flow: these rules name the body, for a rule of a scope wins over one of the same weight outside it. */
  .details-body .lines {
    margin: 0;
    font-size: inherit;
  }
  .details-body p {
    margin: 0;
  }
  /* In a wide container they open over the canvas too, three fifths of the widget wide, and each offer of the
     comparison is one line where it fits, what its model is best for beside its name (else, whole, under it), a
     bound's words with its figure: seventy offers of two or three lines each would crowd the controls' column. */
  @container (min-width: 720px) {
    .details-body {
      inset-inline-end: auto;
      width: max(100% - 2rem, 60cqi - 2.25rem);
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
