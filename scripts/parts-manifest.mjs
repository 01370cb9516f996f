// The parts manifest, dist/parts.json: what the build made, as the size check (scripts/sizes.mjs), the bench and the
// tests of the built files read it. Written by rollup (rollup.config.mjs) when it writes the bundle, from its own
// output, so that what a part weighs and what it loads is never guessed from the source: every file the build made
// (the entry and each chunk), keyed by its part name, with
// - `file`: its file under dist/ (rollup's own name, `chunks/<name>-<hash>.js`, which several chunks may share);
// - `gzip`: its size gzipped at level 9, alone (as a CDN serves it);
// - `loadedBy`: the source modules in it whose `import()` loads it (a provider's adapter.ts, the ledger's ledger.ts…);
//   none for a chunk rollup made of what several parts share;
// - `imports`, `dynamicImports`: the parts it imports statically (loaded with it) and with `import()` (loaded later).
// A part's name says what it holds: `userpays` for the entry; for a chunk an `import()` loads, that module, from src/
// and without its extension (`providers/bfl/adapter`, `elements/image/panels/index`, `translations/de`); for a chunk
// rollup split off because several parts share it, `shared:` and rollup's name for it (`shared:queue`).
// Not published: package.json's `files` leaves it out.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MANIFEST = 'parts.json';

const ENTRY = 'userpays';

/** A source module's id as a path from the project's root, with forward slashes. */
const fromRoot = (id) => relative(process.cwd(), id).replaceAll('\\', '/');

/** The part name of the module `path` (from the project's root): `src/providers/bfl/adapter.ts` → `providers/bfl/adapter`. */
const moduleName = (path) => path.replace(/^src\//, '').replace(/\.[cm]?[jt]s$/, '');

/**
 * Each built chunk's part name, by its file name. `loadedBy(chunk)`: the modules of the chunk an `import()` loads. A
 * chunk that holds more than one is named by its facade, or else by the one rollup named it after.
 */
function partNames(chunks, loadedBy) {
  const names = new Map();
  const taken = new Set();
  for (const chunk of chunks) {
    let name;
    if (chunk.isEntry) name = ENTRY;
    else {
      const loaded = loadedBy(chunk);
      const named =
        loaded.find((path) => chunk.facadeModuleId && path === fromRoot(chunk.facadeModuleId)) ??
        loaded.find((path) => moduleName(path).endsWith(`/${chunk.name}`)) ??
        loaded[0];
      name = named ? moduleName(named) : `shared:${chunk.name}`;
    }
    // Two shared chunks rollup names alike: the later one by a number.
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}-${n}`;
    taken.add(unique);
    names.set(chunk.fileName, unique);
  }
  return names;
}

/** The rollup plugin that writes dist/parts.json. */
export function partsManifest() {
  return {
    name: 'parts-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const loadedBy = (chunk) =>
        chunk.moduleIds.filter((id) => this.getModuleInfo(id).dynamicImporters.length > 0).map(fromRoot);
      const names = partNames(chunks, loadedBy);
      const parts = {};
      for (const chunk of chunks)
        parts[names.get(chunk.fileName)] = {
          file: chunk.fileName,
          gzip: gzipSync(chunk.code, { level: 9 }).length,
          loadedBy: loadedBy(chunk),
          imports: chunk.imports.map((file) => names.get(file)),
          dynamicImports: [...new Set(chunk.dynamicImports.map((file) => names.get(file)))],
        };
      const manifest = { entry: ENTRY, parts };
      this.emitFile({ type: 'asset', fileName: MANIFEST, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}
