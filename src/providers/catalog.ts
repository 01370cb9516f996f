import type { ProviderId } from '../base/types.js';

/**
 * What the widget knows of each provider without loading its adapter (the adapters load on first use: see
 * src/lazy/index.ts): whether the user pays with their own key, and where it is when `endpoint` is not set.
 */

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

export interface ProviderInfo {
  /** True for providers paid with the user's own key (bfl, fal, openai). */
  needsKey: boolean;
  /** The provider's public base URL, used when `endpoint` is not set ('' for gateways: the page names one). */
  defaultEndpoint(): string;
  /** Where the user adds funds, linked from a short-balance error. */
  fundsUrl?: string;
  /** Where the user makes an API key, linked beside the key field ("Get a key"). */
  keyUrl?: string;
  /** The user may sign in instead of pasting a key (OAuth PKCE: src/providers/oauth.ts); the key field stays. */
  signIn?: boolean;
}

const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  // Puter's own SDK sends a low balance there ("Upgrade Now" in @heyputer/puter.js src/modules/UsageLimitDialog.js).
  puter: { needsKey: false, defaultEndpoint: () => puterApi(''), fundsUrl: 'https://puter.com/dashboard/#home' },
  // Keys and credits are in BFL's dashboard (docs.bfl.ai/quick_start/create_account: "Once logged in, you will
  // arrive on your BFL Dashboard - there you can create an API KEY by clicking the Add Key button").
  bfl: {
    needsKey: true,
    defaultEndpoint: () => 'https://api.bfl.ai',
    keyUrl: 'https://dashboard.bfl.ai/',
    fundsUrl: 'https://dashboard.bfl.ai/',
  },
  // fal's keys page (docs.fal.ai/documentation/model-apis/authentication: "Navigate to fal.ai/dashboard/keys").
  fal: { needsKey: true, defaultEndpoint: () => 'https://queue.fal.run', keyUrl: 'https://fal.ai/dashboard/keys' },
  openai: { needsKey: true, defaultEndpoint: () => '' },
  // One origin names the sign-in page ({endpoint}/auth) and the API ({endpoint}/api/v1) (openrouter.ai/docs/oauth);
  // keys at openrouter.ai/settings/keys, credits at openrouter.ai/settings/credits.
  openrouter: {
    needsKey: true,
    defaultEndpoint: () => 'https://openrouter.ai',
    keyUrl: 'https://openrouter.ai/settings/keys',
    fundsUrl: 'https://openrouter.ai/settings/credits',
    signIn: true,
  },
  // The Inference Providers router (huggingface.co/docs/inference-providers); the token comes from "Sign in with
  // Hugging Face" (OAuth, scope inference-api) or is a user access token; credits at the user's billing page.
  huggingface: {
    needsKey: true,
    defaultEndpoint: () => 'https://router.huggingface.co',
    keyUrl: 'https://huggingface.co/settings/tokens',
    fundsUrl: 'https://huggingface.co/settings/billing',
    signIn: true,
  },
};

/** The origin of an address ('' for none); an address that is no URL is its own (nothing is sent there anyway). */
const originOf = (address: string) => {
  try {
    return address && new URL(address).origin;
  } catch {
    return address;
  }
};

/**
 * The account a key belongs to: the origin of the endpoint it is used with (the provider's public one when none is
 * set). For a gateway, a regional host or a proxy, the account is the host, not the provider: a key typed or
 * remembered for one origin is never sent to another (docs/contract.md, Security). An endpoint that is no URL is
 * its own bucket ('' for a gateway not named yet): nothing is sent there anyway.
 */
export function keyOrigin(provider: string, endpoint: string): string {
  return originOf(endpoint || providerInfo(provider)?.defaultEndpoint() || '');
}

/** What joins an account and a relay in a `keyRoute`: a space is in no origin. */
const VIA = ' via ';

/**
 * Where a key was given, and so the only way it may go: the account (`keyOrigin`), and the site's relay when the
 * page sends through one (`{origin} via {relay's origin}`), since a relay sees every key it passes on. A key given
 * for one way is never sent another: a page that moves `relay` to another host, or drops it, asks for the key again
 * (docs/contract.md, Security).
 */
export function keyRoute(provider: string, endpoint: string, relay: string): string {
  const origin = keyOrigin(provider, endpoint);
  return relay ? `${origin}${VIA}${originOf(relay)}` : origin;
}

/** A `keyRoute` taken apart: the account's origin, and the relay's origin ('' where the key goes straight there). */
export function routeParts(route: string): { origin: string; relay: string } {
  const [origin, relay = ''] = route.split(VIA);
  return { origin, relay };
}

/** What is known of `id`, or undefined for a provider this build does not have (the preview says so). */
export function providerInfo(id: string): ProviderInfo | undefined {
  return Object.hasOwn(PROVIDERS, id) ? PROVIDERS[id as ProviderId] : undefined;
}

/** The providers paid with the user's own key. */
export function keyedProviders(): ProviderId[] {
  return (Object.keys(PROVIDERS) as ProviderId[]).filter((id) => PROVIDERS[id].needsKey);
}
