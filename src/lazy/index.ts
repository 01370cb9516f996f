/**
 * The parts below the elements that load after their first paint, as `import()` chunks that rollup splits off
 * (docs/architecture.md, "Loading"): the **ledger** (`ledger/`: spending, budget, the tally), read just after the
 * first paint; the **engine** (`engine.ts`: the generation pipeline, the image store, the provider registry), on
 * first need, and through its registry each **provider's adapter**, a chunk of its own, when that provider is first
 * used, and what finishes what closed pages left pending (`loadResume`), where the ledger holds such an entry;
 * **signing in** (`providers/engine/oauth.ts`), for the providers that have it; the **headless API**
 * (`UserPays.generate`, `signIn`, `signOut`: generation/headless.ts), when a page first calls it, as a widget never
 * does; **Check this account** (`UserPays.check`: check/), likewise. Each element loads its own panels
 * (`elements/<name>/panels/`). The **edits' pricing** loads through its own loader, beside what it loads
 * (providers/registry/edits-loader.ts), which holds it for whoever prices. Everything the page loads before its first paint is what the entry imports
 * statically; `npm run check:size` holds it and everything a session can load with each provider to SPEC §8's two
 * gates (docs/performance.md).
 */
import { lazily } from '../base/lazily.js';
import type * as Engine from './engine.js';
import type * as Ledger from '../ledger/ledger.js';
import type * as Headless from '../generation/headless.js';
import type * as Check from '../check/check.js';

export type { Check, Engine, Headless, Ledger };

/** The ledger (spending, budget, the tally): read from storage just after the first paint. */
export const loadLedger = lazily<typeof Ledger>(() => import('../ledger/ledger.js'));

/** The engine: generating, resuming, the gallery's images, sign-in, Puter's live prices, each provider's adapter. */
export const loadEngine = lazily<typeof Engine>(() => import('./engine.js'));

/** The headless API: the widget's submission without the widget, loaded when a page first calls it (with the engine). */
export const loadHeadless = lazily<typeof Headless>(() => import('../generation/headless.js'));

/**
 * "Check this account" (`UserPays.check()`: check/check.ts, docs/check.md), loaded when a page first calls it, with the
 * headless API it makes its image through: no widget ever loads it.
 */
export const loadCheck = lazily<typeof Check>(() => import('../check/check.js'));

/**
 * Whether the page's address carried an answer to a sign-in when it loaded (`code`, `state`): the entry finishes it
 * then (src/index.ts), whatever widgets the page has, and a widget with a sign-in takes what it brought. Read once, at
 * load: finishing takes the answer out of the address.
 */
export const addressAnswersSignIn = /[?&](code|state)=/.test(location.search);
