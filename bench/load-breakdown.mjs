// Where the time goes at load: Chrome traces (the timeline's events and its sampling profiler) of a few loads of each
// page, read as DevTools' Performance panel reads them. The widget is the bench's mapped build (bench/mapped-build.mjs:
// the same code as dist/, with source maps), so that a function is named by its place in src/. The profiler slows
// the page: the longest tasks' figures are bench/at-load.mjs's, untraced; these say where the time goes.
// Per page, from the load whose busiest task (by CPU time) is the median: the whole load's main-thread CPU time by
// kind (script, style, layout, paint, GC, HTML, other) and script by owner (which element, else which folder of src/);
// its tasks by who posted them; its longest tasks, each with its kinds and owners; and its longest task's functions
// by self time and their source files. CPU time is the thread's own (a trace event's `tdur`): on a busy machine a
// task's wall time is mostly waiting for a core, and only its CPU time says what the widget did.
// BREAKDOWN_RUNS (default 3) traced loads of each page; the traces of the median loads of the three-element and
// 100-widget pages are kept in bench/results/traces/ (open them in DevTools' Performance panel).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { pricedOrStalled, settled } from './in-page.js';
import { MAPPED_DIR, buildMapped } from './mapped-build.mjs';
import { readSourceMap } from './source-map.mjs';
import { cpuProfile, mainThread, selfTimes } from './trace-summary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Tasks listed per page: those at least this long (ms). */
const TASK_MS = 16;
/** Of those, how many are listed (the longest). */
const TASKS_LISTED = 12;
const LONG_TASK_MS = 50;
const KINDS = ['script', 'style', 'layout', 'paint', 'gc', 'html', 'other'];
/** A trace event's kind, by its name (the first pattern that matches), as DevTools' summary groups them. */
const KIND_OF = [
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::)/, 'gc'],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|UpdateLayerTree)$/, 'style'],
  [/^(Layout|InvalidateLayout|HitTest|IntersectionObserverController|ResizeObserverController)/, 'layout'],
  [/^(Paint|PrePaint|Layerize|Commit|CompositeLayers|UpdateLayer|PaintImage|Decode|ImageDecode)/, 'paint'],
  [/^ParseHTML$/, 'html'],
  [
    /^(v8\.|V8\.|EvaluateScript|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|FireIdleCallback|BlinkScheduler_PerformMicrotaskCheckpoint)/,
    'script',
  ],
];
const kindOf = (name) => KIND_OF.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
const ms = (us) => Math.round(us / 100) / 10;

/** The traced pages: what each is and its URL under /bench/load/ (the mapped build's). */
const PAGES = {
  empty: { what: 'the page alone: the script, no element', path: 'blank' },
  image: { what: '<userpays-image> alone', path: 'element?tag=userpays-image', tags: ['userpays-image'] },
  cost: { what: '<userpays-cost> alone', path: 'element?tag=userpays-cost', tags: ['userpays-cost'] },
  tally: { what: '<userpays-tally> alone', path: 'element?tag=userpays-tally', tags: ['userpays-tally'] },
  three: { what: 'all three elements', path: 'all', tags: ['userpays-image', 'userpays-cost', 'userpays-tally'] },
  hundred: { what: '100 × <userpays-image>, 1280 px', path: 'gallery?count=100', tags: ['userpays-image'] },
};
/** The pages whose median trace is kept. */
const KEPT = ['three', 'hundred'];

/** Source maps of the mapped build's files, by URL, read once. */
function mapsByUrl(origin) {
  const maps = new Map();
  return async (url) => {
    if (!url.startsWith(`${origin}/${MAPPED_DIR}/`)) return undefined;
    if (!maps.has(url)) maps.set(url, await readSourceMap(join(root, url.slice(origin.length + 1))).catch(() => null));
    return maps.get(url) ?? undefined;
  };
}

