// Simulator of Pollinations' "Connect User Wallets" (Bring Your Own Pollen: the OAuth 2.1 authorization-code flow
// with PKCE of enter.pollinations.ai) and of its generation API (gen.pollinations.ai): the consent page, the token
// endpoint, images, the model list and what a key has left. One endpoint (`/sim/pollinations`) plays both hosts, as
// SPEC §4 has it for any endpoint but the default (`{auth}` is then the endpoint itself).
//
// Sources (pollinations/pollinations, as stored by the code index; the files changed often, the versions read are
// named by commit where they matter), cited beside each rule below:
//   [BYOP]     BRING_YOUR_OWN_POLLEN.md (018ec348): the flow, the parameters, defaults (budget 5, expiry 7 days), the
//              token request and reply, "single-use and expires after 10 minutes", RFC 6749 error objects
//   [consent]  enter.pollinations.ai/src/client/components/auth/authorize.tsx (the code-flow version): the checks of
//              the consent page, their messages, `?code=&state=` and `?error=access_denied&state=` on the way back
//   [config]   shared/auth/authorize-config.ts: getAuthorizeRequestError, PKCE_S256_CHALLENGE_REGEX, the defaults,
//              expiryDaysToExpiresIn (days × 86400, rounded), getExpiryDaysError (1 second to 365 days),
//              CONSENT_PERMISSIONS (profile, usage, keys)
//   [redirect] shared/auth/redirect-uri.ts: redirectUriMatchesAllowlistExact (scheme, host, path exact; one trailing
//              slash ignored; the query must equal the registered one; no fragment; any port on loopback),
//              isAllowedRedirectUrl (https, or http on loopback)
//   [oauth]    enter.pollinations.ai/src/routes/oauth.ts: POST /api/oauth/code (the binding re-checked, the code 40
//              characters, kept 600 s) and POST /api/oauth/token (each refusal and its words; the code burnt before
//              it is checked; `expires_in` and `scope` only when set)
//   [wellknown] enter.pollinations.ai/src/routes/well-known.ts: /.well-known/oauth-authorization-server
//   [account]  enter.pollinations.ai/src/routes/account.ts: GET /account/key and its reply
//   [gateway]  enter.pollinations.ai/src/services/service-billing.ts (authorizeServiceRequest): the 401, 403 and 402
//              refusals of a generation and their words, a key's budget reserved before the work
//   [buckets]  shared/billing/bucket-selection.ts (1da86d2c, canCoverEstimatedCharge), shared/billing/deduction.ts
//              (001edb50, BILLING_POLICIES, atomicDeductUserBalance) and shared/billing/service-billing.ts (151bb0c3,
//              createServiceAuthorization): a user's pollen is two buckets, the tier's (free, granted daily) and the
//              packs' (bought); a request is admitted when ONE bucket covers its price (tier ≥ price or pack ≥ price:
//              never their sum) and is debited whole from the tier where the tier covers it, else from the packs; a
//              paid-only model (its registry entry's `paidOnly`, /image/models' `paid_only`) is admitted only when the
//              packs hold more than its price (pack > price: "must hold paid balance") and is debited from them
//   [errors]   enter.pollinations.ai/src/error.ts: the error envelope {success: false, error: {message, code,
//              timestamp, details?}, status}, the codes by status and their default messages; the 401 body as
//              pollinations/pollinations#9873 quotes it from gen.pollinations.ai
//   [schema]   enter.pollinations.ai/src/schemas/image.ts: GenerateImageRequestQueryParamsSchema (width and height
//              integers ≥ 0, default 1024; seed an integer from -1 to 2147483647, default 0; booleans by
//              z.coerce.boolean; `image` URLs http(s) only)
//   [registry] shared/registry/image.ts (0047731e): the image models, their aliases and their price per unit in
//              pollen (cost × priceMultiplier: 0.75 for gptimage and gpt-image-2, 1 for the others;
//              shared/registry/registry.ts rateAgainst); DEFAULT_IMAGE_MODEL `zimage`
//   [info]     shared/registry/model-info.ts (00321892) and shared/registry/public-pricing.ts: the entries of
//              /image/models, prices as fixed-point text (toFixedPoint)
//   [cors]     enter.pollinations.ai/src/middleware/cors.ts: origin `*`, methods GET POST PUT DELETE OPTIONS, the
//              request's headers allowed, Content-Length and Content-Disposition exposed, max-age 600, no credentials
//   [image]    gen.pollinations.ai/src/image/createAndReturnImages.ts (dce67d23): GPT Image (`callGPTImageWithEndpoint`)
//              made at the one of 1024×1024, 1536×1024, 1024×1536 nearest the ratio asked, `high` if asked else
//              `medium`; its usage billed as reported (`mapAzureGPTImageUsage`: gpt-image-1.5's text apart)
//   [openrouter] gen.pollinations.ai/src/image/models/openRouterImageModel.ts (00e958c5): Nano Banana's ratio
//              (`closestByRatio`) and tier (1K, 2K, 4K: nearest in pixels), Seedream 4.5's 2K presets (4K where a
//              side asked is over 2048)
//   [aspect]   gen.pollinations.ai/src/image/utils/aspectRatio.ts: closestByRatio, closestRatioLogSpace, ASPECT_RATIOS
//   (and models/xaiModel.ts, models/qwenImageModel.ts: Grok Imagine's and Qwen-Image's ratios)
// Where the sources leave a case open, the simulator takes the stricter reading and says so ("stricter").
//
// Routes (`/s/{scenario}` may follow `/sim/pollinations`, as the widget's endpoint; CORS as [cors] on every reply,
// and on preflights 204):
//   GET  /sim/pollinations/authorize?response_type=code&client_id=pk_…&redirect_uri&state&code_challenge
//        &code_challenge_method=S256[&budget=<pollen>][&expiry=<days>][&models=<a,b>][&scope=<profile …>]
//        the consent page, signed in as a simulated user: the app's name, the budget, the expiry and the models asked,
//        the user's balance. `#budget` and `#expiry` are the page's fields (filled with what was asked, else 5 and 7
//        [config]; emptied: no cap, no expiry, as the real page allows); `#authorize` (a form POST to
//        authorize/approve) goes back to redirect_uri with `?code=&state=`, `#cancel` (a link) with
//        `?error=access_denied&state=` [consent]. Refused with a 400 error page, and no redirect ("errors render
//        locally — error params are never redirected to a redirect_uri that hasn't been validated" [consent]), with
//        the page's own words: no or bad redirect_uri, not https (http on loopback only), response_type not `code`,
//        no client_id, no code_challenge, a method other than S256 (`plain` too), a challenge not 43 base64url
//        characters [config]; a client_id that is not a registered App Key ("This app key could not be verified.
//        Authorization blocked."), a redirect_uri not registered for it, exactly ("This redirect URL is not
//        registered for this app. Authorization blocked.") [consent] [redirect]. Stricter than Pollinations: a
//        missing `state` is refused (Pollinations goes back without one); so is a missing `response_type` (which
//        Pollinations takes as the legacy fragment flow, `#api_key=`), and the legacy names `app_key`,
//        `redirect_url`, `permissions` [BYOP]; a `budget` that is not an amount ≥ 0, an `expiry` outside 1 second to
//        365 days [config], a `models` name that is not one of /image/models' names or aliases (Pollinations'
//        parser drops or keeps these silently).
//   POST /sim/pollinations/authorize/approve   form (the consent page's): the simulator's stand-in for the page's
//        POST /api/oauth/code. Checks the binding again [oauth], makes the user's key `sk_…` (budget: the `budget`
//        field, exact pollen, none when empty; expiry: `expiry` days → seconds, rounded, none when empty [config];
//        models: the list asked, none = all) and a code for it, kept 10 minutes (`codettl=<ms>`), then 302 to
//        redirect_uri with `code` and `state` added to its query [consent]. Each sign-in is a user of its own, whose
//        bought pollen is `pollen=` of the scenario (default 10) and whose tier pollen is `tierpollen=` (default 0)
//        [buckets].
//   POST /sim/pollinations/api/oauth/token   form: grant_type=authorization_code, code, client_id, redirect_uri,
//        code_verifier → {access_token: 'sk_…', token_type: 'bearer', expires_in?, scope?} (`expires_in` absent: the
//        key does not expire; `scope` only when the sign-in asked one) [oauth] [BYOP], Cache-Control: no-store.
//        400 {error, error_description}: unsupported_grant_type; invalid_request (a field missing); invalid_grant
//        "Code unknown, expired, or already used." | "Code was issued to a different client_id." | "redirect_uri
//        mismatch" | "PKCE verification failed" (also a verifier that is not 43–128 unreserved characters). The code
//        is burnt on its first use, even when that use is refused [oauth]. Stricter: application/x-www-form-urlencoded
//        only (Pollinations' parseFormOrJsonBody also reads JSON), and no device grant.
//   GET  /sim/pollinations/api/oauth/userinfo (and /api/device/userinfo)   Bearer → {sub, preferred_username,
//        picture} and, with the `profile` scope, `name` and `email` [BYOP]; 401 otherwise
//   GET  /sim/pollinations/.well-known/oauth-authorization-server   the discovery document [wellknown]
//   GET  /sim/pollinations/image/{prompt, URL-encoded}?model&width&height&seed&enhance&safe&negative_prompt&image
//        `Authorization: Bearer sk_…` (or `?key=`, as Pollinations takes it too; the log says which) → the image
//        bytes (a PNG here, image/png; the real service sends what the model made, mostly JPEG), with the worker's
//        `x-model-used` and `x-usage-completion-image-tokens: 1` (not exposed to pages [cors]). In order:
//          401 the key unknown, expired or missing: "Authentication required. Please provide an API key via
//              Authorization header (Bearer token) or ?key= query parameter." [errors] (an expired key is a key
//              better-auth no longer verifies: the same 401 as an unknown one)
//          400 the query: `model` not a name or alias of /image/models; width or height not an integer, below 64,
//              above 2560, or together above the model's 2.4 MP ("up to 2.4 megapixels" [registry]; 64–2560 from
//              the pollinations.ai front end's model constraints; stricter: those are not known to be enforced by the
//              server, which the schema bounds only by ≥ 0); seed not an integer from -1 to 2147483647 [schema];
//              `image` URLs not http(s) [schema]; kontext without an `image` (stricter: FLUX.1 Kontext edits an image)
//          403 a model outside the key's list: "Model '<name>' is not allowed for this API key" [gateway] — the
//              resolved name is checked, so a key made for an alias does not reach the model by its own name
//          402 no bucket of the user's covering the price, or, for a paid-only model, the bought pollen not above it
//              [buckets]: "Insufficient balance. This request costs ~0.0020 pollen."; the key's budget short of it:
//              "API key budget too low. This request costs ~0.0020 pollen." [gateway]
//        The other families (gptimage, gptimage-large, gpt-image-2, nanobanana-2, nanobanana-2-lite, nanobanana-pro,
//        seedream-pro, grok-imagine, qwen-image [registry], each while it is served: `now=`) take sides of 64 to 8192
//        (stricter: Pollinations bounds them by ≥ 0 only) and `quality` of low, medium, high, hd [schema] (400
//        otherwise), and are made at their own size ([image],
//        [openrouter]: the log's `made` says the size, quality or tier and usage); their price is their usage × the
//        list's price per unit (GPT Image and Nano Banana: the prompt's tokens simulated as one per 4 bytes, the image's
//        as OpenAI and Google count them, the text 1.5 writes 420 and 3.1 Flash's thinking 272 as recorded), to 10⁻⁸.
//        then the image is made (`pending=<ms>`) and the price is debited once from the bucket that pays it
//        [buckets] and from the key's budget; a key made through an App Key with earnings on pays 25 % over the price, checked and debited as one
//        price, the share credited to the app ("users pay 25% over base rates" [BYOP]; a share that is not a whole
//        10⁻⁸ pollen is rounded up, stricter). Sides are rounded to multiples of 16 ("Dimensions rounded to multiples of 16", the front end's
//        constraints); seed -1 is a random seed. Booleans read as Pollinations reads them (z.coerce.boolean):
//        any non-empty text is true, `enhance=false` included; the log's `asked` says what was understood.
//        `enhance` (default false [schema]) has an LLM rewrite the prompt first; the reply is the image's bytes alone,
//        and no header a page may read ([cors] exposes Content-Length and Content-Disposition only) says the rewrite:
//        the simulator draws from the prompt as sent and says nothing of one either.
//        Pollinations' `nologo` and `private` are no longer in the schema (ignored) [schema].
//   POST /sim/pollinations/v1/images/edits   `Authorization: Bearer sk_…`, JSON {prompt, model, image: [{image_url}],
//        size, quality, seed} → {created, data: [{b64_json, revised_prompt}], usage}: the images sent, to a model that
//        takes as many (its `references`, none for a model of text alone), made and billed as GET /image/… makes and
//        bills an image, with what the images add (pollinations-edits.mjs says the route and its sources)
//   GET  /sim/pollinations/image/models   no key: [{name, aliases, category, publisher, community, pricing: {currency:
//        'pollen', completionImageTokens: '<pollen per image>'}, title, description, input_modalities,
//        output_modalities, max_reference_images?, capabilities, paid_only?, flat_rate, added_date}] [info] for
//        zimage (the default model, not FLUX), flux (FLUX.1 [schnell], 0.002), klein (FLUX.2 [klein] 4B, 0.005),
//        kontext (FLUX.1 Kontext, 0.04) and the other families [registry], each with every price per unit it has
//        (promptTextTokens, completionImageTokens…; flat_rate false where it has a prompt-token price)
//   GET  /sim/pollinations/account/key   Bearer → {valid: true, type: 'secret', name, expiresAt, expiresIn,
//        permissions: {models, account}, pollenBudget, rateLimitEnabled: false}: pollenBudget what is left of the
//        key's budget (null: no cap), expiresAt/expiresIn null without expiry [account]; 401 "API key required. This
//        endpoint validates API keys." for a key unknown or expired
//   POST /sim/pollinations/_register   JSON {redirectUris: [..], name?, earningsEnabled?} → {client_id: 'pk_sim…',
//        name, redirectUris, earningsEnabled}: registers an App Key (as enter.pollinations.ai/keys and POST
//        /account/keys do [BYOP]), each URI with a scheme, https or http on loopback, no fragment [redirect]; 400
//        otherwise. Built in, for http://localhost/ and http://127.0.0.1/ (any port), /index.html, /demo/ and
//        /demo/index.html: `pk_simdemo` ("Userpays demo (simulated)") and `pk_simearn`, the same with earnings on.
//   GET  /sim/pollinations/_account?key=   {balance, tierBalance, packBalance, budget, models, expiresAt (ms), scope}:
//        the user’s and the key’s state (`balance` the two buckets together)
//   GET  /sim/pollinations/_log | _charges?key= ({pollen, usd, images}: what was debited, 1 pollen = $1) | POST _reset
//        for tests, as the other simulators (kit.mjs)
//
// Keys: those the sign-ins made, and pasted ones named `sk_sim…`: a user of `pollen=` (default 10; `sk_sim_empty`
// none), with the key's budget `keybudget=<pollen>` (default none), models `keymodels=<a,b>` (default all), no
// expiry; `sk_sim_bad` is refused 401. Anything else, `pk_…` used as a key included, is refused 401 (stricter: Pollinations still serves legacy
// publishable keys, rate-limited).
//
// Scenarios (`;`-separated key=value), for the image route unless `at=token` (then the token endpoint):
//   fault=401 | 402 | 403 | 429 (Retry-After: retryAfter=<s>, default 1) | 500 | 502 | 503 | network | hang |
//     bad-json | html | redirect | accept-then-drop (charged, then the reply lost)   times=<n>: the first n only
//   pollen=<n> the bought pollen of a sign-in's user (and of pasted keys); tierpollen=<n> their tier pollen (default
//     0: what a daily grant leaves, which pays for no paid-only model) [buckets]; keybudget=, keymodels= for pasted keys
//   price=<model>:<pollen>[,…] another price (per image, or per image token), listed and charged; charge=<pollen>
//     charged whatever is listed (the price changed after the list was read)
//   limit=ignored   a sign-in's key made without its budget (/account/key: null)
//   codettl=<ms>    how long a code lasts (default 600000)   pending=<ms> the time an image takes
//   now=<ISO date or time>   the simulator's moment, which decides which models are served (MODELS' `until`: gptimage
//     and gptimage-large until 2026-12-01, OpenAI's shutdown of GPT Image 1 mini and 1.5, the stricter of it and
//     Azure's reported 2026-12-16 for 1.5; nanobanana-2 until 2026-10-29, its upstream's reported shutdown); a model
//     past it is gone from /image/models and refused as a name the list does not have (400); default the machine's
//     clock
// Keys' lives are counted on the simulators' clock (clock.mjs), the page's too in a run at another moment.
import { servedAt, simulatorNow } from './clock.mjs';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  acceptThenDrop,
  decimal,
  edgeFault,
  isRedirectTarget,
  parseDecimal,
  parseScenario,
  readBody,
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
  requestEntry,
} from './kit.mjs';
import { drawImage } from './png.mjs';
import { editedData, imagesUsage, openAiUsage, readEdit } from './pollinations-edits.mjs';

