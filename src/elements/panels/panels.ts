// The panels: what the widget shows beside its form (comparison, projection, the gallery, the tally beyond its
// summary line), a chunk loaded after the first paint (loadPanels() in src/lazy/index.ts). They take everything they
// draw from a view the element builds and change nothing.
export { renderCompare } from './compare.js';
export type { CompareView } from './compare.js';
export { renderProjection } from './projection.js';
export type { ProjectionView } from './projection.js';
export { renderGallery } from './gallery.js';
export type { GalleryItem, GalleryView, PaidFailure } from './gallery.js';
export { actOnImage } from './gallery-actions.js';
export type { ImageActionTarget } from './gallery-actions.js';
export { renderTally } from '../tally/tally-template.js';
export type { TallyHandlers, TallyView } from '../tally/tally-template.js';
export { tallyView } from '../tally/tally-view.js';
export { tallyHandlers } from '../tally/tally-actions.js';
export { imagePanelStyles, tallyPanelStyles } from './styles.js';
