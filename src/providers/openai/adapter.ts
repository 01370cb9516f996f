import { isRecord } from '../../base/checks.js';
import { UserPaysError } from '../../base/errors.js';
import {
  MAX_IMAGE_BYTES,
  base64Image,
  downloadImage,
  fetchJson,
  guard,
  measured,
  startOneCall,
  type HttpError,
} from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { chargeOfTokens, tokensSaid } from '../engine/token-charge.js';
import { checkEndpoint, parse } from '../urls.js';
import type {
  Charge,
  Provider,
  ProviderImage,
  ProviderOutcome,
  ProviderRequest,
  RunContext,
  Wiring,
} from '../provider.js';
import type { TokenRates } from '../../pricing/index.js';
import { editPath, startEdit } from './edit-request.js';
import { info } from './info.js';
import { openaiWords } from './words.js';
import { sayer } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';

const text = sayer('openai', openaiWords);

/** Where an OpenAI organization is verified (its settings, "General"), linked from the refusal that asks for it. */
const VERIFY_URL = 'https://platform.openai.com/settings/organization/general';

/** The name gateways give our models (`flux-2-klein-9b` → `black-forest-labs/flux-2-klein-9b`). */
export const gatewayModel = (model: string) => 'black-forest-labs/' + model;

/**
 * Where a gateway's images are made: `path` (a price-book entry's) under the endpoint, the endpoint given with or
 * without the part of the path before `/images/` (an endpoint given the OpenAI SDK way, `…/v1`, or DeepInfra's
 * `…/v1/openai`, works too). The key goes there: a path that would lead off the endpoint's origin is refused.
 */
export function gatewayUrl(endpoint: string, path: string): string {
  const base = path.slice(0, path.lastIndexOf('/images/'));
  const url = (base && endpoint.endsWith(base) ? endpoint.slice(0, -base.length) : endpoint) + path;
  if (!/^\//.test(path) || new URL(url).origin !== new URL(endpoint).origin) {
    throw new UserPaysError('invalid-input', text.badPath(path), false);
  }
  return url;
}

/** A `b64_json` image: its bytes (their type read from the first bytes: PNG unless JPEG or WebP) and size. */
function decoded(b64: string, onBytes: RunContext['onBytes']): Promise<ProviderImage> {
  const type = b64.startsWith('/9j/') ? 'jpeg' : b64.startsWith('UklGR') ? 'webp' : 'png';
  return measured(base64Image(b64, 'image/' + type), onBytes);
}

/**
 * What an image billed in tokens cost, from the reply's `usage` (OpenAI's Image API reference, "The image generation
 * response": `input_tokens` with `input_tokens_details` {text_tokens, image_tokens}, `output_tokens` with
 * `output_tokens_details` {image_tokens, text_tokens} where the model writes text): each part × its rate per million,
 * exactly. A total without its parts is the prompt's text (in) and the image (out); text written by a model that has no
 * rate for it is billed at its image rate (prices.ts). None where the reply has no usage, or one that is not whole
 * numbers of tokens, its parts within its totals (read strictly, as every reported amount: docs/contract.md, Money):
 * the bound is booked then.
 */
export function chargeOfUsage(usage: unknown, rates: TokenRates): Charge | undefined {
  if (!isRecord(usage)) return undefined;
  const part = (details: unknown, name: string) =>
    isRecord(details) && name in details ? tokensSaid(details[name]) : 0;
  const input = tokensSaid(usage.input_tokens);
  const output = tokensSaid(usage.output_tokens);
  const imageIn = part(usage.input_tokens_details, 'image_tokens');
  const textOut = part(usage.output_tokens_details, 'text_tokens');
  return chargeOfTokens({ textIn: input - imageIn, imageIn, imageOut: output - textOut, textOut }, rates);
}

/** The generations call's JSON body: one image of the model, at the size and quality priced. */
function generationBody(request: ProviderRequest, model: string, sizeAs: Wiring['sizeAs']): string {
  const { width, height } = request;
  return JSON.stringify({
    model,
    prompt: request.prompt,
    n: 1,
    // Together AI reads `width` and `height` and ignores `size` (test/recorded/together-flux-2-max.json asks for
    // 512×512 so); OpenAI and the others read `size`.
    ...(sizeAs === 'width-height' ? { width, height } : { size: `${width}x${height}` }),
    // GPT Image: the quality priced, always (OpenAI's default, `auto`, is its own choice and price).
    ...(request.quality && { quality: request.quality }),
  });
}

