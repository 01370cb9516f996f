import { css, html } from 'lit';
import { prompts } from '../../../../strings/image/prompts.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';

/** While the prompt is empty: a few prompts to start from, each a button that puts it in. */
export function renderExamples(choose: (event: Event) => void, wideShape: boolean, translation?: Translation) {
  const promptsText = wordsIn(translation, 'prompts', prompts);
  return html`<div
    class="examples ${wideShape ? 'wide-shape' : ''}"
    role="group"
    aria-label=${promptsText.examplesLabel()}
  >
    <span class="muted" aria-hidden="true">${promptsText.examplesLabel()}</span>
    ${promptsText
      .examplePrompts()
      .map(
        ({ name, prompt }) =>
          html`<button type="button" class="chip" value=${prompt} title=${prompt} @click=${choose}>${name}</button>`,
      )}
  </div>`;
}

/** The examples' buttons: their place is laid out in the first paint (prompt-template.ts, image-template.ts). */
export const examplesStyles = css`
  /* A shape so wide that the empty canvas's frame is lower than the words over it (a 4.9:1 size typed): the words under
     the frame instead, not hanging out of it. */
  .empty:has(.wide-shape) > .start {
    grid-area: 2 / 1;
  }
  .chip {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-size: 0.8125rem;
    border: 1px solid var(--_border);
    background: var(--_field);
    color: var(--_text);
    border-radius: 999px;
    padding: 0 0.75rem;
  }
  .chip:hover {
    border-color: var(--_accent);
  }
`;
