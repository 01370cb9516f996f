// Simulator of the Puter API (https://api.puter.com) as the real `@heyputer/puter.js` SDK uses it for
// "user-pays" image generation. The SDK is pointed here with `PUTER_API_ORIGIN` = `{origin}/sim/puter`
// (optionally `/s/{scenario}`, see below) and `PUTER_ORIGIN` = `{origin}` (the page's own origin, which
// serves the sign-in popup). Wire facts follow puter.js 2.6 (src/lib/networkUtils.js, src/modules/Auth.js)
// and the Puter backend at HeyPuter/puter@8307e8c (src/backend/controllers/drivers/DriverController.ts,
// core/http/middleware/{errorHandler,gates}.ts, drivers/ai-image, drivers/util/aiLimits.ts, extensions/metering.ts);
// the catalogue and usage replies take the shapes of that backend's own replies, recorded in
// test/recorded/puter/ (test/replay/simulator-shapes.test.ts holds them to it).
//
// Routes (every reply answers CORS with the exact Origin and credentials allowed, and has a Content-Type):
//   POST {api}/drivers/call               body (text/plain;actually=json) {interface:'puter-image-generation',
//                                         method:'generate', args:{prompt, model, ratio:{w,h} | width+height,
//                                         input_image, input_images, test_mode}, auth_token}; Bearer token too.
//                                         → 200 {success:true, result, service:{name:'ai-image'}}, `result` the
//                                         model's own image URL as Puter passes it on (Replicate's replicate.delivery
//                                         files, Together's short links: ImageGenerationDriver.ts returns the
//                                         provider's URL; here on the OTHER loopback name, `/sim/puter-cdn/…`); the
//                                         cost is deducted from the account; errors as Puter's errorHandler renders
//                                         them: HTTP status + {error, message, code[, …fields]}.
//   GET  {api}/metering/usage             Bearer → {usage:{<usage type>:{units, cost, count}, total, allowanceUsed},
//                                         appTotals:{<the calling app>:{total, count}, others:{total, count}} (the
//                                         app the token names, puter-fs.mjs appOfCall; absent where it spent nothing;
//                                         `others` every other app's, `{}` for none; `{}` where no app spent anything
//                                         this month: MeteringService.ts getActorCurrentMonthUsageDetails), allowanceInfo:{remaining,
//                                         monthUsageAllowance, addons:{}}}: amounts in microcents ($0.01 = 1,000,000);
//                                         usage types named as Puter's drivers record them: `replicate:{model id}:
//                                         {run|output_mp|input_mp|output}` (ReplicateImageGenerationProvider.ts,
//                                         #recordUsage) and `{model id}:{1MP|per-image}` (TogetherImageProvider.ts)
//   GET  {api}/whoami                     Bearer → {uuid, username, email_confirmed, is_temp, …}
//   GET  {api}/puterai/image/models/details   no auth → {models:[…]}: the FLUX models of the recorded catalogue,
//                                         field for field, and the other families' (puter-families.mjs, from
//                                         Puter's source); costs in US cents; sorted by provider, then id
//   GET  {api}/puterai/image/models       no auth → {models:[ids]}
//   POST {api}/rao                        → {} (the SDK's "app opened" ping, sent only with sockets enabled)
//   GET  /sim/puter-cdn/{id}.png          the image of a generation (the model's file host): answers no CORS unless
//                                         the scenario says imageCors=1 (whether replicate.delivery does is not
//                                         documented: stricter); a Replicate file 403s an hour after it was made
//                                         (replicate.com/docs/topics/predictions/data-retention) or at once with
//                                         fault=expired-image
//   GET  /action/sign-in?msg_id=…         the sign-in popup on the GUI origin: posts {msg:'puter.token', msg_id,
//                                         success, token, username} to its opener and closes; the token an app-under-user JWT
//                                         whose `app_uid` is the opener's origin's app (puter-fs.mjs, appUidOfOrigin)
//   POST {api}/fs/…, GET {api}/read, POST {api}/delete, /mkdir, /stat, PUT /sim/puter-fs-upload/…, /sim/puter/_files
//                                         the user's files: puter-fs.mjs
//   GET  /sim/puter/_log                  requests received: [{method, path, kind, model, provider, fault, at}] (never
//                                         tokens; `provider` the one of Puter's providers the call resolved to);
//                                         generate calls also {ratio, inputs, used}: the ratio as sent on (Replicate
//                                         "w:h" reduced, Together "WxH" snapped; the other families' as their
//                                         providers pass it, and `quality` as used), the reference images received
//                                         (input_image + every input_images element), the fields they came in
//                                         (`imageFields`) and whether each was a data URI (`dataUris`), how many were
//                                         used, and
//                                         `refused: 429` when the account's concurrency cap turned it away;
//                                         fault=accept-then-drop also `dropped: true`
//   GET  /sim/puter/_charges?token=       what generate calls deducted from that token's account: {usd, calls}, usd
//                                         the exact decimal of its microcents in shortest form ('0.011'; '0' for none,
//                                         also for an unknown token), calls the number of charged calls; 400 without
//                                         `token`. Balances set by _account or balance= are not charges
//   POST /sim/puter/_reset                forget accounts (and their charges), counters and the log
//   POST /sim/puter/_account              {token, balance?(microcents), username?, plan?, spent?(microcents), app?}
//                                         create or change an account; `spent`: usage metered to it elsewhere (a
//                                         record `sim:elsewhere`, taken from its balance) as made by the app the
//                                         token names (appOfCall: another device of the user on this site), or `app`
//   POST /sim/puter/_signin               {outcome?:'ok'|'close', username?, balance?} what the next popups do
//   POST /sim/puter/_meter                {token} writes now the usage the meter holds for that token's account (see
//                                         meter=), as a batch written at this moment would
//
// Accounts: one per auth token, created on first use on the free plan with a $0.50 monthly allowance (50,000,000
// microcents) and the user name 'sim-user' (popup sign-ins: 'demo-user'). Generations cost what the catalogue says,
// by Puter's own rules: Replicate-served models `run + output_mp × 1 + input_mp × Σ⌈ref px / 10⁶⌉` (1 MP out; the
// `costs_go_fast` where `param_transforms` default `go_fast` to true, as FLUX.2 [dev]'s), per-image models their
// flat price, Together's per-MP models `1MP × w·h / 10⁶` of the pair as received (Puter bills it before snapping it,
// TogetherImageProvider.ts l.141-148) — in cents; the other families as their own providers bill them
// (puter-families.mjs: GPT Image and Gemini by tokens, the others per image or tier), with the images each takes and
// what it bills for them (puter-inputs.mjs). The cost is deducted once the generation time has passed and the
// call succeeded (even if the client has gone away by then); refused calls, test_mode and faults other than
// accept-then-drop deduct nothing. (Puter also meters the egress of every reply, `egress:bytes`, which this
// simulator does not: its balances move by the generations alone.) Puter writes usage late, in batches about every 5 s
// (HeyPuter/puter@8307e8c: the image providers call `incrementUsage` without awaiting it, OpenAiImageProvider.ts l.267,
// TogetherImageProvider.ts l.204); this simulator writes it at once unless the scenario says `meter=` or `meterMs=`.
//
// At most so many AI calls of one account run at once: 3 on the free plan, 2 on a temporary account (whoami
// `is_temp`), 20 on a paid one (AI_CONCURRENT, drivers/util/aiLimits.ts); one more is refused at once 429
// {code:'too_many_requests', message:'Too many concurrent requests.'} (DriverController.ts), which the SDK retries by
// itself for about 12 s before passing it on (RETRY_DELAYS_MS, networkUtils.js).
//
// Sizes and references as Puter passes them on (src/backend/drivers/ai-image/providers/):
//   Replicate models get only `aspect_ratio`: ratio {w,h} (or width/height) rounded per side and reduced by the
//   gcd to "w:h" (no shape expansion). FLUX.2 [dev]/[pro]/[klein] and FLUX 1.1 [pro] accept only 1:1, 16:9, 3:2,
//   2:3, 4:5, 5:4, 9:16, 3:4, 4:3 (anything else: 400 upstream_bad_request, upstreamStatus 422, Replicate's
//   message); the image is 1 MP at that ratio: w = 16·round(1024·√(a/b) / 16), h = 16·round(1024·√(b/a) / 16)
//   (16:9 → 1360×768). References: [klein] and [dev] at most 4, FLUX.2 [pro] at most 8, 1.1 [pro] one.
//   Together models get width/height: each side of the pair max(64, round(v / 8) · 8), a ratio such as {w: 16, h: 9}
//   taken as pixels as Puter takes it (64×64); one reference only (input_image wins over input_images[0]; more than one
//   input_images element: 400); Kontext [pro]/[max] need one.
//   The other families: as many images as each provider takes, billed as it bills them (puter-inputs.mjs).
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
//   fault=failed                  a failed or moderated Replicate prediction: the replicate client throws "Prediction
//                                 failed: …" with no HTTP status, so Puter answers 500 internal_error (errorHandler.ts);
//                                 nothing is charged (usage is recorded only after the model answered)
//   fault=email_confirmation_required | phone_verification_required | card_verification_required
//                                 403 with that code, as the account gates answer (gates.ts, assertVerifiedAccount)
//   fault=500                     500 internal_error
//   fault=network                 the connection drops without a reply
//   fault=accept-then-drop        the reply is lost after Puter charged: the generation runs and its cost is deducted
//                                 (usage, _charges), then the connection drops without a reply
//   fault=expired-image           the image URL answers 403 (a file its host no longer has)
//   times=<n>                     only the first n generate calls under this scenario fail (default: all)
//   pending=<ms>                  generation time (default: the simulator's pendingMs)
//   balance=<microcents>          set the caller's balance to this, once per account and value; a scenario
//                                 without it gives back the balance from before, less what was spent meanwhile
//   plan=free | temp | paid       the caller's account plan (default free): its concurrency cap, and whoami's is_temp
//   credits=<multiplier>          the deployment shows usage in credits: every amount of /metering/usage is scaled by
//                                 the multiplier (microcents × multiplier / 10⁸, toCredits) and `allowanceInfo.unit` is
//                                 'credits'; the multiplier itself is never sent (extensions/metering.ts)
//   scale=<factor>                every catalogue cost (and charge) × factor, to tell live prices from bundled
//   meter=batched                 usage written late, as Puter writes it: a successful call's cost and usage records
//                                 show in /metering/usage (and the balance it answers) only from the next batch, every
//                                 5 s of the simulator's clock (clock.mjs, `now=` included: on multiples of 5000 ms
//                                 since the epoch, as each request is answered); _charges says at once what was charged
//   meterMs=<ms>                  the same, a batch every <ms> (e.g. meterMs=300, for tests that wait on it)
//   meter=held                    usage written only when POST /sim/puter/_meter says (a meter that never catches up
//                                 by itself: a test decides the moment). Under any of these, the check for a 402 reads
//                                 the balance written so far; an account's held usage is written in the order its
//                                 calls finished, whichever scenario reads it (a call under no meter= writes its own
//                                 at once); not for use with balance= (which counts every charge as spent at once)
//   catalogue=down                the catalogue answers 503 (clients fall back to their bundled prices)
//   now=<ISO date or time>        the simulator's moment, which decides which upstream models still answer
//                                 (puter-families.mjs, `endedUpstream`: GPT Image 1.5 and 1 mini until 2026-12-01,
//                                 GPT Image 1 until 2026-10-23; Imagen and the Gemini `-preview` ids never); the
//                                 catalogue lists them all the same, as Puter's does; default the machine's clock
// Kinder than Puter, for tests of other things:
//   imageCors=1                   the image host answers CORS (a page can read and save the image)
//   result=data                   the image comes as a data: URL in the reply, as a model that sends base64 makes it
// Any other key (e.g. run=abc) is kept and only separates the counters of `times`.
import { simulatorNow } from './clock.mjs';
import { randomUUID } from 'node:crypto';
import {
  acceptThenDrop,
  baseUrl,
  decimal,
  dropConnection,
  otherHost,
  parseScenario,
  preflight,
  readJson,
  requestUrl,
  send,
  sleep,
} from './http.mjs';
import {
  createChargeBook,
  createImageCache,
  createRequestLog,
  createSegmentCounter,
  createTestRoutes,
  deliverImage,
  forModel,
  seedFrom,
} from './kit.mjs';
import { drawImage, encodePng, readBase64ImageSize } from './png.mjs';
import { FAMILY_CATALOGUE, familyCall, modelMap, resolveModel } from './puter-families.mjs';
import { familyImages, withImages } from './puter-inputs.mjs';
import { appOfCall, appToken, appUidOfOrigin, createPuterFiles } from './puter-fs.mjs';
import { createPuterKv } from './puter-kv.mjs';

