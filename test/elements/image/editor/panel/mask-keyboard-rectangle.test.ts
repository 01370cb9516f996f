// The keyboard's way to paint a mask: a rectangle placed in the middle (a quarter of the image each way), moved 1 %
// of the image's side per arrow (10 % with Shift), sized as much with Alt, in whole pixels, painted with Enter.
import { expect } from '@open-wc/testing';
import { editor } from '../../../../../src/strings/image/editor.js';
import { mountPainter, unmountPainters } from '../../../../support/mask-painter.js';

afterEach(unmountPainters);

/** The documented step: a share of the side, in whole pixels, at least one. */
const step = (side: number, share: number) => Math.max(1, Math.round(side * share));

describe('the mask painter by keyboard', () => {
  it('paints exactly the rectangle placed with Enter, moved and sized with the arrow keys', async () => {
    const painter = await mountPainter(); // 320 × 200
    painter.area.focus();
    await painter.press('Enter');
    const wide = Math.round(320 / 4);
    const high = Math.round(200 / 4);
    let x = Math.round((320 - wide) / 2);
    let y = Math.round((200 - high) / 2);
    expect(painter.painter.rectangle).to.deep.equal({ x, y, width: wide, height: high });
    expect(painter.said()).to.contain(editor.rectangle('38%', '38%', '25%', '25%', false));

    await painter.press('ArrowRight');
    await painter.press('ArrowRight');
    x += 2 * step(320, 0.01);
    await painter.press('ArrowDown', { shiftKey: true });
    y += step(200, 0.1);
    await painter.press('ArrowUp');
    y -= step(200, 0.01);
    await painter.press('ArrowLeft', { shiftKey: true });
    x -= step(320, 0.1);
    await painter.press('ArrowRight', { altKey: true });
    const width = wide + step(320, 0.01);
    await painter.press('ArrowDown', { altKey: true, shiftKey: true });
    await painter.press('ArrowUp', { altKey: true });
    const height = high + step(200, 0.1) - step(200, 0.01);
    expect(painter.painter.rectangle).to.deep.equal({ x, y, width, height });
    expect((await painter.mask()).whiteShare, 'nothing painted while it is placed').to.equal(0);

    await painter.press('Enter');
    expect(painter.painter.rectangle).to.equal(undefined);
    const mask = await painter.mask();
    expect(mask.values).to.deep.equal([0, 255]);
    const inside = (px: number, py: number) => px >= x && px < x + width && py >= y && py < y + height;
    expect(mask.whereWhite(inside)).to.deep.equal([]);
    expect(painter.painter.area()).to.equal((width * height) / (320 * 200));
    expect(painter.said()).to.equal(editor.painted(`${Math.round(((width * height) / 64000) * 100)}%`));
  });

  it('keeps the rectangle inside the image, and one step wide at least', async () => {
    const painter = await mountPainter();
    await painter.press('Enter');
    for (let press = 0; press < 5; press++) await painter.press('ArrowLeft', { shiftKey: true });
    for (let press = 0; press < 5; press++) await painter.press('ArrowUp', { shiftKey: true });
    for (let press = 0; press < 5; press++) await painter.press('ArrowLeft', { altKey: true, shiftKey: true });
    expect(painter.painter.rectangle).to.deep.equal({ x: 0, y: 0, width: step(320, 0.01), height: 50 });
    for (let press = 0; press < 20; press++) await painter.press('ArrowRight', { altKey: true, shiftKey: true });
    for (let press = 0; press < 20; press++) await painter.press('ArrowDown', { shiftKey: true });
    expect(painter.painter.rectangle).to.deep.equal({ x: 0, y: 150, width: 320, height: 50 });
  });

  it('drops the rectangle with Escape, and erases it with the eraser in hand', async () => {
    const painter = await mountPainter();
    await painter.press('Enter');
    await painter.press('Escape');
    expect(painter.painter.rectangle).to.equal(undefined);
    expect(painter.painter.canUndo).to.equal(false);
    expect(painter.said()).to.equal(editor.nothingPainted());

    await painter.click('Invert');
    await painter.click('Eraser');
    await painter.press('Enter');
    expect(painter.said()).to.contain(editor.rectangle('38%', '38%', '25%', '25%', true));
    await painter.press('Enter');
    const mask = await painter.mask();
    const inside = (x: number, y: number) => x >= 120 && x < 200 && y >= 75 && y < 125;
    expect(mask.whereWhite((x, y) => !inside(x, y))).to.deep.equal([]);
  });

  it('places the rectangle from its button, the focus going where the arrows work', async () => {
    const painter = await mountPainter();
    const button = painter.button(editor.markRectangle());
    button.focus();
    await painter.click(editor.markRectangle());
    expect(painter.painter.rectangle).to.deep.equal({ x: 120, y: 75, width: 80, height: 50 });
    expect(painter.root.activeElement).to.equal(painter.area);
    expect(button.disabled).to.equal(true);
    await painter.press('ArrowRight');
    expect(painter.painter.rectangle!.x).to.equal(123);
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z on the painting area', async () => {
    const painter = await mountPainter();
    await painter.press('Enter');
    await painter.press('Enter');
    expect(painter.painter.area()).to.be.above(0);
    await painter.press('z', { ctrlKey: true });
    expect(painter.painter.area()).to.equal(0);
    await painter.press('Z', { ctrlKey: true, shiftKey: true });
    expect(painter.painter.area()).to.equal(0.0625);
  });

  it('leaves the arrow keys and Escape to the page while no rectangle is placed', async () => {
    const painter = await mountPainter();
    for (const key of ['ArrowDown', 'Escape']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      painter.area.dispatchEvent(event);
      expect(event.defaultPrevented, key).to.equal(false);
    }
  });
});
