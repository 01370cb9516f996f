// The OpenRouter adapter end to end, over real HTTP against the OpenRouter simulator mounted on the test server
// (demo/sim/openrouter.mjs), and the simulator proven by OpenRouter's own client (@openrouter/sdk).
import { expect } from '@open-wc/testing';
import { OpenRouter } from '@openrouter/sdk';
import { quoteFor } from '../../src/providers/prices.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import { openRouterAccount } from '../../src/providers/openrouter/account.js';
import type { Charge, ProviderRequest, RunContext } from '../../src/providers/provider.js';
import { failure } from '../support/failure.js';
import { pkcePair } from '../support/pkce.js';
import { simEndpoint, simLog, unique } from '../support/sim.js';

const SIM = simEndpoint('openrouter');
const endpoint = (scenario = '') => simEndpoint('openrouter', scenario);
const provider = new OpenRouterProvider();

const newKey = () => unique('sk-or-test');

/** The request the widget sends for `model` at width × height: fitted by the price book, as a submission is. */
function priced(model: string, width: number, height: number): ProviderRequest & { total: string } {
  const quote = quoteFor({ provider: 'openrouter', model, width, height });
  return { model, prompt: 'a lighthouse at dawn', width, height, seed: 7, total: quote.total };
}

async function run(scenario: string, request: ProviderRequest, key = newKey(), context: Partial<RunContext> = {}) {
  let charge: Charge | undefined;
  const outcome = await provider.generate(request, {
    endpoint: endpoint(scenario),
    apiKey: key,
    signal: new AbortController().signal,
    onAccepted: (_, reported) => (charge = reported),
    ...context,
  });
  return { outcome, charge, key };
}

/** Authorizes on the simulated sign-in page as a user would (its form's POST), returning the code it sends back. */
async function authorize(scenario: string, challenge: string, callback = `${location.origin}/back`) {
  const url = openRouterAccount.authorizeUrl({
    endpoint: endpoint(scenario),
    redirectUri: callback,
    challenge,
    state: 'st4te',
  });
  const page = await (await fetch(url)).text();
  expect(page).to.contain('Authorize');
  const form = new DOMParser().parseFromString(page, 'text/html').querySelector('form')!;
  const body = new URLSearchParams([...new FormData(form)] as [string, string][]);
  // The page's own address comes back with `code` (here a 404 of the test server: only its address matters).
  const follow = await fetch(new URL(form.getAttribute('action')!, url), { method: 'POST', body });
  const landed = new URL(follow.url);
  expect(landed.searchParams.get('state')).to.equal('st4te');
  return landed.searchParams.get('code')!;
}