const START_BALANCE = 50_000_000; // $0.50 in microcents
const MICRO = 1_000_000; // microcents per cent
/** How many AI calls run at once per plan (AI_CONCURRENT in HeyPuter/puter drivers/util/aiLimits.ts). */
const CONCURRENT = { free: 3, temp: 2, paid: 20 };
const HOUR = 3_600_000;

/** The recorded shape of a Replicate-served entry (test/recorded/puter/models-details.json). */
const replicate = (id, name, aliases, costs, billingScheme, extra = {}, params = {}) => ({
  id,
  replicateId: id,
  puterId: `replicate:${id}`,
  aliases,
  name,
  costs_currency: 'usd-cents',
  index_cost_key: billingScheme === 'megapixel' ? 'output_mp' : 'output',
  costs,
  ...extra,
  billingScheme,
  ...params,
  provider: 'replicate-image-generation',
});
/** The recorded shape of a Together-served entry (the real driver lower-cases every id while building its map). */
const together = (name, costs, pricing_unit) => ({
  id: `togetherai:${name}`.toLowerCase(),
  aliases: [name, name.split('/')[1]],
  costs_currency: 'usd-cents',
  index_cost_key: pricing_unit === 'per-MP' ? '1MP' : 'per-image',
  name,
  allowedQualityLevels: [''],
  pricing_unit,
  costs,
  provider: 'together-image-generation',
});
const ALIASES = { response_format: 'output_format' };

