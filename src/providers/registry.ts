import { UserPaysError } from '../base/errors.js';
import * as text from '../strings/generation.js';
import type { ProviderId } from '../base/types.js';
import { BflProvider } from './bfl.js';
import { FalProvider } from './fal.js';
import { HuggingFaceProvider } from './huggingface.js';
import { OpenAiProvider } from './openai.js';
import { OpenRouterProvider } from './openrouter.js';
import type { Provider } from './provider.js';
import type { OAuthAccount } from './sign-in.js';
import * as signInText from '../strings/sign-in.js';
import { PuterProvider } from './puter.js';
import { checkEndpoint, checkRelay } from './urls.js';

/** Every provider adapter: adding one is its file, one entry here and one in catalog.ts. */
const providers = new Map<string, Provider>([
  ['puter', new PuterProvider()],
  ['bfl', new BflProvider()],
  ['fal', new FalProvider()],
  ['openai', new OpenAiProvider()],
  ['openrouter', new OpenRouterProvider()],
  ['huggingface', new HuggingFaceProvider()],
]);

/**
 * What the user's `apiKey` has left at `id`, in USD, where its provider answers this page (`Provider.balance`); at
 * `endpoint` (its public one when ''), through `relay` where the site has one. Undefined, never an error, otherwise.
 */
export async function keyBalance(id: ProviderId, endpoint: string, relay: string, apiKey: string) {
  const provider = providers.get(id);
  try {
    return await provider?.balance?.({
      endpoint: checkEndpoint(endpoint || provider.defaultEndpoint),
      relay: relay ? checkRelay(relay) : undefined,
      apiKey,
    });
  } catch {
    return undefined; // an endpoint or relay the page may not use (a submission says what is wrong)
  }
}

/** The adapter for `id`; `invalid-input` for a provider this build does not have. */
export function providerFor(id: ProviderId): Provider {
  const provider = providers.get(id);
  if (!provider) throw new UserPaysError('invalid-input', text.unknownProvider(id), false);
  return provider;
}

/** The account system the user signs in to for `id` (OAuth PKCE); `invalid-input` where it has none. */
export function accountFor(id: ProviderId): OAuthAccount {
  const account = providerFor(id).account;
  if (!account) throw new UserPaysError('invalid-input', signInText.noSignIn(id), false);
  return account;
}
