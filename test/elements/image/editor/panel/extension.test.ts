// The editor's extension on its own (its part: the picture and the four fields), in a small element that draws it as
// the editor does: an edge dragged outwards with a real mouse grows that side by the pixels of the image the pointer
// went; each side typed, or stepped with the arrow keys, whole and never negative; the picture described for a screen
// reader and the size said as it changes; drawn with no `style` attribute (a strict Content-Security-Policy refuses
// them), its picture a real height; axe finds nothing; German where the page is.
// Holds: src/elements/image/editor/panel/extend/index.ts
// Holds: src/elements/image/editor/panel/extend/extend-template.ts
// Holds: src/elements/image/editor/panel/extend/extend-handlers.ts
// Holds: src/elements/image/editor/panel/extend/extend.styles.ts
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import type { ExtendSides } from '../../../../../src/base/types.js';
import {
  extendPart,
  type ExtendPart,
  type ExtensionHandlers,
} from '../../../../../src/elements/image/editor/panel/extend/index.js';
import { theme } from '../../../../../src/elements/shared/theme.js';
import type { Translation } from '../../../../../src/strings/strings.js';
import { de } from '../../../../../src/translations/de.js';
import { expectWcag22 } from '../../../../support/axe.js';
import { pngBlob } from '../../../../support/images.js';

