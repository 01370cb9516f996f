import { UserPaysError } from '../base/errors.js';
import * as text from '../strings/generation.js';
import type { ProviderId } from '../base/types.js';
import { BflProvider } from './bfl.js';
import { FalProvider } from './fal.js';
import { OpenAiProvider } from './openai.js';
import type { Provider } from './provider.js';
import { PuterProvider } from './puter.js';

/** Every provider adapter: adding one is its file, one entry here and one in catalog.ts. */
const providers = new Map<string, Provider>([
  ['puter', new PuterProvider()],
  ['bfl', new BflProvider()],
  ['fal', new FalProvider()],
  ['openai', new OpenAiProvider()],
]);

/** The adapter for `id`; `invalid-input` for a provider this build does not have. */
export function providerFor(id: ProviderId): Provider {
  const provider = providers.get(id);
  if (!provider) throw new UserPaysError('invalid-input', text.unknownProvider(id), false);
  return provider;
}
