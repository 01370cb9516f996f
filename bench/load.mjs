// The load figures of `npm run bench` (docs/contract.md, "Performance targets"): what dist/userpays.js costs a
// page that loads it. Every load is a fresh browser context (no cache, no storage) and page; figures are medians
// over `runs` loads.
import { addWidgets, changeWidgets, pageMarks, settled } from './in-page.js';
import { TAGS } from './load-pages.mjs';

const LONG_TASK_MS = 50;
const round = (ms) => (ms === undefined ? undefined : Math.round(ms * 100) / 100);

/** Median, p90, min and max of `values` (undefined ones left out), rounded to 0.01. */
function stats(values) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { median: undefined, p90: undefined, min: undefined, max: undefined };
  const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return { median: round(at(0.5)), p90: round(at(0.9)), min: round(s[0]), max: round(s.at(-1)) };
}

/** Loads `url` in a fresh context and page, runs `measure(page)`, closes the context. */
async function fresh(browser, url, measure, { waitUntil = 'load' } = {}) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url, { waitUntil });
    return await measure(page);
  } finally {
    await context.close();
  }
}

const repeat = async (runs, once) => {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(i));
  return samples;
};

/** From a page's marks: how long `name:before` → `name:after` took. */
const between = (marks, name) => marks[`${name}:after`] - marks[`${name}:before`];
/** Mark before the tag → its price first in its shadow root: the upgrade and the first render. */
const shown = (marks, tag) => marks[`${tag}:shown`] - marks[`${tag}:before`];

/**
 * The module's evaluation: it starts once its bytes are here and the page is parsed (a module script is deferred),
 * and ends at the inline module script after it (`script:after`).
 */
const evaluation = ({ marks, scriptResponseEnd, domInteractive }) =>
  marks['script:after'] - Math.max(marks['script:before'], scriptResponseEnd ?? 0, domInteractive ?? 0);

/** 1. Script evaluation of dist/userpays.js: from its bytes and the parsed page to the module script after it. */
export async function scriptEvaluation(browser, origin, runs) {
  const samples = await repeat(runs, () =>
    fresh(
      browser,
      `${origin}/bench/load/script`,
      async (page) => {
        await page.waitForFunction(() => performance.getEntriesByName('script:after').length);
        return page.evaluate(pageMarks);
      },
      { waitUntil: 'commit' },
    ),
  );
  return {
    runs,
    /** after − max(before, the script's responseEnd): compile and run, without the fetch. */
    evaluateMs: stats(samples.map(evaluation)),
    /** after − before: from the tag to the end of the module's evaluation, its fetch and the parse included. */
    blockedMs: stats(samples.map((s) => between(s.marks, 'script'))),
  };
}

/** 2. Each element alone on a page: the parser's wait on its tag, and parsed → a price shown. */
export async function firstRender(browser, origin, runs) {
  const result = {};
  for (const tag of TAGS) {
    const samples = await repeat(runs, () =>
      fresh(
        browser,
        `${origin}/bench/load/element?tag=${tag}`,
        async (page) => {
          await page.waitForFunction((t) => performance.getEntriesByName(`${t}:priced`).length, tag);
          await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart);
          return page.evaluate(pageMarks);
        },
        { waitUntil: 'commit' },
      ),
    );
    const at = (s, mark) => s.marks[`${tag}:${mark}`];
    result[tag] = {
      runs,
      /**
       * Mark before the tag (while the page is parsed) → the price first in the shadow root: the module runs once the
       * page is parsed and defines the element (constructor, connectedCallback), then the first render in a task of
       * its own, after the one that makes the platform's first Intl.NumberFormat (StartupController).
       */
      shownMs: stats(samples.map((s) => shown(s.marks, tag))),
      /** DOMContentLoaded → the price shown (docs/contract.md: within one frame; 0 when shown before it). */
      afterDomContentLoadedMs: stats(samples.map((s) => Math.max(0, at(s, 'shown') - s.domContentLoaded))),
      /** Mark before the tag → that first updateComplete. */
      updateCompleteMs: stats(samples.map((s) => at(s, 'priced') - at(s, 'before'))),
    };
  }
  return result;
}

