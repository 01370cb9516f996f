// The OpenAI-compatible gateway adapter end to end, over real HTTP against the gateway simulator mounted on
// the test server (demo/sim/openai.mjs; faults by scenario path segment). The simulator is reached on the test
// server's OTHER loopback name, so every call is cross-origin with CORS, as a gateway is for a page.
// Holds: src/providers/openai/live-models.ts
import { expect, oneEvent } from '@open-wc/testing';
import OpenAI from 'openai';
import '../../src/define.js';
import { UserPaysError } from '../../src/base/errors.js';
import { formatUsd } from '../../src/pricing/index.js';
import { quoteFor } from '../../src/providers/registry/prices.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { OpenAiProvider, gatewayModel } from '../../src/providers/openai/adapter.js';
import { failure } from '../support/failure.js';
import { itMapsSubmitFailures, providerHarness } from '../support/provider-harness.js';
import { OTHER_HOST, pageFetch, simLog } from '../support/sim.js';
import { sleep as wait } from '../support/wait.js';
import { decision, imageWidget, modelChoices, part } from '../support/widget.js';

/** FLUX.2 [klein] 9B at 768×512 from the gateway simulator, across origins, each generation with a key of its own;
 * `calls` records what happened when. */
const harness = providerHarness(new OpenAiProvider(), {
  keyPrefix: 'sk-gw-test',
  crossOrigin: true,
  request: { model: 'flux-2-klein-9b', prompt: 'a red ceramic mug on white marble', width: 768, height: 512 },
});
const { provider, start, calls, endpoint, newKey } = harness;
const SIM = endpoint();

/** The gateway of seed 004: FLUX.2 [klein] 9B at $0.040 per image, 5% fee taken at top-up. */
const GATEWAY_PRICES: PriceBook = {
  'flux-2-klein-9b': {
    openai: {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.040' },
      topUpFee: '0.05',
      source: {
        name: 'AIgateway price page',
        asOf: '2026-11-22',
        url: 'https://aigateway.sh/models/black-forest-labs/flux-2-klein-9b',
      },
      exact: true,
    },
  },
};

