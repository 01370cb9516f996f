// Simulator of the Puter API (https://api.puter.com) as the real `@heyputer/puter.js` SDK uses it for
// "user-pays" image generation. The SDK is pointed here with `PUTER_API_ORIGIN` = `{origin}/sim/puter`
// (optionally `/s/{scenario}`, see below) and `PUTER_ORIGIN` = `{origin}` (the page's own origin, which
// serves the sign-in popup). Wire facts follow puter.js 2.6 (src/lib/networkUtils.js, src/modules/Auth.js)
// and the Puter backend (src/backend/controllers/puterai, drivers/ai-image, core/http/middleware/errorHandler.ts).
//
// Routes (every reply answers CORS with the exact Origin and credentials allowed, and has a Content-Type):
//   POST {api}/drivers/call               body (text/plain;actually=json) {interface:'puter-image-generation',
//                                         method:'generate', args:{prompt, model, ratio:{w,h} | width+height,
//                                         input_image, input_images, test_mode}, auth_token}; Bearer token too.
//                                         → 200 {success:true, result:'data:image/png;base64,…'} and the cost is
//                                         deducted from the account; errors as Puter's errorHandler renders them:
//                                         HTTP status + {error, message, code[, …fields]}.
//   GET  {api}/metering/usage             Bearer → {allowanceInfo:{monthUsageAllowance, remaining}, appTotals, usage}
//                                         in microcents ($0.01 = 1,000,000)
//   GET  {api}/whoami                     Bearer → {uuid, username, email_confirmed, is_temp, …}
//   GET  {api}/puterai/image/models/details   no auth → {models:[…]} with `costs` (usd-cents), as the real one
//   GET  {api}/puterai/image/models       no auth → {models:[ids]}
//   POST {api}/rao                        → {} (the SDK's "app opened" ping, sent only with sockets enabled)
//   GET  /action/sign-in?msg_id=…         the sign-in popup on the GUI origin: posts {msg:'puter.token', msg_id,
//                                         success, token, username} to its opener and closes
//   GET  /sim/puter/_log                  requests received: [{method, path, kind, model, fault, at}] (never tokens);
//                                         generate calls also {ratio, inputs, used}: the ratio as sent on (Replicate
//                                         "w:h" reduced, Together "WxH" snapped), the reference images received
//                                         (input_image + every input_images element) and how many were used;
//                                         fault=accept-then-drop also `dropped: true`
//   GET  /sim/puter/_charges?token=       what generate calls deducted from that token's account: {usd, calls}, usd
//                                         the exact decimal of its microcents in shortest form ('0.011'; '0' for none,
//                                         also for an unknown token), calls the number of charged calls; 400 without
//                                         `token`. Balances set by _account or balance= are not charges
//   POST /sim/puter/_reset                forget accounts (and their charges), counters and the log
//   POST /sim/puter/_account              {token, balance?(microcents), username?} create or change an account
//   POST /sim/puter/_signin               {outcome?:'ok'|'close', username?, balance?} what the next popups do
//
// Accounts: one per auth token, created on first use with a $0.50 monthly allowance (50,000,000 microcents)
// and the user name 'sim-user' (popup sign-ins: 'demo-user'). Generations cost what the catalogue below says,
// by Puter's own rules: Replicate-served models `run + output_mp × 1 + input_mp × Σ⌈ref px / 10⁶⌉` (1 MP out),
// per-image models their flat price, Together's per-MP models `1MP × w·h / 10⁶` of the snapped size — in cents.
// The cost is deducted once the generation time has passed and the call succeeded (even if the client has gone
// away by then); refused calls, test_mode and faults other than accept-then-drop deduct nothing.
//
// Sizes and references as Puter passes them on (HeyPuter/puter@8307e8c, src/backend/drivers/ai-image/providers/):
//   Replicate models get only `aspect_ratio`: ratio {w,h} (or width/height) rounded per side and reduced by the
//   gcd to "w:h" (no shape expansion). FLUX.2 [pro]/[klein] and FLUX 1.1 [pro] accept only 1:1, 16:9, 3:2, 2:3,
//   4:5, 5:4, 9:16, 3:4, 4:3 (anything else: 400 upstream_bad_request, upstreamStatus 422, Replicate's message);
//   the image is 1 MP at that ratio: w = 16·round(1024·√(a/b) / 16), h = 16·round(1024·√(b/a) / 16) (16:9 →
//   1360×768). References: [klein] at most 4, FLUX.2 [pro] at most 8, 1.1 [pro] one (via input_image).
//   Together models get width/height: a pair with both sides ≤ 32 is a shape (scaled to about 1024² here), then
//   each side max(64, round(v / 8) · 8); one reference only (input_image wins over input_images[0]; more than one
//   input_images element: 400); Kontext [pro]/[max] need one.
//
// Dropped connections (fault=network, fault=accept-then-drop) close after one stray byte and no reply (http.mjs
// dropConnection): Chromium then fails the request at once instead of resending it by itself on another connection,
// so one client call reaches the simulator once and is charged at most once (plain http on port 80: see there).
//
// Scenarios: insert `/s/{scenario}` after `/sim/puter`, e.g. `/sim/puter/s/fault=429;times=2`.
//   fault=402                     402 insufficient_funds at generate (the SDK also opens its "low balance" dialog)
//   fault=401                     401 Unauthorized at generate
//   fault=token_auth_failed       401 {code:'token_auth_failed'}: the SDK drops the token and asks to sign in again
//   fault=429                     429 too_many_requests, Retry-After: 1 (the SDK retries by itself for ~12 s)
//   fault=upstream_bad_request    400 upstream_bad_request (the model's provider refused the parameters)
//   fault=moderated               400 upstream_bad_request whose message says the safety filter flagged it
//   fault=500                     500 internal_error
//   fault=network                 the connection drops without a reply
//   fault=accept-then-drop        the reply is lost after Puter charged: the generation runs and its cost is deducted
//                                 (usage, _charges), then the connection drops without a reply
//   times=<n>                     only the first n generate calls under this scenario fail (default: all)
//   pending=<ms>                  generation time (default: the simulator's pendingMs)
//   balance=<microcents>          set the caller's balance to this, once per account and value; a scenario
//                                 without it gives back the balance from before, less what was spent meanwhile
//   scale=<factor>                every catalogue cost (and charge) × factor, to tell live prices from bundled
//   catalogue=down                the catalogue answers 503 (clients fall back to their bundled prices)
// Any other key (e.g. run=abc) is kept and only separates the counters of `times`.
import { randomUUID } from 'node:crypto';
import {
  acceptThenDrop,
  decimal,
  dropConnection,
  parseScenario,
  preflight,
  readJson,
  requestUrl,
  send,
  sleep,
} from './http.mjs';
import {
  createChargeBook,
  createRequestLog,
  createSegmentCounter,
  createTestRoutes,
  forModel,
  seedFrom,
} from './kit.mjs';
import { drawImage, encodePng, readBase64ImageSize } from './png.mjs';

