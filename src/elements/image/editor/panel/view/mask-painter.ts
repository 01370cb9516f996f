import { dataUrlOf } from '../../../../../base/image-bytes.js';
import {
  applyOperation,
  blackAndWhite,
  coverageOf,
  maskRaster,
  paintedPixels,
  showAsSent,
  strokeBounds,
  type MaskOperation,
  type MaskPoint,
} from './mask-raster.js';
import type { MaskPainterState, MaskRectangle, MaskSize, MaskTool } from './mask-view.js';

export type { MaskPoint } from './mask-raster.js';
export type { MaskPainterState, MaskRectangle, MaskSize, MaskTool } from './mask-view.js';

/** What is painted, shown over the image: the accent colour at this opacity, the image readable through it. */
const TINT = 0.45;

/** One arrow key's step, a share of the image's side (with Shift, `FAR`), in whole pixels, at least one. */
const NEAR = 0.01;
const FAR = 0.1;
const step = (side: number, far: boolean) => Math.max(1, Math.round(side * (far ? FAR : NEAR)));
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The mask of an edit, painted over its source image (`size`, its natural size): brush strokes of a diameter, erased
 * strokes, the keyboard's rectangles, Invert and Clear, kept as operations and replayed onto a raster of the source's
 * size, so that undo and redo are exact and the mask exported is the same for the same operations. `changed` asks
 * the host to draw again; the painter draws its overlay itself onto the canvas it is given (`attach`).
 *
 * The keyboard's rectangle: placed a quarter of the image wide and high, in its middle; an arrow key moves it 1 % of
 * the image's width or height (10 % with Shift), in whole pixels, at least one; Alt with an arrow sizes it by as much
 * (Right and Down grow it, Left and Up shrink it to one step at least), its top left corner kept; it stays inside the
 * image. Committed, it is painted with the tool in hand (the eraser erases it).
 */
export class MaskPainter {
  readonly size: MaskSize;
  /** The brush's bounds, in pixels of the source: fine enough for an edge, wide enough for a sky. */
  readonly minBrushSize: number;
  readonly maxBrushSize: number;
  #tool: MaskTool = 'brush';
  #brushSize: number;
  readonly #done: MaskOperation[] = [];
  readonly #undone: MaskOperation[] = [];
  /** The stroke under the pointer, painted as it goes and kept when the pointer lifts. */
  #stroke?: Extract<MaskOperation, { kind: 'stroke' }>;
  #rectangle?: MaskRectangle;
  readonly #raster: ReturnType<typeof maskRaster>;
  /** The raster as it is sent, each pixel painted or not (`showAsSent`): what the overlay shows. */
  readonly #shown: ReturnType<typeof maskRaster>;
  /** The painted fraction, counted once per kept change: a stroke's share is said when it ends. */
  #area = 0;
  #canvas?: HTMLCanvasElement;
  /** The overlay's next drawing, while a stroke goes on. */
  #frame?: number;
  readonly #changed: () => void;

