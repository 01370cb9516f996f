import type { ImageParts } from '../image-parts.js';
import type { PanelControllers } from './panel-controllers.js';
import { accountHandlers, type AccountHandlers } from '../accounts/panel/account-handlers.js';
import { galleryHandlers, type GalleryHandlers } from '../gallery/panel/gallery-handlers.js';
import { referenceHandlers, type ReferenceHandlers } from '../options/panel/reference-handlers.js';
import { submissionHandlers, type SubmissionHandlers } from '../submission/panel/submission-handlers.js';

/** What the panels' controls of `<userpays-image>` do, each feature's own: loaded with the panels that draw them. */
export type PanelHandlers = AccountHandlers & ReferenceHandlers & GalleryHandlers & SubmissionHandlers;

/**
 * The handlers of the widget's panels, each feature's (as image-handlers.ts for the first paint): they set the
 * element's state, never draw. Made with the panels, once, after their controllers: each is there whenever one runs.
 */
export function panelHandlers(parts: ImageParts, panels: PanelControllers): PanelHandlers {
  return {
    ...accountHandlers(parts, panels),
    ...referenceHandlers(parts, panels),
    ...galleryHandlers(parts, panels),
    ...submissionHandlers(parts, panels),
  };
}
