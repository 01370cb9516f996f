// Writes the bench's figures at load (bench/at-load.mjs) and where their time goes (bench/load-breakdown.mjs) into
// docs/performance.md, between its at-load markers, formatted by Prettier: the section is the last run's, never
// edited by hand (the history of the figures is git's).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOC = 'docs/performance.md';
const KIND_NAMES = {
  script: 'script',
  style: 'style',
  layout: 'layout',
  paint: 'paint',
  gc: 'GC',
  html: 'HTML',
  other: 'other',
};

const cell = (text) => String(text ?? '—').replaceAll('|', '\\|');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
export const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const ms = (n) => (n === undefined ? '—' : `${n} ms`);
const range = (s) => (s.min === s.max ? ms(s.min) : `${s.min}–${s.max} ms`);
const list = (items) => items.map((x) => `${x.name} ${x.ms}`).join(', ') || '—';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** A tag in a table's text, as code, so that Markdown does not take it for HTML. */
export const code = (text) => text.replace(/<userpays-[a-z]+>/g, (tag) => `\`${tag}\``);

function atLoadSection({ runs, machine, pages, perWidget }) {
  const rows = Object.values(pages).map((p) => [
    code(p.what),
    `${ms(p.longestMs.median)} (${range(p.longestMs)})`,
    ms(p.longestNotIntlMs.median),
    `${p.longTasks.median} (${range(p.longTasks).replaceAll(' ms', '')})`,
    ms(p.totalBlockingMs.median),
    p.firstPricedMs.median === undefined
      ? '—'
      : `${ms(p.firstPricedMs.median)}${p.widgetsPriced ? `; ${p.widgetsPriced} priced` : ''}`,
    p.cls.max === undefined ? '—' : `${p.cls.median} (max ${p.cls.max})`,
  ]);
  return `### The longest task at load

${runs} rounds of fresh loads, each page once a round (bench/at-load.mjs); ${machine.cpus} CPUs, shared, load average
${machine.loadAverage[0]} at the start and ${machine.loadAverage[1]} at the end. A figure is the median of the loads,
its range in brackets: the spread is the machine's noise.

${table(
  [
    'page',
    'longest task: median (range)',
    'longest but the first Intl.NumberFormat',
    'long tasks (range)',
    'total blocking',
    'first widget priced',
    'layout shift (CLS)',
  ],
  rows,
)}

Memory per \`<userpays-image>\` (the 100-widget page against the 1-widget page, divided by 99, after two garbage
collections; the median of the rounds): ${kb(perWidget.jsHeapBytes)} of JS heap, ${kb(perWidget.blinkHeapBytes)} of
Blink's own heap (the DOM), ${perWidget.nodes} DOM nodes.`;
}

function pageRow(p) {
  return [
    code(p.what),
    `${ms(p.longestMs)} (${p.tracedLongestMs.join(', ')})`,
    `${ms(p.mostCpuMs)} (${p.tracedMostCpuMs.join(', ')})`,
    ...Object.values(p.kindsMs).map((n) => Math.round(n)),
    list(p.ownersMs.map((o) => ({ ...o, name: code(o.name) }))),
  ];
}

/** A task's functions by self time and the sources of the lines that ran, or that it ran no script. */
function taskFunctions(title, task) {
  const at = `${title}, ${ms(task.durationMs)} (${ms(task.cpuMs)} CPU) at ${ms(task.startMs)} (${code(task.what)})`;
  if (!task.functionsMs.length) return `${at}: no script sampled in it.`;
  return `${at}: by function (self time, ms) ${list(task.functionsMs)}; by the source of the line that ran: ${list(task.filesMs)}.`;
}

