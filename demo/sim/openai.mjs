// Simulator of OpenAI-compatible image gateways (the `images.generate` call of the `openai` SDK), in three dialects:
//   /sim/openai     a generic gateway: FLUX.2 as `black-forest-labs/flux-2-klein-9b`…, the size as `size: "WxH"`,
//                   `url` (its CDN answers CORS) or `b64_json`; a flat price per image (`price=`)
//   /sim/together   Together AI as recorded (test/recorded/together-flux-2-max.json, a real api.together.xyz
//                   exchange): models `black-forest-labs/FLUX.2-{dev,pro,flex,max}`; the size as `width` and `height`
//                   (default 1024 each: `size` is ignored, so an image asked for as `size` comes back 1024×1024);
//                   `reference_images` accepted; answers {id, model, object: 'list', data: [{timings: {inference},
//                   index, url}]} with `Access-Control-Allow-Origin: *`, the url a short link on another host (the
//                   recording's api.together.ai/shrt/…) whose CORS was not recorded: it answers none here, unless
//                   `imageCors=1`; `response_format: 'base64'` answers `b64_json`. Billed as Puter's catalogue lists
//                   Together's prices: [dev] $0.0154, [pro] and [flex] $0.03 per image, [max] $0.07 per 10⁶ pixels
//   /sim/deepinfra  DeepInfra as its model pages document it (deepinfra.com/black-forest-labs/FLUX-2-dev/api): at
//                   `/v1/openai/images/generations` (not `/v1/images/generations`), model `black-forest-labs/FLUX-2-dev`,
//                   `size` "WxH", `b64_json` only ("Currently only b64_json is supported": another response_format is
//                   refused 422); billed $0.01 × (width / 1024) × (height / 1024) (its price at the default 28 steps)
//
//   /sim/openai also plays OpenAI's own Image API for GPT Image, as OpenAI's API reference
//                   (platform.openai.com/docs/api-reference/images/create), its deprecations page and the recorded
//                   replies (test/recorded/openai/) say, each model until the day OpenAI shut it down (by the
//                   simulator's clock, below): `gpt-image-2.6-flare` and `-sunburst`, `gpt-image-2.5-flare` and
//                   `-sunburst`, `gpt-image-2`, `gpt-image-1.5` and `gpt-image-1-mini` (until their shutdown on
//                   2026-12-01), `gpt-image-1` (until 2026-10-23, as third parties report it refused since). From that
//                   day on a model is answered 404 as one OpenAI does not have: {error: {message: "The model
//                   `gpt-image-1.5` does not exist or you do not have access to it.", type: 'invalid_request_error',
//                   param: null, code: 'model_not_found'}}. A model is served before its release day too (clock.mjs
//                   says why).
//                   `quality` low | medium | high | auto (auto: what the recordings answered, medium for 2 and 1, high
//                   for 1.5 and 1-mini; medium for 2.5 and 2.6; anything else 400: 2.5's and 2.6's `xhigh` and `max`
//                   too, as no reply of them is recorded); `size` auto or WxH: GPT Image 1, 1.5 and 1-mini make
//                   1024x1024, 1024x1536 and 1536x1024 only (any other 400 invalid_value naming `size`); gpt-image-2,
//                   2.5 and 2.6 any size whose sides are multiples of 16, the long side at most 3840 and at most 3
//                   times the short one, of 655,360 to 8,294,400 pixels (auto: 1254x1254, as recorded); `n` 1–10;
//                   `response_format` refused (400: GPT Image always answers `b64_json`); the reply {created,
//                   background, data: [{b64_json}], output_format, quality, size, usage} with usage in tokens: input
//                   the prompt's (a token per 4 bytes of it, at least 1), output the image's by quality and size
//                   (SPEC §12's table and formula; for 2.5 and 2.6, whose rule is unpublished, gpt-image-2's formula ×
//                   `scale=<x>`, default 1.3, rounded up: within the widget's bound of twice it, and not the expected
//                   figure) plus text tokens: 1.5 `textTokens=<n>` (default 420, as recorded), 2.6 the same (default
//                   300: its planning, unrecorded); `output_tokens_details` for 2, 2.5, 2.6 and 1.5 (recorded for 2
//                   and 1.5), none for 1 and 1-mini (recorded). Billed `usage` × OpenAI's rates (see GPT below: 2.5
//                   and 2.6 at $5 / $8 / $30 per million, as resellers restate them); `usage=none` leaves the usage out
//                   of the reply (a server of the same API that does not report it); a reply that lies about what it
//                   billed (the bill itself unchanged): `usage=huge` reports 2^53−1 output tokens, `usage=zero` none at
//                   all.
//
// Routes (CORS on every reply and preflight but as said above; every reply has a Content-Type):
//   POST /sim/{openai,together}/v1/images/generations, /sim/deepinfra/v1/openai/images/generations
//        header `Authorization: Bearer …`, JSON {model, prompt, n?, size? | width?, height?, response_format?}
//        → after the generation time, the dialect's reply (generic: {created, data:[{url} | {b64_json}], usage})
//   POST /sim/openai/v1/images/edits   OpenAI's edits call for GPT Image (SPEC §13; openai/openai-node@7b7d6ca
//        `src/resources/images.ts`, ImageEditParamsBase): `multipart/form-data` (the boundary from the Content-Type;
//        binary parts) with `model` and `prompt` required, 1–16 `image` or `image[]` files (PNG, WebP or JPEG by their
//        bytes, each under 50 MB; the body at most 64 MB here, else 413), an optional `mask` (a PNG under 4 MB of the
//        first image's width and height, with an alpha channel: colour type 4 or 6, or a tRNS chunk), `input_fidelity`
//        high | low (400 naming `input_fidelity` for gpt-image-1-mini), and `size`, `quality`, `n` as generations take
//        them (`size` auto: the first image's, where the model makes it); anything else 400 naming its param. Faults,
//        shut-down models, billing and the reply as for a generation, plus the images' tokens in:
//        `usage.input_tokens_details.image_tokens`, 1,536 per started 1024² of each image (the simulator's own figure,
//        `EDIT_IMAGE_TOKENS`), billed at the model's image-in rate. The image made is a new pattern over the whole of
//        it, unlike the one given outside the mask too (GPT Image repaints what its mask keeps, as vercel/ai#14360
//        measured), so that a page's composite over the original can be tested. The log's `asked`: {model, size,
//        quality, n, input_fidelity, output_format, parts (the parts' names in order), images: [{type, width, height,
//        bytes}], mask: {type, width, height, bytes, alpha}}
//   GET  /sim/openai[/s/{scenario}]/v1/models   header `Authorization: Bearer …` (none: 401 as OpenAI answers)
//        → {object: 'list', data: [{id, object: 'model', created, owned_by}]}: the GPT Image models served that day,
//        the gateway's FLUX.2 (`black-forest-labs/…`) and two of OpenAI's other models
//   GET  /sim/openai-cdn/{id}.png            the image (the OTHER loopback name, never needs a key)
//   GET  /sim/openai/_log                    requests received (every dialect): [{method, path, host, origin, hasKey,
//        id, at}], a generation also `asked`: {model, size, width, height} as sent;
//        fault=hang: `hung: true`, then `closedAt` (ms) once the client's socket closed; fault=redirect: the 307
//        `redirectedTo` (its Location), the target `redirected: true`; fault=accept-then-drop: `dropped: true`
//   GET  /sim/openai/_charges?key=           what the gateway billed that key (the bearer token, with or without
//        `Bearer `): {usd, images}, usd an exact decimal string in shortest form ('0.08'; '0' for none); 400 without `key`
//   POST /sim/openai/_reset                  forget images, charges, counters and the log
// Errors have OpenAI's shape {error:{message, type, param, code}}.
//
// Billing (the gateway reports no cost; OpenAI reports `usage`; this is what `_charges` adds up, in 10⁻⁸ $ units so
// that a token's price is whole): each image is billed a flat `price`
// (default $0.04) when it is generated, i.e. at the end of the generation time of a request that passed every
// check: including format=b64, insecure-url, expired-url, image-404, accept-then-drop, and a request whose client
// went away during the generation (the gateway does not stop it: it is made and billed, only the reply is lost).
// Refused requests (401, 402, 429, 400, 404, moderated, 500, network, 502/503, hang, bad-json, html, the 307 of
// redirect) are not billed; the target of a redirect is a request like any other.
//
// Dropped connections (fault=network, fault=accept-then-drop) close after one stray byte and no reply (http.mjs
// dropConnection): Chromium then fails the request at once instead of resending it by itself on another connection,
// so one client call reaches the simulator once and is charged at most once (plain http on port 80: see there).
//
// Scenarios: insert `/s/{scenario}` after `/sim/openai`, e.g. `/sim/openai/s/fault=quota/v1/images/generations`.
// Any other key (e.g. run=abc) is kept and only separates scenarios (and the counters of `times`).
//   fault=401                     invalid_api_key
//   fault=402                     insufficient balance (also: the key `sim-empty`)
//   fault=quota                   429 insufficient_quota (OpenAI's "You exceeded your current quota")
//   fault=429                     429 rate_limit_exceeded, with Retry-After (retryAfter=<s>, default 1)
//   fault=moderated               400 content_policy_violation
//   fault=400                     400 invalid_request_error naming `size`
//   fault=500 | network           server error / dropped connection
//   fault=unverified              GPT Image: 403 as OpenAI refuses a model to an organization it has not verified:
//                                 {error: {message: "Your organization must be verified to use the model `…`.
//                                 Please go to: https://platform.openai.com/settings/organization/general and click
//                                 on Verify Organization. If you just verified, it can take up to 15 minutes for
//                                 access to propagate.", type: 'invalid_request_error', param: null, code: null}}
//   fault=502                     502 {error:{message:'Bad gateway.', type:'server_error', code:'bad_gateway'}}
//                                 (before the key is checked)
//   fault=503                     503 {error:{…, type:'server_error', code:'service_unavailable'}}; Retry-After only
//                                 with retryAfter=<s>
//   fault=hang                    the request (body read) is held open and never answered; when the client's socket
//                                 closes (it gave up) the response is ended; no timers; nothing generated or billed
//   fault=bad-json                200 with Content-Type application/json and the body `{"created": 1767225600,
//                                 "data": [{"url": "` (not JSON); nothing generated or billed
//   fault=html                    a CDN/proxy HTML error page (Content-Type text/html), status 502 or status=<n>
//                                 (200–599); nothing generated or billed
//   fault=redirect                307 to the same path and query on the OTHER loopback name, with `redirected=1`
//                                 added; that target is served as a normal request (no second redirect) and its
//                                 _log entry's `hasKey` tells whether the Authorization header followed the redirect
//   fault=accept-then-drop        the reply is lost after the gateway accepted: the images are generated and billed,
//                                 then the connection drops without the reply (nothing lists them afterwards)
//   fault=insecure-url            the image URL is plain http on a non-loopback host
//   fault=expired-url             the image URL answers 403
//   fault=image-404               the generation succeeds (billed) but the image URL answers 404 (XML BlobNotFound)
//   times=<n>                     only the first n requests under this scenario segment get the fault (default: all;
//                                 redirect targets are not counted)
//   format=b64                    answer with b64_json even when a URL was asked for (as some gateways do)
//   list=<fault>                  the list of models alone fails: `none` 404 (a gateway without the route),
//                                 `network` the connection dropped, a status (400–599) a server error of it
//   now=<ISO date-time>           the moment the request is answered at (which GPT Image models are served); else
//                                 the simulator's clock (demo/sim/clock.mjs: the machine's, moved by TEST_NOW as the
//                                 test pages' is)
//   scale=<x>                     GPT Image 2.5 and 2.6: their image's tokens over gpt-image-2's (default 1.3)
//   textTokens=<n>                GPT Image 1.5 and 2.6: the text tokens written besides the image
//   pending=<ms>                  generation time (default: the simulator's pendingMs)
//   price=<usd>                   the flat price billed per image, a decimal with at most 6 places (default 0.04);
//                                 anything else: 400 invalid_value naming `price`
//   imageDelay=<ms>               the image URL answers after that delay (a slow image; an expired or missing one
//                                 too); a client that gives up first gets nothing
// Like the gateways it plays, it reports no cost; output is PNG.
import { randomUUID } from 'node:crypto';
import { dayStart, servedAt, simulatorNow } from './clock.mjs';
import {
  acceptThenDrop,
  baseUrl,
  decimal,
  dropConnection,
  edgeFault,
  otherHost,
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
  createImageCache,
  createRequestLog,
  createSegmentCounter,
  createTestRoutes,
  deliverImage,
  forModel,
  requestEntry,
  seedFrom,
} from './kit.mjs';
import { pngHasAlpha, readImageSize } from './png.mjs';

