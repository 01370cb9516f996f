// A web-test-runner plugin that serves CommonJS-only packages to the browser as one ES module, bundled by
// esbuild on first request: `await import('/__bundle/@fal-ai/client.js')`. (`nodeResolve` cannot load
// CommonJS; @fal-ai/client ships only CommonJS.) Dev and test only.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

const PREFIX = '/__bundle/';

export function bundlePlugin(packages) {
  const cache = new Map();
  return {
    name: 'userpays-bundle',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length).replace(/\.js$/, '');
      if (!packages.includes(name)) return undefined;
      if (!cache.has(name)) {
        cache.set(
          name,
          build({
            // `export *` of CommonJS exports nothing: name the package's exports (read in Node) one by one.
            stdin: {
              contents: `import * as m from ${JSON.stringify(name)}; export const { ${Object.keys(require(name)).join(', ')} } = m;`,
              resolveDir: process.cwd(),
              loader: 'js',
            },
            bundle: true,
            format: 'esm',
            platform: 'browser',
            target: 'es2022',
            write: false,
            logLevel: 'silent',
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await cache.get(name), type: 'js' };
    },
  };
}
