// Simulator of OpenRouter (https://openrouter.ai): its sign-in (OAuth PKCE), FLUX.2 through the dedicated image API
// and through chat completions with image output, the other families (GPT Image, Gemini, Seedream, Grok Imagine)
// through the image API, each priced by its endpoints' lines, and what a key has left. Sources beside each rule: openrouter.ai/docs
// ("OAuth PKCE", "Image Generation", "Errors and Debugging", "API Rate Limits", the API reference of /key, /credits
// and /models) and the types of OpenRouter's own client, @openrouter/sdk 1.3.19 (oAuthCreateAuthorizationUrl,
// GetCurrentKeyData, ImageGenerationRequest/Response, ImageGenerationUsage, CostDetails, ForbiddenResponseErrorData).
// Where the sources leave a case open, the simulator is the stricter reading, and says so.
//
// Routes (CORS on every reply and preflight; `/s/{scenario}` may follow `/sim/openrouter`, as the widget's endpoint):
//   GET  /sim/openrouter/auth?callback_url=&code_challenge=&code_challenge_method=S256&limit=
//        the sign-in page: Authorize (POST auth/approve → 302 to callback_url with its query dropped and `?code=`
//        added) and Cancel (a link back to callback_url, no code). OpenRouter takes no `state`, and no source says what
//        it does with a callback_url that has a query: the strict reading is that it is not kept. `limit` (USD, the
//        SDK's `limit` of oAuthCreateAuthorizationUrl) is the spending cap of the key the sign-in makes; without it the
//        key has none. Stricter than OpenRouter, which also takes `plain` and no challenge at all ("The
//        code_challenge parameter is optional but recommended"): a challenge is required (but under
//        `challenge=optional`), S256 only, 43 base64url characters (base64url of a SHA-256); a `limit` that is not a
//        positive number, or anything else wrong, is a 400 page.
//   POST /sim/openrouter/api/v1/auth/keys  JSON {code, code_verifier, code_challenge_method: 'S256'} → {key, user_id}:
//        the code once only, within 10 minutes, base64url(SHA-256(code_verifier)) equal to its challenge, else 400
//        {error:{code:400, message}}. The key's account starts with `credits=<usd>` of the scenario (default 4.20),
//        and the key has the sign-in's `limit` (none without it).
//   GET  /sim/openrouter/api/v1/images/models  {data: [{id, name, created, description, endpoints, architecture:
//        {input_modalities, output_modalities}, supported_parameters, supports_streaming}]} (the SDK's
//        ImageModelsListResponse): the models `images=` names (default the four FLUX.2 and the families below;
//        `images=none`: none) that are served at the simulator's moment (`now=`: a family past its `until` is not),
//        each with the union of its endpoints' `supported_parameters`.
//   GET  /sim/openrouter/api/v1/images/models/{author}/{slug}/endpoints  no key (the API reference lists no 401) →
//        {id, endpoints: [{provider_name, provider_slug, provider_tag, supported_parameters,
//        allowed_passthrough_parameters, supports_streaming, pricing: [{billable, unit, cost_usd, variant?}]}]}
//        (openrouter.ai/docs, "Image Generation", "Per-Endpoint Records"; OpenRouterTeam/typescript-sdk@cb9393a
//        ImageModelEndpointsResponse, ImageEndpoint, ImagePricingEntry): a listed family's records
//        (openrouter-families.mjs, which says which are recorded and which are not: OpenRouter's recorded records of
//        openai/gpt-image-2 (`openai`), google/gemini-3-pro-image (`google-vertex/global` 1K 2K, then
//        `google-ai-studio/global` 1K 2K 4K, image lines only), google/gemini-3.1-flash-lite-image
//        (`google-vertex/global`, then `google-ai-studio`; 1K; `output_image` only) and bytedance-seed/seedream-4.5
//        (`seed`, $0.04 an image), read from test/recorded/openrouter/ at start and served as they are; hand-made,
//        UNVERIFIED: openai/gpt-image-1 until 2026-10-23, google/gemini-nano-banana-2.1 and, until 2026-10-29,
//        google/gemini-3.1-flash-image, on 3 Pro's pattern; `azure=1` adds an `azure` endpoint to GPT Image 2), else 404
//        {error: {code: 404, message: 'Resource not found'}} (FLUX's records are not served: how OpenRouter writes a
//        price of a first and each next megapixel as lines is not documented). `cost_usd` is USD per one `unit`.
//   POST /sim/openrouter/api/v1/images  `Authorization: Bearer …`, JSON {model, prompt, n?, size?: 'WxH',
//        aspect_ratio?, resolution?, output_format?, input_references?: [{type: 'image_url', image_url: {url}}],
//        seed?} → {created, data: [{b64_json, media_type}], usage: {prompt_tokens, prompt_tokens_details,
//        completion_tokens, completion_tokens_details: {image_tokens, reasoning_tokens}, total_tokens, cost, is_byok,
//        cost_details}} (ImageGenerationRequest/Response; the fields of the recorded reply,
//        test/recorded/openrouter/images_generate_qwen-image-3_1K.json). Only the models the list names (else 400).
//        `n` 1 only (FLUX makes one image a call: "providers that only support single-image generation reject
//        n > 1"). An explicit `size` is authoritative ("a mismatched resolution or aspect_ratio alongside it is
//        rejected with a 400"): sides multiples of 16 from 64 to 4 MP (FLUX.2's range; stricter: OpenRouter may
//        round), else an aspect_ratio of the ten at a resolution "1K" or "2K", as chat completions. References: data
//        URLs of PNG, JPEG or WebP, at most 8 (FLUX.2 [pro]'s count at BFL), each priced per started input megapixel
//        at the model's input price (below). The PNG made is at the size asked.
//        The other families (FAMILIES): `provider: {only: [tag], allow_fallbacks: false}` ("Provider Routing") is
//        required, and a request without it refused 400: stricter than OpenRouter, which routes it to any of the
//        model's endpoints, at that endpoint's line; a tag the model has no endpoint of is 404 (nothing made or
//        charged): the tag exactly as the record writes it (UNVERIFIED how OpenRouter matches one: a bare
//        `google-ai-studio` is taken not to match `google-ai-studio/global`, the stricter reading); a resolution the
//        pinned endpoint does not list is 400 (4K at Vertex; UNVERIFIED, nothing charged). The request is checked against that endpoint and billed at its lines: GPT Image at an explicit
//        `size` OpenAI takes for the model (demo/sim/openai.mjs, `gptSizeProblem`) and `quality` low, medium or high
//        (stricter: `auto`, or none, is the provider's choice at its price); the others at an `aspect_ratio` and a
//        `resolution` of the endpoint's `supported_parameters` (no `size`: stricter), Gemini making Google's sizes
//        (demo/sim/google.mjs), Seedream's 2K and 4K about 4 and 16 MP. Tokens: the prompt's,
//        one per 4 bytes of UTF-8 (started), at `input_text`, or where the endpoint has no such line (Gemini's), at
//        the maker's text rate (not recorded; that it is free is nowhere said: stricter); the image's (openai.mjs `imageTokens`; Gemini's by
//        tier) at `output_image`; Gemini's thinking, `thinking=<n>` tokens (default 272, as recorded at Google), at
//        Google's text rate (no line bills it: Billable has no output text; OpenRouter passes the maker's price
//        through, openrouter.ai/docs FAQ); `usage` says them (`completion_tokens_details: {image_tokens,
//        reasoning_tokens}`). Images (`input_references`) as many as the endpoint's `supported_parameters.input_references`
//        takes, as OpenRouter's records say it (test/recorded/openrouter/): GPT Image 2 and 1 up to 16, Gemini 3 Pro
//        Image up to 14; and none where it names none or no line bills them (400, nothing charged: Seedream 4.5's and
//        Gemini 3.1 Flash Lite's records take 14 and price none, and what OpenRouter charges for them is UNVERIFIED:
//        stricter); billed at the endpoint's `input_image` (or `input_reference`) line: per
//        token (GPT Image's as openai.mjs `inputImageTokens` counts them, Gemini's 560 an image, Google's "$0.0011 per
//        image" at $2 per million; counted in `prompt_tokens`), per image, or per started megapixel.
//   POST /sim/openrouter/api/v1/chat/completions  `Authorization: Bearer …`, JSON {model, messages, modalities,
//        image_config: {aspect_ratio, image_size}, seed?} → {id, provider, model, object: 'chat.completion', created,
//        choices: [{index, finish_reason, message: {role: 'assistant', content: '', images: [{type: 'image_url',
//        image_url: {url: 'data:image/png;base64,…'}}]}}], usage: {prompt_tokens, completion_tokens, total_tokens,
//        cost}}. Checked strictly: model one of black-forest-labs/flux.2-{klein-4b,pro,flex,max}; `modalities`
//        exactly ['image'] (FLUX is image-only: "Models that only output images (e.g., Sourceful, Flux): Use
//        modalities: ["image"]"); one user message with text; aspect_ratio one of the documented ten (default 1:1),
//        image_size "1K" or "2K" (default "1K"; "512" and "4K" refused: FLUX.2 makes 64 px to 4 MP, and the tiers
//        OpenRouter documents for FLUX are not known). A PNG at the size made: the ratio at about 1 MP (1K) or
//        4,000,000 px (2K), sides multiples of 16. References: the user message's image parts (`{type:
//        'image_url', image_url: {url}}`, OpenRouter's "Image Inputs"), as the image API's.
//        All or nothing ("Billing and Cancellation", openrouter.ai/docs/guides/overview/multimodal/image-generation, as
//        OpenRouterTeam/docs@05ffe04 has it): "If a client disconnects mid-generation … OpenRouter does not attempt to
//        bill the user for work they did not receive": a request whose client closed its connection before the image
//        was made is not charged (its log entry says `abandoned`); `abandoned=charged` charges it all the same (the
//        harsher case, which no source holds). Chat completions bill a cancelled stream for what it produced
//        (the same page): a chat request whose client went away is charged, as before.
//   Both: `usage.cost` in USD, FLUX's model page's price, megapixels counted as BFL counts them (every started
//        1024²), or a family's endpoint's lines; the account is debited it (kept in nano-dollars, so that a token's
//        price is whole). A request the account cannot cover is 402 "Insufficient credits" before anything
//        is made; one the key's own limit cannot cover is 403 "Key limit exceeded (total limit). Manage it using
//        https://openrouter.ai/settings/keys" (what OpenRouter answers a key past its limit: gptme/gptme#1449,
//        RooCodeInc/Roo-Code#515).
//   GET  /sim/openrouter/api/v1/key       {data: {label, limit, limit_remaining, limit_reset, usage, usage_daily,
//        usage_weekly, usage_monthly, byok_usage, include_byok_in_limit, is_free_tier, is_management_key, …}}
//        (GetCurrentKeyData): `limit` and `limit_remaining` null for a key without a limit, as OpenRouter reports it
//        ("limitRemaining: number | null").
//        usagelag=<n>  the key's `usage` (and `limit_remaining`) shows each debit late, one at a time: a debit shows on
//        the n-th read of /key after the one before it showed (or after it was made). OpenRouter caches "user and API
//        key data at the edge" and expires those caches sooner only near a limit (openrouter.ai/docs/features/
//        latency-and-performance, "Minimal Overhead", "Credit Balance Checks"): what /key reports may trail what was
//        charged. Counted in reads, not time, so that a test never races the machine's speed.
//        balancecurrency=<code>  /key's `data` also says `currency: <code>` (a reply shape no client may read as USD)
//        Its `usage_daily`, `usage_weekly` and `usage_monthly`, and POST _spend?key= (spend a test plants as made with
//        the key elsewhere): openrouter-key-usage.mjs.
//   GET  /sim/openrouter/api/v1/credits   {data: {total_credits, total_usage}}: management keys only (`sim-mgmt…`;
//        "Management key required"), 403 otherwise
//   GET  /sim/openrouter/api/v1/models?output_modalities=image  {data: [{id, name, created, description,
//        architecture: {input_modalities, output_modalities}, pricing}]}, the four FLUX.2 models
//   GET  /sim/openrouter/api/v1/generation?id=  OpenRouter's record of a chat completion's generation, and POST
//        _records?key= (a test's): openrouter-records.mjs
//   GET  /sim/openrouter/_log | _charges?key= ({usd, images}: what OpenRouter itself charged; a BYOK upstream charge
//        is the provider's, not OpenRouter's) | POST _reset   for tests, as the other simulators
//
// Errors have OpenRouter's shape {error: {code, message, metadata?}}, the HTTP status equal to `code`. Keys:
// `sim-bad` is refused 401, `sim-empty` has no credits; any other key is an account of `credits=` (default $4.20),
// with no limit unless `keylimit=<usd>` (a key made on OpenRouter's keys page with a limit).
// Scenarios (`;`-separated), at the image API and chat completions alike:
//   fault=401 | 402 | 403 (moderation: the input flagged, with metadata.reasons) | 403-guardrail | 403-region |
//     403-keylimit (403s of other causes, each its own message, no reasons) | 403-bare (no body of OpenRouter's) | 429 (Retry-After: retryAfter=<s>,
//     default 1) | 500 | 502 | 503 (OpenRouter's own error body: no image, nothing charged: "Zero Completion
//     Insurance", openrouter.ai/docs/guides/features/zero-completion-insurance) | 502-bare (a 502 with no body of OpenRouter's, from a proxy in front, after the
//     request went through: charged) | network | hang | bad-json | html | redirect   times=<n>: only the first n
//   cost=null (a reply without usage.cost) | cost=<usd> (the reply's usage.cost as given; the account is debited
//     the real price)   pending=<ms> the generation time (default the simulator's pendingMs)
//   byok=1   the request ran on the user's own provider key (BYOK): `usage.is_byok` true, `usage.cost` OpenRouter's
//     fee (5% of the price, as OpenRouter's BYOK fee), `usage.cost_details.upstream_inference_cost` the price,
//     which the upstream provider charged the user; the account is debited the fee only
//   limit=ignored   a sign-in's key is made without its `limit` (what no doc rules out): /key reports null
//   challenge=optional   the sign-in page also takes a sign-in without `code_challenge`, as OpenRouter does ("Without
//     Code Challenge": openrouter.ai/docs/guides/overview/auth/oauth), and such a code is traded whatever
//     `code_verifier` comes ("The code verifier if code_challenge was used in the authorization request":
//     openrouter.ai/docs/api-reference/authentication/exchange-authorization-code-for-api-key). What someone else's
//     sign-in gives: a code any page can trade, as the code a link to the site may carry while a sign-in waits
//     (test/support/foreign-code.ts)
//   credits=<usd> a new account's credits; keylimit=<usd> a pasted key's limit; images=none | <ids> the models the
//     image API lists (ids as `flux.2-pro`, or `author:slug` as `openai:gpt-image-2`, comma-separated; default all)
//   endpoints=down   the endpoint records answer 500 (a client falls back on its bundled prices)
//   abandoned=charged   an image API request whose client went away mid-generation is charged (by default it is not)
//   seedream=megapixel   Seedream 4.5's one line is per megapixel ($0.012 per 10⁶ px of the output), and billed so
//   thinking=<n>   Gemini's thinking tokens (default 272)
//   proaistudio=<usd>   Gemini 3 Pro Image's `output_image` line at `google-ai-studio/global` at that price per token
//     (its Vertex endpoint's as recorded): endpoints of one model at different lines
//   azure=1   GPT Image 2 has a second endpoint, `azure`, at $32 per million image tokens (not recorded: OpenRouter's
//     recorded record has `openai` alone), so that a request not pinned to the one quoted would be billed otherwise
//   seedream4k=<usd>   Seedream 4.5's lines by `variant`: `2k` at its price, `4k` at that one
//   seedreamusd=<usd>   Seedream 4.5's one line at that price; gpt2out=<usd>   GPT Image 2's image-token line at
//     that price at every endpoint (prices no real endpoint would write: what a client must not quote)
//   now=<ISO date or time>   the simulator's moment, which decides what is served (families' `until`); default the
//     simulators' clock (clock.mjs: the machine's, moved by TEST_NOW)
//   image=<URL>   chat completions' image URL as given (URL-encoded; the account is debited as usual): what a client
//     must refuse, as OpenRouter documents `data:image/…;base64,` URLs only (`data:image/png,abc`, `https://…`,
//     `javascript:…`)
import { servedAt, simulatorNow } from './clock.mjs';
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
  seedFrom,
} from './kit.mjs';
import { drawImage } from './png.mjs';
import { gptSizeProblem, imageTokens, inputImageTokens } from './openai.mjs';
import { GEMINI_SIZES } from './google.mjs';
import { FAMILIES, endpointsOf } from './openrouter-families.mjs';
import { createGenerationRecords } from './openrouter-records.mjs';
import { noSpendElsewhere, plantSpend, usageFigures } from './openrouter-key-usage.mjs';