function tasksSection(p, taskMs) {
  const head = ['at', 'task', 'CPU', 'what', ...Object.values(KIND_NAMES), 'script by owner, ms'];
  const rows = p.tasks.map((t) => [
    ms(t.startMs),
    ms(t.durationMs),
    ms(t.cpuMs),
    code(t.what),
    ...Object.values(t.kindsMs).map((n) => Math.round(n * 10) / 10),
    list(t.ownersMs.map((o) => ({ ...o, name: code(o.name) }))),
  ]);
  const more = p.moreTasks.map(
    (m) => `${m.count} of ${m.what} (${m.minMs === m.maxMs ? ms(m.minMs) : `${m.minMs}–${m.maxMs} ms`})`,
  );
  const posted = table(
    ['posted by', 'tasks', 'total', 'CPU', 'longest', 'most CPU', 'over 50 ms'],
    p.postedBy.map((b) => [b.by, b.tasks, ms(b.ms), ms(b.cpuMs), ms(b.longestMs), ms(b.mostCpuMs), b.longTasks]),
  );
  return `#### ${code(p.what)}

Its tasks by who posted them (the place in Chromium the scheduler names), the busiest first:

${posted}

Its longest tasks${p.trace ? ` (${p.trace})` : ''}, in the order they ran:

${table(head, rows)}

${more.length ? `Its other tasks of ${ms(taskMs)} or more: ${more.join(', ')}.` : `No other task of ${ms(taskMs)} or more.`}

${taskFunctions('Its longest task', p.longest)}

${p.longestScript && p.longestScript.startMs !== p.longest.startMs ? `${taskFunctions('Its longest task of script', p.longestScript)}\n\n` : ''}The whole load, by function: ${list(p.load.functionsMs)}.`;
}

function breakdownSection({ runs, taskMs, pages }) {
  const head = [
    'page',
    'longest task (each load)',
    'most CPU in a task (each load)',
    ...Object.values(KIND_NAMES),
    'script by owner, ms',
  ];
  return `### Where the time goes

Chrome traces of ${runs} more loads of each page, the widget built again with source maps (bench/load-breakdown.mjs);
each row is the load whose busiest task (by CPU time) is the median. A task's length is wall time, what the page waits;
its CPU time is the main thread's own, without the time it waited for a core or for the browser: on a shared machine
most of a long task's length is waiting, and the CPU time is what the page itself did. The profiler slows the page
too: the longest tasks above are untraced. Main-thread CPU time from the end of the navigation's commit until 1 s after
the last long task, in ms, by kind: script (compiling and running it, microtasks), style (CSS parsed, styles
recalculated), layout, paint (pre-paint, paint, layerize, commit), GC, HTML (parsing the page), other (the browser's
own work in the task). Script by owner (profiler samples, wall time): each sample's nearest element (its frame in
\`src/elements/image|cost|tally\`), else its nearest folder of \`src/\`, else its package; "new Intl.NumberFormat (the
platform)" is the first formatter's locale data.

${table(head, Object.values(pages).map(pageRow))}

${['three', 'hundred'].map((name) => tasksSection(pages[name], taskMs)).join('\n\n')}`;
}

/** The generated section: the run's date and browser, the longest tasks and memory, and the breakdown. */
function section(result) {
  return `<!-- Written by \`npm run bench\` (bench/performance-doc.mjs) from its last run: not edited by hand. -->

Measured ${result.date.slice(0, 10)} in Chromium ${result.chromium}, headless.

${atLoadSection(result.atLoad)}

${breakdownSection(result.breakdown)}`;
}

/** Writes `markdown` into docs/performance.md between the markers `<!-- ${name}:start -->` and `<!-- ${name}:end -->`. */
export async function writeDocSection(name, markdown) {
  const [open, close] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const path = join(root, DOC);
  const doc = await readFile(path, 'utf8');
  const [start, end] = [doc.indexOf(open), doc.indexOf(close)];
  if (start === -1 || end < start) throw new Error(`${DOC} has no ${open} … ${close} to write the figures between`);
  const updated = `${doc.slice(0, start)}${open}\n\n${markdown}\n\n${doc.slice(end)}`;
  await writeFile(path, await format(updated, { ...(await resolveConfig(path)), filepath: path }));
}

/** Writes `result`'s section into docs/performance.md, between its markers. */
export async function writePerformanceDoc(result) {
  await writeDocSection('at-load', section(result));
}
