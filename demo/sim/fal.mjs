// Simulator of fal's queue API (https://queue.fal.run) for the FLUX.2 endpoints and the other families' (below), as
// @fal-ai/client and fal's docs (docs.fal.ai/model-apis/model-endpoints/queue) describe it, and of fal's pricing API.
//
// Routes (CORS on every reply and preflight; every reply has a Content-Type; fal's file storage, where images sent go
// first, and the edit endpoints Fill and Erase are in fal-edits.mjs, whose header says what they take):
//   POST /sim/fal/{endpoint id}                      header `Authorization: Key …`, JSON input →
//        {status:'IN_QUEUE', request_id, response_url, status_url, cancel_url, queue_position}
//   GET  /sim/fal/{owner}/{alias}/requests/{id}/status[?logs=1]
//        202 {status:'IN_QUEUE', queue_position} → 202 {status:'IN_PROGRESS', logs} → 200 {status:'COMPLETED', logs, metrics}
//   GET  /sim/fal/{owner}/{alias}/requests/{id}      the result, or the request's error (422 {detail:[{loc,msg,type}]},
//        500); 400 while it is not finished. The result's fields are each endpoint's output type in fal-ai/fal-js@381105e
//        libs/client/src/types/endpoints.ts: [klein] and [dev] (Flux2Klein4bOutput, Flux2Output… = v4Output)
//        {images, has_nsfw_concepts, prompt, seed, timings}; [pro], [flex], [max] (Flux2ProOutput… = Emu35Output)
//        {images, seed}; each image {url, width, height, content_type} (Image: all but `url` optional)
//   GET  /sim/fal/v1/account/billing?expand=credits  fal's Platform API (fal.ai/docs/platform-apis/v1/account/billing,
//        at https://api.fal.ai): {username, credits: {current_balance, currency: 'USD'}}; only an Admin API key may
//        ask (a key starting `sim-admin` here: $10 less what it was billed), any other 403
//   GET  /sim/fal/v1/models/pricing?endpoint_id=a,b   fal's Platform API (fal.ai/docs/platform-apis/v1/models/pricing, at
//        https://api.fal.ai: "Authorization: Key …"; `endpoint_id` 1–50 ids, comma-separated or repeated) →
//        {prices: [{endpoint_id, unit_price, unit, currency: 'USD'}], next_cursor: null, has_more: false}; the other
//        families and FLUX 3 per 'image', Nano Banana 2.1 per 'tokens', FLUX.2 per 'megapixels' (its first MP's
//        price). Without a key 401; no ids or more than 50:
//        400; an id it does not serve: 404 (fal's sources do not say whether it refuses or leaves one out: refused,
//        the stricter).
//        Both Platform API routes refuse in the Platform API's own envelope, not the queue's FastAPI `detail`: {error:
//        {type, message}}, type one of authorization_error (401, 403), validation_error (400), not_found (404)
//        (fal's Platform API OpenAPI document, v1, as tryAGI/Fal@badf521 src/libs/Fal/openapi.json carries it: the
//        responses of GET /models/pricing and GET /account/billing, their schema and examples). Any key may ask (fal's page: "Users must provide a valid API key"; an older version
//        said an Admin key: the scenario `pricing=403` plays that refusal). A key starting `sim-discount-<n>-` is an account with n% off the families ("Custom pricing
//        or discounts may be applied based on account status"): its prices and its bills both
//   PUT  /sim/fal/{owner}/{alias}/requests/{id}/cancel   202 {status:'CANCELLATION_REQUESTED'} | 400 {status:'ALREADY_COMPLETED'}
//   GET  /sim/fal-cdn/files/{id}.png                 the image (fal's CDN: the OTHER loopback name, never needs a key)
//   GET  /sim/fal/_log                               requests received: [{method, path, host, origin, hasKey, id, at}];
//        submits to edit endpoints also `inputs`: [[w, h] | null, …] each image_urls entry as its file reads (null:
//        not a file of the simulator's storage, or not an image: fal-edits.mjs); fault=hang: `hung: true`, then
//        `closedAt` (ms) once the client's
//        socket closed; fault=redirect: the 307 `redirectedTo` (its Location), the target `redirected: true`;
//        fault=accept-then-drop: `dropped: true` and the request's `id`
//   GET  /sim/fal/_charges?key=                      what fal billed that key (with or without the `Key ` prefix):
//        {usd, requests}: usd an exact decimal string in shortest form ('0.045'; '0' for none), requests the number
//        billed; 400 without `key`
//   POST /sim/fal/_reset                             forget requests, charges, counters and the log
//   POST /sim/fal/_release?hold=<name>               every request held under that name (scenario `hold=`) moves on
//        to its next state: {released: n}, the number moved on
// The queue URLs use the app id only (`fal-ai/flux-2`, `fal-ai/flux-2-pro`): the endpoint's sub-path
// (`/klein/4b`, `/edit`) is dropped, as on fal. Status, result and cancel need the submitting key.
//
// Billing (fal reports no cost; this is what `_charges` adds up): a request is billed once it COMPLETES with an
// output, i.e. from its ready time on, whether or not anyone polls: including fault=result-500, expired-image,
// insecure-image, accept-then-drop and poll-time faults. Not billed: cancelled before completion, never-ready
// (never completes), and error (a server error: "Server errors (HTTP 500+) are never charged", docs.fal.ai/faq).
// Billed although it brings no image: moderated, a 422 after the request ran ("Client-side errors like invalid inputs
// (HTTP 422) may still be charged if a runner spent GPU time processing the request", the same page): the stricter
// of what fal allows itself.
// Prices, USD (kept in integer micro-dollars), MP = started 1024² megapixels, at least 1; each of num_images images
// costs the full price (references included):
//   flux-2/klein/4b         $0.005 per MP of output;  /edit $0.01 per MP of output + $0.01 per reference image
//   flux-2/klein/9b         $0.006 per MP of output;  /edit $0.011 per MP of output + $0.011 per reference image
//   flux-2-pro (+ /edit)    $0.03 the first MP + $0.015 each further MP of output and each MP of each reference
//   flux-2-flex (+ /edit)   $0.05 per MP of output and per MP of each reference
//   flux-2-max (+ /edit)    $0.07 the first MP + $0.03 each further MP of output and each MP of each reference
// A reference's MP is counted after resizing it to at most 4 MP (keeping its shape); an https reference (not
// fetched) counts as 1024×1024.
//
// Dropped connections (fault=network, fault=accept-then-drop) close after one stray byte and no reply (http.mjs
// dropConnection): Chromium then fails the request at once instead of resending it by itself on another connection,
// so one client call reaches the simulator once and is charged at most once (plain http on port 80: see there).
//
// Scenarios: insert `/s/{scenario}` after `/sim/fal` (`;`-separated key=value); the queue URLs carry it.
// Any other key (e.g. run=abc) is kept and only separates scenarios (and the submit counters of `times`).
//   fault=401 | 403               key rejected at submit
//   fault=402                     payment required at submit
//   fault=exhausted               403 "User is locked. Reason: Exhausted balance…" (also: the key `sim-empty`)
//   fault=422                     validation error at submit ({detail:[{loc,msg,type}]})
//   fault=429                     rate limited at submit, with Retry-After (retryAfter=<s>, default 1)
//   fault=500 | network           server error / dropped connection at submit
//   fault=502                     502 {detail:'Bad gateway'} at submit (before the key is checked)
//   fault=503                     503 {detail:'Service temporarily unavailable'} at submit; Retry-After only with retryAfter=<s>
//   fault=hang                    the submit (body read) is held open and never answered; when the client's socket
//                                 closes (it gave up) the response is ended; no timers; nothing queued or billed
//   fault=bad-json                200 with Content-Type application/json and the body `{"status": "IN_QUEUE",
//                                 "request_id": "` (not JSON); nothing queued or billed
//   fault=html                    a CDN/proxy HTML error page (Content-Type text/html), status 502 or status=<n>
//                                 (200–599); nothing queued or billed
//   fault=redirect                307 to the same path and query on the OTHER loopback name, with `redirected=1`
//                                 added; that target is served as a normal submit (no second redirect) and its _log
//                                 entry's `hasKey` tells whether the Authorization header followed the redirect
//   fault=accept-then-drop        the reply is lost after fal accepted: the request is queued, completes and is billed,
//                                 but the connection drops without the reply; nothing lists requests, so it cannot be
//                                 found again (its id was never sent); _log and _charges show it
//   at=poll (+ times=<n>)         with fault=401|403|429|500|network|502|503|hang|bad-json|html|redirect: the fault hits
//                                 status polls instead (first n only; the submit is accepted normally). bad-json: the
//                                 poll answers `{"status": "IN_PROGRESS", "request_id": "<id>", "resp`; hang: the poll is
//                                 held open; redirect: the status URL answers 307 to the same URL on the other loopback
//                                 name (+ redirected=1), whose answer is a normal status poll (not counted; it needs the
//                                 key like any other)
//   times=<n>                     without at=poll: only the first n submits under this scenario segment get a fault
//                                 answered at submit (401 … accept-then-drop above; redirect targets are not counted)
//   fault=moderated               completes, then the result is 422 with type content_policy_violation; billed
//   fault=nsfw                    [klein], [dev]: completes (billed), but the safety checker flagged the image: the
//                                 result says `has_nsfw_concepts: [true]` and the image is black (fal's checker,
//                                 `enable_safety_checker` default true, Flux2Klein4bInput)
//   fault=error                   completes, then the result is fal's request error: 500 {detail, error_type:
//                                 'runner_server_error'} and the header X-Fal-Error-Type (docs.fal.ai/documentation/
//                                 model-apis/request-errors); not billed
//   fault=result-500              completes normally (COMPLETED without an error, billed), but fetching response_url
//                                 answers 500 {detail:'Internal server error'}
//   fault=never-ready             stays IN_QUEUE at position 0
//   fault=insecure-image          the image URL is plain http on a non-loopback host
//   fault=expired-image           the image URL answers 403
//   imageDelay=<ms>               the CDN image URL answers after that delay (a slow image; an expired one too); a
//                                 client that gives up first gets nothing
//   queue=<ms> / pending=<ms>     time in IN_QUEUE / total time to COMPLETED (defaults: the simulator's queueMs / pendingMs)
//   hold=<name>                   each state the request goes through (IN_QUEUE where it has a queue time, then
//                                 IN_PROGRESS) lasts past its time until the test releases it (POST
//                                 _release?hold=<name>): released in the queue, it is IN_PROGRESS for its in-progress
//                                 time, its log lines coming over it, and then held again; released then, COMPLETED.
//                                 A state a test must see lasts until it has been seen, however slow the machine
//                                 running the test
//   position=<n>                  queue position at submit, falling to 0 over the queue time (default 3)
//   otherhost=1                   status/response/cancel URLs on the other loopback name (a proxy passing fal's replies through)
//   now=<ISO date-time>           the moment the request is answered at (clock.mjs), which decides whether Nano Banana 2
//                                 is still served: not from 2026-10-29 on, when its upstream shut down (then its
//                                 endpoint is one fal does not serve, at the queue and at the pricing API)
//   echo=pieces;every=<n>;by=<separator>   the IN_PROGRESS log lines quote the key the request was sent with, in
//                                 pieces of n characters joined by the separator named (kit.mjs keyInPieces): a
//                                 hostile service's logs, which a client shows as progress
// The model's own controls, as each endpoint's input type in fal-ai/fal-js@381105e libs/client/src/types/endpoints.ts
// names them (the /edit endpoint of each takes the same), refused 422 ({detail:[{loc, msg, type}]}, pydantic's words)
// when given otherwise (`controlsOf`); the submit's log entry says what came (`asked`: each of these fields the input
// carried, as received):
//   output_format                 [klein] and [dev] (Flux2Klein4bInput, Flux2Input): 'jpeg' | 'png' | 'webp', default
//                                 png; [pro], [flex], [max] (Flux2ProInput = Flux2MaxInput, Flux2FlexInput; fal's model
//                                 pages fal.ai/models/fal-ai/flux-2-pro, …/flux-2-flex/llms.txt): 'jpeg' | 'png', default jpeg
//   safety_tolerance              [pro], [flex], [max]: one of the strings '1' … '5' (SafetyToleranceEnum: a number 4
//                                 is not one of them), default '2'
//   enable_prompt_expansion       [dev] (Flux2Input, Flux2EditInput): a boolean ("If set to true, the prompt will be
//                                 expanded for better results"); [dev] then answers the expanded prompt as `prompt`
//                                 (v4Output: "The prompt used for generating the image"), a longer, deterministic
//                                 paraphrase here; otherwise `prompt` is the prompt as sent
// Stricter than pydantic's lax mode, which would also take "true" for a boolean: only JSON booleans pass. A field the
// endpoint's type does not name (safety_tolerance on [klein]) is ignored, as pydantic ignores undeclared fields.
// Output is always PNG (image/png, whatever output_format asks: the simulator draws no JPEG or WebP); sizes as
// requested; fal reports no cost.
//
// FLUX Outpainting at `fal-ai/flux-2-pro/outpaint` (fal-outpaint.mjs, a tool as Fill and Erase are): `image_url` on
// fal's storage and `expand_top`, `expand_right`, `expand_bottom`, `expand_left` (0–2048 each), no prompt (422 for one,
// as for any field its input does not name), the canvas (the image with its sides) at most 4 MP (else refused once it
// ran, billed); $0.03 the first MP made, $0.015 each further one and each of the image's; the result {images, seed} at
// the canvas's size.
//
// Other families and FLUX 3 (FAMILY), text to image (and Seedream's edit endpoints: fal-edits.mjs), each billed per
// image, the result {images, seed} and the header `x-fal-billable-units` (the units billed, "already denominated in
// the priced unit": TanStack/ai#722). Nano Banana 2's tiers bill 0.75 / 1 / 1.5 / 2 times its price (fal.ai/models/fal-ai/nano-banana-2/edit/llms.txt); whether
// the header then counts the image or the tier's units no fal source says (the research's conformance M3): it counts
// the image here (1), the reading a client that multiplies it by the unit price gets wrong, and `units=1.5` plays the
// other. The header is not in Access-Control-Expose-Headers, so a page cannot read it, unless the scenario says
// `expose=billable` (no source says whether fal exposes it: a page must do without it; the FLUX.2 endpoints and Nano
// Banana 2.1 send none here, their prices being no one unit price per image). `units=<text>` sends that text as the
// header instead (a broken or zero count, or the other reading), billing as usual. An endpoint id fal does not serve is
// 404 {detail: "Application '…' not found"}: Seedream 5.0 Lite's under `fal-ai/`, which fal's own client does not name.
//   fal-ai/bytedance/seedream/v4.5/text-to-image   $0.04 per image (fal's model page); SeedDream45T2IInput (fal-js@381105e):
//        image_size {width, height} with sides 1920–4096 (or auto_2K, auto_4K; default auto_2K), num_images 1–6, seed
//   bytedance/seedream/v5/lite/text-to-image   $0.035 per image (…/v5/lite/edit/llms.txt); SeedDream50LiteT2IInput:
//        image_size {width, height} (or auto_2K, auto_3K, auto_4K), a size outside 2560×1440–3072² px scaled into it
//        keeping its shape and billed the same (fal's API reference); num_images 1–6; no seed field (ignored)
//   fal-ai/nano-banana-2   $0.08 per unit (llms.txt); NanoBanana2Input: aspect_ratio auto | 21:9 … 9:16 | 4:1 1:4 8:1
//        1:8 (default auto, made 1:1 here), resolution 0.5K | 1K | 2K | 4K (default 1K; 512², 1024², 2048², 4096² px
//        at the ratio), num_images 1–4, seed, output_format jpeg | png | webp, safety_tolerance '1' … '6'
//   google/nano-banana-2.1   by tokens at fal ("$35.294 per 1M", fal.ai/learn/tools/nano-banana-api; the pricing API
//        answers it so here, unit 'tokens', as no source shows fal's line), billed at fal's "≈ $0.040 at 1K, $0.134 at
//        4K" per image (2K as 4K: fal states none); Nano Banana 2's input but resolution 1K | 2K | 4K
//   blackforestlabs/flux-3/text-to-image   $0.048 per image at 1K (fal.ai/models/blackforestlabs/flux-3/text-to-image/
//        llms.txt); aspect_ratio auto | BFL's 15 ratios, resolution 1k only (fal prices no other class: refused, the
//        stricter), made at about 1 MP at the ratio; any other field ignored
//
// References (image_urls): [klein] edit at most 4 ("A maximum of 4 images are allowed", fal-ai/fal-js@381105e
// libs/client/src/types/endpoints.ts Flux2Klein4bEditInput); [pro]/[flex]/[max] edit at most 8 (fal documents no
// maximum: BFL's 8, stricter). How fal counts them (billed by the table above): [klein] edit resizes each to 1 MP
// (fal.ai/models/fal-ai/flux-2/klein/9b/base/edit/lora/llms.txt); [pro]/[flex]/[max] edit resize each to at most
// 4 MP and count each as at least 1 MP ("Input images counted as processed megapixel",
// fal.ai/models/fal-ai/flux-2-max/edit/llms.txt; 4 MP and 1 MP minimum per lumenfall.ai's notes).
import { randomUUID } from 'node:crypto';
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
  requestEntry,
  schedule,
  seedFrom,
} from './kit.mjs';
import { fitWithin } from './png.mjs';
import { servedAt, simulatorNow } from './clock.mjs';
import { TOOLS as EDIT_TOOLS, createFalStorage, readImages, withImages } from './fal-edits.mjs';
import { OUTPAINT_TOOLS } from './fal-outpaint.mjs';
import { common, detail } from './fal-fields.mjs';

