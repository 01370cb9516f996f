import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ImageView, ModelHandlers } from '../shared/view.js';
import { mostSaid } from '../shared/price-words.js';

/**
 * The model picker of `<userpays-image>`, in its first paint: every model the provider sells, grouped by family, each
 * with what it is best for and the request's price on it. Functions of the view and the handlers; they write nothing.
 */

type ModelChoice = ImageView['models'][number];

/** One model: its name, what it is best for, the request's price on it (`price`, in words). */
const renderChoice = (model: ModelChoice, price: string, on: ModelHandlers) =>
  html`<label class="model-choice">
    <input type="radio" name="model" value=${model.id} .checked=${live(model.selected)} @change=${on.pickerChange} />
    <span class="name">${model.label}</span>
    <span class="best muted" title=${model.bestFor}>${model.bestFor}</span>
    <span class="price">${price}</span>
  </label>`;

/**
 * The models as one radio group (native radios: one Tab stop, arrows move the choice), each with what it is best
 * for and the request's price on it, grouped by family where the list spans several; under them the step the view
 * offers (the rest of the models, naming the provider's other families, or back to fewer). A price that is a bound is
 * said by the most it can cost ("at most $0.0541", rounded up), the figure every check of money before the click uses,
 * that the comparison ranks by and the decision row says after the expected price.
 */
export function renderModels(
  { models, modelsStep, modelNote, widget: widgetText, locale, translation }: ImageView,
  on: ModelHandlers,
) {
  const families = [...new Set(models.map((model) => model.family))];
  // Every model the provider sells is shown where there is no step to more (Google's three): as if the user opened it.
  return html`<fieldset part="model" class=${modelsStep ? 'models' : 'models whole'}>
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
    ${modelNote ? html`<p class="muted model-note">${modelNote}</p>` : nothing}
  </fieldset>`;
}

/** The models drawn as cards (elements/shared/choices/choices.ts), each in two lines, or one in a page-wide widget. */
export const modelPickerStyles = css`
  /* A family of models (GPT Image, Imagen…), named above its cards, where the list spans several. */
  .family {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.3rem;
  }
  .family > span {
    font-size: 0.8125rem;
  }
  .models .choices {
    gap: 0.3rem;
  }
  /*
   * Each model in two lines, its name, then what it is best for and its price, all of them in: in one line, the form
   * beside the canvas (some 400 px wide) or a 500 px one cut "Sharp text, 4K (Gemini 3 Pro)" beside "at most $0.159".
   */
  .model-choice {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
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
  /* The step to more models on one line: where the families it names do not fit, they end in "…", whole in its title. */
  .models > button.link {
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /*
   * Every model shown (the user opened the list, or there is none to open): what a model is best for wraps rather than
   * being cut, a word too long for its line broken as a last resort ("Long prompts, text in images" beside "at most
   * $0.0529" on a 390 px phone).
   * Under 300 px, where it had some 50 px beside a bound's price ("at most $0.0981"), the bound stands in two lines,
   * its words over its figure (as in the comparison). Until the list is opened the cards keep to two lines each, and a
   * tagline cut there says itself whole in its title.
   */
  .models:has([aria-expanded='true']) .model-choice .best,
  .models.whole .model-choice .best {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  @container (max-width: 299px) {
    .models:has([aria-expanded='true']) .model-choice .price,
    .models.whole .model-choice .price {
      max-width: 6em;
      text-align: end;
    }
  }
`;