/** The parts manifest of the mapped build: a built file's part name (`userpays`, `lazy/engine`…). */
async function partNames() {
  const manifest = JSON.parse(await readFile(join(root, MAPPED_DIR, 'parts.json'), 'utf8'));
  const byFile = new Map(Object.entries(manifest.parts).map(([name, part]) => [part.file, name]));
  return (url) => byFile.get(url.replace(/^.*?\/mapped\//, ''));
}

/**
 * How a profile's frames are named: `place(frame)` its source (`src/…:line` or a package's path), and `owner(stack)`
 * the element a sample's time is for (its nearest frame in src/elements/<image|cost|tally>/), else the nearest
 * folder of src/, else the package or what V8 calls it; the bench page's Intl.NumberFormat wrapper (loadProbe) is
 * the platform's locale data.
 */
async function namer(origin, frames) {
  const mapOf = mapsByUrl(origin);
  const partOf = await partNames();
  const named = new Map();
  const name = async ({ functionName, url, lineNumber, columnNumber }, sampleLine, sampleColumn) => {
    const key = `${url}:${lineNumber}:${columnNumber}:${sampleLine}:${sampleColumn}`;
    if (named.has(key)) return named.get(key);
    const map = url && (await mapOf(url));
    let result;
    if (!url) result = { name: functionName || '(native)', source: functionName || '(native)' };
    else if (!map && functionName === 'timed')
      // loadProbe's wrapper: what its samples hold is the platform's construction of a formatter
      result = { name: 'new Intl.NumberFormat (the platform)', source: '(Intl)', intl: true };
    else if (!map)
      result = { name: functionName || '(anonymous)', source: `the bench page (${functionName || 'inline'})` };
    else {
      // the function's own place names it (terser keeps no names); the sample's place says which line ran
      const start = map.at(lineNumber, columnNumber);
      const ran = sampleLine ? map.at(sampleLine - 1, sampleColumn - 1) : start;
      const body = lineNumber === 0 && columnNumber === 0 && !functionName;
      const part = partOf(url) ?? url;
      const fn = body ? `(evaluation of ${part})` : map.functionName(lineNumber, columnNumber) || functionName;
      result = {
        name: body ? fn : `${fn || '(anonymous)'} ${start ? `${start.source}:${start.line}` : ''}`.trim(),
        source: ran?.source ?? start?.source ?? url,
        evaluationOf: body ? part : undefined,
      };
    }
    named.set(key, result);
    return result;
  };
  for (const [frame, line, column] of frames) await name(frame, line, column);
  return {
    place: (frame, line, column) =>
      named.get(`${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${line}:${column}`),
    owner(stack) {
      const sources = stack.map((s) => s.source);
      if (stack[0]?.intl) return stack[0].name;
      const element = sources.find((s) => /^src\/elements\/(image|cost|tally)\//.test(s));
      if (element) return `<userpays-${element.split('/')[2]}>`;
      const src = sources.find((s) => s.startsWith('src/'));
      if (src) return folderOf(src);
      return /^(lit-html|lit-element|@lit)\//.test(sources[0]) ? 'Lit' : (sources[0] ?? '(program)');
    },
  };
}

/** An owner's folder: src/elements/<one> and src/providers/<one>, else src/<one> (src for its own files). */
function folderOf(source) {
  const parts = source.split('/');
  const depth = ['elements', 'providers'].includes(parts[1]) ? 3 : 2;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}

/** One traced load of `page`: the trace, and its long tasks as the page saw them. */
async function tracedLoad(browser, origin, { path, tags = [] }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await browser.startTracing(page, { screenshots: false });
    await page.goto(`${origin}/bench/load/${path}${path.includes('?') ? '&' : '?'}build=mapped`);
    for (const tag of tags) await page.evaluate(pricedOrStalled, { tag, stallMs: 3000 });
    await page.evaluate(settled, 1000);
    return await browser.stopTracing();
  } finally {
    await context.close();
  }
}

/**
 * Who posted a task, from the place in Chromium's source the scheduler names (`src_file`, `src_func`), in words where
 * it is one a page's load meets; else that place.
 */
const POSTED_BY = [
  [/proxy_impl\.cc:ScheduledActionSendBeginMainFrame/, 'a frame (animation-frame callbacks, style, layout, paint)'],
  [/autofill/, "the browser's autofill, reading the page's forms"],
  [/html_parser_script_runner\.cc|ExecuteScriptsWaitingForParsing/, "the page's module script"],
  [/connector\.cc:PostDispatchNextMessageFromPipe/, 'a message (postMessage, a loaded file, the browser)'],
  [/html_document_parser\.cc/, "parsing the page's HTML"],
  [/dom_timer\.cc/, 'a timer'],
  [/gc|sweeper|GCJob/i, 'garbage collection'],
];
function postedFrom({ src_file: file = '', src_func: func = '' }, samples) {
  const place = `${file.split('/').at(-1)}:${func}`;
  const by = POSTED_BY.find(([pattern]) => pattern.test(place))?.[1] ?? place;
  if (!by.startsWith('a message')) return by;
  // a message's handler says whose it is: the widget's own (a MessageChannel it posts to), or a module's loading
  const handlers = new Map();
  for (const { stack, weight } of samples) add(handlers, stack.at(-1).source, weight);
  const [handler] = [...handlers].sort((a, b) => b[1] - a[1])[0] ?? [];
  return handler ? `a message handled in ${handler}` : 'a message (no script: a loaded file, the browser)';
}

/** Adds `value` to `map`'s entry `key`. */
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
const top = (map, n) =>
  [...map]
    .filter(([, us]) => us >= 50)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: ms(us) }));

