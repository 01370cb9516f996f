import { addModels, addPricer, type PriceBook, type ProviderPrices } from '../pricing/index.js';
import { FAMILY_MODELS } from '../pricing/families.js';
import { tokensPricer } from '../pricing/tokens.js';
import { tierPricer } from '../pricing/tiers.js';
import type { ProviderId } from '../base/types.js';

// The model families besides FLUX (SPEC §12: GPT Image, Gemini, Imagen, …): their names, the rules they are priced by,
// and each provider's prices of them (its folder's families.ts), loaded on first need, not with the first paint
// (src/providers/prices.ts, `loadFamilies`), since a page that sells FLUX prices without them.

/** What a provider's families.ts gives: its prices wherever it is, and by host, those known at one host only. */
interface Families {
  prices?: ProviderPrices;
  hosts?: Record<string, ProviderPrices>;
}

/**
 * Each provider's prices of the families, a chunk of its own loaded with `import()` when its provider needs them: a
 * page with Puter never loads Google's.
 */
const FAMILIES: Partial<Record<ProviderId, () => Promise<Families>>> = {
  openai: () => import('./openai/families.js').then(({ hostFamilies }) => ({ hosts: hostFamilies })),
  puter: () => import('./puter/families.js').then(({ prices }) => ({ prices })),
  google: () => import('./google/families.js').then(({ families }) => ({ prices: families })),
  openrouter: () => import('./openrouter/families.js').then(({ prices }) => ({ prices })),
  fal: () => import('./fal/families.js').then(({ families }) => ({ prices: families })),
  pollinations: () => import('./pollinations/families.js').then(({ prices }) => ({ prices })),
};

/**
 * Lays the families' prices of `provider` (of every provider, without one) into the built-in price book and the books
 * known by host, and their models and rules.
 */
export async function installFamilies(book: PriceBook, byHost: Record<string, PriceBook>, provider?: ProviderId) {
  addPricer('tokens', tokensPricer);
  addPricer('puter-tier', tierPricer);
  const ids = provider ? [provider] : (Object.keys(FAMILIES) as ProviderId[]);
  const loaded = await Promise.all(ids.map(async (id) => [id, (await FAMILIES[id]?.()) ?? {}] as const));
  for (const [id, { prices = {}, hosts = {} }] of loaded) {
    for (const model in prices) (book[model] ??= {})[id] = prices[model];
    for (const host in hosts) {
      for (const model in hosts[host]) ((byHost[host] ??= {})[model] ??= {})[id] = hosts[host][model];
    }
  }
  // Only the models some provider here sells: the picker lists no model without a price.
  const priced = (id: string) => !!book[id] || Object.values(byHost).some((host) => host[id]);
  addModels(
    FAMILY_MODELS.filter((model) => priced(model.id)),
    provider,
  );
}
