import Decimal from 'decimal.js';
import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import { isRecord } from '../../base/checks.js';
import { scrubSecret } from '../../base/secrets.js';
import { base64Blob } from '../../base/image-bytes.js';
import { checkImageUrl, routed } from './provider-urls.js';
import { parse } from '../urls.js';
import type { ProviderImage, ProviderRequest, RunContext } from '../provider.js';
import { prices } from '../../strings/prices.js';
import { sayer } from '../../strings/strings.js';
import * as generationDeveloper from '../../strings/generation.js';
import { generationText as text } from '../../strings/generation.js';
import type { Sentence } from '../../strings/sentence.js';
import { clock } from '../../base/clock.js';

const pricesText = sayer('prices', prices);

/**
 * `error` with no piece of `secret` in its words (see `scrubSecret`): a provider's words that held a piece of it are
 * said without it, as words of their own (the sentences that carried them are dropped with their values), or, where
 * what is left still holds one, not at all (`keyQuoted`).
 */
function withoutKey(error: UserPaysError, secret?: string): UserPaysError {
  if (!secret || !error.said.some((sentence) => holdsSecret(sentence, secret))) return error;
  const message = scrubSecret(error.message, secret);
  return error.say(message && message !== error.message ? { text: message } : text.keyQuoted());
}

/**
 * True where a sentence holds a piece of `secret`: in its values (a provider's words), or in its text where it is none
 * of the widget's sentences. The widget's own words are not compared: read across their spaces, a test key made of
 * words ("sim-broken-image-key") is found in "an image".
 */
function holdsSecret({ text, said }: Sentence, secret: string): boolean {
  if (!said) return scrubSecret(text, secret) !== text;
  return said[2].some((value) =>
    typeof value === 'string' || typeof value === 'number'
      ? scrubSecret(String(value), secret) !== String(value)
      : typeof (value as Sentence | null)?.text === 'string' && holdsSecret(value as Sentence, secret),
  );
}

/** A `UserPaysError` from an HTTP reply, with the wait the provider asked for (Retry-After). */
export type HttpError = UserPaysError & { retryAfterMs?: number; status?: number };

/** Whether `thrown` is the widget's own error, which a reply's status and wait may come with (`HttpError`). */
export const isHttpError = (thrown: unknown): thrown is HttpError => thrown instanceof UserPaysError;

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
 * What a refusal says to the user, by its status and body: out of credit, the key refused, too many requests (with the
 * wait the provider asked, `waitMs`), the provider in trouble, a moderation, else the request refused in the provider's
 * words (`said`).
 */
function refusalOf(status: number, bodyText: string, waitMs: number | undefined, said: string): UserPaysError {
  if (status === 402 || /insufficient_quota|exhausted balance/i.test(bodyText))
    return new UserPaysError('insufficient-funds', text.outOfCredits());
  if (status === 401 || status === 403) return new UserPaysError('auth-failed', text.keyRejected());
  if (status === 429)
    return new UserPaysError('rate-limited', text.tooManyRequests(waitMs ? Math.ceil(waitMs / 1000) : undefined));
  if (status >= 500) return new UserPaysError('provider-error', text.providerTrouble(status));
  if (/content_policy|moderation_blocked/i.test(bodyText))
    return new UserPaysError('moderated', text.moderated(), false);
  return new UserPaysError('invalid-input', text.refused(said || `HTTP ${status}`), false);
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
  // Only the words of the shape FastAPI and OpenAI give them; a reply of another shape says nothing here (and is
  // still an answer: never read as a lost connection by a TypeError on the way).
  const words = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  // Scrubbed of the key first, then shortened: a cut first could leave part of the key behind.
  const said = scrubSecret(
    Array.isArray(detail)
      ? detail
          .map((d) =>
            [
              Array.isArray(d?.loc)
                ? d.loc
                    .filter((l: unknown) => l !== 'body')
                    .map(words)
                    .join(' ')
                : '',
              words(d?.msg),
            ]
              .filter(Boolean)
              .join(': '),
          )
          .filter(Boolean)
          .join('; ')
      : words(detail),
    secret,
  ).slice(0, 300);
  const error: HttpError = refusalOf(status, bodyText, wait, said);
  error.retryAfterMs = wait;
  error.status = status;
  error.answered = !mayHavePassedOn(status);
  return error;
}

