// Light and dark, any host background, down to 280 px: each element paints its own surface with tokens that
// keep text readable, follows the user's prefers-color-scheme unless the page sets `color-scheme`, and reflows.
// Holds: src/elements/image/image-styles.ts
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import { bflEndpoint, uniqueStorageKey } from '../support/sim.js';
import { imageWidget, openPriceDetails, settled } from '../support/widget.js';

/** The card of the controls: the surface the widget paints its own (the result's canvas is a card like it). */
const card = (el: UserPaysImage) => el.shadowRoot!.querySelector<HTMLElement>('.controls')!;
const colours = (node: Element) => {
  const style = getComputedStyle(node);
  return { background: style.backgroundColor, text: style.color };
};

async function widget(style = '') {
  const el = await imageWidget({ provider: 'bfl', providers: 'fal', style, prompt: 'a lighthouse' });
  await openPriceDetails(el);
  return el;
}

/** A BFL widget against the simulator with `scenario`, its submission started. */
async function generating(scenario: string) {
  const el = await imageWidget({
    provider: 'bfl',
    endpoint: bflEndpoint(`${scenario};deliveryCors=1`),
    prompt: 'a lighthouse',
  });
  el.apiKey = 'sim-looks-key';
  void el.generate().catch(() => {});
  await el.updateComplete;
  return el;
}

describe('<userpays-image>: light, dark and narrow', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.body.style.background = '';
  });

  it('<userpays-tally> follows prefers-color-scheme, as the widget does', async () => {
    const tally = async () =>
      getComputedStyle(
        await fixture<UserPaysTally>(html`<userpays-tally storage-key=${uniqueStorageKey()}></userpays-tally>`),
      ).backgroundColor;
    expect(await tally()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(await tally()).to.equal('rgb(21, 27, 40)');
  });

  it('is light by default, dark where the user prefers dark, and the page can force either', async () => {
    expect(colours(card(await widget()))).to.deep.equal({ background: 'rgb(255, 255, 255)', text: 'rgb(31, 41, 55)' });
    await emulateMedia({ colorScheme: 'dark' });
    const dark = colours(card(await widget()));
    expect(dark).to.deep.equal({ background: 'rgb(21, 27, 40)', text: 'rgb(229, 231, 235)' });
    expect(colours(card(await widget('color-scheme: light'))).background).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    expect(colours(card(await widget('color-scheme: dark')))).to.deep.equal(dark);
  });

  it('has no serious accessibility violation, light or dark, on a light or a black page', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const page of ['', '#000']) {
        await emulateMedia({ colorScheme: scheme });
        document.body.style.background = page;
        await expect(await widget(), `${scheme} on ${page || 'white'}`).to.be.accessible();
      }
    }
  });

  it('has no serious accessibility violation busy, asking to stop, failed or with results, light and dark', async function () {
    this.timeout(40_000); // two submissions under way for 5 s each
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      // Under way long enough to be looked at and asked to stop, however slow the machine running the suite.
      const busy = await generating('pending=5000');
      await waitUntil(
        () => busy.shadowRoot!.querySelector('[part~=progress]')?.textContent?.match(/Queued|Under way at BFL/),
        'accepted',
        { timeout: 4000 },
      );
      await expect(busy, `${scheme}: busy`).to.be.accessible();
      busy.shadowRoot!.querySelector<HTMLButtonElement>('[part~=progress] button')!.click(); // BFL billed: it asks
      await busy.updateComplete;
      await expect(busy, `${scheme}: asking to stop`).to.be.accessible();
      await busy.generate(); // the same submission: its result
      await settled(busy); // the new image fades in: its colours as they are once shown
      await expect(busy, `${scheme}: results`).to.be.accessible();
      const failed = await generating('fault=402');
      await failed.generate().catch(() => {});
      await failed.updateComplete;
      await expect(failed, `${scheme}: error`).to.be.accessible();
    }
  });

  it('a page palette (tokens) wins over both schemes', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await widget('--userpays-surface: rgb(1, 2, 3)');
    expect(colours(card(el)).background).to.equal('rgb(1, 2, 3)');
  });

  it('contains its paint (a page of many widgets is not repainted whole when one grows), and clips no focus ring', async () => {
    const el = await widget();
    el.shadowRoot!.querySelector('[part~=compare]')!.setAttribute('open', ''); // the comparison's offers too
    expect(getComputedStyle(el).contain).to.contain('paint');
    const box = el.getBoundingClientRect();
    // theme.ts: a focus ring is 2 px wide, 2 px off its control; paint containment would clip any beyond the box
    const ring = 4;
    const controls = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary'),
    ].filter((control) => control.checkVisibility());
    expect(controls.length).to.be.above(10);
    // Open price details scroll within themselves (details.ts): what is out of their view is scrolled into it when
    // focused, so it is they that must lie within the box, and each of their controls' rings within their sides.
    const outside = (r: DOMRect, within: DOMRect) =>
      r.left - ring < within.left ||
      r.top - ring < within.top ||
      r.right + ring > within.right ||
      r.bottom + ring > within.bottom;
    const clipped = controls
      .filter((control) => {
        const r = control.getBoundingClientRect();
        const scroller = control.closest('.details-body')?.getBoundingClientRect();
        if (!scroller) return outside(r, box);
        return outside(scroller, box) || r.left - ring < scroller.left || r.right + ring > scroller.right;
      })
      .map((control) => `${control.localName}[${control.getAttribute('part')}] ${control.textContent!.trim()}`);
    expect(clipped).to.deep.equal([]);
  });

  for (const width of [280, 320]) {
    it(`reflows into ${width} px: nothing wider than the widget`, async () => {
      const el = await widget(`width: ${width}px`);
      await el.updateComplete;
      const right = el.getBoundingClientRect().right + 0.5;
      const sticksOut = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((node) => node.getBoundingClientRect().right > right)
        .map((node) => `${node.localName}.${node.className}[${node.getAttribute('part')}]`);
      expect(sticksOut).to.deep.equal([]);
      expect(el.scrollWidth, 'the widget').to.be.at.most(width);
    });
  }
});
