// What each provider makes of each model (src/pricing/capabilities.ts and the price book beside it): sizes a
// provider takes only as ratios, sizes it snaps, references resized to what it takes and priced so, totals,
// gateway prices by host, and every malformed input refused in plain words.
// Holds: src/pricing/price-book-problems.ts
// Holds: src/strings/price-book.ts
// Holds: src/pricing/capabilities.ts
import { expect } from '@open-wc/testing';
import { toldDeveloper } from '../support/console.js';
import { UserPaysError } from '../../src/base/errors.js';
import { BUILTIN_PRICE_BOOK, priceBookFor, quoteFor } from '../../src/providers/registry/prices.js';
import { fitWithin, mergePriceBook, nearestRatio, quoteDetails } from '../../src/pricing/index.js';
import { fitRequest } from '../../src/pricing/capabilities.js';
import type { PriceBook } from '../../src/pricing/index.js';
import type { QuoteRequest } from '../../src/base/types.js';

const PHONE_PHOTO = { width: 6000, height: 4000 };
const ONE_MP = { width: 1024, height: 1024 };

function refused(request: unknown, book?: PriceBook): string {
  try {
    quoteFor(request as QuoteRequest, book);
  } catch (error) {
    expect(error).to.be.instanceOf(UserPaysError);
    expect((error as UserPaysError).code).to.equal('invalid-input');
    return (error as UserPaysError).message;
  }
  throw new Error(`expected ${JSON.stringify(request)} to be refused`);
}

describe('Puter’s Replicate-served models take a ratio from a list, at about 1 MP', () => {
  it('sends the widget’s 16:9 size as 16:9 (never 7:4), made at about 1 MP, and says so', () => {
    const { quote, fitted } = quoteDetails(
      { provider: 'puter', model: 'flux-2-klein-4b', width: 1344, height: 768 },
      BUILTIN_PRICE_BOOK,
    );
    expect(fitted.ratio).to.equal('16:9');
    expect([fitted.width, fitted.height]).to.deep.equal([1360, 768]);
    expect(quote.problem).to.equal(undefined);
    expect(quote.note).to.equal('This provider makes 16:9 at 1360×768, whatever the size asked.');
    expect(quote.total).to.equal('0.001');
  });

  it('snaps any size to the nearest ratio the list has', () => {
    const ratios = ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'];
    expect(nearestRatio(ratios, 1000, 1000)).to.equal('1:1');
    expect(nearestRatio(ratios, 2100, 900)).to.equal('16:9');
    expect(nearestRatio(ratios, 900, 2100)).to.equal('9:16');
    expect(nearestRatio(ratios, 1200, 1000)).to.equal('5:4');
    for (const model of ['flux-2-klein-9b-base', 'flux-2-dev', 'flux-2-pro', 'flux-pro-1.1']) {
      const { fitted } = quoteDetails({ provider: 'puter', model, width: 777, height: 1234 }, BUILTIN_PRICE_BOOK);
      expect(ratios, model).to.include(fitted.ratio);
    }
  });
});

describe('Puter’s Together-served models', () => {
  it('snap each side to a multiple of 8 (at least 64) and bill the snapped size', () => {
    const { quote, fitted } = quoteDetails(
      { provider: 'puter', model: 'flux-2-max', width: 1001, height: 30 },
      BUILTIN_PRICE_BOOK,
    );
    expect([fitted.width, fitted.height]).to.deep.equal([1000, 64]);
    expect(quote.note).to.match(/makes 1000×64 \(sides in steps of 8\)/);
    // 7 cents per 10⁶ px of 1000 × 64
    expect(quote.total).to.equal('0.00448');
  });

  it('take one reference image; Kontext requires one', () => {
    for (const model of ['flux-2-flex', 'flux-2-max', 'flux-kontext-pro']) {
      const quote = quoteFor({ provider: 'puter', model, inputs: [ONE_MP, ONE_MP] });
      expect(quote.problem, model).to.match(/takes at most 1 reference image — remove 1\./);
    }
    expect(quoteFor({ provider: 'puter', model: 'flux-kontext-max' }).problem).to.equal(
      'FLUX.1 Kontext [max] edits an image you provide — add the image to edit.',
    );
    expect(quoteFor({ provider: 'puter', model: 'flux-kontext-max', inputs: [ONE_MP] }).problem).to.equal(undefined);
  });
});

