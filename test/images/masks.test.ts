// An edit's mask goes at the size of the image as sent, black and white with nothing between; where the provider takes
// it as advice, its result is laid over the original through it, so that what the user did not paint is the original's.
import { expect } from '@open-wc/testing';
import { FEATHER_PIXELS, laidOver, maskAt } from '../../src/images/masks.js';

/** A PNG data URL of `width`×`height`, `fill` everywhere and `paint` over `rect` (x, y, w, h) where given. */
function png(width: number, height: number, fill: string, paint?: { colour: string; rect: number[] }) {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width, height });
  const context = canvas.getContext('2d')!;
  context.fillStyle = fill;
  context.fillRect(0, 0, width, height);
  if (paint) {
    context.fillStyle = paint.colour;
    context.fillRect(paint.rect[0], paint.rect[1], paint.rect[2], paint.rect[3]);
  }
  return { dataUrl: canvas.toDataURL('image/png'), width, height };
}

/** The RGBA pixels of an image (a data URL or a blob). */
async function pixels(image: Blob | string) {
  const blob = typeof image === 'string' ? await (await fetch(image)).blob() : image;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { data: context.getImageData(0, 0, bitmap.width, bitmap.height).data, width: bitmap.width };
}

describe('an edit’s mask', () => {
  it('is sent at the image’s size as sent, every pixel black or white, white where painted', async () => {
    // Painted: the left half of a 100×60 mask; the image went at 50×30.
    const mask = png(100, 60, '#000', { colour: '#fff', rect: [0, 0, 50, 60] });
    const sent = await maskAt(mask, { width: 50, height: 30 });
    expect([sent.width, sent.height]).to.deep.equal([50, 30]);
    const { data, width } = await pixels(sent.dataUrl);
    for (let index = 0; index < data.length / 4; index++) {
      const value = data[index * 4];
      expect(value === 0 || value === 255, `pixel ${index} is ${value}`).to.be.true;
      expect(data[index * 4 + 3]).to.equal(255);
      expect(value === 255).to.equal(index % width < 25);
    }
  });

  it('is the mask, not the image, when sized by the image as sent (a reference image, with its own pixels)', async () => {
    const mask = png(40, 20, '#000', { colour: '#fff', rect: [0, 0, 10, 20] });
    const image = png(40, 20, '#3a6');
    const sent = await maskAt(mask, image);
    expect(sent.dataUrl).to.not.equal(image.dataUrl);
    const { data } = await pixels(sent.dataUrl);
    expect([data[0], data[(20 * 40 - 1) * 4]]).to.deep.equal([255, 0]);
  });

  it('lays the result over the original: the original outside the feathered edge, the result where painted', async () => {
    const original = png(64, 64, '#204080');
    // The provider repainted everything, as GPT Image does outside its mask.
    const result = await (await fetch(png(64, 64, '#e0c020').dataUrl)).blob();
    const mask = png(64, 64, '#000', { colour: '#fff', rect: [16, 16, 32, 32] });
    const { data, width } = await pixels(await laidOver(original, result, mask));
    const at = (x: number, y: number) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 3));
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        const painted = x >= 16 && x < 48 && y >= 16 && y < 48;
        const far =
          x < 16 - FEATHER_PIXELS || x >= 48 + FEATHER_PIXELS || y < 16 - FEATHER_PIXELS || y >= 48 + FEATHER_PIXELS;
        if (painted) expect(at(x, y), `painted ${x},${y}`).to.deep.equal([0xe0, 0xc0, 0x20]);
        if (far) expect(at(x, y), `kept ${x},${y}`).to.deep.equal([0x20, 0x40, 0x80]);
      }
    }
    // Within the edge, a blend of the two, nearer the result nearer the painted area.
    const [near, further] = [at(15, 32)[0], at(13, 32)[0]];
    expect(near).to.be.above(further);
    expect(further).to.be.above(0x20);
  });
});