const START_BALANCE = 50_000_000; // $0.50 in microcents
const MICRO = 1_000_000; // microcents per cent

const replicate = (id, name, aliases, costs, billingScheme, extra = {}) => ({
  id,
  replicateId: id,
  puterId: `replicate:${id}`,
  aliases,
  name,
  costs_currency: 'usd-cents',
  index_cost_key: billingScheme === 'megapixel' ? 'output_mp' : 'output',
  costs,
  billingScheme,
  ...extra,
  provider: 'replicate-image-generation',
});
const together = (name, costs, pricing_unit, extra = {}) => ({
  // The real driver lower-cases every id while building its model map, and the listing shows that.
  id: `togetherai:${name}`.toLowerCase(),
  aliases: [name, name.split('/')[1]],
  costs_currency: 'usd-cents',
  index_cost_key: pricing_unit === 'per-MP' ? '1MP' : 'per-image',
  name,
  allowedQualityLevels: [''],
  pricing_unit,
  costs,
  ...extra,
  provider: 'together-image-generation',
});

/** The FLUX part of Puter's image catalogue (HeyPuter/puter, drivers/ai-image/providers/{replicate,together}/models.ts). */
const CATALOGUE = [
  replicate(
    'black-forest-labs/flux-2-pro',
    'FLUX.2 Pro',
    ['flux-2-pro'],
    { run: 1.5, input_mp: 1.5, output_mp: 1.5 },
    'megapixel',
    {
      imageInputKey: 'input_images',
      resolutionInputKey: 'resolution',
      resolutionSuffix: ' MP',
    },
  ),
  replicate(
    'black-forest-labs/flux-2-dev',
    'FLUX.2 Dev',
    ['flux-2-dev'],
    { input_mp: 1.4, output_mp: 1.4 },
    'megapixel',
    {
      costs_go_fast: { input_mp: 1.2, output_mp: 1.2 },
      imageInputKey: 'input_images',
      supportsGoFast: true,
      goFastDefault: true,
      resolutionInputKey: 'output_megapixels',
    },
  ),
  replicate(
    'black-forest-labs/flux-2-klein-9b-base',
    'FLUX.2 Klein 9B',
    ['flux-2-klein-9b-base', 'flux-2-klein-9b'],
    { input_mp: 1.1, output_mp: 1.1 },
    'megapixel',
    {
      imageInputKey: 'images',
      resolutionInputKey: 'output_megapixels',
    },
  ),
  replicate(
    'black-forest-labs/flux-2-klein-4b',
    'FLUX.2 Klein 4B',
    ['flux-2-klein-4b'],
    { input_mp: 0.1, output_mp: 0.1 },
    'megapixel',
    {
      imageInputKey: 'images',
      resolutionInputKey: 'output_megapixels',
    },
  ),
  replicate(
    'black-forest-labs/flux-schnell',
    'FLUX.1 Schnell',
    ['flux-schnell', 'flux-1-schnell'],
    { output: 0.3 },
    'per-image',
  ),
  replicate('black-forest-labs/flux-1.1-pro', 'FLUX 1.1 Pro', ['flux-1.1-pro'], { output: 4 }, 'per-image', {
    singleImageInputKey: 'image_prompt',
  }),
  together('black-forest-labs/FLUX.1-kontext-max', { '1MP': 8 }, 'per-MP', {
    referenceImageField: 'image_url',
    requiresInputImage: true,
  }),
  together('black-forest-labs/FLUX.1-kontext-pro', { '1MP': 4 }, 'per-MP', {
    referenceImageField: 'image_url',
    requiresInputImage: true,
  }),
  together('black-forest-labs/FLUX.1.1-pro', { '1MP': 4 }, 'per-MP'),
  together('black-forest-labs/FLUX.2-dev', { 'per-image': 1.54 }, 'per-image', {
    dimensionStep: 16,
    minDimension: 128,
    maxDimension: 2048,
    referenceImageField: 'reference_images',
  }),
  together('black-forest-labs/FLUX.2-flex', { 'per-image': 3 }, 'per-image', {
    referenceImageField: 'reference_images',
  }),
  together('black-forest-labs/FLUX.2-max', { '1MP': 7 }, 'per-MP', { referenceImageField: 'reference_images' }),
  together('black-forest-labs/FLUX.2-pro', { 'per-image': 3 }, 'per-image', {
    referenceImageField: 'reference_images',
  }),
].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));

