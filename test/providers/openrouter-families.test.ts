// OpenRouter's other model families (SPEC §12): priced from the endpoints' `pricing` lines the simulator serves
// (demo/sim/openrouter.mjs), a bundled dated copy where they cannot be read, asked pinned to the endpoint quoted and
// booked at `usage.cost`; and the simulator refusing what OpenRouter refuses.
// Holds: src/providers/openrouter/families.ts
import { expect } from '@open-wc/testing';
import { OpenRouter } from '@openrouter/sdk';
import { priceOf, type PriceBook } from '../../src/pricing/index.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import type { Charge, ProviderRequest } from '../../src/providers/provider.js';
import type { QuoteRequest } from '../../src/base/types.js';
import { failure } from '../support/failure.js';
import {
  GPT_IMAGE_2_AT_OPENROUTER,
  pinnedTo,
  simCharged,
  simEndpoint,
  simLogOf,
  submissionsOf,
  unique,
} from '../support/sim.js';

const provider = new OpenRouterProvider();
const PROMPT = 'a lighthouse at dawn';

/** The live prices at `scenario`'s simulator laid over the built-in book, as the widget lays them. */
async function liveBook(scenario: string): Promise<PriceBook> {
  return liveCatalogue('openrouter', simEndpoint('openrouter', scenario));
}

/** `asked` priced with `book`, and the request the widget sends for it (as submit.ts builds it from the entry). */
function asked(book: PriceBook, ask: Omit<QuoteRequest, 'provider' | 'prompt'>) {
  const { quote, fitted, entry, problem } = priceOf({ provider: 'openrouter', prompt: PROMPT, ...ask }, book);
  if (!quote || !fitted || !entry) throw new Error(problem);
  const sent: ProviderRequest = {
    model: ask.model!,
    prompt: PROMPT,
    width: fitted.width,
    height: fitted.height,
    ...(fitted.ratio ? { ratio: fitted.ratio } : {}),
    ...(fitted.quality ? { quality: fitted.quality } : {}),
    seed: 7,
    wiring: { model: entry.model, via: (fitted.quality && entry.viaByQuality?.[fitted.quality]) || entry.via },
  };
  return { quote, entry, sent };
}

/** One generation at `scenario`, with the reply's charge. */
async function generate(scenario: string, request: ProviderRequest, key = unique('sk-or-fam')) {
  let charge: Charge | undefined;
  const outcome = await provider.generate(request, {
    endpoint: simEndpoint('openrouter', scenario),
    apiKey: key,
    signal: new AbortController().signal,
    onAccepted: (_, reported) => (charge = reported),
  });
  return { outcome, charge, key };
}

describe('OpenRouter’s live prices', () => {
  it('are read from its image models and their endpoints, once per endpoint', async () => {
    const run = unique('or-live');
    const endpoint = simEndpoint('openrouter', `run=${run}`);
    const live = await liveCatalogue('openrouter', endpoint);
    expect(await liveCatalogue('openrouter', endpoint)).to.equal(live);
    expect(live['gpt-image-2'].openrouter!.source.name).to.equal('OpenRouter image endpoints (live)');
    expect((await simLogOf('openrouter', run)).map((entry) => entry.path.split(run)[1])).to.include(
      '/api/v1/images/models',
    );
  });
});

