// The model families besides FLUX through Puter (SPEC §12), with the REAL @heyputer/puter.js SDK against the Puter
// simulator over real HTTP (demo/sim/puter.mjs and puter-families.mjs, which follow Puter's source): each priced from
// the bundled or the live catalogue, asked with the model, the provider, the quality and the size Puter will not
// replace, and booked at what the account's usage fell by.
// Holds: src/providers/puter/families.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { mergePriceBook, quoteDetails, type PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import type { QuoteRequest } from '../../src/base/types.js';
import type { ProviderOutcome } from '../../src/providers/provider.js';
import { PuterProvider, puterSdk } from '../../src/providers/puter/adapter.js';
import { livePrices } from '../../src/providers/puter/live-prices.js';
import { PUTER_SRC, puterCalls, puterEndpoint, puterGenerate, removePuterDialogs, sdk } from '../support/puter.js';
import { simCharged, unique } from '../support/sim.js';
import { generate as userPaysGenerate } from '../../src/api.js';
import { forgetStorage } from '../support/storage.js';
import { controlledClock } from '../support/clock.js';

const provider = new PuterProvider();
const PROMPT = 'a lighthouse at dusk, watercolour';

/**
 * One image of `request` at Puter as the widget submits it (src/generation/submit.ts: the size, ratio and quality
 * priced, the price book's wiring), as a fresh account: the outcome, the simulator's log of it and what it charged.
 */
async function generate(request: Omit<QuoteRequest, 'provider'>, book: PriceBook = BUILTIN_PRICE_BOOK, scenario = '') {
  const { entry, fitted } = quoteDetails({ provider: 'puter', prompt: PROMPT, ...request }, book);
  const marker = unique();
  const token = unique('token');
  sdk().setAuthToken(token);
  const outcome: ProviderOutcome = await provider.generate(
    {
      model: request.model,
      prompt: PROMPT,
      width: fitted.width,
      height: fitted.height,
      ratio: fitted.ratio,
      quality: fitted.quality,
      wiring: { model: entry.model, via: entry.via },
      seed: 7,
    },
    { endpoint: puterEndpoint(`run=${marker}${scenario && `;${scenario}`}`), signal: new AbortController().signal },
  );
  const [call] = await puterCalls(marker);
  return { outcome, call: call as any, charged: await simCharged('puter', token) };
}