const BASE = '/sim/pollinations';
/** Pollen to 10^-8, the registry's precision (pollinations/pollinations shared/registry/registry.ts
 * PRECISION = 8). */
const PLACES = 8;
const DEFAULT_POLLEN = '10';
/** [config] DEFAULT_CONSENT_BUDGET, DEFAULT_CONSENT_EXPIRY_DAYS. */
const DEFAULT_BUDGET = '5';
const DEFAULT_EXPIRY_DAYS = '7';
const DAY = 86_400;
/** [oauth] KV_TTL (seconds) and CODE_LENGTH. */
const CODE_TTL_MS = 600_000;
const CODE_LENGTH = 40;
/** [config] PKCE_S256_CHALLENGE_REGEX; [oauth] verifyPkceS256's verifier (RFC 7636 §4.1). */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const SCOPES = ['profile', 'usage', 'keys']; // [config] CONSENT_PERMISSIONS
const MAX_SEED = 2_147_483_647; // [schema]
const MAX_SIDE = 2560;
const MIN_SIDE = 64;
const MAX_PIXELS = 2_400_000;

/**
 * The image models [registry], by name: the price per image in pollen (cost × priceMultiplier 1), the model id
 * the simulators' timings know (createSimulator's pendingMs), and what /image/models says of them [info].
 */
