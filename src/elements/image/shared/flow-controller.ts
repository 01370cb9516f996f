import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clock } from '../../../base/clock.js';

export interface FlowOptions {
  /** Whether a submission is running, or a generation an earlier visit left is being finished. */
  busy(): boolean;
  /** Whether what runs is the user's own submission: only then does the focus follow it. */
  submitted(): boolean;
  /**
   * The message of the error the last submission ended in (shown in the widget), if it did: as words read when the live
   * region is drawn, so that they follow the host's language as it changes.
   */
  failure(): (() => string) | undefined;
  /** The ids of the gallery's images, newest first. */
  shown(): readonly string[];
  /** The sentence announced once when a submission's images are ready (`count` of them), as `failure`'s words are. */
  ready(count: number): () => string;
}

/** Where the focus waits while a submission runs. */
const PROGRESS = '[data-focus=progress]';
/** How long a live region stays empty before the same sentence comes again: a render, and the reader's notice of it. */
const REPEAT_MS = 150;

/**
 * Where the keyboard and the screen reader are while a submission runs: it keeps focus in the widget (on the
 * progress region while busy, since the disabled Generate button would drop it to the page; not on Cancel, where
 * the Enter of the same gesture would cancel a task the provider may have charged), then moves it to what came of it
 * (the newest image, or the error), and makes one polite announcement of it (docs/contract.md, "Keyboard and
 * focus"). It also counts the seconds since the submission started, redrawing once a second, so that a provider
 * that reports no progress (Puter) still shows time passing. Elements that render `[data-focus=…]` targets use it.
 */
export class FlowController implements ReactiveController {
  /**
   * What the polite live region says, read at each render: a finished submission's outcome in the host's words as they
   * are (the page switched to German says it in German), or a sentence given to `say`.
   */
  #spoken: () => string = () => '';
  /** How many sentences `say` was given: one given later replaces one still to come. */
  #said = 0;
  #startedAt?: number;
  #newestBefore?: string;
  #moveFocus = false;
  #ticker?: ReturnType<typeof setInterval>;
  /** What takes the focus once the next render is done (`[data-focus=…]`). */
  #pending?: string;
  /** What comes whole into view with that focus (after a result: the price and Generate). */
  #reveal?: string;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: FlowOptions;

  /** The sentence of the polite live region: set once per finished submission, or said (`say`). */
  get announcement(): string {
    return this.#spoken();
  }

  constructor(host: ReactiveControllerHost & HTMLElement, options: FlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Moves the focus to what `selector` finds in the shadow root once the next render has drawn it. */
  focusAt(selector: string) {
    this.#pending = selector;
    this.#host.requestUpdate();
  }

  hostUpdated() {
    const [selector, reveal] = [this.#pending, this.#reveal];
    const root = this.#host.shadowRoot;
    const target = selector ? root?.querySelector<HTMLElement>(selector) : undefined;
    // The progress is drawn by the gallery's view, which may still be loading as the submission starts: the focus goes
    // to it once it is drawn, if the keyboard is still nowhere else.
    if (!target && selector === PROGRESS && this.#startedAt !== undefined) return;
    this.#pending = this.#reveal = undefined;
    if (target && (selector !== PROGRESS || this.#hasFocus() || target.matches(':focus-within'))) target.focus();
    if (reveal) root?.querySelector(reveal)?.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Says `sentence` once, politely (a copy done, …). A live region reads what changed in it: the same sentence again
   * (the same tier fallen back from twice) empties it first, and comes a moment later.
   */
  say(sentence: string) {
    const said = ++this.#said;
    const show = (words: string) => {
      if (said !== this.#said) return; // something else was said meanwhile
      this.#spoken = () => words;
      this.#host.requestUpdate();
    };
    if (sentence !== this.announcement) return show(sentence);
    show('');
    setTimeout(() => show(sentence), REPEAT_MS);
  }

  /** Whole seconds since the running submission started (0 when idle). */
  get elapsedSeconds(): number {
    return this.#startedAt === undefined ? 0 : Math.max(0, Math.floor((clock.now() - this.#startedAt) / 1000));
  }

  /** Before each render: what it draws (the announcement) is decided here, not in a second update. */
  hostUpdate() {
    const busy = this.#options.busy();
    if (busy && this.#startedAt === undefined) this.#started();
    else if (!busy && this.#startedAt !== undefined) this.#finished();
  }

  /**
   * Escape in the form while a submission runs takes the focus to its progress, Cancel the next Tab stop: where the
   * submission was started with Ctrl+Enter, the focus would otherwise stay in the prompt, ten stops from Cancel. Never
   * to Cancel itself, where one more key would stop a request the provider may have charged.
   */
  readonly #escaped = (event: Event) => {
    const { key, defaultPrevented, target } = event as KeyboardEvent;
    if (key !== 'Escape' || defaultPrevented || !this.#options.busy()) return;
    if ((target as Element).closest?.('.controls')) this.focusAt(PROGRESS);
  };

  hostConnected() {
    this.#host.shadowRoot?.addEventListener('keydown', this.#escaped);
  }

  hostDisconnected() {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#host.shadowRoot?.removeEventListener('keydown', this.#escaped);
  }

  #started() {
    this.#startedAt = clock.now();
    this.#newestBefore = this.#options.shown()[0];
    this.#moveFocus = this.#options.submitted();
    this.#spoken = () => '';
    this.#ticker = setInterval(() => this.#host.requestUpdate(), 1000);
    // Generate is disabled by this render: where it had the focus, the focus would fall to the page.
    const inner = this.#host.shadowRoot?.activeElement;
    if (this.#moveFocus && this.#hasFocus() && (!inner || inner.matches('[part~=submit]'))) this.#pending = PROGRESS;
  }

  #finished() {
    clearInterval(this.#ticker);
    this.#startedAt = this.#ticker = undefined;
    const shown = this.#options.shown();
    // The images before the newest one shown at the start are new; all of them where it is gone, or there was none.
    const before = shown.indexOf(this.#newestBefore!);
    const added = before < 0 ? shown.length : before;
    const failure = this.#options.failure();
    if (!failure && !added) return;
    if (this.#moveFocus && this.#hasFocus()) {
      this.#pending = `[data-focus=${failure ? 'error' : 'result'}]`;
      // The price and Generate come into view with the result or the error, whole (on a phone the canvas stands above
      // the controls, and the pinned row would stay below the fold): the next try is one click away.
      this.#reveal = '[part~=decision]';
    }
    this.#spoken = failure ?? this.#options.ready(added);
  }

  /**
   * Whether the keyboard is in this widget, or nowhere (the disabled button dropped it to the page): focus is
   * moved only then, never taken from another part of the page.
   */
  #hasFocus() {
    const active = document.activeElement;
    return active === this.#host || active === document.body || active === null;
  }
}
