// Simulator of the Black Forest Labs API (https://api.bfl.ai, schema: BFL's OpenAPI, https://api.bfl.ai/openapi.json).
//
// Routes (every reply has a Content-Type). CORS as BFL answers it: the API (submit, get_result, credits) answers
// CORS, preflights included, unless the scenario says cors=none (whether api.bfl.ai answers a preflight is not
// documented); the delivery host answers NO CORS, as BFL's integration guide says of result.sample
// (docs.bfl.ai/api_integration/integration_guidelines, "Content Delivery and Storage Guidelines": delivery URLs
// are not meant to be served to end users directly) — a page can show the image (<img>) but not read its bytes.
// deliveryCors=1 makes the delivery host answer CORS (tests of other things that need the bytes). The test-only
// routes (_log, _charges, _reset) always answer CORS.
//   POST /sim/bfl/v1/{model}           header x-key, JSON body → {id, polling_url, cost, input_mp, output_mp}
//   POST /sim/bfl/v1/flux-tools/erase-v1   FLUX Erase, the same way (below)
//   POST /sim/bfl/v1/flux-tools/outpainting-v1   FLUX Outpainting, the same way (below)
//   GET  /sim/bfl/v1/get_result?id=    no key needed → {id, status, result, progress, details, preview} with
//                                      Retry-After: 0 or 1
//   GET  /sim/bfl/v1/credits           header x-key → {credits} (every new key starts with 1000; 'sim-empty' has 0)
//   GET  /sim/delivery/{id}.png?se=&sig=   the signed image URL (result.sample); 403 once expired or if tampered
//   GET  /sim/bfl/_log                 the requests received: [{method, path, host, origin, hasKey, hasAuthorization, id, at}];
//                                      submits also `inputs`: [[w, h] | null, …] the reference images received, in field order;
//                                      `fields`: the body's field names, sorted; with a `mask` (Fill, Erase), `mask`: its
//                                      [w, h] as received, or null where it is not a PNG;
//                                      fault=hang: `hung: true`, then `closedAt` (ms) once the client's socket closed;
//                                      fault=redirect: the 307 `redirectedTo` (its Location), the target `redirected: true`;
//                                      fault=accept-then-drop: `dropped: true` and the task's `id`
//   GET  /sim/bfl/_ready?id=           for the bench: {readyAt} (ms since the epoch) of a task; 404 for another
//   GET  /sim/bfl/_charges?key=        what the simulator debited that key: {credits, usd, tasks}: credits and usd
//                                      (= credits × 0.01) as exact decimal strings in shortest form ('4.5', '0.045';
//                                      '0' for none), tasks the number of tasks debited; 400 without `key`
//   POST /sim/bfl/_reset               forget tasks, accounts, charges, counters and the log
//   POST /sim/bfl/_release?hold=       the tasks held under that name (scenario `hold=`) are ready from now on (or at
//                                      their pending time, if that is later): {released: n}, the number let go
//
// As recorded (test/recorded/bfl-flux-2-{pro,max}.json, real api.bfl.ai tasks): every Pending poll says
// `progress: null` (74 and 172 polls), every poll reply carries `details` and `preview` (null) and a `Retry-After`
// of 0 or 1 (runs of about half a second each, as the recorded ~10 polls a second show), a Ready reply's `result`
// is {start_time, prompt, seed, sample} with `progress: null`; a key BFL does not know is refused 403
// {"detail":"Not authenticated - Invalid Authentication"} (the key `sim-bad` here).
//
// The polling_url and result.sample point at the OTHER loopback name of the same server
// (localhost ↔ 127.0.0.1), as BFL's regional polling and delivery hosts differ from api.bfl.ai:
// a client must follow them cross-origin and must not send its key there.
//
// Credits: a key is debited the task's cost (kept in hundredths, exact) when its submit is accepted (the 200
// reply, or fault=accept-then-drop), and nothing is ever refunded, whatever the task does later (Request or
// Content Moderated, Error, Task not found, never ready, an expired or insecure sample). Submits refused or
// faulted before acceptance (401/403/402/404/422/429/500, network, 502/503, hang, bad-json, html, the 307 of
// redirect) debit nothing; the target of a redirect is a submit like any other.
//
// Dropped connections (fault=network, fault=accept-then-drop) close after one stray byte and no reply (http.mjs
// dropConnection): Chromium then fails the request at once instead of resending it by itself on another connection,
// so one client call reaches the simulator once and is charged at most once (plain http on port 80: see there).
//
// Scenarios: insert `/s/{scenario}` after `/sim/bfl`, e.g. `/sim/bfl/s/fault=429;retryAfter=2/v1/flux-2-pro`.
// The scenario is `;`-separated `key=value`; the polling_url carries it, so poll-time faults work.
// Any other key (e.g. run=abc) is kept and only separates scenarios (and the submit counters of `times`).
//   fault=401 | 403               key rejected at submit ({detail}, as BFL refuses a bad key)
//   fault=402                     insufficient credits at submit
//   fault=422                     validation error at submit ({detail:[{loc,msg,type}]}); message=<text> sets msg;
//                                 echo=whole|cut|split|spaced: msg quotes the x-key it received, as a server that
//                                 logs or checks keys may (whole; cut short; split by ': '; split by a space);
//                                 echo=pieces;every=<n>;by=<separator>: as a hostile server may, the whole key in
//                                 pieces of n characters (default 5) joined by space | newline | zwsp | zwnj | zwj |
//                                 word-joiner | bom | soft-hyphen (U+200B–U+200D, U+2060, U+FEFF, U+00AD) | tag
//                                 (`<b></b>`) | reference (`&#98;`) | hex-reference (`&#x200B;`) (kit.mjs keyInPieces);
//                                 echo=capitals-dots | lower-dashes | base64 | hex: as a hostile server (or one that
//                                 normalises what it logs) may, the key transformed: in capitals cut into pieces of n
//                                 characters (default 3) joined by dots; in lower case joined by dashes; the UTF-8
//                                 bytes of `x-key: <key>` as base64; the key's bytes as hex (kit.mjs keyTransformed).
//                                 No BFL document says BFL echoes a key at all: this is the stricter reading
//                                 detail=<JSON>: the reply's `detail` as given (URL-encoded), of whatever shape
//                                 (URL-encoded; e.g. markup, to check that a client renders provider text as text)
//   fault=429                     too many active tasks at submit, with Retry-After (retryAfter=<s>, default 1)
//   fault=500                     internal server error at submit
//   fault=network                 the connection drops without a reply (at submit)
//   fault=502                     502 {detail:'Bad Gateway'} at submit (before the key is checked)
//   fault=503                     503 {detail:'Service Unavailable'} at submit; Retry-After only with retryAfter=<s>
//   fault=hang                    the submit (body read) is held open and never answered; when the client's socket
//                                 closes (it gave up) the response is ended; no timers; nothing created or debited
//   fault=bad-json                200 with Content-Type application/json and the body `{"id": "` (not JSON);
//                                 nothing created or debited
//   fault=wrong-shape             the task is accepted and debited, and the 200 reply is JSON of another shape
//                                 (`{"id": 42, "polling_url": ["…"], "cost": "1.4"}`): as a proxy that rewrote it may
//   fault=html                    a CDN/proxy HTML error page (Content-Type text/html), status 502 or status=<n>
//                                 (200–599); nothing created or debited
//   fault=redirect                307 to the same path and query on the OTHER loopback name, with `redirected=1`
//                                 added; that target is served as a normal submit (no second redirect) and its _log
//                                 entry's `hasKey` tells whether the x-key header followed the redirect
//   fault=accept-then-reset       as accept-then-drop, but the connection is reset without a byte (a proxy in front
//                                 of BFL): the browser resends the POST by itself, and each copy is a task charged
//   fault=accept-then-drop        the reply is lost after BFL accepted: the task is created and the credits debited,
//                                 then the connection drops without a reply. The task can be found only by its id
//                                 (get_result), which was never sent; _log and _charges show it
//   fault=request-moderated       polls answer 'Request Moderated' (from the first poll)
//   fault=content-moderated       polls answer 'Content Moderated' once the task would be ready
//   fault=error                   polls answer 'Error' once the task would be ready
//   fault=task-not-found          polls answer 'Task not found'
//   fault=never-ready             polls answer 'Pending' forever (no progress)
//   fault=expired-delivery        result.sample has already expired (the image URL answers 403)
//   fault=insecure-sample         result.sample is a plain-http URL on a non-loopback host
//   fault=broken-image            the delivery host answers 200 image/png with the first half of the PNG (its
//                                 signature and header, not its pixels): a file no browser can open
//   at=poll                       with fault=401|403|429|500|network|502|503|hang|bad-json|html|redirect: the fault
//                                 hits polls instead of the submit (the submit is accepted normally). bad-json: the
//                                 poll answers `{"id": "<id>", "status": "Pen`; hang: the poll is held open; redirect:
//                                 the polling_url answers 307 to the same URL on the other loopback name (+ redirected=1),
//                                 and that target answers the poll normally and is not counted as a poll
//   times=<n>                     with at=poll: only the first n polls of each task fail (default: all); without at=poll,
//                                 only the first n submits under this scenario segment get a fault answered at submit
//                                 (401 … accept-then-drop above; redirect targets are not counted)
//   failAfter=<n>                 poll-status faults fire from poll n+1 on instead of at ready time
//   pending=<ms>[,<ms>…]          Pending time of the task (default: the simulator's pendingMs); with a list, the
//                                 nth submit under this scenario segment waits the nth time (the last one after)
//   queue=<ms>                    first part of the Pending time spent queued (default 0)
//   hold=<name>                   the task stays Pending past its pending time until the test releases it (POST
//                                 _release?hold=<name>): a state a test must see while the task is under way lasts
//                                 until it has been seen, however slow the machine running the test
//   running=<word>[,<word>…]      what Pending polls say instead after the task's queued part, in turn, one poll each
//                                 (the last until it is ready), and the task is not Ready before each was said once:
//                                 by polls, never by the time between them. `running=Reasoning,Generating`, as FLUX 3
//                                 tasks report (vercel/ai's BFL provider, @ai-sdk/black-forest-labs 2.0.55)
//   progress=moving               report rising progress (0–1) after the queued part, as BFL's schema allows but no
//                                 recorded FLUX.2 task does (kinder than BFL: a client can show a percentage); the
//                                 figure follows the task's pending time (what a client extrapolates when it will be
//                                 ready from), and the task is not Ready before one poll under way has said one
//   progress=<number>             every Pending poll after the queued part says this progress, whatever it is (a
//                                 broken or hostile reply: 1e308, -5), where BFL's schema says 0–1
//   status=<JSON>                 every poll reply's `status` as given (URL-encoded), of whatever shape (`{"a": 1}`)
//   sample=<URL>                  a Ready reply's result.sample as given (URL-encoded): `javascript:…`,
//                                 `data:text/html,…`, a plain-http address
//   pollWait=none | <s>           no Retry-After on polls, or always <s> (kinder than BFL's 0 or 1)
//   cost=null | <number>          the submit reply's `cost` as given: `null` (as BFL's schema allows, and FLUX.1
//                                 [dev] answers), or a float such as 7.000000000000001 (as the recorded [max] task);
//                                 the key is still debited the real cost
//   samehost=1                    polling_url and sample on the same host as the submit
//   cors=none                     the API answers no CORS: preflights get 405 without CORS headers, replies none
//   deliveryCors=1                the delivery URL answers CORS (by default it does not, as BFL's)
//   imageDelay=<ms>               the delivery URL (result.sample) answers after that delay (a slow image; an
//                                 expired or tampered URL too); a client that gives up first gets nothing
//   creditsDelay=<ms>             GET /v1/credits answers after that delay, with the balance as it is then (a slow
//                                 read, during which another tab's image may be charged)
//   creditsAfter=<n>              a GET /v1/credits made once the key has had a task accepted answers only when it has
//                                 had n (at most 10 s later): a read under way while another tab's image is charged,
//                                 held until that charge happens rather than for a time that a slow machine outlasts
//
// The model's own controls, as each model's schema in BFL's OpenAPI document names them (Flux2KleinInputs,
// Flux2Inputs, Flux2FlexInputs, FluxPro11Inputs, FluxUltraInput, FluxKontextProInputs, FluxProFillInputs), refused 422
// with FastAPI's `detail` ([{loc: ['body', field], msg, type}]) when given otherwise (`controlsOf`):
//   safety_tolerance              an integer, 0–5 on FLUX.2, 0–6 on FLUX.1 (Kontext, FLUX1.1 [pro], Ultra, Fill)
//   output_format                 'jpeg' | 'png' | 'webp' (or null: the model's default)
//   prompt_upsampling             a boolean on every model but FLUX.2 [klein] (null too on [flex] and Fill, whose
//                                 schemas allow it). FLUX.2 [pro] and [max] take it though the published Flux2Inputs
//                                 omits it: BFL's API reference as Comfy Router republishes it lists `prompt_upsampling`,
//                                 boolean, default true, for both (docs.comfy.org/development/comfy-router/models/
//                                 black-forest-labs/flux-2-pro/code and …/flux-2-max/code)
//   steps, guidance               [flex]: an integer 1–50 and a number 1.5–10; Fill: 15–50 and 1.5–100 (null allowed)
//   raw, image_prompt_strength    Ultra: a boolean, and a number 0–1
// Stricter than BFL's FastAPI, whose lax validation would also take "true", "4" or 4.0: only JSON booleans and
// numbers pass. A field the model's schema does not name (prompt_upsampling on [klein]) is ignored, as pydantic
// ignores fields a model does not declare (whether BFL forbids them is not documented). The submit's log entry says
// what came (`asked`: each of these fields the body carried, as received).
// The prompt BFL made the image from: with `prompt_upsampling` true, or left out (or null) on FLUX.2 [pro], [max] and
// [flex], whose default is true, BFL rewrites the prompt first and says the rewrite in the Ready reply's
// `result.prompt` (both recorded tasks, sent without it, came back so: test/recorded/bfl-flux-2-{pro,max}.json); the
// simulator's rewrite is a longer, deterministic paraphrase of the prompt (`upsample`). Otherwise `result.prompt` is
// the prompt as sent. The image delivered is always a PNG (image/png, `/sim/delivery/{id}.png`): the simulator draws
// no JPEG or WebP, whatever `output_format` asks (BFL's delivery answers the format asked, `_sample.jpeg` as
// recorded).
//
// Validation follows BFL: missing key → 401; unknown model → 404; prompt required; FLUX.2 sides multiples of
// 16, ≥ 64, ≤ 4 MP; FLUX.2 output + references at most 9 MP together; FLUX1.1 [pro] multiples of 32 in 256–1440;
// aspect_ratio between 21:9 and 9:21; more than 24 active tasks per key → 429. Costs come from this file's own
// table (it plays BFL), not from src/providers/bfl/prices.ts. A FLUX.2 reference over 4 MP counts (cost, input_mp,
// the 9 MP total) as resized to 4 MP at its shape: BFL processes at most 4 MP.
//
// Masks (SPEC §13): Fill's optional `mask` and Erase's required one must be a base64 PNG of the image's size
// (FluxProFillInputs: "The endpoint verifies that the dimensions of the mask match the original image"); otherwise 422,
// `loc: ['body', 'mask']`. Only the headers are read, never the pixels.
//
// FLUX Erase (`POST /v1/flux-tools/erase-v1`, docs.bfl.ml/flux_erase) takes `image` and `mask` (both required),
// `dilate_pixels` (an integer 0–25), `seed`, `output_format`, `safety_tolerance` (an integer 0–5) and the webhook's
// fields: any other, `prompt` first of all, is refused 422 (`extra_forbidden`), as a schema without it would. It
// answers like any task (id, polling_url, cost, input_mp, output_mp), its result at the image's size; its `cost` by the
// resellers' figures the price book bundles (BFL's own is UNVERIFIED): 3 credits for the first megapixel made, 0.4 for
// each further one, 0.4 for each megapixel of the image, at least 3 of them (`eraseCost`).
//
// FLUX Outpainting (`POST /v1/flux-tools/outpainting-v1`, bfl-outpaint.mjs) takes `input_image` (base64), the canvas's
// `width` and `height` (integers ≥ 64, width × height at most 4,194,304 pixels: 422 above), `reference_offset_x`/`_y`
// (where the image's top-left corner lies; absent, centred), `auto_crop` (false: an image beyond the canvas is 422),
// `mode` high | fast, an optional `prompt`, `output_format` png | jpeg, `safety_tolerance` 0–5 and the webhook's
// fields; any other is refused 422 (`extra_forbidden`). Its result is the canvas's size; its `cost` 10 credits per
// started megapixel made, the image not counted (Runware's figure, which the price book bundles; BFL's own is
// UNVERIFIED).
//
// FLUX 3 Image (`POST /v1/flux-3-image`, bfl-flux-3.mjs) takes only the fields its schema names: `prompt` (required),
// `resolution` ('768sq' | '1k' | '1.5k' | '2k' | '4k', default 1k), `aspect_ratio` ('auto', the default, or 21:9, 2:1,
// 16:9, 3:2, 7:5, 4:3, 5:4, 1:1, 4:5, 3:4, 5:7, 2:3, 9:16, 1:2, 9:21), `images` (at most 10 references, base64, each
// 256×256 to 16 MP), `safety_tolerance` (an integer 0–4), `grounding` (a boolean), `version`. Any other field (seed,
// width, height, input_image, output_format, prompt_upsampling) is refused 422, its `detail` naming it
// (`extra_forbidden`), as is a value outside those. Its `cost` is by class, in credits: 4.1, 4.8, 7, 10, 60.7 (third
// parties' reading of BFL's pricing page). The image is made at about the class's side squared at the ratio, sides
// multiples of 16 (1k 1:1 is 1024×1024, 16:9 1360×768). While it runs its polls say `Reasoning`, then `Generating`
// (`running=` names others), and its `result.sample` lasts an hour, not 10 minutes.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  acceptThenDrop,
  baseUrl,
  decimal,
  edgeFault,
  otherHost,
  parseScenario,
  pollFault,
  preflight,
  readJson,
  requestUrl,
  retryAfter,
  send,
  sleep,
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
  keyInPieces,
  keyTransformed,
  requestEntry,
  schedule,
  seedFrom,
} from './kit.mjs';
import { fitWithin, readBase64ImageSize } from './png.mjs';
import { FLUX3_MODEL, validateFlux3 } from './bfl-flux-3.mjs';
import { OUTPAINTING_ROUTE, validateOutpainting } from './bfl-outpaint.mjs';