const OWNER = 'black-forest-labs';
const MODELS = ['flux-2-klein-4b', 'flux-2-klein-9b', 'flux-2-dev', 'flux-2-pro', 'flux-2-flex', 'flux-2-max'];
const MAX_PIXELS = 4 * 1024 * 1024;
/** Together's FLUX.2: micro-dollars per image, or per 10⁶ pixels of output for [max] (see the header). */
const TOGETHER = { dev: [15400], pro: [30000], flex: [30000], max: [70000, 'mp'] };
/** What `_charges` counts: 10⁻⁸ $ (a micro-dollar price × 100; a token at $2.5 per million is 250). */
const UNITS_PER_MICRO = 100;

/**
 * OpenAI's GPT Image models (see the header): rates in 10⁻⁸ $ per token (text in, image in, image out, text out; USD
 * per million × 100: OpenAI's price page as SPEC §12 restates it; 2.5's and 2.6's as resellers restate them, their
 * text out at the image's rate, as the widget books it), the quality `auto` answers, and how the image's tokens follow
 * quality and size. GPT Image 2.5 and 2.6 follow gpt-image-2's sizes; their tokens, unpublished, are scaled from its.
 */
const NEXT = { rates: [500, 800, 3000, 3000], auto: 'medium', details: true, second: true, scaled: true };
const GPT_1_SIZES = { '1024x1024': [272, 1056, 4160], '1024x1536': [408, 1584, 6240], '1536x1024': [408, 1584, 6240] };
/**
 * Each GPT Image model: its rates, the quality `auto` answers, whether its usage details its output
 * (`output_tokens_details`), the text tokens it writes besides the image (`text`, a scenario's `textTokens` else), its
 * sizes and tokens by gpt-image-2's rule (`second`) or GPT Image 1's table, the scale its reported image tokens
 * take over that rule's (`scaled`: `scale=<x>`, default 1.3), its release (the list's `created`) and its shutdown
 * (OpenAI's deprecations page; GPT Image 1's as third parties report it).
 */
