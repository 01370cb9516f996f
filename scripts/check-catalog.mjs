// `npm run check:catalog` (in `npm test`, as a warning: it never fails the run): the bundled models within 30 days of
// their provider's announced shutdown, or past it, so that a stale book is seen by whoever runs the tests before a
// user meets it. A model past its shutdown is never offered nor sent (src/pricing/lifecycle.ts); its entry is kept so
// that a page naming it gets its replacement, and is listed once so, for whoever prunes the book. Time: the machine's
// clock, or `CATALOG_NOW` (an ISO date-time) to ask about another day.
import { loadPriceBook } from './price-book.mjs';

const DAY_MS = 86_400_000;
const WARN_DAYS = 30;
const now = process.env.CATALOG_NOW ? Date.parse(process.env.CATALOG_NOW) : Date.now();
const book = await loadPriceBook();

const books = [['', book.BUILTIN_PRICE_BOOK], ...Object.entries(book.GATEWAY_PRICE_BOOKS)];
const soon = [];
const gone = [];
for (const [host, prices] of books)
  for (const [model, byProvider] of Object.entries(prices))
    for (const [provider, entry] of Object.entries(byProvider)) {
      const { shutdown, replacement, source } = entry.lifecycle ?? {};
      if (!shutdown) continue;
      const left = Math.floor((Date.parse(`${shutdown}T00:00:00Z`) - now) / DAY_MS);
      const where = `${model} at ${provider}${host ? ` (${host})` : ''}`;
      const then = replacement ? `, replaced by ${replacement}` : ', with no replacement';
      const said = `${where}: shut down on ${shutdown}${then} (${source.name}, ${source.asOf})`;
      if (left < 0) gone.push(said);
      else if (left < WARN_DAYS) soon.push(`${said}: in ${left} ${left === 1 ? 'day' : 'days'}`);
    }

const day = new Date(now).toISOString().slice(0, 10);
if (soon.length) {
  console.warn(`Warning: ${soon.length} bundled models shut down within ${WARN_DAYS} days of ${day}:`);
  for (const line of soon) console.warn(`  ${line}`);
  console.warn("Check the providers' pages: is the date still right, is the replacement in the book?");
}
console.log(`Past their shutdown on ${day}, kept for their replacement (${gone.length}):`);
for (const line of gone) console.log(`  ${line}`);
if (!soon.length) console.log(`No bundled model shuts down within ${WARN_DAYS} days of ${day}.`);
