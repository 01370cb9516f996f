import { lazily } from '../base/lazily.js';
import { UserPaysError } from '../base/errors.js';
import { generation } from '../strings/generation.js';
import type { ProviderId } from '../base/types.js';
import type { Provider } from './provider.js';
import type { OAuthAccount } from './sign-in.js';
import { signIn } from '../strings/sign-in.js';
import { checkEndpoint, checkRelay } from './urls.js';
import { sayer } from '../strings/strings.js';

const text = sayer('generation', generation);
const signInText = sayer('signIn', signIn);

/**
 * Puter's adapter module, loaded once and shared: its provider, and what the widget's account area and the headless
 * call use of it (the SDK, sign-in, the balance, the check before sending).
 */
const puterModule = lazily(() => import('./puter.js'));

/**
 * How each provider's adapter is made. Each is reached only by `import()`, so that rollup makes it (and what only it
 * uses) a chunk of its own, loaded when its provider is first used: a page that uses BFL never loads the others'
 * code. Adding a provider is its file, one line here and one in catalog.ts.
 */
const ADAPTERS: Record<ProviderId, () => Promise<Provider>> = {
  puter: async () => new (await puterModule()).PuterProvider(),
  bfl: async () => new (await import('./bfl.js')).BflProvider(),
  fal: async () => new (await import('./fal.js')).FalProvider(),
  openai: async () => new (await import('./openai.js')).OpenAiProvider(),
  openrouter: async () => new (await import('./openrouter.js')).OpenRouterProvider(),
  huggingface: async () => new (await import('./huggingface.js')).HuggingFaceProvider(),
};

/** Each adapter, made once on first need and shared; one that could not load is tried again next time. */
const adapters = new Map(Object.entries(ADAPTERS).map(([id, make]) => [id, lazily(make)]));

/** An adapter's code that did not arrive (offline for a moment): said in words, as `network`, never as a TypeError. */
function notLoaded(id: ProviderId): never {
  throw new UserPaysError('network', text.adapterNotLoaded(id));
}

/** Puter's adapter module (see `puterModule`); `network` when it cannot load. */
export const loadPuter = () => puterModule().catch(() => notLoaded('puter'));

/**
 * The adapter for `id`, loaded on first use; `invalid-input` for a provider this build does not have, `network`
 * when its code cannot load.
 */
export async function providerFor(id: ProviderId): Promise<Provider> {
  const load = adapters.get(id);
  if (!load) throw new UserPaysError('invalid-input', text.unknownProvider(id), false);
  return load().catch(() => notLoaded(id));
}

/**
 * What the user's `apiKey` has left at `id`, in USD, where its provider answers this page (`Provider.balance`); at
 * `endpoint` (its public one when ''), through `relay` where the site has one. Undefined, never an error, otherwise.
 */
export async function keyBalance(id: ProviderId, endpoint: string, relay: string, apiKey: string) {
  try {
    const provider = await providerFor(id);
    return await provider.balance?.({
      endpoint: checkEndpoint(endpoint || provider.defaultEndpoint),
      relay: relay ? checkRelay(relay) : undefined,
      apiKey,
    });
  } catch {
    return undefined; // an endpoint or relay the page may not use, or the adapter could not load (a submission says)
  }
}

/** The account system the user signs in to for `id` (OAuth PKCE), from its adapter; `invalid-input` where it has none. */
export async function accountFor(id: ProviderId): Promise<OAuthAccount> {
  const { account } = await providerFor(id);
  if (!account) throw new UserPaysError('invalid-input', signInText.noSignIn(id), false);
  return account;
}