/** gcd of two positive integers. */
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

// Replicate's input schema for these models (replicate.com/black-forest-labs/<model>/api/schema):
// `aspect_ratio` enum (without "custom"/"match_input_image", which Puter never sends) and the references taken.
const REPLICATE_RATIOS = ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'];
const REPLICATE_LIMITS = {
  'black-forest-labs/flux-2-pro': { ratios: REPLICATE_RATIOS, maxInputs: 8 }, // `input_images`, up to 8
  'black-forest-labs/flux-2-klein-9b-base': { ratios: REPLICATE_RATIOS, maxInputs: 4 }, // `images`, up to 4
  'black-forest-labs/flux-2-klein-4b': { ratios: REPLICATE_RATIOS, maxInputs: 4 }, // `images`, up to 4
  'black-forest-labs/flux-1.1-pro': { ratios: REPLICATE_RATIOS, maxInputs: 1 }, // `image_prompt`, one image
};

/**
 * Replicate's reply to an aspect ratio outside its enum, as Puter passes it on: the replicate client's ApiError
 * message (replicate-javascript index.js: `Request to ${url} failed with status ${status} ${statusText}: ${body}.`)
 * becomes a 400 upstream_bad_request with `upstreamStatus` (DriverController.ts l.106-150).
 */
function replicateRatioMessage(model, ratio, allowed) {
  const description = `aspect_ratio must be one of the following: ${allowed.map((r) => `"${r}"`).join(', ')}`;
  const body = JSON.stringify({
    detail: `- input.aspect_ratio: ${description}\n`,
    status: 422,
    title: 'Input validation failed',
    invalid_fields: [{ type: 'enum', field: 'input.aspect_ratio', description }],
  });
  return `Request to https://api.replicate.com/v1/models/${model.replicateId}/predictions failed with status 422 Unprocessable Entity: ${body}.`;
}