const MB = 1024 * 1024;
/** Credits in hundredths so the sums stay exact: [first MP, each extra output MP and each input MP, input fields]. */
const FLUX2 = {
  'flux-2-klein-4b': [140, 10, 4],
  'flux-2-klein-9b': [150, 20, 4],
  'flux-2-pro': [300, 150, 8],
  'flux-2-flex': [500, 500, 8],
  'flux-2-max': [700, 300, 8],
};
const FLAT = {
  'flux-kontext-pro': 400,
  'flux-kontext-max': 800,
  'flux-pro-1.1': 400,
  'flux-pro-1.1-ultra': 600,
  'flux-pro-1.0-fill': 500,
};
const MAX_ACTIVE = 24;
const START_CREDITS = 1000;

const mp = (w, h) => Math.max(1, Math.ceil((w * h) / MB));
const mp2 = (pixels) => Math.round((pixels / MB) * 100) / 100;
const detail = (loc, msg, type = 'value_error') => ({ loc: ['body', ...loc], msg, type });

/** FLUX.2 models whose `prompt_upsampling` defaults to true (the header says where from). */
const UPSAMPLED = new Set(['flux-2-pro', 'flux-2-max', 'flux-2-flex']);
/**
 * The controls `model`'s schema takes (the header's list), by field: what kind of value, its range, and whether null
 * is allowed (the schema's `anyOf … null`).
 */
