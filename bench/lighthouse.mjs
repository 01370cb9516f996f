// The Lighthouse phase of `npm run bench` (docs/contract.md, SPEC §8: on the demo, mobile and desktop, performance
// ≥ 95, accessibility 100, best practices 100), and on its own for quick iteration:
//   npm run build && node bench/lighthouse.mjs      (LIGHTHOUSE_RUNS=n: runs per form factor, default 3)
// It starts the demo as `npm start` serves it (demo/server.mjs on a free port: the page, the built bundle, the
// simulators and the relay), starts Debian's Chromium headless with the flags of scripts/chromium.mjs and a
// DevTools port, and runs Lighthouse's Node API against the page: `runs` times with Lighthouse's default mobile
// settings (emulated Moto G Power, simulated slow 4G and 4× CPU slowdown) and as many with its desktop config,
// alternating the two so that a busy moment of the machine falls on both. Reports the median of each category's
// score and of the key metrics, and every audit that keeps a category under its target, with its top offenders.
//
// Offline: Chromium's resolver answers every host but the two loopback names with "not found" (so anything
// external fails at once rather than hangs), and the phase counts the requests the page made to any other host.
//
// Lighthouse 12.8.2, exact: every Lighthouse 13 release (13.0.0 to 13.5.0) asks for Node ≥ 22.19, and this
// project's machines and CI run Node 20; 12.8.2 is the newest release whose `engines` (node ≥ 18.16) allows it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const LIGHTHOUSE_VERSION = createRequire(import.meta.url)('lighthouse/package.json').version;
/** SPEC §8's targets, as Lighthouse's 0–100 scores (SEO beyond the SPEC: the demo should not lose it either). */
export const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CATEGORIES = Object.keys(TARGETS);
/** The key metrics, by audit id: milliseconds, but CLS (unitless). */
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndex: 'speed-index',
};
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The median of numbers (the mean of the middle two for an even count). */
const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (n, digits = 0) => (n === undefined ? undefined : +n.toFixed(digits));

/** Everything a child's streams printed so far (`.text`), kept as it comes. */
function collect(...streams) {
  const sink = { text: '' };
  for (const stream of streams) stream.setEncoding('utf8').on('data', (chunk) => (sink.text += chunk));
  return sink;
}

/** Waits until `sink` holds a match of `pattern` (resolves to it), or rejects after `ms` or if `child` exits. */
function waitFor(child, sink, pattern, ms, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const match = pattern.exec(sink.text);
      if (match) return resolve(match);
      if (child.exitCode !== null || child.signalCode !== null)
        return reject(new Error(`${what} exited (${child.exitCode ?? child.signalCode}):\n${sink.text}`));
      if (Date.now() - started > ms) return reject(new Error(`${what}: no ${pattern} in ${ms} ms:\n${sink.text}`));
      setTimeout(check, 50);
    };
    check();
  });
}