const GPT = {
  'gpt-image-2.6-flare': { ...NEXT, text: 300, released: '2026-11-04' },
  'gpt-image-2.6-sunburst': { ...NEXT, text: 300, released: '2026-11-04' },
  'gpt-image-2.5-flare': { ...NEXT, released: '2026-09-08' },
  'gpt-image-2.5-sunburst': { ...NEXT, released: '2026-09-08' },
  'gpt-image-2': {
    rates: [500, 800, 3000, 3000],
    auto: 'medium',
    details: true,
    second: true,
    released: '2026-04-21',
  },
  'gpt-image-1.5': {
    rates: [500, 800, 3200, 1000],
    auto: 'high',
    details: true,
    text: 420,
    released: '2025-12-16',
    shutdown: '2026-12-01',
  },
  'gpt-image-1': {
    rates: [500, 1000, 4000, 4000],
    auto: 'medium',
    released: '2025-04-23',
    shutdown: '2026-10-23',
  },
  'gpt-image-1-mini': {
    rates: [200, 250, 800, 800],
    auto: 'high',
    released: '2025-10-06',
    shutdown: '2026-12-01',
  },
};
const QUALITIES = ['low', 'medium', 'high'];

/** The image's tokens at a quality and size (SPEC §12; gpt-image-2's formula, the others' table). */
export function imageTokens(model, quality, width, height) {
  const index = QUALITIES.indexOf(quality);
  if (!GPT[model]?.second) return GPT_1_SIZES[`${width}x${height}`][index];
  const f = [16, 48, 96][index];
  const s = Math.round((f * Math.min(width, height)) / Math.max(width, height));
  return Math.ceil((f * s * (2_000_000 + width * height)) / 4_000_000);
}

