import type { Size } from '../base/types.js';
import type { ReferenceImage } from '../providers/provider.js';

// What the pipeline does with the mask of an edit (SPEC §13) in the browser: sends it at the size of the image as sent,
// black and white with nothing in between (BFL: "Black areas (0%) indicate no modification, while white areas (100%)
// specify areas for inpainting"), and, where the provider treats it as advice (GPT Image repainted half the pixels its
// mask kept: vercel/ai#14360), lays the provider's result over the original through it, so that what the user did not
// paint is the original's, pixel for pixel, but for a feathered edge.

/** How far the painted area's edge is feathered when a result is laid over the original, in pixels of the result. */
export const FEATHER_PIXELS = 4;

/** The bytes of a `data:` URL (decoded here: a page's CSP may forbid fetching `data:` URLs). */
function bytesOf(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const type = dataUrl.slice(5, dataUrl.indexOf(';'));
  return new Blob([Uint8Array.from(atob(dataUrl.slice(comma + 1)), (c) => c.charCodeAt(0))], { type });
}

/** The `data:` URL of `blob`. */
const dataUrlOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The mask could not be read'));
    reader.readAsDataURL(blob);
  });

/** A 2D context of a new canvas of `size` (a new canvas always gives its first one). */
function canvasOf({ width, height }: Size) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('A new canvas gave no 2D context');
  return { canvas, context };
}

/** The pixels of `image` drawn at `size` (smoothing off: no grey made where a mask's edge is scaled). */
async function pixelsOf(image: Blob, size: Size, smooth: boolean): Promise<ImageData> {
  const bitmap = await createImageBitmap(image);
  const { context } = canvasOf(size);
  context.imageSmoothingEnabled = smooth;
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  return context.getImageData(0, 0, size.width, size.height);
}

/** Whether a mask's pixel is painted: white, as the painter makes it (its red channel past half). */
const paintedAt = (data: Uint8ClampedArray, index: number) => data[index * 4] >= 128;

/**
 * The mask at `size` (the image's size as it is sent): a PNG, 255 where painted and 0 elsewhere, every pixel one or
 * the other, whatever scaling the size took.
 */
export async function maskAt(mask: ReferenceImage, size: Size): Promise<ReferenceImage> {
  const pixels = await pixelsOf(bytesOf(mask.dataUrl), size, false);
  const { data } = pixels;
  for (let index = 0; index < data.length / 4; index++) {
    const value = paintedAt(data, index) ? 255 : 0;
    data.set([value, value, value, 255], index * 4);
  }
  const { canvas, context } = canvasOf(size);
  context.putImageData(pixels, 0, 0);
  const { width, height } = size;
  return { dataUrl: await dataUrlOf(await canvas.convertToBlob({ type: 'image/png' })), width, height };
}

/**
 * How much of the result each pixel takes (0–1): 1 where painted, falling to 0 over `FEATHER_PIXELS` outside it, 0
 * beyond, so that nothing the user did not paint changes further than the feathered edge.
 */
function weights(painted: (index: number) => boolean, { width, height }: Size): Float32Array {
  const weight = new Float32Array(width * height);
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!painted(y * width + x)) continue;
      weight[y * width + x] = 1;
      // Only the painted area's edge feathers outward: a pixel inside it reaches nothing its neighbours do not.
      const edge = [-1, 1].some(
        (d) => (inside(x + d, y) && !painted(y * width + x + d)) || (inside(x, y + d) && !painted((y + d) * width + x)),
      );
      if (!edge) continue;
      for (let dy = -FEATHER_PIXELS; dy <= FEATHER_PIXELS; dy++) {
        for (let dx = -FEATHER_PIXELS; dx <= FEATHER_PIXELS; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          const distance = Math.hypot(dx, dy);
          if (!inside(nx, ny) || distance > FEATHER_PIXELS || painted(ny * width + nx)) continue;
          const index = ny * width + nx;
          weight[index] = Math.max(weight[index], 1 - distance / (FEATHER_PIXELS + 1));
        }
      }
    }
  }
  return weight;
}

/**
 * The provider's `result` laid over the `original` through `mask` (all three drawn at the result's size): the result
 * where painted, the original elsewhere, blended over a feathered edge. A PNG.
 */
export async function laidOver(original: ReferenceImage, result: Blob, mask: ReferenceImage): Promise<Blob> {
  const bitmap = await createImageBitmap(result);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  const [made, kept, painted] = await Promise.all([
    pixelsOf(result, size, true),
    pixelsOf(bytesOf(original.dataUrl), size, true),
    pixelsOf(bytesOf(mask.dataUrl), size, false),
  ]);
  const weight = weights((index) => paintedAt(painted.data, index), size);
  const out = kept.data;
  for (let index = 0; index < weight.length; index++) {
    const share = weight[index];
    if (!share) continue;
    for (let channel = 0; channel < 4; channel++) {
      const at = index * 4 + channel;
      out[at] = Math.round(made.data[at] * share + out[at] * (1 - share));
    }
  }
  const { canvas, context } = canvasOf(size);
  context.putImageData(kept, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}