describe('OpenAiProvider against the gateway simulator', () => {
  it('maps our model ids to gateway names', () => {
    expect(gatewayModel('flux-2-klein-9b')).to.equal('black-forest-labs/flux-2-klein-9b');
    expect(gatewayModel('flux-2-pro')).to.equal('black-forest-labs/flux-2-pro');
  });

  it('generates end to end from an image URL: real PNG of the size asked, key only to the gateway', async () => {
    const before = (await simLog('openai')).length;
    calls.length = 0;
    const run = start('pending=300');
    const outcome = await run.promise;
    expect(outcome.image.blob!.type).to.equal('image/png');
    const bitmap = await createImageBitmap(outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([768, 512]);
    expect([outcome.image.width, outcome.image.height]).to.deep.equal([768, 512]);
    expect(outcome.charge).to.equal(undefined);
    expect(outcome.task.provider).to.equal('openai');
    expect(run.accepted).to.equal(0);
    expect(calls[0]).to.equal(`POST ${SIM}/s/pending=300/v1/images/generations`);
    expect(calls).to.have.length(2);
    expect(run.statuses).to.deep.equal(['Generating', 'Downloading image']);

    // This run's own: other files' tests call the same simulator meanwhile (on either loopback name).
    const log = (await simLog('openai')).slice(before);
    const submit = log.find((e) => e.method === 'POST' && e.path.endsWith('/s/pending=300/v1/images/generations'))!;
    const cdn = log.filter((e) => e.path.startsWith('/sim/openai-cdn/') && e.id === submit.id);
    expect([submit.host, submit.hasKey]).to.deep.equal([OTHER_HOST, true]);
    expect(cdn).to.have.length(1);
    expect(cdn[0].id).to.equal(submit.id);
    expect([cdn[0].host === OTHER_HOST, cdn[0].hasKey]).to.deep.equal([false, false]);
  });

  it('decodes a b64_json image (and fetches nothing else)', async () => {
    const run = start('format=b64', { width: 320, height: 256 });
    const outcome = await run.promise;
    expect(outcome.image.blob!.type).to.equal('image/png');
    const bitmap = await createImageBitmap(outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([320, 256]);
    expect(calls).to.have.length(1);
  });

  it('refuses a b64_json image far larger than any FLUX image, without decoding it (it was billed all the same)', async () => {
    const huge = 'A'.repeat(1 << 20);
    const body = new Blob(['{"data":[{"b64_json":"', ...Array(54).fill(huge), '"}]}'], { type: 'application/json' });
    const stubbed = window.fetch;
    window.fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
    let billed = false;
    try {
      const run = start('', {}, { onBilled: () => (billed = true) });
      const error = await run.promise.catch((e) => e);
      expect(error).to.be.instanceOf(UserPaysError);
      expect(error.message).to.contain('far larger than any it makes');
      expect(billed).to.equal(true);
    } finally {
      window.fetch = stubbed;
    }
  });

  it('accepts an endpoint written the OpenAI SDK way, ending in /v1', async () => {
    await start('', {}, { endpoint: `${SIM}/v1` }).promise;
    expect(calls[0]).to.equal(`POST ${SIM}/v1/images/generations`);
  });

  describe('errors in OpenAI’s shape map to our error codes', () => {
    itMapsSubmitFailures(harness, [
      ['fault=quota', 'insufficient-funds', false],
      ['fault=moderated', 'moderated', false],
    ]);

    it('a 400 → invalid-input with the gateway’s message', async () => {
      const error = await failure(start('fault=400').promise);
      expect([error.code, error.retryable]).to.deep.equal(['invalid-input', false]);
      expect(error.message).to.contain('width and height must be multiples of 16');
    });

    it('a model the gateway does not have → invalid-input naming it', async () => {
      const error = await failure(start('', { model: 'flux-kontext-pro' }).promise);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.contain("'black-forest-labs/flux-kontext-pro' does not exist");
    });

    it('an image URL with a forbidden scheme/host is never fetched → provider-error', async () => {
      expect((await failure(start('fault=insecure-url').promise)).code).to.equal('provider-error');
      expect(calls).to.have.length(1);
    });

    it('an expired image URL → provider-error naming the HTTP status', async () => {
      const error = await failure(start('fault=expired-url').promise);
      expect(error.code).to.equal('provider-error');
      expect(error.message).to.contain('403');
    });

    it('reference images → invalid-input before anything is sent (the generations call takes none)', async () => {
      const ref = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', width: 1, height: 1 };
      expect((await failure(start('', { inputs: [ref] }).promise)).code).to.equal('invalid-input');
      expect(calls).to.deep.equal([]);
    });

    it('no key → auth-required, and no endpoint → invalid-input, before anything is sent', async () => {
      expect((await failure(start('', {}, { apiKey: '' }).promise)).code).to.equal('auth-required');
      // The page's endpoint, else OpenAI's own (its GPT Image): an empty one is none.
      expect(provider.defaultEndpoint).to.equal('https://api.openai.com');
      expect((await failure(start('', {}, { endpoint: '' }).promise)).code).to.equal('invalid-input');
      expect(calls).to.deep.equal([]);
    });

    it('a gateway that takes too long → timeout', async () => {
      // A gateway that never answers (fault=hang): only the 700 ms timeout can end the call, before the test's own
      // timeout does; no bound on the machine's clock is needed.
      // Measured from before the call, whose deadline starts inside it (read after it, the clean clone once measured
      // 688.5 ms).
      const started = performance.now();
      const run = start('fault=hang', {}, { poll: { initialMs: 500, maxMs: 500, timeoutMs: 700 } });
      expect((await failure(run.promise)).code).to.equal('timeout');
      expect(performance.now() - started, 'not before the timeout').to.be.at.least(690);
    });
  });

  it('cancel mid-request rejects with cancelled at once; no image is fetched', async () => {
    const before = (await simLog('openai')).length;
    const run = start('pending=60000');
    while (!(await simLog('openai')).slice(before).some((e) => e.method === 'POST')) await wait(30);
    run.controller.abort();
    // At once: long before the gateway's minute would be up (no timing to measure, only an order of events).
    const outcome = await Promise.race([failure(run.promise), wait(20_000).then(() => 'still waiting')]);
    expect((outcome as UserPaysError).code).to.equal('cancelled');
    await wait(200);
    expect((await simLog('openai')).slice(before).some((e) => e.path.startsWith('/sim/openai-cdn/'))).to.equal(false);
  });
});

describe('gateway quotes: the host page’s per-image price and top-up fee', () => {
  it('$0.040 of usage with a 5% fee at top-up costs $0.0421 (rounded up to a millionth)', () => {
    const quote = quoteFor({ provider: 'openai', model: 'flux-2-klein-9b', width: 1536, height: 1024 }, GATEWAY_PRICES);
    expect([quote.perImage, quote.total, quote.exact, quote.credits]).to.deep.equal([
      '0.042106',
      '0.042106',
      true,
      undefined,
    ]);
    expect(quote.lines).to.deep.equal([
      { label: 'Flat price per image', amount: '0.04' },
      { label: 'Top-up fee (5% of total)', amount: '0.002106' },
    ]);
    expect(formatUsd(quote.total, 'en-US')).to.equal('$0.042106');
    const four = quoteFor({ provider: 'openai', model: 'flux-2-klein-9b', count: 4 }, GATEWAY_PRICES);
    expect(four.total).to.equal('0.168424');
    expect(quote.source.name).to.equal('AIgateway price page');
  });

  it('has no built-in price for a gateway it does not know: without the host page’s priceBook there is no quote', () => {
    expect(() => quoteFor({ provider: 'openai', model: 'flux-2-klein-9b' })).to.throw(
      UserPaysError,
      /no price for provider openai/,
    );
  });
});

describe('<userpays-image provider="openai">', () => {
  it('generates through a gateway priced by the host page: image persisted, the fee-inclusive quote booked', async function () {
    // The picker's and the generation's parts load on demand, and the image is stored: a loaded machine took over 15 s.
    this.timeout(40_000);
    const el = await imageWidget(
      {
        provider: 'openai',
        locale: 'en-US',
        endpoint: endpoint('pending=200'),
        prompt: 'a studio photo of a red ceramic mug',
      },
      { priceBook: GATEWAY_PRICES, apiKey: newKey() },
    );
    // The picker offers what the page priced, and the preview includes the top-up fee.
    const offered = (await modelChoices(el)).map((choice) => choice.id);
    expect(offered).to.deep.equal(['flux-2-klein-9b']);
    expect(el.model).to.equal('flux-2-klein-9b');
    expect(el.quote?.total).to.equal('0.042106');
    // Shown rounded beside Generate; every digit in its title (and in the price details).
    expect(decision(el).price).to.equal('$0.0421');
    expect(part(el, 'cost')!.querySelector('strong')!.title).to.equal('$0.042106');
    const resultEvent = oneEvent(el, 'userpays-result');
    const result = await el.generate();
    expect((await resultEvent).detail).to.equal(result);
    expect(result.charged).to.equal('0.042106');
    expect([result.images[0].width, result.images[0].height]).to.deep.equal([1024, 1024]);
    expect(result.images[0].url).to.match(/^blob:/);
    // The key's list of models is read first; then the generation.
    const list = `GET ${endpoint('pending=200')}/v1/models`;
    expect(calls[0]).to.equal(list);
    expect(calls.find((call) => call !== list)).to.equal(`POST ${endpoint('pending=200')}/v1/images/generations`);
    expect(el.tally).to.include({ spent: '0.042106', images: 1 });
  });
});

describe('the openai SDK against the gateway simulator (fidelity)', () => {
  const client = (scenario = '') =>
    new OpenAI({ apiKey: newKey(), baseURL: `${endpoint(scenario)}/v1`, dangerouslyAllowBrowser: true, maxRetries: 0 });

  it('images.generate completes with a URL, and with b64_json', async () => {
    const byUrl = await client('pending=100').images.generate({
      model: 'black-forest-labs/flux-2-klein-9b',
      prompt: 'a mug',
      size: '1024x1024',
    });
    expect(byUrl.created).to.be.a('number');
    const bitmap = await createImageBitmap(await (await pageFetch(byUrl.data![0].url!)).blob());
    expect([bitmap.width, bitmap.height]).to.deep.equal([1024, 1024]);
    const byB64 = await client('pending=100').images.generate({
      model: 'black-forest-labs/flux-2-pro',
      prompt: 'a mug',
      size: '512x512' as '1024x1024',
      response_format: 'b64_json',
      n: 2,
    });
    expect(byB64.data).to.have.length(2);
    expect(byB64.data![0].b64_json!.startsWith('iVBORw0KGgo')).to.equal(true);
  });

  it('the SDK reads the simulator’s errors as OpenAI’s: status, code and type', async () => {
    const quota = await client('fault=quota')
      .images.generate({ model: 'black-forest-labs/flux-2-klein-9b', prompt: 'a mug' })
      .catch((e) => e);
    expect(quota).to.be.instanceOf(OpenAI.RateLimitError);
    expect([quota.status, quota.code, quota.type]).to.deep.equal([429, 'insufficient_quota', 'insufficient_quota']);
    const moderated = await client('fault=moderated')
      .images.generate({ model: 'black-forest-labs/flux-2-klein-9b', prompt: 'a mug' })
      .catch((e) => e);
    expect(moderated).to.be.instanceOf(OpenAI.BadRequestError);
    expect(moderated.code).to.equal('content_policy_violation');
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).to.include('black-forest-labs/flux-2-klein-9b');
  });
});
