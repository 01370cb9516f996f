// The size budgets (docs/performance.md, "Size budgets"), read from the build's own output: the parts manifest rollup
// writes (dist/parts.json: scripts/parts-manifest.mjs) for what each part weighs and what it imports, and headless
// Chromium for what a page loads with no user action. The caps are in budgets.json; the sizes last recorded in
// docs/sizes.json, against which each figure's delta is printed.
//
// `node scripts/sizes.mjs` (npm run check:size, in npm test): measures the build in dist/, prints every part and every
// budget with its cap and its delta, and fails on a breach. `node scripts/sizes.mjs --record` (npm run size:record):
// the same, then writes docs/sizes.json and the generated tables of docs/performance.md.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { createSimulator } from '../demo/sim/index.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { MANIFEST } from './parts-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUDGETS = 'budgets.json';
const RECORD = 'docs/sizes.json';
const DOC = 'docs/performance.md';
const [START, END] = ['<!-- sizes:start -->', '<!-- sizes:end -->'];
/** How long a page must have requested nothing, with nothing under way, to be at rest (with its idle callback run). */
const QUIET_MS = 1500;
/** How long a page may take to come to rest. */
const SETTLE_MS = 30_000;

const readJson = async (path) => JSON.parse(await readFile(join(root, path), 'utf8'));

/**
 * The providers: the parts an `import()` of a provider's adapter (src/providers/<id>/adapter.ts) loads, by provider,
 * in the order the entry names them (the registry's).
 */
function adapters(manifest) {
  const found = new Map();
  const order = manifest.parts[manifest.entry].dynamicImports;
  const names = Object.keys(manifest.parts).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const name of names)
    for (const module of manifest.parts[name].loadedBy) {
      const provider = /^src\/providers\/([^/]+)\/adapter\.ts$/.exec(module)?.[1];
      if (provider) found.set(provider, name);
    }
  return found;
}

/** The parts `from` reaches by static imports, and with `dynamic` by `import()` too, entering none that `skip` names. */
function reach(manifest, from, { dynamic, skip = () => false }) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || skip(name)) return;
    seen.add(name);
    const part = manifest.parts[name];
    for (const next of [...part.imports, ...(dynamic ? part.dynamicImports : [])]) visit(next);
  };
  visit(from);
  return [...seen];
}

/**
 * What a page with `<userpays-image provider="…">` and nothing else loads of the build by itself, with no user action,
 * for each provider: the parts it requested until it came to rest, in the order requested. Each page is a fresh
 * browser context (nothing stored), served the build, the simulators (the widget's endpoint) and, for Puter, the
 * Puter SDK (not ours: not counted); every other host is refused, as on a machine offline.
 */