/**
 * Whether a reply of `status` may come from something in front of the provider that passed the request on before it
 * failed, so that it says nothing of whether the provider charged: a gateway's 502 and 504 (RFC 9110 §15.6.3, §15.6.5),
 * and Cloudflare's 520 (the provider's server answered nothing it could read, or reset the connection, after the
 * request was sent) and 524 ("The connection to the origin web server was made, but the origin web server timed out
 * before responding", Cloudflare's own error page; its 100 s limit, which OpenAI's API meets: community.openai.com
 * /t/error-code-524-message-gateway-timeout/219369). Cloudflare's 521 (refused), 522 (no TCP connection), 523
 * (unreachable), 525 and 526 (TLS) and 530 (DNS) come before any request reached the provider: answers.
 */
export const mayHavePassedOn = (status: number) => [502, 504, 520, 524].includes(status);

/**
 * `fetch` + JSON with our error codes: HTTP errors via `httpError`, a failed connection → `network`,
 * an unreadable reply → `provider-error`. Never sends cookies. `secret` (the key, when the request carries it)
 * is scrubbed from messages, and such a request never follows a redirect: `fetch` would carry a custom header
 * such as BFL's `x-key` to whatever origin the redirect names (docs/contract.md, Security). `onReply` sees a 2xx
 * reply's headers (a poll's `Retry-After`); `onRefused` an HTTP error's body, before it is thrown (an adapter that
 * reads more of it than `httpError` does).
 */
export async function fetchJson(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  secret?: string,
  onReply?: (response: Response) => void,
  onRefused?: (body: unknown) => void,
): Promise<any> {
  try {
    const response = await fetch(url, {
      ...init,
      signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: secret ? 'manual' : 'follow',
    }).catch(async (thrown: unknown) => {
      throw (await refusedByCors(thrown, url, init, signal)) ?? thrown;
    });
    if (response.type === 'opaqueredirect') {
      const error = new UserPaysError('provider-error', text.redirectRefused(), false);
      error.answered = true; // a redirect is not the provider carrying the request out
      throw error;
    }
    const body = await response.json().catch(() => undefined);
    if (response.headers.get('x-userpays-relay') === 'refused') {
      // The relay's own refusal (a host or address it does not serve): nothing went further (docs/relay.md).
      const error = new UserPaysError('provider-error', text.relayRefusedHost(String(body?.detail ?? '')), false);
      error.answered = true;
      throw error;
    }
    if (!response.ok) {
      onRefused?.(body);
      throw httpError(response, body, secret);
    }
    onReply?.(response);
    if (body == null || typeof body !== 'object') {
      // A 2xx the page cannot read may still be the provider accepting (and charging): not an answer.
      throw new UserPaysError('provider-error', text.unreadableReply());
    }
    return body;
  } catch (thrown) {
    const error = withoutKey(asUserPaysError(thrown), secret);
    // A request that may charge (a POST) lost on the way may have gone more than once (see `mostSends`).
    if (error.code === 'network' && !error.answered && init.method === 'POST') error.sends = mostSends(url);
    throw error;
  }
}

/**
 * How many times a request may have reached its host when the connection broke before any byte of reply: the
 * browser sends it again by itself when a connection it reused breaks so (Chromium: HttpNetworkTransaction's
 * ShouldResendRequest, which resends a POST as readily as a GET). Measured in Chromium 156 against a server that
 * reads the POST and resets the connection: over HTTP/2 it is sent twice, whatever else the page had open; over
 * HTTP/1.1 once more for each idle connection to the host it tries, 7 times with 6 open (the most a host gets).
 * Every provider's API and the relay are `https:` (HTTP/2); plain `http:` is loopback only (a local proxy, the
 * simulators), which speaks HTTP/1.1.
 */
export const mostSends = (url: string) => (url.startsWith('https:') ? 2 : 7);

/**
 * Whether a balance reply is in the unit the page reads it in: each of `holders` (the reply, and the object the amount
 * is in) that names a unit (`currency`, `unit`) must name one of `known` (none, where the provider's documented reply
 * names no unit: BFL's credits, OpenRouter's key). A reply in another unit is refused, never read as if it were USD:
 * a settlement from it would book euros or tokens as dollars.
 */
