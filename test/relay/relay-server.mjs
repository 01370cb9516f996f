// The test runner's side of the relay tests (test/relay/relay.test.ts): relays running relay/worker.js in workerd
// (scripts/relay-local.mjs), started once the test server's port is known, and a test upstream of its own.
//
// On the test server:
//   GET  /__relays.json          { main, strict, elsewhere, small }: each relay's base URL (configured below)
//   GET  /__relay-logs.json      { main: '<what its workerd printed>', … }
//   GET  /__relay-upstream.json  { url }: the test upstream's base URL (http://127.0.0.1:<port>)
//   GET  /__relay-upstream/seen?token=t      { count }: how many requests with that token reached the upstream
//   GET  /__relay-upstream/release?token=t   lets a held /bytes reply go on
//
// The test upstream, a plain node:http server (on its own port, so that a request the relay aborts halfway is
// no error of the test server's), answers no CORS, like a provider that does not:
//   ANY  /headers[?token=t][&extra=1][&status=n]
//        the method, headers and body size it received, as JSON; token=t counts the request (see /seen);
//        extra=1 adds reply headers the relay must drop (set-cookie, x-provider-private) and ones it must pass
//        on (retry-after, cache-control); status=n answers with that status (204: no body); cache=<value>: the
//        reply's Cache-Control (a provider's `public, max-age=600`, say)
//   GET  /bytes?n=N[&length=1][&hold=t]
//        N bytes in 64 KiB chunks, with Content-Length only with length=1; hold=t: after the first chunk, waits
//        for /release?token=t before sending the rest
//
// The server command `relay-node-request` sends a request to a relay from Node, for what a page cannot send
// (no Origin, cookies, x-forwarded-for, a preflight's own headers, a body without Content-Length).
import { createServer, request as httpRequest } from 'node:http';
import { startRelay } from '../../scripts/relay-local.mjs';

const relays = {};
const held = new Map();
const seen = new Map();
const CHUNK = 64 * 1024;
let upstreamUrl;

const sendJson = (res, status, body, headers = {}) => {
  const text = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
};

async function upstream(req, res) {
  const url = new URL(req.url, 'http://upstream.invalid');
  const token = url.searchParams.get('token');
  if (token) seen.set(token, (seen.get(token) ?? 0) + 1);

  if (url.pathname === '/headers') {
    let bytes = 0;
    try {
      for await (const chunk of req) bytes += chunk.length;
    } catch {
      return res.destroy(); // the relay gave up on the request (a body over its cap)
    }
    const extra = url.searchParams.get('extra')
      ? {
          'Set-Cookie': 'session=provider; Path=/',
          'X-Provider-Private': 'internal',
          'Retry-After': '7',
          'Cache-Control': 'private, max-age=5',
        }
      : {};
    const cache = url.searchParams.get('cache');
    if (cache !== null) extra['Cache-Control'] = cache;
    return sendJson(
      res,
      Number(url.searchParams.get('status') ?? 200),
      {
        method: req.method,
        headers: req.headers,
        bytes,
      },
      extra,
    );
  }

  if (url.pathname === '/bytes') {
    const n = Number(url.searchParams.get('n'));
    const hold = url.searchParams.get('hold');
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (url.searchParams.get('length')) headers['Content-Length'] = n;
    res.writeHead(200, headers);
    const chunk = Buffer.alloc(CHUNK, 0x5a);
    for (let sent = 0; sent < n && !res.destroyed; sent += CHUNK) {
      const size = Math.min(CHUNK, n - sent);
      if (!res.write(size === CHUNK ? chunk : chunk.subarray(0, size)))
        await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      if (hold && sent === 0) await new Promise((resolve) => held.set(hold, resolve));
    }
    return res.end();
  }
  sendJson(res, 404, { detail: 'Not Found' });
}

function json(ctx, body) {
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}

/** Middleware for the test server (config `middleware`: Koa's stack is built before plugins' serverStart). */
export async function relayMiddleware(ctx, next) {
  const each = (value) => Object.fromEntries(Object.entries(relays).map(([name, relay]) => [name, value(relay)]));
  const token = ctx.query.token;
  if (ctx.path === '/__relays.json')
    return json(
      ctx,
      each((relay) => relay.url),
    );
  if (ctx.path === '/__relay-logs.json')
    return json(
      ctx,
      each((relay) => relay.logs()),
    );
  if (ctx.path === '/__relay-upstream.json') return json(ctx, { url: upstreamUrl });
  if (ctx.path === '/__relay-upstream/seen') return json(ctx, { count: seen.get(token) ?? 0 });
  if (ctx.path === '/__relay-upstream/release') {
    held.get(token)?.();
    held.delete(token);
    return json(ctx, { released: true });
  }
  return next();
}

/** A request to a relay from Node: `{ relay, path, method, headers, body, chunks }` → `{ status, headers, body }`. */
function nodeRequest({ relay, path, method = 'GET', headers = {}, body, chunks }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${relays[relay].url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    // `chunks`: [count, size] written one by one without a Content-Length (chunked transfer encoding).
    if (chunks) for (let i = 0; i < chunks[0]; i++) req.write(Buffer.alloc(chunks[1], 0x61));
    req.end(body);
  });
}

/** Starts the upstream and the relays once the test server listens, stops them with it, runs `relay-node-request`. */
export function relayPlugin() {
  let server;
  return {
    name: 'userpays-relays',
    async serverStart({ config }) {
      server = createServer((req, res) => upstream(req, res).catch(() => res.destroy()));
      // A request the relay aborted halfway is expected here, not an error to print.
      server.on('clientError', (_error, socket) => socket.destroy());
      await new Promise((resolve) => server.listen(0, resolve)); // every local address: 127.0.0.1 and localhost
      const up = server.address().port;
      upstreamUrl = `http://127.0.0.1:${up}`;

      const pages = `http://localhost:${config.port},http://127.0.0.1:${config.port}`;
      const hosts = [config.port, up].flatMap((port) => [`localhost:${port}`, `127.0.0.1:${port}`]).join(',');
      const envs = {
        main: { RELAY_ORIGINS: pages, RELAY_HOSTS: hosts },
        // The test pages, but only one of the two names of each server upstream.
        strict: { RELAY_ORIGINS: pages, RELAY_HOSTS: `127.0.0.1:${config.port},127.0.0.1:${up}` },
        // A relay that serves every page (RELAY_ORIGINS="*"): still never a navigation.
        open: { RELAY_ORIGINS: '*', RELAY_HOSTS: hosts },
        // Another site's relay: the test pages' origins are not allowed.
        elsewhere: { RELAY_ORIGINS: 'https://site.example', RELAY_HOSTS: hosts },
        small: {
          RELAY_ORIGINS: pages,
          RELAY_HOSTS: hosts,
          RELAY_MAX_REQUEST_BYTES: 1000,
          RELAY_MAX_RESPONSE_BYTES: 100_000,
        },
      };
      await Promise.all(Object.entries(envs).map(async ([name, env]) => (relays[name] = await startRelay({ env }))));
    },
    async serverStop() {
      for (const release of held.values()) release();
      server?.closeAllConnections();
      server?.close();
      await Promise.all(Object.values(relays).map((relay) => relay.stop()));
    },
    async executeCommand({ command, payload }) {
      if (command === 'relay-node-request') return nodeRequest(payload);
      return undefined;
    },
  };
}