/** Why OpenAI refuses `size` for `model` (its API reference, `size`), or '' when it makes it. */
export function gptSizeProblem(model, width, height) {
  if (!GPT[model]?.second)
    return GPT_1_SIZES[`${width}x${height}`]
      ? ''
      : `Invalid value: '${width}x${height}'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.`;
  const [long, short] = [Math.max(width, height), Math.min(width, height)];
  const fits =
    width % 16 === 0 &&
    height % 16 === 0 &&
    long <= 3840 &&
    long <= 3 * short &&
    width * height >= 655_360 &&
    width * height <= 8_294_400;
  return fits
    ? ''
    : `Invalid size '${width}x${height}': both sides must be multiples of 16, the long side at most 3840 and at most 3 times the short one, and the image between 655,360 and 8,294,400 pixels.`;
}

/** Models OpenAI lists besides GPT Image (a list is never of image models alone), with the day each was made. */
const OTHER_MODELS = [
  ['gpt-4.1-mini', '2025-04-14'],
  ['text-embedding-3-small', '2024-01-25'],
];

/**
 * How each gateway reads a request and answers it: `model(name)` → our model id (undefined: unknown model);
 * `size(body)` → [width, height] as it reads them; `formats` it answers; `price(scenario, model, w, h)` in
 * micro-dollars per image (undefined: a bad scenario); `reply(data, model)` the body; `imageCors` whether its image
 * host answers CORS.
 */
const DIALECTS = {
  openai: {
    path: 'v1/images/generations',
    model: (name) =>
      name.startsWith(`${OWNER}/`) && MODELS.includes(name.slice(OWNER.length + 1))
        ? name.slice(OWNER.length + 1)
        : undefined,
    size: (body) =>
      /^\d+x\d+$/.test(body.size ?? '1024x1024') ? (body.size ?? '1024x1024').split('x').map(Number) : [],
    formats: { url: 'url', b64_json: 'b64_json' },
    defaultFormat: 'url',
    price: (scenario) => parseDecimal(scenario.price ?? '0.04', 6),
    reply: (data) => ({
      created: Math.floor(Date.now() / 1000),
      data,
      usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
    }),
    imageCors: () => true,
  },
  together: {
    path: 'v1/images/generations',
    model: (name) => (/^black-forest-labs\/FLUX\.2-(dev|pro|flex|max)$/.exec(name) ?? [])[1],
    // `width` and `height`, 1024 when absent: `size` is not read.
    size: (body) => [body.width ?? 1024, body.height ?? 1024],
    formats: { url: 'url', base64: 'b64_json' },
    defaultFormat: 'url',
    price: (_, model, width, height) => {
      const [micro, per] = TOGETHER[model];
      return per ? Math.round((micro * width * height) / 1e6) : micro;
    },
    reply: (data, model) => ({
      id: randomUUID(),
      model: `black-forest-labs/FLUX.2-${model}`,
      object: 'list',
      data: data.map((image, index) => ({ timings: { inference: 1800 }, index, ...image })),
    }),
    imageCors: (scenario) => scenario.imageCors === '1',
    cors: () => ({ 'Access-Control-Allow-Origin': '*' }),
  },
  deepinfra: {
    path: 'v1/openai/images/generations',
    model: (name) => (name === 'black-forest-labs/FLUX-2-dev' ? 'dev' : undefined),
    size: (body) =>
      /^\d+x\d+$/.test(body.size ?? '1024x1024') ? (body.size ?? '1024x1024').split('x').map(Number) : [],
    formats: { b64_json: 'b64_json' },
    defaultFormat: 'b64_json',
    price: (_, model, width, height) => Math.round((10000 * width * height) / (1024 * 1024)),
    reply: (data) => ({ created: Math.floor(Date.now() / 1000), data }),
    imageCors: () => true,
  },
};

/**
 * The tokens an image given to an edit is billed, as `usage.input_tokens_details.image_tokens` counts them: the
 * simulator's own figure (no source publishes OpenAI's rule): 1,536 for each started 1024² of the image's pixels
 * (1,536 up to 1024×1024, 3,072 for 1536×1024), the same whatever the model and `input_fidelity`. Observed counts are
 * all below it (194 for 1024² on gpt-image-1, 352 on gpt-image-2; "roughly 1.5k" in a third party's note): the figure
 * a quote's bound per image has to cover.
 */
const EDIT_IMAGE_TOKENS = 1536;
export const inputImageTokens = ({ width, height }) => EDIT_IMAGE_TOKENS * Math.ceil((width * height) / 1024 ** 2);

/** OpenAI's limits on an edit (openai/openai-node@7b7d6ca `src/resources/images.ts`, `ImageEditParamsBase`). */
const MOST_EDIT_IMAGES = 16;
const MOST_IMAGE_BYTES = 50 * 1024 * 1024;
const MOST_MASK_BYTES = 4 * 1024 * 1024;

/**
 * The parts of a `multipart/form-data` body (RFC 7578), by the boundary its Content-Type names: `[{name, filename,
 * type, data}]`, `data` a Buffer of the part's bytes as sent (binary parts too); undefined where the body is not one.
 */
function parseMultipart(body, contentType = '') {
  const named = /^multipart\/form-data\s*;.*?\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  if (!named) return undefined;
  const delimiter = Buffer.from(`--${named[1] ?? named[2]}`);
  const between = Buffer.concat([Buffer.from('\r\n'), delimiter]);
  const parts = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    const after = body.toString('latin1', at, at + 2);
    if (after === '--') return parts;
    if (after !== '\r\n') return undefined;
    const headEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headEnd < 0) return undefined;
    const head = body.toString('utf8', at + 2, headEnd);
    const next = body.indexOf(between, headEnd + 4);
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(head);
    if (next < 0 || !disposition) return undefined;
    parts.push({
      name: /;\s*name="([^"]*)"/i.exec(disposition[1])?.[1],
      filename: /;\s*filename="([^"]*)"/i.exec(disposition[1])?.[1],
      type: /^content-type:\s*(.+)$/im.exec(head)?.[1].trim(),
      data: body.subarray(headEnd + 4, next),
    });
    at = next + 2;
  }
}

