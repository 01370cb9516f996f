// The widget's layout: at 1280×800 a widget of default attributes shows the prompt, the
// price and an enabled Generate without scrolling, in a 360 px wide container too; after a result the newest image is
// at least half the widget's width in a wide container; while generating, a placeholder at the chosen ratio holds the
// result's place.
// Holds: src/elements/image/panels/canvas.ts
// Holds: src/elements/image/gallery/panel/columns.ts
// Holds: src/elements/image/image-template.ts
// Holds: src/elements/image/options/panel/more.ts
// Holds: src/elements/image/prompt/panel/examples.ts
// Holds: src/elements/image/prompt/panel/prompt-feature.ts
// Holds: src/elements/image/shared/slots.ts
// Holds: src/elements/image/shared/view.ts
// Holds: src/elements/image/shared/frame.ts
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { bflEndpoint, simEndpoint, uniqueStorageKey } from '../../support/sim.js';
import { imageWidget, part } from '../../support/widget.js';

const RUN = uniqueStorageKey();

/** Whether the whole of `node` is inside the viewport as it is now (nothing scrolled). */
function inView(node: Element) {
  const box = node.getBoundingClientRect();
  return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
}

async function inContainer(width: string, attributes = html``) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}; margin: 8px">
      <userpays-image storage-key=${uniqueStorageKey()} locale="en-US" ${attributes}></userpays-image>
    </div>`,
  );
  return wrapper.querySelector('userpays-image') as UserPaysImage;
}

describe('<userpays-image>: the layout', function () {
  this.timeout(20_000);
  before(() => setViewport({ width: 1280, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => scrollTo(0, 0));

  for (const width of ['1264px', '360px']) {
    it(`at 1280×800, in a ${width} container: the prompt, the price and an enabled Generate, with no scrolling`, async () => {
      const el = await inContainer(width);
      el.prompt = 'a lighthouse at dusk'; // typed: the default has none, and Generate asks for one
      await waitUntil(() => el.quote, 'priced');
      await el.updateComplete;
      expect(scrollY).to.equal(0);
      for (const name of ['prompt', 'cost', 'submit']) expect(inView(part(el, name)!), name).to.equal(true);
      expect(part(el, 'cost')!.textContent).to.match(/\$\d/);
      expect((part(el, 'submit')! as HTMLButtonElement).disabled).to.equal(false);
    });
  }

  it('in a wide container: controls and the canvas side by side; the newest image at least half the widget wide', async () => {
    const el = await imageWidget({
      style: 'width: 1200px',
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      endpoint: bflEndpoint(`pending=400;progress=moving;deliveryCors=1;run=${RUN}`),
      prompt: 'a lighthouse at dusk',
    });
    el.apiKey = 'sim-test-key';
    Object.assign(el, { width: 1024, height: 576 }); // 16:9
    await el.updateComplete;
    const running = el.generate();
    // While generating: a placeholder at the ratio chosen, where the result will be, beside the controls.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=placeholder]'), 'a placeholder');
    const placeholder = part(el, 'placeholder')!.getBoundingClientRect();
    expect(placeholder.width / placeholder.height).to.be.closeTo(16 / 9, 0.02);
    const controls = part(el, 'prompt')!.getBoundingClientRect();
    expect(placeholder.left, 'beside the controls').to.be.greaterThan(controls.right);
    await running;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=result] img[part~=image]'), 'the result');
    const image = el.shadowRoot!.querySelector('[part~=result] img')!;
    await waitUntil(() => (image as HTMLImageElement).complete, 'drawn');
    const drawn = image.getBoundingClientRect();
    expect(drawn.width, 'at least half the widget').to.be.at.least(el.getBoundingClientRect().width / 2);
    expect(drawn.width / drawn.height).to.be.closeTo(16 / 9, 0.02);
  });

  it('in a narrow container: the result above the controls once it exists', async () => {
    const el = await imageWidget({
      style: 'width: 360px',
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      endpoint: bflEndpoint(`pending=60;deliveryCors=1;run=${RUN}`),
      prompt: 'a lighthouse at dusk',
    });
    el.apiKey = 'sim-test-key';
    await el.generate();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=result] img'), 'the result');
    const image = el.shadowRoot!.querySelector('[part~=result] img')!.getBoundingClientRect();
    expect(image.bottom).to.be.at.most(part(el, 'prompt')!.getBoundingClientRect().top);
  });

  for (const [width, where] of [
    ['1264px', 'in the empty canvas, beside the form'],
    ['360px', 'under the prompt (no canvas before a result)'],
  ] as const)
    it(`in a ${width} container: prompts to start from ${where}; one click puts one in`, async () => {
      const el = await inContainer(width);
      await waitUntil(() => el.shadowRoot!.querySelector('.examples button'), 'the examples (with the panels)');
      const shown = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.examples button')].filter((button) =>
        button.checkVisibility(),
      );
      expect(shown.length).to.equal(4);
      const canvas = el.shadowRoot!.querySelector('section.canvas')!;
      expect(shown.every((button) => canvas.contains(button))).to.equal(width === '1264px');
      shown[1].click();
      await el.updateComplete;
      expect(el.prompt).to.equal(shown[1].value);
      expect(part(el, 'prompt')!.matches(':focus')).to.equal(true);
    });

  it("More options: its fields stand apart, as the form's do (Seed not flush under the Images buttons)", async () => {
    const el = await imageWidget({ provider: 'bfl', endpoint: bflEndpoint(`run=${RUN}`), style: 'width: 360px' });
    await waitUntil(() => part(el, 'seed'), "More options' fields (with the panels)");
    const more = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.more')!;
    more.open = true;
    await el.updateComplete;
    const fields = [...more.children].filter((child) => child.localName !== 'summary' && child.checkVisibility());
    expect(fields.length).to.be.at.least(3);
    const gaps = fields
      .slice(1)
      .map((field, index) =>
        Math.round(field.getBoundingClientRect().top - fields[index].getBoundingClientRect().bottom),
      );
    expect(
      gaps.every((gap) => gap >= 8),
      `gaps ${gaps.join(', ')} px`,
    ).to.equal(true);
  });

  for (const [width, stays] of [
    ['1264px', true],
    ['360px', false],
  ] as const)
    it(`in a ${width} container, an error before any image: the empty state ${stays ? 'stays under it' : 'is not repeated'}`, async () => {
      const el = await imageWidget(
        {
          provider: 'bfl',
          model: 'flux-2-klein-4b',
          endpoint: bflEndpoint(`fault=402;run=${RUN}`),
          prompt: 'a fox',
          style: `width: ${width}`,
        },
        { apiKey: 'sim-key' },
      );
      await el.generate().catch(() => {});
      await el.updateComplete;
      const error = part(el, 'error')!;
      const empty = el.shadowRoot!.querySelector('section.canvas .empty');
      expect(error.checkVisibility()).to.equal(true);
      // Wide, the pane keeps where the image will come and the prompts to start from, under the error; narrow, the
      // canvas stands above the controls, and the prompts are under the prompt already.
      expect(!!empty?.checkVisibility()).to.equal(stays);
      if (stays) expect(empty!.getBoundingClientRect().top).to.be.at.least(error.getBoundingClientRect().bottom);
    });

  // At 4512×928 (4.9:1) the frame of the empty canvas is some 150 px high, and the prompts to start from would hang
  // out of it. So wide a shape has its words under the frame; 21:9 keeps them over it.
  for (const [width, height, under] of [
    [4512, 928, true],
    [1920, 816, false],
  ] as const)
    it(`in a wide container, an empty canvas at ${width}×${height}: its words ${under ? 'under' : 'over'} the frame`, async () => {
      const el = await inContainer('1264px', html``);
      Object.assign(el, { provider: 'bfl', width, height });
      await waitUntil(() => el.shadowRoot!.querySelector('.empty .examples button'), 'the examples');
      await el.updateComplete;
      const frame = el.shadowRoot!.querySelector('.empty .frame')!.getBoundingClientRect();
      const words = el.shadowRoot!.querySelector('.empty .start')!.getBoundingClientRect();
      expect(words.top >= frame.bottom - 1, `words at ${words.top}, frame to ${frame.bottom}`).to.equal(under);
      if (!under) expect(words.bottom).to.be.at.most(frame.bottom + 1);
    });

  // At 720–900 px the canvas is some 300 px wide: its square frame was shorter than its words and the prompts to start
  // from, which crossed its edge. The frame is never shorter than what it holds.
  it('in a narrow side-by-side container (760 px), an empty square canvas: its words inside the frame', async () => {
    const el = await inContainer('760px', html``);
    Object.assign(el, { provider: 'bfl', width: 1024, height: 1024 });
    await waitUntil(() => el.shadowRoot!.querySelector('.empty .examples button'), 'the examples');
    await el.updateComplete;
    const frame = el.shadowRoot!.querySelector('.empty .frame')!.getBoundingClientRect();
    const words = el.shadowRoot!.querySelector('.empty .start')!.getBoundingClientRect();
    expect(
      [words.top >= frame.top - 1, words.bottom <= frame.bottom + 1],
      JSON.stringify({ frame, words }),
    ).to.deep.equal([true, true]);
  });

  // "⋯" must not fall alone onto a second line; nor may the actions stand on one line with Vary as an icon and its
  // price: "⇄ at most $0.0733" reads as a price beside an arrow. Vary says its word there too: the toolbar takes two
  // lines, "⋯" never alone on one.
  it("on a folded phone (248 px), the latest image's actions: Vary says its word, at most two lines, ⋯ not alone", async () => {
    const el = await imageWidget(
      {
        provider: 'fal',
        endpoint: simEndpoint('fal', `run=${RUN}`),
        prompt: 'a fox',
        locale: 'de-DE',
        lang: 'de',
        style: 'width: 248px',
      },
      { apiKey: 'sim-key' },
    );
    await el.generate();
    await waitUntil(
      () => el.shadowRoot!.querySelector('.result [part=image-actions] [data-action=vary]'),
      'the toolbar',
    );
    await el.updateComplete;
    const toolbar = el.shadowRoot!.querySelector<HTMLElement>('.result [part=image-actions]')!;
    const tops = [...toolbar.children].map((action) => Math.round(action.getBoundingClientRect().top));
    // Edit among them: fal edits images (SPEC §13).
    expect(tops.length).to.equal(6);
    expect(new Set(tops).size, `the actions' tops: ${tops.join(', ')}`).to.be.at.most(2);
    expect(tops.filter((top) => top === tops.at(-1)).length, '⋯ with another action').to.be.at.least(2);
    const vary = toolbar.querySelector<HTMLElement>('[data-action=vary]')!;
    expect(getComputedStyle(vary.querySelector('.word')!).display).to.not.equal('none');
    const tile = toolbar.closest('.tile')!.getBoundingClientRect();
    expect(toolbar.getBoundingClientRect().right, 'within the tile').to.be.at.most(tile.right);
  });

  // An image not kept has no Download in its toolbar, which is then short, and the menu, opened from its end, would
  // stand 26 px (390) and 61 px (280, German) past the screen's left edge.
  for (const [provider, width, lang] of [
    ['bfl', 248, 'de'],
    ['bfl', 366, 'en'],
    ['fal', 248, 'de'],
  ] as const)
    it(`${provider}, ${width} px, ${lang}: the latest image's ⋯ menu opens within the widget`, async () => {
      const el = await imageWidget(
        {
          provider,
          endpoint: provider === 'bfl' ? bflEndpoint(`run=${RUN}`) : simEndpoint('fal', `run=${RUN}`),
          prompt: 'a fox',
          locale: lang === 'de' ? 'de-DE' : 'en-US',
          lang,
          style: `width: ${width}px`,
        },
        { apiKey: 'sim-key' },
      );
      await el.generate();
      const menuOf = () =>
        el.shadowRoot!.querySelector<HTMLDetailsElement>('.result [part=image-actions] details.menu');
      await waitUntil(menuOf, 'the menu');
      const menu = menuOf()!;
      expect(!!el.shadowRoot!.querySelector('.result [part~=not-saved]'), 'kept or not').to.equal(provider === 'bfl');
      menu.open = true;
      await el.updateComplete;
      const items = menu.querySelector('.menu-items')!.getBoundingClientRect();
      const widget = el.getBoundingClientRect();
      expect(items.left, 'its left edge').to.be.at.least(widget.left);
      expect(items.right, 'its right edge').to.be.at.most(widget.right);
    });
});