/** fal's FLUX tools, each billed per megapixel: Fill and Erase (fal-edits.mjs), Outpainting (fal-outpaint.mjs). */
const TOOLS = { ...EDIT_TOOLS, ...OUTPAINT_TOOLS };

/**
 * Endpoint id → [our model id (for timings), reference images it takes (0: text-to-image), label for logs, price,
 * output type ('v4': runs the safety checker and says so; 'emu35': images and seed only), sizes [min, max] side].
 * Price in micro-dollars (see the header): [first output MP, each further output MP, each reference, 'image' |
 * 'mp': the reference price is per image or per MP of the reference].
 */
const ENDPOINTS = {};
for (const [path, model, refs, label, price, editPrice, output = 'emu35', sides = [64, 4096]] of [
  // "A maximum of 4 images are allowed" (fal-js endpoints.ts Flux2Klein4bEditInput; Flux2Klein9bEditInput is the same type).
  ['flux-2/klein/4b', 'flux-2-klein-4b', 4, 'FLUX.2 [klein] 4B', [5000, 5000], [10000, 10000, 10000, 'image'], 'v4'],
  ['flux-2/klein/9b', 'flux-2-klein-9b', 4, 'FLUX.2 [klein] 9B', [6000, 6000], [11000, 11000, 11000, 'image'], 'v4'],
  // FLUX.2 [dev] at its bare `fal-ai/flux-2` (Flux2Input: sides 512–2048; Flux2EditInput: 4 images), $0.012 per MP
  // of output and of each reference (fal.ai/models/fal-ai/flux-2, as lumenfall.ai cites it).
  ['flux-2', 'flux-2-dev', 4, 'FLUX.2 [dev]', [12000, 12000], [12000, 12000, 12000, 'mp'], 'v4', [512, 2048]],
  // fal states no maximum for these: BFL's 8 (BFL's OpenAPI schema Flux2Inputs input_image…input_image_8), stricter.
  ['flux-2-pro', 'flux-2-pro', 8, 'FLUX.2 [pro]', [30000, 15000], [30000, 15000, 15000, 'mp']],
  ['flux-2-flex', 'flux-2-flex', 8, 'FLUX.2 [flex]', [50000, 50000], [50000, 50000, 50000, 'mp']],
  ['flux-2-max', 'flux-2-max', 8, 'FLUX.2 [max]', [70000, 30000], [70000, 30000, 30000, 'mp']],
]) {
  ENDPOINTS[`fal-ai/${path}`] = [model, 0, label, price, output, sides];
  ENDPOINTS[`fal-ai/${path}/edit`] = [model, refs, label, editPrice, output, sides];
}

