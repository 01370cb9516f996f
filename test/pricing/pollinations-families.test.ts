// Pollinations' other model families (SPEC §12): priced from its model list (pollen per unit, 1 pollen =
// $1; × 1.25 with the site's earnings), at what Pollinations makes of the request: GPT Image at 1024², 1536×1024 or
// 1024×1536 and medium or high only, Nano Banana at the tier the pixels fall to (src/providers/pollinations/
// families.ts, with its sources).
import { expect } from '@open-wc/testing';
import { quoteDetails, mergePriceBook } from '../../src/pricing/index.js';
import type { QuoteRequest } from '../../src/base/types.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { prices } from '../../src/providers/pollinations/families.js';
import { livePollinationsFamilies } from '../../src/providers/pollinations/live-prices.js';
import { prices as google } from '../../src/providers/google/prices.js';
import { controlledClock } from '../support/clock.js';

const PROMPT = 'a fox at dusk'; // 13 bytes: 4 tokens expected, at most 13
const pollinations = (request: Omit<QuoteRequest, 'provider'>) =>
  quoteDetails({ provider: 'pollinations', prompt: PROMPT, ...request }, BUILTIN_PRICE_BOOK);

describe('Pollinations: the other families, priced', () => {
  // Before GPT Image 1.x and Nano Banana 2 end upstream, and a month and more before: priced as they are, no notice.
  controlledClock('2026-09-15T12:00:00Z');

  it('gpt-image-2 asked at 1254×1254 is priced and shown at the 1024² Pollinations makes, as a bound', () => {
    const { quote, fitted } = pollinations({ model: 'gpt-image-2', width: 1254, height: 1254 });
    expect([fitted.width, fitted.height, fitted.quality]).to.deep.equal([1024, 1024, 'medium']);
    expect(fitted.note).to.match(/1024.1024/);
    // ceil(48 · 48 · (2,000,000 + 1024²) / 4,000,000) = 1,756 image tokens at 22.5 pollen per million (30 × 0.75),
    // the prompt's 4 expected (13 at most) at 3.75.
    expect(quote.lines[0].label).to.match(/1,756 tokens at medium/);
    expect(quote).to.include({ total: '0.039525', atMost: '0.03955875', exact: false });
    expect(quote.source).to.include({ name: 'Pollinations model list (bundled)', asOf: '2026-11-25' });
    // High, OpenAI's 7,024 tokens at 1024².
    expect(pollinations({ model: 'gpt-image-2', width: 1254, height: 1254, quality: 'high' }).quote.total).to.equal(
      '0.158055',
    );
  });

  it('GPT Image takes medium and high only (Pollinations makes low and hd at medium), at its three sizes', () => {
    for (const quality of ['low', 'hd']) {
      expect(() => quoteFor({ provider: 'pollinations', model: 'gpt-image-1-mini', quality, prompt: PROMPT })).to.throw(
        `GPT Image 1 mini takes the quality medium, high, not "${quality}".`,
      );
    }
    const wide = pollinations({ model: 'gpt-image-1.5', width: 1920, height: 1080 });
    expect([wide.fitted.width, wide.fitted.height]).to.deep.equal([1536, 1024]);
    // 1,584 tokens at 32, the prompt's 4 (13) at 5, and the text 1.5 writes besides: none expected, 2,000 at most at 10.
    expect(wide.quote).to.include({ total: '0.050708', atMost: '0.070753' });
    const tall = pollinations({ model: 'gpt-image-1-mini', width: 700, height: 1000 });
    expect([tall.fitted.width, tall.fitted.height]).to.deep.equal([1024, 1536]);
  });

  it('Nano Banana’s tier follows the pixels: the size made is Google’s for the ratio at that tier', () => {
    const at = (width: number, height: number) => {
      const { quote, fitted } = pollinations({ model: 'gemini-3.1-flash-image', width, height });
      return [fitted.width, fitted.height, fitted.quality, quote.lines[0].label];
    };
    expect(at(1024, 1024)).to.deep.equal([1024, 1024, '1K', 'Image: 1,120 tokens at 1K quality (fixed)']);
    expect(at(2048, 2048)).to.deep.equal([2048, 2048, '2K', 'Image: 1,680 tokens at 2K quality (fixed)']);
    expect(at(3840, 2160)).to.deep.equal([5504, 3072, '4K', 'Image: 2,520 tokens at 4K quality (fixed)']);
    // Another quality asked is not the one made: the tier the size falls to is priced and sent.
    const asked = pollinations({ model: 'gemini-3-pro-image', width: 1024, height: 1024, quality: '4K' });
    expect([asked.fitted.quality, asked.quote.lines[0].label]).to.deep.equal([
      '1K',
      'Image: 1,120 tokens at 1K quality (fixed)',
    ]);
  });

  it('per image where Pollinations bills so, exact; with the site’s earnings, 25 % over', () => {
    expect(quoteFor({ provider: 'pollinations', model: 'seedream-4.5', prompt: PROMPT })).to.include({
      total: '0.04',
      exact: true,
    });
    expect(quoteFor({ provider: 'pollinations', model: 'grok-imagine', prompt: PROMPT }).total).to.equal('0.02');
    expect(quoteFor({ provider: 'pollinations', model: 'qwen-image', prompt: PROMPT }).total).to.equal('0.025');
    expect(
      quoteFor({ provider: 'pollinations', model: 'seedream-4.5', prompt: PROMPT, earnings: true }).total,
    ).to.equal('0.05');
    const seedream = pollinations({ model: 'seedream-4.5', width: 1920, height: 1080 }).fitted;
    expect([seedream.width, seedream.height]).to.deep.equal([2560, 1440]);
  });

  it('the live list’s prices replace the bundled ones, each model found by its name or alias, saying so', () => {
    const source = { name: 'Pollinations model list (live)', asOf: '2026-11-26', url: 'http://sim/image/models' };
    const live = livePollinationsFamilies(
      [
        {
          name: 'gpt-image-2',
          aliases: [],
          pricing: {
            currency: 'pollen',
            promptTextTokens: '0.000005',
            promptImageTokens: '0.000008',
            completionImageTokens: '0.00003',
          },
        },
        {
          name: 'seedream5-pro',
          aliases: ['seedream-pro'],
          pricing: { currency: 'pollen', completionImageTokens: '0.05' },
        },
        // A price in another currency, or one missing, is not read: the bundled one applies.
        { name: 'grok-imagine', aliases: [], pricing: { currency: 'usd', completionImageTokens: '0.01' } },
        { name: 'nanobanana-2', aliases: [], pricing: { currency: 'pollen', completionImageTokens: '0.00006' } },
      ],
      source,
    );
    expect(Object.keys(live).sort()).to.deep.equal(['gpt-image-2', 'seedream-4.5']);
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, live);
    const quote = quoteDetails(
      { provider: 'pollinations', model: 'gpt-image-2', width: 1024, height: 1024, prompt: PROMPT },
      book,
    ).quote;
    // 1,756 × 30 per million, the prompt's 4 at 5.
    expect(quote).to.include({ total: '0.0527', exact: false });
    expect(quote.source).to.deep.equal(source);
    expect(quoteDetails({ provider: 'pollinations', model: 'seedream-4.5' }, book).quote.total).to.equal('0.05');
    expect(livePollinationsFamilies({ models: [] }, source)).to.deep.equal({});
    // Every model named by its name at Pollinations, which the sign-in asks the key for (account.ts).
    expect(Object.values(prices).map((entry) => entry.model)).to.deep.equal([
      'gptimage',
      'gptimage-large',
      'gpt-image-2',
      'nanobanana-2',
      'nanobanana-2-lite',
      'nanobanana-pro',
      'seedream-pro',
      'grok-imagine',
      'qwen-image',
    ]);
  });

  it('GPT Image’s and Gemini’s tokens are the makers’ own, at the qualities Pollinations makes', () => {
    const tokensOf = (entry: any) => entry.rule.imageTokens;
    // OpenAI's medium and high of low, medium and high (1,056 and 4,160 at 1024²; gpt-image-2's f of 48 and 96).
    expect(tokensOf(prices['gpt-image-1-mini']).bySize['1024x1024']).to.deep.equal([1056, 4160]);
    expect(tokensOf(prices['gpt-image-1.5']).bySize['1536x1024']).to.deep.equal([1584, 6240]);
    expect(tokensOf(prices['gpt-image-2'])).to.deep.equal({ perSide: [48, 96] });
    for (const id of ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1-mini']) {
      expect(prices[id].rule, id).to.include({ quality: 'medium' });
    }
    // Google's 1K, 2K and 4K, without 3.1 Flash's 512, which Pollinations does not make; its sizes made at 1K.
    expect(tokensOf(prices['gemini-3.1-flash-image'])).to.deep.equal({ byQuality: [1120, 1680, 2520] });
    expect(tokensOf(prices['gemini-3-pro-image'])).to.deep.equal({ byQuality: [1120, 1120, 2000] });
    for (const id of ['gemini-3.1-flash-image', 'gemini-3-pro-image']) {
      expect((prices[id].sizes as any).made, id).to.deep.equal((google[id].sizes as any).made);
    }
  });
});