/** Which of the page's marked spans (script, each element) fall inside `task`, and for how long. */
function inside(task, marks) {
  const spans = [];
  for (const name of ['script', ...TAGS]) {
    const from = marks[`${name}:before`];
    const to = name === 'script' ? marks['script:after'] : Math.min(marks[`${name}:shown`], marks[`${name}:after`]);
    const overlap = Math.min(to, task.start + task.duration) - Math.max(from, task.start);
    if (overlap > 0) spans.push({ what: name, ms: round(overlap) });
  }
  return spans;
}

/**
 * 3. Long tasks while a page with all three elements loads, until load + 1 s without one; and, on a page
 * without the widget, the platform's one-time Intl.NumberFormat cost, to read the widget's own share.
 */
export async function longTasks(browser, origin, runs) {
  const samples = await repeat(runs, () =>
    fresh(browser, `${origin}/bench/load/all`, (page) => page.evaluate(settled, 1000)),
  );
  const loads = samples.map((s) => {
    const longest = s.longTasks.reduce((a, t) => (t.duration > (a?.duration ?? 0) ? t : a), undefined);
    // A long task that is mostly one Intl.NumberFormat construction is the platform's one-time cost (the load
    // target sets it aside: docs/contract.md); any other is the widget's: its script, or the rendering it caused.
    const isIntl = (t) =>
      s.intl.some((i) => i.start >= t.start - 1 && i.start < t.start + t.duration && i.duration >= t.duration / 2);
    const widgetTasks = s.longTasks.filter((t) => !isIntl(t));
    // the long animation frame that holds the longest task, with the scripts Chromium names in it
    const frame = longest && s.frames.find((f) => f.start <= longest.start + 1 && longest.start < f.start + f.duration);
    return {
      count: s.longTasks.length,
      longestMs: longest?.duration ?? 0,
      widgetLongestMs: Math.max(0, ...widgetTasks.map((t) => t.duration)),
      intlLongestMs: Math.max(0, ...s.longTasks.filter(isIntl).map((t) => t.duration)),
      // The Long Tasks API leaves out the rendering (style, layout, paint) that follows a task; a long animation
      // frame holds both: what kept the first paint waiting.
      longestFrame: s.frames.reduce((a, f) => (f.duration > (a?.duration ?? 0) ? f : a), undefined),
      totalBlockingMs: s.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0),
      scriptMs: evaluation(s),
      elementsMs: Object.fromEntries(TAGS.map((tag) => [tag, shown(s.marks, tag)])),
      allShownMs: Math.max(...TAGS.map((tag) => s.marks[`${tag}:shown`])),
      longest: longest && {
        startMs: round(longest.start),
        durationMs: round(longest.duration),
        contains: inside(longest, s.marks),
        frame: frame && {
          durationMs: round(frame.duration),
          renderMs: round(frame.renderMs),
          styleAndLayoutMs: round(frame.styleAndLayoutMs),
          scripts: frame.scripts.map((x) => ({
            ...x,
            start: round(x.start),
            durationMs: round(x.durationMs),
            compileMs: round(x.compileMs),
            forcedStyleAndLayoutMs: round(x.forcedStyleAndLayoutMs),
          })),
        },
      },
    };
  });
  const byLongest = [...loads].sort((a, b) => a.longestMs - b.longestMs);
  const intl = await repeat(runs, () =>
    fresh(browser, `${origin}/bench/load/intl`, async (page) => ({
      ...(await page.evaluate(() => window.intl)),
      longTasks: (await page.evaluate(settled, 1000)).longTasks,
    })),
  );
  return {
    runs,
    count: stats(loads.map((l) => l.count)),
    longestMs: stats(loads.map((l) => l.longestMs)),
    /** Loads with a long task the widget caused, and the longest such task of each load (0: none). */
    loadsWithWidgetLongTask: loads.filter((l) => l.widgetLongestMs > 0).length,
    widgetLongestMs: stats(loads.map((l) => l.widgetLongestMs)),
    /** Loads whose platform Intl construction was a long task, and the longest of those. */
    loadsWithIntlLongTask: loads.filter((l) => l.intlLongestMs > 0).length,
    intlLongestMs: Math.max(...loads.map((l) => l.intlLongestMs)),
    /** The longest animation frame (over 50 ms; 0 if none): its duration, and the style and layout in it. */
    longestFrameMs: stats(loads.map((l) => l.longestFrame?.duration ?? 0)),
    longestFrameStyleAndLayoutMs: stats(loads.map((l) => l.longestFrame?.styleAndLayoutMs ?? 0)),
    totalBlockingMs: stats(loads.map((l) => l.totalBlockingMs)),
    /** Where the time goes on this page: the script's evaluation; each element's tag → its price shown. */
    breakdownMs: {
      script: stats(loads.map((l) => l.scriptMs)),
      ...Object.fromEntries(TAGS.map((tag) => [tag, stats(loads.map((l) => l.elementsMs[tag]))])),
    },
    /** Navigation → the last of the three showing its price. */
    allShownMs: stats(loads.map((l) => l.allShownMs)),
    /** The load with the median longest task: that task, the marked spans in it, and its long animation frame. */
    medianLongest: byLongest[byLongest.length >> 1].longest,
    /** The platform's first USD Intl.NumberFormat on a page without the widget (bench/in-page.js intlCost). */
    intlWithoutWidget: {
      constructMs: stats(intl.map((s) => s.constructMs)),
      firstFormatMs: stats(intl.map((s) => s.firstFormatMs)),
      secondFormatterMs: stats(intl.map((s) => s.secondFormatterMs)),
      /** The same page's own long tasks (navigation in a fresh renderer…), until load + 1 s without one. */
      longTaskCount: stats(intl.map((s) => s.longTasks.length)),
      longestTaskMs: stats(intl.map((s) => Math.max(0, ...s.longTasks.map((t) => t.duration)))),
    },
  };
}

