// The build again, with source maps, into bench/results/mapped/: the same code as dist/ (rollup.config.mjs, every
// plugin, terser included) and a map beside each file, so that a trace of it names each function by its place in
// src/ (bench/source-map.mjs). dist/ itself ships without maps; the traced loads load this copy instead.
import { rollup } from 'rollup';
import { fileURLToPath } from 'node:url';
import config from '../rollup.config.mjs';

export const MAPPED_DIR = 'bench/results/mapped';

/** Builds the mapped copy (about 10 s); resolves to the URL path of its entry. */
export async function buildMapped() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bundle = await rollup({ ...config, onwarn: () => {} });
  try {
    await bundle.write({ ...config.output, dir: `${root}${MAPPED_DIR}`, sourcemap: true });
  } finally {
    await bundle.close();
  }
  return `/${MAPPED_DIR}/userpays.js`;
}
