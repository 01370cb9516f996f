import { figureSaid } from '../engine/figure-said.js';
import Decimal from 'decimal.js';
import { UserPaysError } from '../../base/errors.js';
import { aspectRatio, modelName } from '../../pricing/index.js';
import { editPrices } from '../../strings/edit-prices.js';
import {
  MAX_IMAGE_BYTES,
  base64Image,
  fetchJson,
  guard,
  isHttpError,
  keyOf,
  measured,
  inKnownUnit,
  readBalance,
  type HttpError,
} from '../engine/http.js';
import { checkImageUrl, routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import type {
  Charge,
  KeyBalance,
  LiveCatalogue,
  Provider,
  ProviderOutcome,
  ProviderRequest,
  ReferenceImage,
  RunContext,
} from '../provider.js';
import { scrubSecret } from '../../base/secrets.js';
import { openRouterAccount } from './account.js';
import { info } from './info.js';
import { openrouterWords } from './words.js';
import { sayer } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';
import { liveFamilies } from './live-prices.js';
import { readGenerationRecord } from './generation-record.js';
import { readKeyUsage } from './key-usage.js';

const openRouterText = sayer('openrouter', openrouterWords);
const editText = sayer('editPrices', editPrices);

/**
 * OpenRouter (openrouter.ai), paid from the user's own OpenRouter credits: with a key they paste, or one they get by
 * signing in (OAuth PKCE, `openRouterAccount`: account.ts). `endpoint` (default https://openrouter.ai) names both the sign-in
 * page (`{endpoint}/auth`) and the API (`{endpoint}/api/v1`). Sources beside each rule: openrouter.ai/docs, and the
 * types of OpenRouter's own client (@openrouter/sdk 1.3.19).
 */

/** Our model id → OpenRouter's: `flux-2-klein-4b` → `black-forest-labs/flux.2-klein-4b`. */
const openRouterModel = (model: string) => 'black-forest-labs/' + model.replace(/^flux-2-/, 'flux.2-');

/**
 * The `image_size` (or image API `resolution`) tier of a size the price book fitted (OPENROUTER_SIZES in prices.ts, a
 * family's ratios in families.ts: about 1 MP or 4 MP): "1K" or "2K" (openrouter.ai/docs,
 * ImageGenerationRequestResolution: "512" | "1K" | "2K" | "4K").
 */
const imageSize = (width: number, height: number) => (width * height > 2 * 1024 * 1024 ? '2K' : '1K');

/** No image costs more than this: FLUX.2 [max] at 4 MP is $0.16. A larger `usage.cost` is beyond reason. */
const MAX_USD = 100;

/** A USD amount OpenRouter reported, as money to the nanodollar (a JSON number's float noise is far below); else none. */
function usdOf(value: unknown): Decimal | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_USD) return undefined;
  return new Decimal(value).toDecimalPlaces(9);
}

/**
 * What OpenRouter says was charged (`usage`, USD: "every response carries usage.cost", openrouter.ai/docs, "Usage
 * Accounting"; @openrouter/sdk 1.3.19 ImageGenerationUsage: `cost`, `is_byok`, `cost_details.upstream_inference_cost`).
 * With `is_byok` the request ran on the user's own key at the upstream provider: `cost` is OpenRouter's fee, and the
 * upstream provider charged the user `upstream_inference_cost` besides; both are booked (`usd` their sum), the
 * upstream part shown apart (`upstream`). A `cost` absent or null is no report: the quote is booked and the user told
 * so; so is a BYOK reply that does not say the upstream part (half a charge is no report). One said as a string,
 * negative or absurd is beyond reason (the adapter says so: `disbelieved`): the bound is booked, uncertain.
 */
function chargeOf(usage: any): Charge | undefined {
  const cost = usdOf(usage?.cost);
  if (!cost) return undefined;
  if (usage?.is_byok !== true) return { usd: cost.toString() };
  const upstream = usdOf(usage?.cost_details?.upstream_inference_cost);
  return upstream && { usd: cost.plus(upstream).toString(), upstream: upstream.toString() };
}

/**
 * A `data:image/…;base64,` URL's bytes, the one form OpenRouter sends images in (openrouter.ai/docs, "Image
 * Generation": "base64-encoded data URLs"): anything else (a link, data that is not base64) is refused saying so, and
 * an image past the size no FLUX image comes near, before it is decoded.
 */
