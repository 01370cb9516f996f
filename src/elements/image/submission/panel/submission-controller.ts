import Decimal from 'decimal.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asUserPaysError, type UserPaysError } from '../../../../base/errors.js';
import type { ErrorDetail, GenerationResult, ProgressDetail } from '../../../../base/types.js';
import type { SubmissionStage } from '../../../../generation/stages.js';
import type { Submission, Submitted } from '../../../../generation/submit.js';
import { reword, type Sentence } from '../../../../strings/strings.js';
import { emit } from '../../../shared/events.js';
import type { Spoken } from '../../../shared/language-controller.js';

/**
 * Where the widget's submission stands, as `@lit/task`'s `TaskStatus`: INITIAL (none yet, or the widget is free again:
 * the user stopped waiting, the page vetoed, an error dismissed), PREPARING (checks, the page's veto, Puter's sign-in),
 * GENERATING (the provider works), COMPLETE (the last one's result is here: `value`), ERROR (it failed: `error` says
 * why). PREPARING and GENERATING are one submission in flight (`pending`): a second click joins it.
 */
export const SubmissionStatus = { INITIAL: 0, PREPARING: 1, GENERATING: 2, COMPLETE: 3, ERROR: 4 } as const;
export type SubmissionStatus = (typeof SubmissionStatus)[keyof typeof SubmissionStatus];

/** What to draw in each status (`SubmissionController.render`), as `@lit/task`'s `StatusRenderer`. */
export interface SubmissionRenderer<R> {
  initial?: () => R;
  /** While a submission is in flight, with its progress so far. */
  pending?: (progress?: ProgressDetail) => R;
  complete?: (value: GenerationResult) => R;
  error?: (error: ErrorDetail) => R;
}

/**
 * What the controller hands the work of one submission (its `task`), the fields of `Submission` it owns: the run's
 * own signal, the page's veto (`userpays-submit`, cancelable) and where its stages go (the status, the progress, what
 * the provider billed, `userpays-progress`).
 */
export type SubmissionRun = Required<Pick<Submission, 'signal' | 'onSubmit' | 'onStage'>>;

/** What the widget shows of a submission once it is over, or no longer waited for: no progress, nothing billed. */
const ended = {
  progressSaid: undefined,
  askingSaid: undefined,
  usualWait: undefined,
  billed: '',
  confirmingCancel: false,
  stopping: false,
};

/** One submission: how to stop it, and what it comes to. */
interface Run {
  controller: AbortController;
  result: Promise<GenerationResult>;
}

/**
 * The widget's submissions, in `@lit/task`'s shape: the element gives the work of one (`task`) and what it works on
 * (`args`: everything as it stands at the click, read before anything is awaited, so that what changes afterwards
 * changes nothing of it); the controller runs it under an AbortController of its own, joins a second click to it,
 * follows its stages, and ends it in a result (`userpays-result`) or an error that is shown and fired as
 * `userpays-error`. Made with the panels: a submission's work, and what it shows, come with them.
 *
 * Not a `Task` itself, for money: `Task.run()` while a run is pending aborts it (@lit/task 1.0.3, `run`: "if
 * PENDING, this._abortController?.abort()"), and a submission the provider may already be charging for must never be
 * given up by a second click: here the second click joins the first. And "Stop waiting" frees the widget while the
 * paid run goes on to land its image, which a Task, one run at a time, cannot hold. Its statuses are Task's, PENDING
 * told in two (PREPARING, GENERATING), and `render` takes Task's renderer.
 */
export class SubmissionController<Args> implements ReactiveController {
  status: SubmissionStatus = SubmissionStatus.INITIAL;
  /** The last submission's result, once it is COMPLETE. */
  value?: GenerationResult;
  /** The running submission's progress as it was said: its status a `Sentence`, said in the host's words when read. */
  progressSaid?: Omit<ProgressDetail, 'status'> & { status: Sentence };
  /** The question the provider asks in a box of its own over the page (Puter's sign-in), as it was said. */
  askingSaid?: Sentence;
  /** How long such an image has usually taken here (ms), while one is made; undefined before the first. */
  usualWait?: number;
  /** Set when a provider charged other than the preview said. */
  chargeNote?: Sentence;
  /** Set when the provider said in its reply that it retires the model within a month (`Submitted.retiringNote`). */
  retiringNote?: Sentence;
  /**
   * What the provider of the running submission has already charged (BFL bills at acceptance, and finishes
   * the image whatever the page does), in USD; '' while nothing is known to be. Cancel asks first then.
   */
  billed = '';
  /** The user pressed Cancel where the provider has billed: the widget asks whether to stop waiting. */
  confirmingCancel = false;
  /** Cancel was pressed: what the request came to is being found out (a reply, the balance read again). */
  stopping = false;
  /**
   * The submissions the user stopped waiting for (`stopWaiting`), which their provider finishes all the same: who, and
   * what it charged (USD), each until its image lands (or it fails), so that the canvas says a paid image is coming.
   */
  finishing: readonly { provider: string; billed: string }[] = [];
  #run?: Run;
  /**
   * The error the widget shows, as it was said (the last submission's, or another of the widget's: a sign-in, a
   * reference image): shown in the host's words as they are (`error`).
   */
  #failure?: UserPaysError;
  /**
   * The last submission's error, kept after the box that showed it is gone (the user edited, or dismissed it) until a
   * newer submission starts: a later read of the balance may still settle what it left uncertain (`takeSettledLater`).
   */
  #lastSubmissionFailure?: UserPaysError;
  /** The errors whose `countedByBalance` was taken (`takeCountedByBalance`): said once. */
  readonly #countedSaid = new WeakSet<UserPaysError>();

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #task: (args: Args, run: SubmissionRun) => Promise<Submitted>;
  readonly #args: () => Args;
  readonly #language: Spoken;

