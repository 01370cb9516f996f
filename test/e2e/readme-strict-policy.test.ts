// The README's strict Content-Security-Policy (docs/embedding.md gives it whole for the README's first snippet: no
// 'unsafe-inline' in style-src) on a page of its own, with the built widget: editing works under it as anywhere. The
// mask painter's box and before and after have the image's height (a style attribute, which the policy refuses, once
// carried their shape, and both stood 0 px tall), before and after moves with the keyboard, the extension has its
// height, and the page sees no violation of its policy at all (`securitypolicyviolation`, and nothing the widget tells
// the console of one).
// Holds: src/elements/shared/css-properties.ts
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { builtFiles } from '../support/built.js';
import { loadedFrame } from '../support/frames.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { until, waitUntil } from '../support/wait.js';
import { generateButton, imageAction, imageWidgetIn, part, tiles } from '../support/widget.js';

/** The policy the README's first snippet needs, whole, as docs/embedding.md says it (written by `npm run docs:csp`). */
async function readmePolicy(): Promise<string> {
  const doc = await (await fetch('/docs/embedding.md')).text();
  const after = doc.slice(doc.indexOf("The README's first snippet"));
  const policy = /^Content-Security-Policy: (.+)$/m.exec(after)?.[1];
  if (!policy) throw new Error('docs/embedding.md gives no Content-Security-Policy for the README’s first snippet');
  return policy;
}

/**
 * `policy` with the simulators' hosts (both loopback names, any port) in `connect-src` and `img-src`, as a site adds
 * BFL's hosts there from the same table; `style-src` and `script-src` as they are. The widget and its stylesheet come
 * from this server ('self'), where the snippet has jsDelivr.
 */
const withSimulators = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim())
    .map((directive) =>
      /^(connect-src|img-src) /.test(directive) ? `${directive} http://localhost:* http://127.0.0.1:*` : directive,
    )
    .join('; ');

type StrictWindow = Window & { violations: string[]; told: string[]; console: Console };

/**
 * The page under the README's policy (test/fixtures/readme-strict.html, in a frame of this one), the built widget
 * loaded in it, every violation of its policy recorded (strict.js), and what its scripts tell the console.
 */
async function strictPage(): Promise<{ view: StrictWindow; frame: HTMLIFrameElement }> {
  const frame = await loadedFrame('/test/fixtures/readme-strict.html', { width: 1100, height: 900 });
  const view = frame.contentWindow as StrictWindow;
  // What the page's scripts tell the console of a policy (the browser's own report is the event strict.js records).
  view.told = [];
  for (const method of ['error', 'warn'] as const) {
    const original = view.console[method];
    view.console[method] = (...args: unknown[]) => {
      view.told.push(args.map(String).join(' '));
      original.apply(view.console, args);
    };
  }
  await view.customElements.whenDefined('userpays-image');
  return { view, frame };
}

/** A key pressed on the painting area. */
const press = (area: HTMLElement, key: string) =>
  area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));

