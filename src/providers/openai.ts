import { UserPaysError } from '../base/errors.js';
import { providerInfo } from './catalog.js';
import { MAX_IMAGE_BYTES, downloadImage, fetchJson, guard, measured } from './http.js';
import { routed } from './provider-urls.js';
import { checkEndpoint } from './urls.js';
import type { Provider, ProviderImage, ProviderOutcome, ProviderRequest, RunContext } from './provider.js';
import * as generationText from '../strings/generation.js';
import * as pricesText from '../strings/prices.js';

/** The name gateways give our models (`flux-2-klein-9b` → `black-forest-labs/flux-2-klein-9b`). */
export const gatewayModel = (model: string) => 'black-forest-labs/' + model;

/** A `b64_json` image: its bytes (their type read from the first bytes: PNG unless JPEG or WebP) and size. */
function decoded(b64: string, onBytes: RunContext['onBytes']): Promise<ProviderImage> {
  const type = b64.startsWith('/9j/') ? 'jpeg' : b64.startsWith('UklGR') ? 'webp' : 'png';
  return measured(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/' + type }), onBytes);
}

/**
 * OpenAI-compatible gateways (`POST {endpoint}/v1/images/generations`), paid from the user's own gateway
 * account: one synchronous call per image, the image as a URL (fetched without the key) or as base64.
 * Gateways price per image; the host page sets that price (and any top-up fee) in `priceBook`.
 */
export class OpenAiProvider implements Provider {
  readonly id = 'openai';
  /** No public default: the host page names its gateway (or the user's proxy) in `endpoint`. */
  readonly defaultEndpoint = providerInfo('openai')!.defaultEndpoint();
  readonly needsKey = true;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = context.apiKey;
        if (!key) throw new UserPaysError('auth-required', generationText.keyMissing('openai'));
        if (request.inputs?.length) {
          throw new UserPaysError('invalid-input', pricesText.referencesUnsupported(), false);
        }
        context.onProgress?.({ status: generationText.generatingNow() });
        // An endpoint given the OpenAI SDK way (…/v1) works too.
        context.onSending?.();
        const reply = await fetchJson(
          routed(`${checkEndpoint(context.endpoint).replace(/\/v1$/, '')}/v1/images/generations`, context.relay),
          {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              model: request.providerModel ?? gatewayModel(request.model),
              prompt: request.prompt,
              n: 1,
              size: `${request.width}x${request.height}`,
            }),
          },
          signal,
          key,
        );
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
        return { image: made, task: { provider: 'openai', id: '' } };
      },
      this.id,
    );
  }
}
