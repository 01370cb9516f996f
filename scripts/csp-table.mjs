// The Content-Security-Policy table of docs/embedding.md: each provider's `connect-src`, `img-src` and `script-src`,
// and the whole policy of the README's first snippet, written from the providers' own data
// (src/providers/registry/content-security.ts: each provider's `defaultEndpoint()`, the gateways whose prices are built in, and
// the hosts beyond them), bundled for Node by esbuild, in memory, as scripts/price-book.mjs does. `npm run docs:csp`
// rewrites what lies between the markers; `npm run docs:csp -- --check` (in `npm test`) fails when the file is not
// what the data says, so that the table cannot drift from the hosts the widget reaches. Formatted by prettier, as
// `npm run format` would write it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { settleDoc } from './generated-doc.mjs';
import { loadFromSource } from './price-book.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = join(root, 'docs/embedding.md');
const BEGIN =
  '<!-- csp-table:begin: written by `npm run docs:csp` from src/providers/registry/content-security.ts; edit that, then run it -->';
const END = '<!-- csp-table:end -->';
/** Where the README's first snippet loads the widget and its stylesheet from. */
const CDN = 'https://cdn.jsdelivr.net';

/** The rows, from src/ itself (never a copy of it). */
async function loadRows() {
  const entry = "export { contentSecurity } from './src/providers/registry/content-security.js';";
  const { contentSecurity } = await loadFromSource(entry, 'csp-table-entry.ts');
  return contentSecurity();
}

const sources = (list) => (list.length ? list.map((source) => `\`${source}\``).join(' ') : '—');

function table(rows) {
  const lines = [
    '| provider | `connect-src` | `img-src` | `script-src` |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.name} | ${sources(row.connect)} | ${sources(row.img)} | ${sources(row.script)} |`),
    '',
    ...rows.filter((row) => row.note).map((row) => `- ${row.name}: ${row.note}`),
  ];
  return lines.join('\n');
}

/** The whole policy of a page that loads the widget from jsDelivr and offers `row`'s provider alone. */
function policyOf(row) {
  const directive = (name, list) => [name, "'self'", ...list].join(' ');
  return [
    "default-src 'self'",
    directive('script-src', [CDN, ...row.script]),
    directive('style-src', [CDN]),
    directive('img-src', ['blob:', 'data:', ...row.img]),
    directive('connect-src', row.connect),
  ].join('; ');
}

function generated(rows) {
  const puter = rows.find((row) => row.id === 'puter');
  return [
    table(rows),
    '',
    "The README's first snippet (the widget and its stylesheet from jsDelivr, Puter, the default provider) needs, whole:",
    '',
    '```text',
    `Content-Security-Policy: ${policyOf(puter)}`,
    '```',
  ].join('\n');
}

const current = readFileSync(docPath, 'utf8');
const begin = current.indexOf(BEGIN);
const end = current.indexOf(END);
if (begin < 0 || end < begin) {
  console.error(`csp-table: docs/embedding.md has lost its markers; the table goes between\n${BEGIN}\nand\n${END}`);
  process.exit(1);
}
const written = `${current.slice(0, begin)}${BEGIN}\n\n${generated(await loadRows())}\n\n${current.slice(end)}`;
const formatted = await prettier.format(written, { ...(await prettier.resolveConfig(docPath)), filepath: docPath });
settleDoc({
  script: 'csp-table',
  doc: 'docs/embedding.md',
  docPath,
  current,
  formatted,
  stale: 'is not what src/providers/registry/content-security.ts says: run `npm run docs:csp`.',
});
