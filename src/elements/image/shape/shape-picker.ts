import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { WidgetStrings } from '../../../strings/image/widget.js';
import { pickers } from '../../../strings/image/pickers.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';
import { segmented } from '../../shared/choices/choices.js';
import type { ShapeHandlers } from '../shared/view.js';
import type { SizeView } from '../shared/view.js';

/**
 * The shape and size picker of `<userpays-image>`, in its first paint: one radio group of shapes (one Tab stop, arrows
 * move), the pixels they make, and for rules in pixels the sizes of the shape in force and a typed size. Functions of
 * the view and the handlers; they write nothing.
 */

/** A shape drawn at its ratio, for the shape choices. */
const swatch = (ratio: string) =>
  html`<svg class="swatch" viewBox=${`0 0 ${ratio.replace(':', ' ')}`} aria-hidden="true">
    <rect width="100%" height="100%"></rect>
  </svg>`;

/** The line under the shapes, cut short with "…" where the widget is narrow (all of it in its title). */
const hint = (words: string) => html`<span title=${words}>${words}</span>`;

/** A side of a typed size: a number field named `name` (a part of the same name). */
const dimension = (label: string, name: 'width' | 'height', size: SizeView, on: ShapeHandlers) =>
  html`<label class="dimension"
    >${label}
    <input
      part=${name}
      name=${name}
      type="number"
      min="64"
      step="16"
      inputmode="numeric"
      aria-invalid=${ifDefined(size.problem ? 'true' : undefined)}
      aria-describedby=${ifDefined(size.problem ? 'size-problem' : undefined)}
      .value=${live(Number.isFinite(size[name]) && size[name] ? String(size[name]) : '')}
      @input=${on.numberInput}
  /></label>`;

/** The typed size's fields and why the model cannot make it, or the sizes of the shape in force where it has several. */
function renderSizes(size: SizeView, widgetText: WidgetStrings, on: ShapeHandlers, translation?: Translation) {
  const pickersText = wordsIn(translation, 'pickers', pickers);
  if (size.custom)
    return html`<div class="custom">
        ${dimension(pickersText.widthLabel(), 'width', size, on)}${dimension(pickersText.heightLabel(), 'height', size, on)}
      </div>
      ${size.problem ? html`<p id="size-problem" class="size-problem" part="error">${size.problem}</p>` : nothing}`;
  if (size.sizes.length < 2) return nothing;
  return segmented(
    'size',
    widgetText.resolutionLabel(),
    size.sizes.map((choice) => ({ ...choice, label: pickersText.megapixelChoice(choice.megapixels) })),
    on.shapeChoose,
  );
}

/**
 * One shape group (native radios), the pixels it makes, and for rules in pixels one group of sizes and a link to
 * type a size; for a model that edits an image, which has no size to choose, the sentence that says so.
 */
export function renderSize(
  size: SizeView | undefined,
  widgetText: WidgetStrings,
  on: ShapeHandlers,
  translation?: Translation,
) {
  if (!size) return html`<p class="muted">${widgetText.sizeFromInput()}</p>`;
  const pickersText = wordsIn(translation, 'pickers', pickers);
  return html`<fieldset class="shapes">
      <legend class="label">${widgetText.shapeLabel()}</legend>
      <div class="choices">
        ${size.shapes.map(
          (shape) =>
            html`<label class="shape" part="shape" title=${shape.label}>
              <input
                type="radio"
                name="shape"
                value=${shape.value}
                .checked=${live(shape.selected)}
                @change=${on.shapeChoose}
              />
              ${swatch(shape.label)}<span>${shape.label}</span>
            </label>`,
        )}
      </div>
      <p class="pixels muted">
        ${
          size.custom
            ? nothing
            : hint(
                size.providerPicks
                  ? pickersText.providerPicksPixels(size.width, size.height)
                  : pickersText.pixels(size.width, size.height),
              )
        }
        ${
          size.customAllowed
            ? html`<button type="button" class="link" aria-expanded=${size.custom} @click=${on.customToggle}>
                ${size.custom ? pickersText.presetSizes() : pickersText.customSize()}
              </button>`
            : nothing
        }
      </p>
    </fieldset>
    ${renderSizes(size, widgetText, on, translation)}`;
}

/** The shapes drawn as cards (elements/shared/choices/choices.ts), a swatch over each ratio; the typed size's fields. */
export const shapePickerStyles = css`
  /* The shapes in one row, up to nine; more in two even rows (ten in rows of five, OpenRouter's eleven of six and
     five); five to a row when compact. */
  .shapes .choices {
    gap: 0.3rem;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  .shapes .choices:has(> :nth-child(10)) {
    grid-auto-flow: row;
    grid-template-columns: repeat(5, minmax(0, 1fr));
  }
  .shapes .choices:has(> :nth-child(11)) {
    grid-template-columns: repeat(6, minmax(0, 1fr));
  }
  .shape {
    display: grid;
    justify-items: center;
    align-content: end;
    gap: 0.2rem;
    min-height: 3.25rem;
    padding: 0.3rem 0.1rem;
    font-size: 0.8125rem;
  }
  /* Inside its card whatever its width: nine shapes to a row leave a phone's cards narrower than a wide shape. */
  .swatch {
    height: 1.4rem;
    max-width: min(2.4rem, 100%);
    fill: color-mix(in srgb, var(--_accent) 18%, transparent);
    stroke: var(--_muted);
    stroke-width: 1.5px;
  }
  .shape:has(:checked) .swatch {
    stroke: var(--_accent);
  }
  .swatch rect {
    vector-effect: non-scaling-stroke;
  }
  .pixels {
    display: flex;
    white-space: nowrap;
    overflow: hidden;
    justify-content: space-between;
    gap: 1rem;
    margin: 0.4rem 0 0;
    font-size: 0.8125rem;
  }
  .pixels > span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .custom {
    display: flex;
    gap: 0.75rem;
  }
  /* Why the size typed cannot be made, under its fields (and beside Generate), as a model control's is. */
  .size-problem {
    margin: 0;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .dimension {
    display: grid;
    gap: 0.2rem;
    font-size: 0.875rem;
    font-weight: 600;
    flex: 1;
  }
  @container (max-width: 419px) {
    .shapes .choices {
      grid-auto-flow: row;
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
  }
`;
