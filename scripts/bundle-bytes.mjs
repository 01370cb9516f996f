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
import { MANIFEST } from './parts-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Groups a module id into the part of the code it belongs to. */
function part(id) {
  const path = relative(root, id).replaceAll('\\', '/');
  if (path.includes('node_modules/')) return path.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');
  return process.env.BY_FILE ? path : path.replace(/\/[^/]+$/, '') || path;
}

/**
 * By built part (`userpays`, `lazy/engine`…: the part names of dist/parts.json, from the manifest this build writes),
 * the bytes of each part of the code.
 */
export async function bundleBytes() {
  const plugins = config.plugins.filter((plugin) => plugin.name !== 'terser');
  const bundle = await rollup({ ...config, plugins });
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  const manifest = JSON.parse(output.find((file) => file.fileName === MANIFEST).source);
  const partName = new Map(Object.entries(manifest.parts).map(([name, { file }]) => [file, name]));
  const report = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    const parts = {};
    for (const [id, module] of Object.entries(chunk.modules)) {
      if (!module.code) continue;
      const { code } = await minify(module.code, { ecma: 2022, module: false, compress: { passes: 2 } });
      parts[part(id)] = (parts[part(id)] ?? 0) + gzipSync(code ?? '').length;
    }
    report[partName.get(chunk.fileName)] = Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1]));
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, parts] of Object.entries(await bundleBytes())) {
    console.log(file);
    for (const [name, bytes] of Object.entries(parts)) console.log(`  ${String(bytes).padStart(7)} B  ${name}`);
  }
}
