/** What the mask painter draws from (mask-painter-template.ts), as its painter (mask-painter.ts) says it. */

/** The source image's natural size, in pixels: the mask's size. */
export interface MaskSize {
  width: number;
  height: number;
}

/** Paint, or take paint away. */
export type MaskTool = 'brush' | 'eraser';

/** The keyboard's rectangle, in whole pixels of the source image. */
export interface MaskRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The painter's state as its template shows it: plain values, read once per render. */
export interface MaskPainterState {
  size: MaskSize;
  tool: MaskTool;
  /** The brush's diameter in pixels of the source, and the slider's bounds. */
  brushSize: number;
  minBrushSize: number;
  maxBrushSize: number;
  /** The fraction of the image painted, 0 to 1, as the exported mask holds it. */
  area: number;
  canUndo: boolean;
  canRedo: boolean;
  /** The keyboard's rectangle, while it is placed and not yet painted. */
  rectangle?: MaskRectangle;
}