  constructor(size: MaskSize, changed: () => void) {
    this.size = { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
    const longest = Math.max(this.size.width, this.size.height);
    this.minBrushSize = Math.max(1, Math.round(longest / 200));
    this.maxBrushSize = Math.max(this.minBrushSize, Math.round(longest / 4));
    this.#brushSize = clamp(Math.round(longest / 20), this.minBrushSize, this.maxBrushSize);
    this.#raster = maskRaster(this.size);
    this.#shown = maskRaster(this.size);
    this.#changed = changed;
  }

  get tool() {
    return this.#tool;
  }
  set tool(tool: MaskTool) {
    this.#tool = tool;
    this.#show();
  }

  /** The brush's diameter in pixels of the source, held to its bounds. */
  get brushSize() {
    return this.#brushSize;
  }
  set brushSize(size: number) {
    if (!Number.isFinite(size)) return;
    this.#brushSize = clamp(Math.round(size), this.minBrushSize, this.maxBrushSize);
    this.#show();
  }

  get painted() {
    return this.area() > 0;
  }

  /** The fraction of the image painted, 0 to 1: the share of white pixels in the exported mask. */
  area(): number {
    return this.#area;
  }

  get canUndo() {
    return this.#done.length > 0;
  }
  get canRedo() {
    return this.#undone.length > 0;
  }

  /** The keyboard's rectangle, while placed. */
  get rectangle(): MaskRectangle | undefined {
    return this.#rectangle && { ...this.#rectangle };
  }

  /** What the template draws. */
  view(): MaskPainterState {
    const { size, tool, brushSize, minBrushSize, maxBrushSize, canUndo, canRedo, rectangle } = this;
    return { size, tool, brushSize, minBrushSize, maxBrushSize, area: this.area(), canUndo, canRedo, rectangle };
  }

  undo() {
    const operation = this.#done.pop();
    if (!operation) return;
    this.#undone.push(operation);
    this.#replay();
  }

  redo() {
    const operation = this.#undone.pop();
    if (!operation) return;
    this.#done.push(operation);
    this.#replay();
  }

  /** Nothing painted (undone by Undo); nothing to do where nothing is. */
  clear() {
    if (this.painted) this.#commit({ kind: 'clear' });
  }

  invert() {
    this.#commit({ kind: 'invert' });
  }

  /** A stroke starts at `point` with the tool in hand. */
  beginStroke(point: MaskPoint) {
    this.#stroke = { kind: 'stroke', mode: this.#tool, diameter: this.#brushSize, points: [point] };
    this.#paint(this.#stroke);
    this.#draw();
  }

  /** The stroke goes on to `point`: its new stretch painted at once. */
  extendStroke(point: MaskPoint) {
    const stroke = this.#stroke;
    if (!stroke) return;
    const last = stroke.points[stroke.points.length - 1]!;
    stroke.points.push(point);
    this.#paint({ ...stroke, points: [last, point] });
    // Pointers move faster than screens draw: the overlay once a frame, however many moves it holds.
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#draw();
    });
  }

  /** The pointer lifted: the stroke is kept, and the mask replayed whole, as an export would make it. */
  endStroke() {
    const stroke = this.#stroke;
    this.#stroke = undefined;
    if (stroke) this.#commit(stroke);
  }

  /**
   * A mask given whole, of the source's size (a page's, white where to change): it becomes what is painted, shown and
   * sent as any painting; Undo takes it back.
   */
  paintPicture(mask: ImageData) {
    if (mask.width !== this.size.width || mask.height !== this.size.height) return;
    this.#commit({ kind: 'picture', coverage: coverageOf(mask) });
  }

  /** Places the keyboard's rectangle in the middle of the image (where none is). */
  placeRectangle() {
    if (this.#rectangle) return;
    const { width, height } = this.size;
    const wide = Math.max(1, Math.round(width / 4));
    const high = Math.max(1, Math.round(height / 4));
    this.#rectangle = {
      x: Math.round((width - wide) / 2),
      y: Math.round((height - high) / 2),
      width: wide,
      height: high,
    };
    this.#show();
  }

  /** Moves the rectangle `across` and `down` steps (-1, 0 or 1 each), far with Shift. */
  moveRectangle(across: number, down: number, far = false) {
    const rectangle = this.#rectangle;
    if (!rectangle) return;
    const { width, height } = this.size;
    rectangle.x = clamp(rectangle.x + across * step(width, far), 0, width - rectangle.width);
    rectangle.y = clamp(rectangle.y + down * step(height, far), 0, height - rectangle.height);
    this.#show();
  }

  /** Sizes the rectangle by `across` and `down` steps, its top left corner kept, inside the image. */
  resizeRectangle(across: number, down: number, far = false) {
    const rectangle = this.#rectangle;
    if (!rectangle) return;
    const { width, height } = this.size;
    const least = (side: number) => step(side, false);
    rectangle.width = clamp(rectangle.width + across * step(width, far), least(width), width - rectangle.x);
    rectangle.height = clamp(rectangle.height + down * step(height, far), least(height), height - rectangle.y);
    this.#show();
  }

  /** Paints the rectangle into the mask with the tool in hand (the eraser erases it). */
  commitRectangle() {
    const rectangle = this.#rectangle;
    if (!rectangle) return;
    this.#rectangle = undefined;
    this.#commit({ kind: 'rectangle', mode: this.#tool, rectangle: { ...rectangle } });
  }

  dropRectangle() {
    if (!this.#rectangle) return;
    this.#rectangle = undefined;
    this.#show();
  }

  /**
   * The mask as the providers take it: a PNG of exactly the source's size, white (255) where painted and black (0)
   * elsewhere, nothing in between; as a `Blob` and as a data: URL.
   */
  async mask(): Promise<{ blob: Blob; dataUrl: string; width: number; height: number }> {
    const blob = await blackAndWhite(this.#raster.context, this.size);
    const { width, height } = this.size;
    return { blob, dataUrl: await dataUrlOf(blob), width, height };
  }

  /** The canvas the overlay is drawn onto (the template's, at the source's size); none once it is gone. */
  attach(canvas: HTMLCanvasElement | undefined) {
    if (canvas === this.#canvas) return;
    this.#canvas = canvas;
    this.#draw();
  }

  /** A stretch of the stroke under the pointer painted, and shown as it will be sent where it may have changed. */
  #paint(stretch: Extract<MaskOperation, { kind: 'stroke' }>) {
    applyOperation(this.#raster.context, stretch, this.size);
    showAsSent(this.#raster.context, this.#shown.context, strokeBounds(stretch.points, stretch.diameter, this.size));
  }

  #commit(operation: MaskOperation) {
    this.#done.push(operation);
    this.#undone.length = 0;
    this.#replay();
  }

  /** The raster made again from the operations kept: what undo, redo and every kept change leave. */
  #replay() {
    const { context } = this.#raster;
    context.clearRect(0, 0, this.size.width, this.size.height);
    for (const operation of this.#done) applyOperation(context, operation, this.size);
    showAsSent(context, this.#shown.context, { x: 0, y: 0, ...this.size });
    this.#area = paintedPixels(context, this.size) / (this.size.width * this.size.height);
    this.#show();
  }

  #show() {
    this.#draw();
    this.#changed();
  }

  /** The overlay: what is painted, tinted with the canvas's colour (the accent), and the rectangle's outline. */
  #draw() {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    const canvas = this.#canvas;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const { width, height } = this.size;
    context.save();
    context.globalCompositeOperation = 'copy';
    context.drawImage(this.#shown.canvas, 0, 0);
    context.globalCompositeOperation = 'source-in';
    context.globalAlpha = TINT;
    context.fillStyle = getComputedStyle(canvas).color;
    context.fillRect(0, 0, width, height);
    context.restore();
    if (this.#rectangle) outline(context, canvas, this.size, this.#rectangle);
  }
}

/** The rectangle's outline, two pixels on screen, white under black dashes: seen on any image. */
function outline(
  context: CanvasRenderingContext2D,
  canvas: HTMLCanvasElement,
  size: MaskSize,
  { x, y, width, height }: MaskRectangle,
) {
  const box = canvas.getBoundingClientRect();
  const scale = Math.min(box.width / size.width, box.height / size.height) || 1;
  const line = 2 / scale;
  context.save();
  context.lineWidth = line;
  context.strokeStyle = '#fff';
  context.strokeRect(x + line / 2, y + line / 2, width - line, height - line);
  context.setLineDash([4 / scale, 4 / scale]);
  context.strokeStyle = '#000';
  context.strokeRect(x + line / 2, y + line / 2, width - line, height - line);
  context.restore();
}