// On a phone the canvas stands above the controls, and an error said over the image would push the controls, with
// their pinned row (the price and Generate), below the screen. In one column it is said under the image, just above
// the controls, and the row comes into view with it; side by side, it stays over the image.
describe('<userpays-image>: an error after an image, where the eye is', function () {
  this.timeout(30_000);
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => scrollTo(0, 0));

  for (const [width, below] of [
    ['358px', true],
    ['1264px', false],
  ] as const)
    it(`in a ${width} container: the refusal ${below ? 'under the image, with the row in view' : 'over the image'}`, async () => {
      if (!below) await setViewport({ width: 1280, height: 800 });
      const run = uniqueStorageKey();
      const el = await imageWidget(
        {
          provider: 'bfl',
          model: 'flux-2-klein-4b',
          endpoint: bflEndpoint(`pending=60;deliveryCors=1;run=${run}`),
          prompt: 'a fox',
          style: `width: ${width}`,
        },
        { apiKey: 'sim-key' },
      );
      const submit = () => part(el, 'submit') as HTMLButtonElement;
      await waitUntil(() => !submit().disabled, 'Generate, enabled');
      submit().click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=result] img'), 'the first image');
      el.endpoint = bflEndpoint(`fault=402;run=${run}`);
      await waitUntil(() => !submit().disabled, 'Generate, enabled again');
      submit().click();
      await waitUntil(() => part(el, 'error'), 'the refusal');
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      const error = part(el, 'error')!.getBoundingClientRect();
      const image = el.shadowRoot!.querySelector('[part~=result] img')!.getBoundingClientRect();
      if (below) {
        expect(error.top, 'under the image').to.be.at.least(image.bottom);
        expect(error.bottom, 'above the controls').to.be.at.most(part(el, 'prompt')!.getBoundingClientRect().top);
        const row = part(el, 'decision')!.getBoundingClientRect();
        expect([error.top >= 0, row.top >= error.bottom, row.bottom <= innerHeight + 1], 'both in view').to.deep.equal([
          true,
          true,
          true,
        ]);
      } else expect(error.bottom, 'over the image').to.be.at.most(image.top);
    });
});
