import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asUserPaysError, type UserPaysError } from '../../base/errors.js';
import type { ErrorDetail, GenerationResult, ProgressDetail, Quote } from '../../base/types.js';
import type { Asked, Submission } from '../../generation/submit.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import { reword, type Sentence } from '../../strings/strings.js';
import type { Spoken } from '../shared/language-controller.js';
import { emit } from '../shared/events.js';

/** What the user asked for, as the host's properties say at the moment of the click. */
export interface SubmissionRequest extends Asked {
  endpoint?: string;
}

/** A submission as everything stands at the click: what is asked, its price, where it goes and what it may spend. */
export type Snapshot = Pick<
  Submission,
  'asked' | 'priced' | 'endpoint' | 'relay' | 'apiKey' | 'budget' | 'budgetProblem' | 'locale'
>;

/** What the controller needs from its host, read when it is needed (never a stale copy). */
export interface SubmissionSource {
  /** The submission as the host's properties say at this moment (see `Snapshot`). */
  snapshot(): Snapshot;
  /** The ledger of the storage key in force, once its code has loaded (undefined when the host has none any more). */
  ledger(): Promise<LedgerStore | undefined>;
  /** Last step before anything is sent (Puter: sign in from this click; refuse what the balance cannot cover). */
  beforeSend?(asked: Asked, quote: Quote): Promise<void>;
  /** After every submission, whatever its outcome (Puter: re-read the balance). */
  afterRun?(asked: Asked): void;
  /**
   * The work of one submission after the click (the panels': loaded now if they are not yet, as the gallery the
   * images go to is), with this submission's snapshot, ledger and signal and what it reports back.
   */
  run(submission: SubmissionRun): Promise<GenerationResult>;
  /** Whether what closed pages left is being finished (Cancel stops that), and stopping it. */
  resuming(): boolean;
  stopResuming(): void;
  /** The host's words over English, as they are when a submission's words are shown (see `LanguageController`). */
  language: Spoken;
}

/** One submission of the widget as its controller begins it at the click, for the work after it (`run`). */
export interface SubmissionRun {
  controller: SubmissionController;
  snapshot: Snapshot;
  ledger: Promise<LedgerStore | undefined>;
  signal: AbortSignal;
  /** Still the submission the widget shows (not one the user stopped waiting for). */
  shown(): boolean;
  /** The last step before anything is sent (Puter: sign in from the click; the balance). */
  beforeSend(quote: Quote): Promise<void>;
  /** The page's veto of `userpays-submit`: its own decision, about which the widget says nothing. */
  vetoed(): void;
  /** What to do once it ends, whatever the outcome (the gallery's clean-up). */
  done(run: () => void): void;
}

/** One submission: how to stop it, and what it comes to. */
interface Run {
  controller: AbortController;
  result: Promise<GenerationResult>;
}

/**
 * 'idle', 'preparing' (checks, the host page's veto, Puter's sign-in), 'generating' (the provider works).
 * Anything but 'idle' is one submission in flight: a second click joins it.
 */
export type SubmissionStatus = 'idle' | 'preparing' | 'generating';

/**
 * The widget's submissions: each is priced again from the request as it is at the click, runs under its own
 * AbortController, hands its images to the gallery as they come, and ends in a result or in an error that is
 * shown and fired as `userpays-error`.
 */
export class SubmissionController implements ReactiveController {
  status: SubmissionStatus = 'idle';
  /** As the widget shows it and `userpays-progress` says it: in the host's words. */
  progress?: ProgressDetail;
  /** Set when a provider charged other than the preview said. */
  chargeNote?: Sentence;
  /**
   * What the provider of the running submission has already charged (BFL bills at acceptance, and finishes
   * the image whatever the page does), in USD; '' while nothing is known to be. Cancel asks first then.
   */
  billed = '';
  /** The user pressed Cancel where the provider has billed: the widget asks whether to stop waiting. */
  confirmingCancel = false;
  private run?: Run;
  /** The last submission's error, as it was said: shown in the host's words as they are (`error`). */
  private failure?: UserPaysError;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: SubmissionSource,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.cancel();
  }

  /** One submission; while it runs, calling again returns the same promise (a double click is one submission). */
  generate(): Promise<GenerationResult> {
    if (this.run) return this.run.result;
    const controller = new AbortController();
    const run = { controller } as Run;
    this.run = run;
    run.result = this.submit(controller.signal).finally(() => {
      if (this.run === run) this.run = undefined; // not a newer one, after the user stopped waiting for this
    });
    return run.result;
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.run?.controller.abort();
  }

  /**
   * The Cancel button: stops at once where nothing is billed yet; where the provider has billed and keeps
   * making the image, asks first (`confirmingCancel`), as stopping would throw away a paid image.
   */
  requestCancel() {
    if (this.source.resuming())
      this.source.stopResuming(); // left pending: finished on the next visit
    else if (this.billed) this.update({ confirmingCancel: true });
    else this.cancel();
  }

  /** The user chose to keep waiting after all. */
  keepWaiting() {
    this.update({ confirmingCancel: false });
  }

  /**
   * Stops waiting for a submission the provider has billed, without giving it up: the widget is free for the
   * next one at once, and the paid image still lands in the gallery (and `userpays-result` fires) when done.
   */
  stopWaiting() {
    this.run = undefined;
    this.update({ status: 'idle', progress: undefined, confirmingCancel: false, billed: '' });
  }

  /** The last submission's error in the host's words (they follow its language as it changes). */
  get error(): ErrorDetail | undefined {
    return this.failure?.toDetail(this.source.language.translation);
  }

  /** `sentence` in the host's words. */
  say(sentence: Sentence): string {
    return reword(sentence, this.source.language.translation);
  }

  /** Shows an error in the widget and fires `userpays-error`, in the host's words. */
  report(error: UserPaysError) {
    this.update({ failure: error });
    emit(this.host, 'userpays-error', this.error!);
  }

  dismissError() {
    this.update({ failure: undefined });
  }

  private async submit(signal: AbortSignal): Promise<GenerationResult> {
    this.update({
      status: 'preparing',
      failure: undefined,
      chargeNote: undefined,
      billed: '',
      confirmingCancel: false,
    });
    const run = this.run;
    /** Still the submission the widget shows (not one the user stopped waiting for). */
    const shown = () => this.run === run;
    // Everything as it is at the click: what changes after it (even in the same task) changes nothing of this one.
    const snapshot = this.source.snapshot();
    const { asked } = snapshot;
    const ledger = this.source.ledger();
    let vetoed = false;
    let done = () => {};
    try {
      return await this.source.run({
        controller: this,
        snapshot,
        ledger,
        signal,
        shown,
        beforeSend: (quote) => this.source.beforeSend?.(asked, quote) ?? Promise.resolve(),
        vetoed: () => (vetoed = true),
        done: (clean) => (done = clean),
      });
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      if (!vetoed) this.report(error); // a veto is the host page's own decision: nothing to tell the user
      throw error;
    } finally {
      done();
      if (shown()) this.update({ status: 'idle', progress: undefined, billed: '', confirmingCancel: false });
      this.source.afterRun?.(asked);
    }
  }

  /** Sets what the widget shows of the submission, and draws it. */
  update(
    changes: Partial<
      Pick<SubmissionController, 'status' | 'progress' | 'chargeNote' | 'billed' | 'confirmingCancel'> & {
        failure: UserPaysError;
      }
    >,
  ) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}
