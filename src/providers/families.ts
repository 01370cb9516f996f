import { addModels, addPricer, type PriceBook, type ProviderPrices } from '../pricing/index.js';
import { FAMILY_MODELS } from '../pricing/families.js';
import { tokensPricer } from '../pricing/tokens.js';
import { tierPricer } from '../pricing/tiers.js';
import type { ProviderId } from '../base/types.js';
import { hostFamilies as openAiHostFamilies } from './openai/families.js';
import { prices as puterFamilies } from './puter/families.js';
import { families as googleFamilies } from './google/families.js';

/** Puter's live catalogue read for the families (its adapter asks for it once they are here: puter/catalogue.ts). */
export { livePuterFamilies } from './puter/families.js';

/**
 * The model families besides FLUX (SPEC §12: GPT Image, Gemini, Imagen, …), each provider's prices of them (its folder's families.ts)
 * and the rules they are priced by: loaded on first need, not with the first paint (src/providers/prices.ts,
 * `loadFamilies`), since a page that sells FLUX prices without them. By provider: its prices wherever it is, and by
 * host, those known at one host only.
 */
const FAMILIES: Partial<Record<ProviderId, { prices?: ProviderPrices; hosts?: Record<string, ProviderPrices> }>> = {
  openai: { hosts: openAiHostFamilies },
  puter: { prices: puterFamilies },
  google: { prices: googleFamilies },
};

/** Lays the families' prices into the built-in price book and the books known by host, and their models and rules. */
export function installFamilies(book: PriceBook, byHost: Record<string, PriceBook>) {
  addPricer('tokens', tokensPricer);
  addPricer('puter-tier', tierPricer);
  for (const [provider, { prices = {}, hosts = {} }] of Object.entries(FAMILIES)) {
    for (const model in prices) (book[model] ??= {})[provider as ProviderId] = prices[model];
    for (const host in hosts) {
      for (const model in hosts[host])
        ((byHost[host] ??= {})[model] ??= {})[provider as ProviderId] = hosts[host][model];
    }
  }
  // Only the models some provider here sells: the picker lists no model without a price.
  const priced = (id: string) => !!book[id] || Object.values(byHost).some((host) => host[id]);
  addModels(FAMILY_MODELS.filter((model) => priced(model.id)));
}
