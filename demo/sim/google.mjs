// Simulator of Google's Gemini API (AI Studio keys, https://generativelanguage.googleapis.com) for image models, as
// Google's API reference, changelog and SDKs (googleapis/js-genai; vercel/ai@4dcd03e
// packages/google/src/google-image-model.ts for Imagen's `predict`, @ed857f5 google-language-model-options.ts for
// `imageConfig`) and the recorded replies (test/recorded/gemini/) say. It serves each model until the day Google shut it
// down (by its clock, below): the GA ids `gemini-nano-banana-2.1`, `gemini-3-pro-image`, `gemini-3.1-flash-lite-image`
// and `gemini-3.1-flash-image` (this one until 2026-10-29); the `-preview` ids until 2026-06-25; Imagen 4 until
// 2026-08-17. From that day on a model is answered as one Google does not have. A model is served before its release
// day too (clock.mjs says why).
//
//   POST /sim/google[/s/{scenario}]/v1beta/models/{model}:generateContent   Gemini image models: {contents: [{role?,
//        parts: [{text}]}], generationConfig: {responseModalities, candidateCount, imageConfig: {aspectRatio,
//        imageSize}, thinkingConfig?: {thinkingLevel}, seed?}}. `candidateCount` must be 1 (Google takes 1–8 and 1 where
//        unset: stricter here, so that the widget is seen asking for one answer; outside 1–8 Google's 400);
//        `thinkingConfig.thinkingLevel` one of the model's levels (Nano Banana 2.1 MINIMAL, MEDIUM, HIGH; 3.1 Flash
//        MINIMAL, HIGH), and none for Nano Banana Pro, which always thinks, nor for 3.1 Flash Lite, for which none is
//        sourced; `thinkingBudget` (Gemini 2.5's) is refused, beside a level as Google refuses both, and alone as no
//        source says these models take it: each a 400 INVALID_ARGUMENT naming the field.
//        `responseModalities` must name IMAGE; `aspectRatio` one of Google's (1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16,
//        16:9, 21:9; 3.1 Flash and Nano Banana 2.1 also 1:4, 4:1, 1:8, 8:1; default 1:1), `imageSize` one of the
//        model's tiers (Nano Banana 2.1 and 3 Pro 1K, 2K, 4K; 3.1 Flash also 512; 3.1 Flash Lite 1K only; default
//        1K): anything else 400 INVALID_ARGUMENT naming the field. Reply {candidates: [{content: {parts: [{inlineData:
//        {mimeType, data}}], role: 'model'}, finishReason: 'STOP', index: 0}], usageMetadata: {promptTokenCount (a
//        token per 4 bytes of the prompt, at least 1), candidatesTokenCount (the image's tokens by model and tier,
//        SPEC §12, plus `text=<n>` tokens of text, default 272 as recorded), totalTokenCount, promptTokensDetails,
//        candidatesTokensDetails: [{modality: 'IMAGE', tokenCount}], thoughtsTokenCount with `thoughts=<n>`},
//        modelVersion, responseId, modelStatus: {modelStage, retirementTime?, message?}} (js-genai `ModelStatus`: STABLE
//        for the GA ids; PREVIEW for the previews; 3.1 Flash DEPRECATED from 2026-10-06, its retirementTime
//        2026-10-29T00:00:00Z), billed that usage × Google's rates (GEMINI below). `usage=none` leaves the usage out (a
//        proxy that strips it); a reply that lies about what it billed (the bill itself unchanged): `usage=huge` says
//        2^53−1 image tokens out, `usage=zero` no tokens at all.
//   POST /sim/google[/s/{scenario}]/v1beta/models/{model}:predict   Imagen 4 (`imagen-4.0-fast-generate-001`,
//        `imagen-4.0-generate-001`, `imagen-4.0-ultra-generate-001`, until 2026-08-17): {instances: [{prompt}],
//        parameters: {sampleCount (1–4, default 4: Google's Imagen guide, `numberOfImages`), aspectRatio (1:1, 3:4,
//        4:3, 9:16, 16:9, default 1:1; anything else 400)}} → {predictions: [{mimeType, bytesBase64Encoded}]}, one per
//        sample, each billed Imagen's flat price ($0.02 / $0.04 / $0.06).
//   A model the method does not serve, or not on this day: 404 NOT_FOUND ("models/{id} is not found for API version
//        v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and
//        their supported methods."), as Google answers.
//   GET  /sim/google[/s/{scenario}]/v1beta/models[?pageSize=&pageToken=]   `models.list`: {models: [{name:
//        'models/{id}', version, displayName, description, inputTokenLimit, outputTokenLimit,
//        supportedGenerationMethods, thinking?}], nextPageToken?}: the models served that day (Gemini's by
//        generateContent, Imagen's by predict) among a text and an embedding model, at most `pageSize` a page and
//        never more than 4 (`page=<n>` for another most; AIP-158 lets a server return fewer than asked), so that a
//        reader goes page by page; `nextPageToken` on every page but the last. The key as for a generation.
//   GET  /sim/google/_log                    requests received: [{method, path, host, origin, hasKey, keyInQuery, id,
//        at}], a generation also `asked`: the body as sent
//   GET  /sim/google/_charges?key=           what Google billed that key: {usd, images}, usd an exact decimal string
//   POST /sim/google/_reset                  forget charges, counters and the log
//
// Its clock (demo/sim/clock.mjs): the machine's, moved by TEST_NOW as the test pages' is; a request's scenario
// `now=<ISO date-time>` answers it at that moment instead (a test that pins the page's clock pins Google's with it).
//
// The key: in the `x-goog-api-key` header. Google also takes `?key=` in the address; this simulator refuses it (400,
// saying so), as a test that the widget never puts a key in a URL. No key: 403 PERMISSION_DENIED ("Method doesn't
// allow unregistered callers…"), a key Google does not know (`sim-bad-key`, or fault=badkey): 400 INVALID_ARGUMENT
// "API key not valid. Please pass a valid API key." with an ErrorInfo detail `reason: API_KEY_INVALID`, as Google
// answers both. Errors have Google's shape {error: {code, message, status, details?}} (vercel/ai
// packages/google/src/google-error.ts). CORS: Google's API answers any origin, and its preflight allows the headers
// asked for (its SDKs send x-goog-api-key and x-goog-api-client).
//
// Scenarios: insert `/s/{scenario}` after `/sim/google`; any other key (run=abc) only separates runs.
//   fault=badkey                  400 API_KEY_INVALID
//   fault=429                     429 RESOURCE_EXHAUSTED (quota), its wait in a RetryInfo detail, no Retry-After
//                                 header (retryAfter=<s>, default 1; retryAfter=none: no RetryInfo); a QuotaFailure
//                                 of the quota per minute, or with quota=day, of the quota per day too (as the reply
//                                 quoted in googleapis/python-genai#2044 lists it, beside those per minute: its
//                                 RetryInfo asks for seconds all the same)
//   fault=500                     500 INTERNAL
//   fault=moderated               200 with no image: Gemini `finishReason: 'IMAGE_SAFETY'` (its usage: the prompt's
//                                 tokens, billed), Imagen `{}` (no prediction: nothing billed)
//   images=<n>                    Gemini answers n images in one reply (1–8), its usage and its bill of all n: one
//                                 prompt may make several (Google: output images "limited to 32,768 output tokens"),
//                                 in its one answer, whatever `candidateCount` (1) says: it counts answers, not images
//   list=<fault>                  the list alone fails: `none` 404 (a host without the route), `network` the
//                                 connection dropped, a status (400–599) Google's error of it
//   now=<ISO date-time>           the moment the request is answered at (which models are served, modelStatus)
//   page=<n>                      the most models a page of the list holds (default 4)
//   unlisted=<id>[,<id>]          Gemini models this key's project is not offered: the list leaves them out, and a
//                                 generation by one is answered 404 as one Google does not have
//   pending=<ms>                  generation time (default: the simulator's pendingMs)
//   text=<n>, thoughts=<n>, usage=none   as above
import { randomUUID } from 'node:crypto';
import { dayStart, servedAt, simulatorNow } from './clock.mjs';

