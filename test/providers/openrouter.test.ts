// The OpenRouter adapter end to end, over real HTTP against the OpenRouter simulator mounted on the test server
// (demo/sim/openrouter.mjs), and the simulator proven by OpenRouter's own client (@openrouter/sdk).
// Holds: src/providers/openrouter/prices.ts
import { expect } from '@open-wc/testing';
import { OpenRouter } from '@openrouter/sdk';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { OpenRouterProvider } from '../../src/providers/openrouter/adapter.js';
import { openRouterAccount } from '../../src/providers/openrouter/account.js';
import { capOf, defaultCap, thousandsSeparated } from '../../src/providers/sign-in.js';
import { bookFailure } from '../../src/generation/run-generation.js';
import type { Charge, ProviderRequest, RunContext } from '../../src/providers/provider.js';
import { failure } from '../support/failure.js';
import { referenceImage } from '../support/images.js';
import { pkcePair } from '../support/pkce.js';
import { simCharged, simEndpoint, simLog, unique } from '../support/sim.js';

const SIM = simEndpoint('openrouter');
const endpoint = (scenario = '') => simEndpoint('openrouter', scenario);
const provider = new OpenRouterProvider();

const newKey = () => unique('sk-or-test');

/** The request the widget sends for `model` at width × height: fitted by the price book, as a submission is. */
function priced(model: string, width: number, height: number): ProviderRequest & { total: string } {
  const quote = quoteFor({ provider: 'openrouter', model, width, height });
  return { model, prompt: 'a lighthouse at dawn', width, height, seed: 7, total: quote.total };
}

const KLEIN = priced('flux-2-klein-4b', 1024, 1024);

/** One generation under `scenario` (a run id of its own: the image API's model list is read once per endpoint). */
async function run(scenario: string, request: ProviderRequest, key = newKey(), context: Partial<RunContext> = {}) {
  let charge: Charge | undefined;
  const sent = { sending: false, accepted: false, billed: false, uncharged: false };
  const outcome = await provider.generate(request, {
    endpoint: endpoint(scenario),
    apiKey: key,
    signal: new AbortController().signal,
    onSending: () => (sent.sending = true),
    onAccepted: (_, reported) => {
      sent.accepted = true;
      charge = reported;
    },
    ...context,
  });
  return { outcome, charge, key, sent };
}

/** How a generation under `scenario` that fails is booked (`bookFailure`, as the ledger books it), and its error. */
async function booked(scenario: string, key = newKey()) {
  const seen = { sending: false, accepted: false, billed: false, uncharged: false };
  const error = await failure(
    provider.generate(KLEIN, {
      endpoint: endpoint(scenario),
      apiKey: key,
      signal: new AbortController().signal,
      onSending: () => (seen.sending = true),
      onAccepted: () => (seen.accepted = true),
    }),
  );
  return { error, settlement: bookFailure(seen, error, KLEIN.total), key };
}

/** The generations the simulator received under `run` (the image API's and chat completions'), oldest first. */
const generations = async (run: string) =>
  (await simLog('openrouter')).filter((e) => e.asked && e.path.includes(run)).map((e) => e.asked!);

/** Authorizes on the simulated sign-in page as a user would (its form's POST): where it sent the user back. */
async function authorize(scenario: string, challenge: string, callback = `${location.origin}/back`, limit = '') {
  const url = openRouterAccount.authorizeUrl({
    endpoint: endpoint(scenario),
    redirectUri: callback,
    challenge,
    state: 'st4te',
    limit,
  });
  const page = await (await fetch(url)).text();
  expect(page).to.contain('Authorize');
  const form = new DOMParser().parseFromString(page, 'text/html').querySelector('form')!;
  const body = new URLSearchParams([...new FormData(form)] as [string, string][]);
  // The page's own address comes back with `code` (here a 404 of the test server: only its address matters).
  const follow = await fetch(new URL(form.getAttribute('action')!, url), { method: 'POST', body });
  return { url: new URL(url), landed: new URL(follow.url) };
}

