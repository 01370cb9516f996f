// The picker's step names the families each provider sells before their prices load (src/providers/families-sold.ts):
// this holds those names to the prices each provider's families.ts gives, so that the step never promises a family
// the provider does not sell (fal's said "GPT Image, Imagen" once, issue 43's Z5).
import { expect } from '@open-wc/testing';
import { PROVIDER_NAMES, type ProviderId } from '../../src/base/types.js';
import { FAMILY_MODELS } from '../../src/pricing/families.js';
import { providerInfo } from '../../src/providers/catalog.js';
import { FAMILIES_SOLD } from '../../src/providers/families-sold.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, loadFamilies } from '../../src/providers/prices.js';

describe('the families each provider sells, as the picker names them', () => {
  before(() => loadFamilies());

  for (const provider of Object.keys(PROVIDER_NAMES) as ProviderId[]) {
    it(`${provider}: the families its prices cover, in picker order`, () => {
      const priced = (model: string) =>
        !!BUILTIN_PRICE_BOOK[model]?.[provider] ||
        Object.values(GATEWAY_PRICE_BOOKS).some((book) => !!book[model]?.[provider]);
      const families = [...new Set(FAMILY_MODELS.filter(({ id }) => priced(id)).map(({ family }) => family))];
      expect(FAMILIES_SOLD[provider] ?? []).to.deep.equal(families);
      expect(!!providerInfo(provider)?.sellsFamilies).to.equal(families.length > 0);
    });
  }
});