function dataUrlBlob(url: string): Blob {
  const head = /^data:(image\/(?:png|jpeg|webp));base64,/i.exec(url);
  if (!head) throw new UserPaysError('provider-error', openRouterText.imageNotData());
  return base64Blob(url.slice(head[0].length), head[1]);
}

/** Base64 image bytes of `type` (PNG, JPEG or WebP), refused past the size no FLUX image comes near, before decoding. */
function base64Blob(data: string, type: string): Blob {
  if (!/^image\/(?:png|jpeg|webp)$/i.test(type))
    throw new UserPaysError('provider-error', openRouterText.imageNotData());
  if (data.length > (MAX_IMAGE_BYTES * 4) / 3)
    throw new UserPaysError('provider-error', generationText.imageTooLarge());
  return base64Image(data, type.toLowerCase());
}

/** `{error: {code, message}}`, the body of OpenRouter's own errors (@openrouter/sdk 1.3.19, *ResponseErrorData). */
const ownError = (body: any) => typeof body?.error?.code === 'number' && typeof body.error.message === 'string';

/**
 * OpenRouter's error contract (openrouter.ai/docs/api/errors, "Errors and Debugging"): 401 "Invalid credentials
 * (OAuth session expired, disabled/invalid API key)"; 403 "Forbidden (insufficient permissions, guardrail block, or
 * moderation flag)", each said in its body's `error.message` (@openrouter/sdk ForbiddenResponseErrorData: `{code,
 * message, metadata?}`; "If your input was flagged, the error.metadata will contain information about the issue":
 * `reasons`), or a key past its own limit ("Key limit exceeded (total limit). Manage it using
 * https://openrouter.ai/settings/keys": gptme/gptme#1449) — "flagged" only where the body says moderation. A 502
 * ("Your chosen model is down or we received an invalid response from it") or 503 ("There is no available model
 * provider that meets your routing requirements") in OpenRouter's own body delivered no image, and
 * OpenRouter does not bill a request without usable output (openrouter.ai/docs/guides/features/zero-completion-insurance:
 * "For image generation requests, usable output means the response delivered at least one image"): nothing booked. Any
 * other 5xx after the request left (a bare 502 from a proxy in front, a 500) may have been charged. The shared mapping
 * (`httpError`) for the rest.
 */
function openRouterError(error: HttpError, body: any, key: string, context: RunContext): HttpError {
  const status = error.status ?? 0;
  if (status === 401) error.say(openRouterText.keyRevoked());
  if (status === 403) {
    const said = ownError(body) ? scrubSecret(String(body.error.message), key).slice(0, 300) : '';
    const reasons = body?.error?.metadata?.reasons;
    const why = Array.isArray(reasons)
      ? reasons
          .filter((r) => typeof r === 'string')
          .join(', ')
          .slice(0, 100)
      : '';
    // Moderation and a key past its limit are said in our words (the categories flagged, whose cap it is and how to
    // raise it), not OpenRouter's, which name its model ids and settings pages; a key past its own limit is no
    // shortage of the account's credits, and not "add credit". Other refusals in its own words, which say why.
    const refused: HttpError = /moderation|flagged/i.test(said)
      ? new UserPaysError('moderated', openRouterText.flagged(why), false)
      : /key limit/i.test(said)
        ? new UserPaysError('invalid-input', openRouterText.keyLimit(!!context.keyMadeBySignIn), false)
        : new UserPaysError('invalid-input', openRouterText.refused(said, why), false);
    return Object.assign(refused, { status, answered: true });
  }
  if ((status === 502 || status === 503) && ownError(body)) error.uncharged = true;
  else if (status >= 500) error.uncertain = true;
  return error;
}

/** The image API's models at `endpoint` (`GET /api/v1/images/models`), read once per endpoint; none where unread. */
const imageModels: Record<string, Promise<Set<string>>> = {};

function listed(endpoint: string, context: RunContext, signal: AbortSignal): Promise<Set<string>> {
  return (imageModels[endpoint] ??= fetchJson(
    routed(`${endpoint}/api/v1/images/models`, context.relay),
    { method: 'GET', headers: { authorization: `Bearer ${context.apiKey}` } },
    signal,
    context.apiKey,
  ).then(
    (body) => new Set<string>(Array.isArray(body.data) ? body.data.map((m: any) => m?.id) : []),
    () => {
      delete imageModels[endpoint]; // read again next time: this time, chat completions
      return new Set<string>();
    },
  ));
}

/**
 * OpenRouter, FLUX.2 one image per call: through the dedicated image API for the models it lists, else chat
 * completions with image output.
 */
