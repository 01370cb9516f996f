import { html, nothing } from 'lit';
import { progress } from '../../../strings/image/progress.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';

// What is said beside the decision row: what the last submission charged where the preview did not say it, and a
// change just made for the user, with its Undo. The error of a submission is the canvas's (gallery/failure.ts).

/** What the provider charged where the preview did not say it (`Submitted.chargeNote`), in the host's words. */
export function renderOutcome(chargeNote: string) {
  return chargeNote ? html`<p class="muted">${chargeNote}</p>` : nothing;
}

/**
 * A change just made for the user (Reuse, Finalize, Delete), shown beside an Undo where it can be undone (said once,
 * politely, by the actions that made it: a live region drawn with its words would not be read out everywhere).
 */
export function renderUndo(sentence: string, undo: (() => void) | undefined, translation?: Translation) {
  return html`<p class="undo">
    <span>${sentence}</span>
    ${
      undo
        ? html`<button type="button" class="link" @click=${undo}>
            ${wordsIn(translation, 'progress', progress).undo()}
          </button>`
        : nothing
    }
  </p>`;
}
