import { UserPaysError, asUserPaysError } from '../errors.js';
import { checkImageUrl } from './urls.js';
import type { RunContext } from './provider.js';
import * as text from '../strings.js';

/** A `UserPaysError` from an HTTP reply, with the wait the provider asked for (Retry-After). */
export type HttpError = UserPaysError & { retryAfterMs?: number; status?: number };

/** Waits `ms`; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** The `Retry-After` header (seconds or an HTTP date) in ms; undefined when absent or unreadable. */
export function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * The error (docs/contract.md, Errors) for a non-2xx reply. `detail` (FastAPI style, as BFL and fal send it) or OpenAI's
 * `error.message` goes into the message. A body that says the account is out of money (OpenAI's
 * `insufficient_quota` on 429, fal's "Exhausted balance" on 403) is `insufficient-funds`; a 4xx naming
 * a content policy (OpenAI's `content_policy_violation`, fal's typed 422) is `moderated`.
 */
export function httpError(response: Response, body?: any, secret?: string): HttpError {
  const status = response.status;
  const wait = retryAfterMs(response);
  const bodyText = JSON.stringify(body ?? '');
  const detail = body?.detail ?? body?.error?.message;
  // Scrubbed of the key first, then shortened: a cut first could leave part of the key behind.
  const said = scrub(
    Array.isArray(detail)
      ? detail
          .map((d) => [d?.loc?.filter((l: unknown) => l !== 'body').join(' '), d?.msg].filter(Boolean).join(': '))
          .join('; ')
      : typeof detail === 'string'
        ? detail
        : '',
    secret,
  ).slice(0, 300);
  const error: HttpError =
    status === 402 || /insufficient_quota|exhausted balance/i.test(bodyText)
      ? new UserPaysError('insufficient-funds', text.outOfCredits())
      : status === 401 || status === 403
        ? new UserPaysError('auth-failed', text.keyRejected())
        : status === 429
          ? new UserPaysError('rate-limited', text.tooManyRequests(wait ? Math.ceil(wait / 1000) : undefined))
          : status >= 500
            ? new UserPaysError('provider-error', text.providerTrouble(status))
            : /content_policy|moderation_blocked/i.test(bodyText)
              ? new UserPaysError('moderated', text.moderated(), false)
              : new UserPaysError('invalid-input', text.refused(said || `HTTP ${status}`), false);
  error.retryAfterMs = wait;
  error.status = status;
  // A gateway in front of the provider (502, 504) may have passed the request on before failing: not an answer.
  error.answered = status !== 502 && status !== 504;
  return error;
}

/** `value` with every occurrence of `secret` replaced. */
const scrub = (value: string, secret?: string) => (secret ? value.split(secret).join('…') : value);

/**
 * `fetch` + JSON with our error codes: HTTP errors via `httpError`, a failed connection → `network`,
 * an unreadable reply → `provider-error`. Never sends cookies. `secret` (the key, when the request carries it)
 * is scrubbed from messages, and such a request never follows a redirect: `fetch` would carry a custom header
 * such as BFL's `x-key` to whatever origin the redirect names (docs/contract.md, Security).
 */
export async function fetchJson(url: string, init: RequestInit, signal: AbortSignal, secret?: string): Promise<any> {
  try {
    const response = await fetch(url, {
      ...init,
      signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: secret ? 'manual' : 'follow',
    });
    if (response.type === 'opaqueredirect') {
      const error = new UserPaysError('provider-error', text.redirectRefused(), false);
      error.answered = true; // a redirect is not the provider carrying the request out
      throw error;
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) throw httpError(response, body, secret);
    if (body == null || typeof body !== 'object') {
      // A 2xx the page cannot read may still be the provider accepting (and charging): not an answer.
      throw new UserPaysError('provider-error', text.unreadableReply());
    }
    return body;
  } catch (thrown) {
    const error = asUserPaysError(thrown);
    error.message = scrub(error.message, secret);
    throw error;
  }
}

/** A finished image larger than this is refused: no FLUX image comes near it (4 MP as PNG is under 20 MB). */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

/** The image bytes at a provider's URL: no cookies, no key, no referrer; must be an image. */
export async function fetchImage(url: unknown, signal: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(checkImageUrl(url), { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (thrown) {
    throw asUserPaysError(thrown);
  }
  const blob = response.ok ? await response.blob() : undefined;
  if (!blob?.type.startsWith('image/')) {
    throw new UserPaysError('provider-error', text.downloadFailed(response.ok ? undefined : response.status));
  }
  if (blob.size > MAX_IMAGE_BYTES) throw new UserPaysError('provider-error', text.imageTooLarge());
  return blob;
}

/** Pixel size of an image blob (decodes it). */
export async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    throw new UserPaysError('provider-error', text.imageUnreadable());
  }
}

/**
 * Runs `work` under the caller's cancel signal and the overall deadline (`poll.timeoutMs`, default 5 min):
 * any abort of the caller → `cancelled`, the deadline → `timeout`, everything else → a `UserPaysError`.
 * A cancel that lands after the work finished still rejects, so a cancelled run never reports success.
 */
export async function guard<T>(context: RunContext, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, context.poll?.timeoutMs ?? 300_000);
  context.signal.addEventListener('abort', abort);
  try {
    context.signal.throwIfAborted();
    const result = await work(controller.signal);
    controller.signal.throwIfAborted();
    return result;
  } catch (thrown) {
    throw asUserPaysError(
      context.signal.aborted
        ? new DOMException('', 'AbortError')
        : controller.signal.aborted
          ? new DOMException('', 'TimeoutError')
          : thrown,
    );
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', abort);
  }
}
