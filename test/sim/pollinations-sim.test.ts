// The Pollinations simulator (demo/sim/pollinations.mjs) over real HTTP on loopback, as strict as Pollinations'
// "Connect User Wallets" and its image API (each rule's source is cited there): the consent page and what it
// refuses, the token endpoint's RFC 6749 errors, a key's budget, expiry and models, the debit of an image, the model
// list. Every test signs in under a run id of its own (run=…) and registers its own App Key, so parallel test files
// never share codes, keys or logs.
import { expect } from '@open-wc/testing';
import { pkcePair } from '../support/pkce.js';
import { simCharges, simEndpoint, simLogOf, unique } from '../support/sim.js';

const SIM = `${location.origin}/sim/pollinations`;

/** The page address the App Key registers, as the widget registers its page (origin + path, no query). */
const BACK = `${location.origin}/pollinations-back`;

/** A new App Key registered for `redirectUris` (the simulator's `_register`, as enter.pollinations.ai/keys does). */
async function registerApp(redirectUris = [BACK]): Promise<string> {
  const made = await fetch(`${SIM}/_register`, {
    method: 'POST',
    body: JSON.stringify({ name: 'Pollinations sim test', redirectUris }),
  });
  expect(made.status).to.equal(200);
  return (await made.json()).client_id;
}

interface SignIn {
  endpoint: string;
  clientId: string;
  verifier: string;
  challenge: string;
  params: Record<string, string>;
}

/** What a sign-in under a run of its own sends to /authorize (any of it replaced or removed by `change`). */
async function signIn(scenario = '', change: Record<string, string | null> = {}): Promise<SignIn> {
  const endpoint = simEndpoint('pollinations', `run=${unique('poll')}${scenario ? `;${scenario}` : ''}`);
  const clientId = await registerApp();
  const { verifier, challenge } = await pkcePair();
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: BACK,
    state: 'st4te',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    budget: '0.5',
    expiry: '30',
    models: 'flux,klein',
  };
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete params[name];
    else params[name] = value;
  }
  return { endpoint, clientId, verifier, challenge, params };
}

const authorizeUrl = (sign: SignIn) => `${sign.endpoint}/authorize?${new URLSearchParams(sign.params)}`;

/** The consent page as the browser shows it: its status, its document, and whether it sent the user anywhere. */
async function consent(sign: SignIn) {
  const response = await fetch(authorizeUrl(sign));
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return { status: response.status, redirected: response.redirected, page };
}

/** Allows access on the consent page (its form, with the fields as `fields` sets them): where the user lands. */
async function allow(sign: SignIn, fields: Record<string, string> = {}): Promise<URL> {
  const { status, page } = await consent(sign);
  expect(status).to.equal(200);
  const form = page.querySelector('form')!;
  const body = new URLSearchParams([...new FormData(form)] as [string, string][]);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  // The page's own address comes back with `code` and `state` (here a 404 of the test server: only its address matters).
  const follow = await fetch(new URL(form.getAttribute('action')!, authorizeUrl(sign)), { method: 'POST', body });
  return new URL(follow.url);
}

