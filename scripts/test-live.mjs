// `npm run test:live`: "Check this account" (`UserPays.check()`, docs/check.md) against the real providers, for each
// path whose key is in the environment, in headless Chromium: the live list beside the built-in book and the balance,
// read for free; with USERPAYS_LIVE_GENERATE=1, the cheapest image too (real money: a cent or less on most paths).
// Each report is written to USERPAYS_LIVE_OUT (default live-reports/<date>/<path>.json, keys scrubbed: a simulator
// replays it, demo/sim/report-replay.mjs) and one line per path is printed; a path with no key prints a skip line. It
// exits 1 when a check that ran failed, reached nothing, or found the book out of date (a model missing or priced
// otherwise), 0 otherwise, also with no key at all. Never part of `npm test`: it reaches the providers, which nothing
// else here does. Run it with `npm run build` done first.
//
//   USERPAYS_LIVE_<PATH>_KEY    the key of each path (table below); Puter's is an auth token (puter.authToken)
//   USERPAYS_LIVE_GATEWAY_ENDPOINT   the gateway's base URL (with USERPAYS_LIVE_GATEWAY_KEY)
//   USERPAYS_LIVE_GATEWAY_PRICES     a JSON file of the gateway's prices (a `priceBook`): the built-in book has none
//   USERPAYS_LIVE_RELAY         the site's relay (docs/relay.md), for the hosts that refuse pages (BFL, fal, gateways)
//   USERPAYS_LIVE_GENERATE=1    also make the cheapest image of each path
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each path: its name, the widget's provider, and the variable its key is in. */
const LIVE_PATHS = [
  { path: 'bfl', provider: 'bfl', key: 'USERPAYS_LIVE_BFL_KEY' },
  { path: 'fal', provider: 'fal', key: 'USERPAYS_LIVE_FAL_KEY' },
  { path: 'openai', provider: 'openai', key: 'USERPAYS_LIVE_OPENAI_KEY' },
  { path: 'google', provider: 'google', key: 'USERPAYS_LIVE_GOOGLE_KEY' },
  { path: 'openrouter', provider: 'openrouter', key: 'USERPAYS_LIVE_OPENROUTER_KEY' },
  { path: 'pollinations', provider: 'pollinations', key: 'USERPAYS_LIVE_POLLINATIONS_KEY' },
  { path: 'huggingface', provider: 'huggingface', key: 'USERPAYS_LIVE_HUGGINGFACE_KEY' },
  { path: 'puter', provider: 'puter', key: 'USERPAYS_LIVE_PUTER_KEY' },
  { path: 'gateway', provider: 'openai', key: 'USERPAYS_LIVE_GATEWAY_KEY', endpoint: 'USERPAYS_LIVE_GATEWAY_ENDPOINT' },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;

/** The page the checks run in: the bundle, as a site loads it (its CSP is the browser's default: none). */
const PAGE =
  '<!doctype html><meta charset="utf-8"><title>test:live</title><script type="module" src="/dist/userpays.js"></script>';

/** Serves the page and dist/ on loopback; resolves to its address. */
function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (!/^\/dist\/(chunks\/)?[\w.-]+\.js$/.test(path)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(root, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}

/** One line of what a report says. */
function summary({ models, balance, image }) {
  const parts = [
    models.answered
      ? `${models.missing.length} missing, ${models.added.length} new, ${models.priced.length} priced otherwise`
      : 'no list read',
    balance?.said.text ?? 'no balance',
  ];
  if (image) parts.push(image.said.text);
  return parts.join('; ');
}

/** The options of `path`'s check, from the environment. */
function optionsOf(path) {
  const options = { provider: path.provider, generate: env.USERPAYS_LIVE_GENERATE === '1' };
  if (path.provider !== 'puter') options.apiKey = env[path.key];
  if (path.endpoint) options.endpoint = env[path.endpoint] ?? '';
  if (path.path === 'gateway' && env.USERPAYS_LIVE_GATEWAY_PRICES)
    options.priceBook = JSON.parse(readFileSync(env.USERPAYS_LIVE_GATEWAY_PRICES, 'utf8'));
  if (env.USERPAYS_LIVE_RELAY) options.relay = env.USERPAYS_LIVE_RELAY;
  return options;
}

/** Runs `path`'s check in a fresh page of `browser`: its report (JSON text), or throws its error's words. */
async function checkIn(browser, address, path) {
  const page = await browser.newPage();
  try {
    await page.goto(address);
    await page.waitForFunction(() => globalThis.UserPays?.check);
    if (path.provider === 'puter')
      await page.evaluate(async (token) => {
        await new Promise((resolve, reject) => {
          const script = Object.assign(document.createElement('script'), { src: 'https://js.puter.com/v2/' });
          script.onload = resolve;
          script.onerror = reject;
          document.head.append(script);
        });
        globalThis.puter.setAuthToken(token);
      }, env[path.key]);
    return await page.evaluate(
      (options) =>
        globalThis.UserPays.check(options).then(
          (report) => JSON.stringify(report, null, 2),
          (error) => Promise.reject(new Error(`${error.code}: ${error.message}`)),
        ),
      optionsOf(path),
    );
  } finally {
    await page.close();
  }
}

async function main() {
  const chosen = LIVE_PATHS.filter((path) => env[path.key]);
  for (const path of LIVE_PATHS)
    if (!env[path.key]) console.log(`skip ${path.path}: no ${path.key} in the environment`);
  if (!chosen.length) return 0;
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, chromiumPath } = await import('./chromium.mjs');
  const out = env.USERPAYS_LIVE_OUT ?? join(root, 'live-reports', new Date().toISOString().slice(0, 10));
  mkdirSync(out, { recursive: true });
  const { server, port } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  let failed = 0;
  try {
    for (const path of chosen) {
      try {
        const json = await checkIn(browser, `http://127.0.0.1:${port}/`, path);
        writeFileSync(join(out, `${path.path}.json`), json);
        const report = JSON.parse(json);
        const stale = report.models.missing.length + report.models.priced.length > 0;
        const unmade = report.image && report.image.status !== 'made';
        // Requests went, and none was answered: the provider was not reached (a wrong endpoint, no relay, offline).
        const exchanges = report.steps.flatMap((step) => step.exchanges);
        const unreached = exchanges.length > 0 && exchanges.every(({ status }) => status === 0);
        const bad = stale || unmade || unreached;
        if (bad) failed++;
        console.log(`${bad ? 'FAIL' : 'ok'} ${path.path}: ${unreached ? 'not reached; ' : ''}${summary(report)}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${path.path}: ${String(error.message ?? error).split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`reports in ${out}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