/**
 * The `usageMetadata` a Gemini reply says of its tokens, or what a lying reply says instead (`said`: `huge`, `zero`).
 */
function usageSaid(said, { prompt, image, written, thoughts, moderated }) {
  const [promptSaid, imageSaid, writtenSaid, thoughtsSaid] =
    said === 'huge'
      ? [prompt, Number.MAX_SAFE_INTEGER - written, written, thoughts]
      : said === 'zero'
        ? [0, 0, 0, 0]
        : [prompt, image, written, thoughts];
  return {
    promptTokenCount: promptSaid,
    candidatesTokenCount: imageSaid + writtenSaid,
    totalTokenCount: promptSaid + imageSaid + writtenSaid + thoughtsSaid,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptSaid }],
    ...(!moderated && { candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: imageSaid }] }),
    ...(thoughtsSaid && { thoughtsTokenCount: thoughtsSaid }),
  };
}
import { decimal, dropConnection, parseScenario, preflight, readJson, requestUrl, send, sleep } from './http.mjs';
import { drawImage } from './png.mjs';
import { createChargeBook, createRequestLog, createTestRoutes, forModel, requestEntry } from './kit.mjs';

/** Gemini's ratios (see the header) and the size each makes at 1K (Google's image generation guide). */
export const GEMINI_SIZES = {
  '1:1': [1024, 1024],
  '2:3': [848, 1264],
  '3:2': [1264, 848],
  '3:4': [896, 1200],
  '4:3': [1200, 896],
  '4:5': [928, 1152],
  '5:4': [1152, 928],
  '9:16': [768, 1376],
  '16:9': [1376, 768],
  '21:9': [1584, 672],
};
/** 3.1 Flash's and Nano Banana 2.1's extra ratios; their sizes are drawn at about 1 MP here (what the widget does not offer). */
const FLASH_RATIOS = ['1:4', '4:1', '1:8', '8:1'];
const RATIOS = Object.keys(GEMINI_SIZES);
/** The previews' shutdown (Google's deprecations page; the GA ids replaced them on 2026-05-28). */
const PREVIEW_SHUT = '2026-06-25';
/**
 * Gemini's image models: rates in 10⁻⁸ $ per token (text in, image in, image out, text and thinking out: USD per million
 * × 100, Google's price page as SPEC §12 restates it; Nano Banana 2.1's and 3.1 Flash Lite's as resellers restate
 * them), the image's tokens per tier, the tiers and ratios it takes, its shutdown (Google's changelog and
 * deprecations page; 3.1 Flash's as third parties restate it) and what its replies' `modelStatus` says (`stage`, and
 * from `deprecated` on, DEPRECATED
 * with its retirement and what replaces it).
 */
