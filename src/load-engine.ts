import type * as Engine from './engine.js';
import { lazily } from './load-lazily.js';

export type { Engine };

/**
 * The engine (engine.ts), loaded once, on first need: generating, resuming, the gallery, sign-in. The ES module
 * build splits it into a chunk of its own; the classic script loads `userpays-engine.js` from beside itself
 * instead (load-engine-script.ts, swapped in by rollup.config.mjs).
 */
export const loadEngine = lazily<typeof Engine>(() => import('./engine.js'));
