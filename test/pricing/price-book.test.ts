import { expect } from '@open-wc/testing';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { CREDIT_USD, mergePriceBook } from '../../src/pricing/index.js';
import type { PriceBook, PriceEntry } from '../../src/pricing/index.js';

const bfl = { provider: 'bfl' } as const;

describe('price book', () => {
  it('keeps the BFL rule as data with its source, and beside it what BFL makes', () => {
    expect(CREDIT_USD).to.equal('0.01');
    expect(BUILTIN_PRICE_BOOK['flux-2-pro']!.bfl).to.deep.equal({
      rule: { kind: 'megapixel', unit: 'credit', first: '3', extra: '1.5', inputs: true },
      source: { name: 'BFL pricing docs', asOf: '2026-11-01', url: 'https://docs.bfl.ai/quick_start/pricing' },
      exact: true,
      sizes: { kind: 'pixels', step: 16, min: 64, maxPixels: 4 * 1024 * 1024 },
      references: { max: 8, maxPixels: 4_000_000, totalPixels: 9 * 1024 * 1024 },
    });
    // What it edits is its edit facts' word (providers/bfl/edit-prices.ts), laid on once the edits' pricing is in force.
    expect(BUILTIN_PRICE_BOOK['flux-2-pro']!.bfl!.edits).to.equal(undefined);
    expect(BUILTIN_PRICE_BOOK['flux-kontext-max']?.bfl?.rule).to.deep.equal({
      kind: 'flat',
      unit: 'credit',
      perImage: '8',
    });
    expect(BUILTIN_PRICE_BOOK['flux-2-dev']?.bfl, 'BFL does not host FLUX.2 [dev]').to.equal(undefined);
  });

  it('lets a one-line override change the quote', () => {
    const before = JSON.stringify(BUILTIN_PRICE_BOOK);
    const override: PriceBook = {
      'flux-2-flex': {
        bfl: {
          ...BUILTIN_PRICE_BOOK['flux-2-flex']!.bfl!,
          rule: { kind: 'megapixel', unit: 'credit', first: '6', extra: '5', inputs: true },
        },
      },
    };
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, override);
    expect(quoteFor({ ...bfl, model: 'flux-2-flex' }, book).total).to.equal('0.06');
    expect(quoteFor({ ...bfl, model: 'flux-2-flex' }).total).to.equal('0.05');
    expect(JSON.stringify(BUILTIN_PRICE_BOOK)).to.equal(before);
    expect(book['flux-2-pro']).to.equal(BUILTIN_PRICE_BOOK['flux-2-pro']);
  });

  it('merges per provider: adding a provider keeps the others', () => {
    const gateway: PriceEntry = {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.05' },
      source: { name: 'my gateway', asOf: '2026-11-02' },
      exact: false,
    };
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, { 'flux-2-pro': { openai: gateway } });
    expect(Object.keys(book['flux-2-pro']!).sort()).to.deep.equal(
      [...Object.keys(BUILTIN_PRICE_BOOK['flux-2-pro']!), 'openai'].sort(),
    );
    expect(book['flux-2-pro']!.openai).to.equal(gateway);
    expect(book['flux-2-pro']!.bfl).to.equal(BUILTIN_PRICE_BOOK['flux-2-pro']!.bfl);
    expect(quoteFor({ provider: 'openai', model: 'flux-2-pro' }, book).total).to.equal('0.05');
    expect(BUILTIN_PRICE_BOOK['flux-2-pro']!.openai).to.equal(undefined);
  });

  it('returns an equal copy without an override', () => {
    for (const none of [undefined, null, {}]) {
      const book = mergePriceBook(BUILTIN_PRICE_BOOK, none);
      expect(book).to.not.equal(BUILTIN_PRICE_BOOK);
      expect(book).to.deep.equal(BUILTIN_PRICE_BOOK);
    }
  });
});
