// The panels: what the widget shows beside its form (the latest result and the lightbox, earlier images, the price
// details, more options) and the tally beyond its summary line: a chunk loaded after the first paint (loadPanels() in
// src/lazy/index.ts). They take everything they draw from a view the element builds and change nothing; what their
// controls do is in the *-actions modules, loaded with them.
export type { GalleryItem, HistoryView, PaidFailure, ResultView } from './result.js';
export { imagePanels } from './image-panels.js';
export { runSubmission } from './submission-run.js';
export { actOnImage } from './gallery-actions.js';
export { galleryParts } from './gallery-parts.js';
export { bestFor } from '../../strings/models.js';
export { panelHandlers } from './image-actions.js';
export type { PanelHandlers } from './image-actions.js';
export { cheapestWithin, finalOf, offersOf } from './offers.js';
export type { ImageActionTarget } from './gallery-actions.js';
export { renderTally } from '../tally/tally-template.js';
export type { TallyHandlers, TallyView } from '../tally/tally-template.js';
export { tallyView } from '../tally/tally-view.js';
export { tallyHandlers } from '../tally/tally-actions.js';
export { imagePanelStyles, tallyPanelStyles } from './styles.js';