/** The FLUX models of Puter's image catalogue, as the backend lists them (see the header). */
const CATALOGUE = [
  replicate(
    'black-forest-labs/flux-1.1-pro',
    'FLUX 1.1 Pro',
    ['flux-1.1-pro'],
    { output: 4 },
    'per-image',
    {},
    {
      singleImageInputKey: 'image_prompt',
      allowed_params: ['seed', 'response_format', 'output_quality', 'safety_tolerance', 'prompt_upsampling'],
      param_aliases: ALIASES,
    },
  ),
  replicate(
    'black-forest-labs/flux-2-dev',
    'FLUX.2 Dev',
    ['flux-2-dev'],
    { input_mp: 1.4, output_mp: 1.4 },
    'megapixel',
    { costs_go_fast: { input_mp: 1.2, output_mp: 1.2 } },
    {
      imageInputKey: 'input_images',
      allowed_params: ['seed', 'response_format', 'output_quality', 'disable_safety_checker', 'go_fast'],
      param_aliases: ALIASES,
      param_transforms: { go_fast: { default: true } },
    },
  ),
  replicate(
    'black-forest-labs/flux-2-klein-4b',
    'FLUX.2 Klein 4B',
    ['flux-2-klein-4b'],
    { input_mp: 0.1, output_mp: 0.1 },
    'megapixel',
    {},
    {
      imageInputKey: 'images',
      allowed_params: ['seed', 'response_format', 'output_quality', 'disable_safety_checker', 'output_megapixels'],
      param_aliases: ALIASES,
    },
  ),
  replicate(
    'black-forest-labs/flux-2-klein-9b-base',
    'FLUX.2 Klein 9B',
    ['flux-2-klein-9b-base', 'flux-2-klein-9b'],
    { input_mp: 1.1, output_mp: 1.1 },
    'megapixel',
    {},
    {
      imageInputKey: 'images',
      allowed_params: [
        'seed',
        'guidance',
        'response_format',
        'output_quality',
        'disable_safety_checker',
        'output_megapixels',
      ],
      param_aliases: ALIASES,
    },
  ),
  replicate(
    'black-forest-labs/flux-2-pro',
    'FLUX.2 Pro',
    ['flux-2-pro'],
    { run: 1.5, input_mp: 1.5, output_mp: 1.5 },
    'megapixel',
    {},
    {
      imageInputKey: 'input_images',
      allowed_params: ['seed', 'response_format', 'output_quality', 'output_megapixels', 'safety_tolerance'],
      param_aliases: { ...ALIASES, output_megapixels: 'resolution' },
      param_transforms: { resolution: { suffix: ' MP' } },
    },
  ),
  replicate(
    'black-forest-labs/flux-schnell',
    'FLUX.1 Schnell',
    ['flux-schnell', 'flux-1-schnell'],
    { output: 0.3 },
    'per-image',
    {},
    {
      allowed_params: [
        'seed',
        'steps',
        'response_format',
        'output_quality',
        'disable_safety_checker',
        'output_megapixels',
      ],
      param_aliases: { ...ALIASES, steps: 'num_inference_steps', output_megapixels: 'megapixels' },
    },
  ),
  together('black-forest-labs/FLUX.1-kontext-max', { '1MP': 8 }, 'per-MP'),
  together('black-forest-labs/FLUX.1-kontext-pro', { '1MP': 4 }, 'per-MP'),
  together('black-forest-labs/FLUX.1-krea-dev', { '1MP': 2.5 }, 'per-MP'),
  together('black-forest-labs/FLUX.1-schnell', { '1MP': 0.27 }, 'per-MP'),
  together('black-forest-labs/FLUX.1.1-pro', { '1MP': 4 }, 'per-MP'),
  together('black-forest-labs/FLUX.2-dev', { 'per-image': 1.54 }, 'per-image'),
  together('black-forest-labs/FLUX.2-flex', { 'per-image': 3 }, 'per-image'),
  together('black-forest-labs/FLUX.2-max', { '1MP': 7 }, 'per-MP'),
  together('black-forest-labs/FLUX.2-pro', { 'per-image': 3 }, 'per-image'),
  // The other families (puter-families.mjs).
  ...FAMILY_CATALOGUE,
];
/** Every id and alias → its models, as Puter's driver maps them (puter-families.mjs, modelMap). */
const MODEL_MAP = modelMap(CATALOGUE);
const SORTED = [...CATALOGUE].sort((a, b) =>
  a.provider === b.provider ? a.id.localeCompare(b.id) : a.provider.localeCompare(b.provider),
);