const MODELS = {
  zimage: {
    price: '0.004',
    timing: 'zimage',
    aliases: ['z-image', 'z-image-turbo'],
    publisher: 'Alibaba',
    title: 'Z-Image Turbo',
    description: 'Instant, budget-friendly images with crisp upscaled output',
    inputs: ['text'],
    added: '2025-12-08',
  },
  flux: {
    price: '0.002',
    timing: 'flux-1-schnell',
    aliases: [],
    publisher: 'Black Forest Labs',
    title: 'Flux Schnell',
    description: 'Fast, high-quality images at a tiny cost',
    inputs: ['text'],
    added: '2025-10-07',
  },
  klein: {
    price: '0.005',
    timing: 'flux-2-klein-4b',
    aliases: ['flux-klein'],
    publisher: 'Black Forest Labs',
    title: 'FLUX.2 Klein 4B',
    description: 'Fast image generation and editing up to 2.4 megapixels',
    inputs: ['text', 'image'],
    references: 10,
    added: '2026-01-17',
  },
  kontext: {
    price: '0.04',
    timing: 'flux-kontext-pro',
    aliases: [],
    publisher: 'Black Forest Labs',
    title: 'FLUX.1 Kontext',
    description: 'Edits an existing image from plain instructions — swap, restyle, refine',
    inputs: ['text', 'image'],
    references: 1,
    added: '2025-10-07',
    needsImage: true,
  },
  // The other families [registry] (cost × priceMultiplier: 0.75 for gptimage and gpt-image-2), priced per unit of
  // usage (`pricing`, pollen as [info] writes it) and made as [image] says (`made`, below).
  gptimage: {
    pricing: {
      promptTextTokens: '0.0000015',
      promptCachedTokens: '0.00000015',
      promptImageTokens: '0.000001875',
      completionImageTokens: '0.000006',
    },
    made: 'gpt',
    upstream: 'gpt-image-1-mini',
    timing: 'gpt-image-1-mini',
    aliases: ['gpt-image', 'gpt-image-1-mini'],
    publisher: 'OpenAI',
    title: 'GPT Image 1 Mini',
    description: 'Affordable image creation and editing for everyday use',
    inputs: ['text', 'image'],
    references: 16,
    added: '2025-10-10',
    until: '2026-12-01',
  },
  'gptimage-large': {
    pricing: {
      promptTextTokens: '0.000005',
      promptCachedTokens: '0.00000125',
      promptImageTokens: '0.000008',
      completionTextTokens: '0.00001',
      completionImageTokens: '0.000032',
    },
    made: 'gpt',
    upstream: 'gpt-image-1.5',
    timing: 'gpt-image-1.5',
    aliases: ['gpt-image-1.5', 'gpt-image-large'],
    publisher: 'OpenAI',
    title: 'GPT Image 1.5',
    description: 'High-fidelity image generation and editing with fine detail',
    inputs: ['text', 'image'],
    references: 16,
    added: '2025-12-23',
    until: '2026-12-01',
  },
  'gpt-image-2': {
    pricing: {
      promptTextTokens: '0.00000375',
      promptCachedTokens: '0.0000009375',
      promptImageTokens: '0.000006',
      completionImageTokens: '0.0000225',
    },
    made: 'gpt',
    upstream: 'gpt-image-2',
    timing: 'gpt-image-2',
    aliases: [],
    publisher: 'OpenAI',
    title: 'GPT Image 2',
    description: 'Premium high-resolution images with excellent prompt following',
    inputs: ['text', 'image'],
    references: 16,
    added: '2026-04-22',
  },
  'nanobanana-2': {
    pricing: {
      promptTextTokens: '0.0000005',
      promptImageTokens: '0.0000005',
      completionTextTokens: '0.000003',
      completionImageTokens: '0.00006',
    },
    made: 'gemini',
    tiers: [1120, 1680, 2520], // Google's image tokens at 1K, 2K, 4K (Gemini 3.1 Flash Image)
    thinking: 272, // recorded of Gemini 3.1 Flash Image (simulated: the same every time)
    timing: 'gemini-3.1-flash-image',
    aliases: ['nanobanana2'],
    publisher: 'Google',
    title: 'NanoBanana 2',
    description: 'Sharper detail and better text rendering in generated and edited images',
    inputs: ['text', 'image'],
    references: 14,
    added: '2026-02-27',
    paidOnly: true,
    until: '2026-10-29',
  },
  'nanobanana-2-lite': {
    pricing: {
      promptTextTokens: '0.00000025',
      promptImageTokens: '0.00000025',
      completionTextTokens: '0.0000015',
      completionImageTokens: '0.00003',
    },
    made: 'gemini',
    tiers: [1120], // 1K only (Google's changelog, 2026-06-30)
    thinking: 272, // as 3.1 Flash (simulated)
    timing: 'gemini-3.1-flash-image',
    aliases: [],
    publisher: 'Google',
    title: 'NanoBanana 2 Lite',
    description: 'Fast, low-cost images at 1K',
    inputs: ['text', 'image'],
    references: 14,
    added: '2026-07-01',
    paidOnly: true,
  },
  'nanobanana-pro': {
    pricing: {
      promptTextTokens: '0.000002',
      promptImageTokens: '0.000002',
      completionTextTokens: '0.000012',
      completionImageTokens: '0.00012',
    },
    made: 'gemini',
    tiers: [1120, 1120, 2000], // Gemini 3 Pro Image
    thinking: 0,
    timing: 'gemini-3-pro-image',
    aliases: [],
    publisher: 'Google',
    title: 'NanoBanana Pro',
    description: 'Studio-quality images up to 4K, with reasoning for tricky prompts',
    inputs: ['text', 'image'],
    references: 14,
    added: '2025-12-01',
    paidOnly: true,
  },
  'seedream-pro': {
    pricing: { completionImageTokens: '0.04' },
    made: 'seedream',
    timing: 'seedream-4.5',
    aliases: [],
    publisher: 'ByteDance',
    title: 'Seedream 4.5 Pro',
    description: 'Premium photorealism for lifelike scenes and portraits',
    inputs: ['text', 'image'],
    references: 14,
    added: '2025-12-04',
    paidOnly: true,
  },
  'grok-imagine': {
    pricing: { promptImageTokens: '0.002', completionImageTokens: '0.02' },
    made: 'grok',
    timing: 'grok-imagine',
    aliases: ['grok-imagine-image'],
    publisher: 'xAI',
    title: 'Grok Imagine',
    description: 'Photorealistic image generation and quick edits',
    inputs: ['text', 'image'],
    references: 1,
    added: '2026-02-25',
    paidOnly: true,
  },
  'qwen-image': {
    pricing: { completionImageTokens: '0.025' },
    made: 'qwen',
    timing: 'qwen-image',
    aliases: ['qwen-image-plus', 'qwen-image-2512', 'qwen-image-edit', 'qwen-image-edit-plus'],
    publisher: 'Qwen',
    title: 'Qwen Image Plus',
    description: 'Versatile image creation and editing, strong at text inside images',
    inputs: ['text', 'image'],
    references: 3,
    // Its `edit` cost variant [registry]: "Applies when the request includes one or more input images".
    edit: { completionImageTokens: '0.03' },
    added: '2026-03-23',
    paidOnly: true,
  },
};
const DEFAULT_MODEL = 'zimage'; // [registry] DEFAULT_IMAGE_MODEL
/** [schema] QUALITIES: the `quality` the query takes, default medium (GPT Image's only: [image]). */
const QUALITIES = ['low', 'medium', 'high', 'hd'];
/** Stricter than Pollinations (whose schema bounds a side only by ≥ 0): the largest side the other families take. */
const FAMILY_MAX_SIDE = 8192;

