// Measurements that run inside the page (passed to page.evaluate as strings of functions).

export function quoteMedian() {
  const requests = [
    { provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height: 1024 },
    {
      provider: 'bfl',
      model: 'flux-2-pro',
      width: 2048,
      height: 1536,
      count: 3,
      inputs: [{ width: 1024, height: 1024 }],
    },
    { provider: 'bfl', model: 'flux-kontext-pro', width: 1344, height: 768, count: 4 },
    { provider: 'bfl', model: 'flux-2-max', width: 1440, height: 1440, count: 2 },
  ];
  const batch = 2000;
  for (let i = 0; i < batch * 2; i++) UserPays.quote(requests[i & 3]); // warm up the JIT
  const perQuoteUs = [];
  for (let run = 0; run < 41; run++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) UserPays.quote(requests[i & 3]);
    perQuoteUs.push(((performance.now() - start) * 1000) / batch);
  }
  perQuoteUs.sort((a, b) => a - b);
  return { medianUs: perQuoteUs[20], p90Us: perQuoteUs[36] };
}

/**
 * Changes an input, then looks in the next animation-frame callback (which runs before that
 * frame is painted) whether the cost text already shows the new price.
 */
export async function costUpdateFrames(tag) {
  const el = document.createElement(tag);
  el.setAttribute('provider', 'bfl');
  el.setAttribute('locale', 'en-US');
  document.body.append(el);
  await el.updateComplete;
  const usd = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  });
  const cost = () => el.shadowRoot.querySelector('[part~=cost]').textContent;
  const heights = [1040, 2048, 1024, 1536, 512, 1280];
  const trials = 120;
  let withinOneFrame = 0;
  const updateMs = [];
  for (let i = 0; i < trials; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const height = heights[i % heights.length];
    const expected = usd.format(
      UserPays.quote({ provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height }).total,
    );
    const start = performance.now();
    el.setAttribute('height', String(height));
    const seen = el.updateComplete.then(() => updateMs.push(performance.now() - start));
    await new Promise((r) => requestAnimationFrame(r));
    if (cost().includes(expected)) withinOneFrame++;
    await seen;
  }
  el.remove();
  updateMs.sort((a, b) => a - b);
  return { trials, withinOneFrame, medianUpdateMs: updateMs[trials >> 1] };
}

// ——— Load measurements (bench/load.mjs). Like the ones above, each runs in the page (written inline into the pages
// bench/load-pages.mjs serves, or passed to page.evaluate), so each must stand alone: no helper outside its body.

/**
 * Inline at the top of a load page's head, before the bundle: records long tasks, layout shifts and long animation
 * frames (with the scripts Chromium attributes them to) from the start of the page into `window.bench`, and when each
 * `Intl.NumberFormat` was made and how long that took (so that a long task can be told to be the platform's
 * one-time Intl construction rather than the widget's own work).
 */