function controlsOf(model) {
  const flux2 = Boolean(FLUX2[model]);
  const controls = {
    safety_tolerance: { kind: 'integer', min: 0, max: flux2 ? 5 : 6 },
    output_format: { kind: 'format', nullable: true },
  };
  const nullable = model === 'flux-2-flex' || model === 'flux-pro-1.0-fill';
  if (!model.startsWith('flux-2-klein')) controls.prompt_upsampling = { kind: 'boolean', nullable };
  if (model === 'flux-2-flex' || model === 'flux-pro-1.0-fill') {
    const flex = model === 'flux-2-flex';
    controls.steps = { kind: 'integer', min: flex ? 1 : 15, max: 50, nullable };
    controls.guidance = { kind: 'number', min: 1.5, max: flex ? 10 : 100, nullable };
  }
  if (model === 'flux-pro-1.1-ultra') {
    controls.raw = { kind: 'boolean' };
    controls.image_prompt_strength = { kind: 'number', min: 0, max: 1 };
  }
  return controls;
}

/** What FastAPI says of a control given otherwise than its schema takes; undefined where it passes. */
function controlProblem(field, value, { kind, min, max, nullable }) {
  if (value === undefined || (value === null && nullable)) return undefined;
  if (kind === 'boolean')
    return typeof value === 'boolean' ? undefined : detail([field], 'Input should be a valid boolean', 'bool_type');
  if (kind === 'format')
    return ['jpeg', 'png', 'webp'].includes(value)
      ? undefined
      : detail([field], "Input should be 'jpeg', 'png' or 'webp'", 'enum');
  if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value)))
    return kind === 'integer'
      ? detail([field], 'Input should be a valid integer', 'int_type')
      : detail([field], 'Input should be a valid number', 'float_type');
  if (value < min) return detail([field], `Input should be greater than or equal to ${min}`, 'greater_than_equal');
  if (value > max) return detail([field], `Input should be less than or equal to ${max}`, 'less_than_equal');
  return undefined;
}

