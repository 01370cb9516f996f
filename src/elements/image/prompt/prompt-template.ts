import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { slot, type PanelSlots } from '../shared/slots.js';
import type { ImageHandlers, ImageView } from '../shared/view.js';

/**
 * The prompt of `<userpays-image>`, in its first paint, with examples while it is empty (drawn by the panels into the
 * place kept for them). Functions of the view and the handlers; they write nothing.
 */

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

/** The form's look: the prompt, and the examples' place under it. */
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
   * The examples to start from (options/panel/more.ts) are laid out here, not with the panels: their place (slot()) has this
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
  @container (max-width: 419px) {
    .examples {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: repeat(4, 28px);
    }
    .examples > span {
      display: none; /* the group keeps its name */
    }
  }
`;