export function loadProbe() {
  const bench = (window.bench = { longTasks: [], frames: [], intl: [], shifts: [] });
  const NumberFormat = Intl.NumberFormat;
  const timed = function (...args) {
    const start = performance.now();
    const made = new NumberFormat(...args);
    bench.intl.push({ start, duration: performance.now() - start });
    return made;
  };
  timed.prototype = NumberFormat.prototype;
  timed.supportedLocalesOf = NumberFormat.supportedLocalesOf;
  Intl.NumberFormat = timed;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shifts.push({ start: e.startTime, value: e.value });
  }).observe({ type: 'layout-shift', buffered: true });
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  const path = (url) => url.replace(location.origin, '');
  new PerformanceObserver((list) => {
    for (const f of list.getEntries()) {
      bench.frames.push({
        start: f.startTime,
        duration: f.duration,
        blockingMs: f.blockingDuration,
        // style, layout and paint of the frame, after its scripts and rAF callbacks
        renderMs: f.renderStart ? f.startTime + f.duration - f.renderStart : 0,
        styleAndLayoutMs: f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0,
        scripts: f.scripts.map((s) => ({
          invoker: path(s.invoker),
          type: s.invokerType,
          source: `${path(s.sourceURL)}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}`,
          start: s.startTime,
          durationMs: s.duration,
          compileMs: s.executionStart ? s.executionStart - s.startTime : 0,
          forcedStyleAndLayoutMs: s.forcedStyleAndLayoutDuration,
        })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/**
 * Inline right before a widget's tag: marks `${tag}:before`; `${tag}:shown` when its shadow root first shows a
 * price (the total; the tally: its summary's amount); and `${tag}:priced` at its first `updateComplete` with the
 * price shown (which may wait for more than the price: the ledger, the panels). A MutationObserver finds the
 * element as the parser inserts it; the module, which runs once the page is parsed, then upgrades it (its shadow
 * root is made in its connectedCallback, during the upgrade), and a second observer, on the shadow root, sees the
 * price arrive.
 */
export function watchElement(tag) {
  // The price's figure: inside the cost part (<userpays-cost>), or the cost part itself (<userpays-image>'s decision row).
  const selector = tag === 'userpays-tally' ? '[part~=tally] strong' : '[part~=cost] strong';
  performance.mark(`${tag}:before`);
  const observer = new MutationObserver(() => {
    const el = document.querySelector(tag);
    if (!el) return;
    observer.disconnect();
    const priced = () => /\d/.test(el.shadowRoot?.querySelector(selector)?.textContent ?? '');
    const inner = new MutationObserver(() => shown());
    const shown = () => {
      if (!priced() || performance.getEntriesByName(`${tag}:shown`).length) return;
      performance.mark(`${tag}:shown`);
      inner.disconnect();
    };
    void customElements.whenDefined(tag).then(() => {
      inner.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
      shown();
    });
    (async () => {
      for (;;) {
        await el.updateComplete;
        if (priced()) break;
        await new Promise((r) => setTimeout(r));
      }
      shown();
      performance.mark(`${tag}:priced`);
    })();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Inline in a page without the widget: what the platform's first `Intl.NumberFormat` for USD costs (constructed
 * as src/pricing/format.ts does), its first format of a decimal string, and a second formatter for comparison.
 */
export function intlCost() {
  const options = { style: 'currency', currency: 'USD', minimumFractionDigits: 2 };
  const t0 = performance.now();
  const format = new Intl.NumberFormat(undefined, { ...options, maximumFractionDigits: 3 });
  const t1 = performance.now();
  format.format('0.015');
  const t2 = performance.now();
  new Intl.NumberFormat(undefined, { ...options, maximumFractionDigits: 6 }).format('0.000125');
  const t3 = performance.now();
  window.intl = { constructMs: t1 - t0, firstFormatMs: t2 - t1, secondFormatterMs: t3 - t2 };
}

/** The page's marks (ms since navigation) and when the bundle's bytes had arrived. */
export function pageMarks() {
  const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/userpays.js'));
  return {
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    scriptResponseEnd: script?.responseEnd,
    domInteractive: performance.getEntriesByType('navigation')[0]?.domInteractive,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart,
  };
}

/**
 * Waits for `load`, then until `quietMs` passed without a long task; returns the long tasks and long animation
 * frames `loadProbe` saw, and the page's marks (`name:before`/`:after`/`:priced`, ms since navigation).
 */
export async function settled(quietMs) {
  if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
  const loadAt = performance.now();
  for (;;) {
    const last = Math.max(loadAt, ...window.bench.longTasks.map((t) => t.start + t.duration));
    const wait = last + quietMs - performance.now();
    if (wait <= 0) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
  const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/userpays.js'));
  return {
    loadAt,
    marks,
    scriptResponseEnd: script?.responseEnd,
    domInteractive: performance.getEntriesByType('navigation')[0]?.domInteractive,
    longTasks: window.bench.longTasks,
    frames: window.bench.frames,
    intl: window.bench.intl,
    shifts: window.bench.shifts,
  };
}

/**
 * Waits until every `tag` element on the page shows a price, or until `stallMs` passed with no more of them priced
 * (a widget that renders only when it comes near the viewport waits for a scroll that never comes); looks every
 * 100 ms. Resolves with how many of how many were priced.
 */
export async function pricedOrStalled({ tag, stallMs }) {
  const selector = tag === 'userpays-tally' ? '[part~=tally] strong' : '[part~=cost] strong';
  const els = [...document.querySelectorAll(tag)];
  const priced = () => els.filter((el) => /\d/.test(el.shadowRoot?.querySelector(selector)?.textContent ?? '')).length;
  let [count, since] = [priced(), performance.now()];
  while (count < els.length && performance.now() - since < stallMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = priced();
    if (now !== count) [count, since] = [now, performance.now()];
  }
  return { priced: count, of: els.length };
}

/**
 * Adds `count` widgets (provider BFL, en-US) at once; ms until every one shows a price in its shadow root (seen
 * by one MutationObserver on all of them) or, held far from the viewport (drawn when scrolled near), has its quote
 * (seen at its `userpays-quote`); until the frame after that was painted (an animation frame, then a task), and
 * until every one's `updateComplete` had resolved so.
 */
export async function addWidgets({ tag, count, batch }) {
  const els = Array.from({ length: count }, () => {
    const el = document.createElement(tag);
    el.setAttribute('provider', 'bfl');
    el.setAttribute('locale', 'en-US');
    el.dataset.batch = batch;
    return el;
  });
  const held = (el) => !!el.quote && !el.matches(':state(rendered)');
  const priced = (el) => /\d/.test(el.shadowRoot?.querySelector('[part~=cost] strong')?.textContent ?? '') || held(el);
  const start = performance.now();
  document.body.append(...els);
  const shownAt = await new Promise((resolve) => {
    const pending = new Set(els);
    const check = () => {
      for (const el of pending) if (priced(el)) pending.delete(el);
      if (pending.size) return;
      observer.disconnect();
      resolve(performance.now());
    };
    const observer = new MutationObserver(check);
    const options = { childList: true, subtree: true, characterData: true };
    for (const el of els) observer.observe(el.shadowRoot ?? el, options);
    for (const el of els) el.addEventListener('userpays-quote', () => setTimeout(check));
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const paintedAt = performance.now();
  for (const el of els) {
    for (;;) {
      await el.updateComplete;
      if (priced(el)) break;
      await new Promise((r) => setTimeout(r));
    }
  }
  return {
    startAt: start,
    shownMs: shownAt - start,
    paintedMs: paintedAt - start,
    updateCompleteMs: performance.now() - start,
  };
}

/**
 * Among the widgets of `batch`, `changes` picked at random (seeded) get a new count — `<userpays-image>` through
 * its count picker (`change`), `<userpays-cost>` through its attribute — and the next animation-frame callback
 * (before that frame is painted) looks whether the total shows the new price (as `costUpdateFrames`).
 */
export async function changeWidgets({ tag, batch, changes }) {
  // Those drawn: a widget far from the viewport is drawn once scrolled near.
  const els = [...document.querySelectorAll(`${tag}[data-batch="${batch}"]`)].filter((el) =>
    el.matches(':state(rendered)'),
  );
  let seed = 12;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const usd = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  });
  let withinOneFrame = 0;
  const updateMs = [];
  for (let i = 0; i < changes; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const el = els[Math.floor(random() * els.length)];
    const count = (el.count % 4) + 1;
    const request = { provider: 'bfl', model: el.model, width: el.width, height: el.height, count };
    const expected = usd.format(UserPays.quote(request).total);
    const start = performance.now();
    // The widget's count is a radio group under More options (drawn with the panels, there once updateComplete is).
    if (tag === 'userpays-image')
      el.shadowRoot.querySelector(`input[type=radio][name=count][value="${count}"]`).click();
    else el.setAttribute('count', String(count));
    const seen = el.updateComplete.then(() => updateMs.push(performance.now() - start));
    await new Promise((r) => requestAnimationFrame(r));
    if (el.shadowRoot.querySelector('[part~=cost] strong')?.textContent.trim() === expected) withinOneFrame++;
    await seen;
  }
  updateMs.sort((a, b) => a - b);
  return { changes, withinOneFrame, medianUpdateMs: updateMs[changes >> 1] };
}