/** gcd of two positive integers. */
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

// Replicate's input schema for these models (replicate.com/black-forest-labs/<model>/api/schema):
// `aspect_ratio` enum (without "custom"/"match_input_image", which Puter never sends) and the references taken.
const REPLICATE_RATIOS = ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'];
const REPLICATE_LIMITS = {
  'black-forest-labs/flux-2-pro': { ratios: REPLICATE_RATIOS, maxInputs: 8 }, // `input_images`, up to 8
  'black-forest-labs/flux-2-dev': { ratios: REPLICATE_RATIOS, maxInputs: 4 }, // `input_images`, "Maximum 4 images"
  'black-forest-labs/flux-2-klein-9b-base': { ratios: REPLICATE_RATIOS, maxInputs: 4 }, // `images`, up to 4
  'black-forest-labs/flux-2-klein-4b': { ratios: REPLICATE_RATIOS, maxInputs: 4 }, // `images`, up to 4
  'black-forest-labs/flux-1.1-pro': { ratios: REPLICATE_RATIOS, maxInputs: 1 }, // `image_prompt`, one image
};
/** Together models that need a condition image (CONDITION_IMAGE_MODELS, TogetherImageProvider.ts l.48-52). */
const CONDITION_IMAGE_MODELS = [
  'togetherai:black-forest-labs/flux.1-kontext-pro',
  'togetherai:black-forest-labs/flux.1-kontext-max',
];

