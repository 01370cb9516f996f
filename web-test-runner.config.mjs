import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { createSimulator } from './demo/sim/index.mjs';
import { serveOpenAiPrices } from './demo/openai-prices.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { bundlePlugin } from './test/support/bundle-plugin.mjs';
import { touchPlugin } from './test/support/touch-plugin.mjs';
import { examplesPlugin } from './test/examples/examples-plugin.mjs';
import { testClockScript } from './test/support/test-clock.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { relayMiddleware, relayPlugin } from './test/relay/relay-server.mjs';
import { createReplay } from './test/support/replay-server.mjs';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// The same simulators the demo uses, on the test server's own origin, over real HTTP.
// Short pending times keep the suite fast; tests that need the realistic ones ask per request.
const simulator = createSimulator({ pendingMs: 120 });
// Real exchanges recorded with the providers (test/recorded/, read at test time), replayed over loopback.
const replay = createReplay({ simulator });

export default {
  // All of them, but what a run at another moment leaves out (scripts/test-suite.mjs, LEFT_OUT).
  files: [
    'test/**/*.test.ts',
    ...(process.env.TEST_LEAVE_OUT ?? '')
      .split(',')
      .filter(Boolean)
      .map((file) => `!${file}`),
  ],
  nodeResolve: { browser: true },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  // `middleware`, not a plugin's serverStart: Koa's stack is built before serverStart runs.
  middleware: [
    // The browser's clock for this run (see scripts/test-suite.mjs): every test page and tab loads this first.
    async (ctx, next) => {
      if (ctx.path !== '/__test-clock.js') return next();
      ctx.type = 'text/javascript';
      ctx.body = testClockScript(process.env.TEST_NOW);
    },
    // The demo page at this run's moment too, its clock script first as on every test page: the page and the
    // simulators it calls (demo/sim/clock.mjs) agree on the day, and so on which models are sold.
    // Its check page (demo/check.html) too.
    async (ctx, next) => {
      const page = { '/demo/': 'index.html', '/demo/index.html': 'index.html', '/demo/check.html': 'check.html' }[
        ctx.path
      ];
      if (!page) return next();
      ctx.type = 'text/html';
      ctx.body = readFileSync(new URL(`./demo/${page}`, import.meta.url), 'utf8').replace(
        '<head>',
        '<head><script src="/__test-clock.js"></script>',
      );
    },
    // The relays (relay/worker.js in workerd, started by relayPlugin below): /__relays.json and the test upstream.
    relayMiddleware,
    async (ctx, next) => {
      // The demo's OpenAI prices as `npm start` serves them (demo/openai-prices.mjs), at the same address.
      if (
        (await replay.handle(ctx.req, ctx.res)) ||
        (await simulator.handle(ctx.req, ctx.res)) ||
        (await serveOpenAiPrices(ctx.req, ctx.res))
      ) {
        ctx.respond = false;
        return;
      }
      await next();
    },
    // The demo page as `npm start` serves it (demo/server.mjs): its bundle and Puter's SDK beside it.
    async (ctx, next) => {
      if (ctx.path.startsWith('/demo/dist/')) ctx.url = ctx.url.slice('/demo'.length);
      else if (ctx.path === '/demo/vendor/puter.js' || ctx.path === '/vendor/puter.js')
        ctx.url = '/node_modules/@heyputer/puter.js/dist/puter.cjs';
      await next();
    },
    // The Puter SDK ships as dist/puter.cjs, a browser bundle: serve it as JavaScript (it is loaded by a script tag).
    async (ctx, next) => {
      await next();
      if (ctx.path.endsWith('/@heyputer/puter.js/dist/puter.cjs')) ctx.type = 'text/javascript';
    },
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: './tsconfig.json',
      define: { __USERPAYS_VERSION__: JSON.stringify(version) },
    }),
    // @fal-ai/client is CommonJS only: served bundled as /__bundle/@fal-ai/client.js for the fidelity tests.
    bundlePlugin(['@fal-ai/client']),
    // The examples (examples/*/) as `npm start` serves them: React, CommonJS only, bundled by esbuild on first
    // request as /examples/vendor/react*.js, and the examples' bare imports left to their own import maps.
    examplesPlugin(),
    // Relays on their own ports, allowed to reach this server: test/relay/relay-server.mjs.
    relayPlugin(),
    // A touch screen alone, as a phone is, for what the widget lays out for one: test/support/touch-plugin.mjs.
    touchPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
      // Each page in a browser context (window) of its own: a page left in a background tab gets no animation
      // frames, so fixtures and image decodes there would stall until the test times out. A page runs one test file
      // after another (its storage emptied for each: test/support/fresh-storage.js).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  // Nothing stored yet, as on a new visit (test/support/fresh-storage.js: the page is reused from file to file); the
  // page's clock; then what lets a failure about an element be reported (test/support/reportable-failures.js).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><link rel="icon" href="data:,"><script src="/test/support/fresh-storage.js"></script><script src="/__test-clock.js"></script><script src="/test/support/reportable-failures.js"></script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
