// Opening an example (examples/*/index.html) in an iframe, as a visitor would, and driving its widget like a user:
// the price read before the click, a key entered, Generate clicked, the example's own result shown.
import { holdDefaultStorageKey } from './storage.js';
import { expect } from '@open-wc/testing';
import { ImageStore } from '../../src/images/image-store.js';
import { nextEvent } from './sim.js';
import { blocked, decision, generateButton, part } from './widget.js';
import { loadedFrame } from './frames.js';
import { until } from './wait.js';

/** The widget as these tests see it (the built element: no source types here). */
export type Widget = HTMLElement & {
  apiKey: string;
  tally?: { images: number; spent: string };
  updateComplete: Promise<boolean>;
  generate(): Promise<unknown>;
};

/** The detail of `userpays-result` (README, Events). */
export interface ResultDetail {
  images: { url: string; saved: boolean; width: number; height: number }[];
  charged: string;
}

export interface Example {
  frame: HTMLIFrameElement;
  view: Window;
  doc: Document;
  /** Content-Security-Policy violations reported in the page after it loaded. */
  violations: string[];
  /** Uncaught errors and rejections in the page after it loaded. */
  errors: string[];
}

/** Loads `path` in an iframe, as a browser would (its own policy, its own import map), and waits for its widget. */
export async function openExample(path: string): Promise<Example> {
  const frame = await loadedFrame(path, { width: 1024, height: 900 });
  const view = frame.contentWindow!;
  const example: Example = { frame, view, doc: view.document, violations: [], errors: [] };
  view.document.addEventListener('securitypolicyviolation', (e) =>
    example.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  view.addEventListener('error', (e) => example.errors.push(e.message));
  view.addEventListener('unhandledrejection', (e) => example.errors.push(String(e.reason)));
  return example;
}

/** The example's `<userpays-image>`, once its framework rendered it and the element drew its Generate button. */
export async function widgetOf(example: Example): Promise<Widget> {
  return until(
    () => {
      const widget = example.doc.querySelector<Widget>('userpays-image');
      return widget?.shadowRoot?.querySelector('[part~=submit]') ? widget : undefined;
    },
    10_000,
    'the example to render <userpays-image>',
  );
}

export { decision, part };

/** A key the BFL simulator has not seen: its account starts with credits, and its charges are this test's alone. */
export const freshKey = (name: string) => `sim-example-${name}-${Math.random().toString(36).slice(2, 10)}`;

/** What the BFL simulator charged `key`, in USD. */
export async function chargedTo(key: string): Promise<string> {
  const response = await fetch(`/sim/bfl/_charges?key=${encodeURIComponent(key)}`);
  return (await response.json()).usd;
}

/** Types into an input of the example's own UI as a user would: its value, then `input` and `change`. */
export function typeInto(input: HTMLInputElement, value: string) {
  // The prototype's setter: React tracks the value it last set through the instance and would miss the change.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The whole visit: the price of a 1024×1024 FLUX.2 [klein] 4B image ($0.014) is on the widget before the click,
 * `enterKey` gives the widget the key (through the example's own wiring), Generate is clicked, and the example
 * shows the result it heard in `userpays-result`: a `blob:` image that decodes, and what it cost.
 */
export async function generateThrough(
  example: Example,
  widget: Widget,
  enterKey: (key: string) => void | Promise<void>,
) {
  await until(() => part(widget, 'cost')?.textContent?.includes('$0.014'), 10_000, 'the price on the widget');
  // The price beside Generate, with what it buys; without a key Generate cannot run, and says so.
  expect(decision(widget)).to.deep.equal({ price: '$0.014', buys: '1 image · 1 MP' });
  expect(generateButton(widget).disabled).to.equal(true);
  expect(blocked(widget).reason).to.equal('Add your BFL API key');

  const key = freshKey(example.doc.title.replace(/\W+/g, '-'));
  await until(() => part(widget, 'key'), 10_000, 'the key field (drawn with the accounts, after the first paint)');
  await enterKey(key);
  expect(widget.apiKey, 'the key reached the widget').to.equal(key);
  await until(() => !generateButton(widget).disabled, 10_000, 'Generate, the key given');
  // A key is a property only: never an attribute, never in the page's markup.
  expect(example.doc.documentElement.outerHTML).not.to.contain(key);

  const heard = nextEvent<ResultDetail>(widget, 'userpays-result');
  part(widget, 'submit')!.click();
  const { detail } = await heard;
  expect(detail.charged).to.equal('0.014');
  expect(detail.images[0].url).to.match(/^blob:/);

  // The example's own listener showed it.
  const img = await until(
    () => {
      const shown = example.doc.querySelector<HTMLImageElement>('#result img');
      return shown?.src && shown.isConnected ? shown : undefined;
    },
    10_000,
    "the example's result image",
  );
  expect(img.src).to.equal(detail.images[0].url);
  await img.decode();
  expect(img.naturalWidth).to.be.greaterThan(0);
  expect(example.doc.querySelector('#result')!.textContent).to.contain('$0.014');

  // The widget shows it too, and the simulator charged this key once, that amount.
  await until(() => part(widget, 'image'), 10_000, "the image in the widget's gallery");
  expect(await chargedTo(key)).to.equal('0.014');
  return detail;
}

/** Removes the example's frame, and what it stored (under the default storage key, on this page's origin). */
export async function closeExample(example: Example | undefined) {
  example?.frame.remove();
  for (const k of Object.keys(localStorage)) if (k.startsWith('userpays')) localStorage.removeItem(k);
  await new ImageStore({ storageKey: 'userpays' }).clear();
}

/** The page's Content-Security-Policy and the `'sha256-…'` source of its inline import map, as served. */
export async function policyAndImportMap(path: string) {
  const page = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
  const policy = page.querySelector('meta[http-equiv=Content-Security-Policy]')!.getAttribute('content')!;
  const map = page.querySelector('script[type=importmap]')!.textContent!;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(map)));
  return {
    policy,
    mapHash: `'sha256-${btoa(String.fromCharCode(...digest))}'`,
    inline: page.querySelectorAll('script:not([src])').length,
  };
}

/**
 * The error path of an example that renders its own error line: a generation without a key reaches the example as
 * `userpays-error` (through its framework's event wiring) and the line shows the widget's own words. Generate itself
 * cannot be clicked without a key (it says why beside it): the page's own call of `generate()` is refused.
 */
export async function expectErrorShown(example: Example) {
  const widget = await widgetOf(example);
  await until(() => blocked(widget).reason, 10_000, 'why Generate cannot run');
  expect(generateButton(widget).disabled).to.equal(true);
  expect(blocked(widget).reason).to.equal('Add your BFL API key');
  const heard = nextEvent<{ code: string; message: string }>(widget, 'userpays-error');
  widget.generate().catch(() => {}); // no key yet
  const { detail } = await heard;
  expect(detail.code).to.equal('auth-required');
  const shown = await until(() => example.doc.querySelector('#error'), 10_000, "the app's error line");
  expect(shown.textContent).to.equal(detail.message);
}

/**
 * The paid path of a framework example: one key field on the page, the widget's own (the app adds none), the key
 * typed there reaches `widget.apiKey`, Generate is clicked, and the example renders the result and its charge
 * through its framework's event wiring; no CSP violation, no error.
 */
export async function expectPaidResult(example: Example) {
  const widget = await widgetOf(example);
  expect(example.doc.querySelectorAll('input[type=password]').length, "the app's own key fields").to.equal(0);
  await generateThrough(example, widget, (key) => typeInto(part(widget, 'key') as HTMLInputElement, key));
  expect(example.doc.querySelector('#result figcaption')!.textContent).to.equal('Charged $0.014');
  expect(example.doc.querySelector('#error')).to.equal(null);
  expect(example.violations, 'CSP violations').to.deep.equal([]);
  expect(example.errors).to.deep.equal([]);
}

/**
 * The suite of one example page (`/examples/<name>/index.html`): `body` declares its tests, each of which opens the
 * page afresh with `open()`; after each test the page is closed and what it stored forgotten.
 */
export function describeExample(name: string, body: (open: () => Promise<Example>, page: string) => void) {
  const page = `/examples/${name}/index.html`;
  describe(`examples/${name}`, () => {
    let example: Example | undefined;
    let release: (() => void) | undefined;
    beforeEach(async function () {
      this.timeout(120_000); // while another test file's demo or example has the default storage key
      release = await holdDefaultStorageKey();
    });
    afterEach(async () => {
      try {
        await closeExample(example);
      } finally {
        release?.();
      }
    });
    body(async () => (example = await openExample(page)), page);
  });
}

/**
 * Before the suite: the vendor modules a framework example imports (examples/vendor.mjs), which the server prepares
 * on first request, outside any test's time limit.
 */
export function vendorModulesReady(...paths: string[]) {
  before(async function () {
    this.timeout(60_000);
    for (const path of paths) expect((await fetch(path)).ok, path).to.equal(true);
  });
}

/**
 * What every framework example does with the widget: its error heard through the framework's own event wiring
 * (`wiring`: `onuserpays-error`, `@userpays-error`…), shown in the app's words; and the paid path through the widget's
 * own key field.
 */
export function itWiresTheWidget(open: () => Promise<Example>, wiring: string) {
  it(`hears userpays-error through ${wiring}`, async () => {
    await expectErrorShown(await open());
  });

  it('prices, takes the key in the widget’s own field (the only one), generates and renders the result', async () => {
    await expectPaidResult(await open());
  });
}

/** The page's policy is strict: its import map allowed by hash, and nothing else inline, nothing unsafe. */
export function itRunsUnderAStrictPolicy(page: string) {
  it('runs under a strict policy that allows its import map by hash, and nothing else inline', async () => {
    const { policy, mapHash, inline } = await policyAndImportMap(page);
    expect(policy, `the import map changed: its hash is now ${mapHash}`).to.contain(`script-src 'self' ${mapHash};`);
    expect(policy).not.to.contain('unsafe');
    expect(inline).to.equal(1);
  });
}
