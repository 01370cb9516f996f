// Prices that can be a bound (SPEC §12): GPT Image billed in tokens, with the user's own OpenAI key. The image's tokens
// are fixed by quality and size; the prompt's and any text written are not known before the call, so the quote is the
// expected total and `atMost`, the most it can come to.
// Holds: src/pricing/qualities.ts
// Holds: src/providers/model-facts.ts
// Holds: src/providers/engine/token-charge.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { UserPaysError } from '../../src/base/errors.js';
import type { QuoteRequest } from '../../src/base/types.js';
import { imageTokens, promptTokens } from '../../src/pricing/tokens.js';
import { mostOf, mostPerImage } from '../../src/pricing/quote.js';
import { rankOffers } from '../../src/pricing/compare.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { chargeOfUsage } from '../../src/providers/openai/adapter.js';
import { hostFamilies } from '../../src/providers/openai/families.js';

const prices = hostFamilies['api.openai.com'];
// GPT Image's prices load with the model families besides FLUX, on first need.

/** A prompt of 1,101 UTF-8 bytes, as long as the recorded one (test/recorded/openai/). */
const PROMPT = 'a shiba inu eating ice cream, '.repeat(37).slice(0, 1101);
const gpt = (model: string, more: Partial<QuoteRequest> = {}) =>
  quoteFor({ provider: 'openai', model, prompt: PROMPT, ...more });
const usd = (tokens: number, perMillion: string) => new Decimal(perMillion).mul(tokens).div(1e6);

describe('images sent to a model that bills them in tokens', () => {
  it('are refused in words before the edits’ pricing has loaded (it says how many tokens each takes), never priced as free', () => {
    // This page has not put the edits' pricing in force (src/define.ts does, a moment after the first paint).
    expect(() => gpt('gpt-image-2', { quality: 'low', inputs: [{ width: 1024, height: 1024 }] })).to.throw(
      'Edits, and images sent to a model that bills them in tokens, are priced a moment after the page starts: ask again then.',
    );
    expect(gpt('gpt-image-2', { quality: 'low' }).total).to.match(/^0\.0/);
  });
});

