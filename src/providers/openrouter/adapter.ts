import Decimal from 'decimal.js';
import { UserPaysError } from '../../base/errors.js';
import { aspectRatio } from '../../pricing/index.js';
import {
  MAX_IMAGE_BYTES,
  base64Image,
  fetchJson,
  guard,
  measured,
  readBalance,
  type HttpError,
} from '../engine/http.js';
import { checkImageUrl, routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import type { Charge, Provider, ProviderOutcome, ProviderRequest, RunContext } from '../provider.js';
import * as text from '../../strings/generation.js';
import { openRouterAccount } from './account.js';
import { info } from './info.js';
import * as openRouterText from './words.js';

/**
 * OpenRouter (openrouter.ai), paid from the user's own OpenRouter credits: with a key they paste, or one they get by
 * signing in (OAuth PKCE, `openRouterAccount`: account.ts). `endpoint` (default https://openrouter.ai) names both the sign-in
 * page (`{endpoint}/auth`) and the API (`{endpoint}/api/v1`). Sources beside each rule: openrouter.ai/docs.
 */

/** Our model id → OpenRouter's: `flux-2-klein-4b` → `black-forest-labs/flux.2-klein-4b`. */
export const openRouterModel = (model: string) => 'black-forest-labs/' + model.replace(/^flux-2-/, 'flux.2-');

/**
 * The `image_size` tier of a size the price book fitted (OPENROUTER_SIZES in prices.ts: about 1 MP or 4 MP):
 * "1K" or "2K" (openrouter.ai/docs, ImageGenerationRequestResolution: "512" | "1K" | "2K" | "4K").
 */
export const imageSize = (width: number, height: number) => (width * height > 2 * 1024 * 1024 ? '2K' : '1K');

/** No image costs more than this: FLUX.2 [max] at 4 MP is $0.16. A larger `usage.cost` is no report. */
const MAX_USD = 100;

/**
 * What OpenRouter says it charged (`usage.cost`, USD: "every response carries usage.cost", openrouter.ai/docs,
 * "Usage Accounting"), as money, to the nanodollar (a JSON number's float noise is far below). Anything else —
 * absent, null, a string, negative, absurd — is no report: the quote is booked and the user told so.
 */
export function chargeOf(cost: unknown): Charge | undefined {
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0 || cost > MAX_USD) return undefined;
  return { usd: new Decimal(cost).toDecimalPlaces(9).toString() };
}

/**
 * A `data:image/…;base64,` URL's bytes, the one form OpenRouter sends images in (openrouter.ai/docs, "Image
 * Generation": "base64-encoded data URLs"): anything else (a link, data that is not base64) is refused saying so, and
 * an image past the size no FLUX image comes near, before it is decoded.
 */
function dataUrlBlob(url: string): Blob {
  const head = /^data:(image\/(?:png|jpeg|webp));base64,/i.exec(url);
  if (!head) throw new UserPaysError('provider-error', openRouterText.imageNotData());
  if (url.length - head[0].length > (MAX_IMAGE_BYTES * 4) / 3) {
    throw new UserPaysError('provider-error', text.imageTooLarge());
  }
  return base64Image(url.slice(head[0].length), head[1].toLowerCase());
}

/**
 * OpenRouter's error contract (openrouter.ai/docs/api/reference/errors-and-debugging): 401 "Invalid credentials
 * (OAuth session expired, disabled/invalid API key)", 402 "insufficient credits", 403 "Your chosen model requires
 * moderation and your input was flagged", 429 rate limited; the shared mapping (`httpError`) for the rest, with
 * OpenRouter's words where its own differ.
 */
function openRouterError(error: HttpError): HttpError {
  if (error.status === 401) error.message = openRouterText.keyRevoked();
  if (error.status === 403) {
    const moderated: HttpError = new UserPaysError('moderated', openRouterText.flagged(), false);
    Object.assign(moderated, { status: 403, answered: true });
    return moderated;
  }
  return error;
}

/** OpenRouter's chat completions with image output, one image per call. */
export class OpenRouterProvider implements Provider {
  readonly id = 'openrouter';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly account = openRouterAccount;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = context.apiKey;
        if (!key) throw new UserPaysError('auth-required', text.keyMissing('openrouter'));
        const { width, height } = request;
        context.onProgress?.({ status: text.generatingNow() });
        context.onSending?.();
        // openrouter.ai/docs/guides/overview/multimodal/image-generation: image-only models (FLUX) take
        // `modalities: ["image"]`; `image_config: { aspect_ratio, image_size }`; images come back as data URLs in
        // `choices[0].message.images[].image_url.url`.
        const reply = await fetchJson(
          routed(`${checkEndpoint(context.endpoint)}/api/v1/chat/completions`, context.relay),
          {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              model: openRouterModel(request.model),
              messages: [{ role: 'user', content: request.prompt }],
              modalities: ['image'],
              image_config: {
                aspect_ratio: request.ratio ?? aspectRatio(width, height),
                image_size: imageSize(width, height),
              },
              seed: request.seed,
            }),
          },
          signal,
          key,
        ).catch((thrown: unknown) => {
          throw thrown instanceof UserPaysError ? openRouterError(thrown as HttpError) : thrown;
        });
        const charge = chargeOf(reply.usage?.cost);
        const task = { provider: 'openrouter' as const, id: typeof reply.id === 'string' ? reply.id : '' };
        context.onAccepted?.(task, charge);
        const url = reply.choices?.[0]?.message?.images?.[0]?.image_url?.url;
        if (typeof url !== 'string') {
          // A 200 may carry an error (openrouter.ai/docs/api/reference/errors-and-debugging: "any error occurred
          // while the LLM is producing the output will be emitted in the response body"); what it billed is booked.
          const error = new UserPaysError('provider-error', openRouterText.noImage());
          error.billed = !!charge && charge.usd !== '0';
          error.answered = !error.billed;
          throw error;
        }
        context.onBilled?.(); // it answered with an image: made, and billed
        context.onProgress?.({ status: text.downloading(), progress: 1 });
        const image = await measured(dataUrlBlob(checkImageUrl(url)), context.onBytes);
        return { image: { ...image, seed: request.seed }, task, charge, unreported: !charge };
      },
      this.id,
    );
  }

  /**
   * What the key has left: `GET {endpoint}/api/v1/key` → `data.limit_remaining` (a key with a credit limit, as a
   * sign-in's key may have; openrouter.ai/docs/api/api-reference/api-keys/get-current-key), else `GET
   * /api/v1/credits` → `data.total_credits − data.total_usage` (which OpenRouter answers management keys only:
   * openrouter.ai/docs/api/api-reference/credits/get-credits). Undefined where neither says.
   */
  async balance(context: Parameters<NonNullable<Provider['balance']>>[0]) {
    if (!context.apiKey) return undefined;
    const api = `${checkEndpoint(context.endpoint)}/api/v1`;
    const headers = { authorization: `Bearer ${context.apiKey}` };
    return (
      (await readBalance(`${api}/key`, headers, context, (body) => body?.data?.limit_remaining)) ??
      readBalance(`${api}/credits`, headers, context, (body) => {
        const { total_credits: total, total_usage: used } = body?.data ?? {};
        return typeof total === 'number' && typeof used === 'number' ? new Decimal(total).sub(used).toNumber() : NaN;
      })
    );
  }
}

/** OpenRouter's adapter, as the registry loads it (registry.ts). */
export const provider = new OpenRouterProvider();
