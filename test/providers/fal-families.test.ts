// fal's other model families (SPEC §12: Seedream, Nano Banana) on the user's own key, end to end over real HTTP against
// the fal simulator (demo/sim/fal.mjs): priced from fal's pricing API with the user's key (a `sim-discount-25-` key is
// an account with 25% off there, so a live price is told apart from the bundled one), booked from the result's
// `x-fal-billable-units` where the page may read it, else at the quote; and what the simulator refuses.
// Holds: src/providers/fal/families.ts
// Holds: src/providers/fal/live-prices.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { FalProvider, falBody } from '../../src/providers/fal/adapter.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { liveCatalogue } from '../../src/providers/registry/adapters.js';
import { pageFetch, simCharged, simEndpoint, simLogOf, submitToFal, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { controlledClock } from '../support/clock.js';
import { decision, imageWidget } from '../support/widget.js';
import { relayUrl } from '../support/relay.js';

const SEEDREAM = 'fal-ai/bytedance/seedream/v4.5/text-to-image';
/** The page's day (`controlledClock` below), a day Nano Banana 2 was still served: the simulator's too (clock.mjs). */
const TODAY = '2026-03-10T12:00:00';
/** The simulator on the test server's other loopback name: cross-origin with CORS, as fal is for a page. */
const falEndpoint = (scenario = '') =>
  simEndpoint('fal', [`now=${TODAY}`, scenario].filter(Boolean).join(';'), { crossOrigin: true });
// At the widget's default size, which Seedream at fal makes at its ratio's 2K size (families.ts).
const request = { provider: 'fal' as const, model: 'seedream-4.5', prompt: 'a tide pool', width: 1024, height: 1024 };

/** Nano Banana 2 at fal's queue at `endpoint`, 1024², at `quality`, as the adapter sends it: what it came to. */
const nanoBanana2 = (quality: string, endpoint: string, apiKey: string) =>
  new FalProvider().generate(
    {
      model: 'gemini-3.1-flash-image',
      prompt: 'a kite',
      width: 1024,
      height: 1024,
      ratio: '1:1',
      quality,
      wiring: { model: 'fal-ai/nano-banana-2' },
    },
    { endpoint, apiKey, signal: new AbortController().signal },
  );

describe('fal: the other families', function () {
  this.timeout(20_000);
  controlledClock(TODAY);
  const newStorageKey = storageKeysForgottenAfterEach();

  it("prices Seedream 4.5 from the pricing API the simulator serves, with the user's key, and says so", async () => {
    const run = unique();
    const endpoint = falEndpoint(`run=${run}`);
    const apiKey = unique('sim-discount-25');
    const live = await liveCatalogue('fal', endpoint, { apiKey });
    const quote = quoteFor({ ...request, endpoint }, live);
    expect(quote).to.include({ total: '0.03', exact: true }); // fal's $0.04 a image, 25% off for this account
    expect(quote.source.name).to.equal('fal pricing API (live)');
    // Asked once, at the endpoint's own origin, with the key, for our endpoints by id.
    const [asked] = (await simLogOf('fal', run)).filter((entry) => entry.path.includes('/v1/models/pricing'));
    expect(asked).to.include({ method: 'GET', hasKey: true, host: new URL(endpoint).host });
    // Without a key there is nothing to ask: the bundled copy, dated, and the quote says which.
    const bundled = quoteFor({ ...request, endpoint }, await liveCatalogue('fal', endpoint));
    expect(bundled.total).to.equal('0.04');
    expect(bundled.source).to.include({ name: 'fal model page (bundled)', asOf: '2026-11-25' });
    // Nor where fal refuses the key its price list (an older page of fal's asked for an Admin key).
    const refusing = falEndpoint(`pricing=403;run=${run}`);
    const refused = quoteFor({ ...request, endpoint: refusing }, await liveCatalogue('fal', refusing, { apiKey }));
    expect(refused.total).to.equal('0.04');
    expect(refused.source.name).to.equal('fal model page (bundled)');
  });

  it("the widget asks fal's pricing API with the key the user gave, and shows what fal answers that key", async () => {
    const run = unique();
    const endpoint = falEndpoint(`run=${run}`);
    const el = await imageWidget({ provider: 'fal', model: 'seedream-4.5', endpoint, width: 2048, height: 2048 });
    await waitUntil(() => decision(el).price === '$0.04', 'the bundled price, before a key is given');
    el.apiKey = unique('sim-discount-25');
    await waitUntil(() => decision(el).price === '$0.03', "the price fal's pricing API answers the key");
    const asked = (await simLogOf('fal', run)).filter((entry) => entry.path.includes('/v1/models/pricing'));
    expect(asked.map((entry) => entry.hasKey)).to.deep.equal([true]);
  });

  it('books billable units × the unit price where the page may read the header: the receipt says reported', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-discount-25')];
    const result = await generate(request, {
      apiKey,
      storageKey,
      endpoint: falEndpoint(`pending=50;expose=billable;run=${run}`),
    });
    expect(result.quote.total).to.equal('0.03');
    expect(result.charged).to.equal('0.03');
    expect(result.images[0].receipt).to.include({ basis: 'reported', charged: '0.03' });
    // Sent and made at Seedream's 2K size for 1:1, as the quote said, never a size fal would refuse.
    expect(result.quote.note).to.contain('2048');
    expect(result.images[0]).to.include({ width: 2048, height: 2048 });
    expect(await simCharged('fal', apiKey)).to.equal('0.03');
  });

  it('books the quote where the page may not read the header (fal names it nowhere to expose): the receipt says quote', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-discount-25')];
    const result = await generate(request, { apiKey, storageKey, endpoint: falEndpoint(`pending=50;run=${run}`) });
    expect(result.charged).to.equal('0.03');
    expect(result.images[0].receipt).to.include({ basis: 'quote', charged: '0.03' });
    expect(await simCharged('fal', apiKey)).to.equal('0.03');
  });

  it('books the quote where the header says no number: never nothing for an image fal billed', async () => {
    for (const units of ['many', '-1']) {
      const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-discount-25')];
      const endpoint = falEndpoint(`pending=50;expose=billable;units=${units};run=${run}`);
      const result = await generate(request, { apiKey, storageKey, endpoint });
      expect(result.images[0].receipt, units).to.include({ basis: 'quote', charged: '0.03' });
      expect(await simCharged('fal', apiKey)).to.equal('0.03');
    }
  });

  it('a count of units other than the one image asked (none, millions, a sliver) is not believed: the bound, uncertain', async () => {
    for (const [units, reported] of [
      ['0', '0'],
      ['133333332', '3999999.96'],
      ['0.0001', '0.000003'],
    ]) {
      const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-discount-25')];
      const endpoint = falEndpoint(`pending=50;expose=billable;units=${units};run=${run}`);
      const result = await generate(request, { apiKey, storageKey, endpoint });
      expect(result.images[0].receipt, units).to.include({ basis: 'bound', charged: '0.03', reported });
      expect(new LedgerStore({ storageKey }).tally(), units).to.deep.include({ spent: '0', uncertain: '0.03' });
      expect(await simCharged('fal', apiKey)).to.equal('0.03');
    }
  });

  it("through the site's relay: priced live through it, and booked at the quote (a relay passes no billable units on)", async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-discount-25')];
    const endpoint = falEndpoint(`pending=50;expose=billable;run=${run}`);
    const result = await generate(request, { apiKey, storageKey, endpoint, relay: await relayUrl('main') });
    expect(result.quote.total).to.equal('0.03');
    expect(result.quote.source.name).to.equal('fal pricing API (live)');
    expect(result.images[0].receipt).to.include({ basis: 'quote', charged: '0.03' });
    expect(await simCharged('fal', apiKey)).to.equal('0.03');
    const log = await simLogOf('fal', run);
    const priced = log.filter((entry) => entry.path.includes('/v1/models/pricing'));
    expect(priced.map((entry) => [entry.hasKey, entry.host])).to.deep.equal([[true, new URL(endpoint).host]]);
  });

  it('Nano Banana 2: the ratio and the tier sent as priced; 2K booked at its price, its one image counted', async () => {
    const provider = new FalProvider();
    const apiKey = unique('sim-families');
    const endpoint = falEndpoint(`pending=50;expose=billable;run=${unique()}`);
    const asked = { model: 'gemini-3.1-flash-image', prompt: 'a kite', width: 1024, height: 1024 };
    const body = falBody({ ...asked, ratio: '1:1', quality: '2K', seed: 3 });
    expect(body).to.deep.equal({ prompt: 'a kite', aspect_ratio: '1:1', resolution: '2K', num_images: 1, seed: 3 });
    const quote = quoteFor({ provider: 'fal', ...asked, quality: '2K' });
    expect(quote.total).to.equal('0.12'); // $0.08 × 1.5 (fal's nano-banana-2 page)
    // The size said is the tier's (not "1 MP" at every tier).
    expect(quote.outputMegapixels).to.equal(4);
    expect(quoteFor({ provider: 'fal', ...asked, quality: '4K' }).outputMegapixels).to.equal(16);
    const outcome = await provider.generate(
      { ...asked, ratio: '1:1', quality: '2K', seed: 3, wiring: { model: 'fal-ai/nano-banana-2' } },
      { endpoint, apiKey, signal: new AbortController().signal },
    );
    expect(outcome.charge).to.deep.equal({ usd: '0.12' });
    expect(await simCharged('fal', apiKey)).to.equal('0.12');
  });

  // Whether fal's billable units count the image or the units its tier bills, no fal source says: the simulator counts
  // the image (1), and `units=` plays the other reading. Either is booked at the tier sent, never at the 1K price.
  it('Nano Banana 2 at 2K and 4K: booked at the tier sent, whichever way fal counts its units', async () => {
    const cases: [string, string, string][] = [
      ['4K', '', '0.16'],
      ['4K', ';units=2', '0.16'],
      ['2K', ';units=1.5', '0.12'],
      ['0.5K', '', '0.06'],
    ];
    for (const [quality, units, usd] of cases) {
      const apiKey = unique('sim-families');
      const endpoint = falEndpoint(`pending=50;expose=billable${units};run=${unique()}`);
      const outcome = await nanoBanana2(quality, endpoint, apiKey);
      expect(outcome.charge, `${quality}${units}`).to.deep.equal({ usd });
      expect(await simCharged('fal', apiKey)).to.equal(usd);
    }
    // A count that is neither the image nor its tier's units is no report: the quote is booked.
    const apiKey = unique('sim-families');
    const outcome = await nanoBanana2('4K', falEndpoint(`pending=50;expose=billable;units=3;run=${unique()}`), apiKey);
    expect(outcome.charge).to.equal(undefined);
  });

  it('through the widget: Nano Banana 2 at 4K is quoted, and booked as reported, at $0.16', async () => {
    const [storageKey, run, apiKey] = [newStorageKey(), unique(), unique('sim-families')];
    const result = await generate(
      { provider: 'fal', model: 'gemini-3.1-flash-image', prompt: 'a kite', width: 1024, height: 1024, quality: '4K' },
      { apiKey, storageKey, endpoint: falEndpoint(`pending=50;expose=billable;run=${run}`) },
    );
    expect(result.quote.total).to.equal('0.16');
    expect(result.images[0].receipt).to.include({ basis: 'reported', charged: '0.16' });
    expect(await simCharged('fal', apiKey)).to.equal('0.16');
  });

  it("sends the pricing API request to fal's API host with the key, or through the site's relay, nowhere else", async () => {
    const urls: string[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL) => {
      urls.push(String(input));
      return Promise.resolve(new Response('{"prices":[]}', { headers: { 'content-type': 'application/json' } }));
    };
    try {
      const provider = new FalProvider();
      await provider.livePrices('https://queue.fal.run', { apiKey: 'k1' });
      await provider.livePrices('https://queue.fal.run', { apiKey: 'k2', relay: 'https://relay.example.com/' });
      await provider.livePrices('https://queue.fal.run', {});
    } finally {
      window.fetch = original;
    }
    expect(urls).to.have.length(2);
    expect(new URL(urls[0]).origin + new URL(urls[0]).pathname).to.equal('https://api.fal.ai/v1/models/pricing');
    expect(new URL(urls[0]).searchParams.get('endpoint_id')).to.contain(SEEDREAM);
    const relayed = new URL(urls[1]);
    expect(relayed.origin).to.equal('https://relay.example.com');
    expect(new URL(relayed.searchParams.get('url')!).origin).to.equal('https://api.fal.ai');
  });
});