/**
 * The other families' endpoints, and FLUX 3's (the header's "Other families"): endpoint id → [our model id, label, unit
 * price in micro-dollars per unit, input check, the pricing API's line where it is not per image]. Each is billed per
 * image (the pricing API's unit 'image'); Nano Banana 2 at its resolution tier's multiple of the unit; Nano Banana 2.1
 * by tokens at fal, billed here at fal's own figures per image.
 */
const FAMILY = {
  'fal-ai/bytedance/seedream/v4.5/text-to-image': ['seedream-4.5', 'Seedream 4.5', 40000, seedream45],
  'bytedance/seedream/v5/lite/text-to-image': ['seedream-5-lite', 'Seedream 5.0 Lite', 35000, seedream5Lite],
  'fal-ai/nano-banana-2': ['gemini-3.1-flash-image', 'Nano Banana 2', 80000, nanoBanana2],
  'google/nano-banana-2.1': [
    'gemini-nano-banana-2.1',
    'Nano Banana 2.1',
    40000,
    nanoBanana21,
    { unit_price: 0.000035294, unit: 'tokens' },
  ],
  'blackforestlabs/flux-3/text-to-image': ['flux-3-image', 'FLUX 3', 48000, flux3],
  // Seedream's edit endpoints (fal-edits.mjs): its input and up to 10 `image_urls`, at its price per image.
  'fal-ai/bytedance/seedream/v4.5/edit': ['seedream-4.5', 'Seedream 4.5', 40000, withImages(seedream45, 10)],
  'bytedance/seedream/v5/lite/edit': ['seedream-5-lite', 'Seedream 5.0 Lite', 35000, withImages(seedream5Lite, 10)],
};
/**
 * The first day fal no longer serves a family endpoint, by the simulators' clock (clock.mjs; the scenario's `now=`):
 * Nano Banana 2's upstream, Gemini 3.1 Flash Image, shut down on 2026-10-29 (third parties' date; Google deprecated it
 * on 2026-10-06). Whether fal still answers it no source says: from then on it is an endpoint fal does not serve, the
 * stricter.
 */
