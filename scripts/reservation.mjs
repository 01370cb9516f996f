// The heights src/userpays.css reserves for each <userpays-image> before its first paint, measured from the build:
// the widget's first paint, on a first visit, on a page that embeds it as the README's first snippet shows, for each
// provider, with no prompt and with one, at a width inside each of its layouts (its container queries). Measured in
// headless Chromium against the simulators on loopback, as the layout-shift test measures them.
//
// `node scripts/reservation.mjs` (npm run reservation, after npm run build) prints the heights; with `--write` it writes
// them into src/userpays.css between its markers (then build again: rollup copies the stylesheet into dist/).
// test/e2e/layout-shift.test.ts holds the stylesheet to the first paint, within 8 px, at every width the README names.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createSimulator } from '../demo/sim/index.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STYLESHEET = 'src/userpays.css';
const [START, END] = ['/* first-paint:start */', '/* first-paint:end */'];

/** The providers, with the attributes a page gives each here (the simulators' addresses where a list is read live). */
const PROVIDERS = ['puter', 'bfl', 'fal', 'openai', 'google', 'openrouter', 'huggingface', 'pollinations'];

/**
 * The widget's layouts by its own width (src/elements/image/*.ts, `@container`), each measured in a viewport whose
 * page (8 px margins) gives the widget a width inside it, named by the container query that selects it (the first is
 * the stylesheet's default) and, in the custom property that holds its height, by `name`.
 */
const LAYOUTS = [
  {
    name: 'alone',
    query: '',
    viewport: { width: 600, height: 900 },
    says: '420–719 px: the controls alone, the canvas above them',
  },
  { name: 'phone', query: '(max-width: 419px)', viewport: { width: 390, height: 844 }, says: '360–419 px: a phone' },
  {
    name: 'folded',
    query: '(max-width: 359px)',
    viewport: { width: 280, height: 653 },
    says: 'under 360 px: a folded phone',
  },
  {
    name: 'beside',
    query: '(min-width: 720px)',
    viewport: { width: 800, height: 600 },
    says: '720–1179 px: the controls beside the canvas',
  },
  {
    name: 'wide',
    query: '(min-width: 1180px)',
    viewport: { width: 1280, height: 800 },
    says: '1180 px and over: a page-wide widget',
  },
];
const PROMPT = 'a fox on a hill';

/** The page of the README's snippet with `attributes` on its element, the simulators its endpoints. */
const snippet = (attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" /><link rel="icon" href="data:," />
<link rel="stylesheet" href="/dist/userpays.css" /><script type="module" src="/dist/userpays.js"></script></head>
<body><userpays-image budget="2.00" ${attributes}></userpays-image><p>A paragraph under the widget.</p></body></html>`;

function attributesOf(provider, origin, prompt) {
  const endpoint = `${origin}/sim/${provider}`;
  const where = {
    puter: `endpoint="${endpoint}" puter-src="/vendor/puter.js"`,
    openrouter: `endpoint="${endpoint}"`,
    huggingface: `endpoint="${endpoint}"`,
    pollinations: `endpoint="${endpoint}"`,
  };
  return `provider="${provider}" ${where[provider] ?? ''}${prompt ? ` prompt="${PROMPT}"` : ''}`;
}

/** Serves dist/, Puter's SDK, the simulators and each measured page (`/page?…`). */
async function serve() {
  const simulator = createSimulator();
  const server = createServer(async (req, res) => {
    if (await simulator.handle(req, res)) return;
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/page') {
      return res.writeHead(200, { 'content-type': 'text/html' }).end(snippet(url.searchParams.get('attributes')));
    }
    const file =
      url.pathname === '/vendor/puter.js'
        ? 'node_modules/@heyputer/puter.js/dist/puter.cjs'
        : normalize(url.pathname.slice(1)).replaceAll('\\', '/');
    if (!/^(dist|node_modules)\//.test(file)) return res.writeHead(404).end();
    try {
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      res.writeHead(200, { 'content-type': type }).end(await readFile(join(root, file)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return { server, origin: `http://localhost:${server.address().port}` };
}

