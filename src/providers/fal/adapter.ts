import { UserPaysError } from '../../base/errors.js';
import { fetchJson, guard, keyOf, readBalance, type HttpError } from '../engine/http.js';
import { checkProviderUrl, routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import { pollUntil } from '../engine/poll.js';
import { settingsCheck, wireSettings } from '../engine/controls.js';
import type { Provider, ProviderOutcome, ProviderRequest, ProviderTask, RunContext } from '../provider.js';
import { FAL_WIRE, falControls } from './controls.js';
import { info } from './info.js';
import { falEndpointId, falOutcome, queueStatus } from './queue.js';
import { generationText } from '../../strings/generation.js';

/**
 * The JSON input of one image: custom `image_size`, references as data URIs in `image_urls` (edit endpoints), and the
 * settings the model takes, checked, under fal's names (`output_format` the model's default where none is chosen;
 * `safety_tolerance` as the text fal's enum takes).
 */
export function falBody(request: ProviderRequest): Record<string, unknown> {
  const { width, height, inputs } = request;
  const wire = wireSettings(falControls(request.model), request.settings, FAL_WIRE);
  if (wire.safety_tolerance !== undefined) wire.safety_tolerance = String(wire.safety_tolerance);
  return {
    prompt: request.prompt,
    image_size: { width, height },
    seed: request.seed,
    num_images: 1,
    ...wire,
    image_urls: inputs?.length ? inputs.map((input) => input.dataUrl) : undefined,
  };
}

/**
 * fal's queue (queue.fal.run), paid with the user's own key: submit, follow `status_url` (queue position,
 * then logs, as progress), fetch `response_url`, and `PUT cancel_url` when cancelled or timed out
 * (fal bills only finished requests).
 */
export class FalProvider implements Provider {
  readonly id = 'fal';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly controls = falControls;
  readonly checkSettings = settingsCheck(falControls);

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = keyOf(context, 'fal');
        const body = JSON.stringify(falBody(request));
        context.onSending?.();
        const reply = await fetchJson(
          routed(
            `${checkEndpoint(context.endpoint)}/${falEndpointId(request.model, request.inputs?.length)}`,
            context.relay,
          ),
          {
            method: 'POST',
            headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
            body,
          },
          signal,
          key,
        );
        if (typeof reply.request_id !== 'string')
          throw new UserPaysError('provider-error', generationText.unreadableReply());
        const task: ProviderTask = {
          provider: 'fal',
          id: reply.request_id,
          pollingUrl: reply.status_url,
          responseUrl: reply.response_url,
          cancelUrl: reply.cancel_url,
        };
        context.onAccepted?.(task);
        return this.#finish(task, context, signal, request.prompt);
      },
      this.id,
    );
  }

  resume(task: ProviderTask, context: RunContext): Promise<ProviderOutcome> {
    return guard(context, (signal) => this.#finish(task, context, signal), this.id);
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
      { authorization: `Key ${keyOf(context, 'fal')}` },
      context,
      read,
    );
  }

  /** Follows the request to its result; `sent`: the prompt sent (unknown on a resume). */
  async #finish(task: ProviderTask, context: RunContext, signal: AbortSignal, sent?: string): Promise<ProviderOutcome> {
    const key = keyOf(context, 'fal');
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
    onProgress?.({ status: generationText.queued() });
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
            onProgress?.({ status: own ? { text: String(log).slice(0, 80) } : generationText.generatingNow() });
          } else throw new UserPaysError('provider-error', generationText.cannotMake());
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
      return await falOutcome(result, 'fal', task, context, signal, sent);
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

/** fal's adapter, as the registry loads it (registry.ts). */
export const provider = new FalProvider();