/** POSTs the token request (form-encoded unless `json`): the status and the reply. */
async function trade(sign: SignIn, fields: Record<string, string>, json = false) {
  const form = {
    grant_type: 'authorization_code',
    client_id: sign.clientId,
    redirect_uri: BACK,
    code_verifier: sign.verifier,
    ...fields,
  };
  const response = await fetch(`${sign.endpoint}/api/oauth/token`, {
    method: 'POST',
    headers: json ? { 'Content-Type': 'application/json' } : {},
    body: json ? JSON.stringify(form) : new URLSearchParams(form),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Signs in end to end (allow, then trade the code): the token reply. */
async function signedIn(sign: SignIn, fields: Record<string, string> = {}) {
  const landed = await allow(sign, fields);
  const traded = await trade(sign, { code: landed.searchParams.get('code')! });
  expect(traded.status, JSON.stringify(traded.body)).to.equal(200);
  return traded.body as { access_token: string; token_type: string; expires_in?: number; scope?: string };
}

/** An image request with `key` as the Bearer (none without it) under the sign-in's endpoint. */
function image(endpoint: string, key: string | undefined, query = 'model=flux&width=512&height=512&seed=7') {
  return fetch(`${endpoint}/image/${encodeURIComponent('a lighthouse at dawn')}?${query}`, {
    headers: key ? { Authorization: `Bearer ${key}` } : {},
  });
}

/** /account/key of `key`: status and reply. */
async function keyInfo(endpoint: string, key: string) {
  const response = await fetch(`${endpoint}/account/key`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.json() };
}

/** The width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: ArrayBuffer) {
  const view = new DataView(bytes);
  expect(view.getUint32(0)).to.equal(0x89504e47);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const run = (endpoint: string) => /run=([^;/]+)/.exec(endpoint)![1];

describe('Pollinations simulator: Connect User Wallets and the image API', () => {
  it('end to end: S256 sign-in → code → sk_ key → an image (cross-origin, CORS *) → debited once; /account/key shows less left', async () => {
    const sign = await signIn();
    const landed = await allow(sign);
    expect(landed.origin + landed.pathname).to.equal(BACK);
    expect([...landed.searchParams.keys()].sort()).to.deep.equal(['code', 'state']);
    expect(landed.searchParams.get('state')).to.equal('st4te');
    const traded = await trade(sign, { code: landed.searchParams.get('code')! });
    expect(traded.status).to.equal(200);
    expect(traded.headers.get('cache-control')).to.equal('no-store');
    const token = traded.body;
    expect(token.access_token).to.match(/^sk_[A-Za-z0-9]{32}$/);
    expect(token.token_type).to.equal('bearer');
    expect(token.expires_in, '30 days in seconds').to.equal(30 * 86400);
    expect(token, 'no scope asked, none said').not.to.have.property('scope');

    const before = await keyInfo(sign.endpoint, token.access_token);
    expect(before.body).to.include({ valid: true, type: 'secret', pollenBudget: 0.5, rateLimitEnabled: false });
    expect(before.body.permissions).to.deep.equal({ models: ['flux', 'klein'], account: null });
    expect(before.body.expiresIn).to.be.within(30 * 86400 - 5, 30 * 86400);

    // The gen host on the other loopback name: a page's cross-origin request, answered with CORS `*`.
    const other = simEndpoint('pollinations', `run=${run(sign.endpoint)}`, { crossOrigin: true });
    const response = await image(other, token.access_token, 'model=flux&width=520&height=1000&seed=7');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('image/png');
    expect(pngSize(await response.arrayBuffer()), 'sides rounded to multiples of 16').to.deep.equal({
      width: 528,
      height: 1008,
    });

    expect(await simCharges('pollinations', token.access_token)).to.deep.equal({
      pollen: '0.002',
      usd: '0.002',
      images: 1,
    });
    const state = await (await fetch(`${SIM}/_account?key=${token.access_token}`)).json();
    expect([state.balance, state.budget], 'the balance and the budget, each debited once').to.deep.equal([
      '9.998',
      '0.498',
    ]);
    expect((await keyInfo(sign.endpoint, token.access_token)).body.pollenBudget).to.equal(0.498);
    const [asked] = (await simLogOf('pollinations', run(sign.endpoint)))
      .filter((entry) => entry.path.includes('/image/'))
      .map((entry) => entry.asked!);
    expect(asked).to.include({ model: 'flux', width: 528, height: 1008, seed: 7, keyInQuery: false });
  });

  it('the consent page shows the budget, expiry and models asked; Decline goes back with error=access_denied and state', async () => {
    const sign = await signIn('pollen=3.25');
    const { status, page } = await consent(sign);
    expect(status).to.equal(200);
    expect(page.querySelector('#asked-budget')!.textContent).to.contain('0.5 pollen');
    expect(page.querySelector('#asked-expiry')!.textContent).to.contain('30 days');
    expect(page.querySelector('#models')!.textContent).to.contain('flux, klein');
    expect(page.querySelector('#balance')!.textContent).to.contain('3.25 pollen');
    expect((page.querySelector('#budget') as HTMLInputElement).value).to.equal('0.5');
    const cancel = new URL((page.querySelector('#cancel') as HTMLAnchorElement).getAttribute('href')!);
    expect(cancel.origin + cancel.pathname).to.equal(BACK);
    expect(Object.fromEntries(cancel.searchParams)).to.deep.equal({ error: 'access_denied', state: 'st4te' });
    // Without budget and expiry: Pollinations' defaults, 5 pollen and 7 days.
    const defaults = await consent(await signIn('', { budget: null, expiry: null }));
    expect((defaults.page.querySelector('#budget') as HTMLInputElement).value).to.equal('5');
    expect((defaults.page.querySelector('#expiry') as HTMLInputElement).value).to.equal('7');
  });

  it('refuses on an error page, never redirecting: an unregistered redirect_uri, plain, no state, an unknown client_id, no response_type', async () => {
    const cases: [Record<string, string | null>, RegExp][] = [
      [{ redirect_uri: `${location.origin}/elsewhere` }, /not registered for this app/],
      [{ redirect_uri: `${BACK}?lang=fr` }, /not registered for this app/], // the query must equal the registered one
      [{ code_challenge_method: 'plain' }, /only S256 is supported/],
      [{ code_challenge_method: null }, /only S256 is supported/],
      [{ code_challenge: 'short' }, /43-character base64url/],
      [{ state: null }, /state is required/],
      [{ client_id: 'pk_notregistered' }, /app key could not be verified/],
      [{ client_id: null }, /client_id is required/],
      [{ response_type: null }, /response_type=code is required/],
      [{ response_type: 'token' }, /only "code" is supported/],
      [{ redirect_uri: 'http://example.com/back' }, /must use HTTPS/],
      [{ models: 'flux,flux-2-pro' }, /Unknown models: flux-2-pro/],
      [{ expiry: '400' }, /1 second to 365 days/],
    ];
    for (const [change, words] of cases) {
      const { status, redirected, page } = await consent(await signIn('', change));
      const said = JSON.stringify(change);
      expect(status, said).to.equal(400);
      expect(redirected, said).to.equal(false);
      expect(page.querySelector('#error')!.textContent, said).to.match(words);
      expect(page.querySelector('#authorize'), said).to.equal(null);
    }
    // Loopback redirect URIs match on any port (RFC 8252 §7.3), and one trailing slash is not significant.
    const otherPort = new URL(BACK);
    otherPort.port = otherPort.port === '1234' ? '1235' : '1234';
    expect((await consent(await signIn('', { redirect_uri: `${otherPort.href}/` }))).status).to.equal(200);
  });

  it('the token endpoint: a code traded once; a wrong verifier, redirect_uri or client_id is invalid_grant and burns it', async () => {
    const once = await signIn();
    const code = (await allow(once)).searchParams.get('code')!;
    expect((await trade(once, { code })).status).to.equal(200);
    const again = await trade(once, { code });
    expect([again.status, again.body]).to.deep.equal([
      400,
      { error: 'invalid_grant', error_description: 'Code unknown, expired, or already used.' },
    ]);

    const refused: [Record<string, string>, string][] = [
      [{ code_verifier: (await pkcePair()).verifier }, 'PKCE verification failed'],
      [{ code_verifier: 'too-short' }, 'PKCE verification failed'],
      [{ redirect_uri: `${BACK}/` }, 'redirect_uri mismatch'],
      [{ client_id: 'pk_simdemo' }, 'Code was issued to a different client_id.'],
    ];
    for (const [change, words] of refused) {
      const sign = await signIn();
      const grant = (await allow(sign)).searchParams.get('code')!;
      const first = await trade(sign, { code: grant, ...change });
      expect([first.status, first.body], JSON.stringify(change)).to.deep.equal([
        400,
        { error: 'invalid_grant', error_description: words },
      ]);
      const right = await trade(sign, { code: grant });
      expect(right.body.error, 'the code is burnt by the failed attempt').to.equal('invalid_grant');
    }
  });

  it('the token endpoint: an expired code, a missing field, another grant, a JSON body are refused with RFC 6749 errors', async () => {
    const late = await signIn('codettl=100');
    const code = (await allow(late)).searchParams.get('code')!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await trade(late, { code })).body.error_description).to.equal('Code unknown, expired, or already used.');

    const sign = await signIn();
    const grant = (await allow(sign)).searchParams.get('code')!;
    const missing = await trade(sign, { code: grant, redirect_uri: '' });
    expect([missing.status, missing.body.error]).to.deep.equal([400, 'invalid_request']);
    const other = await trade(sign, { code: grant, grant_type: 'client_credentials' });
    expect([other.status, other.body.error]).to.deep.equal([400, 'unsupported_grant_type']);
    const json = await trade(sign, { code: grant }, true);
    expect([json.status, json.body.error]).to.deep.equal([400, 'invalid_request']);
    expect((await trade(sign, { code: grant })).status, 'refusals before the code is read do not burn it').to.equal(
      200,
    );
  });

  it('the user edits the consent page: budget and expiry emptied make a key without cap or expiry (no expires_in); scope said', async () => {
    const sign = await signIn('', { scope: 'profile' });
    const token = await signedIn(sign, { budget: '', expiry: '' });
    expect(token).not.to.have.property('expires_in');
    expect(token.scope).to.equal('profile');
    const info = await keyInfo(sign.endpoint, token.access_token);
    expect(info.body).to.include({ pollenBudget: null, expiresAt: null, expiresIn: null });
    expect(info.body.permissions.account).to.deep.equal(['profile']);
    const profile = await (
      await fetch(`${sign.endpoint}/api/oauth/userinfo`, { headers: { Authorization: `Bearer ${token.access_token}` } })
    ).json();
    expect(profile).to.include({ preferred_username: 'simuser', name: 'Sim User' });

    // limit=ignored: the key is made without the budget the sign-in asked.
    const ignored = await signIn('limit=ignored');
    const free = await signedIn(ignored);
    expect((await keyInfo(ignored.endpoint, free.access_token)).body.pollenBudget).to.equal(null);
  });

  it('a model outside the key’s list is 403, resolved by name (an alias on the list does not admit the name)', async () => {
    const sign = await signIn('', { models: 'flux-klein' });
    const token = await signedIn(sign);
    const response = await image(sign.endpoint, token.access_token, 'model=flux');
    expect(response.status).to.equal(403);
    const body = await response.json();
    expect(body).to.deep.include({ success: false, status: 403 });
    expect(body.error).to.include({ code: 'FORBIDDEN', message: "Model 'flux' is not allowed for this API key" });
    const klein = await image(sign.endpoint, token.access_token, 'model=klein');
    expect(klein.status, 'the list holds the alias, the request resolves to klein').to.equal(403);
    expect((await simCharges('pollinations', token.access_token)).images).to.equal(0);
  });

  it('402 when the key’s budget is used up, or the user has no pollen; nothing is debited for a refusal', async () => {
    const sign = await signIn('', { budget: '0.004' });
    const token = await signedIn(sign);
    expect((await image(sign.endpoint, token.access_token)).status).to.equal(200);
    expect((await image(sign.endpoint, token.access_token)).status).to.equal(200);
    const spent = await image(sign.endpoint, token.access_token);
    expect(spent.status).to.equal(402);
    expect((await spent.json()).error).to.include({
      code: 'PAYMENT_REQUIRED',
      message: 'API key budget too low. This request costs ~0.0020 pollen.',
    });
    expect(await simCharges('pollinations', token.access_token)).to.include({ pollen: '0.004', images: 2 });
    expect((await keyInfo(sign.endpoint, token.access_token)).body.pollenBudget).to.equal(0);

    const poor = await signIn('pollen=0');
    const empty = await signedIn(poor);
    const refused = await image(poor.endpoint, empty.access_token, 'model=klein&width=1024&height=1024');
    expect(refused.status).to.equal(402);
    expect((await refused.json()).error.message).to.equal('Insufficient balance. This request costs ~0.0050 pollen.');
    expect((await simCharges('pollinations', empty.access_token)).images).to.equal(0);
  });

  it('a user’s pollen is two buckets: one must cover the price alone; a paid-only model takes bought pollen only', async () => {
    const buckets = async (endpoint: string, key: string) => {
      const state = await (await fetch(`${endpoint}/_account?key=${encodeURIComponent(key)}`)).json();
      return [state.tierBalance, state.packBalance];
    };
    const costs = /^Insufficient balance\. This request costs ~\d+\.\d{4} pollen\.$/;
    // Tier pollen only (a daily grant): FLUX is paid from it; Nano Banana Pro and Seedream 4.5 are paid only.
    const free = await signIn('pollen=0;tierpollen=5', { models: null, budget: '' });
    const freeKey = (await signedIn(free)).access_token;
    expect((await image(free.endpoint, freeKey)).status).to.equal(200);
    for (const model of ['nanobanana-pro', 'seedream-pro']) {
      const refused = await image(free.endpoint, freeKey, `model=${model}&width=1024&height=1024`);
      expect(refused.status, model).to.equal(402);
      expect((await refused.json()).error.message, model).to.match(costs);
    }
    expect(await buckets(free.endpoint, freeKey)).to.deep.equal(['4.998', '0']);
    expect((await simCharges('pollinations', freeKey)).images).to.equal(1);
    // Two buckets that hold the price only together: refused, for one alone must cover it.
    const split = await signIn('pollen=0.003;tierpollen=0.003', { models: null, budget: '' });
    const splitKey = (await signedIn(split)).access_token;
    const short = await image(split.endpoint, splitKey, 'model=klein&width=1024&height=1024');
    expect(short.status).to.equal(402);
    expect((await short.json()).error.message).to.equal('Insufficient balance. This request costs ~0.0050 pollen.');
    // A paid-only model needs more bought pollen than its price; it is debited from that, the tier left whole.
    const exact = await signIn('pollen=0.04;tierpollen=5', { models: null, budget: '' });
    const exactKey = (await signedIn(exact)).access_token;
    expect((await image(exact.endpoint, exactKey, 'model=seedream-pro&width=2048&height=2048')).status).to.equal(402);
    const paid = await signIn('pollen=0.05;tierpollen=5', { models: null, budget: '' });
    const paidKey = (await signedIn(paid)).access_token;
    expect((await image(paid.endpoint, paidKey, 'model=seedream-pro&width=2048&height=2048')).status).to.equal(200);
    expect(await buckets(paid.endpoint, paidKey)).to.deep.equal(['5', '0.01']);
  });

  it('an expired key is refused 401 with Pollinations’ words, at the image API and at /account/key; so are no key and a bad one', async () => {
    const sign = await signIn('', { expiry: '0.000012' }); // 1.04 s, rounded to 1 s
    const token = await signedIn(sign);
    expect(token.expires_in).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await image(sign.endpoint, token.access_token);
    expect(expired.status).to.equal(401);
    expect((await expired.json()).error).to.include({
      code: 'UNAUTHORIZED',
      message:
        'Authentication required. Please provide an API key via Authorization header (Bearer token) or ?key= query parameter.',
    });
    expect((await keyInfo(sign.endpoint, token.access_token)).status).to.equal(401);
    expect((await image(sign.endpoint, undefined)).status).to.equal(401);
    expect((await image(sign.endpoint, 'sk_sim_bad')).status).to.equal(401);
    expect((await image(sign.endpoint, sign.clientId)).status, 'an App Key is no generation key').to.equal(401);
  });

  it('the query as Pollinations validates it: 400 in its envelope; the default model is not FLUX; booleans read as z.coerce does', async () => {
    const sign = await signIn('', { models: '' });
    const token = await signedIn(sign);
    for (const query of [
      'model=flux&width=512.5&height=512',
      'model=flux&width=4096&height=512',
      'model=flux&width=2048&height=2048',
      'model=flux&seed=-2',
      'model=flux-2-pro',
      'model=kontext',
    ]) {
      const response = await image(sign.endpoint, token.access_token, query);
      expect(response.status, query).to.equal(400);
      const body = await response.json();
      expect(body.error.code, query).to.equal('BAD_REQUEST');
      expect(body.error.details.name, query).to.equal('ValidationError');
    }
    expect((await image(sign.endpoint, token.access_token, 'width=512&height=512&enhance=false')).status).to.equal(200);
    const asked = (await simLogOf('pollinations', run(sign.endpoint))).filter((e) => e.asked).map((e) => e.asked!);
    expect(asked.at(-1), 'zimage when no model is named; enhance=false read as true').to.include({
      model: 'zimage',
      enhance: true,
    });
    expect((await simCharges('pollinations', token.access_token)).pollen, 'zimage’s 0.004').to.equal('0.004');
  });

  it('/image/models: no key, Pollinations’ entries, the FLUX models and their pollen prices as fixed-point text; price= changes list and charge', async () => {
    const response = await fetch(`${SIM}/s/now=2026-11-28/image/models`);
    expect(response.status).to.equal(200);
    const list = (await response.json()) as any[];
    expect(list.map((model) => model.name)).to.deep.equal([
      'zimage',
      'flux',
      'klein',
      'kontext',
      'gptimage',
      'gptimage-large',
      'gpt-image-2',
      'nanobanana-2-lite',
      'nanobanana-pro',
      'seedream-pro',
      'grok-imagine',
      'qwen-image',
    ]);
    const byName = Object.fromEntries(list.map((model) => [model.name, model]));
    for (const [name, price] of [
      ['flux', '0.002'],
      ['klein', '0.005'],
      ['kontext', '0.04'],
    ]) {
      expect(byName[name].pricing, name).to.deep.equal({ currency: 'pollen', completionImageTokens: price });
      expect(byName[name], name).to.include({ category: 'image', publisher: 'Black Forest Labs', community: false });
      expect(byName[name].output_modalities, name).to.deep.equal(['image']);
      expect(byName[name].aliases, name).to.be.an('array');
    }
    expect(byName.klein.aliases).to.deep.equal(['flux-klein']);

    const sign = await signIn('price=flux:0.003', { models: 'flux' });
    const listed = (await (await fetch(`${sign.endpoint}/image/models`)).json()) as any[];
    expect(listed.find((model) => model.name === 'flux').pricing.completionImageTokens).to.equal('0.003');
    const token = await signedIn(sign);
    expect((await image(sign.endpoint, token.access_token)).status).to.equal(200);
    expect((await simCharges('pollinations', token.access_token)).pollen).to.equal('0.003');
  });

  it('the other families: priced per unit in the list; made at Pollinations’ own size and quality, debited their usage', async () => {
    const listed = (await (await fetch(`${SIM}/image/models`)).json()) as any[];
    const byName = Object.fromEntries(listed.map((model) => [model.name, model]));
    // [registry] cost × priceMultiplier (0.75 for gpt-image-2), as [info] writes it.
    expect(byName['gpt-image-2'].pricing).to.deep.equal({
      currency: 'pollen',
      promptTextTokens: '0.00000375',
      promptCachedTokens: '0.0000009375',
      promptImageTokens: '0.000006',
      completionImageTokens: '0.0000225',
    });
    expect([byName['gpt-image-2'].flat_rate, byName['seedream-pro'].flat_rate]).to.deep.equal([false, true]);
    expect(byName['seedream-pro'].pricing).to.deep.equal({ currency: 'pollen', completionImageTokens: '0.04' });

    // Before Nano Banana 2's upstream ended (the simulator's clock, `now=`).
    const sign = await signIn('now=2026-10-01', { models: 'gpt-image-2,nanobanana-2,seedream-pro' });
    const token = await signedIn(sign);
    // GPT Image: 1254×1254 made at 1024², `low` made at medium; 1,756 image tokens at 0.0000225 and the prompt's
    // 5 (20 bytes, a token per 4 simulated) at 0.00000375.
    const gpt = await image(sign.endpoint, token.access_token, 'model=gpt-image-2&width=1254&height=1254&quality=low');
    expect(gpt.status).to.equal(200);
    expect(pngSize(await gpt.arrayBuffer())).to.deep.equal({ width: 1024, height: 1024 });
    expect((await simCharges('pollinations', token.access_token)).pollen).to.equal('0.03952875');
    const made = (await simLogOf('pollinations', run(sign.endpoint)))
      .filter((e: any) => e.made)
      .map((e: any) => e.made);
    expect(made.at(-1)).to.deep.include({ width: 1024, height: 1024, quality: 'medium' });
    // Nano Banana 2 at 2048²: the 2K tier (1,680 image tokens, 272 of thinking simulated), Google's 2K size.
    const banana = await image(sign.endpoint, token.access_token, 'model=nanobanana-2&width=2048&height=2048');
    expect(pngSize(await banana.arrayBuffer())).to.deep.equal({ width: 2048, height: 2048 });
    expect((await simCharges('pollinations', token.access_token)).pollen).to.equal('0.14114725');
    // Seedream 4.5 at 16:9 under 2048 a side: its 2K preset, per image.
    const seedream = await image(sign.endpoint, token.access_token, 'model=seedream-pro&width=1280&height=720');
    expect(pngSize(await seedream.arrayBuffer())).to.deep.equal({ width: 2560, height: 1440 });
    expect((await simCharges('pollinations', token.access_token)).pollen).to.equal('0.18114725');
  });

  it('a model whose upstream has ended is gone from /image/models from that day, and refused as a name it does not know', async () => {
    const names = async (now: string) =>
      ((await (await fetch(`${SIM}/s/now=${now}/image/models`)).json()) as any[]).map((model) => model.name);
    expect(await names('2026-10-28T23:59:59Z')).to.include.members(['nanobanana-2', 'gptimage', 'gptimage-large']);
    expect(await names('2026-10-29T00:00:00Z')).to.not.include('nanobanana-2');
    expect(await names('2026-11-30T23:59:59Z')).to.include.members(['gptimage', 'gptimage-large']);
    expect(await names('2026-12-01T00:00:00Z')).to.not.include.members(['gptimage', 'gptimage-large']);
    const key = unique('sk_sim');
    for (const [now, status] of [
      ['2026-11-30T12:00:00Z', 200],
      ['2026-12-01T00:00:00Z', 400],
    ] as const) {
      const endpoint = simEndpoint('pollinations', `run=${unique('poll')};now=${now}`);
      for (const model of ['gptimage', 'gpt-image-1.5']) {
        const response = await image(endpoint, key, `model=${model}&width=1024&height=1024&quality=medium`);
        expect(response.status, `${model} at ${now}`).to.equal(status);
        if (status === 400) expect((await response.json()).error.details.name).to.equal('ValidationError');
      }
    }
    const lite = await image(simEndpoint('pollinations'), key, 'model=nanobanana-2-lite&width=2048&height=2048');
    expect(pngSize(await lite.arrayBuffer()), 'Nano Banana 2 Lite makes 1K only').to.deep.equal({
      width: 1024,
      height: 1024,
    });
  });

  it('the other families: refused as Pollinations refuses, nothing debited (a quality it has not, a model not allowed)', async () => {
    const sign = await signIn('', { models: 'gpt-image-2' });
    const token = await signedIn(sign);
    for (const query of ['model=gpt-image-2&quality=ultra', 'model=gpt-image-2&width=9000&height=1024']) {
      const response = await image(sign.endpoint, token.access_token, query);
      expect(response.status, query).to.equal(400);
      expect((await response.json()).error.details.name, query).to.equal('ValidationError');
    }
    const other = await image(sign.endpoint, token.access_token, 'model=nanobanana-pro');
    expect(other.status).to.equal(403);
    expect((await other.json()).error.message).to.equal("Model 'nanobanana-pro' is not allowed for this API key");
    expect((await simCharges('pollinations', token.access_token)).images).to.equal(0);
  });

  it('faults: 429 with Retry-After, 500 and a dropped connection charge nothing; accept-then-drop charges', async () => {
    const sign = await signIn();
    const token = await signedIn(sign);
    const at = (scenario: string) => `${sign.endpoint};${scenario}`;
    const limited = await image(at('fault=429;retryAfter=3'), token.access_token);
    expect([limited.status, limited.headers.get('retry-after')]).to.deep.equal([429, '3']);
    expect((await limited.json()).error.code).to.equal('RATE_LIMITED');
    expect((await image(at('fault=500'), token.access_token)).status).to.equal(500);
    let dropped = await image(at('fault=network'), token.access_token).catch((error: Error) => error);
    expect(dropped).to.be.instanceOf(TypeError);
    expect((await simCharges('pollinations', token.access_token)).images).to.equal(0);
    dropped = await image(at('fault=accept-then-drop'), token.access_token).catch((error: Error) => error);
    expect(dropped).to.be.instanceOf(TypeError);
    expect(await simCharges('pollinations', token.access_token)).to.include({ pollen: '0.002', images: 1 });
    // times=1: only the first request gets the fault.
    const once = at(`fault=402;times=1;n=${unique()}`);
    expect((await image(once, token.access_token)).status).to.equal(402);
    expect((await image(once, token.access_token)).status).to.equal(200);
  });

  it('discovery and preflights as Pollinations answers them', async () => {
    const meta = await (await fetch(`${SIM}/.well-known/oauth-authorization-server`)).json();
    expect(meta).to.include({
      authorization_endpoint: `${SIM}/authorize`,
      token_endpoint: `${SIM}/api/oauth/token`,
    });
    expect(meta.code_challenge_methods_supported).to.deep.equal(['S256']);
    expect(meta.token_endpoint_auth_methods_supported).to.deep.equal(['none']);
    // Cross-origin, the error readable (CORS on errors too) …
    const other = simEndpoint('pollinations', '', { crossOrigin: true });
    const info = await fetch(`${other}/account/key`, { headers: { Authorization: 'Bearer sk_sim_bad' } });
    expect(info.status).to.equal(401);
    expect((await info.json()).error.message).to.equal('API key required. This endpoint validates API keys.');
    // … with `Access-Control-Allow-Origin: *` and no credentials: a request with credentials is refused by the browser.
    const withCookies = await fetch(`${other}/image/models`, { credentials: 'include' }).catch((error: Error) => error);
    expect(withCookies).to.be.instanceOf(TypeError);
    expect((await fetch(`${other}/image/models`)).status).to.equal(200);
  });
});
