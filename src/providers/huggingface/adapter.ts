import { UserPaysError } from '../../base/errors.js';
import { falEndpointId, falOutcome, queueStatus } from '../fal/queue.js';
import { fetchJson, guard, isHttpError, keyOf, type HttpError } from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { checkEndpoint, parse } from '../urls.js';
import { pollUntil } from '../engine/poll.js';
import type { Provider, ProviderOutcome, ProviderRequest, ProviderTask, RunContext } from '../provider.js';
import { prices } from '../../strings/prices.js';
import { huggingFaceAccount, huggingFaceText } from './account.js';
import { info } from './info.js';
import { sayer } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';

const pricesText = sayer('prices', prices);

/**
 * Hugging Face's Inference Providers, paid from the signed-in user's HF account: every request goes to the router
 * (`https://router.huggingface.co`, or the page's `endpoint`) with `Authorization: Bearer <token>`, the token of
 * "Sign in with Hugging Face" (scope `inference-api`, account.ts) or a user access token. The router
 * passes a request under `/<routed provider>/…` on to that provider, billed to the user's HF account at that
 * provider's price.
 *
 * Routed provider: fal (`fal-ai`) for every model, as `@huggingface/inference` 4.13.30 speaks to it for text to image
 * (src/providers/fal-ai.ts, FalAITextToImageTask and FalAiQueueTask; src/lib/makeRequestOptions.ts):
 *   POST {endpoint}/fal-ai/{fal model id}?_subdomain=queue   Bearer, JSON `{prompt, …fal's input}` → fal's queue reply
 *        `{request_id, status, response_url, status_url}`, its URLs on fal's own host (queue.fal.run)
 *   GET  {endpoint}/fal-ai{path of response_url}/status?_subdomain=queue   (`status`: IN_QUEUE, IN_PROGRESS, COMPLETED)
 *   GET  {endpoint}/fal-ai{path of response_url}?_subdomain=queue          fal's result `{images: [{url}], seed, …}`
 * The client rebuilds the status and result URLs on the router from the path of `response_url` (never its host), so
 * the token never leaves the endpoint's origin; the image is fetched from fal's CDN without it. The fal model id is
 * the price book's `model` (`fal-ai/flux/schnell`…; default: fal's id for our model, fal/queue.ts).
 *
 * Errors (huggingface.co/docs/inference-providers: the router answers for the account before the provider sees the
 * request): 401 (no token, a bad or expired one) and 403 (a token without the inference permission: an OAuth token
 * without `inference-api`) → `auth-required`, signing in again is the way out; 402 (no credits: a free account has
 * none included and cannot pay as it goes) → `insufficient-funds`, with the way out (buy credits or PRO); 429 → `rate-limited`; fal's own answers as for fal.
 * There is no balance: Hugging Face answers no endpoint of the router what a token's account has left.
 */
export class HuggingFaceProvider implements Provider {
  readonly id = 'huggingface';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly account = huggingFaceAccount;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guarded(context, async (signal) => {
      const token = tokenOf(context);
      if (request.inputs?.length) {
        throw new UserPaysError('invalid-input', pricesText.referencesUnsupported(), false);
      }
      const endpoint = checkEndpoint(context.endpoint);
      const model = request.wiring?.model ?? falEndpointId(request.model);
      const { width, height } = request;
      context.onSending?.();
      const reply = await send(
        `${endpoint}/fal-ai/${model}${QUERY}`,
        {
          method: 'POST',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          // fal's input (fal-js endpoints.ts: FluxDevInput, Flux2Klein4bInput…): the client sends `{...parameters,
          // prompt}` as it is, and fal reads the size from `image_size` only.
          body: JSON.stringify({
            prompt: request.prompt,
            image_size: { width, height },
            seed: request.seed,
            num_images: 1,
            output_format: 'png',
          }),
        },
        signal,
        token,
      );
      // `new URL(response_url).pathname` (FalAiQueueTask.getResponseFromQueueApi): only fal's queue path is kept.
      const path = /^\/[\w.-]+\/[\w./-]+\/requests\/[\w-]+$/.exec(pathOf(reply.response_url))?.[0];
      if (typeof reply.request_id !== 'string' || !path) {
        throw new UserPaysError('provider-error', generationText.unreadableReply());
      }
      const result = `${endpoint}/fal-ai${path}`;
      const task: ProviderTask = {
        provider: 'huggingface',
        id: reply.request_id,
        pollingUrl: `${result}/status${QUERY}`,
        responseUrl: result + QUERY,
      };
      context.onAccepted?.(task);
      return finish(task, context, signal, request.prompt);
    });
  }

  resume(task: ProviderTask, context: RunContext): Promise<ProviderOutcome> {
    return guarded(context, (signal) => finish(task, context, signal));
  }
}