/**
 * Why OpenAI refuses an edit's images, mask or `input_fidelity` for `model` ([message, param, code]), or undefined:
 * 1 to 16 images, each PNG, WebP or JPEG (by its bytes) under 50 MB; a mask a PNG under 4 MB of the first image's
 * width and height, with an alpha channel (its transparent pixels say where to edit); `input_fidelity` high or low,
 * and none for gpt-image-1-mini ("unsupported for `gpt-image-1-mini`"). Sources as for the limits above; the words
 * are the simulator's own.
 */
function editProblem(model, { images, mask, fidelity }) {
  if (!images.length) return ["Missing required parameter: 'image'.", 'image', 'missing_required_parameter'];
  if (images.length > MOST_EDIT_IMAGES)
    return [`Invalid 'image': ${images.length} images given, at most ${MOST_EDIT_IMAGES} are supported.`, 'image'];
  const bad = images.findIndex((image) => !image.type || image.bytes >= MOST_IMAGE_BYTES);
  if (bad >= 0)
    return [
      `Invalid image file ${bad + 1}: each image must be a png, webp or jpg file less than 50MB.`,
      'image',
      'invalid_image_format',
    ];
  const [first] = images;
  if (mask && (mask.type !== 'png' || mask.bytes >= MOST_MASK_BYTES))
    return ['Invalid mask: it must be a valid PNG file, less than 4MB.', 'mask', 'invalid_image_format'];
  if (mask && (mask.width !== first.width || mask.height !== first.height))
    return [
      `Invalid mask: its size (${mask.width}x${mask.height}) must be the same as the image's (${first.width}x${first.height}).`,
      'mask',
      'invalid_mask_size',
    ];
  if (mask && !mask.alpha)
    return [
      'Invalid mask: it must have an alpha channel, whose fully transparent areas say where to edit.',
      'mask',
      'invalid_image_format',
    ];
  if (fidelity !== undefined && !['high', 'low'].includes(fidelity))
    return [`Invalid value: '${fidelity}'. Supported values are: 'high' and 'low'.`, 'input_fidelity'];
  if (fidelity !== undefined && model === 'gpt-image-1-mini')
    return [
      "The parameter 'input_fidelity' is not supported for gpt-image-1-mini.",
      'input_fidelity',
      'unsupported_parameter',
    ];
  return undefined;
}

const error = (message, type, code = null, param = null) => ({ error: { message, type, param, code } });

/** The gateway's refusal of a key it does not know (OpenAI's words for it, its `invalid_api_key`). */
const INVALID_KEY = error(
  'Incorrect API key provided. You can find your API key in your gateway dashboard.',
  'invalid_request_error',
  'invalid_api_key',
);

const reply = (req, res, status, body, headers) =>
  send(req, res, status, body, {
    'Access-Control-Expose-Headers': 'Retry-After, x-request-id',
    'x-request-id': `req_${randomUUID()}`,
    ...headers,
  });

