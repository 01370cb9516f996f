// What counts as painted, decided once (src/base/painted.ts): the painter's overlay and its area, the mask it exports,
// OpenAI's alpha mask and the mask fal and BFL are sent (`maskAt`) read every pixel alike, on an antialiased edge too.
import { expect } from '@open-wc/testing';
import {
  BLACK,
  WHITE,
  binarise,
  byCoverage,
  byLightness,
  byWhite,
  isPainted,
  paintedCount,
} from '../../src/base/painted.js';
import { applyOperation, maskRaster, type MaskPoint } from '../../src/elements/image/editor/panel/view/mask-raster.js';
import { maskAt } from '../../src/images/masks.js';
import { alphaMask } from '../../src/providers/openai/edit-request.js';
import { mountPainter, unmountPainters } from '../support/mask-painter.js';
import { referenceImage } from '../support/images.js';
import { dataUrlOf, pixelsOf } from '../support/png-pixels.js';

afterEach(unmountPainters);

const WIDTH = 320;
const HEIGHT = 200;
const size = { width: WIDTH, height: HEIGHT };

/** Decoded as the bytes say (a data URL's or a blob's). */
const decoded = async (image: string | Blob) =>
  pixelsOf(typeof image === 'string' ? await (await fetch(image)).blob() : image);

/** Which pixels each reader counts as painted, one boolean a pixel. */
async function readings(painter: Awaited<ReturnType<typeof mountPainter>>) {
  const overlay = painter.canvas.getContext('2d')!.getImageData(0, 0, WIDTH, HEIGHT).data;
  const mask = await painter.painter.mask();
  const exported = (await decoded(mask.dataUrl)).data;
  const openai = (await decoded(await alphaMask(mask, referenceImage(WIDTH, HEIGHT)))).data;
  const fillMask = (await decoded((await maskAt(mask, size)).dataUrl)).data;
  const each = (read: (at: number) => boolean) => Array.from({ length: WIDTH * HEIGHT }, (_, index) => read(index * 4));
  return {
    'the painter’s overlay': each((at) => overlay[at + 3]! > 0),
    'the mask it exports': each((at) => exported[at] === 255),
    'OpenAI’s mask (transparent where edited)': each((at) => openai[at + 3] === 0),
    'fal’s and BFL’s mask (white where filled)': each((at) => fillMask[at] === 255),
  };
}

/** The pixels where `reading` differs from `painted` (none where they agree): short to say where they do not. */
const differing = (reading: boolean[], painted: boolean[]) =>
  reading.flatMap((value, index) => (value === painted[index] ? [] : [index])).slice(0, 20);

describe('what counts as painted', () => {
  it('is a level of half or more: 128 is painted, 127 is not', () => {
    expect([0, 126, 127, 128, 129, 255].map(isPainted)).to.deep.equal([false, false, false, true, true, true]);
  });

  it('reads a mask by its white, the painter’s raster by its coverage, a page’s mask by its lightness', () => {
    const pixels = new ImageData(new Uint8ClampedArray([127, 127, 127, 255, 128, 0, 0, 128, 255, 255, 255, 127]), 3);
    expect([0, 4, 8].map((at) => isPainted(byWhite(pixels.data, at)))).to.deep.equal([false, true, true]);
    expect([0, 4, 8].map((at) => isPainted(byCoverage(pixels.data, at)))).to.deep.equal([true, true, false]);
    // Light over what it covers: 127 opaque is not; white at 127 of 255 is not; white at 128 would be.
    expect([0, 4, 8].map((at) => isPainted(byLightness(pixels.data, at)))).to.deep.equal([false, false, false]);
    expect(paintedCount(pixels, byWhite)).to.equal(2);
    expect([...binarise(pixels, byWhite, WHITE, BLACK).data]).to.deep.equal([
      0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it('is the same in the painter’s overlay, its area and every mask sent, on an antialiased stroke’s edge', async () => {
    const painter = await mountPainter({ width: WIDTH, height: HEIGHT });
    const points: MaskPoint[] = [
      [40.3, 60.7],
      [150.6, 121.2],
      [281.1, 90.4],
    ];
    painter.painter.beginStroke(points[0]!);
    for (const point of points.slice(1)) painter.painter.extendStroke(point);
    painter.painter.endStroke();
    await painter.host.updateComplete;
    // The same stroke on a raster of the same size, as the painter replays it: its coverage, antialiased at the edge.
    const { context } = maskRaster({ width: WIDTH, height: HEIGHT });
    const stroke = { kind: 'stroke', mode: 'brush', diameter: painter.painter.brushSize, points } as const;
    applyOperation(context, stroke, { width: WIDTH, height: HEIGHT });
    const coverage = context.getImageData(0, 0, WIDTH, HEIGHT);
    const levels = new Set(Array.from({ length: WIDTH * HEIGHT }, (_, index) => coverage.data[index * 4 + 3]!));
    expect(levels.has(127) && levels.has(128), 'the edge holds 127 and 128, either side of the threshold').to.be.true;
    const painted = Array.from({ length: WIDTH * HEIGHT }, (_, index) => isPainted(coverage.data[index * 4 + 3]!));
    for (const [reader, reading] of Object.entries(await readings(painter)))
      expect(differing(reading, painted), `${reader}: the pixels where it differs`).to.deep.equal([]);
    expect(painter.painter.area() * WIDTH * HEIGHT).to.be.closeTo(paintedCount(coverage, byCoverage), 1e-6);
  });

  it('is the same in the painter and every mask sent for a page’s mask of greys 127 and 128', async () => {
    const painter = await mountPainter({ width: WIDTH, height: HEIGHT });
    // A page's mask: the left half grey 127, the right half grey 128, opaque.
    const given = new ImageData(WIDTH, HEIGHT);
    for (let index = 0; index < WIDTH * HEIGHT; index++) {
      given.data.fill(index % WIDTH < WIDTH / 2 ? 127 : 128, index * 4, index * 4 + 3);
      given.data[index * 4 + 3] = 255;
    }
    painter.painter.paintPicture(given);
    await painter.host.updateComplete;
    const painted = Array.from({ length: WIDTH * HEIGHT }, (_, index) => index % WIDTH >= WIDTH / 2);
    for (const [reader, reading] of Object.entries(await readings(painter)))
      expect(differing(reading, painted), `${reader}: the pixels where it differs`).to.deep.equal([]);
    expect(painter.painter.area()).to.equal(0.5);
    // The same greys sent as they are (a mask handed to the adapters whole): read by the same rule.
    const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
    canvas.getContext('2d')!.putImageData(given, 0, 0);
    const grey = { dataUrl: await dataUrlOf(await canvas.convertToBlob({ type: 'image/png' })), ...size };
    const openai = (await decoded(await alphaMask(grey, referenceImage(WIDTH, HEIGHT)))).data;
    const fillMask = (await decoded((await maskAt(grey, size)).dataUrl)).data;
    const each = (read: (at: number) => boolean) =>
      Array.from({ length: WIDTH * HEIGHT }, (_, index) => read(index * 4));
    expect(
      differing(
        each((at) => openai[at + 3] === 0),
        painted,
      ),
      'OpenAI’s mask of the greys',
    ).to.deep.equal([]);
    expect(
      differing(
        each((at) => fillMask[at] === 255),
        painted,
      ),
      'the fill mask of the greys',
    ).to.deep.equal([]);
  });
});
