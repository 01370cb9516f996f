// The byte budgets of `npm test` (docs/performance.md), measured on the build in dist/ with gzip, each file alone
// (size-limit reads "40 KB" as 40,000 bytes):
// - what a page loads before its first price: the entry and every chunk it imports statically;
// - a whole session with each provider: that, and the ledger, engine and widget's panels chunks, and that provider's adapter
//   (a chunk of its own, which the registry loads with import() when the provider is first used), each with
//   what it imports statically. Not the Puter SDK, loaded from Puter's own host on first use of provider "puter".
// Every list of files is read from the built files themselves (their imports, with es-module-lexer), so that a chunk
// rollup splits off and shares counts wherever it is loaded; chunks are found by their rollup names
// (chunks/<name>-<hash>.js: rollup.config.mjs), and the providers are the chunks the entry's registry loads with
// import(), each named by its `ProviderId` (src/base/types.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';

await init;
const entry = 'dist/userpays.js';

/** The imports of a built file, as paths from the root: `import … from` (static), or `import()` (dynamic). */
function imports(file, dynamic) {
  const [found] = parse(readFileSync(file, 'utf8'));
  return found
    .filter(({ n: specifier, d }) => specifier?.startsWith('.') && (d !== -1) === dynamic)
    .map(({ n: specifier }) => relative('.', resolve(dirname(file), specifier)));
}

/** `file` and every file it imports statically (`import … from`), transitively; dynamic `import()`s are later. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of imports(file, false)) staticClosure(imported, seen);
  return seen;
}

const chunkFiles = readdirSync('dist/chunks').map((name) => join('dist/chunks', name));

/** The chunk rollup named `name` (dist/chunks/<name>-<hash>.js); there must be exactly one. */
function chunk(name) {
  const found = chunkFiles.filter((file) => new RegExp(`^dist/chunks/${name}-[\\w-]{8}\\.js$`).test(file));
  if (found.length !== 1) throw new Error(`.size-limit.mjs: ${found.length} chunks named "${name}" in dist/chunks/`);
  return found[0];
}

/** The providers: the keys of `PROVIDER_NAMES` (src/base/types.ts), which make `ProviderId`, as .dependency-cruiser.cjs reads them. */
const names = /export const PROVIDER_NAMES = \{([^}]+)\}/.exec(readFileSync('src/base/types.ts', 'utf8'));
if (!names) throw new Error('.size-limit.mjs: no `export const PROVIDER_NAMES = {…}` in src/base/types.ts');
const adapters = [...names[1].matchAll(/^\s*([\w-]+):/gm)].map(([, id]) => id);
/** Each provider's adapter: a chunk of its own, named by the provider, which the registry (in the entry) import()s. */
for (const provider of adapters) {
  if (!imports(entry, true).includes(chunk(provider))) {
    throw new Error(`.size-limit.mjs: the entry does not load the chunk of ${provider} with import()`);
  }
}

/** What every session loads, whatever its provider: the entry, the ledger, the engine and the widget's panels. */
const session = [entry, chunk('ledger'), chunk('engine'), chunk('image-panels')];
/**
 * What a session with a provider the user signs in to loads besides: the sign-in (chunks/oauth: src/lazy/index.ts,
 * loadSignIn) and the panels' sign-in part (chunks/image-sign-in: src/elements/image/panels/accounts/sign-in/, which
 * AccountParts loads), for the providers whose info says `signIn: true` (src/providers/<id>/info.ts). A session with
 * Puter loads the panels' Puter account part instead (chunks/image-puter: accounts/puter/).
 */
const signsIn = (provider) => /\bsignIn: true\b/.test(readFileSync(`src/providers/${provider}/info.ts`, 'utf8'));
/**
 * What a session with a provider that shows its models' own controls loads besides: the widget's controls part
 * (chunks/image-controls: src/elements/image/panels/controls/, which ControlsPart loads), for the providers whose info
 * says `showsControls: true` (src/providers/<id>/info.ts).
 */
const hasControls = (provider) =>
  /\bshowsControls: true\b/.test(readFileSync(`src/providers/${provider}/info.ts`, 'utf8'));

export default [
  {
    name: 'Before the first price: dist/userpays.js and what it imports statically',
    path: [...staticClosure(entry)],
    limit: '40 KB',
    gzip: true,
  },
  ...adapters.map((provider) => ({
    name: `A whole session with ${provider}: the entry, chunks/ledger, engine, image-panels${signsIn(provider) ? ', oauth, image-sign-in' : ''}${provider === 'puter' ? ', image-puter' : ''}${hasControls(provider) ? ', image-controls' : ''} and ${provider}, and what they import statically`,
    path: [
      ...[
        ...session,
        chunk(provider),
        ...(signsIn(provider) ? [chunk('oauth'), chunk('image-sign-in')] : []),
        ...(provider === 'puter' ? [chunk('image-puter')] : []),
        ...(hasControls(provider) ? [chunk('image-controls')] : []),
      ].reduce((seen, file) => staticClosure(file, seen), new Set()),
    ],
    limit: '80 KB',
    gzip: true,
  })),
];
