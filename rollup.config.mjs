import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { slimDecimal } from './scripts/slim-decimal.mjs';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// esbuild lowers the (experimental) decorators; terser does the minifying because it
// compresses Lit templates and decimal.js noticeably better than esbuild's minifier.
// `module` lets terser treat top-level names as private: right for the ES module, wrong for the
// classic script, whose top-level `var UserPays` is its public API.
const plugins = (module) => [
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
    plugins: plugins(false),
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/userpays.mjs', format: 'es' },
    plugins: plugins(true),
  },
];
