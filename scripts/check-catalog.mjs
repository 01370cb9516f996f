// `npm run check:catalog` (in `npm test`): fails (exit 1), one plain line per finding, where the built-in price book or
// the provider docs say what is no longer so. The rules, exactly, are scripts/catalog-rules.mjs's header:
//   1. a model its maker has shut down that the book still offers (no shutdown of its own on that path);
//   2. a model that shuts down within 14 days with no replacement its path prices and serves then;
//   3. a model still offered whose price or lifecycle source was read more than 90 days ago;
//   4. docs/providers.md or a src/providers/<id>/README.md naming an id the book has only with an announced shutdown,
//      or a model id the book does not have.
// A model past its own shutdown, still in the book with that date, is not a finding: it is never offered nor sent, and
// is kept so that a page naming it gets its replacement. Those, and the ones within 30 days of theirs, are listed for
// whoever prunes the book.
//
// The day: `--today YYYY-MM-DD` (tests), else `CATALOG_TODAY`, else the date of `CATALOG_NOW` (an ISO date-time), else
// the machine's date, UTC (a person, CI). `--book <module>`: a planted book instead of src/'s (a module exporting
// BUILTIN_PRICE_BOOK and GATEWAY_PRICE_BOOKS); `--root <dir>`: where the docs are read from (default: the repository).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFromSource } from './price-book.mjs';
import { bookFindings, docFindings } from './catalog-rules.mjs';

const { values } = parseArgs({
  options: { today: { type: 'string' }, book: { type: 'string' }, root: { type: 'string' } },
});
const today =
  values.today ??
  process.env.CATALOG_TODAY ??
  new Date(process.env.CATALOG_NOW ? Date.parse(process.env.CATALOG_NOW) : Date.now()).toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
  console.error(`check:catalog: "${today}" is not a day (YYYY-MM-DD).`);
  process.exit(2);
}

const source = await loadFromSource(`
export { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from './src/providers/registry/prices.js';
export { makerShutdown } from './src/providers/model-facts.js';
`);
const planted = values.book ? await import(pathToFileURL(resolve(values.book)).href) : source;
const builtin = planted.BUILTIN_PRICE_BOOK;
const gateways = planted.GATEWAY_PRICE_BOOKS ?? {};
const makerShutdown = planted.makerShutdown ?? source.makerShutdown;

/** docs/providers.md and each provider's README under `root`, by path. */
function providerDocs(root) {
  const paths = ['docs/providers.md'];
  const folder = join(root, 'src/providers');
  if (existsSync(folder))
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory() && existsSync(join(folder, entry.name, 'README.md')))
        paths.push(`src/providers/${entry.name}/README.md`);
  return Object.fromEntries(
    paths.filter((path) => existsSync(join(root, path))).map((path) => [path, readFileSync(join(root, path), 'utf8')]),
  );
}

const root = values.root ?? fileURLToPath(new URL('..', import.meta.url));
const found = [
  ...bookFindings({ builtin, gateways, makerShutdown, today }),
  ...docFindings({ builtin, gateways, docs: providerDocs(root) }),
];

// For whoever prunes the book: what has ended, and what ends within 30 days (not findings).
const paths = [['', builtin], ...Object.entries(gateways)];
for (const [host, book] of paths)
  for (const [model, byProvider] of Object.entries(book))
    for (const [provider, { lifecycle }] of Object.entries(byProvider)) {
      if (!lifecycle?.shutdown) continue;
      const left = Math.round((Date.parse(lifecycle.shutdown) - Date.parse(today)) / 86_400_000);
      const then = lifecycle.replacement ? `replaced by ${lifecycle.replacement}` : 'no replacement';
      const at = `${model} at ${provider}${host ? ` (${host})` : ''}`;
      if (left <= 0) console.log(`ended ${lifecycle.shutdown}, kept for its replacement: ${at}, ${then}`);
      else if (left < 30) console.log(`ends ${lifecycle.shutdown}, in ${left} days: ${at}, ${then}`);
    }

for (const line of found) console.log(line);
console.log(
  found.length
    ? `check:catalog on ${today}: ${found.length} ${found.length === 1 ? 'problem' : 'problems'} (rules: scripts/catalog-rules.mjs).`
    : `check:catalog on ${today}: the book and the provider docs hold.`,
);
process.exit(found.length ? 1 : 0);
