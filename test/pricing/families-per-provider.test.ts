// Each provider's prices of the other families load with that provider, not with others' (src/providers/families.ts):
// a page with Puter never loads Google's (its own file: once loaded in a page, they stay).
import { expect } from '@open-wc/testing';
import { familiesInFor } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, loadFamilies, quoteFor } from '../../src/providers/prices.js';

describe('the families, provider by provider', () => {
  it('Puter’s come alone: Imagen 4 priced at Puter, Google’s and OpenAI’s not loaded', async () => {
    await loadFamilies('puter');
    expect(familiesInFor('puter')).to.equal(true);
    expect(familiesInFor('google')).to.equal(false);
    expect(BUILTIN_PRICE_BOOK['imagen-4']?.puter).to.be.an('object');
    expect(BUILTIN_PRICE_BOOK['imagen-4']?.google).to.equal(undefined);
    expect(quoteFor({ provider: 'puter', model: 'imagen-4' })).to.include({ total: '0.04', exact: true });
    // Google's Imagen waits for Google's prices, said so, rather than "no price".
    expect(() => quoteFor({ provider: 'google', model: 'imagen-4' })).to.throw(/not loaded yet/);
    await loadFamilies('google');
    expect(quoteFor({ provider: 'google', model: 'imagen-4' })).to.include({ total: '0.04', exact: true });
  });
});
