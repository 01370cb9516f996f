// `npm start`: serves the demo page at /, the built bundle at /dist/, the examples at /examples/, and the provider
// simulators under /sim/ with realistic queueing and Pending times. Plain node:http, no dependencies (but esbuild,
// loaded when an example first asks for React: examples/vendor.mjs, and at start for OpenAI's prices, below); text
// gzipped, as a CDN serves it.
// It also starts the relay (relay/worker.js in workerd, docs/relay.md) on a port of its own, allowed for this
// page and these simulators; GET /relay.json tells the page its URL ({"url": null} when it could not start).
// GET /openai-prices.json answers OpenAI's GPT Image prices as the widget's own book has them, which the demo's OpenAI
// entry states as its page's priceBook (demo/openai-prices.mjs: read at start; a 503 where they could not be).
// `node demo/server.mjs --replay report.json` also serves a report of "Check this account" (docs/check.md) as a
// simulator at /sim/replay/report/ (demo/sim/report-replay.mjs): point a widget's endpoint there.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { createSimulator } from './sim/index.mjs';
import { loadReport } from './sim/report-replay.mjs';
import { openaiPrices, serveOpenAiPrices } from './openai-prices.mjs';
import { startRelay } from '../scripts/relay-local.mjs';
import { vendorModule } from '../examples/vendor.mjs';

// PORT=0: any free port (printed below; bench/lighthouse.mjs starts the demo so).
const PORT = Number(process.env.PORT || 8000);
const root = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = [
  ['/dist/', join(root, 'dist')],
  // The runnable examples (README.md, "Examples"): /examples/plain-html/, /examples/react/ …
  ['/examples/', join(root, 'examples')],
  // The documentation the demo page links (README.md, docs/*.md), as plain text.
  ['/docs/', join(root, 'docs')],
  ['/', join(root, 'demo')],
];
// Single files by exact path. The Puter SDK is never bundled into userpays: the demo serves the npm package's
// browser build (a devDependency) as the widget's `puter-src`, so `npm start` works offline.
const FILES = {
  '/vendor/puter.js': join(root, 'node_modules/@heyputer/puter.js/dist/puter.cjs'),
  // The elements' manifest (made by the build): the demo's API reference is drawn from it.
  '/custom-elements.json': join(root, 'custom-elements.json'),
  '/README.md': join(root, 'README.md'),
};
// The reservation stylesheet a site links beside the bundle (userpays-image:not(:defined) …: the widget's space
// held before its script runs). Served empty while a build has not made it, so that the demo's link never 404s
// (a console error, which Lighthouse's best practices count).
const OPTIONAL = { '/dist/userpays.css': '/* dist/userpays.css: not in this build */\n' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

// Seconds a real task of each model tends to stay Pending (roughly, as seen on api.bfl.ai), ±20 %.
const PENDING_S = {
  'flux-2-klein-4b': 2,
  'flux-2-klein-9b': 2.5,
  'flux-2-pro': 4,
  'flux-2-flex': 6,
  'flux-2-max': 5,
  'flux-kontext-pro': 4,
  'flux-kontext-max': 5,
  'flux-pro-1.1': 3,
  'flux-pro-1.1-ultra': 6,
  'flux-pro-1.0-fill': 4,
};
const replayed = process.argv.indexOf('--replay');
if (replayed > 0 && process.argv[replayed + 1]) loadReport(process.argv[replayed + 1], 'report');
const jitter = () => 0.8 + Math.random() * 0.4;
const simulator = createSimulator({
  pendingMs: (model) => Math.round((PENDING_S[model] ?? 3) * 1000 * jitter()),
  queueMs: () => Math.round(400 * jitter()),
});

/** Text compresses: served gzipped to a browser that takes it, as any CDN would serve the bundle. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const gzipFor = (req, type) => COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');

function reply(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A file under one of the mounts, or undefined; never outside them. */
async function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  if (Object.hasOwn(FILES, decoded)) {
    const info = await stat(FILES[decoded]).catch(() => undefined);
    return info?.isFile() ? { file: FILES[decoded], size: info.size } : undefined;
  }
  for (const [prefix, dir] of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    let file = normalize(join(dir, decoded.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return undefined;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    return info?.isFile() ? { file, size: info.size } : undefined;
  }
  return undefined;
}

// OpenAI's prices, read from the widget's book while the server starts: ready by the page's first request for them.
openaiPrices();

/** The relay once started, or null if workerd could not start it; set when the server listens. */
let relay = Promise.resolve(null);

const server = createServer(async (req, res) => {
  try {
    if (await simulator.handle(req, res)) return;
    if (await serveOpenAiPrices(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method Not Allowed');
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/relay.json') {
      const body = JSON.stringify({ url: (await relay)?.url ?? null });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    // The packages the examples' import maps name, as browser modules (examples/vendor.mjs: Vue's browser build;
    // React, CommonJS only, bundled into ES modules on first request).
    const vendor = vendorModule(pathname);
    if (vendor) {
      const text = await vendor;
      const gzip = gzipFor(req, TYPES['.js']);
      const body = gzip ? gzipSync(text) : Buffer.from(text);
      res.writeHead(200, {
        'Content-Type': TYPES['.js'],
        'Content-Length': body.length,
        ...(gzip && { 'Content-Encoding': 'gzip' }),
        Vary: 'Accept-Encoding',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    const found = await resolveFile(pathname);
    if (!found && Object.hasOwn(OPTIONAL, pathname)) {
      res.writeHead(200, {
        'Content-Type': TYPES['.css'],
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      return res.end(req.method === 'HEAD' ? undefined : OPTIONAL[pathname]);
    }
    if (!found) return reply(res, 404, 'Not Found');
    const type = TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = gzipFor(req, type);
    res.writeHead(200, {
      'Content-Type': type,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': found.size }),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    const streams = [createReadStream(found.file), ...(gzip ? [createGzip()] : []), res];
    pipeline(...streams, (error) => error && res.destroy());
  } catch (error) {
    console.error(error);
    if (!res.headersSent) reply(res, 500, 'Internal Server Error');
    else res.destroy();
  }
});

// No HOST set: listens on every local address, so both http://localhost and http://127.0.0.1 reach it
// (the BFL simulator sends its polling and image URLs to the other of the two names).
server.listen(PORT, process.env.HOST, () => {
  const { port } = server.address();
  console.log(`userpays demo: http://localhost:${port}`);
  const local = [`localhost:${port}`, `127.0.0.1:${port}`];
  relay = startRelay({
    env: { RELAY_ORIGINS: local.map((host) => `http://${host}`).join(','), RELAY_HOSTS: local.join(',') },
  }).then(
    (started) => {
      console.log(`relay (relay/worker.js in workerd): ${started.url}`);
      return started;
    },
    (error) => {
      console.warn(`warning: the relay did not start, the demo runs without it.\n${error.message}`);
      return null;
    },
  );
});

// Ctrl-C or a kill: stop workerd with the server.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, async () => {
    await (await relay)?.stop();
    process.exit(0);
  });