describe('the README’s strict Content-Security-Policy: editing, before and after', function () {
  this.timeout(90_000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('the page is under the README’s policy, which allows nothing inline for styles', async () => {
    const policy = await readmePolicy();
    const page = await (await fetch('/test/fixtures/readme-strict.html')).text();
    const meta = new DOMParser()
      .parseFromString(page, 'text/html')
      .querySelector('meta[http-equiv=Content-Security-Policy]')!
      .getAttribute('content');
    expect(meta).to.equal(withSimulators(policy));
    const styles = policy.split(';').find((directive) => directive.trim().startsWith('style-src'))!;
    expect(styles).to.not.include("'unsafe-inline'");
    expect(styles).to.not.include("'unsafe-hashes'");
  });

  it('no template the widget ships carries a style attribute, nor writes one from script', async () => {
    // Every file a page can load (the entry and each chunk), as built: a `style=` in a template survives the build as
    // written, and would be refused under this policy wherever it is drawn.
    const files = await builtFiles();
    expect(files.size).to.be.greaterThan(10);
    const carrying = [...files].flatMap(([url, source]) =>
      [...source.matchAll(/.{0,40}(?:\sstyle=|setAttribute\(\s*["'`]style["'`]|style\.cssText\s*=).{0,40}/g)].map(
        ([excerpt]) => `${url.slice(url.lastIndexOf('/') + 1)}: ${excerpt}`,
      ),
    );
    expect(carrying).to.deep.equal([]);
  });

  it('the mask painter and before and after have their height, the slider moves by keys, the extension too; nothing refused', async () => {
    const page = await strictPage();
    frame = page.frame;
    const { view } = page;
    const storageKey = uniqueStorageKey();
    const el = await imageWidgetIn(view, {
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      'storage-key': storageKey,
      endpoint: bflEndpoint(`pending=40;deliveryCors=1;run=${storageKey}`),
      prompt: 'a lighthouse at dusk',
    });
    el.apiKey = 'sim-readme-strict';
    el.width = 1024;
    el.height = 768;
    await el.generate();
    await waitUntil(() => tiles(el)[0], 'the gallery shows the image');
    const original = tiles(el)[0].dataset.id!;
    // The image shown at its own shape (4:3), not at the shape a placeholder of it takes.
    const shown = tiles(el)[0].querySelector<HTMLImageElement>('img[part~=image]')!;
    await until(() => shown.complete && shown.naturalWidth > 0, 5_000, 'the image is drawn');
    const drawn = shown.getBoundingClientRect();
    expect(drawn.height, 'the image at its shape').to.be.closeTo((drawn.width * 3) / 4, 2);

    // The mask painter: its box at the image's shape (4:3), painted by keyboard.
    (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await el.updateComplete;
    editor.querySelector<HTMLInputElement>('input[value=mask]')!.click();
    await el.updateComplete;
    const area = await until(() => part(el, 'mask'), 10_000, 'the mask painter');
    const painting = area.getBoundingClientRect();
    expect(painting.width).to.be.greaterThan(200);
    expect(painting.height, 'the painting area at the image’s shape').to.be.closeTo((painting.width * 3) / 4, 2);
    area.focus();
    press(area, 'Enter'); // a rectangle in the middle
    press(area, 'Enter'); // painted
    await el.updateComplete;
    const field = editor.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
    field.value = 'a red door';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const result = oneEvent(el, 'userpays-result');
    generateButton(el).click();
    await result;
    await waitUntil(() => tiles(el)[0]?.dataset.id !== original && !part(el, 'editor'), 'the edit is the latest');

    // Before and after: its box at the edit's shape, its divider moved by the arrow keys.
    const versions = await until(() => tiles(el)[0].querySelector<HTMLElement>('[part~=versions]'), 5_000, 'versions');
    const compare = versions.querySelector<HTMLDetailsElement>('details.compare')!;
    compare.querySelector('summary')!.click();
    await until(() => compare.open, 2_000, 'before and after opens');
    const box = compare.querySelector<HTMLElement>('.versions-frame')!;
    const { width, height } = box.getBoundingClientRect();
    expect(width).to.be.greaterThan(200);
    expect(height, 'before and after at the edit’s shape').to.be.closeTo((width * 3) / 4, 2);
    const range = box.querySelector<HTMLInputElement>('input[type=range]')!;
    const before = box.querySelector<HTMLImageElement>('img.before')!;
    const divider = box.querySelector<HTMLElement>('.divider')!;
    const middle = divider.getBoundingClientRect().left;
    expect(middle - box.getBoundingClientRect().left).to.be.closeTo(width / 2, 2);
    range.focus();
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'ArrowLeft' });
    expect(range.value).to.equal('40');
    expect(view.getComputedStyle(before).clipPath).to.equal('inset(0px 60% 0px 0px)');
    expect(divider.getBoundingClientRect().left, 'the divider moved left').to.be.closeTo(middle - width / 10, 2);

    // The extension, on the edit: its picture at the image's shape.
    (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
    const again = await until(() => part(el, 'editor'), 10_000, 'the editor opens again');
    await el.updateComplete;
    again.querySelector<HTMLInputElement>('input[value=extend]')!.click();
    const picture = await until(() => part(el, 'extend')?.querySelector('svg'), 10_000, 'the extension loads');
    await el.updateComplete;
    const extended = picture.getBoundingClientRect();
    expect(extended.width).to.be.greaterThan(100);
    expect(extended.height).to.be.closeTo((extended.width * 3) / 4, 40);

    // Nothing refused (a custom property set through the CSSOM shows as a style attribute, and is allowed).
    expect(view.violations).to.deep.equal([]);
    expect(view.told.filter((line) => /content.security|policy|refused/i.test(line))).to.deep.equal([]);
  });
});
