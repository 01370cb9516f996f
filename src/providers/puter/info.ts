import type { ProviderInfo } from '../provider.js';

/** Puter's public API origin. */
export const PUTER_API = 'https://api.puter.com';

const g = globalThis as { puter?: { APIOrigin?: string }; PUTER_API_ORIGIN?: string };
const withoutSlash = (url: string) => url.replace(/\/+$/, '');
/** The Puter API the page itself chose (if any), read once, before the widget first touches the SDK. */
let chosenByPage: string | undefined;
let choiceRead = false;

/**
 * The Puter API to use: the widget's `endpoint` when it is set; else the one the page chose for its own SDK
 * (`puter.APIOrigin` of an SDK it loaded, or `PUTER_API_ORIGIN` set before puter.js, as a self-hosted Puter
 * does — the SDK's own `defaultAPIOrigin`, @heyputer/puter.js src/index.js); else Puter's own. What a widget's
 * own `endpoint` later does to the SDK is not the page's choice.
 */
export function puterApi(endpoint: string): string {
  if (!choiceRead) {
    choiceRead = true;
    chosenByPage = g.puter?.APIOrigin || g.PUTER_API_ORIGIN || undefined;
  }
  return endpoint || withoutSlash(chosenByPage || PUTER_API);
}

/**
 * Puter ("user pays"): no key, the user signs in to Puter through its SDK (account.ts). Puter's own SDK sends a low
 * balance to its dashboard ("Upgrade Now" in @heyputer/puter.js src/modules/UsageLimitDialog.js).
 */
export const info: ProviderInfo = {
  livePrices: true,
  needsKey: false,
  defaultEndpoint: () => puterApi(''),
  fundsUrl: 'https://puter.com/dashboard/#home',
};
