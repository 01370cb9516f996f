import type { ImageParts, SubmissionAsItStands } from '../../shared/image-parts.js';
import type { Flow } from '../../shared/features.js';
import type { ResumeController } from './resume-controller.js';
import type { SubmissionController } from './submission-controller.js';

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
}

/** The submission's handlers: they set its state and move the focus, never draw. */
export function submissionHandlers(
  { host }: ImageParts,
  {
    controller: submission,
    resume,
  }: { controller: SubmissionController<SubmissionAsItStands>; resume: ResumeController },
  flow: Flow,
): SubmissionHandlers {
  const handlers: SubmissionHandlers = {
    cancel: () => {
      // What closed pages left is left pending, finished on the next visit.
      if (resume.resuming) return resume.stop();
      submission.requestCancel();
      // Asked first where the provider has billed: the focus on the choice that throws nothing away. Else Cancel goes
      // while the widget finds out what the request came to: the focus on the progress that says so.
      flow.focusAt(`[data-focus=${submission.confirmingCancel ? 'keep-waiting' : 'progress'}]`);
    },
    stopWaiting: () => {
      submission.stopWaiting(host.provider);
      flow.focusAt('[data-focus=submit]'); // the widget is free for the next one
    },
    keepWaiting: () => {
      submission.keepWaiting();
      flow.focusAt('[data-focus=progress]');
    },
    dismissError: () => {
      submission.dismissError();
      flow.focusAt('[data-focus=submit]'); // never to the page
    },
    errorKeydown: (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.stopPropagation(); // the box's own Escape: no dialog of the page closes with it
      handlers.dismissError();
    },
  };
  return handlers;
}