const MP = 1024 * 1024;
/**
 * The model pages' prices, in micro-dollars: [first MP, each next MP, each input MP] (see prices.ts for the
 * sources; [klein] 4B prices output only).
 */
const MODELS = {
  'black-forest-labs/flux.2-klein-4b': [14000, 1000, 0],
  'black-forest-labs/flux.2-pro': [30000, 15000, 15000],
  'black-forest-labs/flux.2-flex': [60000, 60000, 60000],
  'black-forest-labs/flux.2-max': [70000, 30000, 30000],
};
/** openrouter.ai/docs/guides/overview/multimodal/image-generation, "Aspect Ratio". */
const RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
/** The `image_size` tiers FLUX.2 can make here, in pixels (see the header). */
const TIERS = { '1K': MP, '2K': 4_000_000 };
const DEFAULT_CREDITS = '4.20';
/** The most references a call takes (FLUX.2 [pro]'s 8 at BFL; OpenRouter states none). */
const MAX_REFERENCES = 8;
/** OpenRouter's fee on a BYOK request, as a share of what the request would cost on OpenRouter's credits. */
const BYOK_FEE = 0.05;
/** The 403s of causes other than moderation (each OpenRouter's message as reported; see the header). */
const REFUSALS = {
  '403-guardrail': 'Request blocked by guardrail: this model is not allowed for this key.',
  '403-region': 'This model is not available in your region.',
  '403-keylimit': 'Key limit exceeded (total limit). Manage it using https://openrouter.ai/settings/keys',
};

