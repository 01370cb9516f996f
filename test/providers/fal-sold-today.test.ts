// What fal sells today on the user's own key, over real HTTP against the fal simulator (demo/sim/fal.mjs): FLUX 3 Image
// and Nano Banana 2.1 at their endpoints, Seedream 5.0 Lite at the id fal's own client names, and Nano Banana 2 no
// longer offered once its upstream shut down.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { falBody } from '../../src/providers/fal/adapter.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { modelsIn, priceOf } from '../../src/pricing/index.js';
import { pageFetch, simCharged, simEndpoint, simLogOf, submissionsOf, submitToFal, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { controlledClock } from '../support/clock.js';

const falEndpoint = (scenario = '') => simEndpoint('fal', scenario, { crossOrigin: true });
const FLUX_3 = 'blackforestlabs/flux-3/text-to-image';
const NANO_21 = 'google/nano-banana-2.1';
const SEEDREAM_5 = 'bytedance/seedream/v5/lite/text-to-image';

describe('fal: what it sells today', function () {
  this.timeout(20_000);
  const clock = controlledClock('2026-11-27T12:00:00Z');
  const newStorageKey = storageKeysForgottenAfterEach();

  it('FLUX 3 Image: $0.048 at 1k, sent a ratio and its class only, booked as fal reports it', async () => {
    const request = { provider: 'fal' as const, model: 'flux-3-image', prompt: 'a harbour', width: 1920, height: 1080 };
    const quote = quoteFor(request);
    expect(quote).to.include({ total: '0.048', exact: false });
    expect(quote.source).to.include({ asOf: '2026-11-27' });
    expect(quote.note).to.contain('1360×768');
    expect(falBody({ ...request, ratio: '16:9', seed: 5 })).to.deep.equal({
      prompt: 'a harbour',
      aspect_ratio: '16:9',
      resolution: '1k',
    });
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-families')];
    const result = await generate(request, {
      apiKey,
      storageKey,
      endpoint: falEndpoint(`pending=50;expose=billable;run=${run}`),
    });
    const [sent] = await submissionsOf('fal', run);
    expect(sent.path).to.contain(FLUX_3);
    expect(sent.asked).to.deep.equal({ aspect_ratio: '16:9', resolution: '1k' });
    expect(result.images[0]).to.include({ width: 1360, height: 768 });
    expect(result.images[0].receipt).to.include({ basis: 'reported', charged: '0.048' });
    expect(await simCharged('fal', apiKey)).to.equal('0.048');
  });

  it('Nano Banana 2.1: fal’s own figures at 1K and 4K, not exact, its 2K not offered, the quote booked', async () => {
    const request = { provider: 'fal' as const, model: 'gemini-nano-banana-2.1', prompt: 'a kite' };
    expect(quoteFor({ ...request, quality: '1K' })).to.include({ total: '0.04', exact: false });
    const at4k = quoteFor({ ...request, quality: '4K' });
    expect(at4k).to.include({ total: '0.134', outputMegapixels: 16 });
    expect(priceOf({ ...request, quality: '2K' }, BUILTIN_PRICE_BOOK).problem).to.match(/1K, 4K, not "2K"/);
    expect(at4k.source).to.include({ url: 'https://fal.ai/learn/tools/nano-banana-api', asOf: '2026-11-27' });
    expect(falBody({ ...request, width: 1024, height: 1024, ratio: '1:1', quality: '4K', seed: 2 })).to.deep.equal({
      prompt: 'a kite',
      aspect_ratio: '1:1',
      resolution: '4K',
      num_images: 1,
      seed: 2,
    });
    // fal bills it by tokens, and sends no count per image: the quote is booked, and the receipt says so.
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-families')];
    const result = await generate(
      { ...request, width: 1024, height: 1024 },
      { apiKey, storageKey, endpoint: falEndpoint(`pending=50;expose=billable;run=${run}`) },
    );
    const [sent] = await submissionsOf('fal', run);
    expect(sent.path).to.contain(NANO_21);
    expect(sent.asked).to.deep.include({ aspect_ratio: '1:1', resolution: '1K' });
    expect(result.images[0].receipt).to.include({ basis: 'quote', charged: '0.04' });
    expect(await simCharged('fal', apiKey)).to.equal('0.04');
  });

  it('asks fal’s pricing API for the models it prices per image, FLUX 3 among them, not Nano Banana 2.1', async () => {
    const run = unique();
    const endpoint = falEndpoint(`run=${run}`);
    const live = await liveCatalogue('fal', endpoint, { apiKey: unique('sim-discount-25') });
    expect(quoteFor({ provider: 'fal', model: 'flux-3-image', endpoint }, live)).to.include({ total: '0.036' });
    const nano = quoteFor({ provider: 'fal', model: 'gemini-nano-banana-2.1', endpoint }, live);
    expect(nano.total).to.equal('0.04');
    expect(nano.source.name).to.equal('fal model page (bundled)');
    const [asked] = (await simLogOf('fal', run)).filter((entry) => entry.path.includes('/v1/models/pricing'));
    const ids = decodeURIComponent(/endpoint_id=([^&]*)/.exec(asked.path)![1]).split(',');
    expect(ids).to.include.members([FLUX_3, SEEDREAM_5, 'fal-ai/bytedance/seedream/v4.5/text-to-image']);
    // Not Nano Banana 2.1 (by tokens), nor Nano Banana 2, shut down by now.
    expect(ids).not.to.include.any.members([NANO_21, 'fal-ai/nano-banana-2']);
  });

  it('Seedream 5.0 Lite goes to the id fal’s client names; the simulator refuses the old one as fal does', async () => {
    expect(BUILTIN_PRICE_BOOK['seedream-5-lite'].fal!.model).to.equal(SEEDREAM_5);
    const key = unique('sim-families');
    const old = await submitToFal(falEndpoint(), key, 'fal-ai/' + SEEDREAM_5, { prompt: 'p' });
    expect(old).to.deep.equal({ status: 404, body: { detail: `Application 'fal-ai/${SEEDREAM_5}' not found` } });
    const now = await submitToFal(falEndpoint(), key, SEEDREAM_5, { prompt: 'p' });
    expect(now.status).to.equal(200);
  });

  it('Nano Banana 2 is offered until its upstream shut down, on 2026-10-29; Nano Banana 2.1 in its place', () => {
    expect(BUILTIN_PRICE_BOOK['gemini-3.1-flash-image'].fal!.lifecycle).to.deep.include({
      shutdown: '2026-10-29',
      replacement: 'gemini-nano-banana-2.1',
    });
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'fal', ''))
      .to.include('gemini-nano-banana-2.1')
      .and.not.include('gemini-3.1-flash-image');
    clock.set('2026-10-28T12:00:00Z');
    expect(modelsIn(BUILTIN_PRICE_BOOK, 'fal', '')).to.include('gemini-3.1-flash-image');
  });
});

