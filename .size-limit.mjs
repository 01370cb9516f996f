// The two byte budgets of `npm test` (docs/performance.md), measured on the build in dist/ with gzip (size-limit reads
// "40 KB" as 40,000 bytes):
// - what a page loads before its first price: the entry and every chunk it imports statically (read from the built
//   files themselves, so that a chunk rollup splits off in front of the first paint counts too);
// - everything the widget can ever load: every file of dist/ a page can import (not the Puter SDK, loaded from
//   Puter's own host on first use of provider "puter").
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';

await init;
const entry = 'dist/userpays.js';

/** `file` and every file it imports statically (`import … from`), transitively; dynamic `import()`s are later. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const [imports] = parse(readFileSync(file, 'utf8'));
  for (const { n: specifier, d: dynamic } of imports)
    if (dynamic === -1 && specifier?.startsWith('.'))
      staticClosure(relative('.', resolve(dirname(file), specifier)), seen);
  return seen;
}

const everything = [entry, ...readdirSync('dist/chunks').map((name) => join('dist/chunks', name))];

export default [
  {
    name: 'Before the first price: dist/userpays.js and what it imports statically',
    path: [...staticClosure(entry)],
    limit: '40 KB',
    gzip: true,
  },
  {
    name: 'Everything the widget can load: dist/userpays.js and dist/chunks/*',
    path: everything,
    limit: '80 KB',
    gzip: true,
  },
];
