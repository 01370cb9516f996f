import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PanelSlots } from './panels/slots.js';
import type { ImageHandlers, ImageView } from './view.js';

/**
 * The controls of `<userpays-image>` above its decision row: the prompt (with examples while it is empty), the
 * models, the shape and size, the key or the account. Functions of the view and the handlers; they write nothing.
 */

/**
 * The place of what the panels draw after the first paint (Puter's account line, the examples, the sign-in), at the
 * size it will have, so that nothing moves when it comes (docs/theming.md, "No layout shift"): the examples' place is
 * laid out below (`formStyles`), the account's and the key field's have their heights in image-template.ts.
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

type ModelChoice = ImageView['models'][number];

/** One model: its name, what it is best for, the request's price on it. */
const renderChoice = (model: ModelChoice, on: ImageHandlers) =>
  html`<label class="model-choice">
    <input type="radio" name="model" value=${model.id} .checked=${live(model.selected)} @change=${on.pickerChange} />
    <span class="name">${model.label}</span>
    <span class="best muted">${model.bestFor}</span>
    <span class="price">${model.price ?? ''}</span>
  </label>`;

/**
 * The models as one radio group (native radios: one Tab stop, arrows move the choice), each with what it is best
 * for and the request's price on it, grouped by family where the list spans several. Beyond the first five, the rest
 * unfold ("5 more models"); where the provider sells other families not loaded yet, that step loads them.
 */
export function renderModels({ models, allModels, otherFamilies, widget: widgetText }: ImageView, on: ImageHandlers) {
  const shown = allModels ? models : models.filter((model, index) => index < 5 || model.selected);
  const hidden = models.length - shown.length;
  const families = [...new Set(shown.map((model) => model.family))];
  const more = otherFamilies && !allModels;
  return html`<fieldset part="model" class="models">
    <legend class="label">${widgetText.modelLabel()}</legend>
    <div class="choices">
      ${families.map((family) => {
        const choices = shown.filter((model) => model.family === family).map((model) => renderChoice(model, on));
        return families.length > 1
          ? html`<div class="family" role="group" aria-label=${family}>
              <span class="muted" aria-hidden="true">${family}</span>${choices}
            </div>`
          : choices;
      })}
    </div>
    ${
      more || hidden || allModels
        ? html`<button type="button" class="link" aria-expanded=${allModels} @click=${on.modelsToggle}>
            ${more ? widgetText.otherFamilies() : hidden ? widgetText.moreModels(hidden) : widgetText.fewerModels()}
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

/**
 * The form's look: the prompt, the models, the shapes and sizes drawn as cards (More options' count and seed,
 * panels/more.ts, are drawn as the sizes and the custom size are), and the examples' place under the prompt.
 */
export const formStyles = css`
  textarea {
    display: block;
    resize: vertical;
    font-size: 1.0625rem;
    line-height: 1.45;
    min-height: 6.5em;
    scroll-margin-top: 2.5rem; /* brought into view (Vary, Reuse…) with its label */
  }
  /* Choices are native radios (one Tab stop, arrows move), drawn as cards; the radio itself is hidden but
     focusable, and its focus ring is drawn on the card: focus and selection look different. */
  .choices {
    display: grid;
    gap: 0.4rem;
  }
  .choices label {
    position: relative;
    cursor: pointer;
  }
  .choices input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  /* A family of models (GPT Image, Imagen…), named above its cards, where the list spans several. */
  .family {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.3rem;
  }
  .family > span {
    font-size: 0.8125rem;
  }
  .models .choices,
  .shapes .choices {
    gap: 0.3rem;
  }
  /* The shapes in one row, up to nine; more (OpenRouter's eleven) in rows of six; five to a row when compact. The
     sizes and counts in one row. */
  .shapes .choices,
  .segmented {
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  /* The choices drawn as cards. */
  .model-choice,
  .shape,
  .segmented label {
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  /* One line each: the name, what it is best for (cut short where the line is narrow), the price. */
  .model-choice {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: baseline;
    gap: 0.6rem;
    padding: 0.4rem 0.65rem;
    min-height: 36px;
    background: var(--_surface);
  }
  .model-choice .name {
    white-space: nowrap;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .model-choice .best {
    font-size: 0.8125rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .model-choice .price {
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .choices label:has(:checked) {
    border-color: var(--_accent);
    background: var(--_selected);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choices label:has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .shapes .choices:has(> :nth-child(10)) {
    grid-auto-flow: row;
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
  .swatch {
    height: 1.4rem;
    max-width: 2.4rem;
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
  .segmented label {
    padding: 0.35rem 0.25rem;
    text-align: center;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-height: 32px;
    font-size: 0.875rem;
  }
  .custom {
    display: flex;
    gap: 0.75rem;
  }
  .dimension {
    display: grid;
    gap: 0.2rem;
    font-size: 0.875rem;
    font-weight: 600;
    flex: 1;
  }
  /*
   * The examples to start from (panels/more.ts) are laid out here, not with the panels: their place (slot()) has this
   * layout before they come, rows of a fixed height as many as they will fill, so it is as tall as they will be. Under
   * the prompt, their label beside two rows of two (on the wide canvas: image-template.ts).
   */
  .examples {
    display: grid;
    grid-template-columns: auto repeat(2, minmax(0, 1fr));
    grid-template-rows: repeat(2, 28px);
    grid-auto-rows: 28px;
    gap: 0.4rem;
    margin-top: 0.5rem;
  }
  .examples > span {
    grid-row: span 2;
    align-self: center;
  }
  @container (max-width: 359px) {
    .shapes .choices {
      grid-auto-flow: row;
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
    .examples {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: repeat(4, 28px);
    }
    .examples > span {
      display: none; /* the group keeps its name */
    }
    .segmented label {
      padding-inline: 0;
      font-size: 0.8125rem;
    }
  }
`;