describe('the fal simulator on the new endpoints', () => {
  it('serves Nano Banana 2 until its upstream shut down, at the queue and at the pricing API', async () => {
    const key = unique('sim-families');
    const at = (now: string) => falEndpoint(`now=${now}`);
    expect(
      (await submitToFal(at('2026-10-28T23:00:00Z'), key, 'fal-ai/nano-banana-2', { prompt: 'p' })).status,
    ).to.equal(200);
    const gone = await submitToFal(at('2026-10-29T00:00:00Z'), key, 'fal-ai/nano-banana-2', { prompt: 'p' });
    expect(gone).to.deep.equal({ status: 404, body: { detail: "Application 'fal-ai/nano-banana-2' not found" } });
    const priced = await pageFetch(`${at('2026-10-29T00:00:00Z')}/v1/models/pricing?endpoint_id=fal-ai/nano-banana-2`, {
      headers: { authorization: 'Key k' },
    });
    expect(priced.status).to.equal(404);
  });

  it('prices them per image, and Nano Banana 2.1 by tokens', async () => {
    const reply = await pageFetch(`${falEndpoint()}/v1/models/pricing?endpoint_id=${FLUX_3},${NANO_21}`, {
      headers: { authorization: 'Key k' },
    });
    expect((await reply.json()).prices).to.deep.equal([
      { endpoint_id: FLUX_3, unit_price: 0.048, unit: 'image', currency: 'USD' },
      { endpoint_id: NANO_21, unit_price: 0.000035294, unit: 'tokens', currency: 'USD' },
    ]);
  });

  it('refuses a FLUX 3 class it cannot price and a Nano Banana 2.1 tier it has not; nothing billed', async () => {
    const key = unique('sim-refused');
    const flux = await submitToFal(falEndpoint(), key, FLUX_3, { prompt: 'p', resolution: '2k' });
    expect(flux.status).to.equal(422);
    expect(JSON.stringify(flux.body)).to.contain('resolution');
    const nano = await submitToFal(falEndpoint(), key, NANO_21, { prompt: 'p', resolution: '0.5K' });
    expect(nano.status).to.equal(422);
    expect(await simCharged('fal', key)).to.equal('0');
  });

  it('a FLUX 3 request it takes is made at its class at the ratio: 21:9 at 1568×672', async () => {
    const key = unique('sim-families');
    const { status, body } = await submitToFal(falEndpoint('pending=50'), key, FLUX_3, {
      prompt: 'p',
      aspect_ratio: '21:9',
    });
    expect(status).to.equal(200);
    let result: any;
    for (let tries = 0; tries < 50 && !result?.images; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const reply = await pageFetch(body.response_url, { headers: { authorization: `Key ${key}` } });
      if (reply.ok) result = await reply.json();
    }
    expect(result.images[0]).to.include({ width: 1568, height: 672 });
  });
});