describe('Puter: the other model families (real SDK, simulator)', function () {
  this.timeout(20_000);

  before(async () => {
    await puterSdk(puterEndpoint(), PUTER_SRC);
  });
  afterEach(removePuterDialogs);
  after(() => sdk()?.auth.signOut());

  it('sends a GPT Image its quality and size, priced as a bound from its image tokens, and books the usage', async () => {
    const request = { model: 'gpt-image-2', width: 1024, height: 1024, quality: 'high' };
    const quote = quoteFor({ provider: 'puter', prompt: PROMPT, ...request });
    expect(quote.exact).to.equal(false);
    expect(quote.lines[0].label).to.match(/7,024 tokens at high/);
    expect(quote.lines[0].amount).to.equal('0.21072'); // 7,024 × $30 per million, Puter's `image_output`
    expect(new Decimal(quote.atMost!).gt(quote.total)).to.equal(true);
    const { outcome, call, charged } = await generate(request);
    // Without a quality Puter makes (and bills) `low`: the simulator does as Puter does, so `high` came because sent.
    expect(call).to.include({ model: 'gpt-image-2', provider: 'openai-image-generation', quality: 'high' });
    expect(call.ratio).to.equal('1024x1024');
    expect(outcome.charge?.usd).to.equal(charged);
    expect(new Decimal(charged).lte(quote.atMost!)).to.equal(true);
    expect(new Decimal(charged).gte('0.21072')).to.equal(true);
  });

  // Nano Banana 2 through Together ends as Google ended it, on 2026-10-29 (families.ts): a day it was still sold.
  describe('before Nano Banana 2 shut down', () => {
    controlledClock('2026-10-01T12:00:00Z');

    it('sends a Gemini tier and its ratio to Together, priced and booked at that tier exactly', async () => {
      const request = { model: 'gemini-3.1-flash-image', width: 1920, height: 1080, quality: '2K' };
      const quote = quoteFor({ provider: 'puter', prompt: PROMPT, ...request });
      expect(quote).to.include({ total: '0.101', exact: true });
      expect(quoteFor({ provider: 'puter', prompt: PROMPT, ...request, quality: '0.5K' }).total).to.equal('0.045');
      // The size shown is the one Together's tier makes (not about 1 MP at every tier).
      expect(quote.note).to.contain('2752×1536');
      expect(quoteFor({ provider: 'puter', prompt: PROMPT, ...request, quality: '0.5K' }).note).to.contain('688×384');
      const long = quoteFor({ provider: 'puter', prompt: PROMPT, ...request, width: 512, height: 2048, quality: '4K' });
      expect(long.note).to.contain('1:4').and.contain('2048×8192');
      const { outcome, call, charged } = await generate(request);
      // Together's 2K at 16:9 (resolution_map); without the quality it would be the cheapest tier, without the ratio the
      // numbers 16 and 9 taken as pixels.
      expect(call).to.include({
        model: 'togetherai:google/flash-image-3.1',
        provider: 'together-image-generation',
        quality: '2K',
        ratio: '2752x1536',
      });
      expect(charged).to.equal('0.101');
      expect(outcome.charge).to.deep.equal({ usd: '0.101' });
    });
  });

  it('names the provider where an alias has several: Gemini 3 Pro Image from Together, at its tier', async () => {
    const request = { model: 'gemini-3-pro-image', width: 1024, height: 1024, quality: '1K' };
    expect(quoteFor({ provider: 'puter', prompt: PROMPT, ...request })).to.include({ total: '0.134', exact: true });
    const { call, charged } = await generate(request);
    // Together's id shares the alias `gemini-3-pro-image` with Gemini's own model, which Puter would take (and bill in
    // tokens) without `provider`.
    expect(call).to.include({ model: 'togetherai:google/gemini-3-pro-image', provider: 'together-image-generation' });
    expect(call).to.include({ quality: '1K', ratio: '1024x1024' });
    expect(charged).to.equal('0.134');
  });

  it('UserPays.generate sends what the price book says and books the live tier', async () => {
    const marker = unique();
    const storageKey = unique('puter-families');
    const token = unique('token');
    sdk().setAuthToken(token);
    const result = await userPaysGenerate(
      { provider: 'puter', model: 'gemini-3-pro-image', quality: '4K', prompt: PROMPT, width: 1920, height: 1080 },
      { storageKey, endpoint: puterEndpoint(`run=${marker}`), puterSrc: PUTER_SRC },
    );
    const [call] = (await puterCalls(marker)) as any[];
    expect(call).to.include({ provider: 'together-image-generation', quality: '4K', ratio: '5504x3072' });
    expect(result.quote.source.name).to.equal('Puter live catalogue');
    expect(result.quote.total).to.equal('0.24');
    expect(result.charged).to.equal(await simCharged('puter', token));
    expect(result.charged).to.equal('0.24');
    await forgetStorage(storageKey);
  });

  it('books a GPT Image’s bound, as uncertain, where other calls ran meanwhile and no drop is its own', async () => {
    const marker = unique();
    const storageKey = unique('puter-gpt-bound');
    sdk().setAuthToken(unique('token'));
    // Two at once: neither call is alone, so neither drop of the usage is that call's charge.
    const result = await userPaysGenerate(
      { provider: 'puter', model: 'gpt-image-2', quality: 'low', prompt: PROMPT, count: 2 },
      { storageKey, endpoint: puterEndpoint(`run=${marker}`), puterSrc: PUTER_SRC },
    );
    const atMost = new Decimal(result.quote.atMost!).div(2).toString();
    expect((await puterCalls(marker)).length).to.equal(2);
    for (const image of result.images) expect(image.receipt).to.deep.include({ basis: 'bound', charged: atMost });
    await forgetStorage(storageKey);
  });

  it('refuses a quality the model does not take before anything is sent', () => {
    expect(() =>
      quoteFor({ provider: 'puter', model: 'gemini-3-pro-image', quality: '0.5K', prompt: PROMPT }),
    ).to.throw(/0\.5K/);
  });
});

