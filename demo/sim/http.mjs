// Small helpers shared by the protocol simulators (plain node:http, no dependencies).

/**
 * CORS headers for every reply, errors and preflights included. The request's Origin is echoed
 * (with credentials allowed, which the Puter SDK needs); without an Origin, `*`.
 */
export function corsHeaders(req) {
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

/** 204 reply to a CORS preflight. */
export function preflight(req, res) {
  res.writeHead(204, { ...corsHeaders(req), 'Content-Type': 'text/plain', 'Content-Length': 0 });
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

/** `http://host` of this request (the simulators speak plain HTTP on loopback). */
export function baseUrl(req, host = req.headers.host) {
  return `${req.socket.encrypted ? 'https' : 'http'}://${host}`;
}

/** Simulates a network failure: the connection drops without any reply. */
export function dropConnection(req, res) {
  res.statusCode = 599; // (for servers that log the status of requests they handed over)
  res.socket?.destroy();
  req.socket?.destroy();
}
