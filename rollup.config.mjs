import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

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

export default {
  input: 'src/index.ts',
  // The chunks import what they share from the entry itself (which then exports more than the public API, under
  // minified names that no declaration names), so that a page waits for one file before its first price, not two.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'userpays.js',
    // Named by what they are: an element's panels by the element (`image-panels`, `tally-panels`: each is the
    // `panels/index.ts` of its folder), the rest by their module (`engine`, `ledger`, `bfl`…).
    chunkFileNames: ({ facadeModuleId }) =>
      facadeModuleId && /[\\/]elements[\\/][^\\/]+[\\/]panels[\\/]index\.ts$/.test(facadeModuleId)
        ? `chunks/${basename(dirname(dirname(facadeModuleId)))}-panels-[hash].js`
        : 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ browser: true }),
    // esbuild lowers the (experimental) decorators; terser does the minifying, as it compresses Lit templates and
    // decimal.js noticeably better than esbuild's minifier.
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