export function inKnownUnit(known: readonly string[], ...holders: unknown[]): boolean {
  return holders.every((holder) =>
    ['currency', 'unit'].every(
      (field) => !isRecord(holder) || !(field in holder) || known.some((unit) => unit === holder[field]),
    ),
  );
}

/**
 * What an account has left, read from a provider's balance endpoint (`Provider.balance`): `amount(body)` picks the
 * USD amount out of its JSON, which must be a finite number ≥ 0. Anything else (a refused key, a host that answers
 * no CORS, no network, another shape) is undefined, quietly: a balance is a convenience, never an error, and a
 * refusal here says nothing to the console. The key goes to the URL given, which must be the provider's own, and
 * never follows a redirect.
 */
export async function readBalance(
  url: string,
  headers: Record<string, string>,
  { relay, signal }: Pick<RunContext, 'relay'> & { signal?: AbortSignal },
  amount: (body: any) => unknown,
  scale = '1',
): Promise<Decimal | undefined> {
  try {
    const response = await fetch(routed(url, relay), {
      headers,
      signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
    });
    const value = response.ok ? amount(await response.json()) : undefined;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? new Decimal(value).mul(scale)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A relay's own address, without the `url` it was asked to forward to: a GET of it forwards nothing. */
function relayOnly(url: string): string {
  const relay = new URL(url);
  relay.searchParams.delete('url');
  return relay.href;
}

/** Origins already reported in the developer console as refusing CORS (once each). */
const reported = new Set<string>();

/**
 * Why a request that never got a reply failed, when the answer is that the host refuses this page (CORS): the
 * browser reports a refused preflight and a lost connection alike (a TypeError). Two harmless probes tell them
 * apart: a GET with the same header names (so the same preflight) that gets any reply means CORS is fine and
 * the connection was lost; a `no-cors` GET that gets through means the host is up but refuses this page. Then
 * the preflight was refused, so the request itself never left: `answered`, nothing charged (a provider that
 * refuses CORS refuses the preflight; one that passes the preflight and then hides its reply would be
 * misconfigured, and no provider is). Returns undefined when it is not CORS (or on an abort). `retry` false skips
 * the first probe, for a simple GET (no preflight) whose only possible doubt is a lost connection.
 */
async function refusedByCors(
  thrown: unknown,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  retry = true,
  relayHelps = true,
) {
  if (!(thrown instanceof TypeError) || signal.aborted) return undefined;
  const names = Object.keys((init.headers as Record<string, string> | undefined) ?? {});
  const probe = (extra: RequestInit, at = url) =>
    fetch(at, { method: 'GET', credentials: 'omit', cache: 'no-store', signal, ...extra }).then(
      () => true,
      () => false,
    );
  const headers = Object.fromEntries(names.map((name) => [name, 'probe']));
  if (retry && (await probe({ headers, redirect: 'manual' }))) return undefined;
  if (!(await probe({ mode: 'no-cors' }))) return undefined; // unreachable: a network failure
  const origin = new URL(url).origin;
  const relayed = new URL(url).searchParams.has('url'); // `{relay}?url=…` (routed())
  // A relay refuses a preflight for a page it does not serve and for a header it does not forward alike. Its own
  // address without `url` forwards nothing, and answers a page it serves (400, readable): then it was the headers.
  const headersRefused =
    relayed && names.length > 0 && (await probe({ headers: {}, redirect: 'manual', mode: 'cors' }, relayOnly(url)));
  // A host the site's relay does not carry (Puter's image hosts) is not worth a word: no setting would change it.
  if (relayHelps && !reported.has(origin)) {
    reported.add(origin);
    console.warn(
      headersRefused
        ? generationDeveloper.relayConsoleHeaders(origin, names)
        : relayed
          ? generationDeveloper.relayConsoleRefused(origin, location.origin)
          : generationDeveloper.relayConsole(origin),
    );
  }
  const said = headersRefused ? text.relayRefusedHeaders() : relayed ? text.relayUnreachable() : '';
  const error = new UserPaysError('network', said, false);
  error.answered = true;
  error.cors = true;
  return error;
}

/** A finished image larger than this is refused: no FLUX image comes near it (4 MP as PNG is under 20 MB). */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

/** Base64 image data (a data URL's, a `b64_json`) as image bytes of `type`; what is not base64 cannot be opened. */
export function base64Image(data: string, type: string): Blob {
  try {
    return base64Blob(data, type);
  } catch {
    throw new UserPaysError('provider-error', text.imageUnreadable());
  }
}

/**
 * The image bytes at a provider's URL: no cookies, no key, no referrer; must be an image. `relayHelps` false: the
 * site's relay would not carry its host either, so a refusal tells the console nothing.
 */
export async function fetchImage(url: string, signal: AbortSignal, relayHelps = true): Promise<Blob> {
  const response = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' }).catch(
    async (thrown: unknown) => {
      // An image: no need to ask again whether the connection was lost; at worst it is shown from its URL.
      throw asUserPaysError((await refusedByCors(thrown, url, {}, signal, false, relayHelps)) ?? thrown);
    },
  );
  if (response.headers.get('x-userpays-relay')) {
    // The relay would not (or could not) fetch it: the page can still show it from the provider's URL.
    const error = new UserPaysError('provider-error', text.downloadFailed(response.status));
    error.cors = true;
    throw error;
  }
  const blob = response.ok ? await response.blob() : undefined;
  if (!blob?.type.startsWith('image/')) {
    throw new UserPaysError('provider-error', text.downloadFailed(response.ok ? undefined : response.status));
  }
  if (blob.size > MAX_IMAGE_BYTES) throw new UserPaysError('provider-error', text.imageTooLarge());
  return blob;
}

/** The longest a link just issued is believed to last; a signed expiry further off says the clock is wrong. */
const LINK_LIFE_MS = 60 * 60_000;

/**
 * When the link of an image just issued ends: the signed expiry (`se`, an ISO time) that Azure-style signed URLs
 * carry, as BFL's delivery URLs do. That time is the provider's clock; when this browser's clock puts it in the
 * past or more than an hour ahead, the browser's clock is off, and undefined lets the caller use the provider's
 * documented lifetime from now instead (an image is never called expired the moment it arrives).
 */
export function linkExpiry(url: string): number | undefined {
  const time = Date.parse(new URL(url).searchParams.get('se') ?? '');
  const left = time - clock.now();
  return left > 0 && left <= LINK_LIFE_MS ? time : undefined;
}

/**
 * A finished image: its bytes (to be saved) where the host lets this page read them; where it refuses this page
 * (no CORS, as BFL's delivery host), the image shown from the provider's own URL (an <img> needs no CORS) and
 * measured, so that what was paid for is never hidden. Such an image is not saved: its link expires.
 * `relay` routes the download through the site's relay (then it is saved); `onBytes` hears of the bytes before
 * they are measured (see `measured`). `relayHelps` false: the relay does not carry the image's host (Puter's image
 * hosts are its models' own, which no relay lists), so the console is not told to set one.
 */
export async function downloadImage(
  url: unknown,
  signal: AbortSignal,
  { relay, onBytes, relayHelps }: Pick<RunContext, 'relay' | 'onBytes'> & { relayHelps?: boolean },
): Promise<ProviderImage> {
  const address = checkImageUrl(url);
  try {
    return await measured(await fetchImage(routed(address, relay), signal, relayHelps), onBytes);
  } catch (error) {
    if (!(error instanceof UserPaysError && error.cors)) throw error;
    return { remote: { url: address, expiresAt: linkExpiry(address) }, ...(await remoteSize(address, signal)) };
  }
}

/** Loads the image at `url` in an <img> (no CORS needed) and measures it; rejects in words if it will not load. */
async function remoteSize(url: string, signal: AbortSignal): Promise<{ width: number; height: number }> {
  const image = new Image();
  image.referrerPolicy = 'no-referrer';
  image.src = url;
  const aborted = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
  try {
    await Promise.race([image.decode(), aborted]);
  } catch (thrown) {
    if (signal.aborted) throw asUserPaysError(thrown);
    throw new UserPaysError('provider-error', text.downloadFailed());
  } finally {
    if (signal.aborted) image.src = '';
  }
  return { width: image.naturalWidth, height: image.naturalHeight };
}

/**
 * A finished image's bytes and pixel size. `onBytes` hears of the bytes first (see `RunContext`): the 512×512 PNG
 * of the bench takes 7 ms to measure here and 16 ms to decode in an `<img>`, which can run side by side.
 */
export async function measured(blob: Blob, onBytes: RunContext['onBytes']): Promise<ProviderImage> {
  onBytes?.(blob);
  return { blob, ...(await imageSize(blob)) };
}

/** Pixel size of an image blob (decodes it): bytes no browser can read are refused here. */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
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
 * The user's key for `provider` (`context.apiKey`); where there is none, `auth-required` in words that say which key to
 * enter (or, `signIn`, to sign in first), before anything is sent. Every adapter paid with the user's own key asks for it this way.
 */
export function keyOf(context: Pick<RunContext, 'apiKey'>, provider: string, signIn?: boolean): string {
  if (context.apiKey) return context.apiKey;
  throw new UserPaysError('auth-required', text.keyMissing(provider, signIn));
}

/**
 * The start of a call that makes one image in one request and takes no reference images (OpenAI's Image API and its
 * gateways, Google's): the user's key for `provider` (see `keyOf`), a request with references refused in plain words,
 * and the call said and marked as sending. Before anything is sent.
 */
export function startOneCall(
  request: Pick<ProviderRequest, 'inputs'>,
  context: Pick<RunContext, 'apiKey' | 'onProgress' | 'onSending'>,
  provider: string,
): string {
  const key = keyOf(context, provider);
  if (request.inputs?.length) throw new UserPaysError('invalid-input', pricesText.referencesUnsupported(), false);
  context.onProgress?.({ status: text.generatingNow() });
  context.onSending?.();
  return key;
}

/** The generation sentences that name the provider when given it last (see `guard`). */
const NAMED: ReadonlySet<string> = new Set([
  'tooManyRequests',
  'providerTrouble',
  'moderated',
  'promptModerated',
  'keyRejected',
  'refused',
  'addressRefused',
  'imageAddressRefused',
  'redirectRefused',
  'imageTooLarge',
  'unreadableReply',
  'imageUnreadable',
  'cannotMake',
]);

/**
 * Runs `work` under the caller's cancel signal and the overall deadline (`poll.timeoutMs`, default 5 min):
 * any abort of the caller → `cancelled`, the deadline → `timeout`, everything else → a `UserPaysError`.
 * A cancel that lands after the work finished still rejects, so a cancelled run never reports success.
 * Its words name `payee`, whom the user pays: the provider, or the name it has at its own address (OpenAI).
 */
export async function guard<T>(
  context: RunContext,
  work: (signal: AbortSignal) => Promise<T>,
  provider = '',
  payee = provider,
): Promise<T> {
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
    // OpenAI's own API is paid as OpenAI, and its host is no gateway's to add credit at.
    const own = payee !== provider;
    if (thrown instanceof UserPaysError) {
      if (thrown.cors && !thrown.message) thrown.say(text.relayNeeded(payee));
      // The provider is named where its words leave it out: the shared mapping of replies (`httpError`) and the
      // adapters' own refusals do not know whose they are. Its sentence takes the provider after its other values.
      const [first, ...rest] = thrown.said;
      const said = first?.said;
      if (provider && said?.[0] === 'generation' && NAMED.has(said[1])) {
        const named = text[said[1] as keyof typeof text] as (...values: unknown[]) => Sentence;
        thrown.say(named(...said[2], payee), ...rest);
      }
      // The shared words for an account short of funds name the provider, and where to add funds; an adapter's own
      // sentence (Pollinations' model for bought pollen only) says more, and stays.
      if (thrown.code === 'insufficient-funds' && provider && (!thrown.message || said?.[1] === 'outOfCredits')) {
        // A gateway has no name of its own: its host says where the account is.
        thrown.say(
          text.outOfCreditsAt(payee, provider === 'openai' && !own ? parse(context.endpoint)?.host : undefined),
        );
      }
    }
    // The deadline, said with the provider's name, as every other refusal is.
    const error = context.signal.aborted
      ? asUserPaysError(new DOMException('', 'AbortError'))
      : controller.signal.aborted
        ? new UserPaysError('timeout', text.tookTooLong(payee || undefined))
        : asUserPaysError(thrown);
    // Whatever a provider's words reached the message by, no piece of the key leaves with them.
    throw withoutKey(error, context.apiKey);
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', abort);
  }
}