/** W:H as a number. */
const ratioOf = (text) => {
  const [w, h] = text.split(':').map(Number);
  return w / h;
};
/** [aspect] closestByRatio: plain difference, the first of those as near. */
const closestLinear = (width, height, ratios) =>
  ratios.reduce((best, each) =>
    Math.abs(width / height - ratioOf(each)) < Math.abs(width / height - ratioOf(best)) ? each : best,
  );
/** [aspect] closestRatioLogSpace: on a log scale, the first of those as near. */
const closestLog = (width, height, ratios) =>
  ratios.reduce((best, each) =>
    Math.abs(Math.log(ratioOf(each)) - Math.log(width / height)) <
    Math.abs(Math.log(ratioOf(best)) - Math.log(width / height))
      ? each
      : best,
  );
/** About 1 MP at `ratio`, sides multiples of 16 (simulated: xAI and Replicate do not state their sizes here). */
const aboutOneMegapixel = (ratio) => {
  const value = ratioOf(ratio);
  const side = (pixels) => Math.max(16, Math.round(Math.sqrt(pixels) / 16) * 16);
  return { width: side(1024 * 1024 * value), height: side((1024 * 1024) / value) };
};
const sizeOf = (text) => {
  const [width, height] = text.split('x').map(Number);
  return { width, height };
};
/** Google's sizes at 1K (its image generation guide), as [openrouter] asks Gemini for each ratio. */
const GEMINI_1K = {
  '1:1': '1024x1024',
  '16:9': '1376x768',
  '9:16': '768x1376',
  '4:3': '1200x896',
  '3:4': '896x1200',
  '3:2': '1264x848',
  '2:3': '848x1264',
  '21:9': '1584x672',
  '4:5': '928x1152',
  '5:4': '1152x928',
};
/** [openrouter] SEEDREAM_PRO_2K_SIZES. */
const SEEDREAM_2K = {
  '1:1': '2048x2048',
  '4:3': '2304x1728',
  '3:4': '1728x2304',
  '16:9': '2560x1440',
  '9:16': '1440x2560',
  '3:2': '2496x1664',
  '2:3': '1664x2496',
  '21:9': '3024x1296',
};
const XAI_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3']; // [aspect] ASPECT_RATIOS
/** OpenAI's image tokens of GPT Image 1, 1.5 and 1-mini by size, [low, medium, high] (its image generation guide). */
const GPT_IMAGE_1_TOKENS = {
  '1024x1024': [272, 1056, 4160],
  '1024x1536': [408, 1584, 6240],
  '1536x1024': [408, 1584, 6240],
};

/**
 * What Pollinations makes of a request for one of the other families, and the usage it bills ([image], [openrouter]
 * and the model files cited beside each): the size made, the quality or tier, and the tokens (prompt tokens
 * simulated as a token per 4 bytes of the prompt; the real count is the model's tokenizer's, within the widget's
 * bound of one per byte).
 */
function madeOf(model, query, prompt) {
  const { width, height } = query;
  const kind = MODELS[model].made;
  const promptTokens = Math.ceil(Buffer.byteLength(prompt) / 4);
  if (kind === 'gpt') {
    // [image] callGPTImageWithEndpoint: the size of the closest ratio by plain difference (a tie to the later of the
    // list, as its reduce keeps), `high` if asked, else `medium`.
    const sizes = [
      ['1024x1024', 1],
      ['1536x1024', 1.5],
      ['1024x1536', 1 / 1.5],
    ];
    const asked = width / height;
    const [size] = sizes.reduce((a, b) => (Math.abs(a[1] - asked) < Math.abs(b[1] - asked) ? a : b));
    const quality = query.quality === 'high' ? 'high' : 'medium';
    const index = quality === 'high' ? 2 : 1;
    const made = sizeOf(size);
    let image = GPT_IMAGE_1_TOKENS[size][index];
    if (model === 'gpt-image-2') {
      // OpenAI's gpt-image-2 rule (SPEC §12): f per quality on the long side, s = round(f · short / long).
      const f = [16, 48, 96][index];
      const long = Math.max(made.width, made.height);
      const s = Math.round((f * Math.min(made.width, made.height)) / long);
      image = Math.ceil((f * s * (2_000_000 + made.width * made.height)) / 4_000_000);
    }
    // gpt-image-1.5 writes text besides (420 recorded, test/recorded/openai/), billed apart [image]
    // mapAzureGPTImageUsage; the others' text is not billed.
    const text = model === 'gptimage-large' ? 420 : 0;
    return {
      ...made,
      quality,
      usage: { promptTextTokens: promptTokens, completionImageTokens: image, completionTextTokens: text },
    };
  }
  if (kind === 'gemini') {
    // [openrouter] callOpenRouterGeminiImageAPI: the ratio by closestByRatio of GEMINI_ASPECT_RATIOS, the tier the
    // one of 1K, 2K, 4K pixels nearest the pixels asked (resolveGeminiImageResolution).
    const ratio = closestLinear(width, height, Object.keys(GEMINI_1K));
    // A model of one tier (2 Lite: 1K) is made at it whatever the pixels (stricter: no source says how it is chosen).
    const levels = [1024 * 1024, 1920 * 1080, 3840 * 2160].slice(0, MODELS[model].tiers.length);
    const tier = levels.reduce(
      (best, level, index) =>
        Math.abs(level - width * height) < Math.abs(levels[best] - width * height) ? index : best,
      0,
    );
    const scale = [1, 2, 4][tier];
    const { width: w, height: h } = sizeOf(GEMINI_1K[ratio]);
    return {
      width: w * scale,
      height: h * scale,
      quality: ['1K', '2K', '4K'][tier],
      usage: {
        promptTextTokens: promptTokens,
        completionImageTokens: MODELS[model].tiers[tier],
        completionTextTokens: MODELS[model].thinking,
      },
    };
  }
  const once = { completionImageTokens: 1 };
  if (kind === 'seedream') {
    // [openrouter] callOpenRouterSeedreamProAPI: the 2K preset of the ratio nearest on a log scale; 4K where a side
    // asked is over 2048 (its size is OpenRouter's: simulated as twice the preset's sides).
    const ratio = closestLog(width, height, Object.keys(SEEDREAM_2K));
    const made = sizeOf(SEEDREAM_2K[ratio]);
    const scale = Math.max(width, height) > 2048 ? 2 : 1;
    return { width: made.width * scale, height: made.height * scale, quality: scale > 1 ? '4K' : '2K', usage: once };
  }
  // pollinations/pollinations models/xaiModel.ts (closestAspectRatio) and models/qwenImageModel.ts (closestRatioLogSpace): a ratio only.
  const ratio = kind === 'grok' ? closestLinear(width, height, XAI_RATIOS) : closestLog(width, height, XAI_RATIOS);
  return { ...aboutOneMegapixel(ratio), usage: once };
}

/** The canonical name of a model name or alias (registry.ts resolveModelName); undefined for neither. */
const knownModel = (name) =>
  Object.hasOwn(MODELS, name) ? name : Object.keys(MODELS).find((id) => MODELS[id].aliases.includes(name));
/** Whether a model is still served at the scenario's moment (its `until`, the first day it is not: see MODELS). */
const served = (id, scenario) => servedAt(MODELS[id].until, simulatorNow(scenario));
/** The names /image/models lists at the scenario's moment. */
const servedModels = (scenario) => Object.keys(MODELS).filter((id) => served(id, scenario));
/**
 * The canonical name of a model name or alias (registry.ts resolveModelName) that is served at the scenario's
 * moment; undefined for neither, or for a model no longer served (gone from the registry, as the model list too).
 */
const resolveModel = (name, scenario) => {
  const id = knownModel(name);
  return id && served(id, scenario) ? id : undefined;
};

/** [errors] getErrorCode and getDefaultErrorMessage. */
const CODES = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};
const MESSAGES = {
  400: 'Something was wrong with the input data, check the details for more info.',
  401: 'Authentication required. Please provide an API key via Authorization header (Bearer token) or ?key= query parameter.',
  402: 'Insufficient pollen balance or API key budget exhausted.',
  403: "Access denied! You don't have the required permissions for this resource or model.",
  404: "Oh no, there's nothing here.",
  429: "You're making requests too quickly. Please slow down a bit.",
  500: "Oh snap, something went wrong on our end. We're on it!",
  502: "We couldn't reach our backend services. Please try again shortly.",
  503: "We're temporarily down for maintenance. Sorry about that!",
};
/** The error envelope [errors]: `details` for validation errors only. */
const envelope = (status, message = MESSAGES[status], details) => ({
  success: false,
  error: {
    message,
    code: CODES[status] ?? 'UNKNOWN_ERROR',
    ...(details ? { details } : {}),
    timestamp: new Date().toISOString(),
  },
  status,
});
/** A validation error's envelope (error.ts createValidationErrorResponse: zod's flattened errors). */
const invalid = (field, message) =>
  envelope(400, undefined, { name: 'ValidationError', formErrors: [], fieldErrors: { [field]: [message] } });

