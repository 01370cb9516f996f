// Simulator of Hugging Face's "Sign in with HF" (OAuth 2 with PKCE; huggingface.co/docs/hub/oauth) and of the
// Inference Providers router (router.huggingface.co) in front of fal's queue, as @huggingface/hub 2.17.5
// (src/lib/oauth-login-url.ts, oauth-handle-redirect.ts) and @huggingface/inference 4.13.30 (src/providers/fal-ai.ts,
// src/lib/makeRequestOptions.ts) speak to them. The endpoint (`/sim/huggingface`) plays both hosts.
//
// Routes (CORS on every reply and preflight, as the router and the hub's token endpoint answer pages):
//   GET  /.well-known/openid-configuration   at the server's root, as @huggingface/hub reads it from the origin of its
//        `hubUrl` (`${new URL(hubUrl).origin}/.well-known/openid-configuration`): {issuer, authorization_endpoint,
//        token_endpoint, userinfo_endpoint, …} under /sim/huggingface/oauth
//   GET  /sim/huggingface/oauth/authorize?client_id&redirect_uri&scope&state&response_type=code&code_challenge
//        &code_challenge_method=S256   a small page: "Authorize" (a link to redirect_uri?code=…&state=…) and "Cancel"
//        (redirect_uri?error=access_denied&error_description=…&state=…). Strict: a client id (`sim-client…`: the OAuth
//        apps this simulator knows), a redirect URI on loopback http(s) without fragment (an app's registered redirect
//        URIs), response_type `code`, method `S256` and a 43-character base64url challenge (RFC 7636 §4.2), scopes among
//        the hub's (openid profile email read-billing read-repos write-repos manage-repos inference-api
//        write-discussions) and `inference-api` among them (this product needs it). Otherwise 400 with the reason.
//   POST /sim/huggingface/oauth/token   form: grant_type=authorization_code, code, redirect_uri, code_verifier, and
//        client_id (optional: @huggingface/hub sends none; when sent it must be the code's). The verifier must be
//        43–128 unreserved characters whose base64url(SHA-256) is the code's challenge (RFC 7636 §4.1, §4.6); a code
//        works once, for 10 minutes. → {access_token: 'hf_oauth_…', token_type: 'bearer', expires_in: 28800, scope,
//        id_token} | 400 {error: 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type', error_description}
//   GET  /sim/huggingface/oauth/userinfo   Bearer → {sub, name, preferred_username, picture, profile, isPro, canPay} | 401;
//        `canPay` only for a token with the read-billing scope. Two users: sim-user (PRO, a payment method) and
//        sim-free (a free account: isPro false, canPay false), whom the authorize page's second link signs in: a free
//        account has no included credits and cannot pay as it goes (SPEC §4), so the router answers its requests 402.
//   POST /sim/huggingface/fal-ai/{fal model}?_subdomain=queue   Bearer; fal's JSON input → fal's queue reply
//        {status: 'IN_QUEUE', request_id, response_url, status_url, cancel_url, queue_position}, its URLs on fal's own
//        host (https://queue.fal.run/{app}/requests/{id}): the router passes fal's reply on, and the client rebuilds
//        the URLs on the router from their path. Models (the router knows a provider's model only through HF's
//        mapping; others: 404 "Model not supported by provider fal-ai"): fal-ai/flux/schnell, fal-ai/flux/dev,
//        fal-ai/flux-2, fal-ai/flux-2/klein/4b. Without `_subdomain=queue`: 400 (only fal's queue is simulated).
//   GET  /sim/huggingface/fal-ai/{app}/requests/{id}/status?_subdomain=queue   202 IN_QUEUE → 202 IN_PROGRESS → 200
//        COMPLETED; the same token only (another: 403)
//   GET  /sim/huggingface/fal-ai/{app}/requests/{id}?_subdomain=queue   fal's result {images: [{url, width, height,
//        content_type}], seed, has_nsfw_concepts, prompt, timings}; 400 while it is not finished
//   GET  /sim/huggingface/api/models/{id}?expand[]=inferenceProviderMapping   the hub's model API, as
//        @huggingface/inference reads a model's providers: {id, inferenceProviderMapping: {'fal-ai': {status, providerId,
//        task}}} for FLUX.1 [schnell] and [dev] (HF's docs route them to fal: inference-providers/guides/first-api-call)
//   GET  /sim/huggingface-cdn/files/{id}-{n}.png   the image (fal's CDN, on the OTHER loopback name, no token)
//   GET  /sim/huggingface/_log   requests received [{method, path, host, origin, hasKey (an Authorization header), id, at}]
//   GET  /sim/huggingface/_charges?key=<token>   {usd, requests}: what the user's HF account was billed (fal's price)
//   POST /sim/huggingface/_reset
//
// Tokens the router takes: those /oauth/token issued (with their scope) and the user access tokens `hf_sim_user`
// (may call Inference Providers), `hf_sim_readonly` (a fine-grained token without the inference permission:
// 403) and `hf_sim_empty` (an account whose included credits are spent, no pay-as-you-go: 402). Any other token:
// 401 {error: 'Invalid credentials in Authorization header'}; none: 401 too. A token issued without `inference-api`
// is refused 403 (huggingface.co/docs/hub/oauth: inference-api "Get access to the Inference API, you will be able to
// make inference requests on behalf of the user").
//
// Billing: fal's price per started 1024² MP of output (fal.ai/models/fal-ai/flux/schnell $0.003, flux/dev $0.025,
// flux-2 $0.012, flux-2/klein/4b $0.005), passed on by HF "with no markup" (huggingface.co/docs/inference-providers/
// pricing), once the request completes (fal bills finished requests only).
//
// Scenarios: `/sim/huggingface/s/{scenario}/…` (`;`-separated key=value), as the other simulators:
//   fault=401 | 403 | 402 | 429 | 500 | network   at submit (429 with Retry-After, retryAfter=<s>); times=<n>: the
//                                                 first n submits only; at=poll: on status polls instead
//   pending=<ms> / queue=<ms>                     total time to COMPLETED / the part of it IN_QUEUE
import { createHash, randomUUID } from 'node:crypto';
import {
  baseUrl,
  decimal,
  edgeFault,
  otherHost,
  parseScenario,
  pollFault,
  preflight,
  readBody,
  readJson,
  requestUrl,
  retryAfter,
  send,
  submitFault,
} from './http.mjs';
import {
  createChargeBook,
  createImageCache,
  createRequestLog,
  createSegmentCounter,
  createTestRoutes,
  deliverImage,
  forgetExpired,
  forModel,
  requestEntry,
  schedule,
  seedFrom,
} from './kit.mjs';

