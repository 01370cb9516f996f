// Simulator of OpenRouter (https://openrouter.ai): its sign-in (OAuth PKCE), FLUX.2 through chat completions with image
// output, and what a key has left. Sources beside each rule: openrouter.ai/docs ("OAuth PKCE", "Image Generation",
// "Errors and Debugging", the API reference of /key, /credits and /models). Where the docs leave a case open, the
// simulator is the stricter reading, and says so.
//
// Routes (CORS on every reply and preflight; `/s/{scenario}` may follow `/sim/openrouter`, as the widget's endpoint):
//   GET  /sim/openrouter/auth?callback_url=&code_challenge=&code_challenge_method=S256
//        the sign-in page: Authorize (POST auth/approve → 302 to callback_url with `code=` added to its query) and
//        Cancel (a link back to callback_url, no code). Stricter than OpenRouter, which also takes `plain` and no
//        challenge at all ("The code_challenge parameter is optional but recommended"): a challenge is required, S256
//        only, 43 base64url characters (base64url of a SHA-256); anything else is a 400 page.
//   POST /sim/openrouter/api/v1/auth/keys  JSON {code, code_verifier, code_challenge_method: 'S256'} → {key, user_id}:
//        the code once only, within 10 minutes, base64url(SHA-256(code_verifier)) equal to its challenge, else 400
//        {error:{code:400, message}}. The key's account starts with `credits=<usd>` of the scenario (default 4.20),
//        and the key a credit limit of that much (`limit=none`: no limit, so /key says nothing of what is left).
//   POST /sim/openrouter/api/v1/chat/completions  `Authorization: Bearer …`, JSON {model, messages, modalities,
//        image_config: {aspect_ratio, image_size}, seed?} → {id, provider, model, object: 'chat.completion', created,
//        choices: [{index, finish_reason, message: {role: 'assistant', content: '', images: [{type: 'image_url',
//        image_url: {url: 'data:image/png;base64,…'}}]}}], usage: {prompt_tokens, completion_tokens, total_tokens,
//        cost}}. Checked strictly: model one of black-forest-labs/flux.2-{klein-4b,pro,flex,max}; `modalities`
//        exactly ['image'] (FLUX is image-only: "Models that only output images (e.g., Sourceful, Flux): Use
//        modalities: ["image"]"); one user message with text; aspect_ratio one of the documented ten (default 1:1),
//        image_size "1K" or "2K" (default "1K"; "512" and "4K" refused: FLUX.2 makes 64 px to 4 MP, and the tiers
//        OpenRouter documents for FLUX are not known). A PNG at the size made: the ratio at about 1 MP (1K) or
//        4,000,000 px (2K), sides multiples of 16. `usage.cost` in USD: the model page's price, megapixels counted as
//        BFL counts them (every started 1024²); the account is debited it, and a request it cannot cover is 402
//        before anything is made.
//   GET  /sim/openrouter/api/v1/key       {data: {label, limit, usage, limit_remaining, is_free_tier, rate_limit}}
//   GET  /sim/openrouter/api/v1/credits   {data: {total_credits, total_usage}}: management keys only (`sim-mgmt…`;
//        "Management key required"), 403 otherwise
//   GET  /sim/openrouter/api/v1/models?output_modalities=image  {data: [{id, name, created, description,
//        architecture: {input_modalities, output_modalities}, pricing}]}, the four FLUX.2 models
//   GET  /sim/openrouter/_log | _charges?key= ({usd, images}) | POST _reset   for tests, as the other simulators
//
// Errors have OpenRouter's shape {error: {code, message, metadata?}}, the HTTP status equal to `code`. Keys:
// `sim-bad` is refused 401, `sim-empty` has no credits; any other key is an account of `credits=` (default $4.20).
// Scenarios (`;`-separated):
//   fault=401 | 402 | 403 (moderation: the input flagged) | 429 (Retry-After: retryAfter=<s>, default 1) | 500 |
//     network | 502 | 503 | hang | bad-json | html | redirect   at chat completions; times=<n>: only the first n
//   cost=null (a reply without usage.cost) | cost=<usd> (the reply's usage.cost as given; the account is debited
//     the real price)   pending=<ms> the generation time (default the simulator's pendingMs)
//   credits=<usd> a new account's credits; limit=none a signed-in key without a credit limit
//   image=<URL>   the reply's image URL as given (URL-encoded; the account is debited as usual): what a client must
//     refuse, as OpenRouter documents `data:image/…;base64,` URLs only (`data:image/png,abc`, `https://…`, `javascript:…`)
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  acceptThenDrop,
  decimal,
  edgeFault,
  parseDecimal,
  parseScenario,
  preflight,
  readBody,
  readJson,
  requestUrl,
  retryAfter,
  send,
  sleep,
  submitFault,
} from './http.mjs';
import {
  createChargeBook,
  createRequestLog,
  createSegmentCounter,
  createTestRoutes,
  forModel,
  requestEntry,
} from './kit.mjs';
import { drawImage } from './png.mjs';