const GEMINI = {
  'gemini-nano-banana-2.1': {
    displayName: 'Nano Banana 2.1',
    rates: [150, 150, 3000, 750],
    tokens: { '1K': 1120, '2K': 1680, '4K': 2520 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'MEDIUM', 'HIGH'],
  },
  'gemini-3-pro-image': {
    displayName: 'Nano Banana Pro',
    rates: [200, 200, 12000, 1200],
    tokens: { '1K': 1120, '2K': 1120, '4K': 2000 },
    ratios: RATIOS,
  },
  'gemini-3.1-flash-lite-image': {
    displayName: 'Nano Banana 2 Lite',
    rates: [25, 25, 3000, 150],
    tokens: { '1K': 1120 },
    ratios: RATIOS,
  },
  'gemini-3.1-flash-image': {
    displayName: 'Nano Banana 2',
    rates: [50, 50, 6000, 300],
    tokens: { 512: 747, '1K': 1120, '2K': 1680, '4K': 2520 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'HIGH'],
    shutdown: '2026-10-29',
    deprecated: '2026-10-06',
    replacement: 'gemini-nano-banana-2.1',
  },
  'gemini-3.1-flash-image-preview': {
    displayName: 'Nano Banana 2 (preview)',
    rates: [50, 50, 6000, 300],
    tokens: { 512: 747, '1K': 1120, '2K': 1680, '4K': 2520 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'HIGH'],
    shutdown: PREVIEW_SHUT,
    stage: 'PREVIEW',
    deprecated: '2026-05-28',
    replacement: 'gemini-3.1-flash-image',
  },
  'gemini-3-pro-image-preview': {
    displayName: 'Nano Banana Pro (preview)',
    rates: [200, 200, 12000, 1200],
    tokens: { '1K': 1120, '2K': 1120, '4K': 2000 },
    ratios: RATIOS,
    shutdown: PREVIEW_SHUT,
    stage: 'PREVIEW',
    deprecated: '2026-05-28',
    replacement: 'gemini-3-pro-image',
  },
};
/**
 * What a Gemini reply's `modelStatus` says of `model` at `now` (googleapis/js-genai `ModelStatus`: `modelStage`,
 * `retirementTime`, `message`): its stage, and from its deprecation on, DEPRECATED (a preview keeps PREVIEW) with the
 * moment it stops and what replaces it. The message's words are this simulator's: no reply carrying one was found.
 */
