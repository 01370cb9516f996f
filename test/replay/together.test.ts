// Together AI as recorded (test/recorded/together-flux-2-max.json, one real api.together.xyz exchange):
// `/v1/images/generations` with `width` and `height` (Together ignores `size`), answered with `data[].url` on a
// short link; replayed through the widget with the built-in Together price book (test/support/replay-server.mjs).
// And the gateway simulator's Together and DeepInfra dialects, which follow the same facts.
// Holds: src/providers/openai/prices.ts
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { mergePriceBook } from '../../src/pricing/index.js';
import { OpenAiProvider, gatewayUrl } from '../../src/providers/openai/adapter.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { failure } from '../support/failure.js';
import { recorded } from '../support/recorded.js';
import { simLogOf, unique, uniqueStorageKey } from '../support/sim.js';
import { BUILTIN_PRICE_BOOK, quoteFor, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';

interface Interaction {
  method: string;
  url: string;
  requestBody: string | null;
  code: number;
  headers: Record<string, string>;
  body: string;
}

/** The page's prices for a gateway on loopback: the built-in book of the real host, laid over the built-in one. */
const booked = (host: string) => mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS[host]);

async function widget(endpoint: string, host: string, model: string, width: number, height: number) {
  const storageKey = uniqueStorageKey();
  const el = await fixture<UserPaysImage>(html`
    <userpays-image
      provider="openai"
      model=${model}
      width=${width}
      height=${height}
      storage-key=${storageKey}
      endpoint=${endpoint}
      prompt="A doodle of a shiba inu"
      .priceBook=${booked(host)}
    ></userpays-image>
  `);
  el.apiKey = 'gateway-key';
  return { el, storageKey };
}

const gatewayLog = (run: string) => simLogOf('openai', run);

describe('OpenAI-compatible gateways as they are', function () {
  this.timeout(20_000);
  const storageKeys = storageKeysForgottenAfterEach();

  it('the recorded Together exchange: width and height as asked, the reply read, its price booked', async () => {
    const [call] = (await recorded('together-flux-2-max.json')).interactions as Interaction[];
    const asked = JSON.parse(call.requestBody!);
    expect(call.headers['Access-Control-Allow-Origin']).to.equal('*');

    const run = unique('together');
    const { el, storageKey } = await widget(
      `${location.origin}/replay/together/${run}`,
      'api.together.xyz',
      'flux-2-max',
      asked.width,
      asked.height,
    );
    storageKeys.forget(storageKey);
    const result = await el.generate();
    expect(result.images[0]).to.include({ width: asked.width, height: asked.height });
    // $0.07 per million pixels of output, exactly: 512 × 512 = 262,144 pixels.
    expect(result.quote.total).to.equal('0.01835008');
    expect(result.charged).to.equal('0.01835008');
  });

  it('sends Together width and height, never size: the image is the size asked (Together ignores size)', async () => {
    const run = unique('together');
    const { el, storageKey } = await widget(
      `${location.origin}/sim/together/s/run=${run}`,
      'api.together.xyz',
      'flux-2-dev',
      768,
      512,
    );
    storageKeys.forget(storageKey);
    const result = await el.generate();
    expect(result.images[0]).to.include({ width: 768, height: 512 });
    expect(result.charged).to.equal('0.0154');
    const [request] = (await gatewayLog(run)).filter((e) => e.asked);
    expect(request.asked).to.deep.equal({ model: 'black-forest-labs/FLUX.2-dev', width: 768, height: 512 });
  });

  it('reaches DeepInfra at /v1/openai/images/generations, reads its base64, prices the area exactly', async () => {
    const run = unique('deepinfra');
    // Given the OpenAI SDK way too: …/v1/openai.
    for (const base of [
      `${location.origin}/sim/deepinfra/s/run=${run}`,
      `${location.origin}/sim/deepinfra/s/run=${run}/v1/openai`,
    ]) {
      const { el, storageKey } = await widget(base, 'api.deepinfra.com', 'flux-2-dev', 1024, 768);
      storageKeys.forget(storageKey);
      const result = await el.generate();
      expect(result.images[0], base).to.include({ width: 1024, height: 768, saved: true });
      // $0.01 × (1024 / 1024) × (768 / 1024)
      expect(result.charged, base).to.equal('0.0075');
    }
    const requests = (await gatewayLog(run)).filter((e) => e.asked);
    expect(requests.map((e) => e.path.replace(/\/s\/[^/]+/, ''))).to.deep.equal([
      '/sim/deepinfra/v1/openai/images/generations',
      '/sim/deepinfra/v1/openai/images/generations',
    ]);
    expect(requests[0].asked).to.deep.include({ model: 'black-forest-labs/FLUX-2-dev', size: '1024x768' });
  });

  it('knows Together’s and DeepInfra’s prices by host, with their sources', () => {
    const together = quoteFor({ provider: 'openai', model: 'flux-2-pro', endpoint: 'https://api.together.xyz/v1' });
    expect(together).to.include({ total: '0.03', exact: false });
    expect(together.source.url).to.equal('https://www.together.ai/pricing');
    const max = quoteFor({
      provider: 'openai',
      model: 'flux-2-max',
      width: 2048,
      height: 1024,
      endpoint: 'https://api.together.xyz',
    });
    expect(max.total).to.equal('0.14680064'); // 0.07 × 2,097,152 / 10⁶
    const dev = quoteFor({ provider: 'openai', model: 'flux-2-dev', endpoint: 'https://api.deepinfra.com' });
    expect(dev).to.include({ total: '0.01', exact: false });
    expect(dev.source.url).to.equal('https://deepinfra.com/black-forest-labs/FLUX-2-dev');
  });

  it('keeps a price book’s path on the gateway: one that would lead the key elsewhere is refused', async () => {
    expect(gatewayUrl('https://api.deepinfra.com', '/v1/openai/images/generations')).to.equal(
      'https://api.deepinfra.com/v1/openai/images/generations',
    );
    expect(gatewayUrl('https://gw.example/v1', '/v1/images/generations')).to.equal(
      'https://gw.example/v1/images/generations',
    );
    for (const path of ['@evil.example/v1/images/generations', '.evil.example/images/generations']) {
      expect(() => gatewayUrl('https://gw.example', path), path).to.throw(/does not stay on the gateway/);
    }
    const error = await failure(
      new OpenAiProvider().generate(
        { model: 'flux-2-dev', prompt: 'x', width: 1024, height: 1024, wiring: { path: '@evil.example/x' } },
        { endpoint: 'https://gw.example', apiKey: 'k', signal: new AbortController().signal },
      ),
    );
    expect(error.code).to.equal('invalid-input');
  });
});
