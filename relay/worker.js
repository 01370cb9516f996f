// The userpays relay: a stateless pass-through Cloudflare Worker for providers that do not answer CORS to web
// pages. The page sends `METHOD {relay}?url={absolute upstream URL}` with the user's own key; the relay forwards
// it to an allowed provider host and streams the reply back with CORS headers for the page's origin.
// It stores nothing, logs nothing and holds no key. docs/relay.md says how to run and deploy it.

// The provider hosts a relay with RELAY_HOSTS unset may reach. `*.` = any subdomain (not the bare domain);
// an entry without a port matches only the scheme's default port.
const DEFAULT_HOSTS = [
  // BFL: the API, whose polling_url may name a regional host (api.eu1.bfl.ai; api.us1.bfl.ai in BFL's OpenAPI
  // schema; api.eu2.bfl.ai, api.eu4.bfl.ai as recorded), and the delivery hosts of result.sample (delivery-eu1.bfl.ai
  // …; docs.bfl.ai, "Integration guidelines"; and, as two real tasks recorded it, the Azure storage account
  // bfldeliveryprodeu4.blob.core.windows.net: test/recorded/bfl-flux-2-{pro,max}.json).
  'api.bfl.ai',
  '*.bfl.ai',
  'bfldeliveryprodeu4.blob.core.windows.net',
  // fal: the queue API (docs.fal.ai, "Asynchronous inference": https://queue.fal.run/{model}), synchronous runs
  // (fal.run), and the CDN its results point at (v3.fal.media, fal.media).
  'queue.fal.run',
  'fal.run',
  '*.fal.media',
  'fal.media',
  // Replicate: prediction outputs are served from replicate.delivery and its subdomains.
  'replicate.delivery',
  '*.replicate.delivery',
  // fal's Platform API, for the account's balance (fal.ai/docs/platform-apis/v1/account/billing), and its REST API, where
  // an image an edit sends is uploaded first (fal-ai/fal-js libs/client/src/storage.ts: rest.fal.ai).
  'api.fal.ai',
  'rest.fal.ai',
  // The OpenAI-compatible gateways whose prices are built in (src/providers/openai/prices.ts): AIgateway, Together AI
  // (its API, and the short links its images come as: api.together.ai/shrt/…, test/recorded/together-flux-2-max.json)
  // and DeepInfra.
  'api.aigateway.sh',
  'api.together.xyz',
  'api.together.ai',
  'api.deepinfra.com',
];

const MiB = 1024 * 1024;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];
// Only what a provider call needs. Cookies, Origin, Referer, cf-* and x-forwarded-* would tell the provider
// about the user or the site, so they stay behind.
const REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'x-key'];
const RESPONSE_HEADERS = ['content-type', 'content-length', 'retry-after', 'location', 'cache-control'];
// http: only to the local simulators; a deployed worker cannot reach loopback anyway.
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
// On every reply, the relay's own and the provider's: a browser never sniffs it into something it may run, and a
// reply opened as a page (it should never be: see `navigation`) runs nothing on the relay's origin.
const SAFE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': 'sandbox' };
// What a browser asks for when it opens a page (Fetch Metadata: Sec-Fetch-Mode, Sec-Fetch-Dest): the relay serves
// pages' fetch() calls only, never a page, a frame or an embedded document, whatever RELAY_ORIGINS allows.
const DOCUMENT_DESTINATIONS = ['document', 'iframe', 'frame', 'embed', 'object'];

const list = (value) =>
  String(value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);

const limit = (value, fallback) => {
  const number = Number(value);
  return value != null && value !== '' && Number.isFinite(number) && number >= 0 ? number : fallback;
};

/** True when the browser is opening the reply as a page or frame (a navigation), not fetching it for a page. */
function navigation(request) {
  const mode = request.headers.get('sec-fetch-mode')?.toLowerCase();
  const destination = request.headers.get('sec-fetch-dest')?.toLowerCase();
  return mode === 'navigate' || mode === 'nested-navigate' || DOCUMENT_DESTINATIONS.includes(destination);
}

/** The origin the reply may be read by, or null when this page (or a non-browser client) is not served. */
function allowedOrigin(request, env) {
  const origin = request.headers.get('origin');
  const origins = list(env.RELAY_ORIGINS).map((entry) => entry.replace(/\/+$/, ''));
  if (origins.includes('*')) return origin ?? '*';
  return origin && origins.includes(origin.toLowerCase()) ? origin : null;
}

/** True when `url` (parsed) is on one of the RELAY_HOSTS entries, port included. */
function hostAllowed(url, env) {
  const entries = list(env.RELAY_HOSTS);
  for (const entry of entries.length ? entries : DEFAULT_HOSTS) {
    // `host`, `host:port`, `[v6]`, `[v6]:port`: the port is what follows the last colon after any `]`.
    const colon = entry.lastIndexOf(':');
    const hasPort = colon > entry.lastIndexOf(']');
    const host = hasPort ? entry.slice(0, colon) : entry;
    if ((hasPort ? entry.slice(colon + 1) : '') !== url.port) continue;
    if (host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host) return true;
  }
  return false;
}

