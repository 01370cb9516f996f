// The gallery's view (a chunk of its own, `image-gallery`): the images a submission made, large, with their toolbar,
// receipt and lightbox, the earlier ones below the widget and the paid generations that brought no image, what a click
// on them does, and their styles. Loaded by the panels (a PanelPart: panel-controllers.ts) when there is something to
// show: the image store of the widget's storage key holds an image (a returning visitor), a submission starts (what
// runs is drawn by the panels themselves: submission/running.ts; the submission ends once this part is here), or a
// paid failure is to be listed; prefetched when the pointer or the focus comes to Generate. A visit that never
// generates, with no images kept, never loads it. Which images there are is the gallery's controller's
// (gallery-controller.ts, in the panels): it opens the store, which says whether this part is wanted.
import { actOnImage } from './gallery-actions.js';
import { renderHistory, renderResult, resultStyles } from './result.js';

/** What the panels draw of the gallery, and what a click on an image does, once this part is here. */
export interface GalleryViewPart {
  renderResult: typeof renderResult;
  renderHistory: typeof renderHistory;
  act: typeof actOnImage;
}

/** The gallery's view of the widget whose shadow root is `root`, its styles adopted beside the panels'. */
export function galleryViewPart(root: ShadowRoot): GalleryViewPart {
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, resultStyles.styleSheet!];
  return { renderResult, renderHistory, act: actOnImage };
}