/** Signs in with a `limit` (or none), as the widget does: the key the code is traded for. */
async function signedIn(scenario: string, limit = '') {
  const { verifier, challenge } = await pkcePair();
  const { landed } = await authorize(scenario, challenge, undefined, limit);
  const code = landed.searchParams.get('code')!;
  return (await openRouterAccount.exchange({ endpoint: endpoint(scenario), code, verifier, redirectUri: '' })).key;
}

describe('OpenRouter adapter (against the simulator)', () => {
  it('the image API for the models it lists: the exact size fitted, and usage.cost booked, equal to the preview', async () => {
    const tag = unique('run');
    const cases: [string, number, number, string, number, number][] = [
      ['flux-2-klein-4b', 1024, 1024, '1:1', 1024, 1024],
      ['flux-2-klein-4b', 2048, 1152, '16:9', 2672, 1504],
      ['flux-2-pro', 1024, 1024, '1:1', 1024, 1024],
      ['flux-2-pro', 1152, 2048, '9:16', 1504, 2672],
    ];
    for (const [model, width, height, ratio, madeWidth, madeHeight] of cases) {
      const quote = quoteFor({ provider: 'openrouter', model, width, height });
      const fitted = { model, prompt: 'a lighthouse', width: madeWidth, height: madeHeight, ratio, seed: 3 };
      const { outcome, charge } = await run(`run=${tag}`, fitted);
      expect([outcome.image.width, outcome.image.height], model).to.deep.equal([madeWidth, madeHeight]);
      expect(outcome.image.blob!.type).to.equal('image/png');
      expect(charge?.usd, `${model} ${width}×${height}`).to.equal(quote.total);
      expect(outcome.charge?.usd).to.equal(quote.total);
      expect(outcome.unreported).to.equal(false);
    }
    const asked = await generations(tag);
    expect(asked.map((a) => a.route)).to.deep.equal(['images', 'images', 'images', 'images']);
    expect(asked.map((a) => a.size)).to.deep.equal(['1024x1024', '2672x1504', '1024x1024', '1504x2672']);
    expect(asked[0].model).to.equal('black-forest-labs/flux.2-klein-4b');
    expect([asked[0].aspect_ratio, asked[0].resolution], 'an explicit size alone').to.deep.equal([
      undefined,
      undefined,
    ]);
  });

  it('chat completions for a model the image API does not list (ratio and tier), priced alike', async () => {
    const tag = unique('run');
    // The image API lists [pro] only: [klein] goes through chat completions, [pro] through the image API.
    const scenario = `images=flux.2-pro;run=${tag}`;
    const klein = { ...priced('flux-2-klein-4b', 2048, 1152), width: 2672, height: 1504, ratio: '16:9' };
    const { outcome, charge } = await run(scenario, klein);
    expect([outcome.image.width, outcome.image.height]).to.deep.equal([2672, 1504]);
    expect(charge?.usd).to.equal(klein.total);
    await run(scenario, priced('flux-2-pro', 1024, 1024));
    const [chat, image] = await generations(tag);
    expect(chat.route).to.equal('chat');
    expect(chat.modalities).to.deep.equal(['image']);
    expect(chat.image_config).to.deep.equal({ aspect_ratio: '16:9', image_size: '2K' });
    expect(image.route).to.equal('images');
  });

  it('references: the image API’s input_references or the chat message’s image parts, priced per input megapixel', async () => {
    const tag = unique('run');
    // A 1 MP and a 2 MP reference (counted as BFL counts: every started 1024²): [pro] at 1 MP is $0.03, and each
    // input megapixel $0.015 — $0.075 in all; [klein] 4B prices output only.
    const inputs = [referenceImage(1024, 1024), referenceImage(1448, 1448)];
    const sizes = inputs.map(({ width, height }) => ({ width, height }));
    for (const [model, scenario, total] of [
      ['flux-2-pro', `run=${tag}`, '0.075'],
      ['flux-2-pro', `images=none;run=${tag}`, '0.075'],
      ['flux-2-klein-4b', `run=${tag}`, '0.014'],
    ]) {
      const quote = quoteFor({ provider: 'openrouter', model, width: 1024, height: 1024, inputs: sizes });
      expect(quote.total, `${model}: the preview`).to.equal(total);
      const { charge } = await run(scenario, { ...priced(model, 1024, 1024), inputs });
      expect(charge?.usd, `${model} ${scenario}: booked`).to.equal(total);
    }
    const asked = (await simLog('openrouter')).filter((e) => e.asked && e.path.includes(tag));
    expect(asked.map((e) => [e.asked!.route, e.inputs])).to.deep.equal([
      [
        'images',
        [
          [1024, 1024],
          [1448, 1448],
        ],
      ],
      [
        'chat',
        [
          [1024, 1024],
          [1448, 1448],
        ],
      ],
      [
        'images',
        [
          [1024, 1024],
          [1448, 1448],
        ],
      ],
    ]);
  });

  it('a reply without usage.cost books the quote and says so (unreported), on either route', async () => {
    for (const scenario of ['cost=null', 'cost=null;images=none']) {
      const { outcome } = await run(`${scenario};run=${unique()}`, KLEIN);
      expect(outcome.charge, scenario).to.equal(undefined);
      expect(outcome.unreported, scenario).to.equal(true);
    }
  });

  it('BYOK: OpenRouter’s fee and what the upstream provider charged are both booked, the upstream part apart', async () => {
    const { outcome, key } = await run('byok=1', KLEIN);
    // [klein] 4B at 1 MP is $0.014 upstream; OpenRouter's fee (the simulator's 5%) $0.0007.
    expect(outcome.charge).to.deep.equal({ usd: '0.0147', upstream: '0.014' });
    expect(outcome.unreported).to.equal(false);
    expect(await simCharged('openrouter', key), 'what OpenRouter itself charged').to.equal('0.0007');
  });

  it('says 401, 402 and 429 in plain words, with the widget codes', async () => {
    const cases: [string, string, RegExp][] = [
      ['fault=401', 'auth-failed', /OpenRouter refused your key/],
      ['fault=402', 'insufficient-funds', /OpenRouter/],
      ['fault=429', 'rate-limited', /./],
    ];
    for (const [scenario, code, words] of cases) {
      const key = newKey();
      const error = await failure(run(scenario, KLEIN, key));
      expect(error.code, scenario).to.equal(code);
      expect(error.message, scenario).to.match(words);
      expect(error.message).not.to.contain(key.slice(0, 12));
      expect(error.answered, scenario).to.equal(true);
    }
    const empty = await failure(run('', KLEIN, 'sim-empty'));
    expect(empty.code).to.equal('insufficient-funds');
  });

  it('a 403 says its body’s own reason: "flagged" only where the body says moderation, with its reasons', async () => {
    const cases: [string, string, RegExp][] = [
      // In our words, with the category flagged: not OpenRouter's text, which names its model id.
      [
        'fault=403',
        'moderated',
        /^OpenRouter flagged the prompt under its moderation rules \(sexual\), and made nothing\. Change the prompt and try again\.$/,
      ],
      ['fault=403-guardrail', 'invalid-input', /OpenRouter refused this request.*guardrail/],
      ['fault=403-region', 'invalid-input', /OpenRouter refused this request.*not available in your region/],
      ['fault=403-keylimit', 'invalid-input', /spending limit set on your key\. Raise the key’s limit/],
      ['fault=403-bare', 'invalid-input', /^OpenRouter refused this request, and made nothing\.$/],
    ];
    for (const [scenario, code, words] of cases) {
      const { error, settlement } = await booked(scenario);
      expect([error.code, error.retryable], scenario).to.deep.equal([code, false]);
      expect(error.message, scenario).to.match(words);
      if (code !== 'moderated') expect(error.message, scenario).not.to.match(/flagged|moderation/i);
      expect(error.message, `${scenario}: no model id, no address`).not.to.match(/black-forest-labs|https:|"sexual"/);
      expect(settlement, `${scenario}: refused before anything was made`).to.deep.equal({ void: true, error: code });
    }
  });

  it('a key past its own limit is refused (403 Key limit exceeded) before anything is made, said as whose cap it is', async () => {
    const key = newKey();
    const { error, settlement } = await booked('keylimit=0.01', key);
    expect(error.code).to.equal('invalid-input');
    // A pasted key: its own limit, raised on OpenRouter's keys page; not "add credit", and not OpenRouter's raw text.
    expect(error.message).to.equal(
      'OpenRouter made nothing: this image would go past the spending limit set on your key. Raise the key’s limit on OpenRouter’s keys page, or enter another key.',
    );
    expect(settlement).to.deep.equal({ void: true, error: 'invalid-input' });
    expect(await simCharged('openrouter', key)).to.equal('0');
    // A key this site's sign-in made: the cap the visitor gave this site, raised by signing in again.
    const signedIn = await failure(
      provider.generate(KLEIN, {
        endpoint: endpoint('fault=403-keylimit'),
        apiKey: newKey(),
        keyMadeBySignIn: true,
        signal: new AbortController().signal,
      }),
    );
    expect(signedIn.message).to.equal(
      'OpenRouter made nothing: this image would go past the spending cap you gave this site when you signed in. To go on, sign out and sign in again with a higher cap.',
    );
  });

  it('a 502 or 503 in OpenRouter’s own error body books nothing; a bare 502 or a 500 may have been charged', async () => {
    for (const scenario of ['fault=502', 'fault=503', 'fault=502;images=none']) {
      const { error, settlement, key } = await booked(scenario);
      expect(error.code, scenario).to.equal('provider-error');
      expect(settlement, scenario).to.deep.equal({ void: true, error: 'provider-error' });
      expect(await simCharged('openrouter', key), scenario).to.equal('0');
    }
    for (const scenario of ['fault=502-bare', 'fault=500']) {
      const { settlement } = await booked(scenario);
      expect(settlement, scenario).to.deep.equal({ uncertain: KLEIN.total, error: 'provider-error' });
    }
    // The bare 502 came after the request went through: the simulator charged it, and the books say it may have been.
    const { key } = await booked('fault=502-bare');
    expect(await simCharged('openrouter', key)).to.equal(KLEIN.total);
  });

  it('reads what is left of a key’s cap from /key; a key without one is said to have none, what is left unknown', async () => {
    const capped = newKey();
    const before = await provider.balance({ endpoint: endpoint('keylimit=1'), apiKey: capped });
    expect([before?.usd?.toString(), before?.uncapped]).to.deep.equal(['1', false]);
    await run('keylimit=1', KLEIN, capped);
    const after = await provider.balance({ endpoint: endpoint('keylimit=1'), apiKey: capped });
    expect(after?.usd?.toString()).to.equal('0.986');
    // A key without a limit: OpenRouter says null, and nothing is made up (not the account's credits either).
    const uncapped = await provider.balance({ endpoint: endpoint(), apiKey: newKey() });
    expect([uncapped?.usd, uncapped?.uncapped]).to.deep.equal([undefined, true]);
    expect(uncapped?.spent?.toString(), 'what it has spent: `usage`, capped or not').to.equal('0');
    expect(await provider.balance({ endpoint: endpoint(), apiKey: 'sim-bad' })).to.equal(undefined);
  });

  it('/credits answers management keys only (403 otherwise), and the adapter does not ask it', async () => {
    const ask = (key: string) => fetch(`${SIM}/api/v1/credits`, { headers: { authorization: `Bearer ${key}` } });
    expect((await ask(newKey())).status).to.equal(403);
    expect((await (await ask(`sim-mgmt-${newKey()}`)).json()).data.total_credits).to.equal(4.2);
    const tag = unique('run');
    await provider.balance({ endpoint: endpoint(`run=${tag}`), apiKey: newKey() });
    const paths = (await simLog('openrouter')).filter((e) => e.path.includes(tag)).map((e) => e.path.split(tag)[1]);
    expect(paths).to.deep.equal(['/api/v1/key']);
  });

  it('signs in with limit = the cap and a callback with no query; the key has that limit', async () => {
    const { challenge } = await pkcePair();
    const { url, landed } = await authorize('', challenge, `${location.origin}/back?lang=fr&x=1#top`, '2.50');
    expect(url.searchParams.get('limit')).to.equal('2.50');
    expect(url.searchParams.get('callback_url'), 'no query, no state').to.equal(`${location.origin}/back`);
    expect(url.searchParams.has('state'), 'OpenRouter takes no state').to.equal(false);
    expect([...landed.searchParams.keys()], 'only the code comes back').to.deep.equal(['code']);

    const key = await signedIn('', '2.50');
    const left = await provider.balance({ endpoint: endpoint(), apiKey: key });
    expect([left?.usd?.toString(), left?.uncapped]).to.deep.equal(['2.5', false]);
    // Without a limit, the key has none: /key reports null.
    const free = await signedIn('');
    const none = await provider.balance({ endpoint: endpoint(), apiKey: free });
    expect([none?.usd, none?.uncapped]).to.deep.equal([undefined, true]);
  });

  it('the cap a sign-in offers first: the page’s budget when it is an amount above zero, else $5, as a number’s text', () => {
    const cases: [string | null | undefined, string][] = [
      [undefined, '5'],
      ['', '5'],
      ['abc', '5'],
      ['0', '5'],
      ['-2', '5'],
      [' 1.00 ', '1'],
      ['2.50', '2.5'],
      ['1.000', '1'], // a budget is written with a point: one dollar
      ['99990000000000000000000', '99990000000000000000000'],
    ];
    for (const [budget, cap] of cases) expect(defaultCap(budget), String(budget)).to.equal(cap);
  });

  it('the cap the user types: an amount above zero, a decimal comma read as a point; anything else none', () => {
    const cases: [string, string | undefined][] = [
      ['5', '5'],
      [' 2.50 ', '2.5'],
      ['2,50', '2.5'],
      [',5', '0.5'],
      ['0.001', '0.001'],
      ['0', undefined],
      ['0,00', undefined],
      ['-1', undefined],
      ['', undefined],
      ['five', undefined],
      ['1,000.50', undefined],
      ['1e3', undefined],
      ['Infinity', undefined],
      // Plain decimals, however large or small (never `1e+23`, never `1e-7`).
      ['99990000000000000000000', '99990000000000000000000'],
      ['0.0000001', '0.0000001'],
      ['0,00000001', '0.00000001'],
      // A separator before exactly three digits may be a thousands separator ("1,000", German "1.000"): refused.
      ['1,000', undefined],
      ['1.000', undefined],
      ['10.000', undefined],
      ['250,000', undefined],
      ['0,001', '0.001'],
      ['1,0', '1'],
      ['1.0000', '1'],
    ];
    for (const [typed, cap] of cases) expect(capOf(typed), typed).to.equal(cap);
    for (const typed of ['1,000', '1.000', '10.000', '250,000'])
      expect(thousandsSeparated(typed), typed).to.equal(true);
    for (const typed of ['1000', '0,001', '0.001', '1,0', '2.50', '1.0000', 'five'])
      expect(thousandsSeparated(typed), typed).to.equal(false);
  });

  it('signs in: the code traded for a key with the verifier (S256), once only, never with another verifier', async () => {
    const { verifier, challenge } = await pkcePair();
    const code = (await authorize('credits=1.50', challenge)).landed.searchParams.get('code')!;
    const wrong = await pkcePair();
    const refused = await failure(
      openRouterAccount.exchange({ endpoint: endpoint(), code, verifier: wrong.verifier, redirectUri: '' }),
    );
    expect(refused.code).to.equal('auth-failed');
    const { key } = await openRouterAccount.exchange({ endpoint: endpoint(), code, verifier, redirectUri: '' });
    expect(key).to.match(/^sk-or-v1-/);
    const again = await failure(openRouterAccount.exchange({ endpoint: endpoint(), code, verifier, redirectUri: '' }));
    expect(again.code).to.equal('auth-failed');
  });

  it('the simulator takes a sign-in without a challenge only under challenge=optional, and then trades its code with any verifier, as OpenRouter does', async () => {
    const callback = encodeURIComponent(`${location.origin}/back`);
    const strict = await fetch(`${endpoint()}/auth?callback_url=${callback}`);
    expect(strict.status, 'a challenge is required by default').to.equal(400);
    const approveWithout = (scenario: string) =>
      fetch(`${endpoint(scenario)}/auth/approve`, {
        method: 'POST',
        body: new URLSearchParams({ callback_url: `${location.origin}/back` }),
      });
    expect((await approveWithout('')).status, 'nor approved without one').to.equal(400);

    const page = await fetch(`${endpoint('challenge=optional')}/auth?callback_url=${callback}`);
    expect(page.status).to.equal(200);
    const code = new URL((await approveWithout('challenge=optional')).url).searchParams.get('code')!;
    const anyone = await pkcePair(); // a verifier that never had a challenge: the code does not ask for one
    const { key } = await openRouterAccount.exchange({
      endpoint: endpoint(),
      code,
      verifier: anyone.verifier,
      redirectUri: '',
    });
    expect(key).to.match(/^sk-or-v1-/);
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
      await run(`run=${unique()}`, KLEIN, key);
      await provider.balance({ endpoint: endpoint(), apiKey: key });
    } finally {
      window.fetch = realFetch;
    }
    expect(new Set(seen)).to.deep.equal(new Set([location.origin]));
  });
});

