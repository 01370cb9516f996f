import { html, nothing } from 'lit';
import { progress } from '../../../strings/image/progress.js';
import { wordsIn, type Translation } from '../../../strings/strings.js';

// What is said beside the decision row: what the last submission charged where the preview did not say it, a change
// just made for the user, with its Undo, and what the provider asks in a box of its own. The error of a submission is
// the canvas's (gallery/failure.ts).

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

/**
 * What the provider asks the user in a box of its own over the page (Puter's sign-in when its session has ended), over
 * the price in the pinned row: the canvas says it too, but the box covers the canvas (on a phone, all of it), and
 * leaves the foot of the screen in view (walk-through 20, L4). Not a live region: the canvas's progress is one.
 */
export function renderAsking(question: string) {
  return html`<p class="asking">${question}</p>`;
}
