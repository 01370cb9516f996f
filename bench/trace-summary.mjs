// Where the time of each long task goes, from a Chrome trace of one load (`npm run bench` keeps those of the
// three-element and the 100-widget pages in bench/results/traces/: bench/load-breakdown.mjs, which reads them with
// the helpers below; open them in DevTools' Performance panel too).
// Usage: node bench/trace-summary.mjs [trace.json] [--top N]
// Per long task on the renderer's main thread: the trace events' self time by name (script evaluation, microtasks,
// style, layout, GC …), then the sampled JS functions by self and by total time (name and url:line:column;
// the built files are minified, so the names are terser's: bench/load-breakdown.mjs names them from source maps).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const LONG_TASK_US = 50_000;

/** The renderer main thread that ran the widget: the one that ran dist/userpays*.js (a trace has Chromium's own too). */
export function mainThread(events) {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const ran = events.find(
    (e) =>
      e.ph === 'X' &&
      ['EvaluateScript', 'FunctionCall'].includes(e.name) &&
      mains.has(`${e.pid}:${e.tid}`) &&
      /\/userpays[^/]*\.js$/.test(e.args?.data?.url ?? ''),
  );
  if (!ran) throw new Error('no renderer main thread ran dist/userpays*.js in the trace');
  return { pid: ran.pid, tid: ran.tid };
}

/**
 * Self time (µs) by event name of the complete events nested in [from, to] on one thread: wall time (`dur`), or the
 * thread's own CPU time (`tdur`: without the time it waited, descheduled or blocked, which a busy machine adds).
 */
export function selfTimes(events, from, to, field = 'dur') {
  const spans = events
    .filter((e) => e.ph === 'X' && e.ts >= from && e.ts + e.dur <= to && e.name !== 'RunTask')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  // the scheduler's own event around each task: what is left of it is time no nested event accounts for
  const name = (e) => (e.name === 'ThreadControllerImpl::RunTask' ? '(in the task, no event)' : e.name);
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const time = e[field] ?? 0;
    if (parent) self.set(name(parent), (self.get(name(parent)) ?? 0) - time);
    self.set(name(e), (self.get(name(e)) ?? 0) + time);
    stack.push(e);
  }
  return self;
}

/**
 * The sampled CPU profile of thread `pid`/`tid` (its chunks come from the profiler's thread): nodes by id, and
 * samples as [node id, start µs, weight µs, line, column]: where in its function the sample was taken (1-based).
 */
export function cpuProfile(events, { pid, tid }) {
  const nodes = new Map();
  const samples = [];
  const start = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!start) return { nodes, samples };
  let ts = start.args.data.startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== start.id) continue;
    const { cpuProfile: chunk = {}, timeDeltas = [], lines = [], columns = [] } = e.args.data;
    for (const node of chunk.nodes ?? []) nodes.set(node.id, node);
    (chunk.samples ?? []).forEach((id, i) => {
      ts += timeDeltas[i];
      samples.push([id, ts, lines[i], columns[i]]);
    });
  }
  // a chunk's time deltas may step back: in time order, each sample lasts until the next
  samples.sort((a, b) => a[1] - b[1]);
  return {
    nodes,
    samples: samples.map(([id, at, line, column], i) => [id, at, (samples[i + 1]?.[1] ?? at) - at, line, column]),
  };
}

const where = ({ functionName, url, lineNumber, columnNumber }) =>
  `${functionName || '(anonymous)'} ${url ? `${url.replace(/^https?:\/\/[^/]+/, '')}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();

/** JS functions by self and by total time (µs) in [from, to]. */
function functionTimes({ nodes, samples }, from, to) {
  const self = new Map();
  const total = new Map();
  for (const [id, at, weight] of samples) {
    if (at < from || at >= to) continue;
    const leaf = nodes.get(id);
    if (!leaf) continue;
    const name = where(leaf.callFrame);
    self.set(name, (self.get(name) ?? 0) + weight);
    const seen = new Set();
    for (let node = leaf; node; node = nodes.get(node.parent)) {
      const frame = where(node.callFrame);
      if (seen.has(frame) || frame === '(root)') continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + weight);
    }
  }
  return { self, total };
}

const top = (map, n) =>
  [...map]
    .filter(([name, us]) => us > 0 && !['(idle)', '(program)', '(root)'].includes(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));

/** The long tasks of the page's main thread, each with where its time went. */
export function summarize(trace, n = 12) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const thread = mainThread(events);
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const profile = cpuProfile(events, thread);
  const origin = own.reduce((min, e) => (e.ph === 'X' ? Math.min(min, e.ts) : min), Infinity);
  return own
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > LONG_TASK_US)
    .map((task) => {
      const { self, total } = functionTimes(profile, task.ts, task.ts + task.dur);
      return {
        startMs: Math.round((task.ts - origin) / 100) / 10,
        durationMs: Math.round(task.dur / 100) / 10,
        events: top(selfTimes(own, task.ts, task.ts + task.dur), n),
        selfMs: top(self, n),
        totalMs: top(total, n),
      };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const n = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 12;
  const path =
    args.find((a) => !a.startsWith('--') && a !== String(n)) ??
    fileURLToPath(new URL('results/traces/three.json', import.meta.url));
  for (const task of summarize(JSON.parse(await readFile(path, 'utf8')), n)) {
    console.log(`\nlong task at ${task.startMs} ms into the trace: ${task.durationMs} ms`);
    for (const [title, rows] of [
      ['trace events, self', task.events],
      ['JS functions, self', task.selfMs],
      ['JS functions, total', task.totalMs],
    ]) {
      console.log(`  ${title}:`);
      for (const { name, ms } of rows) console.log(`    ${String(ms).padStart(7)} ms  ${name}`);
    }
  }
}