/** Sends SIGTERM to a child and waits for it to exit (SIGKILL after 5 s). */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** demo/server.mjs on a free port, as `npm start` runs it; resolves once its relay started (or failed to). */
async function startDemo() {
  const child = spawn(process.execPath, [join(root, 'demo/server.mjs')], {
    cwd: root,
    // No HOST: every local address, as `npm start` listens (the BFL simulator sends its polls to the other name).
    env: { ...process.env, PORT: '0', HOST: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child.stdout, child.stderr);
  try {
    const [, origin] = await waitFor(child, output, /userpays demo: (http:\/\/\S+)/, 20_000, 'demo/server.mjs');
    // The relay's start (workerd) takes a core for a second or two: the measured loads should not share it. It
    // starts, or says on stderr why not (the demo then runs without it, as `npm start` does).
    await waitFor(child, output, /relay \(|relay did not start/, 30_000, 'demo/server.mjs');
    return { child, origin };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/**
 * Debian's Chromium, headless, with a DevTools port for Lighthouse and a profile of its own (removed by `close`):
 * every run starts cold, with no code cache or storage a run before left (Lighthouse clears the origin's storage
 * itself, but warns when the IndexedDB it clears is still there).
 */
async function startChromium() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'userpays-lighthouse-'));
  const args = [
    ...CHROMIUM_ARGS,
    // No request may leave the machine: every other host is "not found" at once.
    `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
    // What chrome-launcher adds for Lighthouse beyond scripts/chromium.mjs's flags.
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-hang-monitor',
    '--disable-ipc-flooding-protection',
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
    '--metrics-recording-only',
    '--mute-audio',
    '--no-default-browser-check',
    '--password-store=basic',
    '--use-mock-keychain',
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    'about:blank',
  ];
  const child = spawn(chromiumPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const close = async () => {
    await stop(child);
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  const err = collect(child.stderr);
  try {
    const [, port] = await waitFor(child, err, /DevTools listening on ws:\/\/[^:]+:(\d+)\//, 30_000, 'Chromium');
    return { port: Number(port), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The browser's version, as DevTools reports it. */
async function chromiumVersion(port) {
  const reply = await fetch(`http://127.0.0.1:${port}/json/version`);
  return (await reply.json()).Browser;
}

/** A short, readable name for one row of an audit's details: the element, URL or label it is about. */
function offender(item, origin) {
  const short = (url) => (typeof url === 'string' ? url.replace(origin, '') : undefined);
  const node = item.node ?? item.element;
  const parts = [];
  if (node?.type === 'node') parts.push(node.selector || node.nodeLabel || node.snippet);
  if (node?.type === 'text') parts.push(node.value);
  // A checklist's unmet point (document-latency-insight: "No compression applied").
  if (item.value === false && item.label) return item.label;
  // The network dependency tree: its longest chain of requests.
  if (item.value?.type === 'network-tree') {
    const chain = [];
    for (let level = item.value.chains; level && Object.keys(level).length;) {
      const links = Object.values(level);
      const next = links.find((l) => l.isLongest) ?? links[0];
      chain.push(short(next.url) || '/');
      level = next.children;
    }
    return chain.length ? `longest chain ${item.value.longestChain?.duration} ms: ${chain.join(' → ')}` : '';
  }
  const url = short(item.url ?? item.source?.url ?? (item.source?.type === 'url' ? item.source.value : undefined));
  if (url) parts.push(url);
  if (!parts.length && (item.label || item.description)) parts.push(String(item.label ?? item.description));
  if (!parts.length && typeof item.source?.value === 'string') parts.push(item.source.value);
  if (typeof item.score === 'number' && !item.url) parts.push(`shift ${round(item.score, 3)}`);
  if (item.wastedBytes) parts.push(`${Math.round(item.wastedBytes).toLocaleString('en-US')} B wasted`);
  if (item.wastedMs) parts.push(`${Math.round(item.wastedMs)} ms`);
  const causes = item.subItems?.items?.map((sub) => sub.cause).filter(Boolean);
  if (causes?.length) parts.push(`cause: ${[...new Set(causes)].join(', ')}`);
  const explanation = node?.explanation?.split('\n').slice(0, 2).join(' ');
  if (explanation) parts.push(explanation);
  return parts.join(' — ').replace(/\s+/g, ' ').slice(0, 300);
}

/** The audits that keep `category` of one report under its target (the ones Lighthouse shows as failed). */
function failingAudits(lhr, categoryId, origin) {
  const category = lhr.categories[categoryId];
  const failing = [];
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.scoreDisplayMode === 'notApplicable') continue;
    // Performance: its weighted metrics below 0.9, and the insights and diagnostics Lighthouse flags (metric
    // savings, or a failing score); the other categories: every weighted audit that did not pass.
    const failed =
      categoryId === 'performance'
        ? audit.score < 0.9 &&
          (ref.weight > 0 ||
            audit.scoreDisplayMode === 'metricSavings' ||
            audit.scoreDisplayMode === 'binary' ||
            audit.scoreDisplayMode === 'numeric')
        : ref.weight > 0 && audit.score < 1;
    if (!failed) continue;
    // A table's rows; a list's (the layout shifts, the insights) tables' rows; none for other details.
    const rows = (details) =>
      details?.type === 'list'
        ? details.items.flatMap((item) =>
            item.type !== 'list-section' ? rows(item) : item.value?.type === 'network-tree' ? [item] : [],
          )
        : details?.type === 'checklist'
          ? Object.values(details.items).filter((point) => point.value === false)
          : Array.isArray(details?.items)
            ? details.items
            : [];
    const items = rows(audit.details);
    failing.push({
      id: ref.id,
      title: audit.title,
      score: audit.score,
      displayValue: audit.displayValue,
      offenders: items
        .slice(0, 5)
        .map((item) => offender(item, origin))
        .filter(Boolean),
    });
  }
  return failing;
}

/** One Lighthouse run of `url`: its scores (0–100), key metrics and the failing audits of each category. */
async function runOnce(url, port, formFactor, origin, withReport) {
  const flags = { port, hostname: '127.0.0.1', logLevel: 'error', ...(withReport && { output: 'html' }) };
  const result =
    formFactor === 'desktop'
      ? await lighthouse(url, flags, desktopConfig)
      : await lighthouse(url, { ...flags, formFactor: 'mobile' });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, round((lhr.categories[id]?.score ?? NaN) * 100)]));
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => [key, round(lhr.audits[id]?.numericValue, key === 'cls' ? 3 : 0)]),
  );
  const failing = Object.fromEntries(CATEGORIES.map((id) => [id, failingAudits(lhr, id, origin)]));
  // Requests to any host but the machine's own (the resolver refused them: they failed, but should not exist).
  const external = (lhr.audits['network-requests']?.details?.items ?? [])
    .map((item) => item.url)
    .filter((u) => /^https?:/.test(u) && !LOCAL_HOSTS.includes(new URL(u).hostname));
  return { scores, metrics, failing, external, warnings: lhr.runWarnings, report: result.report };
}

