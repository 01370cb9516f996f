// Where each module's tests are (`npm run test:homes`): for every src/**/*.ts, its test home, found by its name.
//
//   1. the mirrored file: src/<folders>/<name>.ts is tested at test/<folders>/<name>.test.ts;
//   2. else the test files that import it directly (a value, not `import type` alone);
//   3. else the test files whose header names it on a line `// Holds: src/<folders>/<name>.ts` (a scenario test that holds a
//      module it reaches only through the element, say), or names its folder: `// Holds: src/a/b/`.
//
// A module of types alone (only `type`, `interface` and imports) and an index.ts that only re-exports are covered by
// their folder: homed where another module of that folder, or of a folder under it, is. Prints every module with its
// home, then those with none, then one line: `N of M modules have a test home`.
//
//   node scripts/test-homes.mjs            every module, then those with none, then the summary
//   node scripts/test-homes.mjs --missing  only those with none, and the summary
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const slash = (file) => file.split(path.sep).join('/');

function walk(dir, keep) {
  const found = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...walk(file, keep));
    else if (keep(entry.name)) found.push(file);
  }
  return found.sort();
}

const modules = walk('src', (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
const tests = walk('test', (name) => name.endsWith('.test.ts'));

/** The file's code without its comments (strings are left: a `//` inside one is rare enough in src). */
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every top-level statement declares a type or brings one in: nothing of it exists when the program runs. */
function typesOnly(text) {
  const body = code(text);
  if (/^\s*(export\s+)?(default\s+)?(declare\s+)?(const|let|var|function|async|class|abstract|enum)\b/m.test(body))
    return false;
  if (/^\s*export\s+(default|\*|\{)/m.test(body)) return false;
  if (/^\s*export\s*\{/m.test(body)) return false;
  return /^\s*(export\s+)?(type|interface)\b/m.test(body);
}

/** An index.ts that only re-exports (`export … from`, `export *`) what its folder holds. */
function barrel(file, text) {
  if (path.basename(file) !== 'index.ts') return false;
  const statements = code(text)
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
  return (
    statements.length > 0 && statements.every((statement) => /^(export\b[\s\S]*\bfrom\s|import\b)/.test(statement))
  );
}

/** The src modules a test imports for their values: static, re-exported and dynamic imports; `import type` is not. */
function imported(test, text) {
  const found = new Set();
  const specifiers = [
    ...text.matchAll(/^\s*import\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  for (const specifier of specifiers) {
    if (!specifier.startsWith('.')) continue;
    const file = slash(path.relative(root, path.resolve(root, path.dirname(test), specifier))).replace(/\.js$/, '.ts');
    if (file.startsWith('src/')) found.add(file);
  }
  return found;
}

/** The modules a test's header says it holds: `// Holds: src/<one>.ts, src/<other>.ts`, before its first describe or it. */
function held(text) {
  const header = text.split(/^\s*(?:describe|it)\(/m)[0];
  return [...header.matchAll(/^\/\/\s*Holds:\s*(.+)$/gm)].flatMap((match) =>
    match[1].split(/[\s,]+/).filter((name) => name.startsWith('src/')),
  );
}

const importers = new Map();
const holders = new Map();
const stale = [];
for (const test of tests) {
  const text = readFileSync(path.join(root, test), 'utf8');
  for (const file of imported(test, text)) importers.set(file, [...(importers.get(file) ?? []), test]);
  for (const file of held(text)) {
    if (!existsSync(path.join(root, file))) stale.push(`${test}: ${file}`);
    holders.set(file, [...(holders.get(file) ?? []), test]);
  }
}

const homes = new Map();
const byFolder = [];
for (const file of modules) {
  const mirrored = `test/${file.slice('src/'.length).replace(/\.ts$/, '.test.ts')}`;
  if (tests.includes(mirrored)) homes.set(file, { how: 'mirrored', where: [mirrored] });
  else if (importers.has(file)) homes.set(file, { how: 'imported by', where: importers.get(file) });
  else {
    // A Holds line names a module, or a folder (ending in `/`) whose every module the test holds.
    const held = [...holders].filter(([name]) => name === file || (name.endsWith('/') && file.startsWith(name)));
    if (held.length) homes.set(file, { how: 'held by', where: [...new Set(held.flatMap(([, by]) => by))] });
  }
  if (homes.has(file)) continue;
  const text = readFileSync(path.join(root, file), 'utf8');
  if (typesOnly(text) || barrel(file, text)) byFolder.push(file);
}
// A module of types, or a barrel, is homed where a module of its folder (or below it) is.
for (const file of byFolder) {
  const folder = `${path.posix.dirname(file)}/`;
  const homed = [...homes.keys()].filter((other) => other.startsWith(folder) && !byFolder.includes(other));
  if (homed.length) homes.set(file, { how: 'by its folder', where: [folder] });
}

const missing = modules.filter((file) => !homes.has(file));
if (!process.argv.includes('--missing')) {
  for (const file of modules) {
    const home = homes.get(file);
    if (!home) continue;
    const shown = home.where.length > 3 ? [...home.where.slice(0, 3), `and ${home.where.length - 3} more`] : home.where;
    console.log(`${file}: ${home.how} ${shown.join(', ')}`);
  }
  console.log('');
}
if (stale.length) {
  console.log('Holds lines that name no module:');
  for (const line of stale) console.log(`  ${line}`);
  console.log('');
}
if (missing.length) {
  console.log('No test home:');
  for (const file of missing) console.log(`  ${file}`);
  console.log('');
}
console.log(`${modules.length - missing.length} of ${modules.length} modules have a test home`);
// A module without a home, or a Holds line naming none, fails `npm run check`: each module's tests stay findable.
if (missing.length || stale.length) process.exitCode = 1;
