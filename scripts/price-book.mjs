// The built-in price book as the widget has it, for the scripts that write or check what is said of it
// (scripts/prices-doc.mjs, scripts/check-catalog.mjs, demo/openai-prices.mjs), and any other module of src/ a script
// reads (`loadFromSource`: scripts/csp-table.mjs): src/ bundled for Node by esbuild, in memory, so that the scripts
// read the code itself, never a copy of it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the scripts read: the book, the prices known by host, the models in picker order, the quote, the clock. */
const ENTRY = `
export { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS, quoteFor } from './src/providers/registry/prices.js';
export { MODELS, modelName } from './src/pricing/models.js';
export { PROVIDER_NAMES } from './src/base/types.js';
export { PROVIDERS } from './src/providers/registry/registry.js';
export { clock } from './src/base/clock.js';
`;

/**
 * The modules `entry` (TypeScript source, resolved from the project's root) exports: src/ bundled for Node by esbuild,
 * in memory, so that a script reads the code itself, never a copy of it.
 */
export async function loadFromSource(entry, sourcefile = 'script-entry.ts') {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The price book's modules, loaded once. */
export const loadPriceBook = () => loadFromSource(ENTRY, 'price-book-entry.ts');