/** The widget's height at its first paint (its custom state `rendered`), in a fresh page of `viewport`. */
async function firstPaint(browser, origin, viewport, attributes) {
  const context = await browser.newContext({ viewport });
  await context.route('**', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${origin}/page?${new URLSearchParams({ attributes })}`);
  const height = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const widget = document.querySelector('userpays-image');
        (function frame() {
          if (widget.matches(':state(rendered)')) resolve(widget.getBoundingClientRect().height);
          else requestAnimationFrame(frame);
        })();
      }),
  );
  await context.close();
  return Math.round(height);
}

/** Every height: by layout, then provider, then prompt (no prompt, a prompt). */
async function measure() {
  const { server, origin } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const heights = [];
  try {
    for (const layout of LAYOUTS) {
      const byProvider = {};
      for (const provider of PROVIDERS) {
        byProvider[provider] = [];
        for (const prompt of [false, true])
          byProvider[provider].push(
            await firstPaint(browser, origin, layout.viewport, attributesOf(provider, origin, prompt)),
          );
      }
      heights.push({ layout, byProvider });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return heights;
}

/**
 * The generated part of the stylesheet: each case's heights, one custom property a layout (Puter's, the default, for any
 * provider not named; then each other provider's, each with no prompt and with one: the most specific selector wins),
 * then the rule of each layout, in its query, that takes its own.
 */
function stylesheetPart(heights) {
  const withPrompt = "[prompt]:not([prompt=''])";
  const property = (layout) => `--userpays-first-paint-${layout.name}`;
  const cases = PROVIDERS.flatMap((provider) => {
    const named = provider === 'puter' ? '' : `[provider='${provider}']`;
    return [`userpays-image${named}`, `userpays-image${withPrompt}${named}`].map((selector, prompted) => {
      const each = heights.map(
        ({ layout, byProvider }) => `  ${property(layout)}: ${byProvider[provider][prompted]}px;`,
      );
      return `${selector}::before {\n${each.join('\n')}\n}`;
    });
  });
  const layouts = heights.map(({ layout }) => {
    const take = (indent) =>
      `${indent}userpays-image::before {\n${indent}  --userpays-first-paint: var(${property(layout)});\n${indent}}`;
    return layout.query
      ? `/* ${layout.says}. */\n@container ${layout.query} {\n${take('  ')}\n}`
      : `/* ${layout.says}. */\n${take('')}`;
  });
  return [
    START,
    "/* Written by `npm run reservation` from the build's first paint: not edited by hand. */",
    "/* Each case's height in each layout (the custom property's last word):",
    ...LAYOUTS.map((layout) => ` *   ${layout.name.padEnd(6)}  ${layout.says}`),
    ' */',
    cases.join('\n'),
    '',
    '/* The height of the layout the widget is in. */',
    layouts.join('\n'),
    END,
  ].join('\n');
}

const heights = await measure();
for (const { layout, byProvider } of heights)
  console.log(
    `${layout.says}\n${Object.entries(byProvider)
      .map(([provider, [alone, prompted]]) => `  ${provider.padEnd(13)} ${alone} px, with a prompt ${prompted} px`)
      .join('\n')}`,
  );
if (process.argv.includes('--write')) {
  const css = await readFile(join(root, STYLESHEET), 'utf8');
  const [start, end] = [css.indexOf(START), css.indexOf(END)];
  if (start === -1 || end < start)
    throw new Error(`${STYLESHEET} has no ${START} … ${END} to write the heights between`);
  await writeFile(join(root, STYLESHEET), css.slice(0, start) + stylesheetPart(heights) + css.slice(end + END.length));
  console.log(`written into ${STYLESHEET}: build again for dist/userpays.css`);
}
