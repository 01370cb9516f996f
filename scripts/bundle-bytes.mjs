// What each part of the code costs: builds the module graph as `npm run build` does and reports, for the entry and
// each chunk, per source folder, the gzip bytes of its modules minified alone (a module minified alone compresses a
// little worse than inside its chunk, so the parts add up to slightly more than the file; the ranking is what
// counts). `BY_FILE=1` reports per file instead of per folder.
import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Groups a module id into the part of the code it belongs to. */
function part(id) {
  const path = relative(root, id).replaceAll('\\', '/');
  if (path.includes('node_modules/')) return path.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');
  return process.env.BY_FILE ? path : path.replace(/\/[^/]+$/, '') || path;
}

/** By built file (`userpays.js`, `chunks/engine`…: chunk names without their hash), the bytes of each part. */
export async function bundleBytes() {
  const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'terser') });
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  const report = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    const parts = {};
    for (const [id, module] of Object.entries(chunk.modules)) {
      if (!module.code) continue;
      const { code } = await minify(module.code, { ecma: 2022, module: false, compress: { passes: 2 } });
      parts[part(id)] = (parts[part(id)] ?? 0) + gzipSync(code ?? '').length;
    }
    // The built file's own name (rollup.config.mjs, chunkFileNames), without its hash: rollup's chunk.name is the
    // facade module's file name, which every provider's adapter shares.
    const name = chunk.isEntry ? chunk.fileName : chunk.fileName.replace(/-[\w-]{8}\.js$/, '');
    report[name] = Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1]));
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, parts] of Object.entries(await bundleBytes())) {
    console.log(file);
    for (const [name, bytes] of Object.entries(parts)) console.log(`  ${String(bytes).padStart(7)} B  ${name}`);
  }
}
