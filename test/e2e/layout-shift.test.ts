// No layout shift (docs/contract.md, "Performance targets"; docs/theming.md, "No layout shift"): a page that embeds the
// built widget as the README's first snippet shows, followed by a paragraph, does not move while the widget loads.
// Every provider, with no prompt and with one, at every width the README promises, is a page of its own in a frame as
// wide and as high as the viewport it stands for (a shift's score is relative to the viewport's area and to what is
// in view, and the canvas's height follows the viewport's): its layout shifts (a PerformanceObserver of
// `layout-shift`, as Lighthouse and the Web Vitals count them) until it is at rest, with what moved, the height
// dist/userpays.css reserves before the script runs, the height of the widget's first paint (its model and shape
// pickers in it), and its height once everything that loads without a user's action
// has drawn.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { PUTER_SRC, puterEndpoint } from '../support/puter.js';
import { simEndpoint, uniqueStorageKey } from '../support/sim.js';

interface Measured {
  cls: number;
  /** Whether the widget's first paint had its model and shape pickers (radios, not places kept for them). */
  pickersInFirstPaint?: boolean;
  /** Each shift: its score, when, and what moved (the element, where it was and where it went: x,y width×height). */
  shifts: { value: number; at: number; moved: string[] }[];
  reserved: number;
  firstPaint?: number;
  settled: number;
}

/** The README's first HTML snippet, with the CDN's addresses pointed at this build's dist/. */
async function readmeSnippet(): Promise<{ head: string; element: string }> {
  const readme = await (await fetch('/README.md')).text();
  const snippet = /```html\n([\s\S]*?)```/.exec(readme)![1]!.replaceAll('https://cdn.jsdelivr.net/npm/userpays/', '/');
  const lines = snippet.split('\n').filter((line) => line.trim());
  const element = lines.find((line) => line.startsWith('<userpays-image'));
  expect(element, 'the README’s first snippet embeds <userpays-image>').to.be.a('string');
  expect(snippet, 'the snippet links the reservation stylesheet').to.contain('/dist/userpays.css');
  return { head: lines.filter((line) => line !== element).join('\n'), element: element! };
}

/** What the page in the frame records: its layout shifts, the reserved height, the first painted height. */
const probe = `<script>
  window.measured = { cls: 0, shifts: [] };
  // What moved: the element (a node in the widget's shadow root is not named: null), where it was, where it went.
  const named = (node) =>
    node instanceof Element ? node.localName + [...node.classList].map((name) => '.' + name).join('') : 'in the widget';
  const box = (rect) => [rect.x, rect.y].map(Math.round) + ' ' + [rect.width, rect.height].map(Math.round).join('×');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput) {
        measured.cls += entry.value;
        const moved = entry.sources.map(
          (source) => named(source.node) + ': ' + box(source.previousRect) + ' → ' + box(source.currentRect),
        );
        measured.shifts.push({ value: entry.value, at: Math.round(entry.startTime), moved });
      }
  }).observe({ type: 'layout-shift', buffered: true });
</script>`;
const afterElement = `<script>
  const widget = document.querySelector('userpays-image');
  measured.reserved = widget.getBoundingClientRect().height; // a classic script waits for the stylesheet above it
  // The first frame in which the widget is drawn: its height, and whether its model and shape pickers are in it.
  (function frame() {
    const root = widget.shadowRoot;
    if (!widget.matches(':state(rendered)')) return requestAnimationFrame(frame);
    measured.firstPaint = widget.getBoundingClientRect().height;
    measured.pickersInFirstPaint = !!root.querySelector('input[name=model]') && !!root.querySelector('input[name=shape]');
  })();
</script>`;

interface Viewport {
  width: number;
  height: number;
}