describe('the fal simulator refuses what fal refuses', () => {
  const sim = falEndpoint();
  const pricing = (query: string, key?: string) =>
    pageFetch(`${sim}/v1/models/pricing${query}`, { headers: key ? { authorization: `Key ${key}` } : {} });

  it('the pricing API: no key, no ids, an endpoint it does not serve', async () => {
    expect((await pricing(`?endpoint_id=${SEEDREAM}`)).status).to.equal(401);
    expect((await pricing('', 'k')).status).to.equal(400);
    const unknown = await pricing(`?endpoint_id=${SEEDREAM},fal-ai/no-such-model`, 'k');
    expect(unknown.status).to.equal(404);
    expect((await unknown.json()).error).to.include({ type: 'not_found' });
    const known = await (await pricing(`?endpoint_id=${SEEDREAM}&endpoint_id=fal-ai/nano-banana-2`, 'k')).json();
    expect(known).to.deep.equal({
      prices: [
        { endpoint_id: SEEDREAM, unit_price: 0.04, unit: 'image', currency: 'USD' },
        { endpoint_id: 'fal-ai/nano-banana-2', unit_price: 0.08, unit: 'image', currency: 'USD' },
      ],
      next_cursor: null,
      has_more: false,
    });
  });

  it('the queue: Seedream 4.5 under 1920 px a side, a tier Nano Banana 2 has not; nothing billed', async () => {
    const key = unique('sim-refused');
    const small = await submitToFal(sim, key, SEEDREAM, { prompt: 'p', image_size: { width: 1024, height: 1024 } });
    expect(small.status).to.equal(422);
    expect(JSON.stringify(small.body)).to.contain('image_size');
    const tier = await submitToFal(sim, key, 'fal-ai/nano-banana-2', { prompt: 'p', resolution: '3K' });
    expect(tier.status).to.equal(422);
    expect(JSON.stringify(tier.body)).to.contain('resolution');
    const ratio = await submitToFal(sim, key, 'fal-ai/nano-banana-2', { prompt: 'p', aspect_ratio: '7:5' });
    expect(ratio.status).to.equal(422);
    expect(await simCharged('fal', key)).to.equal('0');
  });
});
