// What OpenRouter sells today (SPEC §12, "The catalog as the providers sell it today"): the bundled slugs and tags as
// OpenRouter names them, each model's end upstream by the page's clock, the image API's list deciding what is offered,
// and a live price out of all reason taken as no price (demo/sim/openrouter.mjs serves each case).
// Holds: src/pricing/sane-prices.ts
// Holds: src/providers/openrouter/live-prices.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import { modelsIn, replacementOf, type PriceBook } from '../../src/pricing/index.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { simEndpoint, unique } from '../support/sim.js';
import { until } from '../support/wait.js';
import { words } from '../support/widget.js';

const PROMPT = 'a lighthouse at dawn';
const bundled = (model: string) => BUILTIN_PRICE_BOOK[model]?.openrouter;
const live = (scenario: string): Promise<PriceBook> =>
  liveCatalogue('openrouter', simEndpoint('openrouter', `run=${unique('or-cat')};${scenario}`));
const quote = (book: PriceBook, model: string, more: object = {}) =>
  quoteFor({ provider: 'openrouter', model, prompt: PROMPT, ...more }, book);

describe('OpenRouter’s bundled families, as OpenRouter names them today', () => {
  it('Nano Banana Pro by its GA slug; Nano Banana 2.1 and 2 Lite besides; no Grok Imagine, whose slug no source names', () => {
    expect(bundled('gemini-3-pro-image')!.model).to.equal('google/gemini-3-pro-image');
    expect(bundled('gemini-nano-banana-2.1')).to.deep.include({ model: 'google/gemini-nano-banana-2.1' });
    expect(bundled('gemini-3.1-flash-lite-image')).to.deep.include({ model: 'google/gemini-3.1-flash-lite-image' });
    expect(bundled('gemini-3.1-flash-lite-image')!.rule).to.deep.include({ qualities: ['1K'] });
    expect(bundled('grok-imagine')).to.equal(undefined);
  });

  it('Seedream 4.5 pinned to `seed` (OpenRouter’s tag; `bytedance` is none) at its maker’s $0.04', () => {
    expect(bundled('seedream-4.5')!.via).to.equal('seed');
    expect(quote(BUILTIN_PRICE_BOOK, 'seedream-4.5')).to.include({ total: '0.04', exact: true });
  });
});

describe('OpenRouter’s models that ended upstream, by the page’s clock', () => {
  const clock = controlledClock('2026-10-01T12:00:00Z');

  it('GPT Image 1 and Nano Banana 2 are offered before their end, and after it their replacements are', () => {
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'openrouter', '')).to.include.members([
      'gpt-image-1',
      'gemini-3.1-flash-image',
    ]);
    clock.set('2026-10-23T00:00:00Z');
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'openrouter', '')).to.not.include('gpt-image-1');
    expect(replacementOf(BUILTIN_PRICE_BOOK, 'openrouter', 'gpt-image-1')).to.deep.equal({
      named: 'gpt-image-1',
      model: 'gpt-image-2',
      shutdown: '2026-10-23',
    });
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'openrouter', '')).to.include('gemini-3.1-flash-image');
    clock.set('2026-10-29T00:00:00Z');
    const offered = modelsIn(BUILTIN_PRICE_BOOK, 'openrouter', '');
    expect(offered).to.not.include('gemini-3.1-flash-image');
    expect(offered).to.include.members(['gemini-nano-banana-2.1', 'gpt-image-2', 'seedream-4.5', 'flux-2-pro']);
    expect(replacementOf(BUILTIN_PRICE_BOOK, 'openrouter', 'gemini-3.1-flash-image')?.model).to.equal(
      'gemini-nano-banana-2.1',
    );
  });
});