/** The simulator's prompt upsampling: a longer paraphrase of `prompt`, the same every time for the same prompt. */
const upsample = (prompt) =>
  `A detailed, carefully composed image of ${prompt.trim()}, with natural light, rich texture and a clear focal point.`;
/** An error text that quotes the key received, in the shapes a server's logging or validation may give it. */
const echoedKey = (key, { echo: shape, every, by }) =>
  ({
    pieces: `Invalid key ${keyInPieces(key, every, by)}`,
    'capitals-dots': `Invalid key ${keyTransformed(key, 'capitals-dots', every)}`,
    'lower-dashes': `Invalid key ${keyTransformed(key, 'lower-dashes', every)}`,
    base64: `Invalid header ${keyTransformed(key, 'base64')}`,
    hex: `Invalid key ${keyTransformed(key, 'hex')}`,
    cut: `Invalid key ${key.slice(0, 11)}…`,
    split: `x-key ${key.slice(0, 8)}: ${key.slice(8)}`,
    spaced: `Bad: ${key.slice(0, 10)} ${key.slice(10)}`,
  })[shape] ?? `Invalid key ${key}`;
/** BFL's `detail` of the faults it plays, by status (a 429 at submit says 'Too many active tasks' instead). */
const BAD_KEY = 'Not authenticated - Invalid Authentication'; // as recorded: 403 for a key BFL does not know
const FAULT_DETAILS = {
  401: BAD_KEY,
  403: BAD_KEY,
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
const faultBody = (status) => ({ detail: FAULT_DETAILS[status] });

/** Output size for aspect-ratio models: `megapixels` at that ratio, sides multiples of 32. */
function sizeForRatio(ratio, megapixels) {
  const [w, h] = ratio.split(':').map(Number);
  const scale = Math.sqrt((megapixels * MB) / (w * h));
  return { width: Math.round((w * scale) / 32) * 32, height: Math.round((h * scale) / 32) * 32 };
}

/**
 * A reference as FLUX.2 processes it: at most 4 MP (help.bfl.ai "FLUX.2 Technical Specifications": max 4 MP),
 * resized keeping its shape when larger.
 */
const processedSize = (size) => fitWithin(size, 4 * MB);

/** FLUX Erase's route under /v1/ (docs.bfl.ml/flux_erase: `POST https://api.bfl.ai/v1/flux-tools/erase-v1`). */
const ERASE_ROUTE = 'flux-tools/erase-v1';
/**
 * The fields Flux2EraseInputs names (docs.bfl.ml/api-reference/models/erase-an-object-from-an-image.md; Comfy Router's
 * copy of the schema): any other, a `prompt` first of all, is refused as a schema that forbids extras refuses it.
 */
const ERASE_FIELDS = [
  'image',
  'mask',
  'dilate_pixels',
  'seed',
  'output_format',
  'safety_tolerance',
  'webhook_url',
  'webhook_secret',
];
const ERASE_CONTROLS = {
  safety_tolerance: { kind: 'integer', min: 0, max: 5 },
  output_format: { kind: 'format', nullable: true },
  dilate_pixels: { kind: 'integer', min: 0, max: 25 },
  seed: { kind: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER, nullable: true },
};

/**
 * What BFL says of `body.mask` beside an image of `image`'s size (`{ width, height }`, undefined where the image could
 * not be read): a black-and-white PNG "the same dimensions as the image" (FluxProFillInputs: "The endpoint verifies
 * that the dimensions of the mask match the original image"; Erase: "a black/white PNG at the same resolution as your
 * input image", docs.bfl.ml/flux_erase). Its pixels are not read: only its header. `[w, h]` of the mask as received
 * (null: not a PNG) goes to the submit's log entry as `mask`.
 */
function maskProblems(body, image, entry) {
  const size = readBase64ImageSize(body.mask);
  entry.mask = size?.type === 'png' ? [size.width, size.height] : null;
  if (size?.type !== 'png') return [detail(['mask'], 'Could not decode the mask: send a base64 PNG')];
  if (image && (size.width !== image.width || size.height !== image.height))
    return [
      detail(
        ['mask'],
        `The mask must have the same dimensions as the image: the mask is ${size.width}x${size.height}, the image ${image.width}x${image.height}`,
      ),
    ];
  return [];
}

/**
 * FLUX Erase's body checked as its schema checks it: `image` (a base64 PNG, JPEG or WebP) and `mask` required, no
 * field it does not name (`extra_forbidden`), its controls in range. The output takes the image's size (its
 * reference, resized to 4 MP where larger, as Runware says BFL does: runware.ai/docs/models/bfl-flux-erase).
 */
function validateErase(body, entry) {
  const problems = [];
  for (const field of Object.keys(body))
    if (!ERASE_FIELDS.includes(field))
      problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
  const inputs = [];
  const received = [];
  const asked = {};
  for (const field of ['image', 'mask'])
    if (body[field] == null) problems.push(detail([field], 'Field required', 'missing'));
  const image = body.image == null ? undefined : readBase64ImageSize(body.image);
  if (body.image != null) {
    received.push(image ? [image.width, image.height] : null);
    if (image) inputs.push(processedSize(image));
    else problems.push(detail(['image'], 'Could not decode the image: send a base64 PNG, JPEG or WebP'));
  }
  if (body.mask != null) problems.push(...maskProblems(body, image, entry));
  for (const [field, control] of Object.entries(ERASE_CONTROLS)) {
    if (field in body) asked[field] = body[field];
    const problem = controlProblem(field, body[field], control);
    if (problem) problems.push(problem);
  }
  const { width, height } = inputs[0] ?? { width: 1024, height: 1024 };
  return { width, height, inputs, received, asked, problems };
}

/**
 * FLUX Erase's cost in hundredths of a credit. BFL publishes none (UNVERIFIED): the simulator charges by its resellers'
 * figures, which the price book bundles as its estimate (src/providers/bfl/prices.ts; fal's fal-ai/flux-pro/v1/erase
 * and runware.ai/docs/models/bfl-flux-erase, read 2026-11-28): 3 credits for the first megapixel made, 0.4 for each
 * further one, and 0.4 for each of the image's megapixels, at least 3 of them.
 */
const eraseCost = (width, height, image) =>
  300 + (mp(width, height) - 1) * 40 + Math.max(3, mp(image.width, image.height)) * 40;

export function createBflSimulator({ pendingMs = 3000, queueMs = 0, deliveryTtlMs = 10 * 60 * 1000 } = {}) {
  const secret = randomUUID();
  const tasks = new Map();
  const credits = new Map(); // key → balance in hundredths of a credit
  const charges = createChargeBook(); // key → hundredths of a credit debited, one charge per task
  const faultCounter = createSegmentCounter(); // submits seen (times=<n> at submit)
  const acceptedCounter = createSegmentCounter(); // submits accepted (pending=<list>)
  const log = createRequestLog();
  const images = createImageCache(16); // by task id
  const testRoutes = createTestRoutes({
    base: '/sim/bfl',
    log,
    charges: {
      book: charges,
      missing: { detail: 'Query parameter `key` required' },
      // credits × 0.01 USD: hundredths of a credit are ten-thousandths of a dollar.
      report: ({ units, count }) => ({ credits: decimal(units, 2), usd: decimal(units, 4), tasks: count }),
    },
    forget: [tasks, credits, faultCounter, acceptedCounter, images],
    release: (hold) => {
      const now = Date.now();
      const held = [...tasks.values()].filter((task) => task.held && task.scenario.hold === hold);
      for (const task of held) {
        task.held = false;
        task.readyAt = Math.max(task.readyAt, now);
      }
      return held.length;
    },
  });

  const balance = (key) => credits.get(key) ?? (key === 'sim-empty' ? 0 : START_CREDITS * 100);
  const sign = (id, se) => createHmac('sha256', secret).update(`${id}\n${se}`).digest('base64url');

  /** Checks the body like BFL does; returns `{ width, height, inputs, received, asked, problems }`. */
  function validate(model, body, entry) {
    const problems = [];
    if (typeof body.prompt !== 'string' || !body.prompt.trim()) {
      problems.push(
        detail(
          ['prompt'],
          body.prompt === undefined ? 'Field required' : 'Prompt must not be empty',
          body.prompt === undefined ? 'missing' : 'value_error',
        ),
      );
    }
    // Reference fields (BFL's OpenAPI schema): Flux2Inputs input_image…input_image_8, Flux2KleinInputs …input_image_4,
    // FluxKontextProInputs …input_image_4, FluxPro11Inputs image_prompt, FluxProFillInputs image (required).
    const fields = FLUX2[model]
      ? Array.from({ length: FLUX2[model][2] }, (_, i) => (i ? `input_image_${i + 1}` : 'input_image'))
      : model.startsWith('flux-kontext')
        ? ['input_image', 'input_image_2', 'input_image_3', 'input_image_4']
        : model === 'flux-pro-1.0-fill'
          ? ['image']
          : ['image_prompt'];
    const inputs = [];
    const received = []; // [w, h] of each reference as received, in field order (null: not an image)
    for (const field of fields) {
      if (body[field] == null) continue;
      const size = readBase64ImageSize(body[field]);
      received.push(size ? [size.width, size.height] : null);
      if (size) inputs.push(size);
      else problems.push(detail([field], 'Could not decode the image: send a base64 PNG, JPEG or WebP'));
    }
    if (model === 'flux-pro-1.0-fill' && body.image == null)
      problems.push(detail(['image'], 'Field required', 'missing'));
    // Fill's `mask` (optional: the image's alpha may be its mask), checked against the image as BFL checks it.
    if (model === 'flux-pro-1.0-fill' && body.mask != null) problems.push(...maskProblems(body, inputs[0], entry));
    const asked = {};
    for (const [field, control] of Object.entries(controlsOf(model))) {
      if (field in body) asked[field] = body[field];
      const problem = controlProblem(field, body[field], control);
      if (problem) problems.push(problem);
    }
    const int = (name, fallback) => {
      const v = body[name] ?? fallback;
      if (!Number.isInteger(v)) problems.push(detail([name], 'Input should be a valid integer', 'int_type'));
      return v;
    };

    let width;
    let height;
    if (FLUX2[model]) {
      width = int('width', inputs[0]?.width ?? 1024);
      height = int('height', inputs[0]?.height ?? 1024);
      for (const [name, v] of [
        ['width', width],
        ['height', height],
      ]) {
        if (v < 64) problems.push(detail([name], 'Input should be greater than or equal to 64', 'greater_than_equal'));
        else if (v % 16) problems.push(detail([name], 'Input should be a multiple of 16', 'multiple_of'));
      }
      if (width * height > 4 * MB)
        problems.push(detail(['width'], 'width × height must be at most 4 megapixels (4,194,304 pixels)'));
      // References are processed at most 4 MP each (help.bfl.ai "FLUX.2 Technical Specifications").
      inputs.splice(0, inputs.length, ...inputs.map(processedSize));
      // "input images + output = total MP" (black-forest-labs/skills flux-best-practices/rules/
      // multi-reference-editing.md), at most 9 MP ("[pro] up to 8 via API (9MP total limit)",
      // docs.bfl.ml/flux_2/flux2_image_editing). Documented for [pro]; applied to every FLUX.2 model (stricter).
      const total = (width * height + inputs.reduce((sum, i) => sum + i.width * i.height, 0)) / MB;
      if (inputs.length && Number.isFinite(total) && total > 9)
        problems.push(
          detail(
            ['input_image'],
            `The output and the input images together must be at most 9 megapixels (here ${Math.round(total * 100) / 100} MP); send smaller or fewer input images`,
          ),
        );
    } else if (model === 'flux-pro-1.1') {
      width = int('width', 1024);
      height = int('height', 768);
      for (const [name, v] of [
        ['width', width],
        ['height', height],
      ]) {
        if (v < 256)
          problems.push(detail([name], 'Input should be greater than or equal to 256', 'greater_than_equal'));
        else if (v > 1440)
          problems.push(detail([name], 'Input should be less than or equal to 1440', 'less_than_equal'));
        else if (v % 32) problems.push(detail([name], 'Input should be a multiple of 32', 'multiple_of'));
      }
    } else if (model === 'flux-pro-1.0-fill') {
      ({ width, height } = inputs[0] ?? { width: 1024, height: 1024 });
    } else {
      const ratio = body.aspect_ratio ?? (model.startsWith('flux-kontext') ? '1:1' : '16:9');
      const [w, h] = typeof ratio === 'string' ? ratio.split(':').map(Number) : [];
      if (
        !(w > 0 && h > 0 && Number.isInteger(w) && Number.isInteger(h)) ||
        w / h > 21 / 9 + 1e-9 ||
        h / w > 21 / 9 + 1e-9
      ) {
        problems.push(detail(['aspect_ratio'], 'Aspect ratio must be between 21:9 and 9:21, written like "16:9"'));
        width = height = 0;
      } else ({ width, height } = sizeForRatio(ratio, model.includes('ultra') ? 4 : 1));
    }
    return { width, height, inputs, received, asked, problems };
  }

  /** Hundredths of a credit by BFL's rule (the reply's `cost` is this / 100, exact to the hundredth). */
  function costOf(model, width, height, inputs) {
    if (FLAT[model]) return FLAT[model];
    const [first, extra] = FLUX2[model];
    return first + (mp(width, height) - 1) * extra + inputs.reduce((sum, i) => sum + mp(i.width, i.height) * extra, 0);
  }

  /** Debits an accepted task: the balance, and the key's record of charges. */
  function debit(key, hundredths) {
    credits.set(key, balance(key) - hundredths);
    charges.charge(key, hundredths);
  }

  const activeTasks = (key, now) =>
    [...tasks.values()].filter(
      (t) => t.key === key && (t.scenario.fault === 'never-ready' || t.held || now < t.readyAt),
    ).length;

  /**
   * A submission's body checked as its model's schema checks it (`validate`; FLUX 3's strict one, bfl-flux-3.mjs), with
   * its cost in hundredths of a credit, the prompt BFL makes it from (the header: rewritten where `prompt_upsampling`
   * is on; [klein] and FLUX 3 have none) and how long its sample URL lasts (FLUX 3's an hour, flux3_image_generate; the
   * others' 10 minutes).
   */
  function checked(model, body, entry) {
    if (model === FLUX3_MODEL) return { ...validateFlux3(body), used: body.prompt, linkMs: 3600_000 };
    if (model === OUTPAINTING_ROUTE) {
      const prompt = typeof body.prompt === 'string' ? body.prompt : undefined;
      return { ...validateOutpainting(body), used: prompt, linkMs: deliveryTtlMs };
    }
    if (model === ERASE_ROUTE) {
      const valid = validateErase(body, entry);
      const cost = valid.inputs[0] ? eraseCost(valid.width, valid.height, valid.inputs[0]) : 0;
      return { ...valid, cost, used: undefined, linkMs: deliveryTtlMs };
    }
    const valid = validate(model, body, entry);
    const upsampled = 'prompt_upsampling' in controlsOf(model) && (body.prompt_upsampling ?? UPSAMPLED.has(model));
    return {
      ...valid,
      cost: costOf(model, valid.width, valid.height, valid.inputs),
      used: upsampled ? upsample(body.prompt) : body.prompt,
      linkMs: deliveryTtlMs,
    };
  }

  async function submit(req, res, model, scenario, segment, origin, prefix, entry) {
    const key = req.headers['x-key'];
    const body = await readJson(req);
    const fault = submitFault(req, scenario, segment, faultCounter);
    if (edgeFault(req, res, fault, scenario, entry, { json: faultBody, truncated: '{"id": "' })) return;
    if (!FLUX2[model] && !FLAT[model] && ![FLUX3_MODEL, ERASE_ROUTE, OUTPAINTING_ROUTE].includes(model))
      return send(req, res, 404, { detail: 'Not Found' });
    if (!key) return send(req, res, 401, { detail: 'Not authenticated: send your API key in the x-key header' });
    if (key === 'sim-bad') return send(req, res, 403, faultBody(403));
    if (fault === '401' || fault === '403' || fault === '500') return send(req, res, Number(fault), faultBody(fault));
    if (fault === '429') return send(req, res, 429, { detail: 'Too many active tasks' }, retryAfter(scenario));
    if (fault === '422') {
      return send(req, res, 422, {
        detail: [
          detail(
            ['prompt'],
            scenario.echo
              ? echoedKey(key, scenario)
              : (scenario.message ?? 'Simulated validation error: this prompt is not accepted'),
          ),
        ],
        ...(scenario.detail === undefined ? {} : { detail: JSON.parse(scenario.detail) }),
      });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return send(req, res, 422, {
        detail: [{ loc: ['body'], msg: 'Field required: a JSON object', type: 'missing' }],
      });
    }
    entry.fields = Object.keys(body).sort();
    const { width, height, inputs, received, asked, problems, cost, used, linkMs } = checked(model, body, entry);
    entry.inputs = received;
    entry.asked = asked;
    if (problems.length) return send(req, res, 422, { detail: problems });
    const now = Date.now();
    forgetExpired(tasks, (task) => Math.max(task.readyAt, task.createdAt + 3600_000) + task.linkMs, now);
    if (activeTasks(key, now) >= MAX_ACTIVE)
      return send(req, res, 429, { detail: 'Too many active tasks' }, retryAfter(scenario));
    if (fault === '402' || balance(key) < cost) return send(req, res, 402, { detail: 'Insufficient credits' });
    debit(key, cost);

    const id = randomUUID();
    const pendings = scenario.pending?.split(',') ?? [forModel(pendingMs, model)];
    const nth = acceptedCounter.next(segment) - 1;
    const pending = Number(pendings[Math.min(nth, pendings.length - 1)]);
    const queue = Number(scenario.queue ?? forModel(queueMs, model));
    const seed = seedFrom(body.seed);
    const timeline = schedule(now, pending, queue);
    tasks.set(id, {
      id,
      key,
      model,
      prompt: body.prompt,
      used,
      seed,
      width,
      height,
      scenario,
      origin,
      linkMs,
      ...timeline,
      // Pending until the test releases it (hold=<name>), whatever its pending time.
      held: scenario.hold !== undefined,
      polls: 0,
      // The polls answered while it was under way past its queued part: its words advance by them (`runningWord`).
      underWay: 0,
    });
    // The image is made shortly before the task is ready (in this one thread, out of the way of the Ready poll),
    // so fetching result.sample takes what a download of a finished file takes, as at BFL.
    const drawAhead = () => tasks.has(id) && images.image(id, tasks.get(id));
    if (!scenario.fault) setTimeout(drawAhead, Math.max(0, pending - 250)).unref();
    entry.id = id;
    if (acceptThenDrop(req, res, fault, entry)) return;
    if (fault === 'wrong-shape') return send(req, res, 200, { id: 42, polling_url: [id], cost: String(cost / 100) });
    send(req, res, 200, {
      id,
      polling_url: `${origin}${prefix}/v1/get_result?id=${id}`,
      cost: scenario.cost === undefined ? cost / 100 : JSON.parse(scenario.cost),
      input_mp: mp2(inputs.reduce((sum, i) => sum + i.width * i.height, 0)),
      output_mp: mp2(width * height),
    });
  }

  /**
   * A status reply as BFL sends it: every field of ResultResponse (BFL's OpenAPI schema) present, and the Retry-After of
   * the recording (0 or 1, in runs of about half a second) unless the scenario sets another (`pollWait`).
   */
  function status(req, res, scenario, body) {
    const wait = scenario.pollWait ?? String(Math.round(1 - (Date.now() % 1000) / 1000));
    const headers = wait === 'none' ? {} : { 'Retry-After': wait };
    const shape = scenario.status === undefined ? {} : { status: JSON.parse(scenario.status) };
    send(req, res, 200, { result: null, progress: null, details: null, preview: null, ...body, ...shape }, headers);
  }

  /** The words a task's polls say in turn while it runs (`running=`; a FLUX 3 task's Reasoning, then Generating). */
  const runningWords = (task) =>
    (task.scenario.running ?? (task.model === FLUX3_MODEL ? 'Reasoning,Generating' : '')).split(',').filter(Boolean);

  /**
   * What a poll of `task` says while it runs at `now`: Pending while queued (or where it has no words of its own), then
   * each of its words in turn, one poll each, the last until it is ready. By polls, never by the time between them: a
   * machine slow to poll sees every word, in order.
   */
  function runningWord(task, now) {
    const words = runningWords(task);
    if (!words.length || now < task.queuedUntil) return 'Pending';
    return words[Math.min(words.length - 1, task.underWay)];
  }

  /**
   * Whether `task`, past its pending time, still owes a poll under way: one for each of its words, and one where it
   * reports progress (`progress=moving`), so that what a test reads of a task under way is said at least once however
   * late the first poll comes.
   */
  const owesPolls = (task) =>
    task.underWay < Math.max(runningWords(task).length, task.scenario.progress === 'moving' ? 1 : 0);

  function result(req, res, url, scenario, entry) {
    const id = url.searchParams.get('id') ?? '';
    const task = tasks.get(id);
    const fault = task?.scenario.fault ?? scenario.fault;
    const truncated = `{"id": "${id}", "status": "Pen`;
    if (task && pollFault(req, res, fault, task, entry, { json: faultBody, truncated })) return;
    if (!task || fault === 'task-not-found') return status(req, res, scenario, { id, status: 'Task not found' });

    const now = Date.now();
    const failAfter = task.scenario.failAfter;
    const due =
      failAfter === undefined
        ? fault === 'request-moderated' || (!task.held && now >= task.readyAt)
        : task.polls > Number(failAfter);
    const statuses = {
      'request-moderated': 'Request Moderated',
      'content-moderated': 'Content Moderated',
      error: 'Error',
    };
    if (statuses[fault] && due) {
      const details = fault === 'error' ? null : { 'Moderation Reasons': ['Simulated moderation'] };
      return status(req, res, task.scenario, { id, status: statuses[fault], details });
    }
    if (fault === 'never-ready' || task.held || now < task.readyAt || owesPolls(task)) {
      const span = task.readyAt - task.queuedUntil;
      const given = task.scenario.progress;
      const progress =
        fault === 'never-ready' || given === undefined || now < task.queuedUntil
          ? null
          : given === 'moving'
            ? // Held past its pending time, it stays just short of done.
              Math.min(0.99, Math.round(((now - task.queuedUntil) / (span || 1)) * 1000) / 1000)
            : Number(given);
      const word = runningWord(task, now);
      if (now >= task.queuedUntil) task.underWay++;
      return status(req, res, task.scenario, { id, status: word, progress });
    }
    const se = new Date(fault === 'expired-delivery' ? task.readyAt - 1000 : task.readyAt + task.linkMs).toISOString();
    const sample =
      task.scenario.sample ??
      (fault === 'insecure-sample'
        ? `http://delivery.example.com/${id}.png`
        : `${task.origin}/sim/delivery/${id}.png?se=${encodeURIComponent(se)}&sig=${sign(id, se)}`);
    status(req, res, task.scenario, {
      id,
      status: 'Ready',
      result: { start_time: task.queuedUntil / 1000, prompt: task.used, seed: task.seed, sample },
    });
  }

  /** The delivery host (result.sample): a signed URL, answering 403 once expired or tampered with. */
  function deliver(req, res, url, id) {
    const task = tasks.get(id);
    const refusal = () => {
      const se = url.searchParams.get('se') ?? '';
      const given = Buffer.from(url.searchParams.get('sig') ?? '');
      const expected = Buffer.from(sign(id, se));
      const valid = task && given.length === expected.length && timingSafeEqual(given, expected);
      if (valid && Date.parse(se) > Date.now()) return undefined;
      const why = valid ? 'Signed expiry time is in the past' : 'Signature did not match';
      return {
        status: 403,
        xml: `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>${why}</Message></Error>`,
      };
    };
    const image = () => {
      const png = images.image(id, task);
      return task.scenario.fault === 'broken-image' ? png.subarray(0, png.length >> 1) : png;
    };
    const delayMs = Number(task?.scenario.imageDelay);
    const cacheControl = `private, max-age=${(task?.linkMs ?? deliveryTtlMs) / 1000}`;
    return deliverImage(req, res, { delayMs, refusal, image, cacheControl });
  }

  return {
    /** Handles `/sim/bfl/…` and `/sim/delivery/…`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const path = url.pathname;
      const delivery = /^\/sim\/delivery\/([\w-]+)\.png$/.exec(path);
      if (!delivery && !/^\/sim\/bfl(\/|$)/.test(path)) return false;
      // One segment after /v1/ (the model), or BFL's tools under /v1/flux-tools/ (FLUX Erase).
      const api = /^\/sim\/bfl(?:\/s\/([^/]*))?\/v1\/((?:flux-tools\/)?[^/]+)$/.exec(path);
      if (delivery) req.withoutCors = !tasks.get(delivery[1])?.scenario.deliveryCors;
      else if (api) req.withoutCors = parseScenario(api[1]).cors === 'none';
      if (req.method === 'OPTIONS') {
        preflight(req, res);
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      if (url.pathname === '/sim/bfl/_ready') {
        // For the bench: when a task became ready (ms since the epoch). Real BFL's Ready reply says it nowhere
        // (the recordings carry only `start_time`), so the simulator's reply does not either.
        const task = tasks.get(url.searchParams.get('id') ?? '');
        send(req, res, task ? 200 : 404, task ? { readyAt: task.readyAt } : { detail: 'Task not found' });
        return true;
      }
      const id = delivery?.[1] ?? url.searchParams.get('id') ?? undefined;
      const entry = log.add(requestEntry(req, url, { keyHeader: 'x-key', id, withAuthorization: true }));
      if (delivery) {
        await deliver(req, res, url, delivery[1]);
        return true;
      }

      const match = api;
      if (!match) {
        send(req, res, 404, { detail: 'Not Found' });
        return true;
      }
      const scenario = parseScenario(match[1]);
      const prefix = `/sim/bfl${match[1] ? `/s/${match[1]}` : ''}`;
      const host = req.headers.host;
      try {
        if (match[2] === 'get_result' && req.method === 'GET') result(req, res, url, scenario, entry);
        else if (match[2] === 'credits' && req.method === 'GET') {
          const key = req.headers['x-key'];
          if (scenario.creditsDelay) await sleep(Number(scenario.creditsDelay));
          const tasksOf = () => [...tasks.values()].filter((task) => task.key === key).length;
          if (scenario.creditsAfter && tasksOf() > 0)
            for (let waited = 0; tasksOf() < Number(scenario.creditsAfter) && waited < 10_000; waited += 20)
              await sleep(20);
          if (!key) send(req, res, 401, { detail: 'Not authenticated: send your API key in the x-key header' });
          else if (key === 'sim-bad') send(req, res, 403, faultBody(403));
          else send(req, res, 200, { credits: balance(key) / 100 });
        } else if (req.method === 'POST')
          await submit(
            req,
            res,
            match[2],
            scenario,
            match[1] ?? '',
            baseUrl(req, scenario.samehost ? host : otherHost(host)),
            prefix,
            entry,
          );
        else send(req, res, 405, { detail: 'Method Not Allowed' });
      } catch (error) {
        if (!res.headersSent)
          send(req, res, error.status ?? 500, {
            detail: error.status === 413 ? 'Request body too large' : 'Internal Server Error',
          });
      }
      return true;
    },
  };
}