const SHUTDOWN = { 'fal-ai/nano-banana-2': '2026-10-29' };
/** The family endpoint `id` where fal serves it at the request's moment; undefined otherwise. */
const servedFamily = (id, scenario) =>
  Object.hasOwn(FAMILY, id) && servedAt(SHUTDOWN[id], simulatorNow(scenario)) ? FAMILY[id] : undefined;

/** Nano Banana 2's resolution tiers: the multiple of the unit each bills, and its pixel count (1K: 1024²). */
const NANO_TIERS = {
  '0.5K': [0.75, 512 * 512],
  '1K': [1, 1024 * 1024],
  '2K': [1.5, 2048 * 2048],
  '4K': [2, 4096 * 4096],
};
const NANO_RATIOS = [
  'auto',
  '21:9',
  '16:9',
  '3:2',
  '4:3',
  '5:4',
  '1:1',
  '4:5',
  '3:4',
  '2:3',
  '9:16',
  '4:1',
  '1:4',
  '8:1',
  '1:8',
];
const SEEDREAM_PRESETS = { auto_2K: [2048, 2048], auto_3K: [3072, 3072], auto_4K: [4096, 4096] };

/** A Seedream `image_size`: `{width, height}` in whole pixels or one of `presets`; [w, h], or undefined. */
function seedreamSize(size, presets) {
  if (typeof size === 'string') return presets[size];
  if (size && typeof size === 'object' && Number.isInteger(size.width) && Number.isInteger(size.height))
    return [size.width, size.height];
  return undefined;
}

/** Seedream 4.5 (SeedDream45T2IInput): sides 1920–4096 (and so 2560×1440–4096² in all), 1–6 generations, a seed. */
function seedream45(body, problems) {
  const count = common(body, problems, 6, true);
  const size = seedreamSize(body.image_size ?? 'auto_2K', { auto_2K: [2048, 2048], auto_4K: [4096, 4096] });
  if (!size || Math.min(...size) < 1920 || Math.max(...size) > 4096)
    problems.push(detail(['image_size'], 'Width and height must be between 1920 and 4096'));
  return { count, size, units: 1, header: 1 };
}

/**
 * Seedream 5.0 Lite (SeedDream50LiteT2IInput; fal's API reference: "Total pixels must be between 2560x1440 and
 * 3072x3072. In case the image size does not fall within these parameters, the image size will be adjusted to by
 * scaling"): a size outside is made scaled into the range, keeping its shape, and billed the same; no seed field.
 */
function seedream5Lite(body, problems) {
  const count = common(body, problems, 6, false);
  let size = seedreamSize(body.image_size ?? 'auto_2K', SEEDREAM_PRESETS);
  if (!size || Math.min(...size) < 1) problems.push(detail(['image_size'], 'Input should be a valid image size'));
  else {
    const pixels = size[0] * size[1];
    const scale = Math.sqrt(Math.min(Math.max(pixels, 2560 * 1440), 3072 * 3072) / pixels);
    if (scale !== 1) size = size.map((side) => Math.round(side * scale));
  }
  return { count, size, units: 1, header: 1 };
}

/**
 * Nano Banana 2 (NanoBanana2Input): `aspect_ratio` one of NANO_RATIOS (default 'auto': 1:1 here), `resolution` one of
 * NANO_TIERS (default '1K'), 1–4 images, a seed, `output_format` jpeg | png | webp, `safety_tolerance` '1' … '6'.
 */
function nanoBanana2(body, problems) {
  const count = common(body, problems, 4, true);
  const ratio = body.aspect_ratio ?? 'auto';
  const tier = body.resolution ?? '1K';
  for (const [field, value, list] of [
    ['aspect_ratio', ratio, NANO_RATIOS],
    ['resolution', tier, Object.keys(NANO_TIERS)],
    ['output_format', body.output_format ?? 'png', ['jpeg', 'png', 'webp']],
    ['safety_tolerance', body.safety_tolerance ?? '4', ['1', '2', '3', '4', '5', '6']],
  ]) {
    const problem = controlProblem(field, value, { oneOf: list });
    if (problem) problems.push(problem);
  }
  if (!NANO_TIERS[tier] || !NANO_RATIOS.includes(ratio)) return { count, units: 1 };
  const [across, down] = (ratio === 'auto' ? '1:1' : ratio).split(':').map(Number);
  const [units, pixels] = NANO_TIERS[tier];
  // The header counts the image, not the units its tier bills (the header's "Billable units").
  return { count, size: ratioSize(across / down, pixels), units, header: 1 };
}

/** About `pixels` at the ratio `value` (width / height), sides multiples of 16. */
function ratioSize(value, pixels) {
  const width = Math.round(Math.sqrt(pixels * value) / 16) * 16;
  return [width, Math.round(width / value / 16) * 16];
}

/**
 * Nano Banana 2.1 (the same input as Nano Banana 2, as fal's pages show it): `resolution` 1K | 2K | 4K (no 0.5K, as at
 * Google), each made at Google's size for it; billed at fal's "≈ $0.040 at 1K, $0.134 at 4K" (2K, for which fal states
 * no figure, as 4K: the stricter), 1 or 3.35 units of $0.04. fal bills it by tokens: no billable units are sent.
 */
