// The Hugging Face provider end to end, over real HTTP against its simulator (demo/sim/huggingface.mjs: the hub's
// OAuth endpoints and the Inference Providers router in front of fal's queue), reached on the test server's OTHER
// loopback name, so every call is cross-origin with CORS as the router is for a page. The real clients
// (@huggingface/hub's OAuth helpers, @huggingface/inference's textToImage) are proven against the same simulator.
// Holds: src/providers/huggingface/prices.ts
// Holds: src/providers/engine/oauth-client.ts
import { expect } from '@open-wc/testing';
import { oauthHandleRedirectIfPresent, oauthLoginUrl } from '@huggingface/hub';
import { textToImage } from '@huggingface/inference';
import { generate, tally } from '../../src/api.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { BUILTIN_PRICE_BOOK, quoteFor } from '../../src/providers/registry/prices.js';
import { HuggingFaceProvider } from '../../src/providers/huggingface/adapter.js';
import { HF_SCOPES, huggingFaceAccount } from '../../src/providers/huggingface/account.js';
import { keyBalance, providerFor } from '../../src/providers/registry/adapters.js';
import type { ProviderRequest } from '../../src/providers/provider.js';
import type { SignedIn } from '../../src/providers/sign-in.js';
import { generation as text } from '../../src/strings/generation.js';
import { huggingfaceWords as huggingFaceText } from '../../src/providers/huggingface/words.js';
import { controlledClock } from '../support/clock.js';
import { failure } from '../support/failure.js';
import { pkcePair } from '../support/pkce.js';
import { simCharged, simEndpoint, simLog, uniqueStorageKey } from '../support/sim.js';

const SIM = simEndpoint('huggingface', '', { crossOrigin: true });
const SIM_HOST = new URL(SIM).host;
const endpoint = (scenario = '') => simEndpoint('huggingface', scenario, { crossOrigin: true });
const provider = new HuggingFaceProvider();
const FAST = { initialMs: 100, maxMs: 200, timeoutMs: 10_000 };
const CLIENT_ID = 'sim-client-userpays';
const REDIRECT = `${location.origin}/callback`;
const time = controlledClock('2026-11-23T10:00:00Z');

const charged = (token: string) => simCharged('huggingface', token);
/** The simulator's authorize URL for this page's app, with `challenge` and `state`. */
const authorizeUrl = (challenge: string, state = 's') =>
  huggingFaceAccount.authorizeUrl({ endpoint: SIM, redirectUri: REDIRECT, challenge, state, clientId: CLIENT_ID });
/** The simulator's exchange of `code` with `verifier`, for this page's app. */
const exchange = (code: string, verifier: string) =>
  huggingFaceAccount.exchange({ endpoint: SIM, code, verifier, redirectUri: REDIRECT, clientId: CLIENT_ID });

/** The simulator's authorize page for `url`, and where its Authorize (or Cancel) link sends the user back. */
async function approve(url: string, button = 'authorize'): Promise<URL> {
  const page = await fetch(url);
  expect(page.status, await page.clone().text()).to.equal(200);
  const doc = new DOMParser().parseFromString(await page.text(), 'text/html');
  return new URL(doc.querySelector<HTMLAnchorElement>(`#${button}`)!.getAttribute('href')!);
}

/**
 * Signs in through the simulator as the shared flow will: authorize URL, the user's approval (`button`: the
 * simulator's Authorize, or its free account's), the exchange.
 */
async function signIn(button = 'authorize'): Promise<SignedIn> {
  const { verifier, challenge } = await pkcePair();
  const state = crypto.randomUUID();
  const back = await approve(authorizeUrl(challenge, state), button);
  expect(back.searchParams.get('state')).to.equal(state);
  return exchange(back.searchParams.get('code')!, verifier);
}

/** One image, with the price book's wiring for the model (its fal model id), as the widget hands it over. */
function run(token: string, request: Partial<ProviderRequest> = {}, scenario = '') {
  const model = request.model ?? 'flux-1-schnell';
  const wiring = { model: BUILTIN_PRICE_BOOK[model].huggingface!.model };
  return provider.generate(
    { model, prompt: 'a lighthouse at dusk', width: 512, height: 512, wiring, ...request },
    { endpoint: endpoint(scenario), apiKey: token, signal: new AbortController().signal, poll: FAST },
  );
}

