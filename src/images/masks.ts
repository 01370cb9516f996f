import { dataUrlBlob, dataUrlOf, pixelsOf, pngOf } from '../base/image-bytes.js';
import { BLACK, WHITE, binarise, byWhite, isPainted } from '../base/painted.js';
import type { Size } from '../base/types.js';
import type { ReferenceImage } from '../providers/provider.js';

// What the pipeline does with the mask of an edit (SPEC §13) in the browser: sends it at the size of the image as sent,
// black and white with nothing in between (BFL: "Black areas (0%) indicate no modification, while white areas (100%)
// specify areas for inpainting"), and, where the provider treats it as advice (GPT Image repainted half the pixels its
// mask kept: vercel/ai#14360), lays the provider's result over the original through it, so that what the user did not
// paint is the original's, pixel for pixel, but for a feathered edge.

/** How far the painted area's edge is feathered when a result is laid over the original, in pixels of the result. */
export const FEATHER_PIXELS = 4;

/**
 * The mask at `size` (the image's size as it is sent): a PNG, 255 where painted and 0 elsewhere, every pixel one or
 * the other, whatever scaling the size took.
 */
export async function maskAt(mask: ReferenceImage, size: Size): Promise<ReferenceImage> {
  // Smoothing off: no grey is made where the mask's edge is scaled.
  const pixels = await pixelsOf(dataUrlBlob(mask.dataUrl), { size, smooth: false });
  const png = await pngOf(binarise(pixels, byWhite, WHITE, BLACK));
  const { width, height } = size;
  return { dataUrl: await dataUrlOf(png), width, height };
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
    pixelsOf(result, { size }),
    pixelsOf(dataUrlBlob(original.dataUrl), { size }),
    pixelsOf(dataUrlBlob(mask.dataUrl), { size, smooth: false }),
  ]);
  const weight = weights((index) => isPainted(byWhite(painted.data, index * 4)), size);
  const out = kept.data;
  for (let index = 0; index < weight.length; index++) {
    const share = weight[index];
    if (!share) continue;
    for (let channel = 0; channel < 4; channel++) {
      const at = index * 4 + channel;
      out[at] = Math.round(made.data[at] * share + out[at] * (1 - share));
    }
  }
  return pngOf(kept);
}