export class OpenRouterProvider implements Provider {
  readonly id = 'openrouter';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly tracksSpending = true;
  readonly account = openRouterAccount;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        keyOf(context, 'openrouter', true); // none: auth-required, before anything is sent (even the list of models)
        // An edit only by an instruction (edit-prices.ts): no request of OpenRouter's has a field for a mask.
        const kind = request.edit?.kind;
        if (kind && (kind !== 'instruction' || request.edit?.mask))
          throw new UserPaysError('invalid-input', editText.cannotEdit(modelName(request.model), kind), false);
        const endpoint = checkEndpoint(context.endpoint);
        // The other families go to the image API, pinned to the endpoint priced (families.ts): never chat.
        const family = request.wiring?.via;
        const pinned = family && request.wiring?.model;
        // Every family is wired to the model it pins (families.ts): one without is a fault, not a model to guess.
        if (family && !pinned) throw new Error(`The family ${request.model} is wired to no OpenRouter model`);
        const model = pinned || openRouterModel(request.model);
        const route = family || (await listed(endpoint, context, signal)).has(model) ? images : chat;
        signal.throwIfAborted(); // cancelled while the list was read: nothing sent
        context.onProgress?.({ status: generationText.generatingNow() });
        context.onSending?.();
        const reply = await post(endpoint + route.path, route.body(model, request), context, signal);
        const charge = chargeOf(reply.usage);
        const task = { provider: 'openrouter' as const, id: typeof reply.id === 'string' ? reply.id : '' };
        context.onAccepted?.(task, charge);
        const image = route.image(reply);
        if (!image) {
          // A 200 may carry an error (openrouter.ai/docs/api/reference/errors-and-debugging: "any error occurred
          // while the LLM is producing the output will be emitted in the response body"); what it billed is booked.
          const error = new UserPaysError('provider-error', openRouterText.noImage());
          error.billed = !!charge && charge.usd !== '0';
          error.answered = !error.billed;
          throw error;
        }
        context.onBilled?.(); // it answered with an image: made, and billed
        context.onProgress?.({ status: generationText.downloading(), progress: 1 });
        const made = await measured(image(), context.onBytes);
        // A cost said but beyond reason (a string, negative, over `MAX_USD`) is not the same as none said.
        const cost: unknown = reply.usage?.cost;
        const disbelieved = !charge && cost != null && reply.usage?.is_byok !== true ? figureSaid(cost) : undefined;
        return {
          image: { ...made, seed: request.seed },
          task,
          charge,
          unreported: !charge && !disbelieved,
          ...(disbelieved && { disbelieved }),
        };
      },
      this.id,
    );
  }

  /** OpenRouter's record of a generation by its id (generation-record.ts): what it charged, read after the fact. */
  readonly generationRecord = readGenerationRecord;

  /** What OpenRouter says the key spent this UTC day, week and month (key-usage.ts): the tally's "Reconcile". */
  readonly keyUsage = readKeyUsage;

  /** The image API's list and the other families' live prices (families.ts, `liveFamilies`): FLUX's are bundled. */
  livePrices(endpoint: string): Promise<LiveCatalogue | undefined> {
    return liveFamilies(checkEndpoint(endpoint));
  }

  /**
   * What the key has left of its own spending cap: `GET {endpoint}/api/v1/key` → `data.limit_remaining` (USD;
   * openrouter.ai/docs/api/api-reference/api-keys/get-current-key; @openrouter/sdk 1.3.19 GetCurrentKeyData:
   * `limit: number | null`, `limitRemaining: number | null`). Where it is null the key has no cap: that is said
   * (`uncapped`), and what is left is unknown. The account's credits are not read instead: `GET /api/v1/credits`
   * answers management keys only ("Management key required", openrouter.ai/docs/api/api-reference/credits/get-credits).
   */
  async balance(context: Parameters<NonNullable<Provider['balance']>>[0]): Promise<KeyBalance | undefined> {
    if (!context.apiKey) return undefined;
    let data: any;
    const usd = await readBalance(
      `${checkEndpoint(context.endpoint)}/api/v1/key`,
      { authorization: `Bearer ${context.apiKey}` },
      context,
      (body) => (data = inKnownUnit([], body, body?.data) ? body?.data : undefined)?.limit_remaining,
    );
    const uncapped = data?.limit_remaining === null;
    // `usage`: what the key has spent, in USD, capped or not (the same API reference; SDK: `usage: number`).
    const spent = Number.isFinite(data?.usage) && data.usage >= 0 ? new Decimal(data.usage) : undefined;
    // `limit`: the key's spending cap in USD, null without one (the same API reference; SDK: `limit: number | null`).
    const cap = Number.isFinite(data?.limit) && data.limit > 0 ? new Decimal(data.limit) : undefined;
    return usd || uncapped || spent ? { usd, uncapped, spent, cap } : undefined;
  }
}

