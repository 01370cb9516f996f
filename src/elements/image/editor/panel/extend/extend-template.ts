import { html, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ExtendSides, Size } from '../../../../../base/types.js';
import { megapixelsOf } from '../../../../../pricing/format.js';
import { editor, type EditorStrings } from '../../../../../strings/image/editor.js';
import { wordsIn } from '../../../../../strings/strings.js';
import type { Spoken } from '../../../../shared/language-controller.js';

/** What the extension draws: the image, its size, how far each side goes, and how far one may go, where said. */
export interface ExtensionView extends Spoken {
  src: string;
  alt: string;
  image: Size;
  sides: ExtendSides;
  /** The furthest one side may go at the model chosen (fal's 2048), where it says. */
  most?: number;
}

/** What the extension's controls do (extend-handlers.ts makes them). */
export interface ExtensionHandlers {
  /** A side's field typed (`name` the side, `value` its pixels). */
  side(event: Event): void;
  /** An edge taken by the pointer (`data-side`), moved, and let go (or taken by the browser). */
  grab(event: PointerEvent): void;
  move(event: PointerEvent): void;
  drop(event: PointerEvent): void;
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** `size` as written under the picture: "1224×868". */
const sizeOf = ({ width, height }: Size) => `${width}×${height}`;

/** The edge of `side` on a canvas `canvas` at `origin` (its top left), a strip `grip` thick across it. */
function edge(side: keyof ExtendSides, origin: [number, number], canvas: Size, grip: number) {
  const [x, y] = origin;
  const across = side === 'left' || side === 'right';
  const at = { top: y, bottom: y + canvas.height, left: x, right: x + canvas.width }[side];
  return across
    ? { x: at - grip / 2, y, width: grip, height: canvas.height }
    : { x, y: at - grip / 2, width: canvas.width, height: grip };
}

/** A handle in the middle of an edge: a short bar along it, `long` long and `thick` thick. */
function handle(side: keyof ExtendSides, strip: ReturnType<typeof edge>, long: number, thick: number) {
  const across = side === 'left' || side === 'right';
  const [width, height] = across ? [thick, long] : [long, thick];
  return { x: strip.x + (strip.width - width) / 2, y: strip.y + (strip.height - height) / 2, width, height };
}

/** The picture: the new canvas tinted around the image, an edge to drag on each side, drawn in pixels of the image. */
function picture(view: ExtensionView, on: ExtensionHandlers, text: EditorStrings, canvas: Size, megapixels: string) {
  const { image, sides } = view;
  const origin: [number, number] = [-sides.left, -sides.top];
  const room = Math.round(Math.max(canvas.width, canvas.height) * 0.05);
  const grip = room * 1.6;
  const long = Math.min(canvas.width, canvas.height) * 0.25;
  const box = [origin[0] - room, origin[1] - room, canvas.width + 2 * room, canvas.height + 2 * room].join(' ');
  return html`<svg
    class="extend-picture"
    viewBox=${box}
    role="img"
    aria-label=${text.extendPicture(sizeOf(image), sides, sizeOf(canvas), megapixels)}
    @pointermove=${on.move}
    @pointerup=${on.drop}
    @pointercancel=${on.drop}
  >
    <rect class="extend-canvas" x=${origin[0]} y=${origin[1]} width=${canvas.width} height=${canvas.height}></rect>
    <image href=${view.src} x="0" y="0" width=${image.width} height=${image.height} preserveAspectRatio="none"></image>
    <rect class="extend-image-edge" x="0" y="0" width=${image.width} height=${image.height}></rect>
    ${SIDES.map((side) => {
      const strip = edge(side, origin, canvas, grip);
      const bar = handle(side, strip, long, room * 0.6);
      return svg`<rect
          class="extend-edge extend-edge-${side}"
          data-side=${side}
          x=${strip.x}
          y=${strip.y}
          width=${strip.width}
          height=${strip.height}
          @pointerdown=${on.grab}
        ></rect>
        <rect
          class="extend-handle"
          x=${bar.x}
          y=${bar.y}
          width=${bar.width}
          height=${bar.height}
          rx=${room * 0.3}
        ></rect>`;
    })}
  </svg>`;
}

/**
 * The extension (part `extend`), where the editor shows the image while an extend is chosen: the image on its new
 * canvas, the area it adds tinted around it, each side's edge to drag outwards (pointer, pen or finger); under it, one
 * field per side, how many pixels it adds (the keyboard's way, and a screen reader's), and the size it comes to, said
 * as it changes. Drawn as SVG in the image's own pixels, sized by its classes: nothing is set in a `style` attribute,
 * which a strict Content-Security-Policy refuses.
 */
export function renderExtension(view: ExtensionView, on: ExtensionHandlers) {
  const text = wordsIn(view.translation, 'editor', editor);
  const { image, sides } = view;
  const canvas = { width: image.width + sides.left + sides.right, height: image.height + sides.top + sides.bottom };
  const megapixels = megapixelsOf(canvas.width, canvas.height).toLocaleString(view.locale);
  const extended = SIDES.some((side) => sides[side] > 0);
  return html`<div part="extend" class="extend">
    ${picture(view, on, text, canvas, megapixels)}
    <p id="extend-instructions" class="muted extend-instructions">${text.extendInstructions()}</p>
    <fieldset class="extend-sides">
      <legend class="label">${text.extendSidesLabel()}</legend>
      ${SIDES.map(
        (side) =>
          html`<label class="extend-side">
            <span>${text.extendSide(side)}</span>
            <input
              id="extend-${side}"
              name=${side}
              type="number"
              inputmode="numeric"
              min="0"
              max=${ifDefined(view.most)}
              step="1"
              .value=${live(String(sides[side]))}
              aria-describedby="extend-instructions"
              @input=${on.side}
            />
          </label>`,
      )}
    </fieldset>
    <p class="muted extend-said" role="status">
      ${extended ? text.extendSaid(sizeOf(canvas), megapixels) : text.extendNone()}
    </p>
  </div>`;
}