function modelStatus(model, now) {
  const spec = GEMINI[model];
  if (!spec.deprecated || now < dayStart(spec.deprecated)) return { modelStage: spec.stage ?? 'STABLE' };
  return {
    modelStage: spec.stage ?? 'DEPRECATED',
    retirementTime: `${spec.shutdown}T00:00:00Z`,
    message: `${model} will be shut down on ${spec.shutdown}. Use ${spec.replacement} instead.`,
  };
}
/** Imagen 4: its flat price in 10⁻⁸ $ per image, and the five ratios and sizes it makes (Google's Imagen guide). */
const IMAGEN = {
  'imagen-4.0-fast-generate-001': 2_000_000,
  'imagen-4.0-generate-001': 4_000_000,
  'imagen-4.0-ultra-generate-001': 6_000_000,
};
const IMAGEN_NAMES = {
  'imagen-4.0-fast-generate-001': 'Imagen 4 Fast',
  'imagen-4.0-generate-001': 'Imagen 4',
  'imagen-4.0-ultra-generate-001': 'Imagen 4 Ultra',
};
/** Imagen 4's days: all three shut down on 2026-08-17 (Google's changelog, 2026-06-15, and its Imagen page). */
const IMAGEN_SHUTDOWN = '2026-08-17';
const IMAGEN_SIZES = {
  '1:1': [1024, 1024],
  '3:4': [896, 1280],
  '4:3': [1280, 896],
  '9:16': [768, 1408],
  '16:9': [1408, 768],
};
/**
 * Models Google lists besides the image ones, by what they do (a list is never of image models alone): a reader keeps
 * what it makes images with and passes over the rest.
 */