/**
 * Runs Lighthouse `runs` times per form factor on the demo page and returns the medians:
 * `{ version, chromium, runs, formFactors: { mobile, desktop } }`, each form factor with `scores` (median per
 * category, 0–100), `metrics` (median FCP, LCP, TBT, Speed Index in ms, CLS), `perRun` scores, `external`
 * requests, and `failing`: per category under its target, its failing audits over all runs (in how many runs).
 */
export async function runLighthouse({ runs = 3, reportDir, log = () => {} } = {}) {
  const demo = await startDemo();
  try {
    const url = `${demo.origin}/`;
    const out = {
      version: LIGHTHOUSE_VERSION,
      chromium: undefined,
      url: '/ (demo/index.html, served by demo/server.mjs)',
      runs,
      settings: {
        mobile: "Lighthouse's default: formFactor mobile, simulated throttling (slow 4G, 4× CPU slowdown)",
        desktop: 'lighthouse/core/config/desktop-config.js: simulated throttling (dense 4G, no CPU slowdown)',
      },
      formFactors: {},
      // The machine's load (1, 5, 15 minutes) before and after: Lighthouse's simulation scales what it observed,
      // so a busy machine shows in TBT first.
      loadAverage: { start: loadavg().map((l) => +l.toFixed(2)) },
    };
    const samples = { mobile: [], desktop: [] };
    for (let i = 0; i < runs; i++) {
      for (const formFactor of ['mobile', 'desktop']) {
        log(`lighthouse: ${formFactor} ${i + 1}/${runs}`);
        const chromium = await startChromium();
        try {
          out.chromium ??= await chromiumVersion(chromium.port);
          samples[formFactor].push(await runOnce(url, chromium.port, formFactor, demo.origin, !!reportDir));
        } finally {
          await chromium.close();
        }
        if (reportDir) {
          await mkdir(reportDir, { recursive: true });
          await writeFile(join(reportDir, `lighthouse-${formFactor}-${i + 1}.html`), samples[formFactor].at(-1).report);
        }
      }
    }
    for (const [formFactor, list] of Object.entries(samples)) {
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(list.map((s) => s.scores[id]))]));
      const metrics = Object.fromEntries(
        Object.keys(METRICS).map((key) => [key, round(median(list.map((s) => s.metrics[key])), key === 'cls' ? 3 : 0)]),
      );
      const failing = {};
      for (const id of CATEGORIES) {
        if (!(scores[id] < TARGETS[id])) continue;
        const byAudit = new Map();
        for (const sample of list)
          for (const audit of sample.failing[id]) {
            const seen = byAudit.get(audit.id);
            if (seen) seen.runs++;
            else byAudit.set(audit.id, { ...audit, runs: 1 });
          }
        failing[id] = [...byAudit.values()].sort((a, b) => a.score - b.score);
      }
      out.formFactors[formFactor] = {
        scores,
        metrics,
        perRun: list.map((s) => s.scores),
        external: [...new Set(list.flatMap((s) => s.external))],
        warnings: [...new Set(list.flatMap((s) => s.warnings ?? []))],
        failing,
      };
    }
    out.loadAverage.end = loadavg().map((l) => +l.toFixed(2));
    return out;
  } finally {
    await stop(demo.child);
  }
}

