// A web-test-runner plugin that serves the examples (examples/*/) as `npm start` does, for test/examples/:
// - /examples/vendor/{file}: the packages their import maps name (examples/vendor.mjs: React, which ships only
//   CommonJS, bundled into ES modules by esbuild on first request; Vue's own browser build);
// - their modules exactly as written: the runner's nodeResolve would otherwise rewrite a bare `import 'react'` to
//   node_modules/react/index.js (CommonJS, which a browser cannot run) before the page's import map is consulted.
//   Leaving the specifier as it is (the first plugin to answer resolveImport wins, and nodeResolve comes last)
//   makes the browser resolve it through the example's own import map, which the tests thereby check.
import { vendorModule } from '../../examples/vendor.mjs';

export function examplesPlugin() {
  return {
    name: 'userpays-examples',
    async serve(context) {
      const body = vendorModule(context.path);
      return body ? { body: await body, type: 'js' } : undefined;
    },
    resolveImport({ source, context }) {
      if (context.path.startsWith('/examples/')) return source;
      return undefined;
    },
  };
}