describe('Hugging Face sign-in (OAuthAccount)', () => {
  it('builds the authorize URL the hub expects: client id, PKCE S256, scopes inference-api and read-billing, state', () => {
    const url = new URL(
      huggingFaceAccount.authorizeUrl({
        endpoint: 'https://router.huggingface.co',
        redirectUri: 'https://example.com/page',
        challenge: 'c'.repeat(43),
        state: 'xyz',
        clientId: 'abc-123',
      }),
    );
    expect(url.origin + url.pathname).to.equal('https://huggingface.co/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      client_id: 'abc-123',
      redirect_uri: 'https://example.com/page',
      scope: 'openid profile inference-api read-billing',
      state: 'xyz',
      response_type: 'code',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(HF_SCOPES.split(' ')).to.include('inference-api');
  });

  it('says in words that the site has not set up the sign-in, rather than sending the user anywhere', () => {
    const request = { endpoint: SIM, redirectUri: REDIRECT, challenge: 'c'.repeat(43), state: 's' };
    expect(() => huggingFaceAccount.authorizeUrl(request))
      .to.throw()
      .that.includes({ code: 'invalid-input', message: huggingFaceText.noClientId() });
  });

  it('trades the code for a token that expires when the hub says, and names the user', async () => {
    const signedIn = await signIn();
    expect(signedIn.key).to.match(/^hf_oauth_/);
    expect(signedIn.expiresAt).to.equal(time.now() + 28_800_000);
    expect(signedIn.user).to.equal('sim-user');
    expect(signedIn.cannotPay, 'a PRO account with a payment method').to.equal(false);
    const outcome = await run(signedIn.key);
    expect(outcome.image).to.include({ width: 512, height: 512 });
  });

  it('a free account (no PRO, no payment method) is known at sign-in, and its 402 says the way out', async () => {
    const signedIn = await signIn('authorize-free');
    expect(signedIn.user).to.equal('sim-free');
    expect(signedIn.cannotPay).to.equal(true);
    const refused = await failure(run(signedIn.key));
    expect(refused).to.include({ code: 'insufficient-funds', message: huggingFaceText.noCredits(), answered: true });
    expect(refused.message).to.match(/buy credits or subscribe to PRO/i);
    expect(await charged(signedIn.key)).to.equal('0');
  });

  it('without read-billing the hub leaves canPay out: unknown, and nothing is said', async () => {
    const { verifier, challenge } = await pkcePair();
    const url = new URL(authorizeUrl(challenge));
    url.searchParams.set('scope', 'openid profile inference-api'); // an app that may not read billing
    const back = await approve(url.href, 'authorize-free');
    const signedIn = await exchange(back.searchParams.get('code')!, verifier);
    expect(signedIn.cannotPay, 'isPro false alone does not say the account cannot pay').to.equal(false);
  });

  it('refuses a wrong verifier and a code used twice: sign in again', async () => {
    const { verifier, challenge } = await pkcePair();
    const back = await approve(authorizeUrl(challenge));
    const code = back.searchParams.get('code')!;
    const wrong = await failure(exchange(code, (await pkcePair()).verifier));
    expect(wrong).to.include({ code: 'auth-required', message: huggingFaceText.signInFailed() });
    const reused = await failure(exchange(code, verifier)); // the failed exchange used the code up
    expect(reused.code).to.equal('auth-required');
  });

  it('the simulator is strict: no PKCE, no inference-api or an unknown app is a 400, Cancel says access_denied', async () => {
    const ok = authorizeUrl((await pkcePair()).challenge);
    for (const [name, value] of [
      ['code_challenge_method', 'plain'],
      ['scope', 'openid profile'],
      ['client_id', 'someone-else'],
      ['redirect_uri', 'https://evil.example/'],
    ]) {
      const url = new URL(ok);
      url.searchParams.set(name, value);
      expect((await fetch(url)).status, name).to.equal(400);
    }
    const cancelled = await approve(ok, 'cancel');
    expect(cancelled.searchParams.get('error')).to.equal('access_denied');
    expect(cancelled.searchParams.get('state')).to.equal('s');
  });
});

describe('Hugging Face adapter (router → fal)', () => {
  it('makes two models at two sizes, each at the size asked, priced as the simulator bills it', async () => {
    const token = 'hf_sim_user';
    for (const [model, width, height] of [
      ['flux-1-schnell', 512, 512],
      ['flux-1-schnell', 1024, 768],
      ['flux-2-klein-4b', 512, 384],
      ['flux-2-klein-4b', 1536, 1024],
    ] as const) {
      const before = await charged(token);
      const quote = quoteFor({ provider: 'huggingface', model, width, height });
      expect(quote.problem).to.equal(undefined);
      const outcome = await run(token, { model, width, height });
      expect(outcome.image, model).to.include({ width, height });
      expect(outcome.image.blob?.type).to.equal('image/png');
      expect(outcome.task.provider).to.equal('huggingface');
      const after = await charged(token);
      expect(Number(after) - Number(before)).to.be.closeTo(Number(quote.total), 1e-9);
    }
  });

  it('sends the token to the router only: never to fal’s host, never to the image host', async () => {
    const token = 'hf_sim_user';
    const seen: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      seen.push(new URL(input instanceof Request ? input.url : String(input)).host);
      return realFetch(input, init);
    };
    try {
      const outcome = await run(token);
      const log = (await simLog('huggingface')).filter((e) => e.path.includes(outcome.task.id));
      expect(log.filter((e) => e.hasKey).every((e) => e.host === SIM_HOST)).to.equal(true);
      const image = log.filter((e) => e.path.startsWith('/sim/huggingface-cdn/'));
      expect(image).to.have.length(1);
      expect(image[0]).to.include({ hasKey: false });
      expect(image[0].host).not.to.equal(SIM_HOST);
    } finally {
      window.fetch = realFetch;
    }
    expect(seen).not.to.include('queue.fal.run'); // fal's own URLs in the reply are rebuilt on the router
  });

  it('says 401, 403, 402 and 429 in plain words, as answered (nothing charged)', async () => {
    const cases: [string, string, string, string][] = [
      ['hf_sim_user', 'fault=401', 'auth-required', huggingFaceText.tokenRefused()],
      ['hf_not_a_token', '', 'auth-required', huggingFaceText.tokenRefused()],
      ['hf_sim_readonly', '', 'auth-required', huggingFaceText.scopeMissing()],
      ['hf_sim_empty', '', 'insufficient-funds', huggingFaceText.noCredits()],
      ['hf_sim_user', 'fault=429;retryAfter=2', 'rate-limited', text.tooManyRequests(2, 'huggingface')],
    ];
    for (const [token, scenario, code, message] of cases) {
      const error = await failure(run(token, {}, scenario));
      expect(error, scenario || token).to.include({ code, message, answered: true });
      expect(error.message).not.to.include(token);
    }
    const missing = await failure(run(''));
    expect(missing).to.include({ code: 'auth-required', message: text.keyMissing('huggingface', true) });
  });

  it('has no balance to show: asking fails quietly and sends nothing', async () => {
    const before = (await simLog('huggingface')).length;
    expect(await keyBalance('huggingface', SIM, '', 'hf_sim_user')).to.equal(undefined);
    expect((await providerFor('huggingface')).balance).to.equal(undefined);
    expect((await simLog('huggingface')).length).to.equal(before);
  });

  it('books exactly once through the headless API, at the preview', async () => {
    const storageKey = uniqueStorageKey();
    // A token from "Sign in with Hugging Face", then used from script.
    const { key } = await signIn();
    const before = await charged(key);
    const result = await generate(
      { provider: 'huggingface', model: 'flux-1-dev', prompt: 'a paper boat', width: 1024, height: 768 },
      { apiKey: key, endpoint: SIM, storageKey },
    );
    const quote = quoteFor({ provider: 'huggingface', model: 'flux-1-dev', width: 1024, height: 768 });
    expect(result.quote.total).to.equal(quote.total);
    expect(quote.total).to.equal('0.025');
    expect(result.charged).to.equal(quote.total);
    expect(result.images[0]).to.include({ width: 1024, height: 768, saved: true });
    expect(new LedgerStore({ storageKey }).entries()).to.have.length(1);
    expect(await tally(storageKey)).to.include({ spent: '0.025', images: 1 });
    expect(Number(await charged(key)) - Number(before)).to.be.closeTo(0.025, 1e-9);
  });
});