const MP = 1024 * 1024;
/** The model pages' prices, in micro-dollars: [first MP, each next MP] (see price-book.ts for the sources). */
const MODELS = {
  'black-forest-labs/flux.2-klein-4b': [14000, 1000],
  'black-forest-labs/flux.2-pro': [30000, 15000],
  'black-forest-labs/flux.2-flex': [60000, 60000],
  'black-forest-labs/flux.2-max': [70000, 30000],
};
/** openrouter.ai/docs/guides/overview/multimodal/image-generation, "Aspect Ratio". */
const RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
/** The `image_size` tiers FLUX.2 can make here, in pixels (see the header). */
const TIERS = { '1K': MP, '2K': 4_000_000 };
const DEFAULT_CREDITS = '4.20';

const error = (code, message, metadata) => ({ error: { code, message, ...(metadata ? { metadata } : {}) } });
const base64url = (buffer) => buffer.toString('base64url');

/** About `pixels` at `ratio`, sides multiples of 16 (as the widget's sizeOfRatio). */
function sizeOf(ratio, pixels) {
  const [w, h] = ratio.split(':').map(Number);
  const side = (length) => Math.max(16, Math.round(length / 16) * 16);
  return { width: side(Math.sqrt((pixels * w) / h)), height: side(Math.sqrt((pixels * h) / w)) };
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export function createOpenRouterSimulator({ pendingMs = 1500 } = {}) {
  const codes = new Map(); // code → { challenge, at, scenario, used }
  const accounts = new Map(); // key → { credits, used, limit } in micro-dollars (limit null: none)
  const charges = createChargeBook();
  const counter = createSegmentCounter();
  const log = createRequestLog();
  const testRoutes = createTestRoutes({
    base: '/sim/openrouter',
    log,
    charges: {
      book: charges,
      prefix: /^Bearer /,
      missing: error(400, 'Query parameter `key` required.'),
      report: ({ units, count }) => ({ usd: decimal(units, 6), images: count }),
    },
    forget: [codes, accounts, counter],
  });

  /** The account of `key`, made on first sight with the scenario's credits (a key the real service would know). */
  function account(key, scenario, limited = true) {
    if (!accounts.has(key)) {
      const credits = key === 'sim-empty' ? 0 : (parseDecimal(scenario.credits ?? DEFAULT_CREDITS, 6) ?? 0);
      accounts.set(key, { credits, used: 0, limit: limited && scenario.limit !== 'none' ? credits : null });
    }
    return accounts.get(key);
  }
  const left = (a) => a.credits - a.used;
  const bearer = (req) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];

  function authPage(req, res, url, scenario) {
    const q = url.searchParams;
    const callback = q.get('callback_url') ?? '';
    let target;
    try {
      target = new URL(callback);
    } catch {
      target = undefined;
    }
    const problem = !target
      ? 'callback_url is missing or not an address.'
      : q.get('code_challenge_method') !== 'S256'
        ? 'code_challenge_method must be S256 (this simulator is stricter than OpenRouter, which also takes plain).'
        : !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')
          ? 'code_challenge must be base64url(SHA-256(code_verifier)): 43 characters.'
          : '';
    if (problem)
      return send(req, res, 400, `<!DOCTYPE html><p>${escapeHtml(problem)}</p>`, { 'Content-Type': 'text/html' });
    const cancel = escapeHtml(target.href);
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize — OpenRouter (simulated)</title></head>
<body>
<h1>Authorize this page</h1>
<p>${escapeHtml(target.host)} asks for a key on your OpenRouter account (simulated: ${escapeHtml(scenario.credits ?? DEFAULT_CREDITS)} USD of credits).</p>
<form method="post" action="${escapeHtml(url.pathname.replace(/\/auth$/, '/auth/approve'))}">
<input type="hidden" name="callback_url" value="${escapeHtml(callback)}">
<input type="hidden" name="code_challenge" value="${escapeHtml(q.get('code_challenge'))}">
<button type="submit" id="authorize">Authorize</button>
<a id="cancel" href="${cancel}">Cancel</a>
</form>
</body></html>`;
    send(req, res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  async function approve(req, res, scenario) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const code = base64url(randomBytes(24));
    codes.set(code, { challenge: form.get('code_challenge'), at: Date.now(), scenario, used: false });
    const target = new URL(form.get('callback_url'));
    target.searchParams.set('code', code);
    res.writeHead(302, { Location: target.href, 'Content-Length': 0 });
    res.end();
  }

  async function exchange(req, res) {
    const body = await readJson(req);
    const grant = codes.get(body?.code);
    const refuse = (message) => send(req, res, 400, error(400, message));
    if (!grant || grant.used || Date.now() - grant.at > 10 * 60_000) return refuse('Invalid or expired code.');
    if (body.code_challenge_method !== 'S256') return refuse('code_challenge_method must be S256 for this code.');
    const digest = base64url(
      createHash('sha256')
        .update(String(body.code_verifier ?? ''))
        .digest(),
    );
    if (digest !== grant.challenge) return refuse('code_verifier does not match the code_challenge.');
    grant.used = true;
    const key = `sk-or-v1-sim-${randomBytes(24).toString('hex')}`;
    account(key, grant.scenario);
    send(req, res, 200, { key, user_id: `user_sim_${randomBytes(4).toString('hex')}` });
  }

  async function complete(req, res, scenario, segment, entry) {
    const body = await readJson(req);
    const key = bearer(req);
    const fault = submitFault(req, scenario, segment, counter);
    const edge = {
      json: (status) => error(status, status === 502 ? 'Provider returned error' : 'Service Unavailable'),
      truncated: '{"id":"gen-',
    };
    if (edgeFault(req, res, fault, scenario, entry, edge)) return;
    // Errors and Debugging: 401 "Invalid credentials (OAuth session expired, disabled/invalid API key)".
    if (!key || key === 'sim-bad' || fault === '401') return send(req, res, 401, error(401, 'User not found.'));
    const acct = account(key, scenario);
    if (fault === '429')
      return send(req, res, 429, error(429, 'Rate limit exceeded: too many requests.'), retryAfter(scenario));
    if (fault === '500') return send(req, res, 500, error(500, 'Internal Server Error'));
    if (!body || typeof body !== 'object') return send(req, res, 400, error(400, 'Invalid JSON body.'));
    const price = MODELS[body.model];
    entry.asked = { model: body.model, modalities: body.modalities, image_config: body.image_config };
    if (!price) return send(req, res, 400, error(400, `${body.model} is not a valid model ID`));
    if (!Array.isArray(body.modalities) || body.modalities.length !== 1 || body.modalities[0] !== 'image') {
      return send(req, res, 400, error(400, 'This model only outputs images: modalities must be ["image"].'));
    }
    const message = Array.isArray(body.messages) ? body.messages.find((m) => m?.role === 'user') : undefined;
    const prompt =
      typeof message?.content === 'string'
        ? message.content
        : Array.isArray(message?.content)
          ? message.content
              .filter((p) => p?.type === 'text')
              .map((p) => p.text)
              .join('\n')
          : '';
    if (!prompt.trim()) return send(req, res, 400, error(400, 'Input required: a user message with text.'));
    const config = body.image_config ?? {};
    const ratio = config.aspect_ratio ?? '1:1';
    const tier = config.image_size ?? '1K';
    if (!RATIOS.includes(ratio)) return send(req, res, 400, error(400, `Unsupported aspect_ratio ${ratio}.`));
    if (!Object.hasOwn(TIERS, tier)) return send(req, res, 400, error(400, `Unsupported image_size ${tier}.`));
    if (body.seed !== undefined && !Number.isInteger(body.seed))
      return send(req, res, 400, error(400, 'seed must be an integer.'));
    const { width, height } = sizeOf(ratio, TIERS[tier]);
    const megapixels = Math.max(1, Math.ceil((width * height) / MP));
    const cost = price[0] + price[1] * (megapixels - 1);
    // 402 "Your account or API key has insufficient credits": before anything is made.
    const limited = acct.limit === null ? left(acct) : Math.min(left(acct), acct.limit - acct.used);
    if (fault === '402' || limited < cost) {
      return send(
        req,
        res,
        402,
        error(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits'),
      );
    }
    // 403 "Your chosen model requires moderation and your input was flagged".
    if (fault === '403' || fault === 'moderated') {
      return send(
        req,
        res,
        403,
        error(403, `${body.model} requires moderation on OpenRouter. Your input was flagged.`, {
          reasons: ['sexual'],
          flagged_input: prompt.slice(0, 100),
          provider_name: 'Black Forest Labs',
          model_slug: body.model,
        }),
      );
    }
    await sleep(
      Number(scenario.pending ?? forModel(pendingMs, body.model.replace('black-forest-labs/flux.2-', 'flux-2-'))),
    );
    acct.used += cost;
    charges.charge(key, cost);
    const id = `gen-${randomUUID()}`;
    entry.id = id;
    if (acceptThenDrop(req, res, fault, entry)) return;
    const seed = Number.isInteger(body.seed) ? body.seed : Math.floor(Math.random() * 2 ** 31);
    const png = drawImage({ width, height, prompt, seed });
    const reported =
      scenario.cost === 'null' ? undefined : scenario.cost !== undefined ? Number(scenario.cost) : cost / 1e6;
    send(req, res, 200, {
      id,
      provider: 'Black Forest Labs',
      model: body.model,
      object: 'chat.completion',
      system_fingerprint: null,
      created: Math.floor(Date.now() / 1000),
      choices: [
        {
          index: 0,
          logprobs: null,
          finish_reason: 'stop',
          native_finish_reason: 'stop',
          message: {
            role: 'assistant',
            content: '',
            refusal: null,
            images: [
              {
                type: 'image_url',
                image_url: { url: scenario.image ?? `data:image/png;base64,${png.toString('base64')}` },
              },
            ],
          },
        },
      ],
      usage: {
        prompt_tokens: 0,
        completion_tokens: 0,
        total_tokens: 0,
        ...(reported === undefined ? {} : { cost: reported }),
      },
    });
  }

  function keyInfo(req, res, scenario) {
    const key = bearer(req);
    if (!key || key === 'sim-bad') return send(req, res, 401, error(401, 'User not found.'));
    const a = account(key, scenario);
    const usd = (units) => units / 1e6;
    send(req, res, 200, {
      data: {
        label: `${key.slice(0, 12)}...${key.slice(-3)}`,
        limit: a.limit === null ? null : usd(a.limit),
        usage: usd(a.used),
        limit_remaining: a.limit === null ? null : usd(Math.max(0, a.limit - a.used)),
        is_free_tier: false,
        rate_limit: { requests: -1, interval: '10s' },
      },
    });
  }

  function credits(req, res, scenario) {
    const key = bearer(req);
    if (!key || key === 'sim-bad') return send(req, res, 401, error(401, 'User not found.'));
    // "Management key required" (openrouter.ai/docs/api/api-reference/credits/get-credits).
    if (!key.startsWith('sim-mgmt')) return send(req, res, 403, error(403, 'Only management keys can fetch credits.'));
    const a = account(key, scenario, false);
    send(req, res, 200, { data: { total_credits: a.credits / 1e6, total_usage: a.used / 1e6 } });
  }

  function models(req, res, url) {
    const wanted = url.searchParams.get('output_modalities');
    const list = Object.entries(MODELS).map(([id, [first, next]]) => ({
      id,
      canonical_slug: id,
      name: `Black Forest Labs: ${id.split('/')[1]}`,
      created: 1764028800,
      description: `Pricing: the first megapixel $${decimal(first, 6)}, each next $${decimal(next, 6)} (simulated).`,
      architecture: {
        modality: 'text+image->image',
        input_modalities: ['text', 'image'],
        output_modalities: ['image'],
      },
      pricing: { prompt: '0', completion: '0', request: '0', image: '0' },
    }));
    send(req, res, 200, { data: wanted && !wanted.split(',').includes('image') ? [] : list });
  }

  return {
    /** Handles `/sim/openrouter/…`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const match = /^\/sim\/openrouter(?:\/s\/([^/]*))?(\/.*)?$/.exec(url.pathname);
      if (!match) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { allowRequestedHeaders: true }); // the SDKs add headers of their own
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const entry = log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
      const segment = match[1] ?? '';
      const scenario = parseScenario(segment);
      const route = `${req.method} ${match[2] ?? ''}`;
      try {
        if (route === 'GET /auth') authPage(req, res, url, scenario);
        else if (route === 'POST /auth/approve') await approve(req, res, scenario);
        else if (route === 'POST /api/v1/auth/keys') await exchange(req, res);
        else if (route === 'POST /api/v1/chat/completions') await complete(req, res, scenario, segment, entry);
        else if (route === 'GET /api/v1/key') keyInfo(req, res, scenario);
        else if (route === 'GET /api/v1/credits') credits(req, res, scenario);
        else if (route === 'GET /api/v1/models') models(req, res, url);
        else send(req, res, 404, error(404, `Not found: ${route}`));
      } catch (thrown) {
        if (!res.headersSent)
          send(req, res, thrown.status ?? 500, error(thrown.status ?? 500, 'Internal Server Error'));
      }
      return true;
    },
  };
}
