import { UserPaysError } from '../base/errors.js';
import type { ProviderId } from '../base/types.js';
import { providerInfo } from './catalog.js';
import { downloadImage, fetchJson, guard, readBalance, type HttpError } from './http.js';
import { checkProviderUrl, routed } from './provider-urls.js';
import { checkEndpoint } from './urls.js';
import { pollUntil } from './poll.js';
import type { Provider, ProviderOutcome, ProviderRequest, ProviderTask, RunContext } from './provider.js';
import { generation } from '../strings/generation.js';
import { sayer } from '../strings/strings.js';

const text = sayer('generation', generation);

/**
 * fal's endpoint id for one of our models (FLUX.2): `flux-2-klein-4b` → `fal-ai/flux-2/klein/4b`, `flux-2-pro` →
 * `fal-ai/flux-2-pro`, and [dev] at fal's bare `fal-ai/flux-2` (fal-js libs/client/src/types/endpoints.ts at
 * 381105e: "fal-ai/flux-2" takes Flux2Input); with reference images its `/edit` endpoint.
 */
export const falEndpointId = (model: string, edit?: unknown) =>
  'fal-ai/' +
  model.replace(/^flux-2-klein-/, 'flux-2/klein/').replace(/^flux-2-dev$/, 'flux-2') +
  (edit ? '/edit' : '');

/** The JSON input of one image: custom `image_size`, references as data URIs in `image_urls` (edit endpoints). */
export function falBody(request: ProviderRequest): Record<string, unknown> {
  const { width, height, inputs } = request;
  return {
    prompt: request.prompt,
    image_size: { width, height },
    seed: request.seed,
    num_images: 1,
    output_format: request.outputFormat ?? 'png',
    image_urls: inputs?.length ? inputs.map((input) => input.dataUrl) : undefined,
  };
}

/**
 * "Queued (position 2)" from fal's `queue_position` (0 first): a whole number of people ahead, else no position
 * ("Queued"), never a hostile or broken one (1e308, "3", -1) shown as a place in the queue.
 */
export const queueStatus = (position: unknown) =>
  Number.isSafeInteger(position) && (position as number) >= 0 ? text.queuedAt((position as number) + 1) : text.queued();

/** The user's key, or `auth-required`: fal wants it for the status and result too. */
function keyOf(context: Pick<RunContext, 'apiKey'>): string {
  if (context.apiKey) return context.apiKey;
  throw new UserPaysError('auth-required', text.keyMissing('fal'));
}

/**
 * fal's queue (queue.fal.run), paid with the user's own key: submit, follow `status_url` (queue position,
 * then logs, as progress), fetch `response_url`, and `PUT cancel_url` when cancelled or timed out
 * (fal bills only finished requests).
 */
