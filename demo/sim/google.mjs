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
//        parts: [{text} | {inlineData: {mimeType, data}, thoughtSignature?}]}], generationConfig: {responseModalities, candidateCount, imageConfig: {aspectRatio,
//        imageSize}, thinkingConfig?: {thinkingLevel}, seed?}}. `candidateCount` must be 1 (Google takes 1–8 and 1 where
//        unset: stricter here, so that the widget is seen asking for one answer; outside 1–8 Google's 400);
//        `thinkingConfig.thinkingLevel` one of the model's levels (Nano Banana 2.1 MINIMAL, MEDIUM, HIGH; 3.1 Flash
//        MINIMAL, HIGH), and none for Nano Banana Pro, which always thinks, nor for 3.1 Flash Lite, for which none is
//        sourced; `thinkingBudget` (Gemini 2.5's) is refused, beside a level as Google refuses both, and alone as no
//        source says these models take it: each a 400 INVALID_ARGUMENT naming the field.
//        `responseModalities` must name IMAGE; `aspectRatio` one of Google's (1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16,
//        16:9, 21:9; 3.1 Flash and Nano Banana 2.1 also 1:4, 4:1, 1:8, 8:1; default 1:1), `imageSize` one of the
//        model's tiers (Nano Banana 2.1 and 3 Pro 1K, 2K, 4K; 3.1 Flash also 512; 3.1 Flash Lite 1K only; default
//        1K): anything else 400 INVALID_ARGUMENT naming the field. The turns (google-conversation.mjs): each `user` or
//        `model`, the last the user's; images as `inlineData` (PNG, JPEG or WebP, each at most 7 MB, at most 14 in all
//        the turns, as Google's model card says); each image a model made sent back in a `model` turn with the
//        `thoughtSignature` its reply gave it, else 400 INVALID_ARGUMENT "Image part is missing a thought_signature in
//        content position N, part position M." (as quoted in suurt8ll/open_webui_functions#225), and one this
//        simulator never gave that model is refused too (stricter: Google's check of a signature is not known).
//        Reply {candidates: [{content: {parts: [{inlineData: {mimeType, data}, thoughtSignature}], role: 'model'},
//        finishReason: 'STOP', index: 0}], usageMetadata: {promptTokenCount (a token per 4 bytes of the prompt's words,
//        at least 1, and each image sent at its model's count: 560 for Nano Banana Pro, 1,120 for the others),
//        candidatesTokenCount (the image's tokens by model and tier,
//        SPEC §12, plus `text=<n>` tokens of text, default 272 as recorded), totalTokenCount, promptTokensDetails (the
//        words' TEXT, the images' IMAGE),
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
//        at}], a generation also `asked`: the body as sent, each image's data left out for its width, height and bytes
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
//
// Its parts, by what each simulates: the models and their days (google-models.mjs), `models.list` (google-list.mjs),
// Gemini's `generateContent` (google-gemini.mjs), its usage and bill (google-usage.mjs), Imagen's `predict`
// (google-imagen.mjs), the turns of a conversation (google-conversation.mjs) and Google's refusals (google-errors.mjs);
// this file routes a request to them.
import { simulatorNow } from './clock.mjs';
import { decimal, parseScenario, preflight, readJson, requestUrl, send } from './http.mjs';
import { createChargeBook, createRequestLog, createTestRoutes, requestEntry } from './kit.mjs';
import { googleError, invalid, keyProblem, notServed, quotaUsed } from './google-errors.mjs';
import { asLogged } from './google-conversation.mjs';
import { geminiGenerate } from './google-gemini.mjs';
import { imagenPredict } from './google-imagen.mjs';
import { list, listFault } from './google-list.mjs';
import { served } from './google-models.mjs';

// The sizes Gemini makes, which OpenRouter's simulator makes for the same models.
export { GEMINI_SIZES } from './google-models.mjs';

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
  const gemini = geminiGenerate({ charges, pendingMs });
  const imagen = imagenPredict({ charges, pendingMs });

  /** `models.list`, or the list alone failing (`list=<fault>`). */
  function listing(req, res, url, scenario) {
    const now = simulatorNow(scenario);
    if (Number.isNaN(now)) return invalid(req, res, `Simulator scenario: now=${scenario.now} is not a date-time.`);
    if (scenario.list) return listFault(req, res, scenario.list);
    const refused = keyProblem(req, url, scenario.fault);
    if (refused) return send(req, res, ...refused);
    return list(req, res, url, scenario, now);
  }

  /** A generation (`method`: `generateContent` or `predict`) by `model`, after the key, the faults and the day. */
  async function generation(req, res, url, entry, [scenario, model, method]) {
    const body = await readJson(req);
    entry.asked = asLogged(body);
    const now = simulatorNow(scenario);
    if (Number.isNaN(now)) return invalid(req, res, `Simulator scenario: now=${scenario.now} is not a date-time.`);
    const refused = keyProblem(req, url, scenario.fault);
    if (refused) return send(req, res, ...refused);
    if (scenario.fault === '429') return send(req, res, 429, quotaUsed(model, scenario));
    if (scenario.fault === '500')
      return send(req, res, 500, googleError(500, 'INTERNAL', 'Internal error encountered.'));
    if (!served(model, method, now, scenario)) return send(req, res, 404, notServed(model, method));
    if (!body || typeof body !== 'object') return invalid(req, res, 'Invalid JSON payload received.');
    const key = req.headers['x-goog-api-key'];
    if (method === 'predict') await imagen(req, res, model, body, scenario, key);
    else await gemini(req, res, model, body, scenario, key, now);
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
      const listed = /^\/sim\/google(?:\/s\/([^/]*))?\/v1beta\/models$/.exec(path);
      const match = /^\/sim\/google(?:\/s\/([^/]*))?\/v1beta\/models\/([^/:]+):(generateContent|predict)$/.exec(path);
      try {
        // Each answered here, so that `handle` says it was (`true`), the list read too.
        if (listed && req.method === 'GET') listing(req, res, url, parseScenario(listed[1]));
        else if (!match || req.method !== 'POST')
          send(req, res, 404, googleError(404, 'NOT_FOUND', `Simulator: no route ${req.method} ${path}.`));
        else await generation(req, res, url, entry, [parseScenario(match[1]), decodeURIComponent(match[2]), match[3]]);
      } catch (thrown) {
        if (!res.headersSent) send(req, res, 500, googleError(500, 'INTERNAL', String(thrown.message)));
      }
      return true;
    },
  };
}