class ExtensionHost extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        inline-size: 640px;
      }
    `,
  ];
  extension!: ExtendPart;
  on!: ExtensionHandlers;
  sides: ExtendSides = { top: 0, right: 0, bottom: 0, left: 0 };
  most?: number;
  src = '';
  translation?: Translation;
  locale?: string;

  override render() {
    const view = { src: this.src, alt: 'A green test picture', image: { width: 320, height: 200 } };
    return this.extension.render(
      { ...view, sides: this.sides, most: this.most, translation: this.translation, locale: this.locale },
      this.on,
    );
  }
}
customElements.define('test-extension-host', ExtensionHost);

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((host) => host.remove()));

/** The extension of a 320 × 200 image, 640 CSS pixels wide, on the page. */
async function mount({
  most,
  translation,
  locale,
}: { most?: number; translation?: Translation; locale?: string } = {}) {
  const host = document.createElement('test-extension-host') as ExtensionHost;
  document.body.append(host);
  mounted.push(host);
  host.extension = extendPart(host);
  host.on = host.extension.handlers(
    () => host.sides,
    (sides) => {
      host.sides = sides;
      host.requestUpdate();
    },
    () => host.most,
  );
  Object.assign(host, { most, translation, locale, src: URL.createObjectURL(await pngBlob(320, 200)) });
  host.requestUpdate();
  await host.updateComplete;
  const root = host.shadowRoot!;
  const picture = () => root.querySelector<SVGSVGElement>('svg')!;
  const field = (side: keyof ExtendSides) => root.querySelector<HTMLInputElement>(`input[name=${side}]`)!;
  /** The middle of `side`'s edge, in whole client pixels. */
  const edge = (side: keyof ExtendSides): [number, number] => {
    const rect = root.querySelector(`[data-side=${side}]`)!.getBoundingClientRect();
    return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
  };
  /** Client pixels per pixel of the image, from the picture's box and its viewBox, computed here. */
  const scale = () => picture().getBoundingClientRect().width / picture().viewBox.baseVal.width;
  const typed = async (side: keyof ExtendSides, value: string) => {
    field(side).value = value;
    field(side).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await host.updateComplete;
  };
  return { host, root, picture, field, edge, scale, typed };
}

describe('the extension', () => {
  it('grows a side by the image pixels a real mouse drags its edge outwards, never below 0', async () => {
    const { host, picture, edge, scale } = await mount();
    const before = scale();
    const [x, y] = edge('right');
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 30, y] });
    await sendMouse({ type: 'move', position: [x + 60, y] });
    await sendMouse({ type: 'up' });
    await host.updateComplete;
    // Counted at the scale the picture had when the drag began (it is drawn smaller as the canvas grows).
    expect(host.sides).to.deep.equal({ top: 0, right: Math.round(60 / before), bottom: 0, left: 0 });
    expect(picture().viewBox.baseVal.width).to.be.greaterThan(320 + host.sides.right);
    // The top edge dragged up; the left edge dragged inwards goes no further than 0.
    const [topX, topY] = edge('top');
    const atTop = scale();
    await sendMouse({ type: 'move', position: [topX, topY] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [topX, topY - 40] });
    await sendMouse({ type: 'up' });
    const [leftX, leftY] = edge('left');
    await sendMouse({ type: 'move', position: [leftX, leftY] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [leftX + 50, leftY] });
    await sendMouse({ type: 'up' });
    await host.updateComplete;
    expect([host.sides.top, host.sides.left]).to.deep.equal([Math.round(40 / atTop), 0]);
  });

  it('stops a drag at the furthest a side may go at the model chosen', async () => {
    const { host, edge } = await mount({ most: 20 });
    const [x, y] = edge('bottom');
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, y + 200] });
    await sendMouse({ type: 'up' });
    await host.updateComplete;
    expect(host.sides.bottom).to.equal(20);
  });

  it('takes each side typed, whole and not negative, at most its furthest, and steps it with the arrow keys', async () => {
    const { host, field, typed } = await mount({ most: 2048 });
    await typed('left', '-5');
    expect(host.sides.left).to.equal(0);
    await typed('left', '12.6');
    expect(host.sides.left).to.equal(13);
    await typed('top', '99999');
    expect(host.sides.top).to.equal(2048);
    await typed('top', '');
    expect(host.sides.top).to.equal(0);
    expect(field('top').max).to.equal('2048');
    field('right').focus();
    await sendKeys({ type: '64' });
    await sendKeys({ press: 'ArrowUp' });
    await host.updateComplete;
    expect(host.sides).to.deep.equal({ top: 0, right: 65, bottom: 0, left: 13 });
    expect(field('right').value).to.equal('65');
  });

  it('describes the picture and says the size it comes to, with no style attribute, its picture a real height', async () => {
    const { host, root, picture, typed } = await mount();
    const said = () => root.querySelector('[role=status]')!.textContent!.trim();
    expect(said()).to.equal('Nothing extended yet: drag an edge, or type how far.');
    await typed('right', '200');
    await typed('top', '8');
    expect(said()).to.equal('Extended to 520×208 pixels, 0.1 MP.');
    expect(picture().getAttribute('role')).to.equal('img');
    expect(picture().getAttribute('aria-label')).to.equal(
      'The image, 320×200, with 8 pixels added at the top, 200 at the right, 0 at the bottom and 0 at the left: 520×208 in all, 0.1 MP.',
    );
    expect(root.querySelectorAll('[style]')).to.have.length(0);
    // Its height from its viewBox's shape and its width, set by its classes alone.
    const { width, height } = picture().getBoundingClientRect();
    expect(width).to.equal(640);
    expect(height).to.be.closeTo((640 * picture().viewBox.baseVal.height) / picture().viewBox.baseVal.width, 1);
    await expectWcag22(host);
  });

  it('speaks German where the page does', async () => {
    const { root, typed } = await mount({ translation: de, locale: 'de' });
    expect(root.querySelector('legend')!.textContent!.trim()).to.equal('Wie weit erweitern, in Pixeln');
    expect([...root.querySelectorAll('.extend-side span')].map((span) => span.textContent!.trim())).to.deep.equal([
      'Oben',
      'Rechts',
      'Unten',
      'Links',
    ]);
    await typed('bottom', '100');
    expect(root.querySelector('[role=status]')!.textContent!.trim()).to.equal('Erweitert auf 320×300 Pixel, 0,1 MP.');
  });
});