const BASE = '/sim/huggingface';
/** fal model (HF's mapping) → [our model id (timings), µ$ per MP of output, sides [min, max]]. */
const MODELS = {
  'fal-ai/flux/schnell': ['flux-1-schnell', 3000, [64, 4096]],
  'fal-ai/flux/dev': ['flux-1-dev', 25000, [64, 4096]],
  // Flux2Input: "width and height must be between 512 and 2048" (fal-js endpoints.ts); [klein] as fal.mjs.
  'fal-ai/flux-2': ['flux-2-dev', 12000, [512, 2048]],
  'fal-ai/flux-2/klein/4b': ['flux-2-klein-4b', 5000, [64, 4096]],
};
const SCOPES = new Set(
  'openid profile email read-billing read-repos write-repos manage-repos inference-api write-discussions'.split(' '),
);
const PRESETS = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const USERS = {
  hf_sim_user: 'inference-api',
  hf_sim_readonly: 'read-repos',
  hf_sim_empty: 'inference-api',
};
const MB = 1024 * 1024;
const mp = (width, height) => Math.max(1, Math.ceil((width * height) / MB));
const base64url = (buffer) => buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//;
const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const routerError = (status) =>
  ({
    401: 'Invalid credentials in Authorization header',
    402: 'You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.',
    403: 'This authentication method does not have sufficient permissions to call Inference Providers on behalf of user sim-user',
    429: 'Rate limit reached. Try again later.',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service temporarily unavailable',
  })[status];
const errorBody = (status) => ({ error: routerError(status) });