describe('references are resized to what the provider takes, and priced so', () => {
  it('a 6000×4000 photo on FLUX.2 [pro] at BFL goes at 4 MP: $0.09, not $0.375', () => {
    const { quote, fitted } = quoteDetails(
      { provider: 'bfl', model: 'flux-2-pro', inputs: [PHONE_PHOTO] },
      BUILTIN_PRICE_BOOK,
    );
    expect(fitted.inputs).to.deep.equal([{ width: 2449, height: 1632 }]);
    expect(2449 * 1632).to.be.at.most(4_000_000);
    expect([quote.total, quote.credits, quote.inputMegapixels]).to.deep.equal(['0.09', '9', 4]);
    expect(quote.note).to.equal('Reference image 1 is sent at 2449×1632 (resized from 6000×4000) and billed so.');
  });

  it('keeps the shape and never goes over', () => {
    for (const [width, height, max] of [
      [6000, 4000, 4_000_000],
      [4001, 1000, 4_000_000],
      [999, 10_000, 1_000_000],
      [700, 9000, 1_000_000],
    ]) {
      const sent = fitWithin({ width, height }, max);
      expect(sent.width * sent.height).to.be.at.most(max);
      expect(Math.abs(sent.width / sent.height - width / height) / (width / height)).to.be.below(0.01);
    }
    expect(fitWithin(ONE_MP, 4_000_000)).to.deep.equal(ONE_MP);
  });

  it('shares BFL’s 9 MP of output and references among the references', () => {
    const inputs = Array(8).fill(PHONE_PHOTO);
    const { quote, fitted } = quoteDetails(
      { provider: 'bfl', model: 'flux-2-pro', width: 2048, height: 2048, inputs },
      BUILTIN_PRICE_BOOK,
    );
    const pixels = 2048 * 2048 + fitted.inputs.reduce((sum, size) => sum + size.width * size.height, 0);
    expect(pixels).to.be.at.most(9 * 1024 * 1024);
    expect(quote.problem).to.equal(undefined);
    // 3 + 3 × 1.5 for the 4 MP output, 8 references of 1 started MP × 1.5
    expect(quote.credits).to.equal('19.5');
  });

  it('sends fal [klein] references at 1 MP, as fal resizes them', () => {
    const { fitted } = quoteDetails(
      { provider: 'fal', model: 'flux-2-klein-4b', inputs: [PHONE_PHOTO] },
      BUILTIN_PRICE_BOOK,
    );
    expect(fitted.inputs[0].width * fitted.inputs[0].height).to.be.at.most(1_000_000);
  });
});

describe('gateways', () => {
  it('AIgateway’s FLUX.2 [klein] 9B price is built in for its host, with its top-up fee and model id', () => {
    const request = { provider: 'openai', model: 'flux-2-klein-9b', endpoint: 'https://api.aigateway.sh/v1' } as const;
    const { quote, entry } = quoteDetails(request, priceBookFor(request.endpoint));
    expect(quote.total).to.equal('0.042106');
    expect(entry.model).to.equal('black-forest-labs/flux-2-klein-9b');
    expect(refused({ ...request, endpoint: 'https://gateway.example' })).to.match(/no price for provider openai/);
    expect(refused({ ...request, endpoint: undefined })).to.match(/no price for provider openai/);
  });
});

describe('bad input is refused in plain words', () => {
  const source = { name: 'page', asOf: '2026-11-22' };
  const page = (entry: unknown) => mergePriceBook(BUILTIN_PRICE_BOOK, { 'flux-2-pro': { openai: entry as never } });
  const gateway = { provider: 'openai', model: 'flux-2-pro' } as const;

  it('a request that is not one', () => {
    for (const request of [null, undefined, 'flux-2-pro', 42]) {
      expect(refused(request)).to.equal(
        'Describe what to price: an object with provider, model, width, height, count and inputs.',
      );
    }
  });

  it('provider names that are not providers', () => {
    for (const provider of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(refused({ provider, model: 'flux-2-pro' })).to.equal(
        `FLUX.2 [pro] has no price for provider ${provider} yet. Pick another provider or model.`,
      );
    }
    expect(refused({ provider: 'bfl', model: '__proto__' })).to.match(/There is no model called "__proto__"/);
  });

  it('a unit that is not one, prices that are numbers, an entry without a source: the user told the site set it wrongly, its developer what to fix', async () => {
    /** The user's sentence, and the developer's, for a page's own price book that is wrong. */
    const refusedBook = async (entry: Record<string, unknown>) => {
      let message = '';
      const told = await toldDeveloper(() => (message = refused(gateway, page(entry))));
      expect(message).to.equal(
        "This site set its price for FLUX.2 [pro] at the gateway wrongly, so no price can be shown for it. Choose another model, or tell the site's owner.",
      );
      return told;
    };
    expect(await refusedBook({ rule: { kind: 'flat', unit: 'credits', perImage: '3' }, source, exact: true })).to.equal(
      'userpays: The price set for priceBook["flux-2-pro"].openai is in "credits", which is not a unit (use "credit" or "usd"). Fix the price book.',
    );
    expect(
      await refusedBook({ rule: { kind: 'flat', unit: 'usd', perImage: 0.1 + 0.2 }, source, exact: true }),
    ).to.equal(
      'userpays: The price set for priceBook["flux-2-pro"].openai is not a valid amount ("0.30000000000000004"): write it as a decimal string, such as "0.04". Fix the price book.',
    );
    expect(await refusedBook({ rule: { kind: 'flat', unit: 'usd', perImage: '1e2' }, source, exact: true })).to.match(
      /not a valid amount \("1e2"\)/,
    );
    expect(await refusedBook({ rule: { kind: 'flat', unit: 'usd', perImage: '0.04' }, exact: true })).to.equal(
      'userpays: The price set for priceBook["flux-2-pro"].openai does not say where it comes from (source: { name, asOf }). Fix the price book.',
    );
    expect(await refusedBook({ rule: { kind: 'flat', unit: 'usd', perImage: '0.04' }, source })).to.match(
      /must say whether it is exact/,
    );
    expect(await refusedBook({ rule: { kind: 'free', unit: 'usd' }, source, exact: true })).to.match(/no rule/);
    expect(
      await refusedBook({ rule: { kind: 'flat', unit: 'usd', perImage: '1' }, source, exact: true, sizes: 'big' }),
    ).to.match(/sizes or reference images/);
  });

  it('references that are not a list of sizes', () => {
    expect(refused({ provider: 'bfl', model: 'flux-2-pro', inputs: 5 })).to.equal(
      'Reference images must be a list of sizes, such as [{ width: 1024, height: 1024 }].',
    );
    expect(refused({ provider: 'bfl', model: 'flux-2-pro', inputs: [{ width: 1024, height: NaN }] })).to.match(
      /Reference image 1 has no usable size/,
    );
  });
});