function nanoBanana21(body, problems) {
  const count = common(body, problems, 4, true);
  const ratio = body.aspect_ratio ?? 'auto';
  const tier = body.resolution ?? '1K';
  for (const [field, value, list] of [
    ['aspect_ratio', ratio, NANO_RATIOS],
    ['resolution', tier, ['1K', '2K', '4K']],
  ]) {
    const problem = controlProblem(field, value, { oneOf: list });
    if (problem) problems.push(problem);
  }
  if (!['1K', '2K', '4K'].includes(tier) || !NANO_RATIOS.includes(ratio)) return { count, units: 1 };
  const [across, down] = (ratio === 'auto' ? '1:1' : ratio).split(':').map(Number);
  return { count, size: ratioSize(across / down, NANO_TIERS[tier][1]), units: tier === '1K' ? 1 : 3.35 };
}

/**
 * FLUX 3 at fal (blackforestlabs/flux-3/text-to-image): `aspect_ratio` auto (1:1 here) or BFL's list, `resolution` its
 * 1k class only (default 1k: fal's page prices no other, and the simulator refuses what it cannot price, the stricter),
 * made at about 1 MP at the ratio, sides multiples of 16; $0.048 an image. Other fields are ignored, as pydantic does.
 */
function flux3(body, problems) {
  const count = common(body, problems, 1, false);
  const ratio = body.aspect_ratio ?? 'auto';
  for (const [field, value, list] of [
    ['aspect_ratio', ratio, ['auto', ...FLUX3_RATIOS]],
    ['resolution', body.resolution ?? '1k', ['1k']],
  ]) {
    const problem = controlProblem(field, value, { oneOf: list });
    if (problem) problems.push(problem);
  }
  if (ratio !== 'auto' && !FLUX3_RATIOS.includes(ratio)) return { count, units: 1 };
  const [across, down] = (ratio === 'auto' ? '1:1' : ratio).split(':').map(Number);
  return { count, size: ratioSize(across / down, 1024 * 1024), units: 1, header: 1 };
}
const FLUX3_RATIOS = '21:9 2:1 16:9 3:2 7:5 4:3 5:4 1:1 4:5 3:4 5:7 2:3 9:16 1:2 9:21'.split(' ');

/**
 * A key's own price of the families, in micro-dollars per unit (fal's pricing API: "Custom pricing or discounts may
 * be applied based on account status"): a key starting `sim-discount-<n>-` pays n% less, in its prices and its bills.
 */
function unitPriceFor(key, micro) {
  const off = Number(/^sim-discount-(\d{1,2})-/.exec(key ?? '')?.[1] ?? 0);
  return (micro * (100 - off)) / 100;
}

/**
 * The controls an endpoint's input type takes (the header's list), by field: the values it takes (`one of`), or a
 * boolean.
 */
function controlsOf(endpoint) {
  const [model, , , , output] = ENDPOINTS[endpoint];
  if (output !== 'v4')
    return { output_format: { oneOf: ['jpeg', 'png'] }, safety_tolerance: { oneOf: ['1', '2', '3', '4', '5'] } };
  const controls = { output_format: { oneOf: ['jpeg', 'png', 'webp'] } };
  if (model === 'flux-2-dev') controls.enable_prompt_expansion = { boolean: true };
  return controls;
}

/** pydantic's words for a control given otherwise than the input type takes; undefined where it passes. */
function controlProblem(field, value, { oneOf, boolean }) {
  if (value === undefined) return undefined;
  if (boolean)
    return typeof value === 'boolean' ? undefined : detail([field], 'Input should be a valid boolean', 'bool_type');
  if (oneOf.includes(value)) return undefined;
  const listed = oneOf.map((each) => `'${each}'`);
  return detail([field], `Input should be ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`, 'enum');
}

/** The simulator's prompt expansion: a longer paraphrase of `prompt`, the same every time for the same prompt. */
const expand = (prompt) => `${prompt.trim()}, in sharp detail, with balanced composition and soft natural light`;

const MB = 1024 * 1024;
/** Megapixels as fal bills them: started 1024² megapixels, at least 1. */
const mp = (width, height) => Math.max(1, Math.ceil((width * height) / MB));
/** A reference as [pro]/[flex]/[max] edit process it: resized to at most 4 MP keeping its shape. */
const processed = (size) => fitWithin(size, 4 * MB);

/** Micro-dollars a request costs by the header's table: each of its `count` images at the full price. */
function priceOf(endpoint, width, height, count, refs) {
  const [first, extra, perRef = 0, unit] = ENDPOINTS[endpoint][3];
  const references = refs.reduce((sum, ref) => {
    const size = processed(ref);
    return sum + perRef * (unit === 'mp' ? mp(size.width, size.height) : 1);
  }, 0);
  return count * (first + (mp(width, height) - 1) * extra + references);
}

/** Task faults that end without an output and are not billed (a moderated one is: see Billing above). */
const UNBILLED = new Set(['error', 'never-ready']);
/** What the Platform API says an Admin key's account had before it was billed anything, in micro-dollars. */
const START_BALANCE = 10_000_000;
const PRESETS = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const STEPS = 4;
/** fal's `detail` of the faults it plays, by status (a 429 at submit says 'Too many concurrent requests' instead). */
const FAULT_DETAILS = {
  401: 'Invalid key',
  403: 'Invalid key',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
};
const faultBody = (status) => ({ detail: FAULT_DETAILS[status] });
/** The Platform API's (api.fal.ai/v1) error envelope, as its OpenAPI document gives it (see the header). */
const platformError = (type, message) => ({ error: { type, message } });

const EXPOSE = { 'Access-Control-Expose-Headers': 'Retry-After, x-fal-request-id' };
const reply = (req, res, status, body, headers) => send(req, res, status, body, { ...EXPOSE, ...headers });

