/**
 * The image editor's words: the mask painter over the image (its painting area, its tools, what is painted, said in
 * words) and its keyboard way, a rectangle placed and sized with the arrow keys.
 */

export interface EditorStrings {
  /** The painting area's name, where the pointer, a finger or the keyboard paints what the edit is to change. */
  maskLabel(): string;
  /** How to paint, by pointer, touch or keyboard (the keys of mask-painter-handlers.ts). */
  maskInstructions(): string;
  /** The group of the painter's tools. */
  maskTools(): string;
  brush(): string;
  eraser(): string;
  brushSize(): string;
  /** The brush's diameter, in pixels of the image. */
  brushPixels(size: number): string;
  undo(): string;
  redo(): string;
  /** Clear: nothing painted any more. */
  clear(): string;
  /** Invert: what was painted is not, and what was not is. */
  invert(): string;
  /** Places the keyboard's rectangle in the middle of the image, for the arrow keys to move and size. */
  markRectangle(): string;
  /** How much of the image is painted: `share` a percentage in the locale's way ("18%"). */
  painted(share: string): string;
  /** Something is painted, but under one percent of the image. */
  paintedLittle(): string;
  nothingPainted(): string;
  /**
   * The keyboard's rectangle where it stands, each a percentage of the image ("38%"), and what Enter does with it:
   * paints it, or erases it (`erase`, the eraser in hand).
   */
  rectangle(left: string, top: string, width: string, height: string, erase: boolean): string;
}

export const editor: EditorStrings = {
  maskLabel: () => 'Mask: paint what to change',
  maskInstructions: () =>
    'Paint with the pointer or a finger. With the keyboard: Enter places a rectangle, the arrow keys move it (with Shift, ten times as far), Alt (Option on a Mac) with the arrow keys sizes it, Enter paints it (with the eraser: erases it), Escape drops it.',
  maskTools: () => 'Mask tools',
  brush: () => 'Brush',
  eraser: () => 'Eraser',
  brushSize: () => 'Brush size',
  brushPixels: (size) => `${size} pixels`,
  undo: () => 'Undo',
  redo: () => 'Redo',
  clear: () => 'Clear',
  invert: () => 'Invert',
  markRectangle: () => 'Mark a rectangle',
  painted: (share) => `${share} of the image is painted`,
  paintedLittle: () => 'Less than 1% of the image is painted',
  nothingPainted: () => 'Nothing is painted yet: paint what to change',
  rectangle: (left, top, width, height, erase) =>
    `Rectangle ${width} wide and ${height} high, ${left} from the left and ${top} from the top: Enter ${erase ? 'erases' : 'paints'} it, Escape drops it.`,
};
