import { isKeyError } from '../../../../base/errors.js';
import { widget } from '../../../../strings/image/widget.js';
import { wordsIn, type Sentence } from '../../../../strings/strings.js';
import { settleUncertain } from '../../../tally/uncertain-charges.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import type { PanelPart } from '../../shared/panel-part.js';
import type * as UncertainList from '../../../tally/uncertain-list/index.js';
import { NEXT_STEP } from '../../shared/view.js';

/** What of the price's own feature its handlers use: Undo, the note of what an answer booked, the list of charges. */
interface OwnParts {
  undo(): string | undefined;
  noteBooked(sentence: string): void;
  boundNoteAnswered?: Sentence;
  readonly uncertainList: PanelPart<typeof UncertainList>;
}

/** What the decision row's notes and answers do. */
export interface PriceHandlers {
  /** Undo the change just made (Vary, Reuse, Finalize, Delete). */
  undo(): void;
  /** "It was charged" or "It was not" on a charge no reply confirmed or denied (`value`; `data-id`). */
  uncertainChoice(event: Event): void;
  /**
   * Ctrl/Cmd+Enter in `target` where Generate is refused: true, and nothing is submitted (it would only say the same
   * again, in the canvas, far from the field); the reason is said, and the keyboard goes to its fix, unless it is
   * already in the field the fix goes to. False where Generate is not refused.
   */
  refusedSubmit(event: Event, target: HTMLElement): boolean;
}

/** The decision row's handlers: they book the user's answers and move the focus, never draw. */
export function priceHandlers(parts: ImageParts, features: Features, price: OwnParts): PriceHandlers {
  const { host } = parts;
  const { flow } = features;
  return {
    uncertainChoice: (event) => answerUncertain(parts, features, price, event),
    refusedSubmit: (event, target) => {
      const reason = host.shadowRoot?.querySelector<HTMLElement>('#reason');
      if (!reason) return false;
      event.preventDefault();
      flow.say(reason.querySelector('span')?.textContent ?? '');
      const fix = reason.querySelector<HTMLElement>('a, button');
      if (fix && !(fix.dataset.focusTarget && target.id === fix.dataset.focusTarget)) fix.focus();
      return true;
    },
    undo: () => {
      const said = price.undo();
      flow.say(said ?? wordsIn(parts.language.translation, 'widget', widget).undone());
    },
  };
}

/**
 * The user's word, from their provider account, settles what no reply did; the next thing to do is Generate, or the
 * next such charge, never the page.
 */
function answerUncertain(parts: ImageParts, features: Features, price: OwnParts, event: Event) {
  // The error's own answers, and the one a balance points to beside Generate: what they booked is said there.
  const answer = event.currentTarget as HTMLButtonElement;
  const entry =
    answer.closest('.error-box, .evidence') &&
    parts.ledger.ledger?.uncertain().find(({ id }) => id === answer.dataset.id);
  if (!settleUncertain(parts.ledger.ledger, event)) return;
  // The note that a price's bound is counted as may have been charged is not true once the user has said.
  const left = parts.ledger.ledger?.uncertain() ?? [];
  const { chargeNote } = features.shown;
  const bound = ['costOfBoundNotReported', 'costReportedBeyondReason'].includes(chargeNote?.said?.[1] ?? '');
  if (bound && !left.some(({ basis }) => basis === 'bound')) price.boundNoteAnswered = chargeNote;
  // The error's own answer: its box goes (or loses the answers), so what it booked is said beside Generate.
  const counted = entry && price.uncertainList.loaded?.countedNote(entry, answer.value, parts.language);
  if (counted) {
    price.noteBooked(counted);
    features.flow.say(counted);
  }
  if (left.length) return features.flow.focusAt('#uncertain-first');
  // The last such charge settled: an error still shown of the attempt that left it would say it is counted as
  // possibly spent beside a tally that no longer counts it, so it goes, unless it is about the key or the credit.
  const { error } = features.shown;
  if (error && !isKeyError(error) && error.code !== 'insufficient-funds') features.dismissError();
  features.flow.focusAt(NEXT_STEP);
}
