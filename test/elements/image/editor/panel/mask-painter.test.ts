// Holds: src/elements/image/editor/panel/view/mask-painter.ts
// Holds: src/elements/image/editor/panel/view/mask-raster.ts
// Holds: src/elements/image/editor/panel/view/mask-painter-handlers.ts
// Holds: src/elements/image/editor/panel/view/mask-painter-template.ts
// Holds: src/elements/image/editor/panel/view/mask-painter.styles.ts
// Holds: src/strings/image/editor.ts
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { editor } from '../../../../../src/strings/image/editor.js';
import { mountPainter, unmountPainters } from '../../../../support/mask-painter.js';

afterEach(unmountPainters);

/** The distance from (x, y) to the segment from a to b. */
function fromSegment(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

describe('the mask painter', () => {
  it('paints along a real mouse stroke, whose moves the browser coalesces', async () => {
    const painter = await mountPainter(); // 320 × 200 shown at 640 × 400
    const at = (x: number, y: number): [number, number] => {
      const { clientX, clientY } = painter.client(x, y);
      return [Math.round(clientX), Math.round(clientY)];
    };
    await sendMouse({ type: 'move', position: at(40, 60) });
    await sendMouse({ type: 'down' });
    for (const x of [80, 120, 160, 200, 240]) await sendMouse({ type: 'move', position: at(x, 60) });
    await sendMouse({ type: 'up' });
    await painter.host.updateComplete;
    const mask = await painter.mask();
    for (const x of [40, 100, 160, 240]) expect(mask.at(x, 60), `${x},60`).to.equal(255);
    expect(mask.at(160, 150)).to.equal(0);
  });

  it('paints the pixels under a pointer stroke, white on black at the source size, nothing grey', async () => {
    const painter = await mountPainter(); // 320 × 200 shown at 640 × 400
    expect(painter.painter.brushSize).to.equal(16);
    await painter.stroke([
      [40, 100],
      [160, 100],
      [280, 100],
    ]);
    const mask = await painter.mask();
    expect([mask.width, mask.height, mask.decodedWidth, mask.decodedHeight]).to.deep.equal([320, 200, 320, 200]);
    expect(mask.dataUrl).to.match(/^data:image\/png;base64,/);
    expect(mask.values).to.deep.equal([0, 255]);
    for (const x of [40, 100, 160, 220, 280])
      for (const y of [94, 100, 106]) expect(mask.at(x, y), `${x},${y}`).to.equal(255);
    for (const [x, y] of [
      [160, 20],
      [160, 180],
      [10, 100],
      [310, 100],
      [160, 111],
      [160, 89],
    ] as const)
      expect(mask.at(x, y), `${x},${y}`).to.equal(0);
    // Every pixel is white within the brush's radius of the stroke and black beyond it, the edge's pixel aside.
    const wrong = mask.whereWhite((x, y) => fromSegment(x + 0.5, y + 0.5, [40, 100], [280, 100]) <= 8);
    expect(wrong.length).to.be.below(60); // of 64 000: only pixels the edge cuts through may fall either way
    expect(painter.painter.area()).to.equal(mask.whiteShare);
    expect(painter.painter.painted).to.equal(true);
  });

  it('maps the pointer through the letterboxing of an image fitted to a box of another shape', async () => {
    // 320 × 200 in 640 × 640: shown 640 × 400, 120 px of box above and below it.
    const painter = await mountPainter({ box: [640, 640] });
    await painter.stroke([[50, 30]]);
    const mask = await painter.mask();
    expect(mask.at(50, 30)).to.equal(255);
    expect(mask.at(50, 30 + 30)).to.equal(0); // where an unletterboxed mapping would have put it
    expect(mask.whereWhite((x, y) => Math.hypot(x + 0.5 - 50, y + 0.5 - 30) <= 8).length).to.be.below(30);
    // And pillarboxed: 320 × 200 in 800 × 400, 80 px of box left and right of it.
    unmountPainters();
    const wide = await mountPainter({ box: [800, 400] });
    await wide.stroke([[300, 180]]);
    const wideMask = await wide.mask();
    expect(wideMask.at(300, 180)).to.equal(255);
    expect(wideMask.at(260, 180)).to.equal(0);
  });

  it('paints with a finger as with a mouse', async () => {
    const painter = await mountPainter();
    await painter.stroke(
      [
        [100, 50],
        [100, 150],
      ],
      'touch',
    );
    const mask = await painter.mask();
    expect([mask.at(100, 50), mask.at(100, 100), mask.at(100, 150)]).to.deep.equal([255, 255, 255]);
    expect(mask.at(200, 100)).to.equal(0);
    expect(getComputedStyle(painter.canvas).touchAction).to.equal('none');
  });

  it('erases with the eraser, at the size the slider sets', async () => {
    const painter = await mountPainter();
    await painter.stroke([
      [40, 100],
      [280, 100],
    ]);
    await painter.click('Eraser');
    const slider = painter.root.querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await painter.host.updateComplete;
    expect(painter.painter.brushSize).to.equal(40);
    expect(slider.getAttribute('aria-valuetext')).to.equal(editor.brushPixels(40));
    await painter.stroke([[160, 100]]);
    const mask = await painter.mask();
    expect(mask.at(160, 100)).to.equal(0);
    expect(mask.at(145, 100)).to.equal(0);
    expect(mask.at(100, 100)).to.equal(255);
    expect(mask.values).to.deep.equal([0, 255]);
  });

  it('undoes and redoes each change exactly, and says the painted share when a stroke ends', async () => {
    const painter = await mountPainter();
    expect(painter.said()).to.equal(editor.nothingPainted());
    await painter.stroke([
      [40, 50],
      [280, 50],
    ]);
    const one = await painter.mask();
    expect(painter.said()).to.equal(editor.painted(`${Math.round(one.whiteShare * 100)}%`));
    await painter.stroke([
      [40, 150],
      [280, 150],
    ]);
    const two = await painter.mask();
    expect(two.whiteShare).to.be.above(one.whiteShare);
    await painter.click('Undo');
    expect((await painter.mask()).dataUrl).to.equal(one.dataUrl);
    expect(painter.painter.canRedo).to.equal(true);
    await painter.click('Redo');
    expect((await painter.mask()).dataUrl).to.equal(two.dataUrl);
    expect(painter.said()).to.equal(editor.painted(`${Math.round(two.whiteShare * 100)}%`));
    await painter.click('Undo');
    await painter.click('Undo');
    expect((await painter.mask()).values).to.deep.equal([0]);
    expect(painter.said()).to.equal(editor.nothingPainted());
    // A new change after Undo: nothing left to redo.
    await painter.click('Redo');
    await painter.stroke([[10, 10]]);
    expect(painter.painter.canRedo).to.equal(false);
  });

  it('clears, and inverts what is painted into what is not', async () => {
    const painter = await mountPainter();
    await painter.click('Invert');
    const all = await painter.mask();
    expect(all.values).to.deep.equal([255]);
    expect(all.whiteShare).to.equal(1);
    expect(painter.painter.area()).to.equal(1);
    expect(painter.said()).to.equal(editor.painted('100%'));
    await painter.click('Clear');
    expect((await painter.mask()).whiteShare).to.equal(0);
    expect(painter.button('Clear').disabled).to.equal(true);
    await painter.click('Undo');
    expect((await painter.mask()).whiteShare).to.equal(1);

    await painter.click('Clear');
    await painter.stroke([
      [40, 100],
      [280, 100],
    ]);
    const painted = await painter.mask();
    await painter.click('Invert');
    const inverted = await painter.mask();
    expect(inverted.values).to.deep.equal([0, 255]);
    expect(inverted.whereWhite((x, y) => painted.at(x, y) === 0)).to.deep.equal([]);
    expect(painter.painter.area()).to.equal(inverted.whiteShare);
    expect(inverted.whiteShare).to.be.closeTo(1 - painted.whiteShare, 1e-9);
  });

  it('says the painted share once the stroke ends, not as it goes', async () => {
    const painter = await mountPainter();
    const { canvas } = painter;
    const box = canvas.getBoundingClientRect();
    const init = { bubbles: true, pointerId: 3, pointerType: 'pen', button: 0, clientY: box.top + 200 };
    canvas.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: box.left + 100 }));
    canvas.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: box.left + 500 }));
    await painter.host.updateComplete;
    expect(painter.said()).to.equal(editor.nothingPainted());
    expect(painter.painter.area()).to.equal(0);
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: box.left + 500 }));
    await painter.host.updateComplete;
    expect(painter.painter.area()).to.be.above(0);
    expect(painter.said()).to.equal(editor.painted(`${Math.round(painter.painter.area() * 100)}%`));
  });

  it('says a sliver of paint as under one percent', async () => {
    const painter = await mountPainter({ width: 1000, height: 1000, box: [500, 500] });
    painter.painter.brushSize = painter.painter.minBrushSize;
    await painter.stroke([[500, 500]]);
    expect(painter.painter.area()).to.be.above(0).and.below(0.005);
    expect(painter.said()).to.equal(editor.paintedLittle());
  });

  it('draws what is painted as a tint over the image, at the source size and the same box', async () => {
    const painter = await mountPainter({ box: [640, 640] });
    expect([painter.canvas.width, painter.canvas.height]).to.deep.equal([320, 200]);
    const image = painter.root.querySelector('img')!;
    expect(getComputedStyle(image).objectFit).to.equal('contain');
    expect(getComputedStyle(painter.canvas).objectFit).to.equal('contain');
    expect(JSON.stringify(image.getBoundingClientRect())).to.equal(
      JSON.stringify(painter.canvas.getBoundingClientRect()),
    );
    await painter.stroke([[160, 100]]);
    const [red, green, blue, alpha] = painter.canvas.getContext('2d')!.getImageData(160, 100, 1, 1).data;
    const accent = getComputedStyle(painter.canvas).color.match(/\d+/g)!.map(Number);
    // The accent, but for the rounding of a colour stored premultiplied by its opacity.
    [red, green, blue].forEach((channel, index) => expect(channel).to.be.closeTo(accent[index]!, 2));
    expect(alpha).to.be.closeTo(0.45 * 255, 2);
    expect(painter.canvas.getContext('2d')!.getImageData(10, 10, 1, 1).data[3]).to.equal(0);
    // In the dark scheme, the dark accent (#a5b4fc), so that the tint shows on either.
    painter.host.style.colorScheme = 'dark';
    await painter.stroke([[60, 60]]);
    const dark = [...painter.canvas.getContext('2d')!.getImageData(60, 60, 1, 1).data];
    [0xa5, 0xb4, 0xfc].forEach((channel, index) => expect(dark[index]).to.be.closeTo(channel, 2));
    // The keyboard's rectangle, while placed, is outlined (opaque), its inside left as it was.
    await painter.press('Enter');
    const pixel = (x: number, y: number) => [...painter.canvas.getContext('2d')!.getImageData(x, y, 1, 1).data];
    expect(pixel(120, 75)[3]).to.equal(255);
    expect(pixel(199, 124)[3]).to.equal(255);
    expect(pixel(130, 120)[3]).to.equal(0);
    await painter.press('Escape');
    expect(pixel(120, 75)[3]).to.equal(0);
  });
});