/** The 1 MP image Replicate makes at ratio a:b (`resolution: 1 MP`): sides multiples of 16, w·h ≈ 1024². */
const oneMegapixel = (a, b) => ({
  width: Math.max(16, Math.round((1024 * Math.sqrt(a / b)) / 16) * 16),
  height: Math.max(16, Math.round((1024 * Math.sqrt(b / a)) / 16) * 16),
});

/** Together's side snapping (TogetherImageProvider.ts l.336-341): nearest multiple of 8, at least 64. */
const togetherSide = (v) => Math.max(64, Math.round(Math.max(64, Math.round(v)) / 8) * 8);

/** Catalogue entry for a model name as the driver resolves it: id, alias or puterId, case-insensitive. */
function findModel(name) {
  const wanted = String(name ?? '')
    .trim()
    .toLowerCase();
  return CATALOGUE.find((m) => [m.id, m.puterId, ...m.aliases].some((id) => id?.toLowerCase() === wanted));
}

/** Microcents one image costs, by the catalogue entry's own rule (see the header). */
function costOf(model, width, height, inputs, scale) {
  const c = model.costs;
  let cents;
  if (model.billingScheme === 'megapixel') {
    const inputMp = inputs.reduce((sum, i) => sum + Math.ceil((i.width * i.height) / 1e6), 0);
    cents = (c.run ?? 0) + c.output_mp + (c.input_mp ?? 0) * inputMp;
  } else if (model.billingScheme === 'per-image') cents = c.output;
  else if (model.pricing_unit === 'per-image') cents = c['per-image'];
  // Together per-MP: of the snapped size made. (Puter multiplies the pixel pair as sent, before snapping,
  // TogetherImageProvider.ts l.141-148: at most 4 px a side apart, below 64 px more.)
  else return Math.round(c['1MP'] * width * height * scale); // cents × w·h/10⁶ MP × 10⁶ microcents
  return Math.round(cents * MICRO * scale);
}

/** Puter's errorHandler shape: status + {error, message, code, …fields}. */
const apiError = (req, res, status, message, code, fields = {}, headers = {}) =>
  send(req, res, status, { error: message, message, code, ...fields }, headers);

/** What the sign-in popups do until `_signin` says otherwise. */
const FIRST_SIGN_IN = { outcome: 'ok', username: 'demo-user', balance: START_BALANCE };

