import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { editor, type EditorStrings } from '../../../../../strings/image/editor.js';
import { wordsIn } from '../../../../../strings/strings.js';
import { cssProperties, ratioOf } from '../../../../shared/css-properties.js';
import type { Spoken } from '../../../../shared/language-controller.js';
import type { MaskPainterState, MaskRectangle } from './mask-view.js';

// The styles of what this draws, kept beside it, where the editor's part takes them with its templates.
export { maskPainterStyles } from './mask-painter.styles.js';

/** The mask painter over the image `src` (described by `alt`, where it has words), as its painter's `view()` says. */
export interface MaskPainterView extends Spoken {
  src: string;
  alt?: string;
  painter: MaskPainterState;
}

/** What the painter's controls do (mask-painter-handlers.ts makes them for a painter). */
export interface MaskPainterHandlers {
  /** The overlay's canvas, given to the painter to draw onto (a `ref`), and taken back when it goes. */
  canvas(element?: Element): void;
  pointerDown(event: PointerEvent): void;
  pointerMove(event: PointerEvent): void;
  /** The pointer lifted, or the browser took it (pointercancel): the stroke ends. */
  pointerUp(event: PointerEvent): void;
  keyDown(event: KeyboardEvent): void;
  brush(): void;
  eraser(): void;
  brushSize(event: Event): void;
  undo(): void;
  redo(): void;
  clear(): void;
  invert(): void;
  markRectangle(event: Event): void;
}

/** A fraction as a whole percentage, the locale's way ("18%", "18 %"). */
const percent = (fraction: number, locale?: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

/** How much is painted, in words: said politely as it changes (once a stroke ends, not as it goes). */
function paintedWords(text: EditorStrings, area: number, locale?: string) {
  if (area === 0) return text.nothingPainted();
  return area < 0.005 ? text.paintedLittle() : text.painted(percent(area, locale));
}

/** Where the keyboard's rectangle stands, in shares of the image, and what Enter will do with it. */
function rectangleWords(text: EditorStrings, view: MaskPainterView, rectangle: MaskRectangle) {
  const { size, tool } = view.painter;
  const share = (value: number, side: number) => percent(value / side, view.locale);
  return text.rectangle(
    share(rectangle.x, size.width),
    share(rectangle.y, size.height),
    share(rectangle.width, size.width),
    share(rectangle.height, size.height),
    tool === 'eraser',
  );
}

/**
 * The mask painter: the image, large and fitted to its place, the painted area tinted over it, and its tools.
 *
 * The painting area is at the image's shape, set through the CSSOM (`cssProperties`), never in a `style` attribute, which
 * a strict Content-Security-Policy refuses.
 *
 * Parts: `mask`, the painting area (the image and its overlay, focusable: the keyboard's way to paint);
 * `mask-tools`, the painter's tools (brush, eraser, brush size, undo, redo, clear, invert, the keyboard's rectangle).
 */
export function renderMaskPainter(view: MaskPainterView, on: MaskPainterHandlers) {
  const text = wordsIn(view.translation, 'editor', editor);
  const { painter } = view;
  return html`<div class="mask-painter">
    <div
      part="mask"
      id="mask-area"
      class="mask-area"
      ${cssProperties({ '--_mask-ratio': ratioOf(painter.size) })}
      tabindex="0"
      role="application"
      aria-label=${text.maskLabel()}
      aria-describedby="mask-instructions"
      @keydown=${on.keyDown}
    >
      <img class="mask-image" src=${view.src} alt=${view.alt ?? ''} draggable="false" />
      <canvas
        class="mask-overlay"
        width=${painter.size.width}
        height=${painter.size.height}
        aria-hidden="true"
        ${ref(on.canvas)}
        @pointerdown=${on.pointerDown}
        @pointermove=${on.pointerMove}
        @pointerup=${on.pointerUp}
        @pointercancel=${on.pointerUp}
      ></canvas>
    </div>
    <p id="mask-instructions" class="muted mask-instructions">${text.maskInstructions()}</p>
    ${renderMaskTools(view, on, text)}
    <p class="muted mask-said" role="status">
      ${paintedWords(text, painter.area, view.locale)}${
        painter.rectangle ? html` ${rectangleWords(text, view, painter.rectangle)}` : nothing
      }
    </p>
  </div>`;
}

/** The tools, each a named button, disabled where it would do nothing. */
function renderMaskTools(view: MaskPainterView, on: MaskPainterHandlers, text: EditorStrings) {
  const { painter } = view;
  const size = text.brushPixels(painter.brushSize);
  return html`<div part="mask-tools" class="mask-tools" role="group" aria-label=${text.maskTools()}>
    <button type="button" aria-pressed=${painter.tool === 'brush'} @click=${on.brush}>${text.brush()}</button>
    <button type="button" aria-pressed=${painter.tool === 'eraser'} @click=${on.eraser}>${text.eraser()}</button>
    <label class="mask-size">
      <span>${text.brushSize()}</span>
      <input
        type="range"
        min=${painter.minBrushSize}
        max=${painter.maxBrushSize}
        step="1"
        .value=${String(painter.brushSize)}
        aria-valuetext=${size}
        @input=${on.brushSize}
      />
      <span class="muted" aria-hidden="true">${size}</span>
    </label>
    <button type="button" ?disabled=${!painter.canUndo} @click=${on.undo}>${text.undo()}</button>
    <button type="button" ?disabled=${!painter.canRedo} @click=${on.redo}>${text.redo()}</button>
    <button type="button" ?disabled=${painter.area === 0} @click=${on.clear}>${text.clear()}</button>
    <button type="button" @click=${on.invert}>${text.invert()}</button>
    <button type="button" ?disabled=${!!painter.rectangle} @click=${on.markRectangle}>${text.markRectangle()}</button>
  </div>`;
}