describe('the OpenRouter simulator, proven by @openrouter/sdk', () => {
  it('the SDK’s authorization URL is ours (limit included); it trades the code, reads /key, and makes an image on each route', async () => {
    const { verifier, challenge } = await pkcePair();
    const sdk = new OpenRouter({ serverURL: `${SIM}/api/v1` });
    const theirs = new URL(
      await sdk.oAuth.createAuthorizationUrl({
        callbackUrl: `${location.origin}/back`,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        limit: 2.5,
      }),
    );
    const { url, landed } = await authorize('', challenge, `${location.origin}/back`, '2.5');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal(Object.fromEntries(theirs.searchParams));

    const { key } = await sdk.oAuth.exchangeAuthCodeForAPIKey({
      requestBody: { code: landed.searchParams.get('code')!, codeVerifier: verifier, codeChallengeMethod: 'S256' },
    });
    const client = new OpenRouter({ apiKey: key, serverURL: `${SIM}/api/v1` });
    const { data } = await client.apiKeys.getCurrentKeyMetadata();
    expect([data.limit, data.limitRemaining, data.usage]).to.deep.equal([2.5, 2.5, 0]);

    const { data: listed } = await client.images.listModels();
    expect(listed.map((m) => m.id)).to.include('black-forest-labs/flux.2-pro');
    const made = (await client.images.generate({
      imageGenerationRequest: { model: 'black-forest-labs/flux.2-pro', prompt: 'a lighthouse', size: '1024x1024' },
    })) as { data: { b64Json: string; mediaType?: string }[]; usage?: { cost?: number | null } };
    expect(made.data[0].mediaType).to.equal('image/png');
    expect(made.usage?.cost).to.equal(0.03);

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
    const { data: spent } = await client.apiKeys.getCurrentKeyMetadata();
    expect(spent.limitRemaining).to.equal(2.44);
  });
});
