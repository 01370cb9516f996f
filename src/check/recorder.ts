import { isRecord } from '../base/checks.js';
import { scrubSecret } from '../base/secrets.js';

/**
 * What "Check this account" records of the exchanges the widget's own code has with a provider while the check runs:
 * each request as it left and its reply as it came, in the form the simulators replay (docs/check.md, "The report"),
 * with keys, tokens and signatures taken out and every image a tiny placeholder. The widget's code is not changed for
 * it: the page's `fetch` is watched for the check's length, and only requests to the provider's endpoint, the site's
 * relay or another origin than the page's are kept (the page's own requests are none of the provider's).
 */

/** One request and its reply, as recorded (no header is kept: they carry keys, and the replay needs none). */
export interface Exchange {
  method: string;
  /** The path and query after the endpoint, where the request went there; else the address without its query. */
  path: string;
  /** Where the request went, where not to the endpoint: its origin (a delivery host, a CDN, the relay). */
  origin?: string;
  /** The request's body: its JSON, a form's fields by name (files as the placeholder), else absent. */
  request?: unknown;
  /** The reply's status; 0 where none came (the connection broke, the page cancelled). */
  status: number;
  /** The reply's body: its JSON, else its text (at most `MOST_TEXT` characters), images as the placeholder. */
  reply?: unknown;
  /** The reply's `Content-Type`, where one came. */
  type?: string;
}

/** A PNG of one white pixel: what every image of a recording is replaced by (the replay serves it as the image). */
export const PLACEHOLDER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/58BAwAI/AL+hc2rNAAAAABJRU5ErkJggg==';

/** What stands for a key, a token or a signature wherever one was. */
export const SCRUBBED = '[scrubbed]';

/** A reply's text past this length is cut: a list of models is far shorter, and a longer text is no evidence. */
const MOST_TEXT = 200_000;
/** A string this long of base64 is an image (or other bytes): the placeholder instead. */
const LONG_BASE64 = /^[A-Za-z0-9+/=\s_-]{512,}$/;
/** Fields whose value is a secret by their name alone, whatever it looks like. */
const SECRET_FIELD =
  /^(key|api_?key|apiKey|token|access_?token|refresh_?token|auth_?token|id_?token|authorization|secret|client_?secret|password|code|code_?verifier|session)$/i;
/** Keys and tokens by their look: OpenAI/OpenRouter `sk-…`, Pollinations `sk_`/`pk_`, Hugging Face `hf_…`, JWTs. */
const SECRET_LOOK = /\b(?:sk|pk|rk|hf)[-_][A-Za-z0-9_-]{8,}|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * `text` with every secret in it taken out as the widget takes a key out of a provider's words (`scrubSecret`: whole,
 * cut, split, in any case, encoded; a text that would still hold one is the placeholder whole), and whatever looks
 * like a key.
 */
function scrubText(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) scrubbed = scrubSecret(scrubbed, secret, SCRUBBED);
  return scrubbed.replace(SECRET_LOOK, SCRUBBED);
}

/**
 * `value` (parsed JSON) with its secrets taken out (`scrubText`, and every field named as one) and its images the
 * placeholder: a `data:image/…` address, or a long run of base64.
 */
export function scrubbed(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('data:image/')) return `data:image/png;base64,${PLACEHOLDER_PNG}`;
    if (LONG_BASE64.test(value)) return PLACEHOLDER_PNG;
    return scrubText(value, secrets);
  }
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, secrets));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value))
    out[name] = SECRET_FIELD.test(name) && typeof item === 'string' && item ? SCRUBBED : scrubbed(item, secrets);
  return out;
}

/** A body as JSON where it parses, else its text. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.length > MOST_TEXT ? text.slice(0, MOST_TEXT) : text;
  }
}

/** What a request's body says, as recorded: JSON, a form's fields, a query's; bytes as the placeholder. */
function requestBody(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return parsed(body);
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (body instanceof FormData) {
    const fields: Record<string, unknown> = {};
    for (const [name, item] of body) fields[name] = typeof item === 'string' ? parsed(item) : PLACEHOLDER_PNG;
    return fields;
  }
  return PLACEHOLDER_PNG; // a Blob, a buffer, a stream: an image or a file as sent
}

/** The reply's body as recorded: an image as the placeholder, JSON parsed, text as it is. */
async function replyBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (/^image\//i.test(type) || /octet-stream/i.test(type)) return PLACEHOLDER_PNG;
  return parsed(await response.text());
}

