// The longest task at load (SPEC §8: none over 50 ms at load on a page with <userpays-image>, <userpays-cost> and
// <userpays-tally>, nor with 100 <userpays-image> elements; reported beside the page alone) and memory per widget.
// Every load a fresh browser context and page; the pages (bench/load-pages.mjs) are loaded in turn, round after round,
// so that a busy moment of the machine falls on all of them alike. The time is the browser's own: the Long Tasks API
// (a PerformanceObserver registered first thing in the page's head, buffered), never a clock of the bench's.
// With `node bench/at-load.mjs` (after `npm run build`): this phase and the trace's breakdown (bench/load-breakdown.mjs)
// alone, written into docs/performance.md (bench/performance-doc.mjs); AT_LOAD_RUNS (default 7) rounds.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { pricedOrStalled, settled } from './in-page.js';

const LONG_TASK_MS = 50;
/** The 100-widget page at the widths where SPEC §8 holds it to no layout shift; the first also for long tasks. */
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const IMAGE = 'userpays-image';
const round = (n) => (n === undefined ? undefined : Math.round(n * 10) / 10);

/** Median, min, max and every sample (sorted), rounded to 0.1. */
export function spread(values) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { median: undefined, min: undefined, max: undefined, samples: [] };
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: round(median), min: round(s[0]), max: round(s.at(-1)), samples: s.map(round) };
}

/** Cumulative layout shift as Chromium reports it: the largest session window (gaps < 1 s, at most 5 s). */
function cumulativeLayoutShift(shifts) {
  let [largest, current, first, last] = [0, 0, -Infinity, -Infinity];
  for (const { start, value } of shifts) {
    if (start - last > 1000 || start - first > 5000) [current, first] = [0, start];
    current += value;
    last = start;
    largest = Math.max(largest, current);
  }
  return Math.round(largest * 10000) / 10000;
}

/** The pages of one round: what each is, its URL under /bench/load/, its viewport, and whether to read memory. */
export const PAGES = {
  empty: { what: 'the page alone: the script, no element', path: 'blank' },
  three: { what: 'all three elements', path: 'all', tags: ['userpays-image', 'userpays-cost', 'userpays-tally'] },
  hundred: { what: '100 × <userpays-image>, 1280 px', path: 'gallery?count=100', tags: [IMAGE], memory: true },
  hundredPhone: { what: '100 × <userpays-image>, 390 px', path: 'gallery?count=100', tags: [IMAGE], viewport: PHONE },
  one: { what: '1 × <userpays-image>, for memory', path: 'gallery?count=1', tags: [IMAGE], memory: true },
};

/** JS heap (V8), Blink's own heap (the DOM, Oilpan) and DOM nodes, after two garbage collections. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, embedderHeapUsedSize = 0 } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { jsHeap: usedSize, blinkHeap: embedderHeapUsedSize, nodes };
}

/**
 * One load of `page` in a fresh context: until load, every widget priced (or 3 s without one more), then 1 s
 * without a long task. Its long tasks (the longest, and whether it was the platform's first Intl.NumberFormat),
 * layout shift, when the first widget showed its price, and memory where the page asks.
 */
export async function loadOnce(browser, origin, { path, tags = [], viewport = DESKTOP, memory: readMemory }) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${origin}/bench/load/${path}`);
    const priced = [];
    for (const tag of tags) priced.push(await page.evaluate(pricedOrStalled, { tag, stallMs: 3000 }));
    const s = await page.evaluate(settled, 1000);
    // A long task that is mostly one Intl.NumberFormat construction is the platform's one-time cost of its locale
    // data (bench/load.mjs): told apart, never left out.
    const isIntl = (t) =>
      s.intl.some((i) => i.start >= t.start - 1 && i.start < t.start + t.duration && i.duration >= t.duration / 2);
    const longest = (tasks) => Math.max(0, ...tasks.map((t) => t.duration));
    return {
      longestMs: longest(s.longTasks),
      longestNotIntlMs: longest(s.longTasks.filter((t) => !isIntl(t))),
      longTasks: s.longTasks.length,
      totalBlockingMs: s.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0),
      cls: cumulativeLayoutShift(s.shifts),
      firstPricedMs: tags.length ? s.marks[`${tags[0]}:shown`] : undefined,
      widgets: priced[0],
      memory: readMemory ? await memory(page) : undefined,
    };
  } finally {
    await context.close();
  }
}

/** `runs` rounds of every page in PAGES; each page's figures as spreads, and memory per widget. */
export async function atLoad(browser, origin, runs, log = () => {}) {
  const loads = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
  const started = loadavg()[0];
  for (let round = 0; round < runs; round++) {
    log(`at load: round ${round + 1} of ${runs}`);
    for (const [name, page] of Object.entries(PAGES)) loads[name].push(await loadOnce(browser, origin, page));
  }
  const pages = Object.fromEntries(
    Object.entries(loads).map(([name, samples]) => {
      const priced = samples.filter((s) => s.widgets).map((s) => s.widgets);
      return [
        name,
        {
          what: PAGES[name].what,
          loads: samples.length,
          longestMs: spread(samples.map((s) => s.longestMs)),
          longestNotIntlMs: spread(samples.map((s) => s.longestNotIntlMs)),
          longTasks: spread(samples.map((s) => s.longTasks)),
          totalBlockingMs: spread(samples.map((s) => s.totalBlockingMs)),
          cls: spread(samples.map((s) => s.cls)),
          firstPricedMs: spread(samples.map((s) => s.firstPricedMs)),
          ...(priced.length && { widgetsPriced: `${Math.min(...priced.map((w) => w.priced))} of ${priced[0].of}` }),
        },
      ];
    }),
  );
  // Memory per widget: what 99 more widgets hold, from round to round (each round's 1-widget load against its own).
  const perWidget = (key) =>
    spread(loads.hundred.map((s, i) => (s.memory[key] - loads.one[i].memory[key]) / 99)).median;
  return {
    runs,
    machine: { cpus: cpus().length, loadAverage: [started, loadavg()[0]].map((l) => +l.toFixed(2)) },
    pages,
    perWidget: { jsHeapBytes: perWidget('jsHeap'), blinkHeapBytes: perWidget('blinkHeap'), nodes: perWidget('nodes') },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startBenchServer } = await import('./server.mjs');
  const { loadBreakdown } = await import('./load-breakdown.mjs');
  const { writePerformanceDoc } = await import('./performance-doc.mjs');
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const log = (line) => console.error(`bench: ${line}`);
  try {
    const result = { date: new Date().toISOString(), chromium: browser.version() };
    result.atLoad = await atLoad(browser, server.origin, Number(process.env.AT_LOAD_RUNS) || 7, log);
    result.breakdown = await loadBreakdown(browser, server.origin, log);
    console.log(JSON.stringify(result, null, 2));
    await writePerformanceDoc(result);
  } finally {
    await browser.close();
    server.close();
  }
}
