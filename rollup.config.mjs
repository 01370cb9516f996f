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
 * (`image-panels`, `tally-panels`), a provider's adapter by the provider (`bfl`, `puter`…: src/providers/<id>/),
 * what a provider's folder shares between chunks by the provider and the module (`fal-queue`), the rest by their
 * module (`engine`, `ledger`…).
 */
function chunkFileNames({ facadeModuleId, moduleIds }) {
  const [path, ...more] = (facadeModuleId ? [facadeModuleId] : moduleIds).map((id) => id.replaceAll('\\', '/'));
  const panels = /\/elements\/([^/]+)\/panels\/index\.ts$/.exec(path);
  if (panels) return `chunks/${panels[1]}-panels-[hash].js`;
  const provider = /\/src\/providers\/([^/]+)\/([^/]+)\.ts$/.exec(path);
  if (provider && provider[1] !== 'engine' && more.every((id) => id.includes(`/src/providers/${provider[1]}/`))) {
    return `chunks/${provider[1]}${provider[2] === 'adapter' ? '' : `-${provider[2]}`}-[hash].js`;
  }
  return 'chunks/[name]-[hash].js';
}

/** The engine's modules of each build (see engineModules), by the build's own module graph. */
const engines = new WeakMap();

/**
 * The modules of the engine's chunk: every module the engine (src/lazy/engine.ts) imports, directly or not, that
 * nothing loaded without it imports (the entry, the ledger, the tally's panels), and every module that two of the parts
 * that always come with the engine share. The adapters, which the registry (src/providers/registry.ts, in the entry)
 * loads with import(), signing in (src/providers/engine/oauth.ts), finishing what closed pages left
 * (src/generation/resume.ts), the headless API (src/generation/headless.ts), which src/lazy/index.ts loads, and the
 * image widget's panels, whose gallery opens the engine as soon as they load (elements/image/panels/gallery/), build
 * on the engine's code (HTTP, polling, the pipeline, the engine's words); rollup cannot know that the engine is always
 * there with them, and would split what they share with it, or with each other (the sign-in's and More options'
 * words), into chunks of their own, each a request more, compressed alone. They import it from the engine's chunk.
 * What only adapters share (a provider's words that another provider's adapter quotes) stays out: a session with
 * another provider would load it for nothing.
 */
function engineModules({ getModuleIds, getModuleInfo }) {
  if (engines.has(getModuleInfo)) return engines.get(getModuleInfo);
  const ids = [...getModuleIds()];
  const endsWith = (path) => ids.find((id) => id.replaceAll('\\', '/').endsWith(path));
  const [root, registry] = [endsWith('/src/lazy/engine.ts'), endsWith('/src/providers/registry.ts')];
  const withEngine = [
    endsWith('/src/generation/headless.ts'),
    endsWith('/src/generation/resume.ts'),
    endsWith('/src/providers/engine/oauth.ts'),
    endsWith('/src/elements/image/panels/index.ts'),
  ];
  const onEngine = [...getModuleInfo(registry).dynamicallyImportedIds, ...withEngine];
  /** `from` and every module it imports statically, directly or not. */
  const reach = (from, seen = new Set()) => {
    if (!seen.has(from)) {
      seen.add(from);
      for (const imported of getModuleInfo(from).importedIds) reach(imported, seen);
    }
    return seen;
  };
  const others = new Set();
  for (const id of ids) {
    const info = getModuleInfo(id);
    const loadedAlone = info.isEntry || (info.dynamicImporters.length > 0 && id !== root && !onEngine.includes(id));
    if (loadedAlone) reach(id, others);
  }
  const parts = [root, ...withEngine].map((from) => reach(from));
  const shared = ids.filter((id) => !withEngine.includes(id) && parts.filter((part) => part.has(id)).length > 1);
  const engine = new Set([...parts[0], ...shared].filter((id) => !others.has(id)));
  engines.set(getModuleInfo, engine);
  return engine;
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
    // Only the engine's modules are placed by hand (see engineModules); the rest, rollup places.
    onlyExplicitManualChunks: true,
    manualChunks: (id, meta) => (engineModules(meta).has(id) ? 'engine' : undefined),
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
