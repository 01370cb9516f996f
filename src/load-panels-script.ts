import type * as Panels from './elements/panels/index.js';
import { lazily } from './load-lazily.js';
import { loadScript } from './load-script.js';

// The classic-script build's loadPanels() (rollup.config.mjs puts it in place of load-panels.ts).
export const loadPanels = lazily(() => loadScript<typeof Panels>('userpays-panels.js', '__userpays_panels__'));