export function createHuggingFaceSimulator({ pendingMs = 3000, queueMs = 0 } = {}) {
  const codes = new Map(); // code → {clientId, redirectUri, challenge, scope, expiresAt}
  const tokens = new Map(); // access token → scope
  const freeAccounts = new Set(); // access tokens of the free account (sim-free): no PRO, no payment method
  const tasks = new Map();
  const images = createImageCache(8);
  const charges = createChargeBook();
  const counter = createSegmentCounter();
  const log = createRequestLog();
  const testRoutes = createTestRoutes({
    base: BASE,
    log,
    charges: {
      book: charges,
      prefix: /^Bearer /,
      missing: { error: 'Query parameter `key` required' },
      report: ({ units, count }) => ({ usd: decimal(units, 6), requests: count }),
    },
    forget: [codes, tokens, freeAccounts, tasks, images, counter],
  });

  /** The scope of the token a request carries, or undefined after answering 401 (as the router does). */
  function scopeOf(req, res) {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const scope = token && (tokens.get(token) ?? USERS[token]);
    if (scope === undefined) send(req, res, 401, errorBody(401));
    return scope;
  }

  function authorize(req, res, url) {
    const q = Object.fromEntries(url.searchParams);
    const scopes = (q.scope ?? '').split(' ').filter(Boolean);
    const problem = !/^sim-client[\w-]*$/.test(q.client_id ?? '')
      ? 'Unknown client_id: this app is not registered'
      : !LOOPBACK.test(q.redirect_uri ?? '') || /#/.test(q.redirect_uri)
        ? 'redirect_uri is not one of the app’s redirect URIs'
        : q.response_type !== 'code'
          ? 'response_type must be code'
          : q.code_challenge_method !== 'S256'
            ? 'code_challenge_method must be S256'
            : !/^[\w-]{43}$/.test(q.code_challenge ?? '')
              ? 'code_challenge must be base64url(SHA-256(code_verifier))'
              : !scopes.length || scopes.some((scope) => !SCOPES.has(scope))
                ? 'scope must be among the supported scopes'
                : !scopes.includes('inference-api')
                  ? 'scope must include inference-api'
                  : !q.state
                    ? 'state is required'
                    : undefined;
    if (problem) return send(req, res, 400, `Invalid request: ${problem}`);
    const code = randomUUID();
    const free = randomUUID();
    for (const [each, account] of [
      [code, 'sim-user'],
      [free, 'sim-free'],
    ])
      codes.set(each, {
        account,
        clientId: q.client_id,
        redirectUri: q.redirect_uri,
        challenge: q.code_challenge,
        scope: scopes.join(' '),
        expiresAt: Date.now() + 600_000,
      });
    const back = (params) => {
      const target = new URL(q.redirect_uri);
      for (const [name, value] of Object.entries({ ...params, state: q.state })) target.searchParams.set(name, value);
      return escape(target.href);
    };
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize application (simulated Hugging Face)</title></head>
<body><h1>Authorize ${escape(q.client_id)}</h1>
<p>The app asks to: ${escape(scopes.join(', '))}. It may make inference requests billed to your account.</p>
<p><a id="authorize" href="${back({ code })}">Authorize</a> <a id="authorize-free" href="${back({
      code: free,
    })}">Authorize as sim-free (a free account: no PRO, no payment method)</a> <a id="cancel" href="${back({
      error: 'access_denied',
      error_description: 'The user cancelled',
    })}">Cancel</a></p></body></html>`;
    send(req, res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  async function token(req, res) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const refuse = (error, description) => send(req, res, 400, { error, error_description: description });
    if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? ''))
      return refuse('invalid_request', 'The body must be application/x-www-form-urlencoded');
    if (form.get('grant_type') !== 'authorization_code')
      return refuse('unsupported_grant_type', 'grant_type must be authorization_code');
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? ''); // a code works once, even when the exchange fails
    const verifier = form.get('code_verifier') ?? '';
    if (!code || code.expiresAt < Date.now()) return refuse('invalid_grant', 'Invalid or expired code');
    if (form.get('redirect_uri') !== code.redirectUri) return refuse('invalid_grant', 'redirect_uri does not match');
    if (form.has('client_id') && form.get('client_id') !== code.clientId)
      return refuse('invalid_grant', 'client_id does not match');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return refuse('invalid_request', 'Invalid code_verifier');
    if (base64url(createHash('sha256').update(verifier).digest()) !== code.challenge)
      return refuse('invalid_grant', 'code_verifier does not match the code_challenge');
    const access = `hf_oauth_${randomUUID().replace(/-/g, '')}`;
    tokens.set(access, code.scope);
    if (code.account === 'sim-free') freeAccounts.add(access);
    send(req, res, 200, {
      access_token: access,
      token_type: 'bearer',
      expires_in: 28800,
      scope: code.scope,
      id_token: 'sim.id.token',
    });
  }

  function userinfo(req, res) {
    const scope = scopeOf(req, res);
    if (scope === undefined) return;
    const free = freeAccounts.has(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]);
    const name = free ? 'sim-free' : 'sim-user';
    send(req, res, 200, {
      sub: free ? 'fedcba9876543210fedcba98' : '0123456789abcdef01234567',
      name: free ? 'Sim Free' : 'Sim User',
      preferred_username: name,
      picture: `https://huggingface.co/avatars/${name}.svg`,
      profile: `https://huggingface.co/${name}`,
      isPro: !free,
      // Only with the read-billing scope (@huggingface/hub src/lib/oauth-handle-redirect.ts, UserInfo.canPay: "Needs
      // "read-billing" scope"; huggingface.co/docs/hub/oauth: read-billing "Know whether the user has a payment method
      // set up").
      ...(scope.split(' ').includes('read-billing') ? { canPay: !free } : {}),
    });
  }

  /** fal's input as fal's schema checks it (fal.mjs): 422 {detail} on a problem. */
  function validate(model, body) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'Input should be a dictionary' };
    if (typeof body.prompt !== 'string' || !body.prompt.trim()) return { problem: 'prompt: Field required' };
    let size = body.image_size ?? 'landscape_4_3';
    size = typeof size === 'string' ? PRESETS[size] : size && [size.width, size.height];
    const [width, height] = size ?? [];
    const [min, max] = MODELS[model][2];
    if (!Number.isInteger(width) || !Number.isInteger(height)) return { problem: 'image_size: invalid' };
    if (Math.min(width, height) < min || Math.max(width, height) > max || width * height > 4 * MB)
      return { problem: `image_size: width and height must be ${min}–${max} and together at most 4 megapixels` };
    const count = body.num_images ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 4) return { problem: 'num_images: between 1 and 4' };
    if (body.seed != null && !Number.isInteger(body.seed)) return { problem: 'seed: a valid integer' };
    return { width, height, count };
  }

  async function submit(req, res, url, model, scenario, segment, entry) {
    const body = await readJson(req);
    const fault = submitFault(req, scenario, segment, counter);
    if (edgeFault(req, res, fault, scenario, entry, { json: errorBody, truncated: '{"status": "IN_QUEUE"' })) return;
    const scope = scopeOf(req, res);
    if (scope === undefined) return;
    const token = req.headers.authorization.slice(7);
    if (fault === '401' || fault === '403' || fault === '500') return send(req, res, Number(fault), errorBody(fault));
    if (fault === '402' || token === 'hf_sim_empty' || freeAccounts.has(token))
      return send(req, res, 402, errorBody(402));
    if (!scope.split(' ').includes('inference-api')) return send(req, res, 403, errorBody(403));
    if (fault === '429') return send(req, res, 429, errorBody(429), retryAfter(scenario));
    if (url.searchParams.get('_subdomain') !== 'queue')
      return send(req, res, 400, { error: 'Only fal’s queue (`?_subdomain=queue`) is simulated' });
    if (!MODELS[model]) return send(req, res, 404, { error: 'Model not supported by provider fal-ai' });
    const { problem, width, height, count } = validate(model, body);
    if (problem) return send(req, res, 422, { detail: problem });
    const now = Date.now();
    forgetExpired(tasks, (task) => task.createdAt + 3600_000, now);
    const [ours, micro] = MODELS[model];
    const pending = Number(scenario.pending ?? forModel(pendingMs, ours));
    const queue = Math.min(pending, Number(scenario.queue ?? forModel(queueMs, ours)));
    const id = randomUUID();
    const app = model.split('/').slice(0, 2).join('/'); // fal's queue URLs name the app only (fal.mjs)
    const at = `https://queue.fal.run/${app}/requests/${id}`;
    const task = {
      id,
      app,
      token,
      prompt: body.prompt,
      seed: seedFrom(body.seed),
      width,
      height,
      count,
      scenario,
      polls: 0,
      cdn: baseUrl(req, otherHost(req.headers.host)),
      urls: { request_id: id, response_url: at, status_url: `${at}/status`, cancel_url: `${at}/cancel` },
      ...schedule(now, pending, queue),
    };
    tasks.set(id, task);
    charges.charge(token, count * micro * mp(width, height), { when: (time) => time >= task.readyAt });
    entry.id = id;
    send(req, res, 200, { status: 'IN_QUEUE', ...task.urls, queue_position: queue ? 2 : 0 });
  }

  function queued(req, res, url, app, id, isStatus, entry) {
    const scope = scopeOf(req, res);
    if (scope === undefined) return;
    const task = tasks.get(id);
    if (!task || task.app !== app) return send(req, res, 404, { detail: 'Request not found' });
    if (req.headers.authorization.slice(7) !== task.token)
      return send(req, res, 403, { detail: 'This request belongs to another user' });
    if (url.searchParams.get('_subdomain') !== 'queue') return send(req, res, 404, { detail: 'Not Found' });
    const now = Date.now();
    if (isStatus) {
      const { fault } = task.scenario;
      if (pollFault(req, res, fault, task, entry, { json: errorBody, truncated: '{"status": "IN_PROGRESS"' })) return;
      if (now < task.queuedUntil) return send(req, res, 202, { status: 'IN_QUEUE', ...task.urls, queue_position: 0 });
      if (now < task.readyAt) return send(req, res, 202, { status: 'IN_PROGRESS', ...task.urls, logs: null });
      return send(req, res, 200, { status: 'COMPLETED', ...task.urls, logs: null, metrics: {} });
    }
    if (now < task.readyAt) return send(req, res, 400, { detail: 'Request is still in progress' });
    send(req, res, 200, {
      images: Array.from({ length: task.count }, (_, n) => ({
        url: `${task.cdn}/sim/huggingface-cdn/files/${task.id}-${n}.png`,
        width: task.width,
        height: task.height,
        content_type: 'image/png',
      })),
      seed: task.seed,
      has_nsfw_concepts: Array(task.count).fill(false),
      prompt: task.prompt,
      timings: { inference: (task.readyAt - task.queuedUntil) / 1000 },
    });
  }

  /** The hub's model API as @huggingface/inference reads it (getInferenceProviderMapping.ts): fal's mapping only. */
  function mapping(req, res, id) {
    const hf = { 'black-forest-labs/FLUX.1-schnell': 'flux/schnell', 'black-forest-labs/FLUX.1-dev': 'flux/dev' };
    if (!hf[id]) return send(req, res, 404, { error: 'Repository not found' });
    send(req, res, 200, {
      id,
      inferenceProviderMapping: { 'fal-ai': { status: 'live', providerId: `fal-ai/${hf[id]}`, task: 'text-to-image' } },
    });
  }

  function deliver(req, res, name) {
    const [, id, n] = /^(.+)-(\d+)$/.exec(name) ?? [];
    const task = tasks.get(id);
    const refusal = () =>
      !task || Number(n) >= task.count
        ? { status: 403, xml: '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>' }
        : undefined;
    const image = () => images.image(name, { ...task, seed: task.seed + Number(n) });
    return deliverImage(req, res, { refusal, image, cacheControl: 'public, max-age=604800' });
  }

  return {
    /** Handles `/sim/huggingface/…`, `/sim/huggingface-cdn/…` and the root's OpenID configuration. */
    async handle(req, res) {
      const url = requestUrl(req);
      const path = url.pathname;
      if (path === '/.well-known/openid-configuration') {
        const issuer = `${baseUrl(req)}${BASE}`;
        send(req, res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/oauth/authorize`,
          token_endpoint: `${issuer}/oauth/token`,
          userinfo_endpoint: `${issuer}/oauth/userinfo`,
          scopes_supported: [...SCOPES],
          code_challenge_methods_supported: ['S256'],
        });
        return true;
      }
      const cdn = /^\/sim\/huggingface-cdn\/files\/([\w-]+)\.png$/.exec(path);
      if (!cdn && !path.startsWith(`${BASE}/`)) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { allowRequestedHeaders: true });
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const match = /^\/sim\/huggingface(?:\/s\/([^/]*))?\/(.+)$/.exec(path);
      const entry = log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
      try {
        const route = match?.[2] ?? '';
        const request = /^fal-ai\/(fal-ai\/[^/]+)\/requests\/([\w-]+)(\/status)?$/.exec(route);
        if (cdn) await deliver(req, res, cdn[1]);
        else if (route === 'oauth/authorize' && req.method === 'GET') authorize(req, res, url);
        else if (route === 'oauth/token' && req.method === 'POST') await token(req, res);
        else if (route === 'oauth/userinfo' && req.method === 'GET') userinfo(req, res);
        else if (route.startsWith('api/models/') && req.method === 'GET') mapping(req, res, route.slice(11));
        else if (request && req.method === 'GET') queued(req, res, url, request[1], request[2], !!request[3], entry);
        else if (route.startsWith('fal-ai/') && req.method === 'POST')
          await submit(req, res, url, route.slice(7), parseScenario(match[1]), match[1] ?? '', entry);
        else send(req, res, 404, { error: 'Not Found' });
      } catch (error) {
        if (!res.headersSent) send(req, res, error.status ?? 500, { error: 'Internal server error' });
      }
      return true;
    },
  };
}
