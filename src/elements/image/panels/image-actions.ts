import type { ProviderId } from '../../../base/types.js';
import { providerInfo } from '../../../providers/catalog.js';
import type { ImageParts } from '../image-parts.js';
import type { PanelControllers } from './panel-controllers.js';
import { finalOf } from '../../../pricing/offers.js';
import { wordsIn } from '../../../strings/strings.js';
import { widget } from '../../../strings/image/widget.js';
import { isKeyError } from '../../../base/errors.js';
import { settleUncertain } from '../../tally/uncertain-charges.js';

/** Where the focus goes when the way is clear again: Generate, or where it is still refused, what the refusal offers. */
const NEXT_STEP = '[data-focus=submit]:enabled, #reason :is(a, button)';

/** What the panels' controls of `<userpays-image>` do: loaded with the panels that draw them. */
export interface PanelHandlers {
  /** The key field (drawn with the panels): typed, committed (Enter, or focus left it), "Remember" ticked. */
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  /** Sign in, drawn by the panels until the sign-in's part is here (`SignInOnDemand.begin`). */
  signInFirst(): void;
  /** An example prompt (`value`). */
  exampleChoose(event: Event): void;
  /** Reference images chosen in the picker (`change`), dropped (`dragover`, `drop`) or pasted (`paste`). */
  referencesChosen(event: Event): void;
  /** Click on a reference's remove button (`data-index`). */
  referenceRemove(event: Event): void;
  /** Click on an action of an image (`data-action`: open, copy, reuse, vary, reference, finalize, delete; `data-id`). */
  imageAction(event: Event): void;
  /** Click on an offer of the comparison (`data-provider`, `data-model`). */
  offerChoose(event: Event): void;
  /** The error box's offer of the same model at another provider (`renderFailure`'s `elsewhere`). */
  useElsewhere(event: Event): void;
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

/** The handlers of the widget's panels: they set the element's state, never draw (as image-handlers.ts). */
export function panelHandlers(parts: ImageParts, panels: PanelControllers): PanelHandlers {
  const { host } = parts;
  const root = () => host.shadowRoot!;
  // Made with the panels, once, after their controllers: each is there whenever one runs.
  const { submission, references, resume, flow, gallery } = panels;
  const edited = () => panels.edited();
  const handlers: PanelHandlers = {
    keyInput: (event) => {
      edited();
      panels.keys.current = (event.target as HTMLInputElement).value.trim();
      host.requestUpdate();
    },
    // Committed (Enter, or focus left the field): only then may waiting images be fetched with the key.
    keyCommit: () => resume.keyEntered(),
    rememberChange: (event) => {
      panels.keys.remember((event.target as HTMLInputElement).checked);
      panels.signedKeys.keep(); // "Stay signed in": the sign-in's word goes with its key
      host.requestUpdate();
    },
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
    signInFirst: () => panels.signIn.begin(),
    dismissError: () => {
      submission.dismissError();
      flow.focusNext('submit'); // never to the page
    },
    errorKeydown: (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.stopPropagation(); // the box's own Escape: no dialog of the page closes with it
      handlers.dismissError();
    },
    // The user's word, from their provider account, settles what no reply did; the next thing to do is Generate,
    // or the next such charge, never the page.
    uncertainChoice: (event) => {
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
    },
    refusedSubmit: (event, target) => {
      const reason = root().querySelector<HTMLElement>('#reason');
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
    exampleChoose: (event) => {
      edited();
      host.prompt = (event.currentTarget as HTMLButtonElement).value;
      flow.focusAt('#prompt');
    },
    referencesChosen: (event) => {
      // Chosen in the picker, dropped on the area, or pasted: the files of the event that carries them.
      const given = event as Partial<DragEvent & ClipboardEvent>;
      const input = event.target as HTMLInputElement;
      const files = given.dataTransfer?.files ?? given.clipboardData?.files ?? input.files;
      if (event.type === 'dragover' || (event.type !== 'change' && files?.length)) event.preventDefault();
      if (event.type === 'dragover' || !files?.length) return;
      void references.add([...files], parts.pricing.capability?.references.max ?? 0).then(async () => {
        if (!references.refused.length) return;
        // A refusal of a pasted file is said under the drop zone: More options opens to show it, and it is brought
        // into view clear of the pinned decision row (on a phone it fell just under the row, where no one saw it).
        const more = root().querySelector<HTMLDetailsElement>('[part~=more]');
        if (more) more.open = true;
        // Once the model's controls, drawn above the drop zone as More options opens, are in their place.
        if (providerInfo(host.provider)?.showsControls) await panels.controls.load().catch(() => {});
        await host.updateComplete;
        const said = root().querySelector('#references-refused');
        if (said) panels.pinnedRow.bringClear(said);
      });
      if (event.type === 'change') input.value = ''; // the same file can be chosen again
    },
    referenceRemove: (event) => references.remove(Number((event.currentTarget as HTMLElement).dataset.index)),
    // Drawn by the gallery's view only: it is here whenever one of its images is clicked.
    imageAction: (event) => {
      void panels.galleryView.loaded?.act(event, gallery.images, {
        translation: parts.language.translation,
        blob: (id) => gallery.blob(id),
        remove: (id) => gallery.remove(id),
        say: (sentence) => flow.say(sentence),
        offerUndo: (sentence, undo, near) => panels.offerUndo(sentence, undo, near),
        addReference: async (file) => {
          await references.add([file], parts.pricing.capability?.references.max ?? 0);
          // Where it went: More options open, and the new chip itself in the middle of the view, where the eye is.
          const more = root().querySelector<HTMLDetailsElement>('[part~=more]');
          if (more) more.open = true;
          await host.updateComplete;
          root().querySelector('.thumbs li:last-child')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        },
        reuse: async ({ quality, settings: madeWith, ...fields }, final) => {
          edited();
          const { prompt, provider, model, width, height, seed, count } = host;
          const { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore } = host;
          const kept = { enhancePrompt, safetyTolerance, outputFormat, quality: qualityBefore };
          const before = { prompt, provider, model, width, height, seed, count, ...kept }; // what Undo puts back
          const ownBefore = panels.controls.loaded?.controller.settings ?? {};
          // The image's settings where it kept them (else the form's stay): those the element holds, then the model's
          // own, which More options holds (its part loads for them where the provider shows them).
          if (quality) host.quality = quality;
          if (madeWith) {
            const { enhancePrompt: rewritten, safetyTolerance: tolerance, outputFormat: format = '' } = madeWith;
            Object.assign(host, {
              enhancePrompt: rewritten === undefined ? '' : rewritten ? 'on' : 'off',
              safetyTolerance: tolerance,
              outputFormat: format,
            });
          }
          Object.assign(host, fields);
          if (madeWith) {
            const shows = providerInfo(fields.provider)?.showsControls && Object.keys(madeWith).length;
            const part = shows ? await panels.controls.load().catch(() => undefined) : panels.controls.loaded;
            part?.controller.restore(madeWith, fields.provider, fields.model);
          }
          const finalModel = final && finalOf(parts.request(), host.models, parts.pricing)?.model;
          if (finalModel) host.model = finalModel;
          const ownAfter = panels.controls.loaded?.controller.settings ?? {};
          const changed =
            (Object.keys(before) as (keyof typeof before)[]).some((field) => host[field] !== before[field]) ||
            JSON.stringify(ownAfter) !== JSON.stringify(ownBefore);
          const undo = () => {
            Object.assign(host, before);
            panels.controls.loaded?.controller.restore(ownBefore, provider, model);
          };
          return { undo, changed };
        },
        generate: () => void host.generate().catch(() => {}), // its error is shown where its image would have been
        showForm: () => {
          const prompt = root().querySelector<HTMLElement>('#prompt');
          prompt?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          prompt?.focus({ preventScroll: true });
        },
        // The image itself (its button, or where its link has expired, its place), never the figure around it.
        focusImage: (id) => flow.focusAt(id ? `.tile[data-id="${id}"] :is(.open, .expired)` : '.undo button'),
      });
    },
    offerChoose: (event) => {
      const { provider, model } = (event.currentTarget as HTMLElement).dataset;
      edited();
      [host.provider, host.model] = [provider as ProviderId, model!];
    },
    // The error goes with the switch: the next thing to do is Generate, or what the new provider still needs.
    useElsewhere: (event) => {
      handlers.offerChoose(event);
      flow.focusAt(NEXT_STEP);
    },
  };
  return handlers;
}