/** The Markdown rows of one result for bench/run.mjs's table and for the run on its own. */
export function lighthouseRows(result) {
  return Object.entries(result.formFactors).map(([formFactor, f]) => {
    const s = f.scores;
    const m = f.metrics;
    const perRun = f.perRun.map((r) => `${r.performance}/${r.accessibility}/${r['best-practices']}`).join(', ');
    return `| Lighthouse ${result.version} on the demo, ${formFactor} (median of ${f.perRun.length} runs) | performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS['best-practices']} | performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo} (runs: ${perRun}); FCP ${m.fcp} ms, LCP ${m.lcp} ms, TBT ${m.tbt} ms, CLS ${m.cls}, Speed Index ${m.speedIndex} ms${f.external.length ? `; ${f.external.length} requests off the machine` : ''} |`;
  });
}

/** What keeps each category under its target, as text lines. */
export function failingText(result) {
  const lines = [];
  for (const [formFactor, f] of Object.entries(result.formFactors)) {
    for (const [category, audits] of Object.entries(f.failing)) {
      lines.push(`${formFactor}: ${category} ${f.scores[category]} (target ${TARGETS[category]})`);
      for (const a of audits) {
        const value = a.displayValue ? ` (${a.displayValue})` : '';
        lines.push(`  ${a.id}: ${a.title}${value}, score ${a.score}, in ${a.runs}/${f.perRun.length} runs`);
        for (const o of a.offenders) lines.push(`    - ${o}`);
      }
    }
    if (f.external.length) lines.push(`${formFactor}: requests off the machine: ${f.external.join(', ')}`);
    for (const w of f.warnings) lines.push(`${formFactor}: Lighthouse warning: ${w}`);
  }
  return lines.join('\n');
}

// On its own: `node bench/lighthouse.mjs` (after `npm run build`). Keeps the HTML reports in bench/results/.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const result = await runLighthouse({
    runs: Number(process.env.LIGHTHOUSE_RUNS) || 3,
    reportDir: join(root, 'bench/results'),
    log: (line) => console.error(`${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  });
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| what | target | measured |\n|---|---|---|\n${lighthouseRows(result).join('\n')}\n`);
  console.log(failingText(result) || 'Every category at its target.');
  console.log(
    `\nHTML reports: bench/results/lighthouse-{mobile,desktop}-N.html (${Math.round((Date.now() - started) / 1000)} s; load average ${result.loadAverage.start.join(' ')} before, ${result.loadAverage.end.join(' ')} after)`,
  );
}
