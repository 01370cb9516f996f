// `npm run check:pointers` (in `npm run check`): fails (exit 1), one line per finding, where a comment in src/, test/,
// demo/ or scripts/ names a file of this repository that does not exist: a pointer left behind by a move or a rename.
//
// A path in a comment is this repository's where it resolves from the file's folder, any folder above it or src/
// (`../<name>.ts`, `engine/http.ts` from inside src/providers/, `ledger/ledger.ts` or `src/ledger/ledger.ts`
// from anywhere); a bare name (`ledger-store.ts`) where some file has it. A file of another source is
// named with that source: `owner/name` (`HeyPuter/puter`, `fal-ai/fal-js`), a commit (`@8307e8c`, `at 8307e8c`), a
// package (`@heyputer/puter.js`) or a host (`docs.bfl.ml/…`). A path that starts as this repository's folders do
// (`src/`, `test/`, `providers/`, `elements/` …) is held to that within the 200 characters before it or just after it
// (`… utils.ts at 8307e8c`); any other path within the whole comment.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
/** The repository read (`--root`: another tree, for the check's own tests). */
const root = resolve(values.root ?? fileURLToPath(new URL('..', import.meta.url))).replace(/\/$/, '');
const SCANNED = ['src', 'test', 'demo', 'scripts'];
const SKIPPED = new Set(['node_modules', 'recorded', 'dist']);
/** The check's own tests: the comments of the trees they plant are strings there, naming files only those trees have. */
const PLANTED = 'test/scripts/check-pointers.test.mjs';

/** Every source file under `dir`. */
function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) yield* sources(path);
    } else if (/\.(ts|mjs|js)$/.test(entry.name)) yield path;
  }
}

/** A path with a folder (`providers/engine/http.ts`, `../<name>.ts`), or a bare file name in this repository's style (`ledger-store.ts`). */
const PATH =
  /(?<![\w@./-])(?:\.{1,2}\/)*(?:[\w@.-]+\/)+[\w.-]+\.(?:ts|mjs|js|md|json|html|css)\b|(?<![\w@./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+\.(?:ts|mjs)\b/g;
/** What names another source: a commit, a GitHub owner and name, a package, a host. */
const ELSEWHERE =
  /@[0-9a-f]{7,}\b|\bat [0-9a-f]{7,}\b|\b(?:HeyPuter|pollinations|fal-ai|openai|googleapis|OpenRouterTeam|huggingface|black-forest-labs|vercel|BerriAI|Comfy-Org|rbb-dev|maruel)\/[\w.-]+|@[\w-]+\/[\w.-]+|\b[\w-]+\.(?:com|ai|co|dev|io|org|net|sh|ml|js)\b|\b[A-Z][\w-]*\/[\w.-]+/;
/** A block comment, or a run of line comments (one per line, read as one). */
const COMMENTS = /\/\*[\s\S]*?\*\/|(?:(?<![:'"`\w])\/\/[^\n]*(?:\n[ \t]*(?=\/\/))?)+/g;
const OURS = new Set([
  ...SCANNED,
  'docs',
  'relay',
  ...(existsSync(join(root, 'src')) ? readdirSync(join(root, 'src')) : []),
]);

/** File names anywhere in the repository: a bare name is a pointer where one of them has it. */
const names = new Set();
for (const top of [...SCANNED, 'relay'])
  if (existsSync(join(root, top))) for (const file of sources(join(root, top))) names.add(file.split('/').pop());

/** Whether `path`, named in `file`, is a file of this repository. */
function exists(file, path) {
  if (!path.includes('/')) return names.has(path) || names.has(path.replace(/\.js$/, '.ts'));
  const folders = [join(root, 'src')];
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) folders.push(dir);
  // A path out of the repository (`../shared/…`) is not one of its files, whatever this machine holds beside it.
  return folders
    .map((folder) => resolve(folder, path))
    .some((at) => at.startsWith(`${root}/`) && (existsSync(at) || existsSync(at.replace(/\.js$/, '.ts'))));
}

const findings = [];
for (const top of SCANNED.filter((folder) => existsSync(join(root, folder))))
  for (const file of sources(join(root, top))) {
    if (relative(root, file) === PLANTED) continue;
    const text = readFileSync(file, 'utf8');
    for (const { 0: comment, index: at } of text.matchAll(COMMENTS))
      for (const { 0: path, index } of comment.matchAll(PATH)) {
        if (path.startsWith('@') || /^[\w-]+\.[\w.-]+\//.test(path) || path.startsWith('...')) continue; // package, host
        if (path.startsWith('dist/')) continue; // the build's, there once it has run
        if (exists(file, path)) continue;
        const first = path.replace(/^(\.{1,2}\/)+/, '').split('/')[0];
        const ours = path.startsWith('.') || (path.includes('/') && OURS.has(first));
        const context = ours ? comment.slice(Math.max(0, index - 200), index + path.length + 40) : comment;
        if (!path.startsWith('.') && ELSEWHERE.test(context)) continue;
        const line = text.slice(0, at + index).split('\n').length;
        findings.push(`${relative(root, file)}:${line}: names ${path}, which is not in this repository`);
      }
  }

for (const finding of findings) console.error(finding);
if (findings.length) {
  console.error(
    `check:pointers: ${findings.length} comment(s) name a file that is not there (scripts/check-pointers.mjs).`,
  );
  process.exit(1);
}
console.log('check:pointers: every file a comment names is in this repository');
