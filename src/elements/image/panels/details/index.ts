// The price details' part (a chunk of its own, `image-details`): the breakdown with its source, the projection and the
// comparison that the price details unfold, with their styles. Loaded by the panels (a PanelPart:
// panel-controllers.ts) when the user opens the price details, or ahead of that when the pointer or the focus comes to
// their summary: a visit that never opens them never loads it.
import { quoteStyles } from '../../../shared/quote-view.js';
import { compareStyles } from './compare.js';
import { detailsStyles, renderDetails } from './details.js';

/** What the price details draw, once here. */
export interface PriceDetailsPart {
  render: typeof renderDetails;
}

/**
 * The price details of the widget whose shadow root is `root`, their styles adopted beside the panels': the breakdown's
 * are `<userpays-cost>`'s (quoteStyles), the details' own after them.
 */
export function priceDetailsPart(root: ShadowRoot): PriceDetailsPart {
  root.adoptedStyleSheets = [
    ...root.adoptedStyleSheets,
    quoteStyles.styleSheet!,
    detailsStyles.styleSheet!,
    compareStyles.styleSheet!,
  ];
  return { render: renderDetails };
}
