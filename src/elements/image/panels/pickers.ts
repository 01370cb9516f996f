import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { WidgetStrings } from '../../../strings/image/widget.js';
import { pickers } from '../../../strings/image/pickers.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';
import type { ImageView } from '../view.js';
import type { SizeView } from './size-presets.js';
import { mostSaid } from './offer-price.js';

/**
 * The model and size pickers of `<userpays-image>`, drawn with the panels into the places its first paint keeps for
 * them at their size (form-template.ts, `modelsPlace` and `sizePlace`): the price comes first, the choices a moment
 * later, and nothing moves when they do. Functions of the view and the handlers; they write nothing.
 */

/** What the pickers' controls do: the panels' handlers (image-actions.ts). */
export interface PickerHandlers {
  /** `change` of the model, count or quality (`name` = what it picks). */
  pickerChange(event: Event): void;
  /** A shape or a size chosen (`value` = the size it picks, `WxH`). */
  shapeChoose(event: Event): void;
  /** "Custom size" / "Preset sizes". */
  customToggle(): void;
  /** "5 more models" / "Fewer models" / the other families. */
  modelsToggle(): void;
  /** `input` of the custom width or height, or More options' seed (`name` = the property). */
  numberInput(event: Event): void;
}

type ModelChoice = ImageView['models'][number];

/** One model: its name, what it is best for, the request's price on it (`price`, in words). */
const renderChoice = (model: ModelChoice, price: string, on: PickerHandlers) =>
  html`<label class="model-choice">
    <input type="radio" name="model" value=${model.id} .checked=${live(model.selected)} @change=${on.pickerChange} />
    <span class="name">${model.label}</span>
    <span class="best muted" title=${model.bestFor}>${model.bestFor}</span>
    <span class="price">${price}</span>
  </label>`;

/**
 * The models as one radio group (native radios: one Tab stop, arrows move the choice), each with what it is best
 * for and the request's price on it, grouped by family where the list spans several; under them the step the view
 * offers (the rest of the models, fewer, or the provider's other families, whose prices that step loads). A price
 * that is a bound is said by the most it can cost ("at most $0.0541", rounded up), the figure every check of money
 * before the click uses, that the comparison ranks by and the decision row says after the expected price.
 */
export function renderModels(
  { models, modelsStep, widget: widgetText, locale, translation }: ImageView,
  on: PickerHandlers,
) {
  const families = [...new Set(models.map((model) => model.family))];
  return html`<fieldset part="model" class="models">
    <legend class="label">${widgetText.modelLabel()}</legend>
    <div class="choices">
      ${families.map((family) => {
        const choices = models
          .filter((model) => model.family === family)
          .map((model) => renderChoice(model, mostSaid(model, locale, translation), on));
        return families.length > 1
          ? html`<div class="family" role="group" aria-label=${family}>
              <span class="muted" aria-hidden="true">${family}</span>${choices}
            </div>`
          : choices;
      })}
    </div>
    ${
      modelsStep
        ? html`<button
            type="button"
            class="link"
            title=${modelsStep.label}
            aria-expanded=${modelsStep.expanded}
            @click=${on.modelsToggle}
          >
            ${modelsStep.label}
          </button>`
        : nothing
    }
  </fieldset>`;
}

/**
 * A segmented radio group named `name` (a part of the same name), one choice per value, each said by its label: the
 * sizes of a shape, and More options' count and quality (more.ts).
 */
export function segmented(
  name: string,
  legend: string,
  choices: readonly { value: string | number; label: unknown; selected: boolean }[],
  change: (event: Event) => void,
) {
  return html`<fieldset part=${name}>
    <legend class="label">${legend}</legend>
    <div class="choices segmented">
      ${choices.map(
        (choice) =>
          html`<label
            ><input
              type="radio"
              name=${name}
              value=${choice.value}
              .checked=${live(choice.selected)}
              @change=${change}
            /><span>${choice.label}</span></label
          >`,
      )}
    </div>
  </fieldset>`;
}

