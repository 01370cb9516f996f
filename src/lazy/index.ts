/**
 * The parts of the widget that load after its first paint, as `import()` chunks that rollup splits off
 * (docs/architecture.md, "Loading"): the **ledger** (`ledger/`: spending, budget, the tally), read just after the
 * first paint; the **engine** (`engine.ts`: provider adapters, the generation pipeline, the image store), on first
 * need; the **panels** (`elements/panels/`: comparison, projection, gallery, the tally's detail), beside the first
 * render. Everything the page loads before its first price is what the entry imports
 * statically; size-limit holds it to its budget (.size-limit.cjs).
 */
import type * as Engine from './engine.js';
import type * as Panels from '../elements/panels/panels.js';
import type * as Ledger from '../ledger/ledger.js';

export type { Engine, Ledger, Panels };

/**
 * `load`, run once, on first need, its promise shared by every caller; a failed load is tried again next time
 * (a page that went offline for a moment is not left without the part for good).
 */
function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The ledger (spending, budget, the tally): read from storage just after the first paint. */
export const loadLedger = lazily<typeof Ledger>(() => import('../ledger/ledger.js'));

/** The engine: generating, resuming, the gallery's images, sign-in, Puter's live prices. */
export const loadEngine = lazily<typeof Engine>(() => import('./engine.js'));

/** The panels: what the widget and the tally show beside their first paint. */
export const loadPanels = lazily<typeof Panels>(() => import('../elements/panels/panels.js'));
