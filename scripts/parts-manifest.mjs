// The parts manifest, dist/parts.json: what the build made, as the size budgets (scripts/sizes.mjs) read it. Written
// by rollup (rollup.config.mjs) when it writes the bundle, from its own output, so that what a part weighs and what it
// loads is never guessed from the source: every file the build made (the entry and each chunk), keyed by its part
// name (its file name without the folder and the content hash, which changes with every change), with
// - `file`: its file under dist/;
// - `gzip`: its size gzipped at level 9, alone (as a CDN serves it);
// - `loadedBy`: the source modules whose `import()` loads it (a provider's adapter.ts, the ledger's ledger.ts…); none
//   for the entry, or for a chunk rollup made of what several parts share;
// - `imports`, `dynamicImports`: the parts it imports statically (loaded with it) and with `import()` (loaded later).
// Not published: package.json's `files` leaves it out.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MANIFEST = 'parts.json';

/** A built file's part name: `userpays.js` → `userpays`, `chunks/engine-<hash>.js` → `engine` (a six hex hash). */
export const partName = (fileName) => fileName.replace(/^chunks\/(.+)-[0-9a-f]{6}\.js$/, '$1').replace(/\.js$/, '');

/** The rollup plugin that writes dist/parts.json. */
export function partsManifest() {
  return {
    name: 'parts-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const root = process.cwd();
      const parts = {};
      for (const chunk of chunks) {
        const name = partName(chunk.fileName);
        if (parts[name])
          this.error(`two built files have the part name "${name}": ${chunk.fileName}, ${parts[name].file}`);
        parts[name] = {
          file: chunk.fileName,
          gzip: gzipSync(chunk.code, { level: 9 }).length,
          loadedBy: chunk.moduleIds
            .filter((id) => this.getModuleInfo(id).dynamicImporters.length > 0)
            .map((id) => relative(root, id).replaceAll('\\', '/')),
          imports: chunk.imports.map(partName),
          dynamicImports: chunk.dynamicImports.map(partName),
        };
      }
      const entry = chunks.find((chunk) => chunk.isEntry);
      const manifest = { entry: partName(entry.fileName), parts };
      this.emitFile({ type: 'asset', fileName: MANIFEST, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}
