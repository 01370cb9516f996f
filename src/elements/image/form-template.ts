import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PanelSlots } from './panels/slots.js';
import type { ImageHandlers, ImageView } from './view.js';

/**
 * The controls of `<userpays-image>` above its decision row in its first paint: the prompt (with examples while it is
 * empty), and the places of the models, the shape and size (drawn by the panels: panels/pickers.ts). Functions of the
 * view and the handlers; they write nothing.
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
      @input=${on.promptInput}
    ></textarea>
    ${view.prompt.trim() ? nothing : slots ? slots.examples : slot('examples')}
  </div>`;
}

/**
 * The models' place until the panels draw them (panels/pickers.ts): their label, an outline for each card that will
 * come (a line for each family's name where they span several), and the step under them in its words (a link once
 * they come), each as tall as what comes into it. The first paint shows the price; the choices, each with what it is best for and costs, come a
 * moment later where the user expects them, and nothing moves.
 */
export function modelsPlace({ models, modelsStep, widget: widgetText }: ImageView) {
  const families = new Set(models.map((model) => model.family));
  return html`<div class="place" aria-hidden="true">
    <span class="label">${widgetText.modelLabel()}</span>
    <div>
      ${[...families].map(
        (family) =>
          html`${families.size > 1 ? html`<b>&nbsp;</b>` : nothing}${models
            .filter((model) => model.family === family)
            .map(() => html`<i class="card"></i>`)}`,
      )}
    </div>
    ${modelsStep ? html`<span class="step">${modelsStep.label}</span>` : nothing}
  </div>`;
}

/**
 * The shapes' and the sizes' place until the panels draw them (panels/pickers.ts): an outline for each shape, the
 * line under them, and the sizes' row where the model has one; or, for a model that edits an image, the sentence that
 * says it has no size to choose.
 */
export function sizePlace({ sizeChoices: choices, widget: widgetText }: ImageView) {
  if (!choices) return html`<p class="muted">${widgetText.sizeFromInput()}</p>`;
  return html`<div class="place" aria-hidden="true">
      <span class="label">${widgetText.shapeLabel()}</span>
      <div class="shape-cells">${Array.from({ length: choices.shapes }, () => html`<i class="shape-cell"></i>`)}</div>
      <p class="line">${choices.customSize ? html`<span class="step">&nbsp;</span>` : nothing}</p>
    </div>
    ${
      choices.sizes
        ? html`<div class="place" aria-hidden="true">
            <span class="label">${widgetText.resolutionLabel()}</span><i class="segment"></i>
          </div>`
        : nothing
    }`;
}

/**
 * The form's look: the prompt, the pickers' places, and the examples' place under the prompt.
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
  /*
   * The pickers' places, each part as tall as what panels/pickers.ts draws there (test/e2e/picker-places.test.ts
   * holds the two to each other): a model's card (two lines; one in a page-wide widget), a size's card, the shapes'
   * cards (a swatch over its ratio), a family's name, the step's link, the line under the shapes. Heights in lines (lh)
   * follow the page's font.
   */
  .place > .label {
    display: block;
  }
  .place > div {
    display: grid;
    gap: 0.3rem;
  }
  .place i {
    display: block;
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  .card {
    font-size: 0.875rem;
    height: calc(0.8rem + 2px + 2lh); /* a model's name, then what it is best for and its price */
  }
  .segment {
    font-size: 0.875rem;
    height: max(32px, calc(0.7rem + 2px + 1lh));
  }
  .place b {
    font-size: 0.8125rem;
  }
  .step {
    display: inline-block;
    padding: 0.2rem 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .shape-cells {
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  .shape-cells:has(> :nth-child(10)) {
    grid-auto-flow: row;
    grid-template-columns: repeat(6, minmax(0, 1fr));
  }
  .shape-cell {
    font-size: 0.8125rem;
    height: max(3.25rem, calc(2.2rem + 2px + 1lh));
  }
  .line {
    display: flex;
    margin: 0.4rem 0 0;
    font-size: 0.8125rem;
    min-height: 1lh;
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
  /* A page-wide widget's controls (45 % of it, over 500 px: image-template.ts): a model's card in one line. */
  @container (min-width: 1180px) {
    .card {
      height: max(36px, calc(0.8rem + 2px + 1lh));
    }
  }
  @container (max-width: 419px) {
    .shape-cells {
      grid-auto-flow: row;
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
    .segment {
      font-size: 0.8125rem;
    }
    .examples {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: repeat(4, 28px);
    }
    .examples > span {
      display: none; /* the group keeps its name */
    }
  }
`;