/** One trace read: the page's main-thread tasks from its navigation on, each with its kinds and owners. */
export async function readTrace(buffer, origin) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents;
  const thread = mainThread(events);
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const navigation = own.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/bench/load/'),
  );
  // Times are from the navigation's start, as the page's own; the tasks from the end of the renderer's commit of the
  // navigation (the task that makes the page's document, before the page has a window: its Long Tasks never see it,
  // and the tracing's own start-up lands in it).
  const navigatedAt = navigation?.ts ?? 0;
  const commit = own.find((e) => e.name === 'CommitLoad' && e.ts >= navigatedAt);
  const commitTask = commit && own.find((e) => e.name === 'RunTask' && e.ts <= commit.ts && commit.ts <= e.ts + e.dur);
  const from = commitTask ? commitTask.ts + commitTask.dur : navigatedAt;
  const profile = cpuProfile(events, thread);
  const nodes = profile.nodes;
  const stackOf = (id) => {
    const stack = [];
    for (let node = nodes.get(id); node; node = nodes.get(node.parent))
      if (!['(root)', '(program)', '(idle)'].includes(node.callFrame.functionName) || node.callFrame.url)
        stack.push(node.callFrame);
    return stack;
  };
  const frames = [];
  for (const [id, , , line, column] of profile.samples) {
    stackOf(id).forEach((frame, i) => frames.push(i === 0 ? [frame, line, column] : [frame]));
  }
  const names = await namer(origin, frames);
  const samples = profile.samples
    .filter(([, at]) => at >= from)
    .map(([id, at, weight, line, column]) => {
      const stack = stackOf(id).map((frame, i) => (i === 0 ? names.place(frame, line, column) : names.place(frame)));
      return { at, weight, stack, owner: stack.length ? names.owner(stack) : undefined };
    });
  // the events of each task, found by their start among all of them in time order
  const spans = own.filter((e) => e.ph === 'X' && e.name !== 'RunTask').sort((a, b) => a.ts - b.ts);
  const within = (task) => {
    let [low, high] = [0, spans.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid].ts < task.ts) low = mid + 1;
      else high = mid;
    }
    const found = [];
    for (let i = low; i < spans.length && spans[i].ts <= task.ts + task.dur; i++) found.push(spans[i]);
    return found;
  };
  // the scheduler's event in each task, which names where in Chromium the task was posted
  const schedulers = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  let next = 0;
  const schedulerIn = (task) => {
    while (next < schedulers.length && schedulers[next].ts < task.ts) next++;
    const found = schedulers[next];
    return found && found.ts <= task.ts + task.dur ? found : undefined;
  };
  const tasks = own
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= from)
    .sort((a, b) => a.ts - b.ts)
    .map((task) => {
      const kinds = new Map();
      const events = within(task);
      for (const [name, us] of selfTimes(events, task.ts, task.ts + task.dur, 'tdur')) add(kinds, kindOf(name), us);
      // a sample counts until the next, and never past its task's end (the profiler takes none while the thread idles)
      const end = task.ts + task.dur;
      const inTask = samples
        .filter((s) => s.at >= task.ts && s.at < end && s.stack.length)
        .map((s) => ({ ...s, weight: Math.min(s.weight, end - s.at) }));
      const scheduler = schedulerIn(task);
      const postedBy = postedFrom(scheduler?.args ?? {}, inTask);
      return {
        startUs: task.ts - navigatedAt,
        durationUs: task.dur,
        cpuUs: task.tdur ?? 0,
        kinds,
        samples: inTask,
        postedBy,
      };
    });
  return { tasks, samples: tasks.flatMap((t) => t.samples) };
}

