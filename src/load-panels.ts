import type * as Panels from './elements/panels/index.js';
import { lazily } from './load-lazily.js';

export type { Panels };

/**
 * The panels (elements/panels/): what the widget shows beside the form, loaded once beside its first render,
 * so that the first paint and the page's bundle carry only the form and its price. The ES module build splits it
 * into a chunk; the classic script loads `userpays-panels.js` from beside itself (load-panels-script.ts).
 */
export const loadPanels = lazily<typeof Panels>(() => import('./elements/panels/index.js'));
