// `npm run bench`: the performance targets of docs/contract.md, measured in headless Chromium against the local simulators.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createSimulator } from '../demo/sim/index.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { costUpdateFrames, quoteMedian } from './in-page.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS) || 12;

await build({
  entryPoints: [join(root, 'bench/ready-to-shown.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  outfile: join(root, 'bench/results/ready-to-shown.js'),
  logLevel: 'warning',
});

const simulator = createSimulator();
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' };
const server = createServer(async (req, res) => {
  if (await simulator.handle(req, res)) return;
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
  if (!/^(bench|dist)[/\\]/.test(path)) return res.writeHead(404).end();
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, 'localhost', resolve));
const origin = `http://localhost:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const results = {};
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${origin}/bench/page.html`);

  const gzip = gzipSync(await readFile(join(root, 'dist/userpays.js')), { level: 9 }).length;
  // The budget npm test enforces (size-limit), e.g. "35 KiB".
  const [limit] = JSON.parse(await readFile(join(root, '.size-limit.json'), 'utf8'));
  const budget = parseFloat(limit.limit) * 1024;
  results.bundle = { gzipBytes: gzip, budgetBytes: budget, ratio: +(gzip / budget).toFixed(4) };
  results.quote = await page.evaluate(quoteMedian);
  results.costUpdate = {
    'userpays-cost': await page.evaluate(costUpdateFrames, 'userpays-cost'),
    'userpays-image': await page.evaluate(costUpdateFrames, 'userpays-image'),
  };

  await page.addScriptTag({ url: `${origin}/bench/results/ready-to-shown.js`, type: 'module' });
  await page.waitForFunction(() => window.readyToShown);
  const base = `${origin}/sim/bfl`;
  const fixed = { initialMs: 2000, maxMs: 2000, timeoutMs: 60_000 };
  results.readyToShown = {
    adaptive: await page.evaluate(([b, n]) => window.readyToShown(b, '', undefined, n), [base, RUNS]),
    adaptiveWithoutProgress: await page.evaluate(
      ([b, n]) => window.readyToShown(b, 'progress=none', undefined, n),
      [base, RUNS],
    ),
    fixed2s: await page.evaluate(([b, p, n]) => window.readyToShown(b, 'progress=none', p, n), [base, fixed, RUNS]),
  };
  results.ledger = await page.evaluate(() => window.measureLedgerLoad({ entries: 10_000, days: 365, runs: 21 }));
  results.readyToShown.ratioFixedToAdaptive = +(
    results.readyToShown.fixed2s.medianAddedMs / Math.max(1, results.readyToShown.adaptive.medianAddedMs)
  ).toFixed(1);
} finally {
  await browser.close();
  server.close();
}

const r = results;
console.log(JSON.stringify(results, null, 2));
console.log(`
| what | target | measured |
|---|---|---|
| dist/userpays.js gzip | ≤ ${r.bundle.budgetBytes / 1024} KiB | ${(r.bundle.gzipBytes / 1024).toFixed(1)} KiB (${r.bundle.gzipBytes} B, ${(r.bundle.ratio * 100).toFixed(1)} % of budget) |
| one quote | median ≤ 5 µs | median ${r.quote.medianUs.toFixed(2)} µs (p90 ${r.quote.p90Us.toFixed(2)} µs) |
| input change → cost text | ≤ 1 frame | <userpays-cost> ${r.costUpdate['userpays-cost'].withinOneFrame}/${r.costUpdate['userpays-cost'].trials}, <userpays-image> ${r.costUpdate['userpays-image'].withinOneFrame}/${r.costUpdate['userpays-image'].trials} changes shown in the next frame (median ${r.costUpdate['userpays-image'].medianUpdateMs.toFixed(2)} ms to updated text) |
| provider ready → image shown | median ≤ 100 ms with progress, ≤ 300 ms without; ≤ 2 polls/s | adaptive ${r.readyToShown.adaptive.medianAddedMs} ms (p90 ${r.readyToShown.adaptive.p90AddedMs}, max ${r.readyToShown.adaptive.maxPollsPerSecond} polls/s); without progress ${r.readyToShown.adaptiveWithoutProgress.medianAddedMs} ms; fixed 2 s polling ${r.readyToShown.fixed2s.medianAddedMs} ms (${r.readyToShown.ratioFixedToAdaptive}× slower) |
| ledger with 10,000 entries | load ≤ 5 ms; ≤ 256 KB | load + tally median ${r.ledger.loadMedianMs.toFixed(2)} ms (p90 ${r.ledger.loadP90Ms.toFixed(2)} ms); ${(r.ledger.storedBytes / 1024).toFixed(1)} KB stored (UTF-16), ${r.ledger.keptEntries} entries + ${r.ledger.dayRows} day rows; spent ${r.ledger.spent} = expected ${r.ledger.expectedSpent} |`);
