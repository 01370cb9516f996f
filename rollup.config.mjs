import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { readFileSync } from 'node:fs';
import { partsManifest } from './scripts/parts-manifest.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * One ES module graph, for the script tag (`<script type="module" src=".../dist/userpays.js">`) and for bundlers
 * (`import 'userpays'`) alike: the entry defines the elements and `window.UserPays`; what loads later
 * (src/lazy/: the engine, the panels) is split by rollup into chunks that the entry loads with `import()`
 * from beside itself. Chunk names carry a hash of their content, so an entry never loads another version's chunk.
 * Rollup writes dist/parts.json beside them (scripts/parts-manifest.mjs): each part, what it weighs and what it loads.
 */
/**
 * dist/userpays.css: the stylesheet a page links so that each widget's place is kept before its script runs
 * (src/userpays.css says how). Emitted beside the entry with its comments and blank space taken out.
 */
const reservationStylesheet = {
  name: 'reservation-stylesheet',
  buildStart() {
    this.addWatchFile('src/userpays.css');
  },
  generateBundle() {
    const source = readFileSync(new URL('./src/userpays.css', import.meta.url), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .trim();
    this.emitFile({ type: 'asset', fileName: 'userpays.css', source: `${source}\n` });
  },
};

/** Each build's placement (see `placement`), by its module graph. */
const placements = new WeakMap();

/**
 * Rollup places every module but those of four chunks, each drawn by its root and folders: the ledger's
 * (src/ledger/ledger.ts and every module it imports), the edits' (src/providers/registry/edit-prices.ts and every module it
 * imports: each provider's edit facts, the edits' pricing), the engine's (src/lazy/engine.ts and every module it
 * imports, and the rest of its folders, images/ and providers/engine/: the code the adapters share) and the generation
 * pipeline's (src/generation/submit.ts and every module it imports), each without what an earlier one holds. None takes
 * a module the entry imports (it stays in the entry, there for the first paint) nor another module an `import()` loads
 * (it keeps its chunk). Rollup cannot know that every part after the first paint loads the ledger (both elements'
 * panels, the engine and the adapters import it), that the widget's panels load the engine, and that the pipeline
 * builds on both: left to itself, it splits what they share into chunks of their own, each a request more, and what
 * the adapters share into one more, which a provider's adapter then waits for. Measured on 2026-11-25: without the
 * ledger's and the engine's chunks, a page loaded 12 to 15 files with no user action where they make 6 to 9; with the
 * adapters' shared code left to rollup, More options' controls on BFL were drawn 442 ms after the click at
 * Lighthouse's mobile throttling (two round trips), 285 ms with it in the engine's chunk.
 */
function placement({ getModuleIds, getModuleInfo }) {
  if (placements.has(getModuleInfo)) return placements.get(getModuleInfo);
  const ids = [...getModuleIds()];
  /** `from` and every module it imports, directly or not. */
  const reach = (from, seen = new Set()) => {
    if (!seen.has(from)) {
      seen.add(from);
      for (const imported of getModuleInfo(from).importedIds) reach(imported, seen);
    }
    return seen;
  };
  const path = (id) => id.replaceAll('\\', '/');
  const root = (end) => ids.find((id) => path(id).endsWith(end));
  const loadedByImport = (id) => getModuleInfo(id).dynamicImporters.length > 0;
  /** A chunk's modules: what its root and the modules of its folders import, directly or not. */
  const drawn = (name, end, folders) => {
    const from = [root(end), ...ids.filter((id) => folders?.test(path(id)) && !loadedByImport(id))];
    return { name, root: from[0], reached: from.reduce((seen, id) => reach(id, seen), new Set()) };
  };
  const chunks = [
    drawn('ledger', '/src/ledger/ledger.ts'),
    // What each model makes of the images it is sent and how edits are priced: loaded a moment after the first paint,
    // with the panels and the headless API, and by each adapter its own provider's (left to rollup, split in four);
    // before the engine's, which shares its words (an extend's checks), so that loading it never loads the engine.
    drawn('edits', '/src/providers/registry/edit-prices.ts'),
    drawn('engine', '/src/lazy/engine.ts', /\/src\/(images|providers\/engine)\//),
    drawn('generation', '/src/generation/submit.ts'),
  ];
  const entry = reach(ids.find((id) => getModuleInfo(id).isEntry));
  const placed = new Map();
  for (const id of ids) {
    const isRoot = chunks.some((chunk) => chunk.root === id);
    if (entry.has(id) || (loadedByImport(id) && !isRoot)) continue;
    const chunk = chunks.find(({ reached }) => reached.has(id));
    if (chunk) placed.set(id, chunk.name);
  }
  placements.set(getModuleInfo, placed);
  return placed;
}

export default {
  input: 'src/index.ts',
  // The chunks import what they share from the entry itself (which then exports more than the public API, under
  // minified names that no declaration names), so that a page waits for one file before its first price, not two.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'userpays.js',
    // Rollup's own names: `chunks/adapter-<hash>.js`, `chunks/index-<hash>.js`… Several chunks share a name; the parts
    // manifest (scripts/parts-manifest.mjs) names each part by what it holds.
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Only the modules `placement` names are placed by hand, not also every module they import.
    onlyExplicitManualChunks: true,
    manualChunks: (id, meta) => placement(meta).get(id),
  },
  plugins: [
    nodeResolve({ browser: true }),
    // esbuild strips the types (the elements declare their properties with Lit's `static properties`: no decorators
    // to lower); terser does the minifying, as it compresses Lit templates and decimal.js noticeably better than
    // esbuild's minifier.
    esbuild({
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      minify: false,
      define: { __USERPAYS_VERSION__: JSON.stringify(version) },
    }),
    // Lit's html`` and css`` are template literals terser leaves alone: squeeze their whitespace, conservatively
    // (a nested template's leading space, " · …", is text the user sees).
    minifyLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }),
    terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
    reservationStylesheet,
    partsManifest(),
  ],
};
