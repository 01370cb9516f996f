// This checkout's build against another commit's, loaded in turn in one run: when each page's first widget shows its
// price and the longest task at load, paired load by load, and the main thread's CPU time before that price (from a
// light trace: the machine's load lengthens the wall time, hardly the CPU time). It answers "is the first widget's
// price shown no later than before?" with the spread of the machine's noise beside it.
// Usage, after `npm run build`: npm run bench:against -- <commit>   (AGAINST_RUNS rounds, default 15; AGAINST_TRACED
// traced loads of each build and page, default 5). The other commit is built once, in a temporary worktree with this
// checkout's node_modules, into bench/results/builds/<12 hex digits>/; the figures go to docs/performance.md between
// its `against` markers.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { loadOnce, PAGES, spread } from './at-load.mjs';
import { code, table, writeDocSection } from './performance-doc.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const git = async (...args) => (await run('git', args, { cwd: root })).stdout.trim();
/** The pages compared: every page of bench/at-load.mjs with a widget on it. */
const COMPARED = Object.keys(PAGES).filter((name) => PAGES[name].tags);

/** `commit`'s build, made once into bench/results/builds/<12 hex digits>/: its name there, and the full hash. */
export async function buildOf(commit) {
  const sha = await git('rev-parse', '--verify', `${commit}^{commit}`);
  const name = sha.slice(0, 12);
  const dir = join(root, 'bench/results/builds', name);
  if (await stat(join(dir, 'userpays.js')).catch(() => undefined)) return { name, sha };
  const work = await mkdtemp(join(tmpdir(), 'userpays-against-'));
  try {
    await git('worktree', 'add', '--detach', work, sha);
    await symlink(join(root, 'node_modules'), join(work, 'node_modules'));
    await run('npm', ['run', 'build'], { cwd: work });
    await cp(join(work, 'dist'), dir, { recursive: true });
  } finally {
    await git('worktree', 'remove', '--force', work).catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
  return { name, sha };
}

/** `path` with the page's build named (bench/load-pages.mjs): '' for this checkout's dist/. */
const withBuild = (path, build) => (build ? `${path}${path.includes('?') ? '&' : '?'}build=${build}` : path);

/**
 * One lightly traced load (the scheduler's tasks and the page's marks, no profiler): the main thread's CPU time
 * from the navigation until the page's first widget showed its price, and how many tasks ran before it.
 */
async function cpuBeforePrice(browser, origin, page, build) {
  const context = await browser.newContext({ viewport: page.viewport ?? { width: 1280, height: 720 } });
  try {
    const tab = await context.newPage();
    await browser.startTracing(tab, {
      categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await tab.goto(`${origin}/bench/load/${withBuild(page.path, build)}`);
    const mark = `${page.tags[0]}:shown`;
    await tab.waitForFunction((name) => performance.getEntriesByName(name).length, mark, { timeout: 10_000 });
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    const shown = events.find((e) => e.name === mark);
    const navigation = events.find(
      (e) =>
        e.name === 'navigationStart' && e.pid === shown.pid && e.args?.data?.documentLoaderURL?.includes('/bench/'),
    );
    const tasks = events.filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === shown.pid && e.tid === shown.tid,
    );
    const before = tasks.filter((t) => t.ts >= navigation.ts && t.ts < shown.ts);
    return { cpuMs: before.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000, tasks: before.length };
  } finally {
    await context.close();
  }
}

/** A reproducible pseudo-random sequence in [0, 1) (mulberry32): the same interval for the same figures. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of `differences` and its 90% interval by the bootstrap (2,000 resamples): where the truth likely lies. */
export function pairedMedian(differences) {
  const values = differences.filter(Number.isFinite);
  if (!values.length) return { median: undefined, low: undefined, high: undefined, pairs: 0 };
  const random = seeded(values.length);
  const medians = Array.from(
    { length: 2000 },
    () => spread(values.map(() => values[Math.floor(random() * values.length)])).median,
  ).sort((a, b) => a - b);
  return { median: spread(values).median, low: medians[100], high: medians[1899], pairs: values.length };
}

/** `runs` rounds of each compared page, this build and `build` in turn (which first alternates), then the traced loads. */
export async function against(browser, origin, build, runs, traced, log = () => {}) {
  const started = loadavg()[0];
  const loads = Object.fromEntries(COMPARED.map((name) => [name, { now: [], then: [] }]));
  for (let round = 0; round < runs; round++) {
    log(`against: round ${round + 1} of ${runs}`);
    for (const name of COMPARED) {
      const page = { ...PAGES[name], memory: false };
      const order = round % 2 ? ['then', 'now'] : ['now', 'then'];
      for (const which of order)
        loads[name][which].push(
          await loadOnce(browser, origin, { ...page, path: withBuild(page.path, which === 'then' ? build : '') }),
        );
    }
  }
  const cpu = Object.fromEntries(COMPARED.map((name) => [name, { now: [], then: [] }]));
  for (let round = 0; round < traced; round++) {
    log(`against: traced loads, round ${round + 1} of ${traced}`);
    for (const name of COMPARED)
      for (const which of round % 2 ? ['then', 'now'] : ['now', 'then'])
        cpu[name][which].push(await cpuBeforePrice(browser, origin, PAGES[name], which === 'then' ? build : ''));
  }
  const pages = Object.fromEntries(
    COMPARED.map((name) => {
      const { now, then } = loads[name];
      const priced = (list) => list.map((l) => l.firstPricedMs);
      return [
        name,
        {
          what: PAGES[name].what,
          firstPricedMs: { now: spread(priced(now)), then: spread(priced(then)) },
          firstPricedLaterBy: pairedMedian(now.map((l, i) => l.firstPricedMs - then[i].firstPricedMs)),
          longestMs: { now: spread(now.map((l) => l.longestMs)), then: spread(then.map((l) => l.longestMs)) },
          cpuBeforePriceMs: {
            now: spread(cpu[name].now.map((c) => c.cpuMs)),
            then: spread(cpu[name].then.map((c) => c.cpuMs)),
          },
          tasksBeforePrice: {
            now: spread(cpu[name].now.map((c) => c.tasks)).median,
            then: spread(cpu[name].then.map((c) => c.tasks)).median,
          },
        },
      ];
    }),
  );
  return { runs, traced, machine: { cpus: cpus().length, loadAverage: [started, loadavg()[0]] }, pages };
}

/** The figures as the section of docs/performance.md between its `against` markers. */
export function againstSection(result) {
  const { date, chromium: version, build, runs, traced, machine, pages } = result;
  const rows = Object.values(pages).map((p) => {
    const later = p.firstPricedLaterBy;
    return [
      code(p.what),
      `${p.firstPricedMs.then.median} → ${p.firstPricedMs.now.median} ms`,
      `${later.median} ms (${later.low} to ${later.high})`,
      `${p.cpuBeforePriceMs.then.median} → ${p.cpuBeforePriceMs.now.median} ms`,
      `${p.tasksBeforePrice.then} → ${p.tasksBeforePrice.now}`,
      `${p.longestMs.then.median} (${p.longestMs.then.max}) → ${p.longestMs.now.median} (${p.longestMs.now.max}) ms`,
    ];
  });
  return `<!-- Written by \`npm run bench:against -- ${build.sha.slice(0, 8)}\` (bench/against.mjs) from its last run: not edited by hand. -->

Measured ${date.slice(0, 10)} in Chromium ${version}, headless: this checkout against ${build.sha.slice(0, 8)}, ${runs} rounds
(each page loaded with each build in turn, which first alternating), and ${traced} traced loads of each; ${machine.cpus}
CPUs, shared, load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(' → ')}. "Later by" is the median of the
paired differences (this build's load minus the other's in the same round), with its 90% interval by the bootstrap in
brackets: an interval that holds 0 is a difference the machine's noise covers.

${table(
  [
    'page',
    'first widget priced, median: then → now',
    'now later by (90% interval)',
    'CPU before that price, median: then → now',
    'tasks before it',
    'longest task, median (max): then → now',
  ],
  rows,
)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const commit = process.argv[2];
  if (!commit) throw new Error('usage: node bench/against.mjs <commit>   (after npm run build)');
  const { startBenchServer } = await import('./server.mjs');
  const log = (line) => console.error(`bench: ${line}`);
  log(`against: building ${commit}`);
  const build = await buildOf(commit);
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const runs = Number(process.env.AGAINST_RUNS) || 15;
    const traced = Number(process.env.AGAINST_TRACED) || 5;
    const result = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      build,
      ...(await against(browser, server.origin, build.name, runs, traced, log)),
    };
    console.log(JSON.stringify(result, null, 2));
    await writeDocSection('against', againstSection(result));
  } finally {
    await browser.close();
    server.close();
  }
}