/**
 * What a task is, in a few words: a frame's rendering, the page's HTML, a part's evaluation (most of its samples under
 * the part's top level), or script and its main owners.
 */
function taskWhat({ kinds, samples, postedBy }, owners) {
  const of = (kind) => kinds.get(kind) ?? 0;
  const rendering = of('style') + of('layout') + of('paint');
  if (postedBy.includes('autofill')) return postedBy;
  if (rendering > of('script') + of('gc')) return 'style, layout and paint';
  if (of('html') > of('script')) return "parsing the page's HTML";
  const evaluations = new Map();
  for (const s of samples) if (s.stack.at(-1).evaluationOf) add(evaluations, s.stack.at(-1).evaluationOf, s.weight);
  const [part, us] = [...evaluations].sort((a, b) => b[1] - a[1])[0] ?? [];
  const sampled = samples.reduce((sum, s) => sum + s.weight, 0);
  if (part && us >= sampled / 2) return `evaluation of ${part}`;
  return owners.length ? `script: ${owners.map((o) => o.name).join(', ')}` : 'script';
}

/** A task's summary: start and length, ms by kind, script by owner, and what it is. */
function taskSummary(task) {
  const owners = new Map();
  for (const s of task.samples) add(owners, s.owner, s.weight);
  const main = top(owners, 3).filter((o) => o.ms >= ms(task.durationUs) / 10);
  return {
    startMs: ms(task.startUs),
    durationMs: ms(task.durationUs),
    cpuMs: ms(task.cpuUs),
    what: taskWhat(task, main),
    kindsMs: Object.fromEntries(KINDS.map((k) => [k, ms(task.kinds.get(k) ?? 0)])),
    ownersMs: top(owners, 4),
  };
}

/** The functions of `samples` by self time, and their source files (the line that ran). */
function functions(samples, n) {
  const self = new Map();
  const files = new Map();
  for (const { stack, weight } of samples) {
    add(self, stack[0].name, weight);
    add(files, stack[0].source, weight);
  }
  return { functionsMs: top(self, n), filesMs: top(files, n) };
}

/**
 * The tasks of TASK_MS or more, the TASKS_LISTED longest of them in the order they ran, and how many more there
 * were by what they are.
 */
function listed(tasks) {
  const long = tasks.filter((t) => t.durationUs >= TASK_MS * 1000);
  const shown = new Set([...long].sort((a, b) => b.durationUs - a.durationUs).slice(0, TASKS_LISTED));
  const more = new Map();
  for (const t of long.filter((t) => !shown.has(t))) {
    const { what, durationMs } = taskSummary(t);
    const kind = what.startsWith('script') ? 'script' : what;
    const seen = more.get(kind) ?? { count: 0, minMs: Infinity, maxMs: 0 };
    more.set(kind, {
      count: seen.count + 1,
      minMs: Math.min(seen.minMs, durationMs),
      maxMs: Math.max(seen.maxMs, durationMs),
    });
  }
  return {
    tasks: long.filter((t) => shown.has(t)).map(taskSummary),
    moreTasks: [...more].map(([what, m]) => ({ what, ...m })),
  };
}

