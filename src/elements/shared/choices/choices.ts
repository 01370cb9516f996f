import { css, html } from 'lit';
import { live } from 'lit/directives/live.js';

/**
 * Choices drawn as cards: native radios (one Tab stop, arrows move the choice) whose label is the card. The models,
 * the shapes and the sizes (models/, shape/) and More options' count and quality (image/options/panel/more.ts) are drawn so.
 */

/**
 * A segmented radio group named `name` (a part of the same name), one choice per value, each said by its label: the
 * sizes of a shape, and More options' count and quality.
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

/**
 * The cards' look. The radio itself is hidden but focusable, and its focus ring is drawn on the card: focus and
 * selection look different.
 */
export const choicesStyles = css`
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
  /* The sizes and counts in one row. */
  .segmented {
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  /* Each choice a card: the models, the shapes, the sizes and counts. */
  .model-choice,
  .shape,
  .segmented label {
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
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
  .choices label:has(:checked) {
    border-color: var(--_accent);
    background: var(--_selected);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choices label:has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @container (max-width: 419px) {
    .segmented label {
      padding-inline: 0;
      font-size: 0.8125rem;
    }
  }
`;