describe('OpenRouter’s other families (against the simulator)', function () {
  this.timeout(20_000);

  it('GPT Image 2 at high 1024²: a bound from the live token lines, asked pinned to that endpoint, usage.cost booked', async () => {
    const run = unique('or-gpt2');
    const book = await liveBook(`run=${run}`);
    const { quote, entry, sent } = asked(book, { model: 'gpt-image-2', width: 1024, height: 1024, quality: 'high' });
    expect(quote.source.name).to.equal('OpenRouter image endpoints (live)');
    // 7,024 image tokens at $30 per million, the prompt's 20 bytes as 5 tokens expected, 20 at most, at $5.
    expect(quote.total).to.equal('0.210745');
    expect(quote.atMost).to.equal('0.21082');
    expect(entry.via).to.equal('openai');
    const { outcome, charge, key } = await generate(`run=${run}`, sent);
    const [request] = await submissionsOf('openrouter', run);
    expect(request.asked).to.deep.include(GPT_IMAGE_2_AT_OPENROUTER);
    expect(charge).to.deep.equal({ usd: await simCharged('openrouter', key) });
    expect(charge!.usd).to.equal('0.210745');
    expect(outcome.unreported).to.equal(false);
  });

  it('one price per image, by the resolution tier (`variant`): exact, no bound, billed so (Seedream 4.5)', async () => {
    const run = unique('or-tier');
    const book = await liveBook(`run=${run};seedream4k=0.08`);
    const { quote, entry, sent } = asked(book, { model: 'seedream-4.5', width: 2048, height: 2048 });
    // The 2k line, not the 4k one at $0.08; pinned to `seed`, OpenRouter's tag for ByteDance's Seed models.
    expect([quote.total, quote.atMost, quote.exact, entry.via]).to.deep.equal(['0.04', undefined, true, 'seed']);
    expect(quote.source.name).to.equal('OpenRouter image endpoints (live)');
    const { charge } = await generate(`run=${run};seedream4k=0.08`, sent);
    expect(charge!.usd).to.equal('0.04');
    const [request] = await submissionsOf('openrouter', run);
    expect(request.asked).to.deep.include({
      aspect_ratio: '1:1',
      resolution: '2K',
      ...pinnedTo('seed'),
    });
  });

  it('per megapixel: the output’s pixels at the line’s price, quoted as the simulator bills it (Seedream 4.5)', async () => {
    const run = unique('or-mp');
    const book = await liveBook(`run=${run};seedream=megapixel`);
    const { quote, sent } = asked(book, { model: 'seedream-4.5', width: 2048, height: 2048 });
    // 2048² = 4,194,304 px at $0.012 per 10⁶.
    expect(quote.total).to.equal('0.050331648');
    const { charge } = await generate(`run=${run};seedream=megapixel`, sent);
    expect(charge!.usd).to.equal(quote.total);
    const [request] = await submissionsOf('openrouter', run);
    expect(request.asked).to.deep.include({ aspect_ratio: '1:1', resolution: '2K' });
  });

  it('Gemini: the tier sent, pinned to the endpoint the record gives it, and a bound with thinking at the stated ceiling', async () => {
    const run = unique('or-gemini');
    const book = await liveBook(`run=${run}`);
    const { quote, sent } = asked(book, { model: 'gemini-3-pro-image', width: 1024, height: 1024 });
    // 1,120 image tokens at $120 per million, the prompt at $2 (no line prices text: Google's rate), and at most 3,272
    // thinking or text tokens at $12.
    expect(quote.total).to.equal('0.13441');
    expect(quote.atMost).to.equal('0.173704');
    const { charge } = await generate(`run=${run}`, sent);
    expect(new Number(charge!.usd).valueOf()).to.be.at.most(Number(quote.atMost));
    const [request] = await submissionsOf('openrouter', run);
    expect(request.asked).to.deep.include({
      model: 'google/gemini-3-pro-image',
      aspect_ratio: '1:1',
      resolution: '1K',
      ...pinnedTo('google-vertex/global'),
    });
  });

  it('only the models the image API lists are offered; where the endpoints cannot be read, the bundled copy, said so', async () => {
    const book = await liveBook(`run=${unique('or-list')};images=openai:gpt-image-2`);
    expect(book['gemini-3-pro-image'].openrouter).to.equal(undefined);
    expect(() => quoteFor({ provider: 'openrouter', model: 'gemini-3-pro-image', prompt: PROMPT }, book)).to.throw();
    expect(book['flux-2-pro'].openrouter, 'FLUX is sold through chat completions too').to.not.equal(undefined);
    const fallback = await liveBook(`run=${unique('or-down')};endpoints=down`);
    const { quote } = asked(fallback, { model: 'gpt-image-2', width: 1024, height: 1024, quality: 'high' });
    expect(quote.source).to.include({ name: 'OpenRouter image endpoints (bundled)', asOf: '2026-11-25' });
    expect(quote.total).to.equal('0.210745');
  });
});

