import type * as Engine from './engine.js';
import { lazily } from './load-lazily.js';
import { loadScript } from './load-script.js';

// The classic-script build's loadEngine() (rollup.config.mjs puts it in place of load-engine.ts).
export const loadEngine = lazily(() => loadScript<typeof Engine>('userpays-engine.js', '__userpays_engine__'));