// A limit is said in the unit its source states it in, rounded for reading (issue 79): BFL's megapixels are 1024²
// pixels (4 MP is 4,194,304), the others' a million (Pollinations' "up to 2.4 megapixels"; GPT Image 2's 8,294,400
// pixels, 8.3 MP), never "2.288818359375 megapixels".
describe('limits are said in round figures', () => {
  const rule = (maxPixels: number) => ({
    sizes: { kind: 'pixels' as const, step: 16, min: 64, maxPixels },
    references: { max: 0, maxPixels: 4_000_000 },
  });
  const said = (maxPixels: number) =>
    fitRequest(rule(maxPixels), { id: 'm', label: 'M' }, 4096, 4096, []).problem ?? '';

  it('as the source states them: whole megapixels of 1024² at BFL, tenths of a million pixels elsewhere', () => {
    expect(said(4 * 1024 * 1024)).to.match(/^M makes images of at most 4 megapixels — try /);
    expect(said(4_000_000)).to.match(/^M makes images of at most 4 megapixels — try /);
    expect(said(2_400_000)).to.match(/^M makes images of at most 2\.4 megapixels — try /);
    expect(said(8_294_400)).to.match(/^M makes images of at most 8\.3 megapixels — try /);
  });

  it('in the quote of a real model: Pollinations’ 2.4 MP, not 2.288818359375', () => {
    const { quote } = quoteDetails(
      { provider: 'pollinations', model: 'flux-2-klein-4b', width: 2048, height: 2048 },
      BUILTIN_PRICE_BOOK,
    );
    expect(quote.problem).to.match(/at most 2\.4 megapixels — try/);
  });
});

// FLUX 3 Image takes references of 256×256 to 16 MP each (BFL's schema; its simulator answers 422 otherwise): one with
// a side under 256 as sent is refused before anything is sent, in words; a larger one goes at 4 MP, never over 16.
describe('FLUX 3 Image’s references', () => {
  const flux3 = (inputs: { width: number; height: number }[]) =>
    quoteDetails({ provider: 'bfl', model: 'flux-3-image', width: 1024, height: 1024, inputs }, BUILTIN_PRICE_BOOK);

  it('refuses one under 256×256 as sent, in words, and takes one of 256×256', () => {
    expect(flux3([ONE_MP, { width: 255, height: 400 }]).quote.problem).to.equal(
      'Image 2 is 255×400 pixels as sent, and FLUX 3 Image takes images of at least 256×256 — choose a larger one.',
    );
    expect(flux3([{ width: 256, height: 256 }]).quote.problem).to.equal(undefined);
    // Resized down to 4 MP, a very long image would come under 256 on its short side: refused too.
    expect(flux3([{ width: 40_000, height: 300 }]).quote.problem).to.match(/at least 256×256/);
  });

  it('sends one over 16 MP at 4 MP at most', () => {
    const { fitted, quote } = flux3([{ width: 6000, height: 4000 }]);
    expect(fitted.inputs[0].width * fitted.inputs[0].height).to.be.at.most(4_000_000);
    expect(quote.problem).to.equal(undefined);
  });
});
