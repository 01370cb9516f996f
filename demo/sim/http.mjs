// Small helpers shared by the protocol simulators (plain node:http, no dependencies).
import { STATUS_CODES } from 'node:http';

/**
 * CORS headers for every reply, errors and preflights included. The request's Origin is echoed
 * (with credentials allowed, which the Puter SDK needs); without an Origin, `*`. None at all when the route
 * plays a host that answers no CORS (`req.withoutCors`, set by the simulator; see bfl.mjs).
 */
function corsHeaders(req) {
  if (req.withoutCors) return {};
  const origin = req.headers.origin;
  const headers = {
    'Access-Control-Allow-Origin': origin || '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'x-key, content-type, authorization',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
  if (origin) headers['Access-Control-Allow-Credentials'] = 'true';
  if (req.headers['access-control-request-private-network']) headers['Access-Control-Allow-Private-Network'] = 'true';
  return headers;
}

/** Writes a complete reply; `body` is a Buffer, a string, or anything JSON-serialisable. */
export function send(req, res, status, body, headers = {}) {
  let type = 'application/json';
  if (Buffer.isBuffer(body)) type = 'application/octet-stream';
  else if (typeof body === 'string') type = 'text/plain; charset=utf-8';
  else body = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The reply to a CORS preflight: 204 with the CORS headers, or, on a route without CORS, what a server that
 * knows nothing of CORS answers to OPTIONS (405, no CORS headers: the browser refuses the request it precedes).
 * `methods` replaces the allowed methods (fal cancels with PUT); `allowRequestedHeaders` allows whatever headers
 * the client asks for (the SDKs add their own, x-fal-* and x-stainless-*), `authorization, content-type` when it
 * names none.
 */
export function preflight(req, res, { methods, allowRequestedHeaders = false } = {}) {
  if (req.withoutCors) return send(req, res, 405, { detail: 'Method Not Allowed' });
  const allowed = {};
  if (methods) allowed['Access-Control-Allow-Methods'] = methods;
  if (allowRequestedHeaders)
    allowed['Access-Control-Allow-Headers'] =
      req.headers['access-control-request-headers'] || 'authorization, content-type';
  res.writeHead(204, { ...corsHeaders(req), ...allowed, 'Content-Type': 'text/plain', 'Content-Length': 0 });
  res.end();
}

/** Reads the request body (up to `limit` bytes); rejects with `{ status: 413 }` past it. */
export function readBody(req, limit = 64 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads a JSON body; `undefined` when it is not valid JSON. */
export async function readJson(req) {
  const text = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `fault=429;pending=300;times=2` → `{ fault: '429', pending: '300', times: '2' }`.
 * Unknown keys are kept; values are strings.
 */
export function parseScenario(segment = '') {
  const scenario = {};
  for (const part of decodeURIComponent(segment).split(';')) {
    const at = part.indexOf('=');
    if (at > 0) scenario[part.slice(0, at).trim()] = part.slice(at + 1).trim();
    else if (part.trim()) scenario[part.trim()] = 'true';
  }
  return scenario;
}

/** The same server under its other loopback name: `localhost:8000` ↔ `127.0.0.1:8000`. */
export function otherHost(host = 'localhost') {
  if (/^localhost(:|$)/i.test(host)) return host.replace(/^localhost/i, '127.0.0.1');
  if (/^127\.0\.0\.1(:|$)/.test(host)) return host.replace(/^127\.0\.0\.1/, 'localhost');
  return host;
}

/** The request's path and query as a URL (the host is not read from it: see `baseUrl`). */
export const requestUrl = (req) => new URL(req.url, 'http://sim.invalid');

/** `http://host` of this request (the simulators speak plain HTTP on loopback). */
export function baseUrl(req, host = req.headers.host) {
  return `${req.socket.encrypted ? 'https' : 'http'}://${host}`;
}

/**
 * Simulates a network failure: the connection closes without a reply. It closes after one stray byte (a newline),
 * not silently: Chromium resends a request by itself when a keep-alive connection it reused (or had opened ahead)
 * closes with no byte of reply, on the next connection, until one was fresh, so one client call would reach the
 * simulator several times (and be charged several times by fault=accept-then-drop, or use up several `times`).
 * With a byte received it fails the request at once (net::ERR_INVALID_HTTP_RESPONSE; the page sees the same
 * `TypeError: Failed to fetch`). On plain http port 80 such a byte would be read as an HTTP/0.9 reply: there the
 * connection closes silently, and Chromium may resend.
 */
export function dropConnection(req, res) {
  res.statusCode = 599; // (for servers that log the status of requests they handed over)
  const socket = req.socket ?? res.socket;
  if (!socket || socket.destroyed) return;
  if (!socket.encrypted && new URL(baseUrl(req)).port === '') {
    socket.destroy();
    return;
  }
  socket.end('\n', () => socket.destroy());
}

/**
 * `fault=accept-then-drop`: the provider accepted the request (and charged it), then the reply is lost: the log
 * `entry` gets `dropped: true` and the connection drops (`dropConnection`). True when that fault was played.
 */
export function acceptThenDrop(req, res, fault, entry) {
  if (fault !== 'accept-then-drop' && fault !== 'accept-then-reset') return false;
  entry.dropped = true;
  if (fault === 'accept-then-reset') resetConnection(req, res);
  else dropConnection(req, res);
  return true;
}

/**
 * `fault=accept-then-reset`: as a proxy that passes a request on and then resets the connection (TCP RST) without a
 * byte of reply. Unlike `dropConnection`, the browser then sends the request again by itself on each keep-alive
 * connection it reuses (Chromium's ShouldResendRequest), so one client call may reach the simulator, and be
 * charged, several times: what the widget must count as possibly charged.
 */
export function resetConnection(req, res) {
  res.statusCode = 599;
  const socket = req.socket ?? res.socket;
  if (socket && !socket.destroyed) socket.resetAndDestroy();
}

/** Resolves after `ms` (true), or early (false, the timer cleared) when the client goes away. */
export function wait(res, ms) {
  return new Promise((resolve) => {
    if (!(ms > 0)) return resolve(true);
    const stop = () => {
      clearTimeout(timer);
      res.statusCode = 599; // nothing was sent (for servers that log the status of requests they handed over)
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', stop);
      resolve(true);
    }, ms);
    res.once('close', stop);
  });
}

/**
 * Resolves after `ms`, whether or not the client is still there (unlike `wait`): a generation the client walked
 * away from runs to its end all the same, and is charged.
 */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `fault=hang`: the request is held open and never answered. No timer is involved: when the request's socket
 * closes (the client gave up, or the connection went away) the response is ended (destroyed) and the log entry
 * records it. `entry` (the request's log entry) gets `hung: true`, then `closedAt` (ms since the epoch).
 */
export function hang(req, res, entry = {}) {
  entry.hung = true;
  res.statusCode = 599; // never answered (for servers that log the status of requests they handed over)
  const socket = req.socket;
  const close = () => {
    entry.closedAt = Date.now();
    if (!res.writableEnded) res.destroy();
  };
  if (!socket || socket.destroyed) close();
  else socket.once('close', close);
}

/** True when the request is the target of a `fault=redirect` (it carries `redirected=1`): served normally. */
export const isRedirectTarget = (req) => requestUrl(req).searchParams.get('redirected') === '1';

/**
 * `fault=redirect`: a 307 to the same path (and query) on the OTHER loopback name (`otherHost`), with
 * `redirected=1` added to the query so the target answers normally instead of redirecting again.
 */
export function redirect(req, res, entry = {}, reply = send) {
  const target = new URL(req.url, baseUrl(req, otherHost(req.headers.host)));
  target.searchParams.set('redirected', '1');
  entry.redirectedTo = target.href;
  reply(req, res, 307, 'Temporary Redirect', { Location: target.href });
}

/** `fault=html`: the HTML error page a CDN or proxy in front of the provider sends (status 502 unless `status=<n>`). */
export function htmlPage(req, res, scenario = {}) {
  const asked = Number(scenario.status);
  const status = Number.isInteger(asked) && asked >= 200 && asked <= 599 ? asked : 502;
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<center><h1>${title}</h1></center>
<hr><center>edge-proxy (simulated)</center>
</body>
</html>
`;
  send(req, res, status, html, { 'Content-Type': 'text/html; charset=utf-8' });
}

/** The Retry-After of a simulated 429: `retryAfter=<s>` of the scenario, 1 s by default. */
export const retryAfter = (scenario) => ({ 'Retry-After': scenario.retryAfter ?? '1' });

/**
 * The faults the BFL, fal and gateway simulators play alike (their headers give the details): `network`, `502`,
 * `503` (Retry-After only with `retryAfter=<s>`), `hang`, `bad-json`, `html`, `redirect` (not on a redirect's
 * target). `json(status)` is the provider's own error body, `truncated` the non-JSON text of `bad-json`, `reply`
 * the provider's reply writer. True when the fault answered (or holds, or dropped) the request.
 */
export function edgeFault(req, res, fault, scenario, entry, { json, truncated, reply = send }) {
  if (fault === 'network') dropConnection(req, res);
  else if (fault === '502') reply(req, res, 502, json(502));
  else if (fault === '503')
    reply(req, res, 503, json(503), scenario.retryAfter !== undefined ? { 'Retry-After': scenario.retryAfter } : {});
  else if (fault === 'hang') hang(req, res, entry);
  else if (fault === 'bad-json') reply(req, res, 200, truncated, { 'Content-Type': 'application/json' });
  else if (fault === 'html') htmlPage(req, res, scenario);
  else if (fault === 'redirect' && !isRedirectTarget(req)) redirect(req, res, entry, reply);
  else return false;
  return true;
}

/**
 * The fault a submit under `scenario` gets: `scenario.fault`, except with `at=poll` (none) and, with `times=<n>`,
 * only for the first n submits under the same scenario segment (`counter`, kit.mjs createSegmentCounter, counts
 * them). Targets of a redirect are not counted.
 */
export function submitFault(req, scenario, segment, counter) {
  if (scenario.at === 'poll' || scenario.fault === undefined) return undefined;
  if (scenario.times === undefined || isRedirectTarget(req)) return scenario.fault;
  return counter.next(segment) <= Number(scenario.times) ? scenario.fault : undefined;
}

/**
 * A poll of a task (BFL's get_result, fal's status): counts it in `task.polls` (the target of a redirect is the
 * second leg of a poll already counted), then, when the task's scenario has `at=poll`, plays `fault` on the first
 * `times=<n>` polls (default: all): the edge faults (`edgeFault`), or 401, 403, 500 and 429 (with `retryAfter`)
 * in the provider's shape, `json(status)`. True when the fault answered (or holds, or dropped) the poll.
 */
export function pollFault(req, res, fault, task, entry, { json, truncated, reply = send }) {
  if (isRedirectTarget(req)) return false;
  task.polls++;
  const { scenario } = task;
  if (scenario.at !== 'poll' || task.polls > Number(scenario.times ?? Infinity)) return false;
  if (edgeFault(req, res, fault, scenario, entry, { json, truncated, reply })) return true;
  if (fault === '429') reply(req, res, 429, json(429), retryAfter(scenario));
  else if (fault === '401' || fault === '403' || fault === '500') reply(req, res, Number(fault), json(Number(fault)));
  else return false;
  return true;
}

/** The exact decimal text of `units` / 10^`places` (integers; no float): (4550, 4) → '0.455'; 0 → '0'. */
export function decimal(units, places) {
  const n = BigInt(units);
  const digits = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${n < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** '0.04' → 40000 with `places` 6: a decimal text as an integer count of 10^-places; undefined if not exact. */
export function parseDecimal(text, places) {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
  if (!match || !(match[1] || match[2])) return undefined;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > places) return undefined;
  const units = Number(match[1] || '0') * 10 ** places + Number(fraction.padEnd(places, '0') || '0');
  return Number.isSafeInteger(units) ? units : undefined;
}