/** CORS as [cors] answers it: every origin, no credentials. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Length,Content-Disposition',
};

/** Writes a reply with Pollinations' CORS instead of http.mjs's (which echoes the origin with credentials). */
function reply(req, res, status, body, headers = {}) {
  req.withoutCors = true;
  send(req, res, status, body, { ...CORS, ...headers });
}

/** [cors]: hono's cors() with no allowHeaders allows the headers the preflight asks for. */
function preflight(req, res) {
  const asked = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    ...CORS,
    'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
    ...(asked ? { 'Access-Control-Allow-Headers': asked, Vary: 'Access-Control-Request-Headers' } : {}),
    'Access-Control-Max-Age': '600',
    // Not Pollinations' (a public host): Chromium asks it of loopback servers only.
    ...(req.headers['access-control-request-private-network']
      ? { 'Access-Control-Allow-Private-Network': 'true' }
      : {}),
    'Content-Length': 0,
  });
  res.end();
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A 400 page with the consent page's own words: no redirect [consent]. */
const errorPage = (req, res, problem) =>
  reply(
    req,
    res,
    400,
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Couldn’t connect — Pollinations (simulated)</title></head>
<body><h1>Couldn’t connect</h1><p id="error">${escapeHtml(problem)}</p></body></html>`,
    { 'Content-Type': 'text/html; charset=utf-8' },
  );

/** [redirect] isLoopbackHostname. */
function isLoopback(hostname) {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '0.0.0.0' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
const parseUrl = (text) => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};
/** [redirect] isAllowedRedirectUrl: https, or http on loopback. */
const allowedScheme = (url) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
const trimSlash = (path) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
/** [redirect] redirectUriMatchesAllowlistExact. */
function registered(uri, allowlist) {
  const incoming = parseUrl(uri);
  if (!incoming) return false;
  return allowlist.some((entryText) => {
    const entry = parseUrl(entryText);
    if (!entry || incoming.hash || entry.hash) return false;
    if (incoming.protocol !== entry.protocol) return false;
    if (incoming.hostname.toLowerCase() !== entry.hostname.toLowerCase()) return false;
    if (trimSlash(incoming.pathname) !== trimSlash(entry.pathname)) return false;
    if (incoming.search !== entry.search) return false;
    return isLoopback(entry.hostname) || incoming.port === entry.port;
  });
}

/** The built-in App Key, registered for the demo's and the tests' pages on loopback (any port [redirect]). */
const DEMO_PAGES = ['localhost', '127.0.0.1'].flatMap((host) =>
  ['/', '/index.html', '/demo/', '/demo/index.html'].map((path) => `http://${host}${path}`),
);
const BUILT_IN_APPS = {
  pk_simdemo: { name: 'Userpays demo (simulated)', redirectUris: DEMO_PAGES, earnings: false },
  // The same site with developer earnings on: its users pay 25 % over base rates [BYOP].
  pk_simearn: { name: 'Userpays demo, earning (simulated)', redirectUris: DEMO_PAGES, earnings: true },
};

/**
 * "Developer earnings are opt-in per App Key. When enabled, users pay 25% over base rates. The markup credits to your
 * balance." [BYOP]: what a user of such an app's key pays for `price` (units), and what the app earns of it.
 */
const withEarnings = (price) => {
  // Whole units of 10⁻⁸ pollen; a share that does not come out whole is rounded up (stricter: the user pays no less).
  const earned = Math.ceil(price / 4);
  return { paid: price + earned, earned };
};

