import type * as Engine from './engine.js';

export type { Engine };

let loading: Promise<typeof Engine> | undefined;

/**
 * The engine (engine.ts), loaded once, on first need: generating, resuming, the gallery, sign-in. The ES module
 * build splits it into a chunk of its own; the classic script loads `userpays-engine.js` from beside itself
 * instead (load-engine-script.ts, swapped in by rollup.config.mjs). A failed load is tried again next time.
 */
export function loadEngine(): Promise<typeof Engine> {
  return (loading ??= import('./engine.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}
