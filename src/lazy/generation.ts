import { lazily } from '../base/lazily.js';
import type * as Generation from '../generation/submit.js';

/**
 * The generation pipeline (generation/submit.ts: the checks, the ledger's entries, the provider calls, the image
 * store, the settlement), loaded at the user's first Generate (prefetched when the pointer or the focus comes to it):
 * a visit that generates nothing never loads it. A click's one lazy step: what it shares with the engine comes with it,
 * in the same round trip, and the provider's adapter is the pipeline's own to load. Only the widget's panels ask for
 * it (they draw Generate's work), so it is not part of the first paint.
 */
export const loadGeneration = lazily<typeof Generation>(() => import('../generation/submit.js'));