/**
 * 4. `count` widgets of `tag` added at once to a page: until all show a price; `changes` random ones then get
 * a new count, shown (or not) in the next frame; the JS heap and DOM nodes per widget, after garbage collection.
 */
export async function manyWidgets(browser, origin, runs, tag, count = 100, changes = 20) {
  const samples = await repeat(runs, () =>
    fresh(browser, `${origin}/bench/load/blank`, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const memory = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const { nodes } = await cdp.send('Memory.getDOMCounters');
        return { usedSize, nodes };
      };
      // One widget first, so that what loads once per page (the panels, the engine) is not counted per widget.
      await page.evaluate(addWidgets, { tag, count: 1, batch: 'warm-up' });
      await page.evaluate(settled, 500);
      const before = await memory();
      const added = await page.evaluate(addWidgets, { tag, count, batch: 'many' });
      const { longTasks: tasks } = await page.evaluate(settled, 1000);
      const after = await memory();
      const changed = await page.evaluate(changeWidgets, { tag, batch: 'many', changes });
      const during = tasks.filter((t) => t.start + t.duration >= added.startAt);
      return {
        ...added,
        ...changed,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        heapPerWidgetBytes: (after.usedSize - before.usedSize) / count,
        nodesPerWidget: (after.nodes - before.nodes) / count,
      };
    }),
  );
  return {
    runs,
    widgets: count,
    /** Added → every one shows its price; → the frame after that painted; → every updateComplete resolved. */
    shownMs: stats(samples.map((s) => s.shownMs)),
    paintedMs: stats(samples.map((s) => s.paintedMs)),
    updateCompleteMs: stats(samples.map((s) => s.updateCompleteMs)),
    /** The longest task from adding them until 1 s without one (the first render, then panels and the engine). */
    longestTaskMs: stats(samples.map((s) => s.longestTaskMs)),
    changes: samples.reduce((n, s) => n + s.changes, 0),
    withinOneFrame: samples.reduce((n, s) => n + s.withinOneFrame, 0),
    medianUpdateMs: stats(samples.map((s) => s.medianUpdateMs)).median,
    heapPerWidgetBytes: Math.round(stats(samples.map((s) => s.heapPerWidgetBytes)).median),
    nodesPerWidget: stats(samples.map((s) => s.nodesPerWidget)).median,
  };
}