describe('OpenRouter adapter (against the simulator)', () => {
  it('makes FLUX.2 [klein] 4B and [pro] at two sizes each, and books usage.cost, equal to the preview', async () => {
    const cases: [string, number, number, string, number, number][] = [
      ['flux-2-klein-4b', 1024, 1024, '1:1', 1024, 1024],
      ['flux-2-klein-4b', 2048, 1152, '16:9', 2672, 1504],
      ['flux-2-pro', 1024, 1024, '1:1', 1024, 1024],
      ['flux-2-pro', 1152, 2048, '9:16', 1504, 2672],
    ];
    for (const [model, width, height, ratio, madeWidth, madeHeight] of cases) {
      const quote = quoteFor({ provider: 'openrouter', model, width, height });
      const fitted = { model, prompt: 'a lighthouse', width: madeWidth, height: madeHeight, ratio, seed: 3 };
      const { outcome, charge } = await run('', fitted);
      expect([outcome.image.width, outcome.image.height], model).to.deep.equal([madeWidth, madeHeight]);
      expect(outcome.image.blob!.type).to.equal('image/png');
      expect(charge?.usd, `${model} ${width}×${height}`).to.equal(quote.total);
      expect(outcome.charge?.usd).to.equal(quote.total);
      expect(outcome.unreported).to.equal(false);
    }
    const asked = (await simLog('openrouter')).filter((e) => e.asked).slice(-4);
    expect(asked.map((e) => e.asked!.image_config.image_size)).to.deep.equal(['1K', '2K', '1K', '2K']);
    expect(asked.map((e) => e.asked!.image_config.aspect_ratio)).to.deep.equal(['1:1', '16:9', '1:1', '9:16']);
    expect(asked[0].asked!.model).to.equal('black-forest-labs/flux.2-klein-4b');
    expect(asked[0].asked!.modalities).to.deep.equal(['image']);
  });

  it('a reply without usage.cost books the quote and says so (unreported)', async () => {
    const { outcome } = await run('cost=null', priced('flux-2-klein-4b', 1024, 1024));
    expect(outcome.charge).to.equal(undefined);
    expect(outcome.unreported).to.equal(true);
  });

  it('says 401, 402, 403 (moderation) and 429 in plain words, with the widget codes', async () => {
    const request = priced('flux-2-klein-4b', 1024, 1024);
    const cases: [string, string, RegExp][] = [
      ['fault=401', 'auth-failed', /OpenRouter refused your key/],
      ['fault=402', 'insufficient-funds', /OpenRouter/],
      ['fault=403', 'moderated', /flagged the prompt/],
      ['fault=429', 'rate-limited', /./],
    ];
    for (const [scenario, code, words] of cases) {
      const key = newKey();
      const error = await failure(run(scenario, request, key));
      expect(error.code, scenario).to.equal(code);
      expect(error.message, scenario).to.match(words);
      expect(error.message).not.to.contain(key.slice(0, 12));
      expect(error.answered, scenario).to.equal(true);
    }
    const empty = await failure(run('', request, 'sim-empty'));
    expect(empty.code).to.equal('insufficient-funds');
  });

  it('reads what a key has left from /key, and nothing where neither /key nor /credits says', async () => {
    const key = newKey();
    const before = await provider.balance({ endpoint: endpoint(), apiKey: key });
    expect(before?.toString()).to.equal('4.2');
    await run('', priced('flux-2-klein-4b', 1024, 1024), key);
    expect((await provider.balance({ endpoint: endpoint(), apiKey: key }))?.toString()).to.equal('4.186');
    // No limit on the key, and an ordinary key may not read /credits: nothing is said.
    expect(await provider.balance({ endpoint: endpoint('limit=none'), apiKey: newKey() })).to.equal(undefined);
    // A management key reads /credits.
    const mgmt = await provider.balance({ endpoint: endpoint('limit=none'), apiKey: `sim-mgmt-${newKey()}` });
    expect(mgmt?.toString()).to.equal('4.2');
  });

  it('signs in: the code traded for a key with the verifier (S256), once only, never with another verifier', async () => {
    const { verifier, challenge } = await pkcePair();
    const code = await authorize('credits=1.50', challenge);
    const wrong = await pkcePair();
    const refused = await failure(
      openRouterAccount.exchange({ endpoint: endpoint(), code, verifier: wrong.verifier, redirectUri: '' }),
    );
    expect(refused.code).to.equal('auth-failed');
    const { key } = await openRouterAccount.exchange({ endpoint: endpoint(), code, verifier, redirectUri: '' });
    expect(key).to.match(/^sk-or-v1-/);
    expect((await provider.balance({ endpoint: endpoint(), apiKey: key }))?.toString()).to.equal('1.5');
    const again = await failure(openRouterAccount.exchange({ endpoint: endpoint(), code, verifier, redirectUri: '' }));
    expect(again.code).to.equal('auth-failed');
  });

  it('the key goes only to the endpoint origin: never in a URL, never elsewhere', async () => {
    const key = newKey();
    const seen: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const headers = new Headers(init?.headers);
      if (headers.get('authorization')?.includes(key)) seen.push(new URL(url).origin);
      expect(url).not.to.contain(key);
      return realFetch(input, init);
    };
    try {
      await run('', priced('flux-2-klein-4b', 1024, 1024), key);
      await provider.balance({ endpoint: endpoint(), apiKey: key });
    } finally {
      window.fetch = realFetch;
    }
    expect(new Set(seen)).to.deep.equal(new Set([location.origin]));
  });
});

describe('the OpenRouter simulator, proven by @openrouter/sdk', () => {
  it('answers chat.send with an image and usage.cost, and the SDK trades a sign-in code for a key', async () => {
    const { verifier, challenge } = await pkcePair();
    const code = await authorize('', challenge);
    const sdk = new OpenRouter({ serverURL: `${SIM}/api/v1` });
    const { key } = await sdk.oAuth.exchangeAuthCodeForAPIKey({
      requestBody: { code, codeVerifier: verifier, codeChallengeMethod: 'S256' },
    });
    const client = new OpenRouter({ apiKey: key, serverURL: `${SIM}/api/v1` });
    const result = (await client.chat.send({
      chatRequest: {
        model: 'black-forest-labs/flux.2-pro',
        messages: [{ role: 'user', content: 'a lighthouse at dawn' }],
        modalities: ['image'],
        imageConfig: { aspect_ratio: '16:9', image_size: '1K' },
      },
    })) as { choices: { message: { images?: { imageUrl: { url: string } }[] } }[]; usage?: { cost?: number | null } };
    expect(result.choices[0].message.images![0].imageUrl.url).to.match(/^data:image\/png;base64,/);
    expect(result.usage?.cost).to.equal(0.03);
  });
});
