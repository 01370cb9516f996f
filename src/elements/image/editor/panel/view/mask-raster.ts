import type { MaskRectangle, MaskSize, MaskTool } from './mask-view.js';

/** A point in pixels of the source image. */
export type MaskPoint = readonly [x: number, y: number];

/**
 * What the user did to the mask, kept as it was done, so that the mask is these replayed in order: undo and redo are
 * exact, and the same operations always export the same mask.
 */
export type MaskOperation =
  | { kind: 'stroke'; mode: MaskTool; diameter: number; points: MaskPoint[] }
  | { kind: 'rectangle'; mode: MaskTool; rectangle: MaskRectangle }
  | { kind: 'invert' }
  | { kind: 'clear' }
  /** A mask given whole (a page's `generate({ edit })`), as the raster holds it: it stands for all painted before. */
  | { kind: 'picture'; coverage: ImageData };

/**
 * A pixel counts as painted where its coverage is at least half: the brush's antialiased edge is painted or not,
 * never grey, and Invert turns exactly the painted pixels into unpainted ones (coverage 255 − a).
 */
const PAINTED = 128;

/** The raster the operations are replayed onto: white where painted (its alpha the coverage), transparent elsewhere. */
export function maskRaster({ width, height }: MaskSize) {
  const canvas = new OffscreenCanvas(width, height);
  // Read after every change (the area), so kept in memory where reading it back is cheap.
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return { canvas, context };
}

/** Paints `operation` onto `context`, a raster of `size`. */
export function applyOperation(
  context: OffscreenCanvasRenderingContext2D,
  operation: MaskOperation,
  { width, height }: MaskSize,
) {
  context.save();
  context.fillStyle = context.strokeStyle = '#fff';
  if (operation.kind === 'clear') context.clearRect(0, 0, width, height);
  else if (operation.kind === 'picture') context.putImageData(operation.coverage, 0, 0);
  else if (operation.kind === 'invert') {
    // Coverage a becomes 1 − a: painted and unpainted change places.
    context.globalCompositeOperation = 'xor';
    context.fillRect(0, 0, width, height);
  } else {
    context.globalCompositeOperation = operation.mode === 'eraser' ? 'destination-out' : 'source-over';
    if (operation.kind === 'rectangle') {
      const { x, y, width: wide, height: high } = operation.rectangle;
      context.fillRect(x, y, wide, high);
    } else strokeOnto(context, operation.points, operation.diameter);
  }
  context.restore();
}

/** A stroke through `points`, round at its ends and corners; a single point is a dot of the brush's size. */
function strokeOnto(context: OffscreenCanvasRenderingContext2D, points: readonly MaskPoint[], diameter: number) {
  const [first, ...rest] = points;
  if (!first) return;
  context.beginPath();
  if (rest.length === 0) {
    context.arc(first[0], first[1], diameter / 2, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.lineWidth = diameter;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.moveTo(first[0], first[1]);
  for (const [x, y] of rest) context.lineTo(x, y);
  context.stroke();
}

/**
 * A black and white mask (white where to change, as the providers take it) as the raster holds what is painted: white,
 * fully covered where the mask is light (opaque and at least half white), uncovered elsewhere.
 */
export function coverageOf({ data, width, height }: ImageData): ImageData {
  const coverage = new ImageData(width, height);
  const pixels = coverage.data;
  for (let at = 0; at < data.length; at += 4) {
    const light = ((data[at]! + data[at + 1]! + data[at + 2]!) / 3) * (data[at + 3]! / 255);
    pixels[at] = pixels[at + 1] = pixels[at + 2] = 255;
    pixels[at + 3] = light >= PAINTED ? 255 : 0;
  }
  return coverage;
}

/** How many pixels of `context`'s raster are painted. */
export function paintedPixels(context: OffscreenCanvasRenderingContext2D, { width, height }: MaskSize) {
  const { data } = context.getImageData(0, 0, width, height);
  let count = 0;
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]! >= PAINTED) count++;
  return count;
}

/** The mask as a PNG of `size`: white (255) where painted, black (0) elsewhere, opaque, nothing in between. */
export async function blackAndWhite(context: OffscreenCanvasRenderingContext2D, size: MaskSize) {
  const { width, height } = size;
  const coverage = context.getImageData(0, 0, width, height).data;
  const image = new ImageData(width, height);
  const pixels = image.data;
  for (let at = 0; at < pixels.length; at += 4) {
    const value = coverage[at + 3]! >= PAINTED ? 255 : 0;
    pixels[at] = pixels[at + 1] = pixels[at + 2] = value;
    pixels[at + 3] = 255;
  }
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** `blob` as a data: URL. */
export const dataUrlOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The mask could not be read.'));
    reader.readAsDataURL(blob);
  });
