// The gallery's view (a chunk of its own), what the canvas shows of submissions: while one runs, a
// placeholder at each image's shape with the progress and Cancel, and what is still being made after Stop waiting
// (running.ts); its error where its image would have been (failure.ts); the images it made, large, with their
// toolbar, receipt and lightbox, the earlier ones below the widget and the paid generations that brought no image
// (result.ts), under an edit the version it edits with before and after (versions.ts), what a click on them does, and
// their styles.
// Loaded by the panels (a PanelPart: shared/panel-part.ts) when there is something to show: the image store of the
// widget's storage key holds an image (a returning visitor), a submission starts (it ends once this part is here),
// what closed pages left is finished, an error is to be shown, or a paid failure is to be listed; prefetched when the
// pointer or the focus comes to Generate. A visit that never generates, with no images kept, never loads it; until it
// is here, an error is said in its words alone (shared/slots.ts). Which images there are is the gallery's controller's
// (gallery-controller.ts, in the panels): it opens the store, which says whether this part is wanted.
import { adoptBeside } from '../../../shared/adopted-styles.js';
import { actOnImage } from './gallery-actions.js';
import { failureStyles, renderFailure } from './failure.js';
import { renderHistory, renderResult, resultStyles } from './result.js';
import { renderFinishing, renderRunning, runningStyles } from './running.js';
import { versionsStyles } from './versions.styles.js';

/** What the panels draw of the gallery, and what a click on an image does, once this part is here. */
export interface GalleryViewPart {
  renderResult: typeof renderResult;
  renderHistory: typeof renderHistory;
  act: typeof actOnImage;
  renderRunning: typeof renderRunning;
  renderFinishing: typeof renderFinishing;
  renderFailure: typeof renderFailure;
}

/** The gallery's view of the widget `host`, its styles adopted beside the panels'. */
export function galleryViewPart(host: Element): GalleryViewPart {
  adoptBeside(host, [runningStyles, failureStyles, resultStyles, versionsStyles]);
  return { renderResult, renderHistory, act: actOnImage, renderRunning, renderFinishing, renderFailure };
}