const OTHERS = [
  {
    name: 'models/gemini-2.5-flash',
    version: '001',
    displayName: 'Gemini 2.5 Flash',
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
    thinking: true,
  },
  {
    name: 'models/gemini-embedding-001',
    version: '001',
    displayName: 'Gemini Embedding 001',
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: ['embedContent', 'countTextTokens', 'countTokens', 'asyncBatchEmbedContent'],
  },
];
/** `unlisted=<id>,<id>`: Gemini models the key's project is not offered (listed nor served to it). */
const withheld = (scenario) => (scenario.unlisted ?? '').split(',').filter(Boolean);
/** The models `models.list` names at `now` (but those `unlisted`), in Google's shape (googleapis/js-genai `Model`), in a fixed order. */
function listedAt(now, unlisted) {
  const gemini = Object.entries(GEMINI)
    .filter(([id, spec]) => servedAt(spec.shutdown, now) && !unlisted.includes(id))
    .map(([id, spec]) => ({
      name: `models/${id}`,
      version: id.endsWith('-preview') ? 'preview' : '001',
      displayName: spec.displayName,
      description: `${spec.displayName}: makes and edits images.`,
      inputTokenLimit: 131072,
      outputTokenLimit: 32768,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
      thinking: true,
    }));
  const imagen = servedAt(IMAGEN_SHUTDOWN, now)
    ? Object.keys(IMAGEN).map((id) => ({
        name: `models/${id}`,
        version: '001',
        displayName: IMAGEN_NAMES[id],
        description: 'Imagen 4 makes images from text.',
        inputTokenLimit: 480,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['predict'],
      }))
    : [];
  return [...OTHERS.slice(0, 1), ...gemini, ...imagen, ...OTHERS.slice(1)];
}
/**
 * The most models a page of the list holds, whatever `pageSize` asks (Google holds up to 1000, and 50 where none is
 * asked; AIP-158 lets a server return fewer than asked): a few, so that every read of the list goes page by page.
 */
const LIST_PAGE = 4;
/** The tier's scale on each side. */
const TIER_SCALE = { 512: 0.5, '1K': 1, '2K': 2, '4K': 4 };

/**
 * Why the request's caps are refused, or undefined: `candidateCount` must be 1 (Google takes 1 to 8 for some models,
 * 1 where unset: stricter here, as the widget asks for one answer and must say so); `thinkingConfig` must be one the
 * model takes: a `thinkingLevel` of its levels (`thinking` in GEMINI, case aside, as Google's enums are read), none for
 * a model with none (Nano Banana Pro thinks always; no level is sourced for 3.1 Flash Lite), and no `thinkingBudget`
 * (Gemini 2.5's; refused beside a level, as Google refuses both together, and alone here, as no source says a Gemini 3
 * image model takes it).
 */
function capsRefused(spec, config) {
  const { candidateCount } = config;
  if (candidateCount !== undefined && (!Number.isInteger(candidateCount) || candidateCount < 1 || candidateCount > 8))
    return `* GenerateContentRequest.generation_config.candidate_count: must be between 1 and 8, got ${JSON.stringify(candidateCount)}`;
  if (candidateCount !== 1)
    return 'Simulator: generationConfig.candidateCount must be 1 (one answer asked, so that no answer beyond it is billed).';
  const thinking = config.thinkingConfig;
  if (thinking === undefined) return undefined;
  if (typeof thinking !== 'object' || thinking === null)
    return '* GenerateContentRequest.generation_config.thinking_config: must be an object';
  if (thinking.thinkingBudget !== undefined)
    return thinking.thinkingLevel !== undefined
      ? '* GenerateContentRequest.generation_config.thinking_config: thinking_budget and thinking_level are not supported together.'
      : '* GenerateContentRequest.generation_config.thinking_config.thinking_budget: is not supported by this model; use thinking_level.';
  const level = thinking.thinkingLevel;
  if (level === undefined) return undefined;
  if (!spec.thinking)
    return '* GenerateContentRequest.generation_config.thinking_config.thinking_level: is not supported by this model.';
  if (typeof level !== 'string' || !spec.thinking.includes(level.toUpperCase()))
    return `* GenerateContentRequest.generation_config.thinking_config.thinking_level: unsupported value ${JSON.stringify(level)}`;
  return undefined;
}

const googleError = (code, status, message, details) => ({
  error: { code, message, status, ...(details && { details }) },
});

