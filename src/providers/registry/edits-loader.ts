import { lazily } from '../../base/lazily.js';
import type { EditsInForce } from '../../pricing/index.js';

// How edits are priced and what each model makes of the images it is sent (edit-prices.ts: the edits' pricing and
// every provider's edit facts) load a moment after the first paint, which edits nothing; a quote is synchronous, and
// pricing/ holds no state, so a quote is handed them as it is handed its price book and its words (`EditsInForce`).
// This module is their one loader and the one place that holds them once loaded: the entry starts the load after the
// first paint, the image element's panels and the headless API wait for it, and whoever prices reads what it holds
// (`editsLoaded`). Nothing else writes it.

/** The edits' pricing and the providers' edit facts, once loaded; undefined until then. */
let loaded: EditsInForce | undefined;

/**
 * Loads the edits' pricing and every provider's edit facts (a chunk of their own), once, its promise shared; a failed
 * load is tried again next time.
 */
export const loadEdits = lazily(() => import('./edit-prices.js').then(({ EDITS }) => (loaded = EDITS)));

/** The edits' pricing and the providers' edit facts where they have loaded: what a quote is handed. */
export const editsLoaded = (): EditsInForce | undefined => loaded;
