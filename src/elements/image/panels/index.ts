// `<userpays-image>`'s panels: what the widget shows beside its form (the latest result and the lightbox, earlier
// images, the price details, More options, the accounts, what a submission shows) and the work after a click: a chunk
// the element loads after its first paint (its PanelsController). They take everything they draw from a view the
// element builds and change nothing; what their controls do is in the *-actions modules, loaded with them.
export type { GalleryItem, HistoryView, PaidFailure, ResultView } from './gallery/result.js';
export { imagePanels } from './image-panels.js';
export { spendingBlocked } from './spending.js';
export { runSubmission } from './submission/submission-run.js';
export { lazyParts } from './lazy-parts.js';
export type { ImageParts, LazyParts } from './lazy-parts.js';
export { models } from '../../../strings/image/models.js';
export { panelHandlers } from './image-actions.js';
export type { PanelHandlers } from './image-actions.js';
export { offersOf } from '../../../pricing/offers.js';
export type { ImageActionTarget } from './gallery/gallery-actions.js';
export { imagePanelStyles } from './styles.js';
