import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { slimDecimal } from './scripts/slim-decimal.mjs';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * What the elements bundle shares with the parts loaded later (the engine, src/engine.ts, on first need; the
 * panels, src/elements/panels/, after the first paint): the classic script leaves these modules in
 * `__userpays_core__` (src/script.ts) and the later parts' classic scripts take them from there, so no module
 * is in two files and classes keep one identity (`instanceof UserPaysError`, one Lit).
 */
const SHARED = {
  'src/errors.ts': 'errors',
  'src/strings/page.ts': 'strings',
  'src/pricing/index.ts': 'pricing',
  'src/providers/catalog.ts': 'catalog',
  'src/providers/urls.ts': 'urls',
  'src/clock.ts': 'clock',
  'src/elements/shared/tally-view.ts': 'tallyView',
  'decimal.js': 'Decimal',
  lit: 'lit',
};

/**
 * In a later part's classic script: each shared module is external, read from the elements bundle's global;
 * `owns(path)` says which of src/ the part carries itself.
 */
function sharedFromCore(part, owns) {
  return {
    name: 'userpays-shared-from-core',
    async resolveId(source, importer, options) {
      if (source in SHARED) return { id: `userpays-core:${SHARED[source]}`, external: true };
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const path = resolved && relative(root, resolved.id).replaceAll('\\', '/');
      if (path && SHARED[path]) return { id: `userpays-core:${SHARED[path]}`, external: true };
      // Any other module of the elements bundle imported here would be a second copy of it: refuse.
      if (path?.startsWith('src/') && !owns(path)) {
        this.error(`${relative(root, importer)} imports ${path}, which the ${part} does not share: add it to SHARED`);
      }
      return null;
    },
  };
}
const isEngineModule = (path) =>
  /^src\/(engine\.ts|strings\/engine\.ts|generation\/|media\/|ledger\/(image-store|gallery|durations)\.ts|pricing\/puter-catalogue\.ts|providers\/(?!catalog|urls))/.test(
    path,
  ) ||
  path.endsWith('/provider.ts') ||
  path === 'src/types.ts';
const isPanelsModule = (path) =>
  /^src\/(elements\/panels\/|strings\/panels\.ts|pricing\/compare\.ts|ledger\/projection\.ts|types\.ts)/.test(path);

/**
 * In the elements' classic script: `loadEngine()` and `loadPanels()` load `userpays-engine.js` and
 * `userpays-panels.js` from beside it (load-*-script.ts in place of load-*.ts).
 */
function lazyPartsByScript() {
  return {
    name: 'userpays-lazy-parts-by-script',
    async resolveId(source, importer, options) {
      if (!/(^|\/)load-(engine|panels)\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { id: resolved.id.replace(/\.ts$/, '-script.ts') };
    },
  };
}

/** A part loaded later, as a classic script that reads what it shares from `__userpays_core__`. */
const lazyPart = (part, input, file, name, owns) => ({
  input,
  output: {
    file,
    format: 'iife',
    name,
    exports: 'named',
    globals: (id) => `__userpays_core__.${id.slice('userpays-core:'.length)}`,
  },
  plugins: plugins(false, sharedFromCore(part, owns)),
});

// esbuild lowers the (experimental) decorators; terser does the minifying because it
// compresses Lit templates and decimal.js noticeably better than esbuild's minifier.
// `module` lets terser treat top-level names as private: right for the ES modules, wrong for the
// classic scripts, whose top-level `var UserPays`, `var __userpays_engine__`… are read by name.
const plugins = (module, ...more) => [
  ...more,
  nodeResolve({ browser: true }),
  slimDecimal(),
  esbuild({
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    minify: false,
    define: { __USERPAYS_VERSION__: JSON.stringify(version) },
  }),
  // Lit's html`` and css`` are template literals terser leaves alone: squeeze their whitespace,
  // conservatively — a nested template's leading space (" · …") is text the user sees.
  minifyLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }),
  terser({ ecma: 2022, module, compress: { passes: 3 }, format: { comments: false } }),
];

export default [
  {
    input: 'src/script.ts',
    output: { file: 'dist/userpays.js', format: 'iife', name: 'UserPays', exports: 'named' },
    plugins: plugins(false, lazyPartsByScript()),
  },
  lazyPart('engine', 'src/engine.ts', 'dist/userpays-engine.js', '__userpays_engine__', isEngineModule),
  lazyPart('panels', 'src/elements/panels/index.ts', 'dist/userpays-panels.js', '__userpays_panels__', isPanelsModule),
  {
    input: 'src/index.ts',
    // The lazy chunks import what they share straight from the entry, which may export more for them.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: 'userpays.mjs', chunkFileNames: 'userpays-[name].mjs' },
    plugins: plugins(true),
  },
];