/** A shape drawn at its ratio, for the shape choices. */
const swatch = (ratio: string) =>
  html`<svg class="swatch" viewBox=${`0 0 ${ratio.replace(':', ' ')}`} aria-hidden="true">
    <rect width="100%" height="100%"></rect>
  </svg>`;

/** The line under the shapes, cut short with "…" where the widget is narrow (all of it in its title). */
const hint = (words: string) => html`<span title=${words}>${words}</span>`;

/** A side of a typed size: a number field named `name` (a part of the same name). */
const dimension = (label: string, name: 'width' | 'height', size: SizeView, on: PickerHandlers) =>
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

/**
 * One shape group (native radios), the pixels it makes, and for rules in pixels one group of sizes and a link to
 * type a size. (A model that edits an image has no size to choose: the first paint says so, form-template.ts.)
 */
export function renderSize(size: SizeView, widgetText: WidgetStrings, on: PickerHandlers, translation?: Translation) {
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
    ${
      size.custom
        ? html`<div class="custom">
              ${dimension(pickersText.widthLabel(), 'width', size, on)}${dimension(pickersText.heightLabel(), 'height', size, on)}
            </div>
            ${size.problem ? html`<p id="size-problem" class="size-problem" part="error">${size.problem}</p>` : nothing}`
        : size.sizes.length > 1
          ? segmented(
              'size',
              widgetText.resolutionLabel(),
              size.sizes.map((choice) => ({ ...choice, label: pickersText.megapixelChoice(choice.megapixels) })),
              on.shapeChoose,
            )
          : nothing
    }`;
}

/**
 * The pickers' look: the models, the shapes and the sizes drawn as cards (More options' count and quality as the
 * sizes are, its seed as the custom size is). The places the first paint keeps for them are as tall as these draw
 * them (form-template.ts; test/e2e/picker-places.test.ts holds the two to each other).
 */
export const pickerStyles = css`
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
  /* The shapes in one row, up to nine; more in two even rows (ten in rows of five, OpenRouter's eleven of six and
     five); five to a row when compact. The sizes and counts in one row. */
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
  /*
   * Each model in two lines, its name, then what it is best for and its price, all of them in: in one line, the form
   * beside the canvas (some 400 px wide) or a 500 px one cut "Sharp text, 4K (Gemini 3 Pro)" beside "at most $0.159".
   */
  .model-choice {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center; /* each line as tall as its tallest word: the place kept for it (form-template.ts) */
    gap: 0 0.6rem;
    padding: 0.4rem 0.65rem;
    min-height: 36px;
    background: var(--_surface);
  }
  .model-choice .name {
    grid-column: 1 / -1;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-size: 0.875rem;
    font-weight: 600;
  }
  /* In a page-wide widget, the controls over 500 px wide: name, what it is best for and price in one line. */
  @container (min-width: 1180px) {
    .model-choice {
      grid-template-columns: auto minmax(0, 1fr) auto;
      align-items: baseline;
      gap: 0.6rem;
    }
    .model-choice .name {
      grid-column: auto;
    }
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
  /* The step to more models on one line, as the first paint keeps its place (its words there are the short "More
     models…" until the panels name the families): where the families named do not fit, they end in "…", whole in
     its title. Two lines at 390 px moved the form down as the panels came. */
  .models > button.link {
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
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
  .pixels > span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  @container (max-width: 419px) {
    .shapes .choices {
      grid-auto-flow: row;
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
    .segmented label {
      padding-inline: 0;
      font-size: 0.8125rem;
    }
  }
  /*
   * Every model shown (the user opened the list): what a model is best for wraps rather than being cut, a word too long
   * for its line broken as a last resort ("Long prompts, text in images" beside "at most $0.0529" on a 390 px phone).
   * Under 300 px, where it had some 50 px beside a bound's price ("at most $0.0981"), the bound stands in two lines,
   * its words over its figure (as in the comparison). Until the list is opened the cards keep to the two lines the
   * first paint kept for each (form-template.ts), and a tagline cut there says itself whole in its title.
   */
  .models:has([aria-expanded='true']) .model-choice .best {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  @container (max-width: 299px) {
    .models:has([aria-expanded='true']) .model-choice .price {
      max-width: 6em;
      text-align: end;
    }
  }
`;