/** The upstream URL, or a refusal: [status, reason]. */
function upstreamUrl(request, env) {
  const raw = new URL(request.url).searchParams.get('url');
  if (!raw) return [400, 'The url parameter is missing.'];
  let url;
  try {
    url = new URL(raw);
  } catch {
    return [400, 'The url parameter is not an absolute URL.'];
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname)))
    return [400, 'The relay only forwards https URLs.'];
  if (url.username || url.password) return [400, 'The relay does not forward URLs with a user name or password.'];
  if (!hostAllowed(url, env)) return [403, `The relay does not forward to ${url.host}.`];
  url.hash = '';
  return url;
}

function corsHeaders(origin) {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After, Content-Length, x-userpays-relay',
    Vary: 'Origin',
  };
}

/** A reply of the relay's own (never the provider's): `x-userpays-relay` says which kind. */
function own(status, detail, kind, origin) {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: {
      ...(origin ? corsHeaders(origin) : {}),
      ...SAFE_HEADERS,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'x-userpays-relay': kind,
    },
  });
}

/**
 * `body` passed through, erroring once more than `max` bytes went by; `over()` tells whether that happened.
 * `onOver` runs first: an errored request body alone may reach the provider as a complete (truncated) one.
 */
function capped(body, max, onOver = () => {}) {
  let seen = 0;
  let exceeded = false;
  const stream = body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) {
          exceeded = true;
          onOver();
          controller.error(new Error('size cap exceeded'));
        } else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, over: () => exceeded };
}

function preflight(request, origin) {
  const requested = list(request.headers.get('access-control-request-headers'));
  const headers = {
    ...SAFE_HEADERS,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': METHODS.join(', '),
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
  const allowed = requested.filter((name) => REQUEST_HEADERS.includes(name));
  if (allowed.length) headers['Access-Control-Allow-Headers'] = allowed.join(', ');
  return new Response(null, { status: 204, headers });
}

export default {
  async fetch(request, env = {}) {
    // Before anything else, RELAY_ORIGINS="*" included: a navigation would run an allowed host's HTML here.
    if (navigation(request)) return own(403, 'The relay serves web pages’ requests, never a page.', 'refused', null);
    const origin = allowedOrigin(request, env);
    // No CORS headers: the browser keeps the page from reading this, and nothing was forwarded.
    if (!origin) return own(403, 'This origin may not use the relay.', 'refused', null);
    if (request.method === 'OPTIONS') return preflight(request, origin);
    if (!METHODS.includes(request.method))
      return own(405, 'The relay does not forward this method.', 'refused', origin);

    const url = upstreamUrl(request, env);
    if (Array.isArray(url)) return own(url[0], url[1], 'refused', origin);

    const maxRequest = limit(env.RELAY_MAX_REQUEST_BYTES, 32 * MiB);
    const maxResponse = limit(env.RELAY_MAX_RESPONSE_BYTES, 48 * MiB);
    const tooLarge = `The request body is larger than the relay forwards (${maxRequest} bytes).`;
    const length = request.headers.get('content-length');
    if (length != null && Number(length) > maxRequest) return own(413, tooLarge, 'refused', origin);

    const headers = new Headers();
    for (const name of REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value != null) headers.set(name, value);
    }
    // A body whose length is known was checked above and goes as it is (with its length); one without a length
    // is counted on its way and cut off past the cap.
    let forwarded = request.method === 'GET' || request.method === 'HEAD' ? null : request.body;
    let requestOver = () => false;
    const abort = new AbortController();
    if (forwarded && length == null)
      ({ stream: forwarded, over: requestOver } = capped(forwarded, maxRequest, () => abort.abort()));

    let upstream;
    try {
      // redirect: 'manual': a key in x-key or Authorization must never follow a redirect to another host;
      // the 3xx goes back to the page as it is.
      upstream = await fetch(url.href, {
        method: request.method,
        headers,
        body: forwarded,
        redirect: 'manual',
        signal: abort.signal,
      });
    } catch {
      if (requestOver()) return own(413, tooLarge, 'refused', origin);
      return own(502, 'The relay could not reach the provider.', 'error', origin);
    }

    const out = new Headers({ ...corsHeaders(origin), ...SAFE_HEADERS });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value != null) out.set(name, value);
    }
    // A reply to a keyed request is that account's (a task, a balance, an image's signed address), and the relay's
    // URL names no key: a provider's `public, max-age` would let a cache keep it and hand it to a request without
    // the key. Never kept; a reply to a request without a key (an image from a CDN) keeps the provider's.
    if (headers.has('authorization') || headers.has('x-key')) out.set('Cache-Control', 'no-store');
    // A compressed reply is decoded on its way through this fetch: its Content-Length is not the length sent on.
    const encoding = upstream.headers.get('content-encoding')?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') out.delete('content-length');
    // No body to pass on: a HEAD, or a status that has none (a Response with a body would throw).
    if (request.method === 'HEAD' || [204, 205, 304].includes(upstream.status) || !upstream.body) {
      await upstream.body?.cancel();
      return new Response(null, { status: upstream.status, statusText: upstream.statusText, headers: out });
    }
    const declared = out.get('content-length');
    if (declared != null && Number(declared) > maxResponse) {
      await upstream.body.cancel();
      const detail = `The provider's reply is larger than the relay passes on (${maxResponse} bytes).`;
      return own(502, detail, 'error', origin);
    }
    // Streamed, never buffered: a reply of unknown length is cut off (the stream errors) past the cap.
    const body = declared == null ? capped(upstream.body, maxResponse).stream : upstream.body;
    return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers: out });
  },
};