/** Exact pollen text of `units`, to 4 places as `toFixed(4)` writes it (half up; display only). */
function fixed4(units) {
  const tenThousandths = (BigInt(units) + 5000n) / 10000n;
  const [whole, fraction = ''] = decimal(tenThousandths, 4).split('.');
  return `${whole}.${fraction.padEnd(4, '0')}`;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `length` random letters and digits, as Pollinations makes keys (pollinations/pollinations api-key.ts customKeyGenerator) and codes [oauth]. */
const alnum = (length) => Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');

/** The prompt of an image path (URL-encoded), or undefined when its encoding is broken. */
function promptOf(encoded) {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** A number given as text ("7", "0.5"), or undefined when it is not a finite number (authorize.tsx parseNumber). */
const numberOf = (text) =>
  text !== null && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;

export function createPollinationsSimulator({ pendingMs = 1500 } = {}) {
  const apps = new Map(); // client_id → {name, redirectUris, earnings}
  const codes = new Map(); // code → {key, clientId, redirectUri, challenge, scope, expiresIn, expiresAt}
  const keys = new Map(); // key → {user, name, budget (units | null), models (names | null), expiresAt, scope, clientId}
  const users = new Map(); // user id → {tier, pack (units: the two buckets [buckets]), name}
  const charges = createChargeBook();
  const counter = createSegmentCounter();
  const log = createRequestLog();
  const registerBuiltIns = () => {
    apps.clear();
    for (const [id, app] of Object.entries(BUILT_IN_APPS)) apps.set(id, { ...app, earned: 0 });
  };
  registerBuiltIns();
  const testRoutes = createTestRoutes({
    base: BASE,
    log,
    reply,
    charges: {
      book: charges,
      prefix: /^Bearer /,
      missing: envelope(400, 'Query parameter `key` required.'),
      report: ({ units, count }) => ({
        pollen: decimal(units, PLACES),
        usd: decimal(units, PLACES),
        images: count,
      }),
    },
    forget: [codes, keys, users, counter, registerBuiltIns],
  });

  const pollenOf = (text, fallback) => parseDecimal(text ?? fallback, PLACES) ?? 0;

  function newUser(scenario, empty = false) {
    const id = `user_sim_${randomBytes(6).toString('hex')}`;
    users.set(id, {
      tier: empty ? 0 : pollenOf(scenario.tierpollen, '0'),
      pack: empty ? 0 : pollenOf(scenario.pollen, DEFAULT_POLLEN),
      name: 'Sim User',
    });
    return id;
  }

  /** The key a request carries (Bearer, else `?key=` as Pollinations reads it), and where it came. */
  function keyOf(req, url) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return { key: bearer, inQuery: false };
    const query = url.searchParams.get('key');
    return query ? { key: query, inQuery: true } : {};
  }

  /** The key's record when it is one Pollinations would verify now (known, not expired); else undefined. */
  function verified(key, scenario) {
    if (!key || key === 'sk_sim_bad') return undefined;
    if (!keys.has(key) && key.startsWith('sk_sim')) {
      const models = scenario.keymodels?.split(',').filter(Boolean);
      const budget = scenario.keybudget === undefined ? null : pollenOf(scenario.keybudget, '0');
      keys.set(key, {
        user: newUser(scenario, key === 'sk_sim_empty'),
        name: 'Pasted key (simulated)',
        budget,
        models: models?.length ? models : null,
        expiresAt: null,
        scope: null,
        clientId: null,
      });
    }
    const record = keys.get(key);
    if (!record || (record.expiresAt !== null && record.expiresAt <= simulatorNow())) return undefined;
    return record;
  }

  /** The price text of a model under `scenario` (`price=model:pollen,…`): per image, or its image token's. */
  function priceTextOf(model, scenario) {
    for (const pair of (scenario.price ?? '').split(',')) {
      const [name, pollen] = pair.split(':');
      if (knownModel(name) === model && parseDecimal(pollen, 12) !== undefined) return pollen;
    }
    return MODELS[model].price ?? MODELS[model].pricing.completionImageTokens;
  }

  /** The price of a model per image in units under `scenario`. */
  const priceOf = (model, scenario) => parseDecimal(priceTextOf(model, scenario), PLACES);

  /** The model's prices per unit of usage under `scenario`, as [info] lists them; `edit`: its edit's, where it has one. */
  const pricingOf = (model, scenario, edit = false) => ({
    currency: 'pollen',
    ...(MODELS[model].pricing ?? {}),
    completionImageTokens: priceTextOf(model, scenario),
    ...(edit && MODELS[model].edit),
  });

  /**
   * What `usage` costs in units (registry.ts rateAgainst: each usage × its price, summed, then to the ledger's
   * 10⁻⁸, half up here: pollinations/pollinations shared/billing/precision.ts is not read, stricter either way by at most 10⁻⁸).
   */
  function chargeOf(model, usage, scenario, edit = false) {
    const pricing = pricingOf(model, scenario, edit);
    const picounits = Object.entries(usage).reduce(
      (sum, [type, count]) => sum + count * (parseDecimal(pricing[type] ?? '0', 12) ?? 0),
      0,
    );
    return Math.round(picounits / 10_000);
  }

  /** Why the authorize request is refused, in the consent page's words; undefined when it is not. */
  function refusal(q) {
    for (const legacy of ['app_key', 'redirect_url', 'permissions'])
      if (q.has(legacy)) return `${legacy} is a legacy parameter (this simulator takes the OAuth names only).`;
    const redirect = q.get('redirect_uri');
    if (!redirect) return 'No redirect URL provided';
    const target = parseUrl(redirect);
    if (!target) return 'Invalid redirect URL format';
    if (!allowedScheme(target)) return 'Redirect URL must use HTTPS (HTTP is allowed for localhost).';
    const type = q.get('response_type');
    if (type === null)
      return 'response_type=code is required (this simulator is stricter than Pollinations, which takes the legacy fragment flow).';
    if (type !== 'code') return 'Unsupported response_type — only "code" is supported.';
    const clientId = q.get('client_id');
    if (!clientId) return 'client_id is required for the authorization code flow';
    if (!q.get('code_challenge')) return 'PKCE code_challenge is required for the authorization code flow';
    if (q.get('code_challenge_method') !== 'S256')
      return 'code_challenge_method=S256 is required (only S256 is supported)';
    if (!CHALLENGE.test(q.get('code_challenge')))
      return 'code_challenge must be a 43-character base64url S256 challenge';
    const app = apps.get(clientId);
    if (!app) return 'This app key could not be verified. Authorization blocked.';
    if (!registered(redirect, app.redirectUris))
      return 'This redirect URL is not registered for this app. Authorization blocked.';
    if (!q.get('state'))
      return 'state is required (this simulator is stricter than Pollinations, which goes back without one).';
    return undefined;
  }

  /** The budget and expiry fields' problems [config]; the amounts when they are right. */
  function terms(budgetText, expiryText) {
    const budget = budgetText.trim() === '' ? null : parseDecimal(budgetText, PLACES);
    if (budget === undefined) return { problem: 'The budget must be an amount of pollen (or empty for none).' };
    if (expiryText.trim() === '') return { budget, expiresIn: null };
    const days = numberOf(expiryText);
    if (days === undefined || days < 1 / DAY || days > 365)
      return { problem: 'Use a duration from 1 second to 365 days, or leave empty for no expiry.' };
    return { budget, expiresIn: Math.round(days * DAY) }; // [config] expiryDaysToExpiresIn
  }

  /** The models asked (`models=a,b`), or why they are refused (stricter: names of /image/models only). */
  function modelsAsked(text, scenario) {
    const list = (text ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = list.filter((name) => !resolveModel(name, scenario));
    if (unknown.length) return { problem: `Unknown models: ${unknown.join(', ')}.` };
    return { models: list.length ? list : null }; // parseList: an empty list is none, i.e. every model
  }

  function authorize(req, res, url, scenario) {
    const q = url.searchParams;
    const problem = refusal(q);
    if (problem) return errorPage(req, res, problem);
    const budgetText = q.get('budget') ?? DEFAULT_BUDGET;
    const expiryText = q.get('expiry') ?? DEFAULT_EXPIRY_DAYS;
    const asked = terms(budgetText, expiryText);
    if (asked.problem) return errorPage(req, res, asked.problem);
    const { models, problem: modelProblem } = modelsAsked(q.get('models'), scenario);
    if (modelProblem) return errorPage(req, res, modelProblem);
    const scopes = (q.get('scope') ?? '').split(/[\s,]+/).filter((scope) => SCOPES.includes(scope));
    const app = apps.get(q.get('client_id'));
    const back = new URL(q.get('redirect_uri'));
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', q.get('state'));
    const hidden = (name, value) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Allow app access — Pollinations (simulated)</title></head>
<body>
<h1>Allow app access</h1>
<p id="app">${escapeHtml(app.name)} (${escapeHtml(new URL(q.get('redirect_uri')).hostname)}) asks to spend your pollen.</p>
<p id="balance">Your balance: ${escapeHtml(decimal(pollenOf(scenario.pollen, DEFAULT_POLLEN) + pollenOf(scenario.tierpollen, '0'), PLACES))} pollen (simulated)</p>
<ul>
<li id="models">Models: ${escapeHtml(models ? models.join(', ') : 'all models')}</li>
<li id="asked-budget">Budget asked: ${escapeHtml(budgetText.trim() === '' ? 'none' : `${budgetText} pollen`)}</li>
<li id="asked-expiry">Expiry asked: ${escapeHtml(expiryText.trim() === '' ? 'never' : `${expiryText} days`)}</li>
${scopes.length ? `<li id="scopes">Account access: ${escapeHtml(scopes.join(', '))}</li>` : ''}
</ul>
<form method="post" action="${escapeHtml(url.pathname.replace(/\/authorize$/, '/authorize/approve'))}">
<label>Pollen budget <input id="budget" name="budget" value="${escapeHtml(budgetText)}"></label>
<label>Expiry (days) <input id="expiry" name="expiry" value="${escapeHtml(expiryText)}"></label>
${hidden('client_id', q.get('client_id'))}
${hidden('redirect_uri', q.get('redirect_uri'))}
${hidden('state', q.get('state'))}
${hidden('code_challenge', q.get('code_challenge'))}
${hidden('code_challenge_method', q.get('code_challenge_method'))}
${hidden('models', models ? models.join(',') : '')}
${scopes.length ? hidden('scope', scopes.join(' ')) : ''}
<button type="submit" id="authorize">Allow access</button>
<a id="cancel" href="${escapeHtml(back.href)}">Decline</a>
</form>
</body></html>`;
    reply(req, res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  async function approve(req, res, scenario) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    // [oauth] POST /api/oauth/code checks the client and its redirect again, and the challenge (CreateCodeSchema).
    const problem = refusal(new URLSearchParams({ ...Object.fromEntries(form), response_type: 'code' }));
    if (problem) return errorPage(req, res, problem);
    const asked = terms(form.get('budget') ?? '', form.get('expiry') ?? '');
    if (asked.problem) return errorPage(req, res, asked.problem);
    const { models, problem: modelProblem } = modelsAsked(form.get('models'), scenario);
    if (modelProblem) return errorPage(req, res, modelProblem);
    const now = simulatorNow();
    for (const [code, grant] of codes) if (grant.expiresAt < now) codes.delete(code);
    const key = `sk_${alnum(32)}`;
    const clientId = form.get('client_id');
    keys.set(key, {
      user: newUser(scenario),
      name: apps.get(clientId).name,
      budget: scenario.limit === 'ignored' ? null : asked.budget,
      models,
      expiresAt: asked.expiresIn === null ? null : now + asked.expiresIn * 1000,
      scope: form.has('scope') ? form.get('scope') : null,
      clientId,
    });
    const code = alnum(CODE_LENGTH);
    codes.set(code, {
      key,
      clientId,
      redirectUri: form.get('redirect_uri'),
      challenge: form.get('code_challenge'),
      scope: form.has('scope') ? form.get('scope') : null,
      expiresIn: asked.expiresIn,
      expiresAt: now + Number(scenario.codettl ?? CODE_TTL_MS),
    });
    const target = new URL(form.get('redirect_uri'));
    target.searchParams.set('code', code);
    target.searchParams.set('state', form.get('state'));
    req.withoutCors = true;
    res.writeHead(302, { ...CORS, Location: target.href, 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
  }

  async function token(req, res, scenario, segment, entry) {
    const noStore = { 'Cache-Control': 'no-store' };
    const refuse = (error, description) => reply(req, res, 400, { error, error_description: description }, noStore);
    const fault = faultFor('token', req, scenario, segment);
    if (edgeFault(req, res, fault, scenario, entry, { json: envelope, truncated: '{"access_token":"sk_', reply }))
      return undefined;
    if (fault === '500' || fault === '429') return reply(req, res, Number(fault), envelope(Number(fault)));
    const type = req.headers['content-type'] ?? '';
    entry.asked = { contentType: type };
    const body = (await readBody(req)).toString('utf8');
    if (!/^application\/x-www-form-urlencoded\b/i.test(type))
      return refuse(
        'invalid_request',
        'The body must be application/x-www-form-urlencoded (this simulator is stricter than Pollinations, which also reads JSON).',
      );
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'authorization_code')
      return refuse('unsupported_grant_type', 'Only authorization_code and device_code are supported.');
    if (!form.get('code') || !form.get('client_id') || !form.get('code_verifier') || !form.get('redirect_uri'))
      return refuse('invalid_request', 'code, client_id, redirect_uri, and code_verifier are required.');
    const grant = codes.get(form.get('code'));
    if (!grant || grant.expiresAt <= simulatorNow())
      return refuse('invalid_grant', 'Code unknown, expired, or already used.');
    // "burn the code before validating so a failed attempt can't be retried against the same code" [oauth]
    codes.delete(form.get('code'));
    if (form.get('client_id') !== grant.clientId)
      return refuse('invalid_grant', 'Code was issued to a different client_id.');
    if (form.get('redirect_uri') !== grant.redirectUri) return refuse('invalid_grant', 'redirect_uri mismatch');
    const verifier = form.get('code_verifier');
    const digest = createHash('sha256').update(verifier).digest('base64url');
    if (!VERIFIER.test(verifier) || digest !== grant.challenge)
      return refuse('invalid_grant', 'PKCE verification failed');
    entry.id = grant.key.slice(0, 10);
    reply(
      req,
      res,
      200,
      {
        access_token: grant.key,
        token_type: 'bearer',
        ...(grant.expiresIn !== null ? { expires_in: grant.expiresIn } : {}),
        ...(grant.scope !== null ? { scope: grant.scope } : {}),
      },
      noStore,
    );
  }

  function userinfo(req, res, url, scenario) {
    const record = verified(keyOf(req, url).key, scenario);
    if (!record) return reply(req, res, 401, envelope(401));
    const profile = (record.scope ?? '').split(' ').includes('profile');
    reply(req, res, 200, {
      sub: record.user,
      preferred_username: 'simuser',
      picture: 'https://avatars.githubusercontent.com/u/0',
      ...(profile ? { name: users.get(record.user).name, email: 'sim.user@example.invalid' } : {}),
    });
  }

  function keyInfo(req, res, url, scenario) {
    const record = verified(keyOf(req, url).key, scenario);
    if (!record) return reply(req, res, 401, envelope(401, 'API key required. This endpoint validates API keys.'));
    const now = simulatorNow();
    const scopes = record.scope ? record.scope.split(' ').filter(Boolean) : [];
    reply(req, res, 200, {
      valid: true,
      type: 'secret',
      name: record.name,
      expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt).toISOString(),
      expiresIn: record.expiresAt === null ? null : Math.max(0, Math.floor((record.expiresAt - now) / 1000)),
      permissions: { models: record.models, account: scopes.length ? scopes : null },
      // The key's pollenBalance, a number on the wire (null: no cap), from its exact decimal text.
      pollenBudget: record.budget === null ? null : Number(decimal(record.budget, PLACES)),
      rateLimitEnabled: false,
    });
  }

  function models(req, res, scenario) {
    reply(
      req,
      res,
      200,
      Object.entries(MODELS)
        .filter(([name]) => served(name, scenario))
        .map(([name, model]) => ({
          name,
          aliases: model.aliases,
          category: 'image',
          publisher: model.publisher,
          community: false,
          pricing: model.pricing
            ? pricingOf(name, scenario)
            : { currency: 'pollen', completionImageTokens: decimal(priceOf(name, scenario), PLACES) },
          title: model.title,
          description: model.description,
          input_modalities: model.inputs,
          output_modalities: ['image'],
          ...(model.references ? { max_reference_images: model.references } : {}),
          ...(model.edit && {
            pricing_variants: [
              {
                name: 'edit',
                label: 'Image editing',
                description: 'Applies when the request includes one or more input images.',
                pricing: { currency: 'pollen', ...model.edit },
              },
            ],
          }),
          capabilities: [],
          ...(model.paidOnly ? { paid_only: true } : {}),
          // [info]: an image model without a prompt-token price is priced per image.
          flat_rate: !model.pricing?.promptTextTokens,
          added_date: Date.parse(`${model.added}T00:00:00Z`),
        })),
    );
  }

  /** The scenario's fault for a request to `route` ('image' unless `at=token`), within `times=<n>`. */
  function faultFor(route, req, scenario, segment) {
    if (scenario.fault === undefined || (scenario.at ?? 'image') !== route) return undefined;
    if (scenario.times === undefined || isRedirectTarget(req)) return scenario.fault;
    return counter.next(`${route}:${segment}`) <= Number(scenario.times) ? scenario.fault : undefined;
  }

  /** The query as [schema] reads it, with the simulator's size limits; `{problem: envelope}` when refused. */
  function readQuery(q, scenario, sent = 0) {
    const requested = q.get('model') ?? DEFAULT_MODEL;
    const model = resolveModel(requested, scenario);
    if (!model)
      return { problem: invalid('model', `Invalid option: expected one of ${servedModels(scenario).join('|')}`) };
    const integer = (name, fallback) => {
      const text = q.get(name);
      if (text === null) return fallback;
      return /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
    };
    const width = integer('width', 1024);
    const height = integer('height', 1024);
    // The other families make a size of their own of the size asked (`madeOf`); FLUX the size asked.
    const family = !!MODELS[model].made;
    const most = family ? FAMILY_MAX_SIDE : MAX_SIDE;
    for (const [name, side] of [
      ['width', width],
      ['height', height],
    ]) {
      if (!Number.isSafeInteger(side)) return { problem: invalid(name, 'Invalid input: expected int') };
      if (side < MIN_SIDE || side > most)
        return { problem: invalid(name, `Must be from ${MIN_SIDE} to ${most} pixels (simulated limit)`) };
    }
    if (!family && width * height > MAX_PIXELS)
      return { problem: invalid('width', `${MODELS[model].title} makes at most 2.4 megapixels (simulated limit)`) };
    const quality = q.get('quality') ?? 'medium';
    if (!QUALITIES.includes(quality))
      return { problem: invalid('quality', `Invalid option: expected one of ${QUALITIES.join('|')}`) };
    const seed = integer('seed', 0);
    if (!Number.isSafeInteger(seed) || seed < -1 || seed > MAX_SEED)
      return { problem: invalid('seed', `Seed must be an integer from -1 to ${MAX_SEED}`) };
    const images = (q.get('image') ?? '').split(q.get('image')?.includes('|') ? '|' : ',').filter(Boolean);
    if (images.some((each) => !/^https?:\/\//.test(each)))
      return { problem: invalid('image', 'Invalid image URL. Put image= param last in your URL, or URL-encode it.') };
    if (images.length > (MODELS[model].references ?? 0))
      return {
        problem: invalid('image', `${MODELS[model].title} takes at most ${MODELS[model].references ?? 0} images`),
      };
    if (MODELS[model].needsImage && !images.length && !sent)
      return { problem: invalid('image', `${MODELS[model].title} edits an image: give one (simulated rule)`) };
    // z.coerce.boolean: Boolean(text), so any text but the empty one is true, "false" included [schema].
    const flag = (name) => (q.has(name) ? Boolean(q.get(name)) : false);
    const round16 = (side) => Math.max(16, Math.round(side / 16) * 16);
    return {
      model,
      requested,
      width: family ? width : round16(width),
      height: family ? height : round16(height),
      quality,
      seed: seed === -1 ? Math.floor(Math.random() * MAX_SEED) : seed,
      enhance: flag('enhance'),
      safe: flag('safe'),
      references: images.length,
    };
  }

  async function image(req, res, url, prompt, scenario, segment, entry) {
    const fault = faultFor('image', req, scenario, segment);
    const edge = { json: (status) => envelope(status), truncated: '\u0089PNG\r\n', reply };
    if (edgeFault(req, res, fault, scenario, entry, edge)) return;
    const { key, inQuery } = keyOf(req, url);
    const record = verified(key, scenario);
    if (!record || fault === '401') return reply(req, res, 401, envelope(401));
    const query = readQuery(url.searchParams, scenario);
    entry.asked = {
      model: query.model,
      requested: query.requested,
      width: query.width,
      height: query.height,
      seed: query.seed,
      quality: query.quality,
      enhance: query.enhance,
      safe: query.safe,
      keyInQuery: inQuery,
      prompt,
    };
    if (query.problem) return reply(req, res, 400, query.problem);
    await make(req, res, { scenario, fault, key, record, query, prompt, entry }, (png, model) =>
      reply(req, res, 200, png, {
        'Content-Type': 'image/png',
        'x-model-used': model,
        'x-usage-completion-image-tokens': '1',
      }),
    );
  }

  /**
   * `POST /v1/images/edits` (pollinations-edits.mjs, which reads the request): the images checked against what the
   * model takes (its `references`, none for a model of text alone), then made and billed as `GET /image/…` makes and
   * bills an image, with what the images add, and answered as JSON.
   */
  async function edits(req, res, url, scenario, segment, entry) {
    const fault = faultFor('image', req, scenario, segment);
    if (
      edgeFault(req, res, fault, scenario, entry, { json: (status) => envelope(status), truncated: '{"data":', reply })
    )
      return;
    const { key } = keyOf(req, url);
    const record = verified(key, scenario);
    if (!record || fault === '401') return reply(req, res, 401, envelope(401));
    const asked = readEdit(await readJson(req));
    if (asked.problem) return reply(req, res, 400, invalid(...asked.problem));
    const query = readQuery(asked.params, scenario, asked.images.length);
    const { model, width, height, seed, quality } = query;
    entry.asked = {
      route: 'edits',
      model,
      width,
      height,
      seed,
      quality,
      images: asked.images.map((i) => [i.width, i.height]),
    };
    if (query.problem) return reply(req, res, 400, query.problem);
    const takes = MODELS[query.model].inputs.includes('image') ? (MODELS[query.model].references ?? 0) : 0;
    if (asked.images.length > takes)
      return reply(req, res, 400, invalid('image', `${MODELS[query.model].title} takes at most ${takes} images`));
    const images = asked.images;
    await make(
      req,
      res,
      { scenario, fault, key, record, query, prompt: asked.prompt, entry, images },
      (png, _, usage) =>
        reply(req, res, 200, { created: Math.floor(Date.now() / 1000), data: [editedData(png, asked.prompt)], usage }),
    );
  }

  /**
   * What both image routes do once the request is read: what the model makes of it and bills (the images sent
   * included: `imagesUsage`; an edit at its `edit` price, where it has one), the key's and the buckets' checks, the
   * time it takes, the debit, then `respond(png, model, usage)` (usage as OpenAI's Images API says it).
   */
  async function make(req, res, { scenario, fault, key, record, query, prompt, entry, images = [] }, respond) {
    // What the other families make of it, and bill: the size, the quality or tier, the usage (`madeOf`).
    const made = MODELS[query.model].made ? madeOf(query.model, query, prompt) : undefined;
    if (made && images.length) made.usage = imagesUsage(MODELS[query.model], made.usage, images);
    if (made) entry.made = { width: made.width, height: made.height, quality: made.quality, usage: made.usage };
    if (!prompt.trim()) return reply(req, res, 400, invalid('prompt', 'A prompt is required'));
    if (fault === '403' || (record.models && !record.models.includes(query.model)))
      return reply(req, res, 403, envelope(403, `Model '${query.model}' is not allowed for this API key`));
    if (fault === '429') return reply(req, res, 429, envelope(429), { 'Retry-After': scenario.retryAfter ?? '1' });
    if (fault === '500') return reply(req, res, 500, envelope(500));
    const user = users.get(record.user);
    const listed = made
      ? chargeOf(query.model, made.usage, scenario, images.length > 0)
      : priceOf(query.model, scenario);
    const base = scenario.charge !== undefined ? pollenOf(scenario.charge, '0') : listed;
    // A key made for an app with earnings on pays its share too [BYOP]: checked and debited as one price.
    const app = record.clientId ? apps.get(record.clientId) : undefined;
    const price = app?.earnings ? withEarnings(base).paid : base;
    const costs = `This request costs ~${fixed4(price)} pollen.`;
    // One bucket must cover the price, never the two together; a paid-only model only the bought pollen, and more
    // than the price [buckets].
    const paidOnly = !!MODELS[query.model].paidOnly;
    const covered = paidOnly ? user.pack > price : user.tier >= price || user.pack >= price;
    if (fault === '402' || !covered) return reply(req, res, 402, envelope(402, `Insufficient balance. ${costs}`));
    if (record.budget !== null && record.budget < price)
      return reply(req, res, 402, envelope(402, `API key budget too low. ${costs}`));
    await sleep(Number(scenario.pending ?? forModel(pendingMs, MODELS[query.model].timing)));
    // Once, when the image is made: the bucket that pays [buckets] and the key's budget [gateway].
    if (!paidOnly && user.tier >= price) user.tier -= price;
    else user.pack -= price;
    if (record.budget !== null) record.budget -= price;
    if (app?.earnings) app.earned += withEarnings(base).earned;
    charges.charge(key, price);
    entry.id = `img-${randomBytes(6).toString('hex')}`;
    if (acceptThenDrop(req, res, fault, entry)) return;
    const png = drawImage({
      width: made?.width ?? query.width,
      height: made?.height ?? query.height,
      prompt,
      seed: query.seed,
    });
    respond(png, query.model, openAiUsage(made?.usage));
  }

  async function register(req, res) {
    const body = await readJson(req);
    const uris = Array.isArray(body?.redirectUris) ? body.redirectUris : [];
    // pollinations/pollinations api-key-creation.ts validateRedirectUriFormat: a scheme, no fragment; [redirect]: https or http on loopback.
    const bad = uris.find((uri) => {
      const parsed = typeof uri === 'string' && /^[a-z][a-z0-9+\-.]*:\/\/.+/.test(uri) ? parseUrl(uri) : undefined;
      return !parsed || parsed.hash || !allowedScheme(parsed);
    });
    if (!uris.length || bad !== undefined)
      return reply(req, res, 400, envelope(400, 'Each redirect URI: https (http on loopback), with no fragment.'));
    const clientId = `pk_sim${randomBytes(8).toString('hex')}`;
    const name = typeof body.name === 'string' && body.name ? body.name : 'Simulated app';
    // `earningsEnabled: true` when creating an App Key through the API [BYOP].
    const earnings = body.earningsEnabled === true;
    apps.set(clientId, { name, redirectUris: uris, earnings, earned: 0 });
    reply(req, res, 200, { client_id: clientId, name, redirectUris: uris, earningsEnabled: earnings });
  }

  function accountState(req, res, url) {
    const record = keys.get(url.searchParams.get('key') ?? '');
    if (!record) return reply(req, res, 404, envelope(404, 'No such key.'));
    reply(req, res, 200, {
      balance: decimal(users.get(record.user).tier + users.get(record.user).pack, PLACES),
      tierBalance: decimal(users.get(record.user).tier, PLACES),
      packBalance: decimal(users.get(record.user).pack, PLACES),
      budget: record.budget === null ? null : decimal(record.budget, PLACES),
      models: record.models,
      expiresAt: record.expiresAt,
      scope: record.scope,
    });
  }

  return {
    /** Handles `/sim/pollinations/…`; false for anything else. */
    async handle(req, res) {
      const url = requestUrl(req);
      const match = /^\/sim\/pollinations(?:\/s\/([^/]*))?(\/.*)?$/.exec(url.pathname);
      if (!match) return false;
      if (req.method === 'OPTIONS') {
        preflight(req, res);
        return true;
      }
      if (testRoutes.handle(req, res, url)) return true;
      const path = match[2] ?? '';
      const route = `${req.method} ${path}`;
      if (route === 'POST /_register') {
        await register(req, res);
        return true;
      }
      if (route === 'GET /_account') {
        accountState(req, res, url);
        return true;
      }
      const entry = log.add(requestEntry(req, url, { keyHeader: 'authorization' }));
      if (url.searchParams.has('key')) entry.hasKey = true; // Pollinations takes `?key=` as well
      const segment = match[1] ?? '';
      const scenario = parseScenario(segment);
      try {
        if (route === 'GET /authorize') authorize(req, res, url, scenario);
        else if (route === 'POST /authorize/approve') await approve(req, res, scenario);
        else if (route === 'POST /api/oauth/token') await token(req, res, scenario, segment, entry);
        else if (route === 'GET /api/oauth/userinfo' || route === 'GET /api/device/userinfo')
          userinfo(req, res, url, scenario);
        else if (route === 'GET /.well-known/oauth-authorization-server') {
          const origin = `${req.socket.encrypted ? 'https' : 'http'}://${req.headers.host}${BASE}${segment ? `/s/${segment}` : ''}`;
          reply(req, res, 200, {
            issuer: origin,
            authorization_endpoint: `${origin}/authorize`,
            token_endpoint: `${origin}/api/oauth/token`,
            userinfo_endpoint: `${origin}/api/oauth/userinfo`,
            device_authorization_endpoint: `${origin}/api/device/code`,
            scopes_supported: SCOPES,
            response_types_supported: ['code'],
            grant_types_supported: ['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code'],
            code_challenge_methods_supported: ['S256'],
            token_endpoint_auth_methods_supported: ['none'],
            service_documentation: `${origin}/api/docs`,
          });
        } else if (route === 'GET /image/models') models(req, res, scenario);
        else if (route === 'POST /v1/images/edits') await edits(req, res, url, scenario, segment, entry);
        else if (req.method === 'GET' && path.startsWith('/image/')) {
          const prompt = promptOf(path.slice('/image/'.length));
          if (prompt === undefined) reply(req, res, 400, invalid('prompt', 'The prompt is not valid URL encoding'));
          else await image(req, res, url, prompt, scenario, segment, entry);
        } else if (route === 'GET /account/key') keyInfo(req, res, url, scenario);
        else reply(req, res, 404, envelope(404));
      } catch (thrown) {
        if (!res.headersSent) reply(req, res, thrown.status ?? 500, envelope(thrown.status ?? 500));
      }
      return true;
    },
  };
}
