import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PanelSlots } from './panels/slots.js';
import type { ImageHandlers, ImageView } from './view.js';

/**
 * The controls of `<userpays-image>` above its decision row: the prompt (with examples while it is empty), the
 * models, the shape and size, the key or the account. Functions of the view and the handlers; they write nothing.
 */

/**
 * The place of what the panels draw after the first paint (Puter's account line, the examples, the sign-in), at the
 * size it will have, so that nothing moves when it comes (image-styles.ts, "No layout shift").
 */
export const slot = (name: string) => html`<div class="${name}" aria-hidden="true"></div>`;

/** The prompt, large, and while it is empty a few examples to start from (a click puts one in). */
export function renderPrompt(view: ImageView, slots: PanelSlots | undefined, on: ImageHandlers) {
  const widgetText = view.widget;
  return html`<div class="prompt-field">
    <label class="label" for="prompt">${widgetText.promptLabel()}</label>
    <textarea
      id="prompt"
      part="prompt"
      name="prompt"
      rows="4"
      placeholder=${widgetText.promptPlaceholder()}
      aria-describedby=${view.decision.blocked?.at === 'prompt' ? 'reason' : nothing}
      .value=${live(view.prompt)}
      @input=${on.fieldInput}
    ></textarea>
    ${view.prompt.trim() ? nothing : slots ? slots.examples : slot('examples')}
  </div>`;
}

/**
 * The models as one radio group (native radios: one Tab stop, arrows move the choice), each with what it is best
 * for and the request's price on it. Beyond the first five, the rest unfold ("5 more models").
 */
export function renderModels({ models, allModels, widget: widgetText }: ImageView, on: ImageHandlers) {
  const shown = allModels ? models : models.filter((model, index) => index < 5 || model.selected);
  const hidden = models.length - shown.length;
  return html`<fieldset part="model" class="models">
    <legend class="label">${widgetText.modelLabel()}</legend>
    <div class="choices">
      ${shown.map(
        (model) =>
          html`<label class="model-choice">
            <input
              type="radio"
              name="model"
              value=${model.id}
              .checked=${live(model.selected)}
              @change=${on.pickerChange}
            />
            <span class="name">${model.label}</span>
            <span class="best muted">${model.bestFor}</span>
            <span class="price">${model.price ?? ''}</span>
          </label>`,
      )}
    </div>
    ${
      hidden || allModels
        ? html`<button type="button" class="link" aria-expanded=${allModels} @click=${on.modelsToggle}>
            ${hidden ? widgetText.moreModels(hidden) : widgetText.fewerModels()}
          </button>`
        : nothing
    }
  </fieldset>`;
}

/** A shape drawn at its ratio, for the shape choices. */
const swatch = (ratio: string) =>
  html`<svg class="swatch" viewBox=${`0 0 ${ratio.replace(':', ' ')}`} aria-hidden="true">
    <rect width="100%" height="100%"></rect>
  </svg>`;

/**
 * One shape group (native radios), the pixels it makes, and for rules in pixels one group of sizes and a link to
 * type a size. A model that edits an image has no size to choose: it says so.
 */
export function renderSize({ size, widget: widgetText }: ImageView, on: ImageHandlers) {
  if (!size.shapes.length) return html`<p class="muted">${widgetText.sizeFromInput()}</p>`;
  const dimension = (label: string, name: 'width' | 'height') =>
    html`<label class="dimension"
      >${label}
      <input
        part=${name}
        name=${name}
        type="number"
        min="64"
        step="16"
        inputmode="numeric"
        .value=${live(Number.isFinite(size[name]) && size[name] ? String(size[name]) : '')}
        @input=${on.fieldInput}
    /></label>`;
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
          size.providerPicks
            ? widgetText.providerPicksPixels(size.width, size.height)
            : size.custom
              ? nothing
              : widgetText.pixels(size.width, size.height, size.megapixels)
        }
        ${
          size.customAllowed
            ? html`<button type="button" class="link" aria-expanded=${size.custom} @click=${on.customToggle}>
                ${size.custom ? widgetText.presetSizes() : widgetText.customSize()}
              </button>`
            : nothing
        }
      </p>
    </fieldset>
    ${
      size.custom
        ? html`<div class="custom">
            ${dimension(widgetText.widthLabel(), 'width')}${dimension(widgetText.heightLabel(), 'height')}
          </div>`
        : size.sizes.length > 1
          ? html`<fieldset part="size" class="sizes">
              <legend class="label">${widgetText.resolutionLabel()}</legend>
              <div class="choices segmented">
                ${size.sizes.map(
                  (choice) =>
                    html`<label>
                      <input
                        type="radio"
                        name="size"
                        value=${choice.value}
                        .checked=${live(choice.selected)}
                        @change=${on.shapeChoose}
                      /><span>${widgetText.megapixelChoice(choice.megapixels)}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`
          : nothing
    }`;
}
