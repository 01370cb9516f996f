import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { readFileSync } from 'node:fs';

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

/**
 * Chunks are named by what they are, since several files share a name (every element's panels are its
 * `panels/index.ts`, every provider's adapter is its `adapter.ts`): an element's panels by the element
 * (`image-panels`, `tally-panels`), a lazy part of them by the element and its folder (`image-controls`), a provider's
 * adapter by the provider (`bfl`, `puter`…: src/providers/<id>/),
 * what a provider's folder shares between chunks by the provider and the module (`fal-queue`), the rest by their
 * module (`engine`, `ledger`…).
 */
function chunkFileNames({ facadeModuleId, moduleIds }) {
  const [path, ...more] = (facadeModuleId ? [facadeModuleId] : moduleIds).map((id) => id.replaceAll('\\', '/'));
  const panels = /\/elements\/([^/]+)\/panels\/index\.ts$/.exec(path);
  if (panels) return `chunks/${panels[1]}-panels-[hash].js`;
  // A lazy part of an element's panels (a folder of its own, loaded with import()): by the element and the folder.
  const part = /\/elements\/([^/]+)\/panels\/(?:[^/]+\/)*([^/]+)\/index\.ts$/.exec(path);
  if (part) return `chunks/${part[1]}-${part[2]}-[hash].js`;
  const provider = /\/src\/providers\/([^/]+)\/([^/]+)\.ts$/.exec(path);
  if (provider && provider[1] !== 'engine' && more.every((id) => id.includes(`/src/providers/${provider[1]}/`))) {
    return `chunks/${provider[1]}${provider[2] === 'adapter' ? '' : `-${provider[2]}`}-[hash].js`;
  }
  return 'chunks/[name]-[hash].js';
}

/** The modules placed by hand in each build (see placedModules), by the build's own module graph. */
const placements = new WeakMap();

/**
 * The two chunks placed by hand, the engine's and the ledger's: each holds every module its root imports, directly or
 * not, and every module that two of the parts always loaded with it share, where nothing loaded without it imports
 * them. Rollup cannot know which chunks are always there together, and would split what they share into chunks of
 * their own, each a request more, compressed alone.
 *
 * The engine (src/lazy/engine.ts): the adapters, which the registry (src/providers/registry.ts, in the entry) loads
 * with import(), signing in (src/providers/engine/oauth.ts), finishing what closed pages left
 * (src/generation/resume.ts), the headless API (src/generation/headless.ts), which src/lazy/index.ts loads, and the
 * image widget's panels, whose gallery opens the engine as soon as they load (elements/image/panels/gallery/), build
 * on the engine's code (HTTP, polling, the pipeline, the engine's words) and import it from the engine's chunk, with
 * what the last four share (the sign-in's and More options' words). The panels' own lazy parts (Puter's account, the
 * sign-in, the model's controls) load only after the panels, so count with them. What only adapters share (a
 * provider's words that another provider's adapter quotes) stays out: a session with another provider would load it
 * for nothing.
 *
 * The ledger (src/ledger/ledger.ts): the engine imports it, so everything above comes with it, and so do both
 * elements' panels (their tally line); only the entry and a translation load without it. What it imports (the day
 * arithmetic) and what the two panels share (the tally's line: elements/tally/tally-summary.ts) are in its chunk.
 */
function placedModules({ getModuleIds, getModuleInfo }) {
  if (placements.has(getModuleInfo)) return placements.get(getModuleInfo);
  const ids = [...getModuleIds()];
  const endsWith = (path) => ids.find((id) => id.replaceAll('\\', '/').endsWith(path));
  /** `from` and every module it imports statically, directly or not. */
  const reach = (from, seen = new Set()) => {
    if (!seen.has(from)) {
      seen.add(from);
      for (const imported of getModuleInfo(from).importedIds) reach(imported, seen);
    }
    return seen;
  };
  /**
   * The modules of `root`'s chunk: what it reaches and what two of `companions` share (each a part and the lazy parts
   * it loads), that no other part reaches.
   */
  const chunkOf = (root, alwaysWith, companions) => {
    const others = new Set();
    for (const id of ids) {
      const info = getModuleInfo(id);
      const loadedAlone = info.isEntry || (info.dynamicImporters.length > 0 && id !== root && !alwaysWith.includes(id));
      if (loadedAlone) reach(id, others);
    }
    const parts = [[root], ...companions].map((group) => group.reduce((seen, from) => reach(from, seen), new Set()));
    const roots = companions.flat();
    const shared = ids.filter((id) => !roots.includes(id) && parts.filter((part) => part.has(id)).length > 1);
    return new Set([...parts[0], ...shared].filter((id) => !others.has(id)));
  };
  const [engine, ledger, registry, imagePanels, tallyPanels] = [
    '/src/lazy/engine.ts',
    '/src/ledger/ledger.ts',
    '/src/providers/registry.ts',
    '/src/elements/image/panels/index.ts',
    '/src/elements/tally/panels/index.ts',
  ].map(endsWith);
  const adapters = getModuleInfo(registry).dynamicallyImportedIds;
  // The image panels' lazy parts (Puter's account, the sign-in, the model's controls): what their modules import().
  const inImagePanels = (id) => id.replaceAll('\\', '/').includes('/src/elements/image/panels/');
  const imageParts = ids.filter((id) => getModuleInfo(id).dynamicImporters.some(inImagePanels));
  const withEngine = [
    ...['/src/generation/headless.ts', '/src/generation/resume.ts', '/src/providers/engine/oauth.ts'].map((path) => [
      endsWith(path),
    ]),
    [imagePanels, ...imageParts],
  ];
  const engineChunk = chunkOf(engine, [...adapters, ...withEngine.flat()], withEngine);
  const ledgerChunk = chunkOf(
    ledger,
    [engine, ...adapters, ...withEngine.flat(), tallyPanels],
    [[imagePanels, ...imageParts], [tallyPanels]],
  );
  const placed = new Map([...ledgerChunk].map((id) => [id, 'ledger']));
  for (const id of engineChunk) placed.set(id, 'engine');
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
    chunkFileNames,
    // A chunk imports what it uses, not also what that imports: every chunk but the entry loads once the ledger (and,
    // but for the tally's panels, the engine) it builds on is loaded or on its way (src/lazy/index.ts), so hoisting
    // their imports, to fetch them sooner, would only repeat them in every chunk.
    hoistTransitiveImports: false,
    // Only the engine's and the ledger's modules are placed by hand (see placedModules); the rest, rollup places.
    onlyExplicitManualChunks: true,
    manualChunks: (id, meta) => placedModules(meta).get(id),
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
  ],
};
