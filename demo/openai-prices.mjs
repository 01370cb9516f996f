// OpenAI's own prices for GPT Image, as the widget has them: `GATEWAY_PRICE_BOOKS['api.openai.com']`, known at OpenAI's
// own host only (src/providers/registry/prices.ts, `priceBookFor`). The demo's OpenAI entry sends to the simulator at its own
// address, so it states them as its page's `priceBook`, as a site that sends through its own proxy to OpenAI would;
// read here from the widget's own book (src/ bundled in memory by esbuild: scripts/price-book.mjs), never copied, so
// that they cannot drift from it. GET /openai-prices.json answers them: demo/server.mjs and the test runner
// (web-test-runner.config.mjs) both mount `serveOpenAiPrices`.
import { isDeepStrictEqual } from 'node:util';

/** Where the page asks for them (demo/demo.js). */
const PATH = '/openai-prices.json';

/** The book as JSON text, once read; null where it could not be (said once, on the console). */
let text;

/**
 * The book as JSON text, read once (the first call starts it: the demo server calls it at start). Plain data only:
 * decimal strings, numbers, booleans, arrays and objects, which the page's `priceBook` takes as they are; a book that
 * ever held anything else (a Decimal, a function) would not survive JSON unchanged, and is refused rather than sent
 * otherwise than the widget prices with it.
 */
export function openaiPrices() {
  text ??= import('../scripts/price-book.mjs')
    .then(({ loadPriceBook }) => loadPriceBook())
    .then(({ GATEWAY_PRICE_BOOKS }) => {
      const book = GATEWAY_PRICE_BOOKS['api.openai.com'];
      const json = JSON.stringify(book ?? null);
      if (!book || !isDeepStrictEqual(JSON.parse(json), book))
        throw new Error("GATEWAY_PRICE_BOOKS['api.openai.com'] is missing, or not plain JSON");
      return json;
    })
    .catch((error) => {
      console.warn(`warning: the demo's OpenAI entry has no prices (${PATH} answers 503).\n${error.message}`);
      return null;
    });
  return text;
}

/** Answers GET or HEAD /openai-prices.json (503 where the book could not be read); false for any other request. */
export async function serveOpenAiPrices(req, res) {
  if (new URL(req.url, 'http://localhost').pathname !== PATH || !['GET', 'HEAD'].includes(req.method)) return false;
  const json = await openaiPrices();
  const body = json ?? 'The OpenAI prices could not be read from the widget’s price book: see the server’s console.';
  res.writeHead(json ? 200 : 503, {
    'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