/**
 * OpenAI's Image API (GPT Image, at https://api.openai.com unless the page names another endpoint) and
 * OpenAI-compatible gateways (`POST {endpoint}/v1/images/generations`), paid from the user's own account: one
 * synchronous call per image, the image as a URL (fetched without the key) or as base64. A model billed in tokens is
 * sent its quality and size always, and booked at its `usage` × the price book's rates.
 * The price book says how each gateway wants the request (`wiring`: path, size fields, its name for the model) and
 * what it costs; the host page sets both (and any top-up fee) in `priceBook` for a gateway not built in.
 */
export class OpenAiProvider implements Provider {
  readonly id = 'openai';
  /** OpenAI's own Image API, unless the page names a gateway (or the user's proxy) in `endpoint`. */
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  /**
   * GPT Image treats an edit's mask as advice: it repaints pixels the mask keeps (vercel/ai#14360 measured half of
   * them changed on gpt-image-1; Wei-Shaw/sub2api#6273 saw the same on gpt-image-2), so the widget lays the result over
   * the original through the mask (SPEC §13).
   */
  readonly softMasks = true;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const {
          model = gatewayModel(request.model),
          path = '/v1/images/generations',
          sizeAs,
          rates,
        } = request.wiring ?? {};
        // An edit goes to the edits call as multipart (edit-request.ts), its content type and boundary the browser's.
        // GPT Image (billed in tokens) takes reference images only there: images attached to a generation are an
        // instruction edit of the first (OpenAI's API reference has no images on the generations call).
        const edit = request.edit ?? (rates && request.inputs?.length ? { kind: 'instruction' as const } : undefined);
        const { key, body } = edit
          ? await startEdit({ ...request, edit }, context, model)
          : { key: startOneCall(request, context, 'openai'), body: generationBody(request, model, sizeAs) };
        let refusal: unknown;
        const reply = await fetchJson(
          routed(gatewayUrl(checkEndpoint(context.endpoint), edit ? editPath(path) : path), context.relay),
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${key}`,
              ...(typeof body === 'string' && { 'content-type': 'application/json' }),
            },
            body,
          },
          signal,
          key,
          undefined,
          (refused) => (refusal = refused),
        ).catch((error: HttpError) => {
          // OpenAI refuses a model to an organization it has not verified with a 403 (receptron/mulmocast-app#1090
          // quotes it: "Your organization must be verified to use the model…"): the key is good, not "rejected".
          if (error.status === 403 && /organization must be verified/i.test(JSON.stringify(refusal ?? ''))) {
            const unverified = new UserPaysError('provider-error', text.organizationUnverified(VERIFY_URL), false);
            unverified.answered = true;
            throw unverified;
          }
          throw error;
        });
        const image = reply.data?.[0] ?? {};
        context.onBilled?.(); // the gateway answered: it made (and bills) the image, whatever happens to it now
        context.onProgress?.({ status: generationText.downloading(), progress: 1 });
        if (typeof image.b64_json === 'string' && image.b64_json.length > (MAX_IMAGE_BYTES * 4) / 3) {
          throw new UserPaysError('provider-error', generationText.imageTooLarge());
        }
        const made =
          typeof image.b64_json === 'string'
            ? await decoded(image.b64_json, context.onBytes)
            : await downloadImage(image.url, signal, context);
        const charge = rates && chargeOfUsage(reply.usage, rates);
        return { image: made, task: { provider: 'openai', id: '' }, ...(charge && { charge }) };
      },
      this.id,
      // At OpenAI's own address the user pays OpenAI, and is told so; a gateway has no name of its own.
      parse(context.endpoint)?.origin === parse(this.defaultEndpoint)?.origin ? info.ownName : this.id,
    );
  }
}

/** The gateways' adapter, as the registry loads it (registry.ts). */
export const provider = new OpenAiProvider();