describe('OpenRouter’s image list decides what is offered', function () {
  this.timeout(20_000);
  const clock = controlledClock('2026-10-01T12:00:00Z'); // before any bundled model's end: the list alone decides

  it('a model the list does not name is not offered, though the book has it and its end is not yet come', async () => {
    const today = await live('now=2026-11-28');
    expect(today['gemini-3.1-flash-image'].openrouter).to.equal(undefined);
    expect(modelsIn(today, 'openrouter', '')).to.not.include.members(['gemini-3.1-flash-image', 'gpt-image-1']);
    expect(modelsIn(today, 'openrouter', '')).to.include.members(['gemini-nano-banana-2.1', 'flux-2-pro']);
    const earlier = await live('now=2026-10-01');
    expect(modelsIn(earlier, 'openrouter', '')).to.include('gemini-3.1-flash-image');
  });

  it('a model the page’s clock has ended stays in the book though the list no longer names it: never offered, replaced', async () => {
    clock.set('2026-11-28T12:00:00Z');
    const book = await live('now=2026-11-28');
    expect(book['gpt-image-1'].openrouter).to.not.equal(undefined);
    expect(modelsIn(book, 'openrouter', '')).to.not.include('gpt-image-1');
    expect(replacementOf(book, 'openrouter', 'gpt-image-1')?.model).to.equal('gpt-image-2');
  });

  it('Nano Banana 2.1 and 2 Lite are priced from their live token lines', async () => {
    const book = await live('now=2026-11-28');
    // 1,120 image tokens at $30 per million, the prompt's 20 bytes as 5 tokens at $1.50; at most 20 of them and
    // 3,272 thinking or text tokens at $7.50.
    expect(quote(book, 'gemini-nano-banana-2.1')).to.include({ total: '0.0336075', atMost: '0.05817' });
    expect(quote(book, 'gemini-nano-banana-2.1').source.name).to.equal('OpenRouter image endpoints (live)');
    expect(quote(book, 'gemini-3.1-flash-lite-image')).to.include({ total: '0.03360125', atMost: '0.038513' });
  });
});

describe('a live OpenRouter price out of all reason is no price', function () {
  this.timeout(20_000);

  // An image token at 1e-30 USD would quote GPT Image 2 at high 1024² at $0.0001; at 1e308, at 1e+311.
  for (const cost of ['1e-30', '1e308', '30']) {
    it(`GPT Image 2’s image-token line at ${cost} USD: the bundled price, said so`, async () => {
      const book = await live(`gpt2out=${cost}`);
      const priced = quote(book, 'gpt-image-2', { width: 1024, height: 1024, quality: 'high' });
      expect(priced.source.name).to.equal('OpenRouter image endpoints (bundled)');
      expect(priced).to.include({ total: '0.210745', atMost: '0.21082' });
      expect(priced.source.why).to.equal(
        "OpenRouter's live price list gave a price for this model that cannot be right (not a price, or far from what it has charged), so the price bundled with this widget is used.",
      );
    });
  }

  for (const cost of ['1e-30', '1000']) {
    it(`Seedream 4.5’s image line at ${cost} USD: the bundled $0.04, said so`, async () => {
      const priced = quote(await live(`seedreamusd=${cost}`), 'seedream-4.5');
      expect(priced).to.include({ total: '0.04' });
      expect(priced.source.name).to.equal('OpenRouter image endpoints (bundled)');
      expect(priced.source.why).to.contain(
        "OpenRouter's live price list gave a price for this model that cannot be right",
      );
    });
  }

  // Within the absolute range, but twelve and a half times the bundled price: a figure of another unit or scale.
  it('Seedream 4.5’s image line at $0.50, more than five times the bundled $0.04: the bundled price', async () => {
    const priced = quote(await live('seedreamusd=0.5'), 'seedream-4.5');
    expect(priced).to.include({ total: '0.04' });
    expect(priced.source.name).to.equal('OpenRouter image endpoints (bundled)');
    expect(priced.source.why).to.contain('so the price bundled with this widget is used');
  });

  it('a price in the range is read as it is written', async () => {
    const priced = quote(await live('seedreamusd=0.035'), 'seedream-4.5');
    expect(priced).to.include({ total: '0.035' });
    expect(priced.source.name).to.equal('OpenRouter image endpoints (live)');
    expect(priced.source).not.to.have.property('why');
  });
});

describe('<userpays-cost> where OpenRouter’s live price is refused', () => {
  it('shows the bundled price, and says why under its source, in the page’s language', async () => {
    for (const [lang, why] of [
      ['en', 'live price list gave a price for this model that cannot be right'],
      ['de', 'nannte für dieses Modell einen Preis, der nicht stimmen kann'],
    ]) {
      const endpoint = simEndpoint('openrouter', `run=${unique('or-why')};seedreamusd=1e-30`);
      const el = await fixture<UserPaysCost>(
        html`<userpays-cost
          lang=${lang}
          provider="openrouter"
          endpoint=${endpoint}
          model="seedream-4.5"
        ></userpays-cost>`,
      );
      await until(() => el.quote?.source.why, 5_000, 'the refusal said');
      expect(el.quote).to.include({ total: '0.04' });
      expect(words(el.shadowRoot), lang).to.contain(why);
    }
  });
});