/**
 * Replicate's reply to an aspect ratio outside its enum, as Puter passes it on: the replicate client's ApiError
 * message (replicate-javascript index.js: `Request to ${url} failed with status ${status} ${statusText}: ${body}.`)
 * becomes a 400 upstream_bad_request with `upstreamStatus` (DriverController.ts, translateProviderError).
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

/**
 * Catalogue entry for a model name as the driver resolves it: id, alias or puterId, case-insensitive; of `provider`
 * where the name is shared, else (or where that provider has none) the first registered (#resolveModel).
 */
const findModel = (name, provider) => resolveModel(MODEL_MAP, name, provider);

/**
 * The usage one image records, `[usage type, units, microcents]` each, by the catalogue entry's own rule (see the
 * header): what Puter's drivers pass to the metering service.
 */
function usageOf(model, pair, inputs, scale) {
  const micro = (cents) => Math.round(cents * MICRO * scale);
  if (model.provider === 'together-image-generation') {
    if (model.pricing_unit === 'per-image') return [[`${model.id}:per-image`, 1, micro(model.costs['per-image'])]];
    const mp = (pair.w * pair.h) / 1e6;
    return [[`${model.id}:1MP`, mp, micro(model.costs['1MP'] * mp)]];
  }
  const prefix = `replicate:${model.id}`;
  // #resolveCosts: the fast costs where `go_fast` is on, which param_transforms default to true for [dev].
  const c = model.param_transforms?.go_fast?.default ? model.costs_go_fast : model.costs;
  if (model.billingScheme === 'per-image') return [[`${prefix}:output`, 1, micro(c.output)]];
  const inputMp = inputs.reduce((sum, i) => sum + Math.ceil((i.width * i.height) / 1e6), 0);
  return [
    ['run', 1, c.run ?? 0],
    ['output_mp', 1, c.output_mp],
    ['input_mp', inputMp, (c.input_mp ?? 0) * inputMp],
  ]
    .filter(([, units, cents]) => units > 0 && cents > 0)
    .map(([key, units, cents]) => [`${prefix}:${key}`, units, micro(cents)]);
}

/** Puter's errorHandler shape: status + {error, message, code, …fields}. */
const apiError = (req, res, status, message, code, fields = {}, headers = {}) =>
  send(req, res, status, { error: message, message, code, ...fields }, headers);

/** The account gates' answers (gates.ts, assertVerifiedAccount): 403 with the gate's code. */
const GATES = {
  email_confirmation_required: 'Please confirm your email to continue',
  phone_verification_required: 'Please verify your phone number to continue',
  card_verification_required: 'Please verify your card to continue',
};

/**
 * The usage reply of a deployment that shows credits (HeyPuter/puter extensions/metering.ts, handleMeteringUsage): every monetary
 * field scaled by toCredits (microcents × multiplier / 10⁸, services/metering/utils.ts), counts and units as they
 * are, `allowanceInfo.unit: 'credits'`, and the multiplier not sent.
 */
export function inCredits({ usage: byType, appTotals, allowanceInfo }, multiplier) {
  const toCredits = (microcents) => (microcents * multiplier) / 100_000_000;
  const scaled = {};
  for (const [key, value] of Object.entries(byType))
    scaled[key] = typeof value === 'number' ? toCredits(value) : { ...value, cost: toCredits(value.cost) };
  return {
    usage: scaled,
    appTotals: Object.fromEntries(
      Object.entries(appTotals).map(([app, totals]) => [app, { ...totals, total: toCredits(totals.total) }]),
    ),
    allowanceInfo: {
      ...allowanceInfo,
      remaining: toCredits(allowanceInfo.remaining),
      monthUsageAllowance: toCredits(allowanceInfo.monthUsageAllowance),
      unit: 'credits',
    },
  };
}

/**
 * When the meter writes a call's usage under `scenario` (meter=batched, meterMs=<ms>, meter=held): a function of the
 * moment it was recorded (ms) giving the moment of the next batch (Infinity: when `_meter` says); undefined: at once.
 */
function batchOf(scenario) {
  if (scenario.meter === 'held') return () => Infinity;
  const every = scenario.meter === 'batched' ? 5000 : Number(scenario.meterMs);
  if (!(every > 0)) return undefined;
  return (at) => (Math.floor(at / every) + 1) * every;
}

/**
 * Writes one call's usage to its account's meter: its balance, usage records and the month's total of the app it was
 * made as (`app`: puter-fs.mjs appOfCall), counted as Puter counts it, one per usage record
 * (`${appId}.count: usages.length`; MeteringService.ts, batchIncrementUsages, at 8307e8c).
 */
function write(a, usage, cost, app) {
  a.remaining -= cost;
  for (const [type, units, micro] of usage) {
    const used = (a.usage[type] ??= { units: 0, cost: 0, count: 0 });
    used.units += units;
    used.cost += micro;
    used.count++;
  }
  const totals = (a.apps[app] ??= { total: 0, count: 0 });
  totals.total += cost;
  totals.count += usage.length;
}

