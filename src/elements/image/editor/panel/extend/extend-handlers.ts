import type { ExtendSides } from '../../../../../base/types.js';
import type { ExtensionHandlers } from './extend-template.js';

/** Which way each side grows as the pointer moves: along x or y, outwards positive. */
const GROWS: Record<keyof ExtendSides, readonly [axis: 'x' | 'y', sign: 1 | -1]> = {
  top: ['y', -1],
  right: ['x', 1],
  bottom: ['y', 1],
  left: ['x', -1],
};

/** A drag of one side under way: where it began, and how many pixels of the image a pixel of the screen was then. */
interface Drag {
  side: keyof ExtendSides;
  pointer: number;
  start: number;
  x: number;
  y: number;
  scale: number;
}

/** A side's value as typed: a whole number of pixels, 0 or more, at most `most`; undefined where it is no number. */
function typed(value: string, most = Infinity): number | undefined {
  if (value.trim() === '') return 0;
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(most, Math.max(0, Math.round(number))) : undefined;
}

/**
 * The extension's handlers for an image whose sides `sides()` reads and `change` sets: a field typed (its `name` the
 * side), and an edge dragged by pointer, pen or finger. A drag counts the pointer's way in pixels of the image at the
 * scale the picture had when it began (the picture is drawn again larger as a side grows: its scale then would move
 * the side under the pointer by itself); `most`, where given, the furthest a side may go.
 */
export function extensionHandlers(
  sides: () => ExtendSides,
  change: (sides: ExtendSides) => void,
  most: () => number | undefined,
): ExtensionHandlers {
  let drag: Drag | undefined;
  const set = (side: keyof ExtendSides, value: number) => {
    if (sides()[side] !== value) change({ ...sides(), [side]: value });
  };
  return {
    side(event) {
      const field = event.target as HTMLInputElement;
      const value = typed(field.value, most());
      if (value !== undefined && field.name in GROWS) set(field.name as keyof ExtendSides, value);
    },
    grab(event) {
      const edge = (event.target as Element).closest('[data-side]');
      const picture = edge?.closest('svg');
      const scale = picture?.getScreenCTM()?.a;
      if (!edge || !picture || !scale || event.button > 0) return;
      event.preventDefault();
      const side = edge.getAttribute('data-side') as keyof ExtendSides;
      drag = { side, pointer: event.pointerId, start: sides()[side], x: event.clientX, y: event.clientY, scale };
      picture.setPointerCapture(event.pointerId);
    },
    move(event) {
      if (!drag || event.pointerId !== drag.pointer) return;
      const [axis, sign] = GROWS[drag.side];
      const moved = axis === 'x' ? event.clientX - drag.x : event.clientY - drag.y;
      set(drag.side, Math.min(most() ?? Infinity, Math.max(0, Math.round(drag.start + (sign * moved) / drag.scale))));
    },
    drop(event) {
      if (!drag || event.pointerId !== drag.pointer) return;
      drag = undefined;
      const picture = event.currentTarget as Element;
      if (picture.hasPointerCapture?.(event.pointerId)) picture.releasePointerCapture(event.pointerId);
    },
  };
}