export function createOpenAiSimulator({ pendingMs = 3000 } = {}) {
  const made = new Map(); // id → { width, height, prompt, seed, expired, missing, delay }, the 200 most recent
  const images = createImageCache(8); // by id
  const charges = createChargeBook(); // key → micro-dollars of each generation, counting its images
  const faultCounter = createSegmentCounter(); // generate calls seen (times=<n>)
  const log = createRequestLog();
  const testRoutes = createTestRoutes({
    base: '/sim/openai',
    log,
    reply,
    charges: {
      book: charges,
      prefix: /^Bearer /,
      missing: error('Query parameter `key` required.', 'invalid_request_error'),
      report: ({ units, count }) => ({ usd: decimal(units, 8), images: count }),
    },
    forget: [made, images, faultCounter],
  });

  /**
   * What every generation and edit meets before its body is read for meaning: the scenario's faults at the edge, the
   * key, the balance, the quota, the rate limit and the server error, each refused as OpenAI does. The scenario's
   * fault, or undefined where the request was answered.
   */
  function atTheDoor(req, res, scenario, segment, entry) {
    const auth = req.headers.authorization ?? '';
    const fault = submitFault(req, scenario, segment, faultCounter);
    const edge = {
      json: (status) =>
        status === 502
          ? error('Bad gateway.', 'server_error', 'bad_gateway')
          : error('The engine is currently overloaded, please try again later.', 'server_error', 'service_unavailable'),
      truncated: '{"created": 1767225600, "data": [{"url": "',
      reply,
    };
    if (edgeFault(req, res, fault, scenario, entry, edge)) return undefined;
    if (!/^Bearer \S/.test(auth) || fault === '401') {
      return reply(req, res, 401, INVALID_KEY);
    }
    if (fault === '402' || auth === 'Bearer sim-empty') {
      return reply(
        req,
        res,
        402,
        error('Insufficient balance: top up your credits to continue.', 'insufficient_balance', 'insufficient_balance'),
      );
    }
    if (fault === 'quota') {
      return reply(
        req,
        res,
        429,
        error(
          'You exceeded your current quota, please check your plan and billing details.',
          'insufficient_quota',
          'insufficient_quota',
        ),
      );
    }
    if (fault === '429') {
      return reply(
        req,
        res,
        429,
        error('Rate limit reached for images per minute. Please try again shortly.', 'requests', 'rate_limit_exceeded'),
        retryAfter(scenario),
      );
    }
    if (fault === '500')
      return reply(
        req,
        res,
        500,
        error('The server had an error while processing your request. Sorry about that!', 'server_error'),
      );
    return fault ?? '';
  }

  async function generate(req, res, dialect, scenario, segment, entry) {
    const auth = req.headers.authorization ?? '';
    const body = await readJson(req);
    const fault = atTheDoor(req, res, scenario, segment, entry);
    if (fault === undefined) return;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return reply(req, res, 400, error('We could not parse the JSON body of your request.', 'invalid_request_error'));
    }
    const name = String(body.model ?? '');
    entry.asked = { model: body.model, size: body.size, width: body.width, height: body.height };
    if (dialect === DIALECTS.openai && Object.hasOwn(GPT, name)) {
      entry.asked = { ...entry.asked, quality: body.quality, n: body.n };
      return gptImage(req, res, body, name, scenario, fault, entry, auth);
    }
    const model = dialect.model(name);
    if (!model)
      return reply(
        req,
        res,
        404,
        error(
          `The model '${name}' does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
          'model',
        ),
      );
    if (typeof body.prompt !== 'string' || !body.prompt.trim()) {
      return reply(
        req,
        res,
        400,
        error("Missing required parameter: 'prompt'.", 'invalid_request_error', 'missing_required_parameter', 'prompt'),
      );
    }
    const n = body.n ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > 4)
      return reply(
        req,
        res,
        400,
        error(`Invalid 'n': must be between 1 and 4.`, 'invalid_request_error', 'invalid_value', 'n'),
      );
    const [width, height] = dialect.size(body);
    if (
      fault === '400' ||
      !(
        Number.isInteger(width) &&
        Number.isInteger(height) &&
        width >= 64 &&
        height >= 64 &&
        width % 16 === 0 &&
        height % 16 === 0 &&
        width * height <= MAX_PIXELS
      )
    ) {
      return reply(
        req,
        res,
        400,
        error(
          `Invalid size ${width}×${height}: width and height must be multiples of 16, at least 64, at most 4 megapixels together.`,
          'invalid_request_error',
          'invalid_value',
          'size',
        ),
      );
    }
    const format =
      scenario.format === 'b64' ? 'b64_json' : dialect.formats[body.response_format ?? dialect.defaultFormat];
    if (!format) {
      return reply(
        req,
        res,
        dialect === DIALECTS.deepinfra ? 422 : 400,
        error(
          `Invalid 'response_format': must be one of ${Object.keys(dialect.formats).join(', ')}.`,
          'invalid_request_error',
          'invalid_value',
          'response_format',
        ),
      );
    }
    if (fault === 'moderated') {
      return reply(
        req,
        res,
        400,
        error(
          'Your request was rejected as a result of our safety system.',
          'invalid_request_error',
          'content_policy_violation',
        ),
      );
    }
    const price = dialect.price(scenario, model, width, height);
    if (price === undefined) {
      return reply(
        req,
        res,
        400,
        error(
          `Simulator scenario: price=${scenario.price} is not a decimal number of dollars with at most 6 places.`,
          'invalid_request_error',
          'invalid_value',
          'price',
        ),
      );
    }
    // A synchronous API: the answer comes when the image is made. A generation whose client went away is not
    // stopped: the images are made and billed all the same, only the reply is not sent.
    let gone = false;
    res.once('close', () => {
      gone = true;
    });
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    charges.charge(auth.slice('Bearer '.length).trim(), price * n * UNITS_PER_MICRO, { count: n });
    const seed = seedFrom(); // random: the gateway takes no seed
    const cdn = baseUrl(req, otherHost(req.headers.host));
    const data = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      made.set(id, {
        width,
        height,
        prompt: body.prompt,
        seed: seed + i,
        expired: fault === 'expired-url',
        missing: fault === 'image-404',
        delay: Number(scenario.imageDelay ?? 0),
        cors: dialect.imageCors(scenario),
      });
      if (made.size > 200) made.delete(made.keys().next().value);
      if (format === 'b64_json') data.push({ b64_json: images.image(id, made.get(id)).toString('base64') });
      else
        data.push({
          url: fault === 'insecure-url' ? `http://cdn.example.com/${id}.png` : `${cdn}/sim/openai-cdn/${id}.png`,
        });
      entry.id ??= id;
    }
    if (acceptThenDrop(req, res, fault, entry)) return;
    if (gone) return dropConnection(req, res); // (nothing to send it to)
    reply(req, res, 200, dialect.reply(data, model), dialect.cors?.());
  }

  /**
   * OpenAI's edits call (`POST /v1/images/edits`, multipart): read, checked as OpenAI checks an edit, then made, billed
   * and answered as a generation of the same model is, with its images' tokens in (`inputImageTokens`). The image made
   * is a new pattern over the whole of it, so that it differs from the one given outside the mask too (as GPT Image's
   * does: it repaints what its mask keeps). The log's `asked` has the parts' names in order, the fields, and each
   * image's and the mask's type, size and bytes (the mask's `alpha`: whether it has an alpha channel).
   */
  async function editImage(req, res, scenario, segment, entry) {
    const auth = req.headers.authorization ?? '';
    const raw = await readBody(req);
    const fault = atTheDoor(req, res, scenario, segment, entry);
    if (fault === undefined) return;
    const refuse = (message, param, code = 'invalid_value') =>
      reply(req, res, 400, error(message, 'invalid_request_error', code, param));
    const parts = parseMultipart(raw, req.headers['content-type']);
    if (!parts)
      return refuse(
        `Invalid Content-Type header (${req.headers['content-type'] ?? 'none'}), expected multipart/form-data.`,
        null,
        'invalid_request',
      );
    const field = (name) => parts.find((part) => part.name === name && part.filename === undefined)?.data.toString();
    const described = (part) => ({ ...readImageSize(part.data), bytes: part.data.length });
    const images = parts.filter((part) => part.name === 'image' || part.name === 'image[]').map(described);
    const maskPart = parts.find((part) => part.name === 'mask');
    const mask = maskPart && { ...described(maskPart), alpha: pngHasAlpha(maskPart.data) };
    const fidelity = field('input_fidelity');
    const n = field('n');
    const body = {
      model: field('model'),
      prompt: field('prompt'),
      size: field('size'),
      quality: field('quality'),
      response_format: field('response_format'),
      ...(n !== undefined && { n: Number(n) }),
    };
    entry.asked = {
      model: body.model,
      size: body.size,
      quality: body.quality,
      n: body.n,
      input_fidelity: fidelity,
      output_format: field('output_format'),
      parts: parts.map((part) => part.name),
      images,
      mask,
    };
    if (!body.model) return refuse("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
    if (!Object.hasOwn(GPT, body.model))
      return reply(
        req,
        res,
        404,
        error(
          `The model '${body.model}' does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
          'model',
        ),
      );
    return gptImage(req, res, body, body.model, scenario, fault, entry, auth, { images, mask, fidelity });
  }

  /** OpenAI's own Image API for a GPT Image model (see the header): checked, made, billed and answered by its rules. */
  async function gptImage(req, res, body, model, scenario, fault, entry, auth, edit) {
    const refuse = (message, param, code = 'invalid_value') =>
      reply(req, res, 400, error(message, 'invalid_request_error', code, param));
    const now = simulatorNow(scenario);
    if (Number.isNaN(now)) return refuse(`Simulator scenario: now=${scenario.now} is not a date-time.`, 'now');
    // A model shut down (or not yet released) by the simulator's clock is one OpenAI does not have.
    if (!servedAt(GPT[model].shutdown, now))
      return reply(
        req,
        res,
        404,
        error(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      );
    if (fault === 'unverified')
      return reply(
        req,
        res,
        403,
        error(
          `Your organization must be verified to use the model \`${model}\`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.`,
          'invalid_request_error',
        ),
      );
    if (typeof body.prompt !== 'string' || !body.prompt.trim())
      return refuse("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
    const problem = edit && editProblem(model, edit);
    if (problem) return refuse(...problem);
    const n = body.n ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > 10) return refuse(`Invalid 'n': must be between 1 and 10.`, 'n');
    if (body.response_format !== undefined)
      return refuse(`Unknown parameter: 'response_format'. GPT Image models always return base64.`, 'response_format');
    const quality = (body.quality ?? 'auto') === 'auto' ? GPT[model].auto : body.quality;
    if (!QUALITIES.includes(quality))
      return refuse(
        `Invalid value: '${body.quality}'. Supported values are: 'low', 'medium', 'high', and 'auto'.`,
        'quality',
      );
    const asked = body.size ?? 'auto';
    // An edit made at `auto` takes the first image's size where the model makes it (the simulator's choice).
    const first = edit?.images[0];
    const sized = first && !gptSizeProblem(model, first.width, first.height) && `${first.width}x${first.height}`;
    const size = asked === 'auto' ? sized || (GPT[model].second ? '1254x1254' : '1024x1024') : String(asked);
    const [width, height] = /^\d+x\d+$/.test(size) ? size.split('x').map(Number) : [0, 0];
    const sizeProblem =
      fault === '400' ? 'Invalid size.' : width ? gptSizeProblem(model, width, height) : `Invalid value: '${size}'.`;
    // 1254 is no multiple of 16: `auto` is OpenAI's own choice, never a size a client may ask.
    if (sizeProblem && asked !== 'auto') return refuse(sizeProblem, 'size');
    const scale = Number(scenario.scale ?? '1.3');
    if (!(scale > 0)) return refuse(`Simulator scenario: scale=${scenario.scale} is not a positive number.`, 'scale');
    if (fault === 'moderated')
      return reply(
        req,
        res,
        400,
        error(
          'Your request was rejected as a result of our safety system.',
          'image_generation_user_error',
          'moderation_blocked',
        ),
      );
    let gone = false;
    res.once('close', () => {
      gone = true;
    });
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    const input = Math.max(1, Math.ceil(Buffer.byteLength(body.prompt) / 4));
    const image = Math.ceil(imageTokens(model, quality, width, height) * (GPT[model].scaled ? scale : 1)) * n;
    const text = GPT[model].text === undefined ? 0 : Number(scenario.textTokens ?? GPT[model].text);
    const imageIn = (edit?.images ?? []).reduce((sum, each) => sum + inputImageTokens(each), 0);
    const [textIn, imageInRate, imageOut, textOut] = GPT[model].rates;
    const billed = input * textIn + imageIn * imageInRate + image * imageOut + text * textOut;
    charges.charge(auth.slice('Bearer '.length).trim(), billed, { count: n });
    const seed = seedFrom();
    const data = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      made.set(id, { width, height, prompt: body.prompt, seed: seed + i, cors: true });
      if (made.size > 200) made.delete(made.keys().next().value);
      data.push({ b64_json: images.image(id, made.get(id)).toString('base64') });
      entry.id ??= id;
    }
    if (acceptThenDrop(req, res, fault, entry)) return;
    if (gone) return dropConnection(req, res);
    reply(req, res, 200, {
      created: Math.floor(now / 1000),
      background: 'opaque',
      data,
      output_format: 'png',
      quality,
      size,
      // usage=none: a server of the same API that reports no usage (a proxy that strips it).
      usage:
        scenario.usage === 'none'
          ? undefined
          : usageSaid(scenario.usage, { input, imageIn, image, text }, GPT[model].details),
    });
  }

  /**
   * The `usage` a reply says of `input` prompt tokens, `imageIn` tokens of the images an edit was given, `image` and
   * `text` tokens out (`details`: with their parts), or what a lying reply says instead (`said`: `huge`, `zero`).
   */
  function usageSaid(said, { input, imageIn, image, text }, details) {
    const [inSaid, imageInSaid, imageSaid, textSaid] =
      said === 'huge'
        ? [input, imageIn, Number.MAX_SAFE_INTEGER - text, text]
        : said === 'zero'
          ? [0, 0, 0, 0]
          : [input, imageIn, image, text];
    return {
      input_tokens: inSaid + imageInSaid,
      input_tokens_details: { image_tokens: imageInSaid, text_tokens: inSaid },
      output_tokens: imageSaid + textSaid,
      ...(details && { output_tokens_details: { image_tokens: imageSaid, text_tokens: textSaid } }),
      total_tokens: inSaid + imageInSaid + imageSaid + textSaid,
    };
  }

  /**
   * `models.list` (`GET /v1/models`, Bearer key): the gateway's FLUX.2 and the models OpenAI serves on the simulator's
   * day (GPT Image until its shutdown), among others; `list=<fault>` fails it alone.
   */
  function listModels(req, res, scenario) {
    const now = simulatorNow(scenario);
    if (Number.isNaN(now))
      return reply(
        req,
        res,
        400,
        error(`Simulator scenario: now=${scenario.now} is not a date-time.`, 'invalid_request_error'),
      );
    if (scenario.list === 'network') return dropConnection(req, res);
    if (scenario.list === 'none')
      return reply(
        req,
        res,
        404,
        error(`Unknown request URL: GET ${requestUrl(req).pathname}.`, 'invalid_request_error', 'unknown_url'),
      );
    if (scenario.list) {
      const status = Number(scenario.list);
      return Number.isInteger(status) && status >= 400 && status <= 599
        ? reply(req, res, status, error('The server had an error while processing your request.', 'server_error'))
        : reply(
            req,
            res,
            400,
            error(
              `Simulator scenario: list=${scenario.list} is none of none, network or an HTTP status from 400.`,
              'invalid_request_error',
            ),
          );
    }
    if (!/^Bearer \S/.test(req.headers.authorization ?? ''))
      return reply(
        req,
        res,
        401,
        error(
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
          'invalid_request_error',
        ),
      );
    if (scenario.fault === '401') return reply(req, res, 401, INVALID_KEY);
    const made = (day) => Math.floor(dayStart(day) / 1000);
    const gpt = Object.entries(GPT)
      .filter(([, spec]) => servedAt(spec.shutdown, now))
      .map(([id, spec]) => ({ id, object: 'model', created: made(spec.released), owned_by: 'system' }));
    const others = OTHER_MODELS.map(([id, day]) => ({ id, object: 'model', created: made(day), owned_by: 'system' }));
    const flux = MODELS.map((id) => ({ id: `${OWNER}/${id}`, object: 'model', created: 1767225600, owned_by: OWNER }));
    reply(req, res, 200, { object: 'list', data: [...others, ...gpt, ...flux] });
  }

  /** The gateway's CDN: 404 for an image it lost (fault=image-404), 403 for an expired or unknown URL. */
  function deliver(req, res, id) {
    const image = made.get(id);
    const refusal = () => {
      if (image?.missing)
        return {
          status: 404,
          xml: '<?xml version="1.0"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>',
        };
      if (!image || image.expired)
        return {
          status: 403,
          xml: '<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time is in the past</Message></Error>',
        };
      return undefined;
    };
    const png = () => images.image(id, image);
    return deliverImage(req, res, {
      delayMs: image?.delay,
      refusal,
      image: png,
      cacheControl: 'private, max-age=3600',
    });
  }

  return {
    /** Handles `/sim/openai/…` and `/sim/openai-cdn/…`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const path = url.pathname;
      const cdn = /^\/sim\/openai-cdn\/([\w-]+)\.png$/.exec(path);
      if (!cdn && !/^\/sim\/(openai|together|deepinfra)(\/|$)/.test(path)) return false;
      // An image host that answers no CORS (Together's short links, unless imageCors=1): an <img> shows it, a page
      // cannot read it.
      if (cdn) req.withoutCors = made.get(cdn[1])?.cors === false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { allowRequestedHeaders: true }); // the openai SDK adds x-stainless-* headers
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const entry = log.add(requestEntry(req, url, { keyHeader: 'authorization', id: cdn?.[1] }));
      if (cdn) {
        await deliver(req, res, cdn[1]);
        return true;
      }
      const match = /^\/sim\/(openai|together|deepinfra)(?:\/s\/([^/]*))?\/(.+)$/.exec(path);
      const dialect = DIALECTS[match?.[1]];
      try {
        if (match?.[1] === 'openai' && match[3] === 'v1/models' && req.method === 'GET') {
          listModels(req, res, parseScenario(match[2]));
        } else if (match?.[1] === 'openai' && match[3] === 'v1/images/edits' && req.method === 'POST') {
          await editImage(req, res, parseScenario(match[2]), match[2] ?? '', entry);
        } else if (match?.[3] !== dialect?.path)
          reply(
            req,
            res,
            404,
            error(`Unknown request URL: ${req.method} ${path}.`, 'invalid_request_error', 'unknown_url'),
          );
        else if (req.method === 'POST')
          await generate(req, res, dialect, parseScenario(match[2]), match[2] ?? '', entry);
        else reply(req, res, 405, error(`Method ${req.method} not allowed.`, 'invalid_request_error'));
      } catch (thrown) {
        if (!res.headersSent)
          reply(
            req,
            res,
            thrown.status ?? 500,
            error(thrown.status === 413 ? 'Request body too large.' : 'The server had an error.', 'server_error'),
          );
      }
      return true;
    },
  };
}
