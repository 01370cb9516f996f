import { UserPaysCost } from './elements/cost/userpays-cost.js';
import { UserPaysImage } from './elements/image/userpays-image.js';
import { UserPaysTally } from './elements/tally/userpays-tally.js';
import { asUserPaysError } from './base/errors.js';
import type { GenerateOptions, GenerateRequest, SignInOptions } from './generation/headless.js';
import { loadCheck, loadHeadless, loadLedger } from './lazy/index.js';
import type { CheckOptions, CheckReport, CheckResult } from './check/check.js';
import { quoteFor } from './providers/registry/prices.js';
import type { GenerateResult, ProviderId, Quote, QuoteRequest, Tally } from './base/types.js';

/** Set at build time (rollup, the test server) from package.json's `version`. */
declare const __USERPAYS_VERSION__: string;

/** This build's version, as in package.json. */
export const version: string = __USERPAYS_VERSION__;

/**
 * The same pure, synchronous function the elements price with, for every model of the built-in price book. Throws
 * `UserPaysError` on bad input.
 */
export function quote(request: QuoteRequest): Quote {
  return quoteFor(request);
}

/** Runs `run` with the headless API, loaded on first use: its refusals, and a failure to load, as `UserPaysError`. */
async function withHeadless<T>(run: (headless: Awaited<ReturnType<typeof loadHeadless>>) => T): Promise<Awaited<T>> {
  try {
    return await run(await loadHeadless());
  } catch (error) {
    throw asUserPaysError(error);
  }
}

/**
 * Headless generation, for pages with their own UI: the widget's submission without the widget (the same pipeline,
 * ledger and gallery; see docs/headless.md). Rejects with `UserPaysError` only.
 */
export const generate = (request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult> =>
  withHeadless(({ headless }) => headless(request, options));

/**
 * Signs the user in to `provider` (OpenRouter, Hugging Face), from the user's click: a popup, or the whole page where
 * the browser blocks it (call it again on the page's return to finish). The key is held for `generate()` in memory,
 * for the provider's endpoint, and sent only there (docs/headless.md).
 */
export function signIn(provider: ProviderId, options: SignInOptions = {}): Promise<void> {
  // In the click, before anything awaits; on about:blank, with a handle kept: the sign-in takes its opener away before
  // it sends it to the account system (providers/engine/oauth.ts).
  const popup = open('about:blank', '_blank', 'popup,width=520,height=720');
  return withHeadless(({ headlessSignIn }) => headlessSignIn(provider, options, popup)).finally(() => popup?.close());
}

/** Forgets the key `signIn(provider, options)` gave. */
export const signOut = (provider: ProviderId, options: SignInOptions = {}): Promise<void> =>
  withHeadless(({ headlessSignOut }) => headlessSignOut(provider, options));

/**
 * Checks the user's account at one provider (docs/check.md): reads for free its live list of models and prices and
 * the balance, sets them beside the built-in price book, and, with `generate: true` or the result's `generate()`,
 * makes the cheapest image the path sells, quoted against charged. The report is plain JSON, keys scrubbed, in the
 * form the simulators replay. Loaded on first use; rejects with `UserPaysError` only.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  try {
    return await (await loadCheck()).check(options);
  } catch (error) {
    throw asUserPaysError(error);
  }
}

/** The tally of a storage key (default `userpays`, the elements' own): what the widget and `<userpays-tally>` show. */
export async function tally(storageKey?: string): Promise<Tally> {
  const { LedgerStore } = await loadLedger();
  return new LedgerStore({ storageKey }).tally();
}

export { UserPaysCost, UserPaysImage, UserPaysTally };
export type { CheckOptions, CheckReport, CheckResult, GenerateOptions, GenerateRequest, SignInOptions };
export { UserPaysError } from './base/errors.js';