export function createPuterSimulator({ pendingMs = 1500 } = {}) {
  const accounts = new Map(); // token → { username, uuid, remaining, forced, unforced, usage: {total, byType} }
  // token → microcents deducted by generate calls, one charge per call (never changed by _account or balance=)
  const charges = createChargeBook();
  const faultCounter = createSegmentCounter(); // generate calls seen (times=<n>)
  const log = createRequestLog();
  let signin = FIRST_SIGN_IN;
  const testRoutes = createTestRoutes({
    base: '/sim/puter',
    log,
    charges: {
      book: charges,
      parameter: 'token',
      missing: { error: 'token required' },
      // Microcents: $1 = 100 cents = 10⁸ microcents.
      report: ({ units, count }) => ({ usd: decimal(units, 8), calls: count }),
    },
    forget: [accounts, faultCounter, () => (signin = FIRST_SIGN_IN)],
  });

  const account = (token, fresh = {}) => {
    let a = accounts.get(token);
    if (!a) {
      a = {
        username: fresh.username ?? 'sim-user',
        uuid: randomUUID(),
        remaining: fresh.balance ?? START_BALANCE,
        usage: { total: 0, byType: {} },
      };
      accounts.set(token, a);
    }
    return a;
  };
  const tokenOf = (req, body) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return (bearer ?? body?.auth_token ?? '').trim() || undefined;
  };

  async function generate(req, res, scenario, segment, entry) {
    const body = await readJson(req);
    const token = tokenOf(req, body);
    if (!token) return apiError(req, res, 401, 'Unauthorized', 'token_missing');
    if (!body || body.interface !== 'puter-image-generation' || body.method !== 'generate') {
      return apiError(req, res, 400, 'Only puter-image-generation::generate is simulated', 'bad_request');
    }
    const args = body.args ?? {};
    const model = findModel(args.model || 'black-forest-labs/flux-schnell');
    entry.model = model?.id ?? String(args.model);
    const fault = faultCounter.next(segment) <= Number(scenario.times ?? Infinity) ? scenario.fault : undefined;
    entry.fault = fault;
    if (fault === 'network') return dropConnection(req, res);
    if (fault === '401') return apiError(req, res, 401, 'Unauthorized', 'unauthorized');
    if (fault === 'token_auth_failed') return apiError(req, res, 401, 'Authentication failed', 'token_auth_failed');
    if (fault === '429')
      return apiError(req, res, 429, 'Too many requests', 'too_many_requests', {}, { 'Retry-After': '1' });
    if (fault === '500') return apiError(req, res, 500, 'Internal Server Error', 'internal_error');
    const a = account(token);
    if (typeof args.prompt !== 'string' || !args.prompt.trim())
      return apiError(req, res, 400, '`prompt` must be a non-empty string', 'bad_request');
    if (!model) return apiError(req, res, 400, `Model not found: ${args.model}`, 'bad_request');
    // The driver turns width/height into `ratio` (ImageGenerationDriver.ts l.220-246).
    const pair = args.ratio ?? (args.width != null ? { w: args.width, h: args.height } : { w: 1024, h: 1024 });
    let [width, height] = [Math.round(Number(pair.w)), Math.round(Number(pair.h))];
    // (Puter falls back to 1024×1024 here; the simulator refuses: stricter.)
    if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)))
      return apiError(req, res, 400, 'Image dimensions must be positive, finite numbers', 'bad_request');
    const list = Array.isArray(args.input_images) ? args.input_images.filter((x) => x != null) : [];
    const given = [args.input_image, ...list].filter((x) => x != null);
    entry.inputs = given.length;
    let refs;
    let refused; // Replicate's 422, answered once the credit check has passed, as on Puter
    if (model.provider === 'replicate-image-generation') {
      // Only `aspect_ratio: #toAspectRatio(ratio)` reaches Replicate (ReplicateImageGenerationProvider.ts l.228-231):
      // each side rounded, then reduced by the gcd (l.334-346). No shape expansion there.
      const g = gcd(width, height);
      const [a, b] = [width / g, height / g];
      entry.ratio = `${a}:${b}`;
      ({ width, height } = oneMegapixel(a, b));
      const limits = REPLICATE_LIMITS[model.id];
      if (limits?.maxInputs === 1) {
        // FLUX 1.1 [pro]: one `image_prompt`. Puter takes only input_image (l.119-129) and drops input_images
        // silently; more than one reference is refused here (stricter; message of inputImage.ts l.53-66).
        if (given.length > 1)
          return apiError(
            req,
            res,
            400,
            'Replicate supports only a single input image; pass one image via input_image or a single-element input_images.',
            'bad_request',
          );
        refs = args.input_image != null ? [args.input_image] : [];
      } else {
        // input_image + input_images all go to the model's image field (l.101-118); models without one ignore them.
        refs = model.imageInputKey ? given : [];
        if (limits && given.length > limits.maxInputs)
          return apiError(
            req,
            res,
            400,
            `Replicate accepts at most ${limits.maxInputs} input images for this model`,
            'bad_request',
          );
      }
      if (limits && !limits.ratios.includes(entry.ratio))
        refused = replicateRatioMessage(model, entry.ratio, limits.ratios);
    } else {
      // Together: width/height = the pair, snapped max(64, round(v/8)*8) (TogetherImageProvider.ts l.336-341).
      // A pair with both sides ≤ 32 is taken as a shape and scaled to about 1024² first (a simulator convention).
      if (Math.max(width, height) <= 32)
        [width, height] = [Math.round(1024 * Math.sqrt(width / height)), Math.round(1024 * Math.sqrt(height / width))];
      [width, height] = [togetherSide(width), togetherSide(height)];
      entry.ratio = `${width}x${height}`;
      // One reference: input_images with more than one element is refused; else input_image ?? input_images[0]
      // (TogetherImageProvider.ts l.94-101, inputImage.ts l.53-66).
      if (list.length > 1)
        return apiError(
          req,
          res,
          400,
          'Together AI supports only a single input image; pass one image via input_image or a single-element input_images.',
          'bad_request',
        );
      refs = given.slice(0, 1);
    }
    entry.used = refs.length;
    const inputs = refs.map(readBase64ImageSize);
    if (inputs.some((i) => !i)) return apiError(req, res, 400, 'Could not read the input image', 'bad_request');
    // Kontext needs a condition image (TogetherImageProvider.ts l.315-331; Puter's own words differ).
    if (model.requiresInputImage && !inputs.length)
      return apiError(req, res, 400, `${model.id} requires an input image`, 'bad_request');
    if (args.test_mode)
      return send(req, res, 200, {
        success: true,
        result: `data:image/png;base64,${encodePng(64, 64, 'sample').toString('base64')}`,
      });
    const cost = costOf(model, width, height, inputs, Number(scenario.scale ?? 1));
    if (fault === '402' || a.remaining < cost) {
      return apiError(
        req,
        res,
        402,
        'Insufficient credits for image generation',
        'insufficient_funds',
        {},
        { 'X-Needs-Upgrade': 'true' },
      );
    }
    // Replicate validates the input when the prediction is created: refused at once, nothing charged.
    if (refused) return apiError(req, res, 400, refused, 'upstream_bad_request', { upstreamStatus: 422 });
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model.id)));
    if (fault === 'upstream_bad_request') {
      return apiError(req, res, 400, 'unsupported parameter: output_megapixels', 'upstream_bad_request', {
        upstreamStatus: 422,
      });
    }
    if (fault === 'moderated') {
      return apiError(
        req,
        res,
        400,
        'Prompt or output was flagged by the safety filter (content moderation)',
        'upstream_bad_request',
        {
          upstreamStatus: 400,
        },
      );
    }
    a.remaining -= cost;
    const type = `${model.provider.split('-')[0]}:${model.id}:output`;
    const used = (a.usage.byType[type] ??= { cost: 0, count: 0, units: 0 });
    used.cost += cost;
    used.count++;
    used.units++;
    a.usage.total += cost;
    // A call still generating when the simulator was reset charges the account it began with, which is forgotten.
    if (accounts.get(token) === a) charges.charge(token, cost);
    if (acceptThenDrop(req, res, fault, entry)) return;
    const png = drawImage({ width, height, prompt: args.prompt, seed: seedFrom(args.seed) });
    send(req, res, 200, { success: true, result: `data:image/png;base64,${png.toString('base64')}` });
  }

  function usage(req, res, scenario) {
    const token = tokenOf(req);
    if (!token) return apiError(req, res, 401, 'Unauthorized', 'token_missing');
    const a = account(token);
    const charged = charges.total(token).units;
    if (scenario.balance !== undefined && a.forced !== scenario.balance) {
      a.unforced ??= { remaining: a.remaining, charged };
      a.forced = scenario.balance;
      a.remaining = Number(scenario.balance);
    } else if (scenario.balance === undefined && a.unforced) {
      // Leaving a forced balance: the account has what it had before, less what it spent meanwhile.
      a.remaining = a.unforced.remaining - (charged - a.unforced.charged);
      a.forced = a.unforced = undefined;
    }
    send(req, res, 200, {
      allowanceInfo: { monthUsageAllowance: START_BALANCE, remaining: a.remaining },
      appTotals: {
        'app-sim': { count: Object.values(a.usage.byType).reduce((n, u) => n + u.count, 0), total: a.usage.total },
      },
      usage: { total: a.usage.total, ...a.usage.byType },
    });
  }

  function whoami(req, res) {
    const token = tokenOf(req);
    if (!token) return apiError(req, res, 401, 'Unauthorized', 'token_missing');
    const a = account(token);
    send(req, res, 200, {
      uuid: a.uuid,
      username: a.username,
      email_confirmed: true,
      is_temp: false,
      requires_email_confirmation: false,
    });
  }

  /** The popup `puter.auth.signIn()` opens at `${PUTER_ORIGIN}/action/sign-in`. */
  function signInPage(req, res, url) {
    const token = `sim-${randomUUID()}`;
    const { outcome, username, balance } = signin;
    if (outcome === 'ok') account(token, { username, balance });
    const message = { msg: 'puter.token', msg_id: url.searchParams.get('msg_id'), success: true, token, username };
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Puter (simulated)</title></head>
<body style="font:16px system-ui;margin:2em"><p>${outcome === 'ok' ? `Signing you in to the simulated Puter as <b>${username.replace(/[<&"]/g, '')}</b>…` : 'Closing without signing in…'}</p>
<script>setTimeout(function () { ${outcome === 'ok' ? `if (window.opener) window.opener.postMessage(${JSON.stringify(message)}, '*');` : ''} window.close(); }, 250);</script></body></html>`;
    send(req, res, 200, html, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  /** The test and demo controls under /sim/puter/_…: the log, charges and reset (kit), accounts, sign-in popups. */
  async function control(req, res, url) {
    if (testRoutes.handle(req, res, url)) return;
    if (req.method !== 'POST') return send(req, res, 405, { error: 'Method Not Allowed' });
    const path = url.pathname;
    if (path === '/sim/puter/_account') {
      const { token, balance, username } = (await readJson(req)) ?? {};
      if (typeof token !== 'string' || !token) return send(req, res, 400, { error: 'token required' });
      const a = account(token, { username, balance });
      if (balance !== undefined) a.remaining = Number(balance);
      if (username !== undefined) a.username = username;
    } else if (path === '/sim/puter/_signin') signin = { ...signin, ...((await readJson(req)) ?? {}) };
    else return send(req, res, 404, { error: 'Not found' });
    send(req, res, 200, { ok: true });
  }

  /** Puter's API routes, under `/sim/puter` or `/sim/puter/s/{scenario}`. */
  async function api(req, res, path, entry) {
    const match = /^\/sim\/puter(?:\/s\/([^/]*))?(\/.*)?$/.exec(path);
    const segment = match?.[1] ?? '';
    const scenario = parseScenario(segment);
    const route = `${req.method} ${match?.[2] ?? '/'}`;
    if (route === 'POST /drivers/call') {
      entry.kind = 'generate';
      await generate(req, res, scenario, segment, entry);
    } else if (route === 'GET /metering/usage') {
      entry.kind = 'usage';
      usage(req, res, scenario);
    } else if (route === 'GET /whoami') {
      entry.kind = 'whoami';
      whoami(req, res);
    } else if (route === 'GET /puterai/image/models/details') {
      entry.kind = 'catalogue';
      if (scenario.catalogue === 'down')
        return apiError(req, res, 503, 'Service temporarily unavailable', 'db_unavailable');
      const scale = Number(scenario.scale ?? 1);
      const scaled = (costs) =>
        Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, Math.round(v * scale * 1e6) / 1e6]));
      send(req, res, 200, { models: CATALOGUE.map((m) => ({ ...m, costs: scaled(m.costs) })) });
    } else if (route === 'GET /puterai/image/models') {
      send(req, res, 200, { models: CATALOGUE.flatMap((m) => [m.id, m.puterId ?? []].flat()).sort() });
    } else if (route === 'POST /rao') send(req, res, 200, {});
    else apiError(req, res, 404, 'Not found', 'not_found');
  }

  return {
    /** Handles `/sim/puter/…` and the popup at `/action/sign-in`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const path = url.pathname;
      const popup = path === '/action/sign-in';
      if (!popup && !/^\/sim\/puter(\/|$)/.test(path)) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res);
        return true;
      }
      const entry = {
        method: req.method,
        path: path + url.search,
        kind: undefined,
        model: undefined,
        fault: undefined,
        at: Date.now(),
      };
      try {
        if (path.startsWith('/sim/puter/_')) await control(req, res, url);
        else {
          log.add(entry);
          if (popup) {
            entry.kind = 'signin';
            signInPage(req, res, url);
          } else await api(req, res, path, entry);
        }
      } catch (error) {
        if (!res.headersSent)
          apiError(
            req,
            res,
            error.status ?? 500,
            error.status === 413 ? 'Request body too large' : 'Internal Server Error',
            'internal_error',
          );
      }
      return true;
    },
  };
}