async function noActionLoads(manifest, providers) {
  const byPath = new Map(Object.entries(manifest.parts).map(([name, part]) => [`/dist/${part.file}`, name]));
  const simulator = createSimulator();
  const server = createServer(async (req, res) => {
    if (await simulator.handle(req, res)) return;
    const url = new URL(req.url, 'http://localhost');
    const provider = /^\/page\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (provider) {
      const endpoint = `http://localhost:${server.address().port}/sim/${provider}`;
      const sdk = provider === 'puter' ? ' puter-src="/vendor/puter.js"' : '';
      const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/userpays.js"></script></head>
<body><userpays-image provider="${provider}" endpoint="${endpoint}"${sdk}></userpays-image></body></html>`;
      return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    }
    const file =
      url.pathname === '/vendor/puter.js'
        ? 'node_modules/@heyputer/puter.js/dist/puter.cjs'
        : normalize(url.pathname.slice(1)).replaceAll('\\', '/');
    if (!/^(dist|node_modules)\//.test(file)) return res.writeHead(404).end();
    try {
      const body = await readFile(join(root, file));
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  const origin = `http://localhost:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const loads = {};
  try {
    for (const provider of providers) {
      const context = await browser.newContext();
      await context.route('**', (route) =>
        new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      const requested = [];
      const errors = [];
      let underWay = 0;
      let lastActivity = Date.now();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        underWay++;
        lastActivity = Date.now();
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/dist/')) requested.push(pathname);
      });
      for (const event of ['requestfinished', 'requestfailed'])
        page.on(event, () => {
          underWay--;
          lastActivity = Date.now();
        });
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.startsWith('/dist/') && !response.ok())
          errors.push(`${response.url()} answered ${response.status()}`);
      });
      const started = Date.now();
      await page.goto(`${origin}/page/${provider}`);
      // At rest: nothing requested for a while, nothing under way, and the page's own work done (an idle callback
      // runs), so that a busy machine's slow script is not taken for a page at rest.
      for (let rested = false; !rested;) {
        while (underWay > 0 || Date.now() - lastActivity < QUIET_MS) {
          if (Date.now() - started > SETTLE_MS)
            throw new Error(`the page with ${provider} still loads after ${SETTLE_MS} ms`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const before = lastActivity;
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
        rested = lastActivity === before && underWay === 0;
      }
      await context.close();
      if (errors.length) throw new Error(`the page with ${provider}: ${errors.join('; ')}`);
      const unknown = requested.filter((path) => !byPath.has(path));
      if (unknown.length) throw new Error(`the page with ${provider} loaded ${unknown}, not in dist/${MANIFEST}`);
      // In the build's order, not the order of arrival, so that the record changes only when what loads does.
      const names = Object.keys(manifest.parts);
      loads[provider] = names.filter((name) => requested.includes(`/dist/${manifest.parts[name].file}`));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return loads;
}

/**
 * Measures the build in dist/ (`npm run build` first): each part's gzip size, and each budget's figure with the parts
 * it counts: the first price; and for each provider what a page loads with no user action, and everything its
 * session can load: every part the entry reaches, statically or with `import()`, but the other providers' adapters
 * (and what only they reach), what budgets.json sets aside (a translation, the headless API), the parts another
 * element loads (`session.besides`: given apart, as `withBesides`) and the parts it says only other providers' sessions
 * open (`session.openedBy`).
 */
async function measure(budgets) {
  const manifest = await readJson(`dist/${MANIFEST}`);
  const providers = adapters(manifest);
  if (providers.size === 0)
    throw new Error(`dist/${MANIFEST} has no provider's adapter (src/providers/<id>/adapter.ts)`);
  const counted = (parts) => ({ gzip: parts.reduce((sum, name) => sum + manifest.parts[name].gzip, 0), parts });
  const loadedByOneOf = (name, paths) =>
    manifest.parts[name].loadedBy.some((module) =>
      Object.keys(paths ?? {}).some((path) => module === path || (path.endsWith('/') && module.startsWith(path))),
    );
  const setAside = (name) => loadedByOneOf(name, budgets.session.aside);
  // Another element's parts (budgets.json, session.besides: <userpays-tally>'s panels): not the widget's session, and
  // given apart as what a page with that element beside the widget loads.
  const besides = (name) => loadedByOneOf(name, budgets.session.besides);
  // A provider's prices of the other families (src/providers/<id>/families.ts) and its reader of live prices
  // (live-prices.ts) are its own, as its adapter is.
  const ownedByOther = (name, provider) =>
    manifest.parts[name].loadedBy.some((module) => {
      const owner = /^src\/providers\/([^/]+)\/(families|live-prices)\.ts$/.exec(module)?.[1];
      return owner && owner !== provider;
    });
  const loads = await noActionLoads(manifest, [...providers.keys()]);
  const openedBy = budgets.session.openedBy ?? {};
  const perProvider = {};
  for (const [provider, adapter] of providers) {
    const otherAdapter = (name) =>
      (name !== adapter && [...providers.values()].includes(name)) || ownedByOther(name, provider);
    // A part only some providers' sessions open (budgets.json, session.openedBy: a sign-in, More options' model
    // controls, Puter's account) is not one this provider's session can load.
    const notOpened = (name) => Array.isArray(openedBy[name]) && !openedBy[name].includes(provider);
    const skip = (name) => otherAdapter(name) || setAside(name) || notOpened(name);
    const session = reach(manifest, manifest.entry, { dynamic: true, skip: (name) => skip(name) || besides(name) });
    const withBesides = reach(manifest, manifest.entry, { dynamic: true, skip });
    const outside = loads[provider].filter((name) => !session.includes(name));
    if (outside.length) throw new Error(`a page with ${provider} loads ${outside} by itself, outside its session`);
    perProvider[provider] = {
      noAction: counted(loads[provider]),
      session: counted(session),
      withBesides: counted(withBesides),
    };
  }
  return {
    entry: manifest.entry,
    parts: Object.fromEntries(Object.entries(manifest.parts).map(([name, part]) => [name, part.gzip])),
    loadedBy: Object.fromEntries(Object.entries(manifest.parts).map(([name, part]) => [name, part.loadedBy])),
    firstPrice: counted(reach(manifest, manifest.entry, { dynamic: false })),
    providers: perProvider,
    besides: Object.keys(manifest.parts).filter(besides),
  };
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

/** A provider's cap on its whole session: SPEC §8's, or a deviation budgets.json states for it (`session.deviations`). */
const sessionCap = (budgets, provider) => budgets.session.deviations?.[provider]?.cap ?? budgets.session.cap;

/** A provider's cap on what a page loads with no user action: SPEC §8's, or a stated deviation (`noAction.deviations`). */
const noActionCap = (budgets, provider) => budgets.noAction.deviations?.[provider]?.cap ?? budgets.noAction.cap;

/** The breaches (`errors`) and the figures past their warning (`warnings`) of `measured` against `budgets`. */
function verdict(measured, budgets) {
  const errors = [];
  const warnings = [];
  const over = (what, gzip, cap) =>
    gzip > cap && errors.push(`over budget: ${what}, ${bytes(gzip)}, over its cap of ${bytes(cap)}`);
  const { firstPrice } = measured;
  over('the first price', firstPrice.gzip, budgets.firstPrice.cap);
  if (firstPrice.gzip > budgets.firstPrice.warnAt && firstPrice.gzip <= budgets.firstPrice.cap)
    warnings.push(
      `warning: the first price, ${bytes(firstPrice.gzip)}, is past ${bytes(budgets.firstPrice.warnAt)}: a change that adds to it says what it defers, or why it is worth it`,
    );
  for (const [provider, { noAction, session }] of Object.entries(measured.providers)) {
    over(`what a page with ${provider} loads with no user action`, noAction.gzip, noActionCap(budgets, provider));
    over(`everything a session with ${provider} can load`, session.gzip, sessionCap(budgets, provider));
  }
  for (const [name, gzip] of Object.entries(measured.parts)) {
    if (name === measured.entry) continue;
    const cap = budgets.parts[name]?.cap;
    if (cap === undefined) errors.push(`no cap: the part ${name} (${bytes(gzip)}) has none in ${BUDGETS}`);
    else over(`the part ${name}`, gzip, cap);
  }
  for (const name of Object.keys(budgets.parts))
    if (!(name in measured.parts))
      errors.push(`no such part: ${BUDGETS} caps ${name}, which the build no longer makes`);
  return { errors, warnings };
}

const delta = (now, before) =>
  before === undefined ? 'new' : now === before ? '±0' : `${now > before ? '+' : '−'}${bytes(Math.abs(now - before))}`;

/**
 * The figures as rows (`[what, gzip, cap, delta]`): every part, the parts the record has that the build no longer
 * makes, then each budget, each with its delta against `record` (docs/sizes.json).
 */
function rows(measured, budgets, record) {
  const parts = Object.entries(measured.parts).map(([name, gzip]) => [
    name === measured.entry ? `${name} (the entry)` : name,
    bytes(gzip),
    name === measured.entry ? 'first price' : budgets.parts[name] ? bytes(budgets.parts[name].cap) : 'none',
    delta(gzip, record.parts?.[name]),
  ]);
  const gone = Object.entries(record.parts ?? {})
    .filter(([name]) => !(name in measured.parts))
    .map(([name, gzip]) => [`${name} (no longer built)`, '—', '—', `−${bytes(gzip)}`]);
  /** A budget's row: what it counts, with the parts it counts now and not at the record, or then and not now. */
  const budget = (what, { gzip, parts: counted }, cap, before) => {
    const changed = [
      ...counted.filter((name) => before && !before.parts.includes(name)).map((name) => `+${name}`),
      ...(before?.parts.filter((name) => !counted.includes(name)).map((name) => `−${name}`) ?? []),
    ];
    const files = `${counted.length} file${counted.length === 1 ? '' : 's'}`;
    return [`${what} (${[files, ...changed].join(', ')})`, bytes(gzip), bytes(cap), delta(gzip, before?.gzip)];
  };
  const providers = Object.entries(measured.providers);
  return [
    ...parts,
    ...gone,
    budget('first price', measured.firstPrice, budgets.firstPrice.cap, record.firstPrice),
    ...providers.map(([provider, { noAction }]) =>
      budget(
        `no user action, ${provider}`,
        noAction,
        noActionCap(budgets, provider),
        record.providers?.[provider]?.noAction,
      ),
    ),
    ...providers.map(([provider, { session }]) =>
      budget(
        `whole session, ${provider}`,
        session,
        sessionCap(budgets, provider),
        record.providers?.[provider]?.session,
      ),
    ),
  ];
}

/** The rows of `sizesReport` as a plain-text table. */
export function sizesTable(lines) {
  const header = ['part or budget', 'gzip', 'cap', 'Δ recorded'];
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)));
  return [header, ...lines]
    .map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}

/** The Markdown docs/performance.md holds between its markers: the budgets by provider, and each part. */
function markdown(measured, budgets) {
  const list = (names) => names.map((name) => `\`${name}\``).join(', ');
  const files = (names) => `${names.length} file${names.length === 1 ? '' : 's'}`;
  const cap = (name) => budgets.parts[name] ?? { cap: 0, raised: '—', reason: 'no cap' };
  const deviation = (provider) =>
    budgets.session.deviations?.[provider] ? `; a deviation, its cap ${bytes(sessionCap(budgets, provider))}` : '';
  const noActionDeviation = (provider) =>
    budgets.noAction.deviations?.[provider] ? `; a deviation, its cap ${bytes(noActionCap(budgets, provider))}` : '';
  const providers = Object.entries(measured.providers).map(
    ([provider, { noAction, session, withBesides }]) =>
      `| ${provider} | ${bytes(noAction.gzip)} (${files(noAction.parts)}: ${list(noAction.parts)}${noActionDeviation(provider)}) | ${bytes(session.gzip)} (${files(session.parts)}${deviation(provider)}) | ${bytes(withBesides.gzip)} |`,
  );
  const parts = Object.entries(measured.parts)
    .filter(([name]) => name !== measured.entry)
    .map(
      ([name, gzip]) =>
        `| \`${name}\` | ${measured.loadedBy[name].length ? list(measured.loadedBy[name]) : 'none: what several parts share'} | ${bytes(gzip)} | ${bytes(cap(name).cap)} | ${cap(name).raised}: ${cap(name).reason} |`,
    );
  return `${START}

<!-- Written by \`npm run size:record\` from the build: not edited by hand. -->

The first price: ${bytes(measured.firstPrice.gzip)} (${list(measured.firstPrice.parts)}); its cap ${bytes(budgets.firstPrice.cap)}, a warning past ${bytes(budgets.firstPrice.warnAt)}.

| provider | with no user action (cap ${bytes(budgets.noAction.cap)}) | whole session (cap ${bytes(budgets.session.cap)}) | and what another element beside it loads (${list(measured.besides)}: no cap but the part's) |
| --- | --- | --- | --- |
${providers.join('\n')}

| part | loaded by an \`import()\` of | gzip | cap | cap last raised |
| --- | --- | --- | --- | --- |
${parts.join('\n')}

${END}`;
}

/** Writes `measured` as the record (docs/sizes.json) and as the generated tables of docs/performance.md. */
async function record(measured, budgets) {
  const figure = ({ gzip, parts }) => ({ gzip, parts });
  const written = {
    parts: measured.parts,
    firstPrice: figure(measured.firstPrice),
    providers: Object.fromEntries(
      Object.entries(measured.providers).map(([provider, { noAction, session }]) => [
        provider,
        { noAction: figure(noAction), session: figure(session) },
      ]),
    ),
  };
  const pretty = async (path, text) => format(text, { ...(await resolveConfig(join(root, path))), filepath: path });
  await writeFile(join(root, RECORD), await pretty(RECORD, JSON.stringify(written)));
  const doc = await readFile(join(root, DOC), 'utf8');
  const [start, end] = [doc.indexOf(START), doc.indexOf(END)];
  if (start === -1 || end < start) throw new Error(`${DOC} has no ${START} … ${END} to write the sizes between`);
  const updated = doc.slice(0, start) + markdown(measured, budgets) + doc.slice(end + END.length);
  await writeFile(join(root, DOC), await pretty(DOC, updated));
}

/**
 * The build in dist/ against the budgets: its figures (`measured`), as rows with their caps and their deltas against
 * the record (`rows`), and what is over a cap (`errors`) or past a warning (`warnings`). bench/run.mjs reports them.
 */
export async function sizesReport() {
  const budgets = await readJson(BUDGETS);
  const measured = await measure(budgets);
  const recorded = await readJson(RECORD).catch(() => ({}));
  return { budgets, measured, rows: rows(measured, budgets, recorded), ...verdict(measured, budgets) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { budgets, measured, rows: lines, errors, warnings } = await sizesReport();
  console.log(sizesTable(lines));
  for (const line of [...warnings, ...errors]) console.log(line);
  if (process.argv.includes('--record')) {
    await record(measured, budgets);
    console.log(`recorded in ${RECORD} and ${DOC}`);
  }
  if (errors.length) {
    console.log(
      `A cap is raised in ${BUDGETS} in the change that adds a feature, by its measured cost, with the date and the reason (docs/performance.md, "Size budgets").`,
    );
    process.exitCode = 1;
  }
}
