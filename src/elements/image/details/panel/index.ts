// The price details' part (a chunk of its own, `image-details`): the breakdown with its source, the projection and the
// comparison that the price details unfold, with their styles. Loaded by the panels (a PanelPart:
// shared/panel-part.ts) when the user opens the price details, or ahead of that when the pointer or the focus comes to
// their summary: a visit that never opens them never loads it.
import { css, type ReactiveElement, type TemplateResult } from 'lit';
import { quoteStyles } from '../../../shared/quote-view.js';
import { compareStyles } from './compare.js';
import { detailsStyles, renderDetails, type DetailsView } from './details.js';
import { FamilyFilter } from './family-filter.js';
import { adoptBeside } from '../../../shared/adopted-styles.js';

/** What the price details draw, once here: `choose` is a click on an offer of the comparison. */
export interface PriceDetailsPart {
  render(view: DetailsView, choose: (event: Event) => void): TemplateResult;
}

/**
 * The breakdown's styles, `<userpays-cost>`'s (quoteStyles), within the details alone: adopted in the widget's root,
 * its total's rules would restyle the decision row's total (`.total strong`), and the row would change height under
 * Generate when the details load.
 */
const breakdownStyles = css`
  @scope (.details-body) {
    ${quoteStyles}
  }
`;

/**
 * The price details of the widget `host`, their styles adopted beside the panels': the breakdown's (above), the
 * details' own after them. The family the comparison lists is theirs, kept here (FamilyFilter).
 */
export function priceDetailsPart(host: ReactiveElement): PriceDetailsPart {
  adoptBeside(host, [breakdownStyles, detailsStyles, compareStyles]);
  const filter = new FamilyFilter(host);
  return {
    render: (view, choose) => renderDetails({ ...view, family: filter.family }, { choose, pickFamily: filter.pick }),
  };
}
