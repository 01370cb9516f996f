import Decimal from 'decimal.js';
import { html, nothing } from 'lit';
import type { Tally } from '../../../../base/types.js';
import { progress } from '../../../../strings/image/progress.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { tallyLine } from '../../../../strings/tally/tally-line.js';
import type { Spoken } from '../../../shared/language-controller.js';
import { budgetFigures, usd } from '../../../tally/tally-summary.js';

// What is said beside the decision row: what the last submission charged where the preview did not say it, a change
// just made for the user, with its Undo, what the provider asks in a box of its own, and what the session spent. The
// error of a submission is the canvas's (gallery/panel/failure.ts).

/**
 * What the provider charged where the preview did not say it (`Submitted.chargeNote`), and that it retires the model
 * soon (`Submitted.retiringNote`), in the host's words.
 */
export function renderOutcome(notes: readonly string[]) {
  const said = notes.filter(Boolean);
  return said.length ? html`${said.map((note) => html`<p class="muted">${note}</p>`)}` : nothing;
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
 * leaves the foot of the screen in view. Not a live region: the canvas's progress is one.
 */
export function renderAsking(question: string) {
  return html`<p class="asking">${question}</p>`;
}

/**
 * The session's spend in two words, under Generate in the widget's pinned row, where the eye is after a click (the
 * tally line is at the foot of the controls, out of view): "Spent $0.25", with what may have been charged too as the
 * top of a range ("Spent $0.25–$0.32"), never as nothing; in the danger colour past the budget (the tally line says by
 * how much, and what is left). Nothing before anything is spent: the first screen stays calm. No wider than Generate,
 * so the price beside it keeps its lines.
 */
export function renderSpentBrief(tally: Tally, { locale, translation }: Spoken) {
  const { spent, uncertain } = tally;
  if (!+spent && !+(uncertain ?? 0)) return nothing;
  const text = wordsIn(translation, 'tallyLine', tallyLine);
  const upTo = uncertain && +uncertain ? usd(new Decimal(spent).plus(uncertain).toFixed(), locale, true) : undefined;
  return html`<p class=${budgetFigures(tally).over ? 'spent error' : 'spent muted'}>
    ${text.spentBrief(html`<strong>${usd(spent, locale)}</strong>`, upTo)}
  </p>`;
}