export function createGoogleSimulator({ pendingMs = 3000 } = {}) {
  const charges = createChargeBook();
  const log = createRequestLog();
  const testRoutes = createTestRoutes({
    base: '/sim/google',
    log,
    charges: {
      book: charges,
      missing: googleError(400, 'INVALID_ARGUMENT', 'Query parameter `key` required.'),
      report: ({ units, count }) => ({ usd: decimal(units, 8), images: count }),
    },
  });

  /** Google's refusals of the key (see the header), or undefined when the key is one it knows. */
  function keyProblem(req, url, fault) {
    if (url.searchParams.has('key'))
      return [
        400,
        googleError(
          400,
          'INVALID_ARGUMENT',
          'Simulator: a key in the address (?key=) is refused here: userpays sends it in the x-goog-api-key header only.',
        ),
      ];
    const key = req.headers['x-goog-api-key'];
    if (!key)
      return [
        403,
        googleError(
          403,
          'PERMISSION_DENIED',
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        ),
      ];
    if (key === 'sim-bad-key' || fault === 'badkey')
      return [
        400,
        googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
        ]),
      ];
    return undefined;
  }

  const invalid = (req, res, message) => send(req, res, 400, googleError(400, 'INVALID_ARGUMENT', message));

  async function gemini(req, res, model, body, scenario, key, now) {
    const spec = GEMINI[model];
    const text = (body?.contents ?? [])
      .flatMap((content) => content?.parts ?? [])
      .map((part) => part?.text ?? '')
      .join('');
    if (!text.trim()) return invalid(req, res, '* GenerateContentRequest.contents: contents is not specified');
    const config = body.generationConfig ?? {};
    if (!Array.isArray(config.responseModalities) || !config.responseModalities.includes('IMAGE'))
      return invalid(
        req,
        res,
        'Simulator: responseModalities must name IMAGE for an image (this model writes text else).',
      );
    const { aspectRatio = '1:1', imageSize = '1K' } = config.imageConfig ?? {};
    if (!spec.ratios.includes(aspectRatio))
      return invalid(
        req,
        res,
        `* GenerateContentRequest.generation_config.image_config.aspect_ratio: unsupported value "${aspectRatio}"`,
      );
    if (!Object.hasOwn(spec.tokens, imageSize))
      return invalid(
        req,
        res,
        `* GenerateContentRequest.generation_config.image_config.image_size: unsupported value "${imageSize}"`,
      );
    const refused = capsRefused(spec, config);
    if (refused) return invalid(req, res, refused);
    const count = Number(scenario.images ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > 8)
      return invalid(req, res, `Simulator scenario: images=${scenario.images} is not a whole number from 1 to 8.`);
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    const prompt = Math.max(1, Math.ceil(Buffer.byteLength(text) / 4));
    const moderated = scenario.fault === 'moderated';
    // Every image of the reply is billed, the first as much as the others (images=<n>).
    const image = moderated ? 0 : spec.tokens[imageSize] * count;
    const written = moderated ? 0 : Number(scenario.text ?? 272);
    const thoughts = Number(scenario.thoughts ?? 0);
    const [textIn, , imageOut, textOut] = spec.rates;
    charges.charge(key, prompt * textIn + image * imageOut + (written + thoughts) * textOut, {
      count: moderated ? 0 : count,
    });
    const [width, height] = (GEMINI_SIZES[aspectRatio] ?? [1024, 1024]).map((side) => side * TIER_SCALE[imageSize]);
    const usageMetadata = usageSaid(scenario.usage, { prompt, image, written, thoughts, moderated });
    const seed = config.seed ?? 0;
    const candidate = moderated
      ? { finishReason: 'IMAGE_SAFETY', index: 0 }
      : {
          content: {
            parts: Array.from({ length: count }, (_, index) => ({
              inlineData: {
                mimeType: 'image/png',
                data: drawImage({ width, height, prompt: text, seed: seed + index }).toString('base64'),
              },
            })),
            role: 'model',
          },
          finishReason: 'STOP',
          index: 0,
        };
    send(req, res, 200, {
      candidates: [candidate],
      ...(scenario.usage !== 'none' && { usageMetadata }),
      modelVersion: model.replace(/-preview$/, ''),
      responseId: randomUUID(),
      modelStatus: modelStatus(model, now),
    });
  }

  /**
   * `models.list` (`GET /v1beta/models`): the models served at `now`, a page at a time (`pageSize`, at most
   * `scenario.page` or LIST_PAGE; `pageToken` the `nextPageToken` of the page before, opaque to the reader).
   */
  function list(req, res, url, scenario, now) {
    const asked = url.searchParams.get('pageSize');
    const size = asked === null || asked === '' ? 50 : Number(asked);
    if (!Number.isInteger(size) || size < 0)
      return invalid(req, res, `Invalid value at 'page_size' (TYPE_INT32), "${asked}"`);
    const most = Math.min(size || 50, 1000, Number(scenario.page ?? LIST_PAGE));
    const token = url.searchParams.get('pageToken') ?? '';
    const from = token
      ? Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        )
      : 0;
    const models = listedAt(now, withheld(scenario));
    if (!Number.isInteger(from) || from < 0 || from > models.length) return invalid(req, res, 'Invalid page token.');
    const page = models.slice(from, from + most);
    const next = from + page.length;
    send(req, res, 200, {
      models: page,
      ...(next < models.length && { nextPageToken: Buffer.from(`offset:${next}`, 'utf8').toString('base64url') }),
    });
  }

  /** `list=<fault>`: the list alone fails, as a host without the route (`none`: 404), one gone wrong, or none answering. */
  function listFault(req, res, fault) {
    if (fault === 'network') return dropConnection(req, res);
    if (fault === 'none')
      return send(req, res, 404, googleError(404, 'NOT_FOUND', `Simulator: no route GET ${requestUrl(req).pathname}.`));
    const status = Number(fault);
    if (!Number.isInteger(status) || status < 400 || status > 599)
      return invalid(
        req,
        res,
        `Simulator scenario: list=${fault} is none of none, network or an HTTP status from 400.`,
      );
    const named = { 403: 'PERMISSION_DENIED', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };
    send(req, res, status, googleError(status, named[status] ?? 'UNKNOWN', 'Internal error encountered.'));
  }

  async function imagen(req, res, model, body, scenario, key) {
    const prompt = body?.instances?.[0]?.prompt;
    if (typeof prompt !== 'string' || !prompt.trim())
      return invalid(req, res, 'Simulator: instances[0].prompt is required.');
    const { sampleCount = 4, aspectRatio = '1:1' } = body.parameters ?? {};
    if (!Number.isInteger(sampleCount) || sampleCount < 1 || sampleCount > 4)
      return invalid(req, res, `Number of images must be in the range [1, 4], got ${sampleCount}.`);
    if (!Object.hasOwn(IMAGEN_SIZES, aspectRatio))
      return invalid(
        req,
        res,
        `Unsupported aspect ratio "${aspectRatio}": supported are 1:1, 3:4, 4:3, 9:16 and 16:9.`,
      );
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    if (scenario.fault === 'moderated') return send(req, res, 200, {});
    charges.charge(key, IMAGEN[model] * sampleCount, { count: sampleCount });
    const [width, height] = IMAGEN_SIZES[aspectRatio];
    const predictions = Array.from({ length: sampleCount }, (_, index) => ({
      mimeType: 'image/png',
      bytesBase64Encoded: drawImage({ width, height, prompt, seed: index }).toString('base64'),
    }));
    send(req, res, 200, { predictions });
  }

  return {
    /** Handles `/sim/google/…`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const path = url.pathname;
      if (!/^\/sim\/google(\/|$)/.test(path)) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res, { allowRequestedHeaders: true });
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const entry = log.add(requestEntry(req, url, { keyHeader: 'x-goog-api-key' }));
      entry.keyInQuery = url.searchParams.has('key');
      const listing = /^\/sim\/google(?:\/s\/([^/]*))?\/v1beta\/models$/.exec(path);
      const match = /^\/sim\/google(?:\/s\/([^/]*))?\/v1beta\/models\/([^/:]+):(generateContent|predict)$/.exec(path);
      try {
        if (listing && req.method === 'GET') {
          const scenario = parseScenario(listing[1]);
          const now = simulatorNow(scenario);
          if (Number.isNaN(now))
            return invalid(req, res, `Simulator scenario: now=${scenario.now} is not a date-time.`);
          if (scenario.list) return listFault(req, res, scenario.list);
          const refused = keyProblem(req, url, scenario.fault);
          if (refused) return send(req, res, ...refused);
          return list(req, res, url, scenario, now);
        }
        if (!match || req.method !== 'POST')
          return send(req, res, 404, googleError(404, 'NOT_FOUND', `Simulator: no route ${req.method} ${path}.`));
        const scenario = parseScenario(match[1]);
        const model = decodeURIComponent(match[2]);
        const body = await readJson(req);
        entry.asked = body;
        const now = simulatorNow(scenario);
        if (Number.isNaN(now)) return invalid(req, res, `Simulator scenario: now=${scenario.now} is not a date-time.`);
        const refused = keyProblem(req, url, scenario.fault);
        if (refused) return send(req, res, ...refused);
        // As the Gemini API answers a key past its quota (per minute or per day, by its plan): no Retry-After header,
        // the wait (where it gives one) in a google.rpc.RetryInfo detail beside the quota and a link to its limits
        // (ai.google.dev/gemini-api/docs/rate-limits; replies quoted in gke-labs/gemini-for-kubernetes-development#1215).
        if (scenario.fault === '429')
          return send(
            req,
            res,
            429,
            googleError(
              429,
              'RESOURCE_EXHAUSTED',
              'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
              [
                {
                  '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
                  violations: [
                    ...(scenario.quota === 'day'
                      ? [
                          {
                            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                            quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
                            quotaDimensions: { location: 'global', model },
                          },
                        ]
                      : []),
                    {
                      quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                      quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                      ...(scenario.quota === 'day' && { quotaDimensions: { location: 'global', model } }),
                    },
                  ],
                },
                {
                  '@type': 'type.googleapis.com/google.rpc.Help',
                  links: [
                    {
                      description: 'Learn more about Gemini API quotas',
                      url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
                    },
                  ],
                },
                ...(scenario.retryAfter === 'none'
                  ? []
                  : [
                      {
                        '@type': 'type.googleapis.com/google.rpc.RetryInfo',
                        retryDelay: `${scenario.retryAfter ?? 1}s`,
                      },
                    ]),
              ],
            ),
          );
        if (scenario.fault === '500')
          return send(req, res, 500, googleError(500, 'INTERNAL', 'Internal error encountered.'));
        // A model shut down (or not yet released) by the simulator's clock is answered as one Google never had.
        const served =
          !withheld(scenario).includes(model) &&
          (match[3] === 'predict'
            ? Object.hasOwn(IMAGEN, model) && servedAt(IMAGEN_SHUTDOWN, now)
            : Object.hasOwn(GEMINI, model) && servedAt(GEMINI[model].shutdown, now));
        if (!served)
          return send(
            req,
            res,
            404,
            googleError(
              404,
              'NOT_FOUND',
              `models/${model} is not found for API version v1beta, or is not supported for ${match[3]}. Call ListModels to see the list of available models and their supported methods.`,
            ),
          );
        if (!body || typeof body !== 'object') return invalid(req, res, 'Invalid JSON payload received.');
        const key = req.headers['x-goog-api-key'];
        if (match[3] === 'predict') await imagen(req, res, model, body, scenario, key);
        else await gemini(req, res, model, body, scenario, key, now);
      } catch (thrown) {
        if (!res.headersSent) send(req, res, 500, googleError(500, 'INTERNAL', String(thrown.message)));
      }
      return true;
    },
  };
}
