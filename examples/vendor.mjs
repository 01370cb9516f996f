// The packages the examples import, as the browser modules their import maps name: /examples/vendor/{file}.
// Node-side, used by both servers — `npm start` (demo/server.mjs) and the test runner
// (test/examples/examples-plugin.mjs) — so that the examples run as written, with no build step of their own.
//
//   vue.js               Vue's own browser ES module build, with the template compiler (a file of the package)
//   react.js             React, bundled by esbuild into one ES module on first request: React ships CommonJS only
//                        (and since React 19 no UMD build either), which a browser cannot import
//   react-dom-client.js  react-dom/client, bundled the same way, with `react` left to ./react.js: one React
//                        in the page (two copies would each have their own hooks dispatcher and break rendering)
//
// Development builds, for the warnings a developer trying an example wants. Dev and test only.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

export const VENDOR_PREFIX = '/examples/vendor/';

/**
 * The names a CommonJS package exports, read in a Node process of their own: loading React here would run its
 * development build inside the server (it reaches for console methods the test runner's console lacks).
 */
async function exportsOf(name) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-p', `JSON.stringify(Object.keys(require(${JSON.stringify(name)})))`],
    { cwd: root, env: { ...process.env, NODE_ENV: 'development' } },
  );
  return JSON.parse(stdout).filter((key) => key !== 'default');
}

/** A CommonJS package as one ES module with its exports named (`export *` of CommonJS would export nothing). */
async function bundle(name, { sharedReact = false } = {}) {
  const { build } = await import('esbuild'); // only when an example asks: the demo server starts without it
  const names = await exportsOf(name);
  const result = await build({
    stdin: {
      contents: `import m from ${JSON.stringify(name)}; export default m; export const { ${names.join(', ')} } = m;`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
    plugins: sharedReact
      ? [
          {
            name: 'shared-react',
            setup(build) {
              // react-dom's require('react') gets the page's React module (./react.js, beside this one).
              build.onResolve({ filter: /^react$/ }, () => ({ path: 'react', namespace: 'shared-react' }));
              build.onLoad({ filter: /.*/, namespace: 'shared-react' }, () => ({
                contents: `export * from './react.js';`,
                loader: 'js',
              }));
              build.onResolve({ filter: /^\.\/react\.js$/ }, ({ path }) => ({ path, external: true }));
            },
          },
        ]
      : [],
  });
  return result.outputFiles[0].text;
}

const MODULES = {
  'vue.js': () => readFile(require.resolve('vue/dist/vue.esm-browser.js'), 'utf8'),
  'react.js': () => bundle('react'),
  'react-dom-client.js': () => bundle('react-dom/client', { sharedReact: true }),
};

const cache = new Map();

/** The JavaScript source served at `pathname` (under VENDOR_PREFIX), or undefined for any other path. */
export function vendorModule(pathname) {
  if (!pathname.startsWith(VENDOR_PREFIX)) return undefined;
  const file = pathname.slice(VENDOR_PREFIX.length);
  if (!Object.hasOwn(MODULES, file)) return undefined;
  if (!cache.has(file))
    cache.set(
      file,
      MODULES[file]().catch((error) => {
        cache.delete(file); // the next request tries again
        throw error;
      }),
    );
  return cache.get(file);
}
