import { isKeyError } from '../../../../base/errors.js';
import { wordsIn } from '../../../../strings/strings.js';
import { widget } from '../../../../strings/image/widget.js';
import { settleUncertain } from '../../../tally/uncertain-charges.js';
import type { ImageParts } from '../../image-parts.js';
import type { PanelControllers } from '../../panels/panel-controllers.js';
import { NEXT_STEP } from './flow-controller.js';

/** What the controls of a submission under way, or of how it ended, do. */
export interface SubmissionHandlers {
  /** Cancel, while a submission runs (or what closed pages left is finished). */
  cancel(): void;
  /** Stop waiting for a billed image (it is still saved when done), or keep waiting. */
  stopWaiting(): void;
  keepWaiting(): void;
  /** Dismiss the error shown: its ×, or Escape within its box. */
  dismissError(): void;
  errorKeydown(event: KeyboardEvent): void;
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

/** The submission's handlers: they set its state and move the focus, never draw. */
export function submissionHandlers(parts: ImageParts, panels: PanelControllers): SubmissionHandlers {
  const { host } = parts;
  const { submission, resume, flow } = panels;
  const handlers: SubmissionHandlers = {
    cancel: () => {
      // What closed pages left is left pending, finished on the next visit.
      if (resume.resuming) return resume.stop();
      submission.requestCancel();
      // Asked first where the provider has billed: the focus on the choice that throws nothing away. Else Cancel goes
      // while the widget finds out what the request came to: the focus on the progress that says so.
      flow.focusNext(submission.confirmingCancel ? 'keep-waiting' : 'progress');
    },
    stopWaiting: () => {
      submission.stopWaiting(host.provider);
      flow.focusNext('submit'); // the widget is free for the next one
    },
    keepWaiting: () => {
      submission.keepWaiting();
      flow.focusNext('progress');
    },
    dismissError: () => {
      submission.dismissError();
      flow.focusNext('submit'); // never to the page
    },
    errorKeydown: (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.stopPropagation(); // the box's own Escape: no dialog of the page closes with it
      handlers.dismissError();
    },
    uncertainChoice: (event) => answerUncertain(parts, panels, event),
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
      panels.undo();
      flow.say(wordsIn(parts.language.translation, 'widget', widget).undone());
    },
  };
  return handlers;
}

/**
 * The user's word, from their provider account, settles what no reply did; the next thing to do is Generate, or the
 * next such charge, never the page.
 */
function answerUncertain(parts: ImageParts, panels: PanelControllers, event: Event) {
  const { submission, flow } = panels;
  // The error's own answers, and the one a balance points to beside Generate: what they booked is said there.
  const answer = event.currentTarget as HTMLButtonElement;
  const entry =
    answer.closest('.error-box, .evidence') &&
    parts.ledger.ledger?.uncertain().find(({ id }) => id === answer.dataset.id);
  if (!settleUncertain(parts.ledger.ledger, event)) return;
  // The note that a price's bound is counted as may have been charged is not true once the user has said.
  const left = parts.ledger.ledger?.uncertain() ?? [];
  const said = submission.chargeNote?.said?.[1] ?? '';
  const boundNote = ['costOfBoundNotReported', 'costReportedBeyondReason'].includes(said);
  if (boundNote && !left.some(({ basis }) => basis === 'bound')) submission.chargeNote = undefined;
  // The error's own answer: its box goes (or loses the answers), so what it booked is said beside Generate.
  const counted = entry && panels.uncertainList.loaded?.countedNote(entry, answer.value, parts.language);
  if (counted) {
    panels.noteDone(counted);
    flow.say(counted);
  }
  if (left.length) return flow.focusAt('#uncertain-first');
  // The last such charge settled: an error still shown of the attempt that left it would say it is counted as
  // possibly spent beside a tally that no longer counts it, so it goes, unless it is about the key or the credit.
  const { error } = submission;
  if (error && !isKeyError(error) && error.code !== 'insufficient-funds') submission.dismissError();
  flow.focusAt(NEXT_STEP);
}