describe('Puter’s live catalogue, before any family model’s end upstream', () => {
  controlledClock('2026-07-01T12:00:00Z'); // before Imagen's end (2026-08-17), and a month and more before it

  it('lays the live catalogue’s costs over the bundled copy, for every family', async () => {
    const live = (await livePrices(puterEndpoint(`scale=2;run=${unique()}`)))!;
    const book = mergePriceBook(BUILTIN_PRICE_BOOK, live.prices);
    const price = (model: string, more: object = {}) =>
      quoteFor({ provider: 'puter', model, prompt: PROMPT, ...more }, book);
    expect(price('imagen-4')).to.include({ total: '0.08' });
    expect(price('imagen-4').source.name).to.equal('Puter live catalogue');
    expect(price('imagen-4-fast').total).to.equal('0.04');
    expect(price('gemini-3.1-flash-image', { quality: '2K' }).total).to.equal('0.202');
    expect(price('gemini-3-pro-image', { quality: '4K' }).total).to.equal('0.48');
    expect(price('seedream-4.5').total).to.equal('0.08');
    expect(price('grok-imagine').total).to.equal('0.04');
    expect(price('qwen-image', { width: 1000, height: 1000 }).total).to.equal('0.0116');
    expect(price('gpt-image-1', { quality: 'high' }).lines[0].amount).to.equal('0.3328');
    for (const model of ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1-mini', 'imagen-4-ultra', 'seedream-5-lite'])
      expect(price(model).source.name, model).to.equal('Puter live catalogue');
  });
});

describe('the Puter simulator serves the families as Puter does', () => {
  const call = (args: Record<string, unknown>, scenario = '') => {
    const marker = unique();
    const endpoint = puterEndpoint(`run=${marker}${scenario && `;${scenario}`}`);
    return puterGenerate(endpoint, unique('token'), { prompt: PROMPT, ...args }).then(async (response) => ({
      status: response.status,
      body: await response.json(),
      log: await puterCalls(marker),
    }));
  };

  it('turns a missing GPT quality into low, and a size it does not list into 1024²', async () => {
    const { status, log } = await call({ model: 'gpt-image-1.5', ratio: { w: 1200, h: 900 } }, 'now=2026-11-30');
    expect(status).to.equal(200);
    expect(log[0]).to.include({ quality: 'low', ratio: '1024x1024' });
  });

  it('answers 400 to a Gemini quality it does not list, before it asks Google, whose preview id is gone', async () => {
    const unknown = await call({ model: 'gemini-3.1-flash-image', quality: '3K' });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.message).to.match(/No estimated image token count/);
    const missing = await call({ model: 'gemini-3.1-flash-image' });
    expect([missing.status, missing.body.code]).to.deep.equal([400, 'upstream_bad_request']);
    expect(missing.body.message).to.contain('models/gemini-3.1-flash-image-preview is not found');
    expect(missing.log[0]).to.include({ provider: 'gemini-image-generation' });
  });

  it('resolves a shared alias to the first provider that registered it, unless `provider` names another', async () => {
    const first = await call({ model: 'togetherai:google/imagen-4.0-fast', ratio: { w: 1, h: 1 } });
    expect(first.log[0]).to.include({ provider: 'gemini-image-generation' });
    const named = await call({
      model: 'togetherai:google/imagen-4.0-fast',
      provider: 'together-image-generation',
      ratio: { w: 1024, h: 1024 },
    });
    expect(named.log[0]).to.include({ provider: 'together-image-generation' });
  });

  it('bills Together’s tiers at the cheapest and 64×64 without a quality, and Seedream 5.0 Pro at 2K', async () => {
    const tier = await call({ model: 'togetherai:google/flash-image-3.1', ratio: { w: 16, h: 9 } });
    expect(tier.log[0]).to.include({ quality: '0.5K', ratio: '64x64' });
    const pro = await call({ model: 'dola-seedream-5-0-pro', ratio: { w: 1, h: 1 } });
    expect(pro.log[0]).to.include({ quality: '2k', ratio: '2048x2048' });
  });
});
