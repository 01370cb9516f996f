import { canvasOf, pngOf } from '../../../../../base/image-bytes.js';
import {
  BLACK,
  WHITE,
  binarise,
  byCoverage,
  byLightness,
  paintedCount,
  type Rgba,
} from '../../../../../base/painted.js';
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

/** Where the raster holds nothing painted: white, uncovered. */
const UNCOVERED: Rgba = [255, 255, 255, 0];

/** The raster the operations are replayed onto: white where painted (its alpha the coverage), transparent elsewhere. */
export function maskRaster({ width, height }: MaskSize) {
  // Read after every change (the area), so kept in memory where reading it back is cheap.
  return canvasOf({ width, height }, true);
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
 * fully covered where the mask is light (opaque and at least half white: `byLightness`), uncovered elsewhere.
 */
export function coverageOf({ data, width, height }: ImageData): ImageData {
  return binarise(new ImageData(new Uint8ClampedArray(data), width, height), byLightness, WHITE, UNCOVERED);
}

/**
 * Where a stroke of `points` at `diameter` may have changed the raster (its antialiased edge included): a rectangle
 * of whole pixels, inside the raster of `size`.
 */
export function strokeBounds(points: readonly MaskPoint[], diameter: number, { width, height }: MaskSize) {
  const reach = diameter / 2 + 2;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const x = Math.max(0, Math.floor(Math.min(...xs) - reach));
  const y = Math.max(0, Math.floor(Math.min(...ys) - reach));
  const right = Math.min(width, Math.ceil(Math.max(...xs) + reach));
  const bottom = Math.min(height, Math.ceil(Math.max(...ys) + reach));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * `shown` made, over `region`, what the raster will be sent as there: white, fully covered where painted, uncovered
 * elsewhere; so that what the painter shows is what the providers are sent, pixel for pixel.
 */
export function showAsSent(
  raster: OffscreenCanvasRenderingContext2D,
  shown: OffscreenCanvasRenderingContext2D,
  { x, y, width, height }: MaskRectangle,
) {
  if (width < 1 || height < 1) return;
  shown.putImageData(binarise(raster.getImageData(x, y, width, height), byCoverage, WHITE, UNCOVERED), x, y);
}

/** How many pixels of `context`'s raster are painted. */
export function paintedPixels(context: OffscreenCanvasRenderingContext2D, { width, height }: MaskSize) {
  return paintedCount(context.getImageData(0, 0, width, height), byCoverage);
}

/** The mask as a PNG of `size`: white (255) where painted, black (0) elsewhere, opaque, nothing in between. */
export function blackAndWhite(context: OffscreenCanvasRenderingContext2D, { width, height }: MaskSize) {
  return pngOf(binarise(context.getImageData(0, 0, width, height), byCoverage, WHITE, BLACK));
}