/** A recording of the exchanges while `watch` runs: started with the addresses that count as the provider's. */
export interface Recording {
  /** The exchanges so far, each once its reply has been read, in the order the requests left. */
  exchanges(): Promise<Exchange[]>;
  /** Stops watching (the page's `fetch` is its own again); the exchanges stay readable. */
  stop(): void;
}

/** Where a request went, as recorded: its path after `base` where it went there, else its origin and path. */
function placeOf(url: string, base: string, relay: string) {
  const address = new URL(url, location.href);
  const ours = address.href.startsWith(`${base}/`) || address.href === base;
  const kept = ours || (relay && address.href.startsWith(relay)) || address.origin !== location.origin;
  if (!kept) return undefined;
  return ours ? { path: address.href.slice(base.length) || '/' } : { path: address.pathname, origin: address.origin };
}

/**
 * Watches the page's `XMLHttpRequest` too (Puter's SDK asks with it): each request kept as `placeOf` says, recorded
 * once it ends (one that never ends is not waited for). Returns what undoes it.
 */
function watchXhr(
  kept: (url: string) => ReturnType<typeof placeOf>,
  done: [order: number, exchange: Exchange][],
  next: () => number,
): () => void {
  const { open, send } = XMLHttpRequest.prototype;
  const opened = new WeakMap<XMLHttpRequest, Exchange>();
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    const place = kept(String(url));
    if (place) opened.set(this, { method: method.toUpperCase(), status: 0, ...place });
    return Reflect.apply(open, this, [method, url, ...rest]);
  };
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const exchange = opened.get(this);
    if (exchange) {
      const order = next();
      const sent = requestBody(body);
      if (sent !== undefined) exchange.request = sent;
      this.addEventListener('loadend', () => {
        exchange.status = this.status;
        const type = this.getResponseHeader('content-type');
        if (type) exchange.type = type;
        const text = this.responseType === '' || this.responseType === 'text';
        exchange.reply = text ? parsed(this.responseText) : PLACEHOLDER_PNG;
        done.push([order, exchange]);
      });
    }
    return send.call(this, body);
  };
  return () => {
    XMLHttpRequest.prototype.open = open;
    XMLHttpRequest.prototype.send = send;
  };
}

/**
 * Starts watching the page's `fetch` and `XMLHttpRequest`: every request to `endpoint` (its path kept after it), to
 * `relay`, or to an origin other than the page's is recorded with its reply, scrubbed of `secrets`. Stop it when the
 * check ends.
 */
export function record(endpoint: string, relay: string, secrets: () => readonly string[]): Recording {
  // Each in the order its request left, whichever way it went.
  let sent = 0;
  const next = () => sent++;
  const pending: Promise<[number, Exchange]>[] = [];
  const byXhr: [number, Exchange][] = [];
  const original = globalThis.fetch;
  const base = endpoint.replace(/\/+$/, '');
  const kept = (url: string) => placeOf(url, base, relay);
  const watched: typeof fetch = (input, init) => {
    // Read without making a Request of it: one made from a Request with a body would take that body away.
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const answer = original(input, init);
    const place = kept(url);
    if (!place) return answer;
    const exchange: Exchange = { method, status: 0, ...place };
    const body = requestBody(init?.body);
    if (body !== undefined) exchange.request = body;
    const order = next();
    pending.push(
      answer.then(
        async (response) => {
          exchange.status = response.status;
          const type = response.headers.get('content-type');
          if (type) exchange.type = type;
          exchange.reply = await replyBody(response.clone()).catch(() => undefined);
          return [order, exchange];
        },
        () => [order, exchange],
      ),
    );
    return answer;
  };
  globalThis.fetch = watched;
  const unwatchXhr = watchXhr(kept, byXhr, next);
  return {
    async exchanges() {
      // A request's last listeners (ours among them) may not have run yet when its caller's own resolved what it read:
      // they all have by the next task.
      await new Promise((resolve) => setTimeout(resolve));
      const done = [...(await Promise.all(pending)), ...byXhr].sort(([a], [b]) => a - b);
      return done.map(([, exchange]) => scrubbed(exchange, secrets()) as Exchange);
    },
    stop() {
      if (globalThis.fetch === watched) globalThis.fetch = original;
      unwatchXhr();
    },
  };
}
