import type { ProviderId } from '../../base/types.js';
import type { ProviderEntry } from '../provider.js';
import { info as puterInfo } from '../puter/info.js';
import { prices as puterPrices } from '../puter/prices.js';
import { info as bflInfo } from '../bfl/info.js';
import { prices as bflPrices } from '../bfl/prices.js';
import { info as falInfo } from '../fal/info.js';
import { prices as falPrices } from '../fal/prices.js';
import { info as openAiInfo } from '../openai/info.js';
import { hostPrices as openAiHostPrices, prices as openAiPrices } from '../openai/prices.js';
import { info as openRouterInfo } from '../openrouter/info.js';
import { prices as openRouterPrices } from '../openrouter/prices.js';
import { info as huggingFaceInfo } from '../huggingface/info.js';
import { prices as huggingFacePrices } from '../huggingface/prices.js';
import { info as pollinationsInfo } from '../pollinations/info.js';
import { prices as pollinationsPrices } from '../pollinations/prices.js';
import { info as googleInfo } from '../google/info.js';
import { prices as googlePrices } from '../google/prices.js';

/**
 * Every provider, in one place: a provider is its folder (src/providers/<id>/) and its line here. What the page knows
 * of it before its adapter loads (its info, its prices) is held here and loads with the first paint; its adapter is
 * reached only by `import()`, so that rollup makes it (and what only it uses) a chunk of its own, loaded when the
 * provider is first used (registry/adapters.ts): a page that uses BFL never loads the others' code; so is a reader of
 * its live prices that loads without the adapter (`livePrices`), where it has one. The type holds each
 * `ProviderId` (src/base/types.ts) to a whole entry: a provider missing, or missing a piece, does not compile.
 * docs/architecture.md, "Adding a provider", says what else one takes.
 */
export const PROVIDERS = {
  puter: {
    info: puterInfo,
    prices: puterPrices,
    adapter: () => import('../puter/adapter.js'),
    livePrices: () => import('../puter/live-prices.js'),
  },
  bfl: { info: bflInfo, prices: bflPrices, adapter: () => import('../bfl/adapter.js') },
  fal: { info: falInfo, prices: falPrices, adapter: () => import('../fal/adapter.js') },
  openai: {
    info: openAiInfo,
    prices: openAiPrices,
    hostPrices: openAiHostPrices,
    adapter: () => import('../openai/adapter.js'),
    livePrices: () => import('../openai/live-models.js'),
  },
  openrouter: { info: openRouterInfo, prices: openRouterPrices, adapter: () => import('../openrouter/adapter.js') },
  huggingface: { info: huggingFaceInfo, prices: huggingFacePrices, adapter: () => import('../huggingface/adapter.js') },
  pollinations: {
    info: pollinationsInfo,
    prices: pollinationsPrices,
    adapter: () => import('../pollinations/adapter.js'),
    livePrices: () => import('../pollinations/live-prices.js'),
  },
  google: {
    info: googleInfo,
    prices: googlePrices,
    adapter: () => import('../google/adapter.js'),
    livePrices: () => import('../google/live-models.js'),
  },
} satisfies Record<ProviderId, ProviderEntry>;

/** Whether `id` names a provider of this build: a line of the registry. */
export const isProviderId = (id: unknown): id is ProviderId => typeof id === 'string' && Object.hasOwn(PROVIDERS, id);

/** Every provider's id, in the registry's order. */
export const PROVIDER_IDS: readonly ProviderId[] = Object.keys(PROVIDERS).filter(isProviderId);