export function createFalSimulator({ pendingMs = 3000, queueMs = 0 } = {}) {
  const tasks = new Map();
  const images = createImageCache(8); // by `${id}-${n}`
  const charges = createChargeBook(); // key (without `Key `) → micro-dollars of each request, billed once completed
  const faultCounter = createSegmentCounter(); // submits seen (times=<n> at submit)
  const log = createRequestLog();
  const storage = createFalStorage(); // fal's CDN: the images sent to the edit endpoints (fal-edits.mjs)
  const testRoutes = createTestRoutes({
    base: '/sim/fal',
    log,
    reply,
    charges: {
      book: charges,
      prefix: /^Key /,
      missing: { detail: 'Query parameter `key` required' },
      report: ({ units, count }) => ({ usd: decimal(units, 6), requests: count }),
    },
    forget: [tasks, images, faultCounter, storage.forget],
    release: (hold) => {
      const now = Date.now();
      const held = [...tasks.values()].filter((task) => task.holds && !task.cancelledAt && task.scenario.hold === hold);
      for (const task of held) {
        // Out of the queue now (or at its queue time, if that is later), then IN_PROGRESS for its in-progress time.
        if (task.holds === 2) {
          task.queuedUntil = Math.max(task.queuedUntil, now);
          task.readyAt = task.queuedUntil + task.inProgressMs;
        } else task.readyAt = Math.max(task.readyAt, now);
        task.holds--;
      }
      return held.length;
    },
  });

  /**
   * Checks the input like fal's schema; returns `{ width, height, count, refs, received, asked, problems, refusal }`,
   * `refusal` what the runner refuses once it reads the images (fal-edits.mjs).
   */
  function validate(endpoint, body) {
    const [, maxRefs] = ENDPOINTS[endpoint];
    const problems = [];
    if (typeof body.prompt !== 'string' || !body.prompt.trim()) {
      problems.push(
        body.prompt === undefined
          ? detail(['prompt'], 'Field required', 'missing')
          : detail(['prompt'], 'String should have at least 1 character', 'string_too_short'),
      );
    }
    let refs = [];
    let received = []; // each image_urls entry as its file reads: [w, h], or null (fal-edits.mjs)
    let refusal;
    if (maxRefs) {
      const urls = body.image_urls;
      if (!Array.isArray(urls) || !urls.length) problems.push(detail(['image_urls'], 'Field required', 'missing'));
      else {
        const read = readImages(urls, ['image_urls'], storage);
        ({ refs, received, refusal } = read);
        problems.push(...read.problems);
        if (urls.length > maxRefs)
          problems.push(detail(['image_urls'], `At most ${maxRefs} images are allowed`, 'too_long'));
      }
    }
    // Edit endpoints default to `auto`: about the first reference's size (sides multiples of 16 in 64–2048).
    const auto =
      refs[0] &&
      [refs[0].width, refs[0].height].map((side) => Math.min(2048, Math.max(64, Math.round(side / 16) * 16)));
    let size = body.image_size ?? (auto ? 'auto' : 'landscape_4_3');
    if (typeof size === 'string') size = PRESETS[size] ?? (size === 'auto' ? auto : undefined);
    else if (size && typeof size === 'object' && !Array.isArray(size)) size = [size.width, size.height];
    const [width, height] = Array.isArray(size) ? size : [];
    if (!Number.isInteger(width) || !Number.isInteger(height)) {
      problems.push(
        detail(
          ['image_size'],
          `Input should be one of ${Object.keys(PRESETS).join(', ')} or {width, height} in whole pixels`,
        ),
      );
    } else if (
      Math.min(width, height) < ENDPOINTS[endpoint][5][0] ||
      Math.max(width, height) > ENDPOINTS[endpoint][5][1] ||
      width * height > 4 * 1024 * 1024
    ) {
      const [min, max] = ENDPOINTS[endpoint][5];
      problems.push(
        detail(['image_size'], `Width and height must be ${min}–${max} pixels and together at most 4 megapixels`),
      );
    }
    const count = body.num_images ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 4)
      problems.push(detail(['num_images'], 'Input should be between 1 and 4', 'less_than_equal'));
    if (body.seed != null && !Number.isInteger(body.seed))
      problems.push(detail(['seed'], 'Input should be a valid integer', 'int_type'));
    const asked = {};
    for (const [field, control] of Object.entries(controlsOf(endpoint))) {
      if (field in body) asked[field] = body[field];
      const problem = controlProblem(field, body[field], control);
      if (problem) problems.push(problem);
    }
    return { width, height, count, refs, received, asked, problems, refusal };
  }

  /**
   * Checks a family endpoint's input like fal's schema (FAMILY); the same shape as `validate`, and its `units`. An edit
   * endpoint's images are read from the storage (fal-edits.mjs, `withImages`), and the log `entry` says what came.
   */
  function validateFamily(endpoint, body, entry) {
    const problems = [];
    const { count, size, units, header, refs = [], refusal } = FAMILY[endpoint][3](body, problems, storage, entry);
    const asked = {};
    for (const field of ['image_size', 'aspect_ratio', 'resolution', 'seed', 'output_format', 'safety_tolerance'])
      if (field in body) asked[field] = body[field];
    const [width, height] = size ?? [];
    return { width, height, count, refs, received: entry.inputs ?? [], asked, problems, units, header, refusal };
  }

  /**
   * fal's pricing API (header): any key may ask; `endpoint_id` 1–50 ids, comma-separated or repeated; an id fal does
   * not serve is refused (404) rather than left out.
   */
  function pricing(req, res, url, scenario) {
    const key = /^Key (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (req.method !== 'GET') return reply(req, res, 405, { detail: 'Method Not Allowed' });
    if (!key) return reply(req, res, 401, platformError('authorization_error', 'Authentication required'));
    if (scenario.pricing === '403')
      return reply(req, res, 403, platformError('authorization_error', 'Access denied: an Admin API key is required'));
    const ids = url.searchParams
      .getAll('endpoint_id')
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter(Boolean);
    // "Accepts 1-50 endpoint IDs": otherwise 400 "Invalid request parameters" (the OpenAPI document).
    if (ids.length < 1 || ids.length > 50)
      return reply(req, res, 400, platformError('validation_error', 'endpoint_id: give 1 to 50 endpoint ids'));
    const unknown = ids.find((id) => !servedFamily(id, scenario) && !ENDPOINTS[id] && !TOOLS[id]);
    if (unknown) return reply(req, res, 404, platformError('not_found', `Resource not found: ${unknown}`));
    // Fill and Erase per megapixel (fal-edits.mjs): Fill's price, Erase's first megapixel's, the key's own.
    const tool = (id) => ({ unit_price: unitPriceFor(key, TOOLS[id].first) / 1e6, unit: 'megapixels' });
    const prices = ids.map((id) =>
      TOOLS[id]
        ? { endpoint_id: id, ...tool(id), currency: 'USD' }
        : FAMILY[id]
          ? {
              endpoint_id: id,
              unit_price: unitPriceFor(key, FAMILY[id][2]) / 1e6,
              unit: 'image',
              ...FAMILY[id][4],
              currency: 'USD',
            }
          : { endpoint_id: id, unit_price: ENDPOINTS[id][3][0] / 1e6, unit: 'megapixels', currency: 'USD' },
    );
    reply(req, res, 200, { prices, next_cursor: null, has_more: false });
  }

  /** Billed: queued, COMPLETED by now with an output (even if its result or image is then lost), not cancelled. */
  const billed = (task, now) => !task.cancelledAt && !UNBILLED.has(task.scenario.fault) && now >= doneAt(task);

  async function submit(req, res, endpoint, scenario, segment, prefix, entry) {
    const auth = req.headers.authorization ?? '';
    const body = await readJson(req);
    const fault = submitFault(req, scenario, segment, faultCounter);
    const truncated = '{"status": "IN_QUEUE", "request_id": "';
    if (edgeFault(req, res, fault, scenario, entry, { json: faultBody, truncated, reply })) return;
    if (!auth.startsWith('Key ') || auth.length < 5)
      return reply(req, res, 401, {
        detail: 'Missing or malformed Authorization header: send `Authorization: Key <your fal key>`',
      });
    if (fault === '401' || fault === '403') return reply(req, res, Number(fault), faultBody(fault));
    if (fault === 'exhausted' || auth === 'Key sim-empty') {
      return reply(req, res, 403, {
        detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.',
      });
    }
    if (fault === '402')
      return reply(req, res, 402, { detail: 'Payment required: add credits at fal.ai/dashboard/billing.' });
    if (fault === '429') return reply(req, res, 429, { detail: 'Too many concurrent requests' }, retryAfter(scenario));
    if (fault === '500') return reply(req, res, 500, faultBody(500));
    const family = servedFamily(endpoint, scenario);
    const tool = TOOLS[endpoint]; // Fill, Erase (fal-edits.mjs), Outpainting (fal-outpaint.mjs)
    if (!ENDPOINTS[endpoint] && !family && !tool)
      return reply(req, res, 404, { detail: `Application '${endpoint}' not found` });
    if (fault === '422')
      return reply(req, res, 422, {
        detail: [detail(['prompt'], 'Simulated validation error: this prompt is not accepted')],
      });
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return reply(req, res, 422, { detail: [detail([], 'Input should be a valid dictionary', 'dict_type')] });
    const checked = tool
      ? tool.check(body, storage, entry)
      : family
        ? validateFamily(endpoint, body, entry)
        : validate(endpoint, body);
    const { width, height, count, refs, received, asked = {}, problems, units, header, refusal } = checked;
    if (ENDPOINTS[endpoint]?.[1]) entry.inputs = received;
    entry.asked = asked;
    if (problems.length) return reply(req, res, 422, { detail: problems });

    const [model, , label, , output] = tool
      ? [tool.model, 0, tool.label, 0, tool.output ?? 'v4']
      : family
        ? [family[0], 0, family[1], 0, 'family']
        : ENDPOINTS[endpoint];
    const now = Date.now();
    forgetExpired(tasks, (task) => task.createdAt + 3600_000, now);
    const pending = Number(scenario.pending ?? forModel(pendingMs, model));
    const queue = Math.min(pending, Number(scenario.queue ?? forModel(queueMs, model)));
    const id = randomUUID();
    const app = endpoint.split('/').slice(0, 2).join('/');
    const base = `${prefix}/${app}/requests/${id}`;
    const task = {
      id,
      app,
      key: auth,
      label,
      prompt: body.prompt,
      // What it was made from (v4Output `prompt`): expanded where [dev] was asked to (the header).
      used:
        ENDPOINTS[endpoint] &&
        body.enable_prompt_expansion === true &&
        'enable_prompt_expansion' in controlsOf(endpoint)
          ? expand(body.prompt)
          : (body.prompt ?? ''),
      // What fal's runner refuses once it has read the images (fal-edits.mjs): the result's 422, billed.
      refusal,
      seed: seedFrom(body.seed),
      width,
      height,
      count,
      refs,
      scenario,
      output,
      cdn: baseUrl(req, otherHost(req.headers.host)),
      urls: { request_id: id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` },
      ...schedule(now, pending, queue),
      inProgressMs: pending - queue,
      // The releases it waits for (hold=<name>): one to leave the queue, where it has a queue time; one to complete.
      holds: scenario.hold === undefined ? 0 : queue ? 2 : 1,
      position: queue ? Number(scenario.position ?? 3) : 0,
      polls: 0,
      micro: tool
        ? tool.cost(unitPriceFor(auth.slice(4), tool.first), { width, height }, count, refs)
        : family
          ? count * units * unitPriceFor(auth.slice(4), family[2])
          : priceOf(endpoint, width, height, count, refs),
      // What the result's `x-fal-billable-units` says (the other families only: see the header).
      units: family && header !== undefined ? count * header : undefined,
    };
    tasks.set(id, task);
    charges.charge(auth.slice(4), task.micro, { when: (now) => billed(task, now) });
    entry.id = id;
    if (acceptThenDrop(req, res, fault, entry)) return;
    reply(req, res, 200, { status: 'IN_QUEUE', ...task.urls, queue_position: task.position });
  }

  /** The task a queue URL names, after the same key checks fal makes; undefined when it answered. */
  function own(req, res, app, id) {
    const task = tasks.get(id);
    if (!task || task.app !== app) return void reply(req, res, 404, { detail: 'Request not found' });
    const auth = req.headers.authorization;
    if (!auth) return void reply(req, res, 401, { detail: 'Missing Authorization header' });
    if (auth !== task.key) return void reply(req, res, 403, { detail: 'This request belongs to another key' });
    return task;
  }

  const doneAt = (task) =>
    task.cancelledAt ?? (task.scenario.fault === 'never-ready' || task.holds ? Infinity : task.readyAt);

  function logs(task, now) {
    const at = (ms) => new Date(ms).toISOString();
    const list = [{ message: `Loading ${task.label}`, level: 'INFO', source: 'user', timestamp: at(task.queuedUntil) }];
    const span = Math.max(1, task.readyAt - task.queuedUntil);
    const { echo, every, by } = task.scenario;
    const key = task.key.replace(/^Key /, '');
    for (let step = 1; step <= STEPS; step++) {
      const time = task.queuedUntil + (span * step) / (STEPS + 1);
      const message = echo === 'pieces' ? `Key ${keyInPieces(key, every, by)}` : `Generating: step ${step}/${STEPS}`;
      if (time <= now) list.push({ message, level: 'INFO', source: 'user', timestamp: at(time) });
    }
    return list;
  }

  function status(req, res, url, task, entry) {
    const { scenario } = task;
    const truncated = `{"status": "IN_PROGRESS", "request_id": "${task.id}", "resp`;
    if (pollFault(req, res, scenario.fault, task, entry, { json: faultBody, truncated, reply })) return;
    const now = Date.now();
    const withLogs = url.searchParams.get('logs') === '1';
    if (now < doneAt(task) && (now < task.queuedUntil || scenario.fault === 'never-ready' || task.holds === 2)) {
      const left = Math.max(0, task.queuedUntil - now) / Math.max(1, task.queuedUntil - task.createdAt);
      return reply(req, res, 202, {
        status: 'IN_QUEUE',
        ...task.urls,
        queue_position: Math.min(task.position, Math.floor(task.position * left)),
      });
    }
    if (now < doneAt(task))
      return reply(req, res, 202, { status: 'IN_PROGRESS', ...task.urls, logs: withLogs ? logs(task, now) : null });
    const failure = task.cancelledAt
      ? { error: 'Request was cancelled', error_type: 'request_cancelled' }
      : scenario.fault === 'moderated'
        ? { error: 'Content policy violation', error_type: 'content_policy_violation' }
        : scenario.fault === 'error'
          ? { error: 'Internal server error', error_type: 'internal_error' }
          : {};
    reply(req, res, 200, {
      status: 'COMPLETED',
      ...task.urls,
      logs: withLogs ? logs(task, now) : null,
      metrics: { inference_time: (task.readyAt - task.queuedUntil) / 1000 },
      ...failure,
    });
  }

  function result(req, res, task) {
    const now = Date.now();
    if (task.cancelledAt) return reply(req, res, 400, { detail: 'Request was cancelled' });
    if (now < doneAt(task)) return reply(req, res, 400, { detail: 'Request is still in progress' });
    const fault = task.scenario.fault;
    if (fault === 'moderated') {
      return reply(req, res, 422, {
        detail: [
          {
            loc: ['body', 'prompt'],
            msg: 'The content could not be processed because it contained material flagged by a content checker.',
            type: 'content_policy_violation',
            url: 'https://docs.fal.ai/errors#content_policy_violation',
          },
        ],
      });
    }
    // The request failed at fal (its request error, typed) or only this reply did (fal's body without a type).
    if (fault === 'error')
      return reply(
        req,
        res,
        500,
        { detail: 'Runner encountered an internal server error', error_type: 'runner_server_error' },
        { 'X-Fal-Error-Type': 'runner_server_error' },
      );
    if (fault === 'result-500') return reply(req, res, 500, faultBody(500));
    if (task.refusal) return reply(req, res, 422, { detail: task.refusal });
    const file = (n) =>
      fault === 'insecure-image'
        ? `http://cdn.example.com/files/${task.id}-${n}.png`
        : `${task.cdn}/sim/fal-cdn/files/${task.id}-${n}${fault === 'expired-image' ? '-expired' : ''}.png`;
    const images = Array.from({ length: task.count }, (_, n) => ({
      url: file(n),
      width: task.width,
      height: task.height,
      content_type: 'image/png',
    }));
    // Only the endpoints with a safety checker say what it found (v4Output); the others send images and seed.
    const flagged = fault === 'nsfw' && task.output === 'v4';
    const checked = {
      has_nsfw_concepts: Array(task.count).fill(flagged),
      prompt: task.used,
      timings: { inference: (task.readyAt - task.queuedUntil) / 1000 },
    };
    reply(
      req,
      res,
      200,
      { images, seed: task.seed, ...(task.output === 'v4' ? checked : {}) },
      {
        'x-fal-request-id': task.id,
        ...(task.units !== undefined && {
          'x-fal-billable-units': task.scenario.units ?? String(task.units),
          // Exposed to the page only where the scenario says (the header's "Billable units").
          ...(task.scenario.expose === 'billable' && {
            'Access-Control-Expose-Headers': 'Retry-After, x-fal-request-id, x-fal-billable-units',
          }),
        }),
      },
    );
  }

  /** The Platform API's billing: an Admin key's balance (what it was billed comes off $10), any other key refused. */
  function billing(req, res, url) {
    const key = /^Key (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (req.method !== 'GET') return reply(req, res, 405, { detail: 'Method Not Allowed' });
    if (!key) return reply(req, res, 401, platformError('authorization_error', 'Authentication required'));
    // The route's security is `adminApiKey` (the OpenAPI document): any other key is 403 "Access denied".
    if (!key.startsWith('sim-admin'))
      return reply(req, res, 403, platformError('authorization_error', 'Access denied: an Admin API key is required'));
    const credits = url.searchParams.get('expand') === 'credits';
    const left = START_BALANCE - charges.total(key).units;
    reply(req, res, 200, {
      username: 'sim-team',
      ...(credits ? { credits: { current_balance: Number(decimal(left, 6)), currency: 'USD' } } : {}),
    });
  }

  function cancel(req, res, task) {
    const now = Date.now();
    if (task.cancelledAt || now >= doneAt(task)) return reply(req, res, 400, { status: 'ALREADY_COMPLETED' });
    task.cancelledAt = now;
    reply(req, res, 202, { status: 'CANCELLATION_REQUESTED' });
  }

  /** fal's CDN: image n of a request, `{id}-{n}.png`; `-expired` names one whose URL has expired (403). */
  function deliver(req, res, name) {
    const [, id, n, expired] = /^(.+)-(\d+)(-expired)?$/.exec(name) ?? [];
    const task = tasks.get(id);
    const refusal = () =>
      !task || expired || Number(n) >= task.count
        ? {
            status: 403,
            xml: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
          }
        : undefined;
    const { width, height, prompt, seed } = task ?? {};
    // A flagged image is sent black (fal's safety checker).
    const black = task?.scenario.fault === 'nsfw' && task.output === 'v4';
    const image = () => images.image(name, { width, height, prompt, seed: seed + Number(n), black });
    const delayMs = Number(task?.scenario.imageDelay);
    return deliverImage(req, res, { delayMs, refusal, image, cacheControl: 'public, max-age=604800' });
  }

  return {
    /** Handles `/sim/fal/…` and `/sim/fal-cdn/…`; false for anything else. */
    async handle(req, res) {
      // fal's file storage, where the images an edit sends go first (fal-edits.mjs).
      if (await storage.handle(req, res, log, requestEntry)) return true;
      const url = requestUrl(req);
      const path = url.pathname;
      const cdn = /^\/sim\/fal-cdn\/files\/([\w-]+)\.png$/.exec(path);
      if (!cdn && !/^\/sim\/fal(\/|$)/.test(path)) return false;
      if (req.method === 'OPTIONS') {
        // fal cancels with PUT; @fal-ai/client adds headers of its own (x-fal-*).
        preflight(req, res, { methods: 'GET, POST, PUT, OPTIONS', allowRequestedHeaders: true });
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const priced = /^\/sim\/fal(?:\/s\/([^/]*))?\/v1\/models\/pricing$/.exec(path);
      if (priced) {
        log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
        pricing(req, res, url, parseScenario(priced[1]));
        return true;
      }
      if (/^\/sim\/fal(\/s\/[^/]*)?\/v1\/account\/billing$/.test(path)) {
        log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
        billing(req, res, url);
        return true;
      }
      const match = /^\/sim\/fal(?:\/s\/([^/]*))?\/(.+)$/.exec(path);
      const queued = match && /^([^/]+\/[^/]+)\/requests\/([\w-]+)(\/status|\/cancel)?$/.exec(match[2]);
      const id = cdn ? cdn[1].replace(/-\d+(-expired)?$/, '') : queued?.[2];
      const entry = log.add(requestEntry(req, url, { keyHeader: 'authorization', id }));
      if (cdn) {
        await deliver(req, res, cdn[1]);
        return true;
      }
      if (!match) {
        reply(req, res, 404, { detail: 'Not Found' });
        return true;
      }
      const scenario = parseScenario(match[1]);
      const host = scenario.otherhost ? otherHost(req.headers.host) : req.headers.host;
      const prefix = `${baseUrl(req, host)}/sim/fal${match[1] ? `/s/${match[1]}` : ''}`;
      try {
        if (queued) {
          const [, app, id, action] = queued;
          const method = action === '/cancel' ? 'PUT' : 'GET';
          if (req.method !== method && !(method === 'GET' && req.method === 'HEAD'))
            reply(req, res, 405, { detail: 'Method Not Allowed' });
          else {
            const task = own(req, res, app, id);
            if (task && action === '/status') status(req, res, url, task, entry);
            else if (task && action === '/cancel') cancel(req, res, task);
            else if (task) result(req, res, task);
          }
        } else if (req.method === 'POST') await submit(req, res, match[2], scenario, match[1] ?? '', prefix, entry);
        else reply(req, res, 405, { detail: 'Method Not Allowed' });
      } catch (error) {
        if (!res.headersSent)
          reply(req, res, error.status ?? 500, {
            detail: error.status === 413 ? 'Request body too large' : 'Internal server error',
          });
      }
      return true;
    },
  };
}