describe('the real Hugging Face clients against the simulator', () => {
  /** The public hosts the clients name, answered by the simulator (the clients take no base URL for them all). */
  function routeToSimulator() {
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
        .replace(/^https:\/\/router\.huggingface\.co\//, `${SIM}/`)
        .replace(/^https:\/\/huggingface\.co\//, `${SIM}/`);
      return realFetch(url, init);
    };
    return () => (window.fetch = realFetch);
  }

  it('@huggingface/inference textToImage (provider fal-ai) gets the image the simulator made', async () => {
    const restore = routeToSimulator();
    try {
      const before = await charged('hf_sim_user');
      const blob = await textToImage({
        provider: 'fal-ai',
        model: 'black-forest-labs/FLUX.1-schnell',
        inputs: 'a lighthouse at dusk',
        accessToken: 'hf_sim_user',
        parameters: { image_size: { width: 512, height: 384 } } as never,
      });
      const bitmap = await createImageBitmap(blob as unknown as Blob);
      expect([bitmap.width, bitmap.height]).to.deep.equal([512, 384]);
      expect(Number(await charged('hf_sim_user')) - Number(before)).to.be.closeTo(0.003, 1e-9);
    } finally {
      restore();
    }
  });

  it('@huggingface/hub oauthLoginUrl and oauthHandleRedirectIfPresent sign in round trip', async () => {
    const page = location.href;
    try {
      const login = await oauthLoginUrl({
        clientId: CLIENT_ID,
        hubUrl: SIM,
        redirectUrl: REDIRECT,
        scopes: HF_SCOPES,
      });
      const back = await approve(login);
      history.replaceState(null, '', `${location.pathname}${back.search}`); // the page the hub sends the user back to
      const result = await oauthHandleRedirectIfPresent({ hubUrl: SIM });
      expect(result).not.to.equal(false);
      if (!result) return;
      expect(result.accessToken).to.match(/^hf_oauth_/);
      expect(result.userInfo.preferred_username).to.equal('sim-user');
      expect(result.scope).to.equal(HF_SCOPES);
      const outcome = await run(result.accessToken);
      expect(outcome.image).to.include({ width: 512, height: 512 });
    } finally {
      history.replaceState(null, '', page);
    }
  });
});
