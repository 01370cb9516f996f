// `<userpays-image>`'s panels: what the widget shows beside its form (the latest result and the lightbox, earlier
// images, the price details, More options, the accounts, what a submission shows) and the work after a click: a chunk
// the element loads after its first paint (its PanelsController), which makes the widget's other half
// (`ImagePanels`) of the parts its first paint has. They take everything they draw from the widget's view and its two
// halves' state, and change nothing while drawing; what their controls do is in the *-actions modules.
export { ImagePanels } from './image-panels.js';
export { imagePanelStyles } from './styles.js';
