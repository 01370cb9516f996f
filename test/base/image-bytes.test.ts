// Image bytes in the browser, done in one place: a data URL read from bytes and decoded back (never fetched: a page's
// CSP may forbid it), a 2D canvas of a size, the pixels of an image as drawn, and a PNG of pixels.
import { expect } from '@open-wc/testing';
import {
  base64Blob,
  canvasOf,
  dataUrlBlob,
  dataUrlOf,
  dataUrlType,
  pixelsOf,
  pngOf,
} from '../../src/base/image-bytes.js';

/** A PNG of 4×2: its left half white, its right half black, opaque. */
async function halves(): Promise<Blob> {
  const { canvas, context } = canvasOf({ width: 4, height: 2 });
  context.fillStyle = '#000';
  context.fillRect(0, 0, 4, 2);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 2, 2);
  return canvas.convertToBlob({ type: 'image/png' });
}

describe('image bytes', () => {
  it('reads bytes as a data URL and decodes it back to the same bytes, of its type', async () => {
    const png = await halves();
    const dataUrl = await dataUrlOf(png);
    expect(dataUrl).to.match(/^data:image\/png;base64,/);
    expect(dataUrlType(dataUrl)).to.equal('image/png');
    const back = dataUrlBlob(dataUrl);
    expect(back.type).to.equal('image/png');
    expect([...new Uint8Array(await back.arrayBuffer())]).to.deep.equal([...new Uint8Array(await png.arrayBuffer())]);
  });

  it('names no type where the address is no data URL, and refuses what is not base64', () => {
    expect(dataUrlType('https://example.com/a.png')).to.equal('');
    expect(dataUrlType('data:image/webp;base64,AAAA')).to.equal('image/webp');
    expect(() => base64Blob('not base64!', 'image/png')).to.throw();
    expect(base64Blob('AAEC', 'image/png').size).to.equal(3);
  });

  it('rejects where the browser cannot read the bytes', async () => {
    // A read the browser fails (as it does for a file gone from the disk since it was chosen).
    const reader = FileReader.prototype.readAsDataURL;
    FileReader.prototype.readAsDataURL = function (this: FileReader) {
      this.dispatchEvent(new ProgressEvent('error'));
    };
    try {
      const failure = await dataUrlOf(new Blob(['x'])).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(Error);
    } finally {
      FileReader.prototype.readAsDataURL = reader;
    }
  });

  it('gives a canvas of the size asked, with its 2D context', () => {
    const { canvas, context } = canvasOf({ width: 7, height: 3 }, true);
    expect([canvas.width, canvas.height]).to.deep.equal([7, 3]);
    expect(context.getImageData(0, 0, 7, 3).data.length).to.equal(7 * 3 * 4);
  });

  it('draws an image’s pixels at its own size, or at another without grey where smoothing is off', async () => {
    const own = await pixelsOf(await halves());
    expect([own.width, own.height]).to.deep.equal([4, 2]);
    expect([own.data[0], own.data[3 * 4]]).to.deep.equal([255, 0]);
    const wide = await pixelsOf(await halves(), { size: { width: 16, height: 2 }, smooth: false });
    const reds = Array.from({ length: 16 }, (_, x) => wide.data[x * 4]);
    expect(reds).to.deep.equal([...Array(8).fill(255), ...Array(8).fill(0)]);
  });

  it('writes pixels as a PNG that decodes to them exactly, transparency included', async () => {
    const pixels = new ImageData(new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255]), 3, 1);
    const png = await pngOf(pixels);
    expect(png.type).to.equal('image/png');
    const back = await pixelsOf(png, { exact: true });
    expect([...back.data]).to.deep.equal([...pixels.data]);
  });
});