/** POSTs `body` as JSON with the key; OpenRouter's errors mapped (`openRouterError`) with the reply's body. */
async function post(url: string, body: object, context: RunContext, signal: AbortSignal) {
  const key = keyOf(context, 'openrouter', true); // checked before anything is sent: never missing here
  let said: unknown;
  return fetchJson(
    routed(url, context.relay),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    signal,
    key,
    undefined,
    (body) => (said = body),
  ).catch((thrown: unknown) => {
    throw isHttpError(thrown) ? openRouterError(thrown, said, key, context) : thrown;
  });
}

/**
 * A reference image as OpenRouter takes one, a base64 data URL (@openrouter/sdk ContentPartImage, `{type: 'image_url',
 * image_url: {url}}`: the image API's `input_references`, "as base64 data URLs or HTTP(S) URLs", and a chat message's
 * image part).
 */
const imagePart = ({ dataUrl }: ReferenceImage) => ({ type: 'image_url', image_url: { url: dataUrl } });

/** One of OpenRouter's two ways to an image: where it is sent, what it is sent, and where the image is in the reply. */
interface Route {
  path: string;
  body(model: string, request: ProviderRequest): object;
  /**
   * How to read the image the reply carries (it is then made, and billed, whether or not its bytes can be read);
   * undefined where the reply has none.
   */
  image(reply: any): (() => Blob) | undefined;
}

/**
 * The image API (@openrouter/sdk 1.3.19 ImageGenerationRequest/Response: `POST /api/v1/images {model, prompt, n,
 * size, output_format, seed}` → `{data: [{b64_json, media_type}], usage}`): the exact size the price book fitted, as
 * `size: 'WxH'` ("An explicit pixel size is authoritative"); no `output_format` (the model's own: OpenRouter's models
 * have no controls the widget sets, `Provider.controls`).
 */
const images: Route = {
  path: '/api/v1/images',
  body: (model, { prompt, width, height, seed, inputs, wiring, ratio, quality }) => ({
    model,
    prompt,
    n: 1,
    // The other families (families.ts): pinned to the endpoint whose line was quoted, with no other to fall back on
    // ("Provider Routing": `only`, `allow_fallbacks: false`); the quality or resolution tier priced, always (a price
    // by the megapixel has none: the tier of the size fitted); a model sized by ratio at its ratio, GPT Image at its size.
    ...(wiring?.via
      ? {
          provider: { only: [wiring.via], allow_fallbacks: false },
          ...(ratio
            ? { aspect_ratio: ratio, resolution: quality ?? imageSize(width, height) }
            : { size: `${width}x${height}`, quality }),
        }
      : { size: `${width}x${height}` }),
    ...(inputs?.length ? { input_references: inputs.map(imagePart) } : {}),
    seed,
  }),
  image(reply) {
    const data = Array.isArray(reply.data) ? reply.data[0] : undefined;
    if (typeof data?.b64_json !== 'string') return undefined;
    return () => base64Blob(data.b64_json, typeof data.media_type === 'string' ? data.media_type : 'image/png');
  },
};

/**
 * Chat completions with image output (openrouter.ai/docs/guides/overview/multimodal/image-generation): image-only
 * models (FLUX) take `modalities: ["image"]`; `image_config: { aspect_ratio, image_size }`; images come back as data
 * URLs in `choices[0].message.images[].image_url.url`.
 */
const chat: Route = {
  path: '/api/v1/chat/completions',
  body: (model, { prompt, width, height, ratio, seed, inputs }) => ({
    model,
    messages: [
      { role: 'user', content: inputs?.length ? [{ type: 'text', text: prompt }, ...inputs.map(imagePart)] : prompt },
    ],
    modalities: ['image'],
    image_config: { aspect_ratio: ratio ?? aspectRatio(width, height), image_size: imageSize(width, height) },
    seed,
  }),
  image(reply) {
    const url = reply.choices?.[0]?.message?.images?.[0]?.image_url?.url;
    return typeof url === 'string' ? () => dataUrlBlob(checkImageUrl(url)) : undefined;
  },
};

/** OpenRouter's adapter, as the registry loads it (registry.ts). */
export const provider = new OpenRouterProvider();