/** Whether `id` is served at the scenario's moment (see `until` above); FLUX always. */
const served = (id, scenario) => servedAt(FAMILIES[id]?.until, simulatorNow(scenario));
/** The pixels a tier makes of a model sized by ratio (Seedream's 2K about 4 MP, as BytePlus makes it). */
const TIER_PIXELS = { '1K': MP, '2K': 4 * MP, '4K': 16 * MP };
/** A line's USD per unit in nano-dollars (whole: OpenRouter's prices go no finer). */
const nanosOf = (line) => Math.round((line?.cost_usd ?? 0) * 1e9);
/** The tokens of `images` (`{width, height}` each), each counted by `tokensOf`. */
const imagesIn = (images, tokensOf) => images.reduce((sum, each) => sum + tokensOf(each), 0);
/**
 * What a line of the images sent bills for `images`, in nano-dollars: per token of each (GPT Image's as the OpenAI
 * simulator counts them, Gemini's 560 an image, "$0.0011 per image" at $2 per million: Google's pricing page as
 * HeyPuter/puter@8307e8c GeminiImageProvider.ts cites it), per image, or per started megapixel (10⁶ px) of each.
 */
function inputCost(line, images) {
  if (!line || !images.length) return 0;
  if (line.unit === 'image') return nanosOf(line) * images.length;
  if (line.unit === 'megapixel')
    return nanosOf(line) * imagesIn(images, ({ width, height }) => Math.max(1, Math.ceil((width * height) / 1e6)));
  return 0; // per token: the images' tokens, counted as the prompt's (familyAsk)
}

