// FLUX 3 Image at BFL, priced before the click: one price per image by resolution class (the request's quality), in
// BFL's credits, by the tier rule (src/pricing/tiers.ts), at the sizes each class makes (src/providers/bfl/prices.ts).
// Holds: src/pricing/tiers.ts
import { expect } from '@open-wc/testing';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { mergePriceBook, modelsIn, priceOf, type PriceBook } from '../../src/pricing/index.js';
import { controlledClock } from '../support/clock.js';

const flux3 = { provider: 'bfl' as const, model: 'flux-3-image', prompt: 'a harbour at dawn' };

describe('FLUX 3 Image at BFL', () => {
  controlledClock('2026-11-27T12:00:00Z');

  it('is quoted per resolution class, in credits, not exact (third parties’ figures), 1k where none is named', () => {
    for (const [quality, total, credits] of [
      ['768sq', '0.041', '4.1'],
      ['1k', '0.048', '4.8'],
      ['1.5k', '0.07', '7'],
      ['2k', '0.1', '10'],
      ['4k', '0.607', '60.7'],
    ]) {
      const quote = quoteFor({ ...flux3, quality, width: 1024, height: 1024 });
      expect(quote, quality).to.include({ total, credits, exact: false });
      expect(quote.lines, quality).to.deep.equal([{ label: 'Flat price per image', amount: total }]);
    }
    expect(quoteFor({ ...flux3, width: 1024, height: 1024 }).total).to.equal('0.048');
    const quote = quoteFor({ ...flux3, width: 1024, height: 1024, count: 3, quality: '2k' });
    expect(quote).to.include({ total: '0.3', credits: '30' });
    expect(quote.source).to.include({ name: 'BFL pricing page (2026-10-01), as third parties restate it' });
    expect(quote.source.asOf).to.equal('2026-11-27');
  });

  it('makes each class at its area, at the ratio of its list nearest the size asked, sides multiples of 16', () => {
    const made = (quality: string, width: number, height: number) => {
      const { fitted } = priceOf({ ...flux3, quality, width, height }, BUILTIN_PRICE_BOOK);
      return [fitted!.ratio, `${fitted!.width}x${fitted!.height}`, fitted!.quality];
    };
    expect(made('1k', 1024, 1024)).to.deep.equal(['1:1', '1024x1024', '1k']);
    expect(made('768sq', 1024, 1024)).to.deep.equal(['1:1', '768x768', '768sq']);
    expect(made('1k', 1920, 1080)).to.deep.equal(['16:9', '1360x768', '1k']);
    expect(made('1.5k', 1000, 1400)).to.deep.equal(['5:7', '1296x1824', '1.5k']);
    expect(made('2k', 2100, 900)).to.deep.equal(['21:9', '3136x1344', '2k']);
    expect(made('4k', 512, 512)).to.deep.equal(['1:1', '4096x4096', '4k']);
    // The size said is the class's: the quote's megapixels, and a note where it is not the size asked.
    const quote = quoteFor({ ...flux3, quality: '2k', width: 1024, height: 1024 });
    expect(quote.outputMegapixels).to.equal(4);
    expect(quote.note).to.contain('2048');
  });

  it('takes up to 10 references and refuses a class it has not, in words', () => {
    const reference = { width: 1024, height: 1024 };
    const ten = quoteFor({ ...flux3, width: 1024, height: 1024, inputs: Array(10).fill(reference) });
    expect(ten.problem).to.equal(undefined);
    expect(ten.total).to.equal('0.048');
    expect(quoteFor({ ...flux3, width: 1024, height: 1024, inputs: Array(11).fill(reference) }).problem).to.match(
      /at most 10/,
    );
    expect(priceOf({ ...flux3, quality: '8k' }, BUILTIN_PRICE_BOOK).problem).to.match(/768sq, 1k, 1\.5k, 2k, 4k/);
  });

  it('is offered at BFL from its release on', () => {
    expect(BUILTIN_PRICE_BOOK['flux-3-image'].bfl!.lifecycle).to.deep.include({ released: '2026-10-01' });
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'bfl', '')).to.include('flux-3-image');
  });
});

describe('the tier rule', () => {
  it('is named tier in a page’s price book, in cents or credits; the old name is no rule', () => {
    const tier = (kind: string, unit: string): PriceBook =>
      ({
        'flux-3-image': {
          bfl: {
            ...BUILTIN_PRICE_BOOK['flux-3-image'].bfl!,
            rule: { kind, unit, costs: { a: '5', b: '9' }, qualities: ['a', 'b'], quality: 'a' },
          },
        },
      }) as unknown as PriceBook;
    const priced = (book: PriceBook, quality = 'b') =>
      priceOf({ ...flux3, quality, width: 1024, height: 1024 }, mergePriceBook(BUILTIN_PRICE_BOOK, book));
    expect(priced(tier('tier', 'usd')).quote).to.include({ total: '0.09' });
    expect(priced(tier('tier', 'credit')).quote).to.include({ total: '0.09', credits: '9' });
    expect(priced(tier('puter-tier', 'usd')).problem).to.match(/price/i);
  });
});