export class FalProvider implements Provider {
  readonly id = 'fal';
  readonly defaultEndpoint = providerInfo('fal')!.defaultEndpoint();
  readonly needsKey = true;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = keyOf(context);
        context.onSending?.();
        const reply = await fetchJson(
          routed(
            `${checkEndpoint(context.endpoint)}/${falEndpointId(request.model, request.inputs?.length)}`,
            context.relay,
          ),
          {
            method: 'POST',
            headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(falBody(request)),
          },
          signal,
          key,
        );
        if (typeof reply.request_id !== 'string') throw new UserPaysError('provider-error', text.unreadableReply());
        const task: ProviderTask = {
          provider: 'fal',
          id: reply.request_id,
          pollingUrl: reply.status_url,
          responseUrl: reply.response_url,
          cancelUrl: reply.cancel_url,
        };
        context.onAccepted?.(task);
        return this.finish(task, context, signal);
      },
      this.id,
    );
  }

  resume(task: ProviderTask, context: RunContext): Promise<ProviderOutcome> {
    return guard(context, (signal) => this.finish(task, context, signal), this.id);
  }

  /**
   * fal's Platform API, `GET /v1/account/billing?expand=credits` → `{ username, credits: { current_balance, currency
   * } }` (fal.ai/docs/platform-apis/v1/account/billing), at `https://api.fal.ai` for fal's own queue (fal's API host,
   * named here, never taken from a reply), else at the endpoint itself (a proxy or simulator of both). It answers
   * only an Admin API key: with an ordinary key there is no balance, quietly.
   */
  balance(context: Parameters<NonNullable<Provider['balance']>>[0]) {
    const endpoint = checkEndpoint(context.endpoint);
    const base = endpoint === this.defaultEndpoint ? 'https://api.fal.ai' : endpoint;
    const read = (body: any) => (body?.credits?.currency === 'USD' ? body.credits.current_balance : undefined);
    return readBalance(
      `${base}/v1/account/billing?expand=credits`,
      { authorization: `Key ${keyOf(context)}` },
      context,
      read,
    );
  }

  private async finish(task: ProviderTask, context: RunContext, signal: AbortSignal): Promise<ProviderOutcome> {
    const key = keyOf(context);
    const endpoint = checkEndpoint(context.endpoint);
    // The queue URLs sit on the endpoint's own origin. One on another origin (a proxy that passes fal's
    // replies through unchanged) is rebased onto the endpoint from `/{app}/requests/…` on, so the key
    // never leaves the endpoint's origin.
    const at = (url?: string) => {
      const u = new URL(checkProviderUrl(url));
      return u.origin === new URL(endpoint).origin
        ? u.href
        : endpoint + (/\/[^/]+\/[^/]+\/requests\/.*/.exec(u.pathname) ?? [u.pathname])[0] + u.search;
    };
    const [status, response, cancelUrl] = [task.pollingUrl, task.responseUrl, task.cancelUrl].map(at);
    const via = (url: string) => routed(url, context.relay);
    const init = { headers: { authorization: `Key ${key}` } };
    // fal bills only requests that finish: one cancelled while still queued cost nothing. (Cancelled while in
    // progress, or already finished, it may have been billed: the caller books it as uncertain.)
    let state = 'IN_QUEUE';
    let cancelling: Promise<void> | undefined;
    const cancel = () =>
      (cancelling = fetch(via(cancelUrl), { ...init, method: 'PUT', credentials: 'omit', redirect: 'manual' })
        .then((reply) => {
          if (reply.ok && state === 'IN_QUEUE') context.onUncharged?.();
        })
        .catch(() => {}));
    signal.addEventListener('abort', cancel);
    const { onProgress } = context;
    onProgress?.({ status: text.queued() });
    try {
      await pollUntil(
        () => fetchJson(via(status + '?logs=1'), init, signal, key),
        (reply) => {
          state = reply.status;
          if (state === 'COMPLETED') return { done: reply };
          if (state === 'IN_QUEUE') onProgress?.({ status: queueStatus(reply.queue_position) });
          else if (state === 'IN_PROGRESS') {
            // fal's own words (its last log line) as they are, where it has any.
            const log: unknown = reply.logs?.at(-1)?.message;
            const own = log !== undefined && log !== null;
            onProgress?.({ status: own ? { text: String(log).slice(0, 80) } : text.generatingNow() });
          } else throw new UserPaysError('provider-error', text.cannotMake());
          return {};
        },
        signal,
        context.poll,
      );
      // A request that failed (content policy, validation, model error) answers here with its error: one that
      // says so (4xx) was not billed; a 5xx may be the request or only this reply.
      const result = await fetchJson(via(response), init, signal, key).catch((error: HttpError) => {
        if (error.status && error.status < 500) context.onUncharged?.();
        throw error;
      });
      context.onBilled?.(); // it finished with images: fal has billed it, whatever happens to the download
      return await falOutcome(result, 'fal', task, context, signal);
    } catch (error) {
      // Given up (cancel, deadline, a provider that stopped answering): cancel it at fal too, so that it is not
      // finished and billed for nobody; what the cancel finds decides what is booked, so wait for it.
      if (!cancelling && !signal.aborted) cancel();
      await cancelling;
      throw error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }
}

/**
 * A finished fal result (fal's own, or passed on by Hugging Face's router: `provider`) as an outcome. [klein] and
 * [dev] run fal's safety checker (`enable_safety_checker`, default true) and say what it found in
 * `has_nsfw_concepts`, one per image (v4Output in fal-js libs/client/src/types/endpoints.ts at 381105e): a flagged
 * image is sent black in its place. fal withholds the image but bills the request, so the widget does too.
 */
export async function falOutcome(
  result: { has_nsfw_concepts?: boolean[]; images?: { url?: string }[]; seed?: unknown },
  provider: ProviderId,
  task: ProviderTask,
  context: RunContext,
  signal: AbortSignal,
): Promise<ProviderOutcome> {
  if (result.has_nsfw_concepts?.[0] === true) {
    const error = new UserPaysError('moderated', text.safetyWithheld(provider), false);
    error.billed = true;
    throw error;
  }
  context.onProgress?.({ status: text.downloading(), progress: 1 });
  const image = await downloadImage(result.images?.[0]?.url, signal, context);
  const seed = result.seed;
  return { image: { ...image, seed: typeof seed === 'number' ? seed : undefined }, task };
}