const error = (code, message, metadata) => ({ error: { code, message, ...(metadata ? { metadata } : {}) } });
const base64url = (buffer) => buffer.toString('base64url');

/** About `pixels` at `ratio`, sides multiples of 16 (as the widget's sizeOfRatio). */
function sizeOf(ratio, pixels) {
  const [w, h] = ratio.split(':').map(Number);
  const side = (length) => Math.max(16, Math.round(length / 16) * 16);
  return { width: side(Math.sqrt((pixels * w) / h)), height: side(Math.sqrt((pixels * h) / w)) };
}

/** Started megapixels, as BFL counts them (every started 1024², at least one). */
const megapixels = (width, height) => Math.max(1, Math.ceil((width * height) / MP));

/** A PNG's width and height from its IHDR, or a JPEG's from its first SOF marker; undefined for anything else. */
function imageSizeOf(bytes) {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let at = 2; at + 9 < bytes.length;) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1];
      if (marker >= 0xc0 && marker <= 0xc3)
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  if (bytes.length > 30 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    const kind = bytes.toString('latin1', 12, 16);
    if (kind === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (kind === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (kind === 'VP8L') {
      const bits = bytes.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
  }
  return undefined;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A key's spending limit of the sign-in's `limit` (USD text), in nano-dollars; undefined where it is none. */
const limitOf = (text) => (text === undefined || text === null || text === '' ? undefined : parseDecimal(text, 9));

export function createOpenRouterSimulator({ pendingMs = 1500 } = {}) {
  const codes = new Map(); // code → { challenge, at, scenario, limit, used }
  // key → { credits, used, limit } in nano-dollars, so that a token's price is whole (limit null: none)
  const accounts = new Map();
  const charges = createChargeBook();
  const counter = createSegmentCounter();
  const log = createRequestLog();
  const generations = createGenerationRecords();
  const testRoutes = createTestRoutes({
    base: '/sim/openrouter',
    log,
    charges: {
      book: charges,
      prefix: /^Bearer /,
      missing: error(400, 'Query parameter `key` required.'),
      report: ({ units, count }) => ({ usd: decimal(units, 9), images: count }),
    },
    forget: [codes, accounts, counter, generations.records],
  });

  /**
   * The account of `key`, made on first sight with the scenario's credits (a key the real service would know): a key
   * made by signing in has the sign-in's `limit` (null: none); any other the scenario's `keylimit`, else none.
   */
  function account(key, scenario, limit = limitOf(scenario.keylimit) ?? null) {
    if (!accounts.has(key)) {
      const credits = key === 'sim-empty' ? 0 : (parseDecimal(scenario.credits ?? DEFAULT_CREDITS, 9) ?? 0);
      // `shown`: what /key reports spent; `unseen`: the debits it does not show yet (usagelag), oldest first.
      // `elsewhere`: spend a test planted as made with the key elsewhere (openrouter-key-usage.mjs).
      accounts.set(key, { credits, used: 0, limit, shown: 0, unseen: [], reads: 0, elsewhere: noSpendElsewhere() });
    }
    return accounts.get(key);
  }
  const left = (a) => a.credits - a.used;
  const bearer = (req) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];

  /** A sign-in without a challenge, where the scenario takes one (`challenge=optional`, as OpenRouter does). */
  const without = (query, scenario) =>
    scenario.challenge === 'optional' && !query.has('code_challenge') && !query.has('code_challenge_method');

  function authPage(req, res, url, scenario) {
    const q = url.searchParams;
    const callback = q.get('callback_url') ?? '';
    let target;
    try {
      target = new URL(callback);
    } catch {
      target = undefined;
    }
    const limit = q.get('limit');
    const problem = !target
      ? 'callback_url is missing or not an address.'
      : without(q, scenario)
        ? ''
        : q.get('code_challenge_method') !== 'S256'
          ? 'code_challenge_method must be S256 (this simulator is stricter than OpenRouter, which also takes plain).'
          : !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')
            ? 'code_challenge must be base64url(SHA-256(code_verifier)): 43 characters.'
            : limit !== null && !(limitOf(limit) > 0)
              ? 'limit must be a positive amount of USD.'
              : '';
    if (problem)
      return send(req, res, 400, `<!DOCTYPE html><p>${escapeHtml(problem)}</p>`, { 'Content-Type': 'text/html' });
    const cancel = escapeHtml(target.href);
    const cap = limit === null ? 'no spending limit' : `a spending limit of ${escapeHtml(limit)} USD`;
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize — OpenRouter (simulated)</title></head>
<body>
<h1>Authorize this page</h1>
<p>${escapeHtml(target.host)} asks for a key on your OpenRouter account with ${cap} (simulated: ${escapeHtml(scenario.credits ?? DEFAULT_CREDITS)} USD of credits).</p>
<form method="post" action="${escapeHtml(url.pathname.replace(/\/auth$/, '/auth/approve'))}">
<input type="hidden" name="callback_url" value="${escapeHtml(callback)}">
${without(q, scenario) ? '' : `<input type="hidden" name="code_challenge" value="${escapeHtml(q.get('code_challenge'))}">`}
${limit === null ? '' : `<input type="hidden" name="limit" value="${escapeHtml(limit)}">`}
<button type="submit" id="authorize">Authorize</button>
<a id="cancel" href="${cancel}">Cancel</a>
</form>
</body></html>`;
    send(req, res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  async function approve(req, res, scenario) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    if (!form.has('code_challenge') && !without(form, scenario))
      return send(req, res, 400, '<!DOCTYPE html><p>code_challenge is missing.</p>', { 'Content-Type': 'text/html' });
    const code = base64url(randomBytes(24));
    // `limit=ignored`: the key is made without the sign-in's limit (no doc says that OpenRouter keeps it).
    const limit = scenario.limit === 'ignored' ? null : (limitOf(form.get('limit')) ?? null);
    codes.set(code, { challenge: form.get('code_challenge'), at: Date.now(), scenario, limit, used: false }); // null: none
    // The callback's own query (and fragment) are not kept: only `code` comes back (see the header).
    const target = new URL(form.get('callback_url'));
    target.search = '';
    target.hash = '';
    target.searchParams.set('code', code);
    res.writeHead(302, { Location: target.href, 'Content-Length': 0 });
    res.end();
  }

  async function exchange(req, res) {
    const body = await readJson(req);
    const grant = codes.get(body?.code);
    const refuse = (message) => send(req, res, 400, error(400, message));
    if (!grant || grant.used || Date.now() - grant.at > 10 * 60_000) return refuse('Invalid or expired code.');
    // A code asked for without a challenge (`challenge=optional`) is traded whatever verifier comes (see the header).
    if (grant.challenge !== null) {
      if (body.code_challenge_method !== 'S256') return refuse('code_challenge_method must be S256 for this code.');
      const digest = base64url(
        createHash('sha256')
          .update(String(body.code_verifier ?? ''))
          .digest(),
      );
      if (digest !== grant.challenge) return refuse('code_verifier does not match the code_challenge.');
    }
    grant.used = true;
    const key = `sk-or-v1-sim-${randomBytes(24).toString('hex')}`;
    account(key, grant.scenario, grant.limit);
    send(req, res, 200, { key, user_id: `user_sim_${randomBytes(4).toString('hex')}` });
  }

  /** The models the image API lists under `scenario` (`images=`). */
  function imageModels(scenario) {
    const named = scenario.images;
    if (named === 'none') return [];
    const ids =
      named === undefined
        ? [...Object.keys(MODELS), ...Object.keys(FAMILIES)]
        : named.split(',').map((id) => (id.includes(':') ? id.replace(':', '/') : `black-forest-labs/${id}`));
    return ids.filter((id) => served(id, scenario));
  }

  /**
   * What both image routes do before and after the image is made: the faults, the key, the price (`width` ×
   * `height` made, `inputs` input megapixels) against the account and the key's limit, the time it takes, the
   * charge. Returns the cost and its `usage` reply, or undefined when it answered (a fault, a refusal).
   */
  async function generation(
    req,
    res,
    { scenario, segment, entry, model, prompt, width, height, inputs = 0, priced, allOrNothing = false },
  ) {
    const key = bearer(req);
    // Whether the client went away before a reply was written (its connection closed).
    let gone = false;
    res.on('close', () => {
      if (!res.writableEnded) gone = true;
    });
    const fault = submitFault(req, scenario, segment, counter);
    // A 502/503 with OpenRouter's own body: no image, and no charge (Zero Completion Insurance: see the header).
    const own = {
      502: 'Provider returned error',
      503: 'No available model provider that meets your routing requirements',
    };
    const edge = { json: (status) => error(status, own[status] ?? 'Service Unavailable'), truncated: '{"id":"gen-' };
    if (edgeFault(req, res, fault, scenario, entry, edge)) return undefined;
    // Errors and Debugging: 401 "Invalid credentials (OAuth session expired, disabled/invalid API key)".
    if (!key || key === 'sim-bad' || fault === '401') return void send(req, res, 401, error(401, 'User not found.'));
    const acct = account(key, scenario);
    if (fault === '429')
      return void send(req, res, 429, error(429, 'Rate limit exceeded: too many requests.'), retryAfter(scenario));
    if (fault === '500') return void send(req, res, 500, error(500, 'Internal Server Error'));
    const price = MODELS[model];
    const byok = scenario.byok === '1';
    // In nano-dollars: FLUX's model-page price (micro-dollars × 1000), or a family's as its endpoint's lines bill it.
    const full = priced?.nanos ?? (price[0] + price[1] * (megapixels(width, height) - 1) + price[2] * inputs) * 1000;
    const promptCost = priced?.promptNanos ?? price[2] * inputs * 1000;
    const cost = byok ? Math.round(full * BYOK_FEE) : full;
    // 402 "Your account or API key has insufficient credits": before anything is made. A key past its own limit is
    // refused 403 (see the header).
    if (fault === '402' || left(acct) < cost)
      return void send(
        req,
        res,
        402,
        error(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits'),
      );
    if (fault === '403-keylimit' || (acct.limit !== null && acct.limit - acct.used < cost))
      return void send(req, res, 403, error(403, REFUSALS['403-keylimit']));
    if (REFUSALS[fault]) return void send(req, res, 403, error(403, REFUSALS[fault]));
    // A 403 that is not OpenRouter's own (a firewall in front): no body of its shape.
    if (fault === '403-bare')
      return void send(req, res, 403, '<html><body>403 Forbidden</body></html>', { 'Content-Type': 'text/html' });
    // 403 "Your chosen model requires moderation and your input was flagged", with the reasons in `metadata`.
    if (fault === '403' || fault === 'moderated') {
      return void send(
        req,
        res,
        403,
        error(403, `${model} requires moderation on OpenRouter. Your input was flagged for "sexual".`, {
          reasons: ['sexual'],
          flagged_input: prompt.slice(0, 100),
          provider_name: 'Black Forest Labs',
          model_slug: model,
        }),
      );
    }
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model.replace('black-forest-labs/flux.2-', 'flux-2-'))));
    // The image API bills all or nothing: "If a client disconnects mid-generation … OpenRouter does not attempt to
    // bill the user for work they did not receive" (see the header). `abandoned=charged` bills it all the same.
    if (gone && allOrNothing && scenario.abandoned !== 'charged') {
      entry.abandoned = true;
      return undefined;
    }
    acct.used += cost;
    acct.unseen.push(cost);
    charges.charge(key, cost);
    // A proxy in front answers 502 with a page of its own after the request went through (and was charged).
    if (fault === '502-bare')
      return void send(req, res, 502, '<html><body>502 Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
    if (acceptThenDrop(req, res, fault, entry)) return undefined;
    const reported =
      scenario.cost === 'null' ? undefined : scenario.cost !== undefined ? Number(scenario.cost) : cost / 1e9;
    // The recorded reply's fields (test/recorded/openrouter/images_generate_qwen-image-3_1K.json): the tokens and
    // their details, `cost`, and `cost_details` whether or not the key is the user's own (BYOK) at the provider.
    const usage = {
      prompt_tokens: priced?.prompt ?? 0,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens: priced?.completion ?? 0,
      completion_tokens_details: priced?.details ?? { image_tokens: 0, reasoning_tokens: 0 },
      total_tokens: (priced?.prompt ?? 0) + (priced?.completion ?? 0),
      ...(reported === undefined ? {} : { cost: reported }),
      is_byok: byok,
      cost_details: {
        upstream_inference_cost: full / 1e9,
        upstream_inference_prompt_cost: promptCost / 1e9,
        upstream_inference_completions_cost: (full - promptCost) / 1e9,
      },
    };
    // What OpenRouter debited, and the upstream price on a BYOK key: its record of the generation says them.
    return { usage, debited: cost / 1e9, ...(byok && { upstream: full / 1e9 }) };
  }

  /**
   * The input megapixels of `references` (`{type: 'image_url', image_url: {url}}` each, a base64 data URL of a PNG,
   * JPEG or WebP), each counted as BFL counts; their sizes in the log entry. Undefined where one is not an image.
   */
  function measureReferences(references, entry) {
    let inputs = 0;
    entry.inputs = [];
    for (const reference of references) {
      const url = reference?.type === 'image_url' ? reference.image_url?.url : undefined;
      const data = /^data:image\/(?:png|jpeg|webp);base64,([A-Za-z0-9+/=]+)$/.exec(typeof url === 'string' ? url : '');
      const measured = data && imageSizeOf(Buffer.from(data[1], 'base64'));
      entry.inputs.push(measured ? [measured.width, measured.height] : null);
      if (!measured) return undefined;
      inputs += megapixels(measured.width, measured.height);
    }
    return inputs;
  }

  /** The text of the one user message of a chat request. */
  function promptOf(messages) {
    const message = Array.isArray(messages) ? messages.find((m) => m?.role === 'user') : undefined;
    return typeof message?.content === 'string'
      ? message.content
      : Array.isArray(message?.content)
        ? message.content
            .filter((p) => p?.type === 'text')
            .map((p) => p.text)
            .join('\n')
        : '';
  }

  async function complete(req, res, scenario, segment, entry) {
    const body = await readJson(req);
    if (!body || typeof body !== 'object') return send(req, res, 400, error(400, 'Invalid JSON body.'));
    entry.asked = { route: 'chat', model: body.model, modalities: body.modalities, image_config: body.image_config };
    if (!MODELS[body.model]) return send(req, res, 400, error(400, `${body.model} is not a valid model ID`));
    if (!Array.isArray(body.modalities) || body.modalities.length !== 1 || body.modalities[0] !== 'image') {
      return send(req, res, 400, error(400, 'This model only outputs images: modalities must be ["image"].'));
    }
    const prompt = promptOf(body.messages);
    if (!prompt.trim()) return send(req, res, 400, error(400, 'Input required: a user message with text.'));
    const config = body.image_config ?? {};
    const ratio = config.aspect_ratio ?? '1:1';
    const tier = config.image_size ?? '1K';
    if (!RATIOS.includes(ratio)) return send(req, res, 400, error(400, `Unsupported aspect_ratio ${ratio}.`));
    if (!Object.hasOwn(TIERS, tier)) return send(req, res, 400, error(400, `Unsupported image_size ${tier}.`));
    if (body.seed !== undefined && !Number.isInteger(body.seed))
      return send(req, res, 400, error(400, 'seed must be an integer.'));
    // References: the user message's image parts ("Image Inputs": `{type: 'image_url', image_url: {url}}`).
    const message = Array.isArray(body.messages) ? body.messages.find((m) => m?.role === 'user') : undefined;
    const parts = Array.isArray(message?.content) ? message.content.filter((p) => p?.type !== 'text') : [];
    if (parts.length > MAX_REFERENCES) return send(req, res, 400, error(400, `At most ${MAX_REFERENCES} images.`));
    const inputs = measureReferences(parts, entry);
    if (inputs === undefined) return send(req, res, 400, error(400, 'Each image part: a base64 data URL of an image.'));
    const { width, height } = sizeOf(ratio, TIERS[tier]);
    const model = body.model;
    const made = await generation(req, res, { scenario, segment, entry, model, prompt, width, height, inputs });
    if (!made) return;
    const id = `gen-${randomUUID()}`;
    entry.id = id;
    const seed = seedFrom(body.seed);
    const png = drawImage({ width, height, prompt, seed });
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
      usage: made.usage,
    });
    // Done and answered: OpenRouter's record of it (openrouter-records.mjs) says what it debited.
    generations.keep(id, bearer(req), {
      totalCost: made.debited,
      byok: !!made.upstream,
      upstream: made.upstream ?? null,
      model,
    });
  }

  /** The size an image API request asks for: an explicit `size`, else a ratio at a resolution; or why it is refused. */
  function askedSize(body) {
    if (body.size !== undefined) {
      const match = /^(\d+)x(\d+)$/.exec(String(body.size));
      if (!match) return { problem: `Unsupported size ${body.size}: "WxH" in pixels, or a tier.` };
      if (body.aspect_ratio !== undefined || body.resolution !== undefined)
        return { problem: 'An explicit pixel size is authoritative: do not send aspect_ratio or resolution with it.' };
      const [width, height] = [Number(match[1]), Number(match[2])];
      if (width % 16 || height % 16 || width < 64 || height < 64 || width * height > 4 * MP)
        return { problem: `Unsupported size ${body.size}: sides multiples of 16, from 64 px, at most 4 MP.` };
      return { width, height };
    }
    const ratio = body.aspect_ratio ?? '1:1';
    const tier = body.resolution ?? '1K';
    if (!RATIOS.includes(ratio)) return { problem: `Unsupported aspect_ratio ${ratio}.` };
    if (!Object.hasOwn(TIERS, tier)) return { problem: `Unsupported resolution ${tier}.` };
    return sizeOf(ratio, TIERS[tier]);
  }

  /**
   * What a request for one of the other families asks, and what its pinned endpoint bills for it: `{width, height,
   * priced}` (`priced`: nano-dollars in all and of the prompt, tokens, as `generation` reports them), or `{status,
   * problem}` where it is refused (see the header).
   */
  function familyAsk(body, scenario, images) {
    const family = FAMILIES[body.model];
    const pin = body.provider;
    // Stricter than OpenRouter, which routes an unpinned request to any of the model's endpoints (see the header).
    if (!Array.isArray(pin?.only) || pin.only.length !== 1 || pin.allow_fallbacks !== false)
      return { status: 400, problem: 'This simulator takes a request for this model pinned to one endpoint only.' };
    // UNVERIFIED: how OpenRouter matches `provider.only` to a tag (whether a bare `google-ai-studio` matches an
    // endpoint tagged `google-ai-studio/global`, or a slug its tag's prefix). Stricter: the tag exactly, as the record
    // writes it; anything else matches no endpoint, and nothing is made or charged.
    const endpoint = endpointsOf(body.model, scenario).find((each) => each.provider_tag === pin.only[0]);
    if (!endpoint) return { status: 404, problem: `No endpoints found for ${body.model} matching provider.only.` };
    const lines = endpoint.pricing;
    const line = (billable) => lines.find((each) => each.billable === billable);
    // As many images as the endpoint takes (its `input_references`), none where it names none; and none where no line
    // bills them (Gemini 3.1 Flash Lite's record takes 14 and prices none: what OpenRouter charges for them is
    // UNVERIFIED, so the stricter reading refuses them, nothing charged).
    const imageLine = line('input_image') ?? line('input_reference');
    const most = imageLine ? (endpoint.supported_parameters.input_references?.max ?? 0) : 0;
    if (images.length > most)
      return {
        status: 400,
        problem: most
          ? `input_references: at most ${most} images at this endpoint.`
          : `${body.model} takes no input_references at this endpoint.`,
      };
    const takes = (name, value) => endpoint.supported_parameters[name]?.values?.includes(value);
    // The images sent, as their line bills them (see the header): tokens as the maker counts them, or per image or
    // megapixel; their tokens are the prompt's too (`prompt_tokens`).
    const byToken = imageLine?.unit === 'token';
    const sent = family.kind === 'gpt' ? imagesIn(images, inputImageTokens) : imagesIn(images, () => 560);
    const words = Math.ceil(Buffer.byteLength(body.prompt) / 4);
    const prompt = words + (byToken ? sent : 0);
    const inputNanos = byToken ? sent * nanosOf(imageLine) : inputCost(imageLine, images);
    // The prompt's text at its line, or where the record has none (Gemini's), at the maker's rate (`textIn`, not
    // recorded): that text is free is nowhere said, so the stricter reading bills it.
    const textInNanos = line('input_text') ? nanosOf(line('input_text')) : Math.round((family.textIn ?? 0) * 1000);
    const tokens = (image, text, textRate) => {
      const promptNanos = words * textInNanos + inputNanos;
      return {
        nanos: promptNanos + image * nanosOf(line('output_image')) + text * textRate,
        promptNanos,
        prompt,
        completion: image + text,
        details: { image_tokens: image, reasoning_tokens: text },
      };
    };
    if (family.kind === 'gpt') {
      const match = /^(\d+)x(\d+)$/.exec(String(body.size ?? ''));
      if (!match) return { status: 400, problem: 'This simulator takes GPT Image at an explicit size "WxH" only.' };
      if (body.aspect_ratio !== undefined || body.resolution !== undefined)
        return {
          status: 400,
          problem: 'An explicit pixel size is authoritative: do not send aspect_ratio or resolution with it.',
        };
      const [width, height] = [Number(match[1]), Number(match[2])];
      const name = body.model.split('/')[1];
      const problem = gptSizeProblem(name, width, height);
      if (problem) return { status: 400, problem };
      // Stricter: `auto` (or none) is the provider's choice, at its price.
      if (!['low', 'medium', 'high'].includes(body.quality))
        return { status: 400, problem: 'This simulator takes quality low, medium or high only.' };
      return { width, height, priced: tokens(imageTokens(name, body.quality, width, height), 0, 0) };
    }
    if (body.size !== undefined)
      return { status: 400, problem: 'This simulator takes this model by aspect_ratio and resolution.' };
    if (!takes('aspect_ratio', body.aspect_ratio))
      return { status: 400, problem: `Unsupported aspect_ratio ${body.aspect_ratio}.` };
    // A resolution the pinned endpoint does not list (4K at Vertex): UNVERIFIED what OpenRouter does with it (another
    // endpoint cannot serve it, `allow_fallbacks` being false); stricter, refused, nothing made or charged.
    if (!takes('resolution', body.resolution))
      return {
        status: 400,
        problem: `Unsupported resolution ${body.resolution} at ${endpoint.provider_tag} for ${body.model}.`,
      };
    if (family.kind === 'gemini') {
      // The sizes Google makes at a ratio (demo/sim/google.mjs); a recorded ratio it has none for (Lite's 1:8) is
      // refused: the size made is not known.
      const made = GEMINI_SIZES[body.aspect_ratio];
      if (!made) return { status: 400, problem: `This simulator makes no size for aspect_ratio ${body.aspect_ratio}.` };
      const scale = { 512: 0.5, '1K': 1, '2K': 2, '4K': 4 }[body.resolution];
      const [width, height] = made.map((side) => side * scale);
      const thinking = Number(scenario.thinking ?? 272);
      return { width, height, priced: tokens(family.tiers[body.resolution], thinking, family.textOut * 1000) };
    }
    // A ratio whose pixels are not known (`auto`, which the recorded Seedream lists): refused, stricter.
    if (!/^\d+(\.\d+)?:\d+(\.\d+)?$/.test(body.aspect_ratio))
      return { status: 400, problem: `This simulator makes no size for aspect_ratio ${body.aspect_ratio}.` };
    const { width, height } = sizeOf(body.aspect_ratio, TIER_PIXELS[body.resolution]);
    const output = lines.find(
      (each) =>
        each.billable === 'output_image' &&
        (!each.variant || each.variant.toLowerCase() === body.resolution.toLowerCase()),
    );
    const nanos = output.unit === 'megapixel' ? Math.round((nanosOf(output) * width * height) / 1e6) : nanosOf(output);
    return { width, height, priced: { nanos: nanos + inputNanos, promptNanos: inputNanos } };
  }

  async function images(req, res, scenario, segment, entry) {
    const body = await readJson(req);
    if (!body || typeof body !== 'object') return send(req, res, 400, error(400, 'Invalid JSON body.'));
    const references = body.input_references ?? [];
    entry.asked = {
      route: 'images',
      model: body.model,
      size: body.size,
      aspect_ratio: body.aspect_ratio,
      resolution: body.resolution,
      output_format: body.output_format,
      references: Array.isArray(references) ? references.length : -1,
    };
    if (!imageModels(scenario).includes(body.model))
      return send(req, res, 400, error(400, `${body.model} is not available on the image generation API.`));
    // FLUX's count here; a family's is its endpoint's (familyAsk).
    if (!Array.isArray(references) || (!FAMILIES[body.model] && references.length > MAX_REFERENCES))
      return send(req, res, 400, error(400, `input_references: at most ${MAX_REFERENCES} images.`));
    const inputs = measureReferences(references, entry);
    if (inputs === undefined)
      return send(req, res, 400, error(400, 'input_references: each a base64 data URL of an image.'));
    if (typeof body.prompt !== 'string' || !body.prompt.trim())
      return send(req, res, 400, error(400, 'prompt is required.'));
    if (body.n !== undefined && body.n !== 1)
      return send(req, res, 400, error(400, 'This model generates one image per request: n must be 1.'));
    if (body.seed !== undefined && !Number.isInteger(body.seed))
      return send(req, res, 400, error(400, 'seed must be an integer.'));
    const format = body.output_format ?? 'png';
    if (!['png', 'jpeg', 'webp'].includes(format))
      return send(req, res, 400, error(400, `Unsupported output_format ${format}.`));
    const images = entry.inputs.map(([width, height]) => ({ width, height }));
    const size = FAMILIES[body.model] ? familyAsk(body, scenario, images) : askedSize(body);
    if (size.problem) return send(req, res, size.status ?? 400, error(size.status ?? 400, size.problem));
    const { width, height, priced } = size;
    entry.asked.quality = body.quality;
    entry.asked.provider = body.provider;
    const model = body.model;
    const made = await generation(req, res, {
      scenario,
      segment,
      entry,
      model,
      prompt: body.prompt,
      width,
      height,
      inputs,
      priced,
      allOrNothing: true,
    });
    if (!made) return;
    entry.id = `img-${randomUUID()}`;
    const png = drawImage({ width, height, prompt: body.prompt, seed: seedFrom(body.seed) });
    send(req, res, 200, {
      created: Math.floor(Date.now() / 1000),
      data: [{ b64_json: png.toString('base64'), media_type: 'image/png' }],
      usage: made.usage,
    });
  }

  function keyInfo(req, res, scenario) {
    const key = bearer(req);
    if (!key || key === 'sim-bad') return send(req, res, 401, error(401, 'User not found.'));
    if (scenario.usage === 'down') return send(req, res, 500, error(500, 'Internal Server Error'));
    const a = account(key, scenario);
    const usd = (units) => units / 1e9;
    const lag = Number(scenario.usagelag ?? 0);
    // Each debit shows on the lag-th read after the one before it showed (at once without a lag).
    if (a.unseen.length && ++a.reads >= lag) {
      a.shown += lag ? a.unseen.shift() : a.unseen.splice(0).reduce((sum, cost) => sum + cost, 0);
      a.reads = 0;
    }
    const used = a.shown + a.elsewhere.total;
    send(req, res, 200, {
      data: {
        label: `${key.slice(0, 12)}...${key.slice(-3)}`,
        limit: a.limit === null ? null : usd(a.limit),
        limit_remaining: a.limit === null ? null : usd(Math.max(0, a.limit - used)),
        limit_reset: null,
        include_byok_in_limit: false,
        ...(scenario.balancecurrency ? { currency: scenario.balancecurrency } : {}),
        ...usageFigures(a.shown, a.elsewhere),
        byok_usage: 0,
        byok_usage_daily: 0,
        byok_usage_weekly: 0,
        byok_usage_monthly: 0,
        is_free_tier: false,
        is_management_key: false,
        is_provisioning_key: false,
        expires_at: null,
        creator_user_id: null,
        organization_id: null,
        workspace_id: null,
        allowed_data_regions: [],
        free_model_daily_requests: { limit: 1000, remaining: 1000, used: 0 },
        rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
      },
    });
  }

  function credits(req, res, scenario) {
    const key = bearer(req);
    if (!key || key === 'sim-bad') return send(req, res, 401, error(401, 'User not found.'));
    // "Management key required" (openrouter.ai/docs/api/api-reference/credits/get-credits).
    if (!key.startsWith('sim-mgmt')) return send(req, res, 403, error(403, 'Only management keys can fetch credits.'));
    const a = account(key, scenario, null);
    send(req, res, 200, { data: { total_credits: a.credits / 1e9, total_usage: a.used / 1e9 } });
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

  function imageModelList(req, res, scenario) {
    const data = imageModels(scenario)
      .filter((id) => MODELS[id] || FAMILIES[id])
      .map((id) => ({
        id,
        name: FAMILIES[id]?.name ?? `Black Forest Labs: ${id.split('/')[1]}`,
        created: 1764028800,
        description: FAMILIES[id] ? 'An image model (simulated).' : 'FLUX.2 (simulated).',
        endpoints: `/api/v1/images/models/${id}/endpoints`,
        architecture: { input_modalities: ['text', 'image'], output_modalities: ['image'] },
        // The union of its endpoints' parameters ("Coarse discovery aid").
        supported_parameters: Object.assign({}, ...endpointsOf(id, scenario).map((each) => each.supported_parameters)),
        supports_streaming: false,
      }));
    send(req, res, 200, { data });
  }

  /** `GET /api/v1/images/models/{author}/{slug}/endpoints`: a listed family's records; 404 for anything else. */
  function endpointRecords(req, res, scenario, id) {
    if (scenario.endpoints === 'down') return send(req, res, 500, error(500, 'Internal Server Error'));
    if (!FAMILIES[id] || !imageModels(scenario).includes(id))
      return send(req, res, 404, error(404, 'Resource not found'));
    // A recorded record as recorded, a hand-made one in the same fields (openrouter-families.mjs).
    send(req, res, 200, { id, endpoints: endpointsOf(id, scenario) });
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
        else if (route === 'POST /api/v1/images') await images(req, res, scenario, segment, entry);
        else if (route === 'GET /api/v1/images/models') imageModelList(req, res, scenario);
        else if (/^GET \/api\/v1\/images\/models\/[^/]+\/[^/]+\/endpoints$/.test(route))
          endpointRecords(req, res, scenario, route.split('/').slice(5, 7).join('/'));
        else if (route === 'GET /api/v1/key') keyInfo(req, res, scenario);
        else if (route === 'GET /api/v1/credits') credits(req, res, scenario);
        else if (route === 'GET /api/v1/models') models(req, res, url);
        else if (route === 'GET /api/v1/generation') generations.serve(req, res, url, scenario, bearer(req));
        else if (route === 'POST /_records') await generations.plant(req, res, url);
        else if (route === 'POST /_spend') plantSpend(req, res, url, (key) => account(key, scenario));
        else send(req, res, 404, error(404, `Not found: ${route}`));
      } catch (thrown) {
        if (!res.headersSent)
          send(req, res, thrown.status ?? 500, error(thrown.status ?? 500, 'Internal Server Error'));
      }
      return true;
    },
  };
}
