// PNGs made and read pixel by pixel in the browser, for the tests of masks: a mask painted by a rule, the pixels of an
// image as decoded (no colour conversion, alpha as it is), and a PNG written byte by byte where a test needs one of a
// given colour type (an opaque RGB mask, which a canvas may not write).

/**
 * A mask as the widget hands one to a provider (`ProviderEdit.mask`): a PNG data URL of `width`×`height`, white (255)
 * where `painted(x, y)`, black (0) elsewhere.
 */
export async function paintedMask(width: number, height: number, painted: (x: number, y: number) => boolean) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      pixels.data.fill(painted(x, y) ? 255 : 0, at, at + 3);
      pixels.data[at + 3] = 255;
    }
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { dataUrl: await dataUrlOf(blob), width, height };
}

/** A Blob as a `data:` URL. */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** An image's pixels (RGBA, rows top to bottom), decoded as they are: alpha not premultiplied, no colour conversion. */
export async function pixelsOf(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A PNG of `width`×`height`, 8 bits per sample, of `colourType` (0 grey, 2 RGB, 4 grey and alpha, 6 RGBA), every pixel
 * `pixel` (one value per sample), written byte by byte (zlib by the browser's CompressionStream).
 */
export async function pngOfType(width: number, height: number, colourType: 0 | 2 | 4 | 6, pixel: number[]) {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, colourType, 0, 0, 0], 8);
  const row = [0, ...Array.from({ length: width }, () => pixel).flat()]; // filter 0 ("None") on each row
  const raw = new Uint8Array(Array.from({ length: height }, () => row).flat());
  const zlib = new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'));
  const data = new Uint8Array(await new Response(zlib).arrayBuffer());
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', new Uint8Array())];
  return new Blob(parts, { type: 'image/png' });
}

/**
 * A PNG given as raw base64 (as BFL takes it), decoded by the browser: its size, the distinct levels of its red channel
 * (a mask's are 0 and 255), how many pixels are white, and the red level at (x, y).
 */
export async function base64Png(raw: string) {
  const bytes = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const levels = new Set<number>();
  let white = 0;
  for (let i = 0; i < data.length; i += 4) {
    levels.add(data[i]);
    if (data[i] === 255) white++;
  }
  const at = (x: number, y: number) => data[(y * bitmap.width + x) * 4];
  return { width: bitmap.width, height: bitmap.height, levels: [...levels].sort((a, b) => a - b), white, at };
}