  /** `language`: the host's words over English, as they are when a submission's words are shown. */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    task: (args: Args, run: SubmissionRun) => Promise<Submitted>,
    args: () => Args,
    language: Spoken,
  ) {
    this.#host = host;
    this.#task = task;
    this.#args = args;
    this.#language = language;
    host.addController(this);
  }

  hostDisconnected() {
    this.cancel();
  }

  /** One submission in flight (PREPARING or GENERATING). */
  get pending(): boolean {
    return this.status === SubmissionStatus.PREPARING || this.status === SubmissionStatus.GENERATING;
  }

  /**
   * As the widget shows it: in the host's words as they are now, so that a status said before the page's language
   * changed is said in the new one at the next render (`userpays-progress` said it in those of its moment).
   */
  get progress(): ProgressDetail | undefined {
    const said = this.progressSaid;
    return said && { ...said, status: this.say(said.status) };
  }

  /**
   * While the provider asks the user something in a box of its own over the page (Puter's sign-in): its question, as
   * `progress` says it, for the pinned row, which such a box leaves in view.
   */
  get asking(): string | undefined {
    return this.askingSaid && this.say(this.askingSaid);
  }

  /** What `renderer` draws for the status the submission is in (nothing where it has no renderer for it). */
  render<R>(renderer: SubmissionRenderer<R>): R | undefined {
    if (this.pending) return renderer.pending?.(this.progress);
    if (this.status === SubmissionStatus.COMPLETE) return renderer.complete?.(this.value!);
    if (this.status === SubmissionStatus.ERROR) return renderer.error?.(this.error!);
    return renderer.initial?.();
  }

  /**
   * One submission of `args` (read now where not given: a click before the controller was made gives its own, read
   * then); while it runs, calling again returns the same promise (a double click is one submission).
   */
  run(args?: Args): Promise<GenerationResult> {
    if (this.#run) return this.#run.result;
    const run = { controller: new AbortController() } as Run;
    this.#run = run;
    run.result = this.#perform(run, args ?? this.#args()).finally(() => {
      if (this.#run === run) this.#run = undefined; // not a newer one, after the user stopped waiting for this
    });
    return run.result;
  }

  /**
   * Stops the running submission (aborts its signal); what the provider already charged stays booked. Until what it
   * came to is known (a balance read again may take seconds), the widget says it is stopping, with no Cancel.
   */
  cancel() {
    if (!this.#run) return;
    this.#run.controller.abort();
    if (this.pending) this.#update({ stopping: true });
  }

  /**
   * The Cancel button: stops at once where nothing is billed yet; where the provider has billed and keeps
   * making the image, asks first (`confirmingCancel`), as stopping would throw away a paid image.
   */
  requestCancel() {
    if (this.billed) this.#update({ confirmingCancel: true });
    else this.cancel();
  }

  /** The user chose to keep waiting after all. */
  keepWaiting() {
    this.#update({ confirmingCancel: false });
  }

  /**
   * Stops waiting for a submission the provider has billed, without giving it up: the widget is free for the
   * next one at once, and the paid image still lands in the gallery (and `userpays-result` fires) when done; until
   * then it is one of `finishing`, made by `provider` (the one the question named).
   */
  stopWaiting(provider: string) {
    const run = this.#run;
    if (!run) return;
    const paid = { provider, billed: this.billed };
    const landed = () => {
      this.finishing = this.finishing.filter((each) => each !== paid);
      this.#host.requestUpdate();
    };
    run.result.then(landed, landed);
    this.#run = undefined;
    this.finishing = [...this.finishing, paid];
    this.#update({ ...ended, status: SubmissionStatus.INITIAL });
  }

  /** The error the widget shows, in the host's words (they follow its language as it changes). */
  get error(): ErrorDetail | undefined {
    return this.#failure?.toDetail(this.#language.translation);
  }

  /** The error shown, as words read when they are said: in the host's words as they are then, as `error` is. */
  failureWords(): (() => string) | undefined {
    const failure = this.#failure;
    return failure && (() => failure.toDetail(this.#language.translation).message);
  }

  /** The error shown says the provider refused this page (no CORS, or a relay that would not carry it). */
  get pageRefused(): boolean {
    return !!this.#failure?.cors;
  }

  /** Where the error shown is lifted, at the account's plan and billing (`UserPaysError.billingUrl`: Google's quota). */
  get billingUrl(): string | undefined {
    return this.#failure?.billingUrl;
  }

  /** The charge the error shown left uncertain, with what the balance points to (`UserPaysError.uncertainCharge`). */
  get uncertainCharge() {
    return this.#failure?.uncertainCharge;
  }

  /**
   * The charge the last submission's error left uncertain, kept after its box is gone (dismissed, or an edit took it)
   * until a newer submission starts: what its balance moved by is offered beside Generate (balance-evidence.ts).
   */
  get lastUncertainCharge() {
    return (this.#lastSubmissionFailure ?? this.#failure)?.uncertainCharge;
  }

  /** `sentence` in the host's words. */
  say(sentence: Sentence): string {
    return reword(sentence, this.#language.translation);
  }

  /** Shows an error in the widget and fires `userpays-error`, in the host's words. */
  report(error: UserPaysError) {
    this.#failure = error;
    this.#update({});
    emit(this.#host, 'userpays-error', this.error!);
  }

  /**
   * Where a later read of the balance settled the charge the last submission's error left uncertain (`settledLater`):
   * what the read found, in the host's words, once, to be said beside Generate; its error goes if still shown. Said
   * even where the box went before (the user edited the prompt): the tally moved, and the user should hear why. Not
   * once a newer submission started, whose own outcome "the last request" would then seem to be.
   */
  takeSettledLater(): string | undefined {
    const failure = this.#lastSubmissionFailure;
    if (!failure?.settledLater) return undefined;
    this.#lastSubmissionFailure = undefined;
    if (this.#failure === failure) this.dismissError();
    return this.say(failure.settledLater);
  }

  /**
   * What a balance booked at once of the charge the last submission's error left (`countedByBalance`), once, to be said
   * beside Generate with its Undo; and, to Undo, whether the error shown is that submission's (its words say it).
   */
  takeCountedByBalance(): (NonNullable<UserPaysError['countedByBalance']> & { shown: () => boolean }) | undefined {
    const failure = this.#lastSubmissionFailure;
    const counted = failure?.countedByBalance;
    if (!failure || !counted || this.#countedSaid.has(failure)) return undefined;
    this.#countedSaid.add(failure);
    return { ...counted, shown: () => this.#failure === failure };
  }

  dismissError() {
    this.#failure = undefined;
    this.#update({ status: this.status === SubmissionStatus.ERROR ? SubmissionStatus.INITIAL : this.status });
  }

  async #perform(run: Run, args: Args): Promise<GenerationResult> {
    this.#failure = this.#lastSubmissionFailure = undefined;
    this.#update({ ...ended, status: SubmissionStatus.PREPARING, chargeNote: undefined, retiringNote: undefined });
    /** Still the submission the widget shows (not one the user stopped waiting for). */
    const shown = () => this.#run === run;
    let vetoed = false;
    try {
      const { result, partialError, chargeNote, retiringNote, overBound } = await this.#task(args, {
        signal: run.controller.signal,
        onSubmit: (detail) => !(vetoed = !emit(this.#host, 'userpays-submit', detail, true)),
        onStage: (stage) => this.#stage(stage, shown()),
      });
      if (chargeNote || retiringNote) this.#update({ chargeNote, retiringNote });
      if (partialError) this.report(partialError);
      emit(this.#host, 'userpays-result', result);
      // A charge above the quote's bound, booked as charged and said in the charge's note: the page hears of it too.
      if (overBound) emit(this.#host, 'userpays-bound', overBound);
      if (shown()) this.#update({ ...ended, status: SubmissionStatus.COMPLETE, value: result });
      return result;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      this.#lastSubmissionFailure = error;
      if (!vetoed) this.report(error); // a veto is the host page's own decision: nothing to tell the user
      if (shown()) this.#update({ ...ended, status: vetoed ? SubmissionStatus.INITIAL : SubmissionStatus.ERROR });
      throw error;
    }
  }

  /** A stage of the running submission: drawn while the widget shows it (`shown`); its progress fired always. */
  #stage(stage: SubmissionStage, shown: boolean) {
    if (shown && stage.stage === 'started')
      this.#update({ status: SubmissionStatus.GENERATING, usualWait: stage.usualWait });
    if (stage.stage === 'progress') {
      const { asks, ...said } = stage.detail;
      if (shown) this.#update({ progressSaid: said, askingSaid: asks && said.status });
      emit(this.#host, 'userpays-progress', { ...said, status: this.say(said.status) });
    }
    // Heard after the submission ended, from the balance's later reads: what they found is taken at the next update.
    if (stage.stage === 'checked') this.#host.requestUpdate();
    if (shown && stage.stage === 'accepted' && stage.charge)
      this.#update({ billed: new Decimal(this.billed || 0).plus(stage.charge.usd).toString() });
  }

  /** Sets what the widget shows of the submission, and draws it. */
  #update(
    changes: Partial<
      Pick<
        SubmissionController<Args>,
        | 'status'
        | 'value'
        | 'progressSaid'
        | 'askingSaid'
        | 'usualWait'
        | 'chargeNote'
        | 'retiringNote'
        | 'billed'
        | 'confirmingCancel'
        | 'stopping'
      >
    >,
  ) {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }
}