/**
 * `appTotals` as Puter answers an app's token (MeteringService.ts getActorCurrentMonthUsageDetails, at 8307e8c): the
 * calling app's totals (absent where it spent nothing) and every other app's summed under `others` (`{}` for none);
 * `{}` where no app spent anything this month. Every simulated call is an app's (appOfCall).
 */
function appTotalsFor(apps, app) {
  if (!Object.keys(apps).length) return {};
  const others = {};
  for (const [name, totals] of Object.entries(apps))
    if (name !== app)
      for (const [field, amount] of Object.entries(totals)) others[field] = (others[field] ?? 0) + amount;
  return { ...(apps[app] && { [app]: { ...apps[app] } }), others };
}

/** Writes what the meter held of `a` until `now` (ms; Infinity: all of it), in the order its calls finished. */
function writeHeld(a, now) {
  while (a.held.length && a.held[0].due <= now) {
    const { usage, cost, app } = a.held.shift();
    write(a, usage, cost, app);
  }
}

/** What the sign-in popups do until `_signin` says otherwise. */
const FIRST_SIGN_IN = { outcome: 'ok', username: 'demo-user', balance: START_BALANCE };

export function createPuterSimulator({ pendingMs = 1500 } = {}) {
  // token → { username, uuid, plan, remaining, running, forced, unforced, usage: {<type>: {units, cost, count}} }
  const accounts = new Map();
  // token → microcents deducted by generate calls, one charge per call (never changed by _account or balance=)
  const charges = createChargeBook();
  const faultCounter = createSegmentCounter(); // generate calls seen (times=<n>)
  const log = createRequestLog();
  const made = new Map(); // image id → { width, height, prompt, seed, at, cors, expired, replicate }, the 200 latest
  const images = createImageCache(8);
  let signin = FIRST_SIGN_IN;
  // The key-value store (puter-kv.mjs): one per user name and site, so two tokens of one user share it.
  const kv = createPuterKv({
    userOf: (token) => account(token).username,
    hasCredits: (token) => account(token).remaining > 0,
    apiError,
  });
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
    forget: [accounts, faultCounter, made, images, () => (signin = FIRST_SIGN_IN), () => files.forget(), ...kv.forget],
  });

  const account = (token, fresh = {}) => {
    let a = accounts.get(token);
    if (!a) {
      a = {
        username: fresh.username ?? 'sim-user',
        uuid: randomUUID(),
        plan: 'free',
        remaining: fresh.balance ?? START_BALANCE,
        running: 0,
        usage: {},
        apps: {}, // app uid → {total, count}: the month's totals of each app the account's calls were made as
        held: [], // what the meter has not written yet (meter=, meterMs=): [{usage, cost, due}], oldest first
      };
      accounts.set(token, a);
    }
    return a;
  };
  const tokenOf = (req, body) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return (bearer ?? body?.auth_token ?? '').trim() || undefined;
  };
  const files = createPuterFiles({ accountOf: (token) => account(token), tokenOf }); // the user's files: puter-fs.mjs

  async function generate(req, res, scenario, segment, entry) {
    const body = await readJson(req);
    const token = tokenOf(req, body);
    if (!token) return apiError(req, res, 401, 'Missing authentication token', 'token_missing');
    if (body?.interface === 'puter-kvstore') return kv.call(req, res, body, token, entry);
    if (!body || body.interface !== 'puter-image-generation' || body.method !== 'generate') {
      return apiError(req, res, 400, 'Only puter-image-generation::generate is simulated', 'bad_request');
    }
    const args = body.args ?? {};
    const model = findModel(args.model || 'black-forest-labs/flux-schnell', args.provider);
    entry.provider = model?.provider;
    entry.model = model?.id ?? String(args.model);
    const fault = faultCounter.next(segment) <= Number(scenario.times ?? Infinity) ? scenario.fault : undefined;
    entry.fault = fault;
    if (fault === 'network') return dropConnection(req, res);
    if (fault === '401') return apiError(req, res, 401, 'Unauthorized', 'unauthorized');
    if (fault === 'token_auth_failed') return apiError(req, res, 401, 'Authentication failed', 'token_auth_failed');
    if (GATES[fault]) return apiError(req, res, 403, GATES[fault], fault);
    if (fault === '429')
      return apiError(req, res, 429, 'Too many requests.', 'too_many_requests', {}, { 'Retry-After': '1' });
    if (fault === '500') return apiError(req, res, 500, 'Internal Server Error', 'internal_error');
    const a = account(token);
    if (scenario.plan) a.plan = scenario.plan;
    // The concurrency cap is checked before the driver runs (DriverController.ts, acquireDriverConcurrent).
    if (a.running >= (CONCURRENT[a.plan] ?? CONCURRENT.free)) {
      entry.refused = 429;
      return apiError(req, res, 429, 'Too many concurrent requests.', 'too_many_requests');
    }
    a.running++;
    try {
      await run(req, res, scenario, entry, args, model, fault, token, a);
    } finally {
      a.running--;
    }
  }

  async function run(req, res, scenario, entry, args, model, fault, token, a) {
    if (typeof args.prompt !== 'string' || !args.prompt.trim())
      return apiError(req, res, 400, '`prompt` must be a non-empty string', 'bad_request');
    if (!model) return apiError(req, res, 400, `Model not found: ${args.model}`, 'bad_request');
    // The driver turns width/height into `ratio` (ImageGenerationDriver.ts, #normalizeRatio).
    const pair = args.ratio ?? (args.width != null ? { w: args.width, h: args.height } : { w: 1024, h: 1024 });
    let [width, height] = [Math.round(Number(pair.w)), Math.round(Number(pair.h))];
    // (Puter falls back to 1024×1024 here; the simulator refuses: stricter.)
    if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)))
      return apiError(req, res, 400, 'Image dimensions must be positive, finite numbers', 'bad_request');
    const list = Array.isArray(args.input_images) ? args.input_images.filter((x) => x != null) : [];
    const given = [args.input_image, ...list].filter((x) => x != null);
    entry.inputs = given.length;
    // How the images came: in which of Puter's fields, and whether each was a data URI (src/docs/src/AI/txt2img.md).
    entry.imageFields = ['input_image', 'input_images'].filter((field) => args[field] != null);
    entry.dataUris = given.every((each) => typeof each === 'string' && each.startsWith('data:image/'));
    let refs;
    let refused; // Replicate's 422, answered once the credit check has passed, as on Puter
    const replicated = model.provider === 'replicate-image-generation';
    const now = simulatorNow(scenario); // the simulators' moment (clock.mjs: `now=`, TEST_NOW)
    const family = familyCall(model, { ...args, ratio: pair }, Number(scenario.scale ?? 1), now);
    if (family) {
      if (family.error) return apiError(req, res, ...family.error);
      ({ width, height } = family);
      Object.assign(entry, { ratio: family.ratio, quality: family.quality ?? null });
      // As many images as the family's provider takes (puter-inputs.mjs).
      const taken = familyImages(model, args);
      if (taken.error) return apiError(req, res, ...taken.error);
      refs = taken.images;
    } else if (replicated) {
      // Only `aspect_ratio: #toAspectRatio(ratio)` reaches Replicate (ReplicateImageGenerationProvider.ts,
      // #buildRequest): each side rounded, then reduced by the gcd. No shape expansion there.
      const g = gcd(width, height);
      const [a1, b1] = [width / g, height / g];
      entry.ratio = `${a1}:${b1}`;
      ({ width, height } = oneMegapixel(a1, b1));
      const limits = REPLICATE_LIMITS[model.id];
      if (model.singleImageInputKey) {
        // FLUX 1.1 [pro]: one `image_prompt`. Puter takes only input_image and drops input_images silently; more
        // than one reference is refused here (stricter; message of inputImage.ts resolveSingleInputImage).
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
        // input_image + input_images all go to the model's image field; models without one ignore them.
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
      // Together: width/height = the pair, snapped max(64, round(v/8)*8) (TogetherImageProvider.ts l.336-341);
      // billed on the pair as received (see usageOf).
      [width, height] = [togetherSide(width), togetherSide(height)];
      entry.ratio = `${width}x${height}`;
      // One reference: input_images with more than one element is refused; else input_image ?? input_images[0]
      // (TogetherImageProvider.ts generate, inputImage.ts resolveSingleInputImage).
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
    if (CONDITION_IMAGE_MODELS.includes(model.id) && !inputs.length)
      return apiError(
        req,
        res,
        400,
        `Model ${model.id.replace('togetherai:', '')} requires an image_url or image_base64 input`,
        'bad_request',
      );
    if (args.test_mode)
      return send(req, res, 200, {
        success: true,
        result: `data:image/png;base64,${encodePng(64, 64, 'sample').toString('base64')}`,
        service: { name: 'ai-image' },
      });
    const scale = Number(scenario.scale ?? 1);
    const usage = family ? withImages(model, family.usage, inputs, scale) : usageOf(model, pair, inputs, scale);
    const cost = usage.reduce((sum, [, , micro]) => sum + micro, 0);
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
    if (fault === 'failed') return apiError(req, res, 500, 'Internal Server Error', 'internal_error');
    const written = batchOf(scenario);
    const app = appOfCall(token, req.headers.origin ?? baseUrl(req));
    if (written) a.held.push({ usage, cost, app, due: written(simulatorNow(scenario)) });
    else write(a, usage, cost, app);
    // A call still generating when the simulator was reset charges the account it began with, which is forgotten.
    if (accounts.get(token) === a) charges.charge(token, cost);
    if (acceptThenDrop(req, res, fault, entry)) return;
    const image = { width, height, prompt: args.prompt, seed: seedFrom(args.seed) };
    let result;
    if (scenario.result === 'data' || family?.data)
      result = `data:image/png;base64,${drawImage(image).toString('base64')}`;
    else {
      const id = randomUUID();
      made.set(id, {
        ...image,
        at: Date.now(),
        cors: scenario.imageCors === '1',
        expired: fault === 'expired-image',
        replicate: replicated,
      });
      if (made.size > 200) made.delete(made.keys().next().value);
      result = `${baseUrl(req, otherHost(req.headers.host))}/sim/puter-cdn/${id}.png`;
    }
    send(req, res, 200, { success: true, result, service: { name: 'ai-image' } });
  }

  /** The model's file host: a generation's image; 403 once gone (an hour for Replicate's, or fault=expired-image). */
  function deliver(req, res, id) {
    const image = made.get(id);
    req.withoutCors = !image?.cors;
    const refusal = () =>
      !image || image.expired || (image.replicate && Date.now() > image.at + HOUR)
        ? {
            status: 403,
            xml: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
          }
        : undefined;
    return deliverImage(req, res, {
      refusal,
      image: () => images.image(id, image),
      cacheControl: 'public, max-age=3600',
    });
  }

  function usage(req, res, scenario) {
    const token = tokenOf(req);
    if (!token) return apiError(req, res, 401, 'Authentication required', 'token_missing');
    const a = account(token);
    writeHeld(a, simulatorNow(scenario));
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
    const total = Object.values(a.usage).reduce((sum, record) => sum + record.cost, 0);
    const reply = {
      usage: { ...a.usage, total, allowanceUsed: total },
      appTotals: appTotalsFor(a.apps, appOfCall(token, req.headers.origin ?? baseUrl(req))),
      allowanceInfo: { remaining: a.remaining, monthUsageAllowance: START_BALANCE, addons: {} },
    };
    const multiplier = Number(scenario.credits);
    send(req, res, 200, multiplier > 0 ? inCredits(reply, multiplier) : reply);
  }

  function whoami(req, res, scenario) {
    const token = tokenOf(req);
    if (!token) return apiError(req, res, 401, 'Authentication required', 'token_missing');
    const a = account(token);
    if (scenario.plan) a.plan = scenario.plan;
    send(req, res, 200, {
      uuid: a.uuid,
      username: a.username,
      email_confirmed: true,
      is_temp: a.plan === 'temp',
      requires_email_confirmation: false,
    });
  }

  /** The popup `puter.auth.signIn()` opens at `${PUTER_ORIGIN}/action/sign-in`. */
  function signInPage(req, res, url) {
    // An app-under-user token for the page that opened the popup, as Puter's sign-in gives a website (puter-fs.mjs).
    const token = appToken(appUidOfOrigin(new URL(req.headers.referer ?? baseUrl(req)).origin));
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
    if (testRoutes.handle(req, res, url) || (await kv.control(req, res, url.pathname))) return;
    if (req.method !== 'POST') return send(req, res, 405, { error: 'Method Not Allowed' });
    const path = url.pathname;
    if (path === '/sim/puter/_account') {
      const { token, balance, username, plan, spent, app } = (await readJson(req)) ?? {};
      if (typeof token !== 'string' || !token) return send(req, res, 400, { error: 'token required' });
      const a = account(token, { username, balance });
      if (balance !== undefined) a.remaining = Number(balance);
      // Spend metered to the account elsewhere (another device of the user on this site, or the app `app` names).
      if (Number(spent) > 0)
        write(
          a,
          [['sim:elsewhere', 1, Number(spent)]],
          Number(spent),
          app ?? appOfCall(token, req.headers.origin ?? baseUrl(req)),
        );
      if (username !== undefined) a.username = username;
      if (plan !== undefined) a.plan = plan;
    } else if (path === '/sim/puter/_signin') signin = { ...signin, ...((await readJson(req)) ?? {}) };
    else if (path === '/sim/puter/_meter') {
      const { token } = (await readJson(req)) ?? {};
      if (typeof token !== 'string' || !token) return send(req, res, 400, { error: 'token required' });
      writeHeld(account(token), Infinity);
    } else return send(req, res, 404, { error: 'Not found' });
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
      whoami(req, res, scenario);
    } else if (route === 'GET /puterai/image/models/details') {
      entry.kind = 'catalogue';
      if (scenario.catalogue === 'down')
        return apiError(req, res, 503, 'Service temporarily unavailable', 'db_unavailable');
      const scale = Number(scenario.scale ?? 1);
      const scaled = (costs) =>
        costs && Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, Math.round(v * scale * 1e6) / 1e6]));
      send(req, res, 200, {
        // Sorted by provider, then id, as the driver lists them (ImageGenerationDriver.ts, models).
        models: SORTED.map((m) => ({
          ...m,
          costs: scaled(m.costs),
          ...(m.costs_go_fast ? { costs_go_fast: scaled(m.costs_go_fast) } : {}),
        })),
      });
    } else if (route === 'GET /puterai/image/models') {
      send(req, res, 200, { models: CATALOGUE.flatMap((m) => [m.id, m.puterId ?? []].flat()).sort() });
    } else if (route === 'POST /rao') send(req, res, 200, {});
    else apiError(req, res, 404, 'Not found', 'not_found');
  }

  return {
    /** Handles `/sim/puter/…`, `/sim/puter-cdn/…` and the popup at `/action/sign-in`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      if (await files.handle(req, res, url)) return true;
      const path = url.pathname;
      const popup = path === '/action/sign-in';
      const cdn = /^\/sim\/puter-cdn\/([\w-]+)\.png$/.exec(path);
      if (cdn) {
        await deliver(req, res, cdn[1]);
        return true;
      }
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
