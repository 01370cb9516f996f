import { asUserPaysError } from '../../../../base/errors.js';
import type { GenerationResult } from '../../../../base/types.js';
import { loadGeneration } from '../../../../lazy/generation.js';
import { formatUsd } from '../../../../pricing/index.js';
import { uncertain } from '../../../../strings/tally/uncertain.js';
import { widget } from '../../../../strings/image/widget.js';
import { wordsIn } from '../../../../strings/strings.js';
import type { ImageParts, SubmissionAsItStands } from '../../shared/image-parts.js';
import type { Features, SubmissionShown } from '../../shared/features.js';
import { NEXT_STEP } from '../../shared/view.js';
import { ResumeController } from './resume-controller.js';
import { SubmissionController } from './submission-controller.js';
import { submissionHandlers, type SubmissionHandlers } from './submission-handlers.js';
import { runSubmission } from './submission-run.js';

/**
 * The widget's submissions once the panels are here: the work of each click (`runSubmission`), what closed pages left
 * (resume), the focus and the words around a submission, and the errors that go once what they said moved on.
 */
export class SubmissionFeature {
  readonly controller: SubmissionController<SubmissionAsItStands>;
  readonly resume: ResumeController;
  /** What the controls of a submission under way, or of how it ended, do. */
  readonly handlers: SubmissionHandlers;
  readonly #parts: ImageParts;
  readonly #features: Features;

  constructor(parts: ImageParts, features: Features) {
    const { host, language } = parts;
    this.#parts = parts;
    this.#features = features;
    this.controller = new SubmissionController(
      host,
      (standing, run) => {
        return runSubmission(parts, features, {
          ...standing,
          ...run,
          // Whether this site's sign-in made the key: known to the panels only (the first paint carries none of it);
          // the key must be the one in force (a key of another route is never taken for the sign-in's).
          keyMadeBySignIn: features.accounts.signedKeyInForce(standing.apiKey),
        });
      },
      () => parts.asItStands(),
      language,
    );
    this.resume = this.#resumeOf();
    this.handlers = submissionHandlers(parts, this, features.flow);
    this.#sayWhatMoved();
  }

  /** What closed pages left, finished with the key of its provider and route, into the gallery. */
  #resumeOf(): ResumeController {
    const { host, ledger } = this.#parts;
    const { accounts } = this.#features;
    return new ResumeController(
      host,
      {
        ledger: () => ledger.ready(),
        endpoint: (provider) => (provider === host.provider ? host.endpoint : ''),
        relay: () => host.relay,
        key: (provider, endpoint, relay) => accounts.keyAt(provider, endpoint, relay),
      },
      this.#features.gallery,
    );
  }

  /** What is said beside Generate, or goes, once what it was said of has moved on (the tally, the provider). */
  #sayWhatMoved() {
    const { host } = this.#parts;
    // A later read of the balance settled what the error shown left uncertain: the error goes, and what the read found
    // is said in its place, beside Generate (and read out), as an answer to the error's own question would be.
    host.addController({ hostUpdate: () => this.#offerUndoOfCounted() });
    host.addController({
      hostUpdate: () => {
        const settled = this.controller.takeSettledLater();
        if (!settled) return;
        if (host.shadowRoot?.activeElement?.closest('.error-box')) this.#features.flow.focusAt('[data-focus=submit]');
        this.#features.price.noteBooked(settled);
        this.#features.flow.say(settled);
      },
    });
    // An error that this page's way to the provider was refused (no CORS, a relay that would not carry it) goes once
    // that way changes (a relay set, another endpoint or provider): it no longer says what a click would meet ("this
    // site has not set up the relay it needs" would stand beside the relay just chosen).
    this.#dismissWhenMoved(
      () => this.controller.pageRefused,
      () => [host.provider, host.endpoint, host.relay].join(' '),
    );
    // A budget's refusal says what was left of it and held at the click. Once the tally moves (an image under way in
    // another tab paid for, or failed and let go) those figures are gone by: the refusal goes, and the decision row
    // says, as it stands, whether the budget is still in the way ("($0.014 is held for images under way)" would stay
    // after that image was paid for). The keyboard in its box goes to Generate, or where the budget is still in the
    // way, to the row's fix.
    this.#dismissWhenMoved(
      () => this.controller.error?.code === 'budget-exceeded',
      () => this.#parts.ledger.tally,
      NEXT_STEP,
    );
  }

  /**
   * A lost reply its balance booked at once (one price fell, nothing else under way: `countedByBalance`) is said beside
   * Generate with an Undo, until the next submission: another use of the same key elsewhere would have looked the same,
   * and the user, who can see their account, may know better. Undo holds it uncertain again, as before it was booked:
   * its error, which said it was counted, goes, and the keyboard goes to the answer the balance points to.
   */
  #offerUndoOfCounted() {
    const counted = this.controller.takeCountedByBalance();
    if (!counted) return;
    const { language, ledger } = this.#parts;
    const said = wordsIn(language.translation, 'uncertain', uncertain);
    this.#features.price.noteBooked(said.uncertainCountedOnce(formatUsd(counted.amount, language.locale)), () => {
      if (!ledger.ledger?.reopen(counted.entry)) return wordsIn(language.translation, 'widget', widget).undoTooLate();
      if (counted.shown()) this.controller.dismissError();
      this.#features.flow.focusAt(`[part~=decision] > .evidence button, ${NEXT_STEP}`);
      return undefined;
    });
  }

  /**
   * An error said of a moment (`says`) goes once what it was said of moves: `state` as the first update that showed it
   * found it, compared by identity. Where the keyboard was in its box, it goes to what `focus` finds.
   */
  #dismissWhenMoved(says: () => boolean, state: () => unknown, focus?: string) {
    let said: { at: unknown } | undefined;
    const { host } = this.#parts;
    host.addController({
      hostUpdate: () => {
        if (!says()) said = undefined;
        else if (!said) said = { at: state() };
        else if (said.at !== state()) {
          said = undefined;
          if (focus && host.shadowRoot?.activeElement?.closest('.error-box')) this.#features.flow.focusAt(focus);
          this.controller.dismissError();
        }
      },
    });
  }

  /**
   * What a submission needs, ahead of the click, when the pointer or the focus comes to Generate (where it cannot load,
   * the click says so).
   */
  prefetch(target: Element) {
    if (target.closest('[part~=submit]')) void loadGeneration().catch(() => {});
  }

  /** A submission of the widget as it stands now, or as it stood at a click made before the panels (`standing`). */
  submit(standing?: SubmissionAsItStands): Promise<GenerationResult> {
    return this.controller.run(standing);
  }

  /** The user changed what would be sent: an error about the last attempt no longer describes it. */
  edited() {
    if (!this.controller.pending) this.controller.dismissError();
  }

  /** What the widget shows of its submissions (`Features.shown`). */
  get shown(): SubmissionShown {
    const { controller, resume } = this;
    return {
      pending: controller.pending,
      resuming: resume.resuming,
      error: controller.error,
      asking: controller.asking,
      finishing: controller.finishing,
      pageRefused: controller.pageRefused,
      billingUrl: controller.billingUrl,
      uncertainCharge: controller.uncertainCharge,
      waiting: resume.waiting,
      lastUncertainCharge: controller.lastUncertainCharge,
      chargeNote: controller.chargeNote,
      retiringNote: controller.retiringNote,
    };
  }

  /** Shows `error` in the widget and fires `userpays-error` (`Features.report`). */
  report(error: unknown) {
    this.controller.report(asUserPaysError(error));
  }
}
