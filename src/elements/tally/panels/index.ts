// `<userpays-tally>` beyond its summary line (the budget, the meter, the lists, the chart, the export, Reset): a chunk
// the element loads after its first paint (its PanelsController). They draw from a view the element builds
// (tally-view.ts) and change nothing; what their controls do is in tally-actions.ts, loaded with them.
export { renderTally } from './tally-template.js';
export type { TallyHandlers, TallyView } from './tally-template.js';
export { tallyView } from './tally-view.js';
export { tallyHandlers } from './tally-actions.js';
export { tallyPanelStyles } from './styles.js';