describe('the OpenRouter simulator refuses what OpenRouter refuses', function () {
  this.timeout(20_000);
  const pinned = (body: object, key: string | undefined = unique('sk-or-fam'), scenario = '') =>
    fetch(`${simEndpoint('openrouter', scenario)}/api/v1/images`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ prompt: PROMPT, n: 1, ...body }),
    }).then(async (response) => [response.status, (await response.json()).error?.message]);
  const gpt2 = { model: 'openai/gpt-image-2', size: '1024x1024', quality: 'high' };

  it('an unknown model, a size or tier the endpoint does not take, no key, too few credits; and a request unpinned', async () => {
    expect((await pinned({ ...gpt2, model: 'openai/gpt-image-9', ...pinnedTo('openai') }))[0]).to.equal(400);
    const before = 'now=2026-10-01';
    const gpt1 = { ...gpt2, model: 'openai/gpt-image-1', ...pinnedTo('openai') };
    expect((await pinned({ ...gpt1, size: '1024x768' }, undefined, before))[0]).to.equal(400);
    const pro = { model: 'google/gemini-3-pro-image', aspect_ratio: '1:1', ...pinnedTo('google-ai-studio/global') };
    expect((await pinned({ ...pro, resolution: '512' }))[0]).to.equal(400);
    expect((await pinned({ ...gpt2, ...pinnedTo('openai') }, ''))[0]).to.equal(401);
    expect((await pinned({ ...gpt2, ...pinnedTo('openai') }, undefined, 'credits=0.10'))[0]).to.equal(402);
    expect((await pinned(gpt2))[0]).to.equal(400);
    expect((await pinned({ ...gpt2, provider: { only: ['openai'] } }))[0]).to.equal(400);
    expect((await pinned({ ...gpt2, ...pinnedTo('fal') }))[0]).to.equal(404);
    const preview = { ...pro, model: 'google/gemini-3-pro-image-preview', resolution: '1K' };
    expect((await pinned(preview))[0], 'a preview id Google has shut').to.equal(400);
  });

  it('a model past its end upstream, by the simulator’s clock: served the day before, refused from that day', async () => {
    const gpt1 = { ...gpt2, model: 'openai/gpt-image-1', ...pinnedTo('openai') };
    expect((await pinned(gpt1, undefined, 'now=2026-10-22T23:59:59Z'))[0]).to.equal(200);
    expect((await pinned(gpt1, undefined, 'now=2026-10-23T00:00:00Z'))[0]).to.equal(400);
    const flash = { model: 'google/gemini-3.1-flash-image', aspect_ratio: '1:1', resolution: '1K' };
    const pinnedFlash = { ...flash, ...pinnedTo('google-ai-studio/global') };
    expect((await pinned(pinnedFlash, undefined, 'now=2026-10-28T12:00:00Z'))[0]).to.equal(200);
    expect((await pinned(pinnedFlash, undefined, 'now=2026-10-29T00:00:00Z'))[0]).to.equal(400);
  });

  it('a pinned request is billed at its endpoint’s line: the same image at Azure’s $32 per million', async () => {
    const key = unique('sk-or-fam');
    // Azure's endpoint is not recorded: the simulator adds it under `azure=1` only.
    expect((await pinned({ ...gpt2, ...pinnedTo('azure') }, key))[0]).to.equal(404);
    expect(await pinned({ ...gpt2, ...pinnedTo('azure') }, key, 'azure=1')).to.deep.equal([200, undefined]);
    // 7,024 image tokens at $32 per million, and the prompt's 5 tokens at $5.
    expect(await simCharged('openrouter', key)).to.equal('0.224793');
  });

  it('the adapter says each in the widget’s codes: no key before anything is sent, 402 as insufficient funds', async () => {
    const request: ProviderRequest = {
      model: 'gpt-image-2',
      prompt: PROMPT,
      width: 1024,
      height: 1024,
      quality: 'high',
      seed: 1,
      wiring: { model: 'openai/gpt-image-2', via: 'openai' },
    };
    const context = { signal: new AbortController().signal };
    const noKey = await failure(provider.generate(request, { ...context, endpoint: simEndpoint('openrouter') }));
    expect(noKey.code).to.equal('auth-required');
    const poor = await failure(
      provider.generate(request, { ...context, endpoint: simEndpoint('openrouter', 'credits=0.10'), apiKey: 'k' }),
    );
    expect(poor.code).to.equal('insufficient-funds');
  });

  it('its records and its pinned generation are what @openrouter/sdk reads', async () => {
    const client = new OpenRouter({ apiKey: unique('sk-or-fam'), serverURL: `${simEndpoint('openrouter')}/api/v1` });
    const records = await client.images.listModelEndpoints({ author: 'openai', slug: 'gpt-image-2' });
    expect(records.endpoints.map((each) => each.providerTag)).to.deep.equal(['openai']);
    expect(records.endpoints[0].pricing[2]).to.deep.include({ billable: 'output_image', unit: 'token' });
    const pro = await client.images.listModelEndpoints({ author: 'google', slug: 'gemini-3-pro-image' });
    expect(pro.endpoints.map((each) => each.providerTag)).to.deep.equal([
      'google-vertex/global',
      'google-ai-studio/global',
    ]);
    const made = (await client.images.generate({
      imageGenerationRequest: { ...gpt2, prompt: PROMPT, provider: { only: ['openai'], allowFallbacks: false } },
    } as never)) as { usage?: { cost?: number | null } };
    expect(made.usage?.cost).to.equal(0.210745);
  });
});
