// What counts as painted in a mask, decided once: the painter's area and the mask it exports, the mask sent at the
// image's size (fal, BFL), OpenAI's alpha mask and the result laid over the original all read a pixel by this, so
// that what the user sees painted and what each provider is sent agree pixel for pixel.

/**
 * A pixel counts as painted where its level (0–255: the brush's coverage, a mask's white) is at least half: the
 * brush's antialiased edge is painted or not, never grey, and Invert turns exactly the painted pixels into unpainted
 * ones (coverage 255 − a).
 */
const PAINTED = 128;

/** Whether a pixel of this level (0–255) counts as painted. */
export const isPainted = (level: number) => level >= PAINTED;

/** How painted a pixel is (0–255), read from a mask's pixels at its first byte `at`. */
export type LevelOf = (data: Uint8ClampedArray, at: number) => number;

/** A mask in black and white, as the widget hands one on: its white (the red channel, all three being equal). */
export const byWhite: LevelOf = (data, at) => data[at];
/** The painter's raster: its coverage (the alpha channel; what is painted is white). */
export const byCoverage: LevelOf = (data, at) => data[at + 3];
/** A mask a page gives, of any colours: how light it is, over what it covers (white opaque is fully painted). */
export const byLightness: LevelOf = (data, at) => ((data[at] + data[at + 1] + data[at + 2]) / 3) * (data[at + 3] / 255);

/** A colour of a mask's pixel: red, green, blue, alpha (0–255 each). */
export type Rgba = readonly [number, number, number, number];
export const WHITE: Rgba = [255, 255, 255, 255];
export const BLACK: Rgba = [0, 0, 0, 255];

/**
 * `pixels`, each made `painted` or `kept` as its level counts (changed in place, and returned): a mask with nothing in
 * between.
 */
export function binarise(pixels: ImageData, levelOf: LevelOf, painted: Rgba, kept: Rgba): ImageData {
  const { data } = pixels;
  for (let at = 0; at < data.length; at += 4) data.set(isPainted(levelOf(data, at)) ? painted : kept, at);
  return pixels;
}

/** How many of `pixels` count as painted. */
export function paintedCount({ data }: ImageData, levelOf: LevelOf): number {
  let count = 0;
  for (let at = 0; at < data.length; at += 4) if (isPainted(levelOf(data, at))) count++;
  return count;
}
