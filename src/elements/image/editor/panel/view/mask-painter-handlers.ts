import type { MaskPainter, MaskPoint, MaskSize } from './mask-painter.js';
import type { MaskPainterHandlers } from './mask-painter-template.js';
import { valueOf } from '../../../../shared/fields.js';

/** An arrow key's direction: steps across and down. */
const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Where `event` is over `canvas`, in pixels of the source (`size`): the canvas is fitted to its box as the image is
 * (object-fit: contain), so the image's box is the largest of its shape inside, centred, letterboxed on two sides.
 */
export function sourcePoint(canvas: Element, size: MaskSize, event: { clientX: number; clientY: number }): MaskPoint {
  const box = canvas.getBoundingClientRect();
  const scale = Math.min(box.width / size.width, box.height / size.height) || 1;
  const left = box.left + (box.width - size.width * scale) / 2;
  const top = box.top + (box.height - size.height * scale) / 2;
  return [(event.clientX - left) / scale, (event.clientY - top) / scale];
}

/**
 * What a key does on the painting area (the instructions say it: strings/image/editor.ts): Enter places the
 * rectangle, then paints it; the arrows move it (Shift: ten times as far), Alt (Option) with them sizes it; Escape
 * drops it; Ctrl or ⌘ with Z undoes, with Shift (or Y) redoes. Whether the key was the painter's.
 */
export function paintingKey(painter: MaskPainter, event: KeyboardEvent): boolean {
  const command = event.ctrlKey || event.metaKey;
  if (command && (event.key === 'z' || event.key === 'Z')) {
    if (event.shiftKey) painter.redo();
    else painter.undo();
    return true;
  }
  if (command && (event.key === 'y' || event.key === 'Y')) {
    painter.redo();
    return true;
  }
  if (command) return false;
  if (event.key === 'Enter') {
    if (painter.rectangle) painter.commitRectangle();
    else painter.placeRectangle();
    return true;
  }
  if (!painter.rectangle) return false;
  if (event.key === 'Escape') {
    painter.dropRectangle();
    return true;
  }
  const arrow = ARROWS[event.key];
  if (!arrow) return false;
  if (event.altKey) painter.resizeRectangle(arrow[0], arrow[1], event.shiftKey);
  else painter.moveRectangle(arrow[0], arrow[1], event.shiftKey);
  return true;
}

/** The painter's handlers: pointer and touch strokes on its canvas, its keys, its tools. */
export function maskPainterHandlers(painter: MaskPainter): MaskPainterHandlers {
  /** The pointer painting (one at a time: a second finger does not paint). */
  let pointer: number | undefined;
  /** Where `event` is on `canvas` (a coalesced event has no target of its own: its dispatched one's is given). */
  const at = (event: PointerEvent, canvas = event.currentTarget as Element) => sourcePoint(canvas, painter.size, event);
  return {
    canvas: (element) => painter.attach(element instanceof HTMLCanvasElement ? element : undefined),
    pointerDown: (event) => {
      if (pointer !== undefined || (event.pointerType === 'mouse' && event.button !== 0)) return;
      pointer = event.pointerId;
      // The stroke goes on where the pointer leaves the canvas, and ends where it lifts, wherever that is.
      try {
        (event.currentTarget as Element).setPointerCapture(event.pointerId);
      } catch {
        // A pointer the browser no longer knows (lifted already): the stroke ends at its pointerup, if any.
      }
      painter.beginStroke(at(event));
    },
    pointerMove: (event) => {
      if (event.pointerId !== pointer) return;
      const events = event.getCoalescedEvents?.() ?? [];
      const canvas = event.currentTarget as Element;
      for (const each of events.length > 0 ? events : [event]) painter.extendStroke(at(each, canvas));
    },
    pointerUp: (event) => {
      if (event.pointerId !== pointer) return;
      pointer = undefined;
      painter.endStroke();
    },
    keyDown: (event) => {
      if (paintingKey(painter, event)) event.preventDefault();
    },
    brush: () => (painter.tool = 'brush'),
    eraser: () => (painter.tool = 'eraser'),
    brushSize: (event) => (painter.brushSize = Number(valueOf(event))),
    undo: () => painter.undo(),
    redo: () => painter.redo(),
    clear: () => painter.clear(),
    invert: () => painter.invert(),
    // The rectangle is moved with the arrow keys: the focus goes to the painting area, where they work.
    markRectangle: (event) => {
      painter.placeRectangle();
      const area = (event.currentTarget as Element).closest('.mask-painter')?.querySelector<HTMLElement>('.mask-area');
      area?.focus();
    },
  };
}