/**
 * `guard` (every adapter's timeout, cancel and words), with Hugging Face's way out of its refusal to bill the account
 * (402: no credits, and a free account cannot pay as it goes): buy credits or PRO.
 */
function guarded<T>(context: RunContext, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return guard(context, work, 'huggingface').catch((error: UserPaysError) => {
    if (error.code === 'insufficient-funds') error.say(huggingFaceText.noCredits());
    throw error;
  });
}

/** The router's query for fal's queue (FalAiQueueTask.makeRoute with an HF token). */
const QUERY = '?_subdomain=queue';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const pathOf = (url: unknown) => parse(url)?.pathname ?? '';

/** The user's token, or `auth-required` (`keyOf`): the router wants it for the status and the result too. */
const tokenOf = (context: RunContext) => keyOf(context, 'huggingface', true);

/**
 * `fetchJson` with the router's words for the account: 401 and 403 ask for a new sign-in (`auth-required`, as
 * answered: nothing was sent on), the rest as every provider's (`httpError`).
 */
async function send(url: string, init: RequestInit, signal: AbortSignal, token: string) {
  try {
    return await fetchJson(url, init, signal, token);
  } catch (thrown) {
    const status = isHttpError(thrown) ? thrown.status : undefined;
    if (status !== 401 && status !== 403) throw thrown;
    const error = new UserPaysError(
      'auth-required',
      status === 401 ? huggingFaceText.tokenRefused() : huggingFaceText.scopeMissing(),
    );
    error.answered = true;
    throw error;
  }
}

/**
 * Follows fal's queue through the router until the result, then fetches the image (without the token); `sent`: the
 * prompt sent (unknown on a resume).
 */
async function finish(
  task: ProviderTask,
  context: RunContext,
  signal: AbortSignal,
  sent?: string,
): Promise<ProviderOutcome> {
  const token = tokenOf(context);
  const origin = new URL(checkEndpoint(context.endpoint)).origin;
  // Only ever the endpoint's own origin: a task from elsewhere (storage tampered with) gets no token.
  const [status, response] = [task.pollingUrl, task.responseUrl].map((url) => {
    if (!url || new URL(url).origin !== origin)
      throw new UserPaysError('provider-error', generationText.addressRefused(), false);
    return routed(url, context.relay);
  });
  const init = { headers: bearer(token) };
  const { onProgress } = context;
  onProgress?.({ status: generationText.queued() });
  await pollUntil(
    () => send(status, init, signal, token),
    (reply) => {
      if (reply.status === 'COMPLETED') return { done: true };
      if (reply.status === 'IN_QUEUE') onProgress?.({ status: queueStatus(reply.queue_position) });
      else if (reply.status === 'IN_PROGRESS') onProgress?.({ status: generationText.generatingNow() });
      else throw new UserPaysError('provider-error', generationText.cannotMake());
      return {};
    },
    signal,
    context.poll,
  );
  // A request that failed at fal answers here with its error: one that says so (4xx) was not billed.
  const result = await send(response, init, signal, token).catch((error: HttpError) => {
    if (error.status && error.status < 500) context.onUncharged?.();
    throw error;
  });
  context.onBilled?.(); // fal bills a finished request, and Hugging Face passes the charge on
  return falOutcome(result, 'huggingface', task, context, signal, sent);
}

/** Hugging Face's adapter, as the registry loads it (registry.ts). */
export const provider = new HuggingFaceProvider();