/** The snippet's page in a `viewport`, with `attributes` on its element; what it measured in its first 3 s. */
async function load({ width, height }: Viewport, attributes: string): Promise<Measured> {
  const { head, element } = await readmeSnippet();
  const frame = document.createElement('iframe');
  frame.style.cssText = `position: fixed; top: 0; left: 0; width: ${width}px; height: ${height}px; border: 0`;
  frame.srcdoc = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    ${probe}
    ${head}
  </head>
  <body>
    ${element.replace('<userpays-image', `<userpays-image ${attributes}`)}
    ${afterElement}
    <p>A paragraph under the widget, as on any page that embeds it.</p>
  </body>
</html>`;
  document.body.append(frame);
  try {
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const page = frame.contentWindow as Window & typeof globalThis & { measured: Measured };
    const widget = page.document.querySelector('userpays-image') as HTMLElement & { updateComplete: Promise<boolean> };
    await page.customElements.whenDefined('userpays-image');
    await widget.updateComplete; // the ledger, the panels, the accounts, live prices: all that comes without an action
    // Then a moment more, and at least 1.5 s in all, for a shift that comes late.
    await new Promise((resolve) => setTimeout(resolve, Math.max(300, 1500 - page.performance.now())));
    return { ...page.measured, settled: widget.getBoundingClientRect().height };
  } finally {
    frame.remove();
  }
}

describe('no layout shift on a page that embeds the widget as the README shows', function () {
  this.timeout(90_000);
  before(() => setViewport({ width: 1940, height: 1100 })); // room for the largest frame, all of it in view
  after(() => setViewport({ width: 800, height: 600 }));

  const providers: Record<string, () => string> = {
    puter: () => `endpoint="${puterEndpoint()}" puter-src="${PUTER_SRC}" storage-key="${uniqueStorageKey()}"`,
    bfl: () => `provider="bfl" storage-key="${uniqueStorageKey()}"`,
    // A key, and the other families a step away (their line under the models).
    fal: () => `provider="fal" storage-key="${uniqueStorageKey()}"`,
    // The other families alone, with the user's key.
    openai: () => `provider="openai" storage-key="${uniqueStorageKey()}"`,
    google: () => `provider="google" storage-key="${uniqueStorageKey()}"`,
    // The providers the user signs in to: a sign-in above the key (and Pollinations' live prices, read from its list).
    openrouter: () =>
      `provider="openrouter" endpoint="${simEndpoint('openrouter')}" storage-key="${uniqueStorageKey()}"`,
    huggingface: () =>
      `provider="huggingface" endpoint="${simEndpoint('huggingface')}" storage-key="${uniqueStorageKey()}"`,
    pollinations: () =>
      `provider="pollinations" endpoint="${simEndpoint('pollinations')}" storage-key="${uniqueStorageKey()}"`,
  };
  // The widths the README promises (280 to 1920 px), at each of the widget's layouts: the narrowest (a folded phone's),
  // a phone's, a narrow window's (one column), a small window's, a laptop's twice, a large screen's. The canvas is as
  // high as the viewport allows (65vh), so the heights count too.
  const viewports: Viewport[] = [
    { width: 280, height: 653 },
    { width: 390, height: 844 },
    { width: 600, height: 900 },
    { width: 800, height: 600 },
    { width: 1280, height: 720 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ];
  // Each with no prompt (the examples to start from shown) and with one (src/userpays.css has a height for each), one
  // viewport after another, each a page in a frame of its own. (How soon after DOMContentLoaded the first paint comes is
  // `npm run bench`'s to measure, in ms.)
  for (const [provider, attributes] of Object.entries(providers))
    for (const prompt of ['', ' prompt="a fox on a hill"'])
      it(`${provider}${prompt ? ', a prompt' : ''}, at every width: CLS ≤ 0.02, the reservation within 8 px of the first paint, no growth after, the pickers in the first paint`, async () => {
        const all: Measured[] = [];
        for (const viewport of viewports) all.push(await load(viewport, attributes() + prompt));
        const wrong = all.flatMap((measured, index) => {
          const { width, height } = viewports[index];
          const problems = [
            measured.firstPaint === undefined && 'no first paint',
            measured.cls > 0.02 && `CLS ${measured.cls.toFixed(3)}`,
            Math.abs(measured.reserved - (measured.firstPaint ?? 0)) > 8 &&
              `reserved ${measured.reserved} px for a first paint of ${measured.firstPaint} px`,
            Math.abs(measured.settled - (measured.firstPaint ?? 0)) > 8 &&
              `first paint ${measured.firstPaint} px, then ${measured.settled} px`,
            !measured.pickersInFirstPaint && 'no model or shape picker in the first paint',
          ].filter(Boolean);
          return problems.length
            ? [`${width}×${height}: ${problems.join('; ')} ${JSON.stringify(measured.shifts)}`]
            : [];
        });
        expect(wrong).to.deep.equal([]);
      });
});