describe('GPT Image priced in tokens (a price that is a bound)', () => {
  // GPT Image 1, 1.5 and 1-mini as OpenAI sold them, before GPT Image 1 was shut down (2026-10-23).
  controlledClock('2026-10-01T12:00:00Z');
  it('GPT Image 1 at high 1024²: 4,160 image tokens fixed, the prompt expected at a token per 4 bytes, at most one per byte', () => {
    const quote = gpt('gpt-image-1', { quality: 'high' });
    // Image: 4,160 × $40/M = $0.1664; prompt: about 276 tokens × $5/M expected, at most 1,101.
    expect(quote.total).to.equal(usd(4160, '40').add(usd(276, '5')).toString());
    expect(quote.atMost).to.equal(usd(4160, '40').add(usd(1101, '5')).toString());
    expect(quote).to.include({ exact: false, perImage: quote.total, provider: 'openai', model: 'gpt-image-1' });
    expect(quote.lines.map((line) => line.label)).to.deep.equal([
      'Image: 4,160 tokens at high quality (fixed)',
      'Prompt: about 276 tokens (may vary, at most 1,101)',
    ]);
    // The image's line is fixed (no atMost); the prompt's may vary.
    expect(quote.lines[0]).to.deep.equal({ label: quote.lines[0].label, amount: '0.1664' });
    expect(quote.lines[1].atMost).to.equal('0.005505');
    const sum = quote.lines.reduce((total, line) => total.add(line.amount), new Decimal(0));
    expect(sum.toString()).to.equal(quote.total);
    expect(quote.source.url).to.equal('https://platform.openai.com/docs/pricing');
  });

  it('prices the quality asked, the price book’s (medium) where none is, and refuses one the model has not', () => {
    expect(gpt('gpt-image-1', { prompt: '' }).total).to.equal('0.04224'); // 1,056 × $40/M
    expect(gpt('gpt-image-1', { prompt: '', quality: 'low' }).total).to.equal('0.01088'); // 272 × $40/M
    expect(gpt('gpt-image-1', { prompt: '', quality: 'medium', width: 1536, height: 1024 }).total).to.equal('0.06336');
    expect(() => gpt('gpt-image-1', { quality: 'ultra' })).to.throw(UserPaysError, /low, medium, high, not "ultra"/);
  });

  it('GPT Image 1.5: text written besides the image is not capped by the request, so its stated ceiling is in atMost', () => {
    const quote = gpt('gpt-image-1.5', { quality: 'high' });
    expect(quote.total).to.equal('0.1345'); // 4,160 × $32/M + 276 × $5/M
    // + 1,101 × $5/M for the prompt at most, + 2,000 text tokens × $10/M.
    expect(quote.atMost).to.equal('0.158625');
    expect(quote.lines[2]).to.deep.include({ amount: '0', atMost: '0.02' });
    // The recorded reply (238 in, 4,160 image + 420 text out) lies within the bound.
    const recorded = chargeOfUsage(
      {
        input_tokens: 238,
        input_tokens_details: { image_tokens: 0, text_tokens: 238 },
        output_tokens: 4580,
        output_tokens_details: { image_tokens: 4160, text_tokens: 420 },
      },
      prices['gpt-image-1.5'].rule.kind === 'tokens' ? prices['gpt-image-1.5'].rule.rates : (undefined as never),
    )!;
    expect(recorded.usd).to.equal('0.13851');
    expect(new Decimal(recorded.usd).lte(quote.atMost!)).to.equal(true);
  });

  it('a count multiplies the bound as it does the total', () => {
    const quote = gpt('gpt-image-1-mini', { count: 3, quality: 'low' });
    expect(new Decimal(quote.atMost!).div(3).toString()).to.equal(mostPerImage(quote));
    expect(mostOf(quote)).to.equal(quote.atMost);
    expect(mostOf(quoteFor({ provider: 'bfl', model: 'flux-2-pro' }))).to.equal('0.03');
  });

  it('gpt-image-2’s tokens follow its formula: 1024² high 7,024; 1254² medium 2,058 as recorded', () => {
    const rule = { perSide: [16, 48, 96] };
    expect(imageTokens(rule, 2, 1024, 1024)).to.equal(7024);
    expect(imageTokens(rule, 1, 1254, 1254)).to.equal(2058);
    expect(gpt('gpt-image-2', { prompt: '', quality: 'high' }).total).to.equal(usd(7024, '30').toString());
  });

  it('Gemini’s tokens follow its tier alone, whatever the shape (one count per quality)', () => {
    const rule = { byQuality: [747, 1120, 1680, 2520] };
    expect(imageTokens(rule, 1, 1024, 1024)).to.equal(1120);
    expect(imageTokens(rule, 1, 1376, 768)).to.equal(1120);
    expect(imageTokens(rule, 3, 1024, 1024)).to.equal(2520);
  });

  it('GPT Image 1, 1.5 and 1-mini make three sizes only; another is refused before the click, in plain words', () => {
    for (const model of ['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini']) {
      const quote = gpt(model, { width: 1024, height: 768 });
      expect(quote.problem, model).to.match(/makes 1024×1024, 1024×1536, 1536×1024 only/);
      expect(gpt(model, { width: 1024, height: 1536 }).problem, model).to.equal(undefined);
    }
  });

  it('gpt-image-2 takes any size within its rules: sides in 16s, at most 3,840 and 3:1, 655,360 to 8,294,400 pixels', () => {
    expect(gpt('gpt-image-2', { width: 1248, height: 832 }).problem).to.equal(undefined);
    expect(gpt('gpt-image-2', { width: 3840, height: 2160 }).problem).to.equal(undefined);
    expect(gpt('gpt-image-2', { width: 1254, height: 1254 }).problem).to.match(/multiple of 16/);
    expect(gpt('gpt-image-2', { width: 3072, height: 1008 }).problem).to.match(/no shape longer than 3:1/);
    expect(gpt('gpt-image-2', { width: 640, height: 640 }).problem).to.equal(
      'GPT Image 2 makes images of at least 655,360 pixels — try 816×816.',
    );
    expect(gpt('gpt-image-2', { width: 3840, height: 3840 }).problem).to.match(/at most/);
  });

  it('counts the prompt’s UTF-8 bytes, not its characters', () => {
    expect(promptTokens('')).to.deep.equal({ expected: 0, most: 0 });
    expect(promptTokens('äöü')).to.deep.equal({ expected: 2, most: 6 });
  });

  it('the comparison ranks offers by the most each can cost', () => {
    const ranked = rankOffers([
      { provider: 'openai', model: 'a', total: '0.04', atMost: '0.07', problem: '' },
      { provider: 'bfl', model: 'b', total: '0.05', problem: '' },
    ]);
    expect(ranked.map((offer) => [offer.model, offer.cheapest])).to.deep.equal([
      ['b', true],
      ['a', false],
    ]);
  });
});