/** One load's summary: the whole load by kind and owner, its tasks over TASK_MS, and its longest task in detail. */
function loadSummary({ tasks, samples }) {
  const kinds = new Map();
  for (const task of tasks) for (const [kind, us] of task.kinds) add(kinds, kind, us);
  const owners = new Map();
  for (const s of samples) if (s.owner) add(owners, s.owner, s.weight);
  const posted = new Map();
  for (const t of tasks) {
    const seen = posted.get(t.postedBy) ?? { tasks: 0, us: 0, longestUs: 0, longTasks: 0 };
    posted.set(t.postedBy, {
      tasks: seen.tasks + 1,
      us: seen.us + t.durationUs,
      cpuUs: (seen.cpuUs ?? 0) + t.cpuUs,
      mostCpuUs: Math.max(seen.mostCpuUs ?? 0, t.cpuUs),
      longestUs: Math.max(seen.longestUs, t.durationUs),
      longTasks: seen.longTasks + (t.durationUs > LONG_TASK_MS * 1000 ? 1 : 0),
    });
  }
  const longestOf = (list) => list.reduce((a, t) => (t.durationUs > (a?.durationUs ?? 0) ? t : a), undefined);
  const longest = longestOf(tasks);
  const of = (t, kind) => t.kinds.get(kind) ?? 0;
  const longestScript = longestOf(
    tasks.filter((t) => of(t, 'script') > of(t, 'style') + of(t, 'layout') + of(t, 'paint')),
  );
  return {
    longestMs: ms(longest?.durationUs ?? 0),
    /** The most CPU time one task took: the widget's own work, whatever the machine's load. */
    mostCpuMs: ms(Math.max(0, ...tasks.map((t) => t.cpuUs))),
    longTasks: tasks.filter((t) => t.durationUs > LONG_TASK_MS * 1000).length,
    kindsMs: Object.fromEntries(KINDS.map((k) => [k, ms(kinds.get(k) ?? 0)])),
    ownersMs: top(owners, 8),
    /** The tasks by who posted them, the busiest first. */
    postedBy: [...posted]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 8)
      .map(([by, p]) => ({
        by,
        tasks: p.tasks,
        ms: ms(p.us),
        cpuMs: ms(p.cpuUs),
        longestMs: ms(p.longestUs),
        mostCpuMs: ms(p.mostCpuUs),
        longTasks: p.longTasks,
      })),
    ...listed(tasks),
    longest: longest && { ...taskSummary(longest), ...functions(longest.samples, 10) },
    longestScript: longestScript && { ...taskSummary(longestScript), ...functions(longestScript.samples, 10) },
    load: functions(
      samples.filter((s) => s.stack.length),
      10,
    ),
  };
}

/**
 * Builds the mapped copy, traces `runs` loads of each page (round after round) and summarizes the load with the
 * median longest task of each; keeps that load's trace for the three-element and 100-widget pages.
 */
export async function loadBreakdown(browser, origin, log = () => {}, runs = Number(process.env.BREAKDOWN_RUNS) || 3) {
  log('breakdown: the mapped build');
  await buildMapped();
  const loads = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
  for (let round = 0; round < runs; round++) {
    log(`breakdown: traced loads, round ${round + 1} of ${runs}`);
    for (const [name, page] of Object.entries(PAGES)) {
      const buffer = await tracedLoad(browser, origin, page);
      const summary = loadSummary(await readTrace(buffer, origin));
      loads[name].push({ summary, buffer: KEPT.includes(name) ? buffer : undefined });
    }
  }
  await mkdir(join(root, 'bench/results/traces'), { recursive: true });
  const pages = {};
  for (const [name, traced] of Object.entries(loads)) {
    // the median by the most CPU one task took: the widget's own work, which the machine's load leaves alone
    const sorted = [...traced].sort((a, b) => a.summary.mostCpuMs - b.summary.mostCpuMs);
    const median = sorted[(sorted.length - 1) >> 1];
    const trace = median.buffer && `bench/results/traces/${name}.json`;
    if (trace) await writeFile(join(root, trace), median.buffer);
    pages[name] = {
      what: PAGES[name].what,
      loads: traced.length,
      tracedLongestMs: traced.map((t) => t.summary.longestMs),
      tracedMostCpuMs: traced.map((t) => t.summary.mostCpuMs),
      trace,
      ...median.summary,
    };
  }
  return { runs, taskMs: TASK_MS, pages };
}
