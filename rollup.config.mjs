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

/** The chunks drawn by rule (see `placement`), by name. */
const PLACED = ['ledger', 'engine'];

/**
 * A chunk is named by the module an `import()` loads, as several files share a name: by its folder where the module is
 * its folder's entry (`index.ts`, a provider's `adapter.ts`), else by its file; what is under an element, by the
 * element too. So an element's panels are `image-panels`, `tally-panels`; a lazy part of them, by the element and the
 * part's folder (`image-controls`, `image-sign-in`); a provider's adapter, by the provider (`bfl`, `puter`…); signing
 * in, resuming, the headless API and a translation by their module (`oauth`, `resume`, `headless`, `de`). The chunks
 * drawn by rule are named by it (`ledger`, `engine`); what rollup splits off because several chunks share it, by the
 * folder and the file of the module rollup names it after (`fal-queue`: src/providers/fal/queue.ts). The size budgets
 * know each part by this name (budgets.json, docs/sizes.json).
 */
function chunkFileNames({ facadeModuleId, moduleIds, name, isDynamicEntry }) {
  // A chunk an `import()` loads that also holds what a later part of it builds on (the widget's panels, which the
  // gallery's view imports) has no facade of its own: it is named by the module the `import()` loads all the same.
  const loaded =
    facadeModuleId ??
    (isDynamicEntry
      ? moduleIds.find((id) => loadedModules.has(id) && id.replaceAll('\\', '/').endsWith(`/${name}.ts`))
      : undefined);
  const paths = (loaded ? [loaded] : moduleIds).map((id) => id.replaceAll('\\', '/'));
  if (!loaded) {
    const namedAfter = paths.find((path) => path.endsWith(`/${name}.ts`) || path.endsWith(`/${name}.js`));
    const folder = PLACED.includes(name) ? undefined : /\/([^/]+)\/[^/]+$/.exec(namedAfter ?? '')?.[1];
    return `chunks/${folder ? `${folder}-` : ''}[name]-[hash:6].js`;
  }
  // A provider's prices of the other families (src/providers/<id>/families.ts), beside the families' own part, and its
  // reader of live prices (live-prices.ts): by the provider and the file.
  const [, provider, file] = /\/providers\/([^/]+)\/(families|live-prices)\.ts$/.exec(paths[0]) ?? [];
  if (provider) return `chunks/${provider}-${file}-[hash:6].js`;
  const folder = /\/([^/]+)\/(?:index|adapter)\.ts$/.exec(paths[0])?.[1];
  const element = /\/src\/elements\/([^/]+)\//.exec(paths[0])?.[1];
  return `chunks/${element ? `${element}-` : ''}${folder ?? '[name]'}-[hash:6].js`;
}

/** The modules an `import()` loads, in the build under way (see `placement`, which reads them). */
const loadedModules = new Set();

/** Each build's placement (see `placement`), by its module graph. */
const placements = new WeakMap();

/**
 * Rollup places every module but those of three chunks, each drawn by its root and folders: the ledger's
 * (src/ledger/ledger.ts and every module it imports), the engine's (src/lazy/engine.ts and every module it imports,
 * and the rest of its folders, images/ and providers/engine/: the code the adapters share) and the generation
 * pipeline's (src/generation/submit.ts and every module it imports), each without what an earlier one holds. None takes
 * a module the entry imports (it stays in the entry, there for the first price) nor another module an `import()` loads
 * (it keeps its chunk). Rollup cannot know that every part after the first paint loads the ledger (both elements'
 * panels, the engine and the adapters import it), that the widget's panels load the engine, and that the pipeline
 * builds on both: left to itself, it splits what they share into chunks of their own, each a request more and
 * compressed alone, and what the adapters share into one more, which a provider's adapter then waits for.
 * Measured on 2026-11-25 (docs/performance.md, "The chunks"): without the ledger's and the engine's, what a page loads
 * with no user action is 1,762 to 1,794 B gzip more with each provider, in 12 to 15 files where they make 6 to 9; with
 * the adapters' shared code left to rollup, More options' controls on BFL were drawn 442 ms after the click at
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
  loadedModules.clear();
  for (const id of ids.filter(loadedByImport)) loadedModules.add(id);
  /** A chunk's modules: what its root and the modules of its folders import, directly or not. */
  const drawn = (name, end, folders) => {
    const from = [root(end), ...ids.filter((id) => folders?.test(path(id)) && !loadedByImport(id))];
    return { name, root: from[0], reached: from.reduce((seen, id) => reach(id, seen), new Set()) };
  };
  const chunks = [
    drawn('ledger', '/src/ledger/ledger.ts'),
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
    // The entry names the chunks it imports (sixteen), hash and all: in base64 their hashes moved its gzip size by up to
    // ±4 B with any change to a lazy part, and the first price's hard gate failed on changes that added nothing to the
    // first paint. In hex the names compress alike from one build to the next; six of them (24 bits: one chunk's name
    // told from its other versions' as surely as a page will need) since 2026-11-27, when 8 hex still moved the entry
    // by 8 B with a change that added a sentence to the panels and nothing to the entry (docs/performance.md).
    hashCharacters: 'hex',
    chunkFileNames,
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