describe('what an image billed in tokens cost, from the reply’s usage × the bundled rates, exactly', () => {
  const rates = (model: string) => {
    const { rule } = prices[model];
    return rule.kind === 'tokens' ? rule.rates : (undefined as never);
  };
  it('books each recorded usage to the cent’s fraction', () => {
    // gpt-image-1 at medium 1024²: 238 in, 1,056 out (no details, as recorded).
    expect(chargeOfUsage({ input_tokens: 238, output_tokens: 1056 }, rates('gpt-image-1'))!.usd).to.equal('0.04343');
    // gpt-image-2 at medium 1254²: 238 in, 2,058 image out.
    const two = {
      input_tokens: 238,
      input_tokens_details: { image_tokens: 0, text_tokens: 238 },
      output_tokens: 2058,
      output_tokens_details: { image_tokens: 2058, text_tokens: 0 },
    };
    expect(chargeOfUsage(two, rates('gpt-image-2'))!.usd).to.equal('0.06293');
    // gpt-image-1-mini at high 1024²: 238 in at $2/M, 4,160 out at $8/M.
    expect(chargeOfUsage({ input_tokens: 238, output_tokens: 4160 }, rates('gpt-image-1-mini'))!.usd).to.equal(
      '0.033756',
    );
  });

  it('books input image tokens at their own rate, and nothing where the reply has no usage', () => {
    const usage = { input_tokens: 300, input_tokens_details: { image_tokens: 100 }, output_tokens: 272 };
    // 200 text × $5/M + 100 image × $10/M + 272 × $40/M
    expect(chargeOfUsage(usage, rates('gpt-image-1'))!.usd).to.equal('0.01288');
    expect(chargeOfUsage(undefined, rates('gpt-image-1'))).to.equal(undefined);
    expect(chargeOfUsage({ total_tokens: 5 }, rates('gpt-image-1'))).to.equal(undefined);
    // Read strictly: what is not whole numbers of tokens, or a part larger than its total, is no report.
    for (const usage of [
      { input_tokens: '238', output_tokens: 1056 },
      { input_tokens: 238, output_tokens: -1 },
      { input_tokens: 238.5, output_tokens: 1056 },
      { input_tokens: 238 },
      { input_tokens: 238, output_tokens: 10, output_tokens_details: { text_tokens: 11 } },
      { input_tokens: 238, output_tokens: 10, input_tokens_details: { image_tokens: 'x' } },
    ])
      expect(chargeOfUsage(usage, rates('gpt-image-1')), JSON.stringify(usage)).to.equal(undefined);
  });
});
