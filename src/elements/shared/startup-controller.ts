import { render } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatUsd } from '../../pricing/index.js';

/** Those waiting for a task of their own, oldest first: each message to the port runs one. */
const waiting: (() => void)[] = [];
let port: MessagePort | undefined;

/**
 * Resolves in a task of its own: a message to this page, which timers' clamping and background throttling do
 * not delay. What runs after it runs after the current task, and after everything that asked before it.
 */
function nextTask(): Promise<void> {
  if (!port) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    port = channel.port2;
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    port!.postMessage(0);
  });
}

/** What those who asked before the next frame wait for (see `afterPaint`). */
let nextPaint: Promise<void> | undefined;

/**
 * Resolves in the first task after the next frame is painted (or after 100 ms where no frame comes: a hidden tab).
 * Those who ask before that frame begins share one wait: a hundred widgets updated together ask for one frame, not
 * a hundred.
 */
function afterPaint(): Promise<void> {
  if (nextPaint) return nextPaint;
  const painted: Promise<void> = new Promise((resolve) => {
    // Who asks once this frame has begun waits for the frame after.
    const forget = () => {
      if (nextPaint === painted) nextPaint = undefined;
    };
    const done = () => {
      clearTimeout(timer);
      forget();
      resolve();
    };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => {
      forget();
      void nextTask().then(done);
    });
  });
  return (nextPaint = painted);
}

/**
 * Script time the turns of one frame may take before the rest wait for the next: the other half of a 60 Hz
 * frame is left to the browser, to style, lay out and paint what they drew (about 1.7 ms for a widget).
 */
const FRAME_BUDGET_MS = 8;
/** Turns waiting, oldest first; whether they are being given. */
const turns: { locale: string; start(): void }[] = [];
let giving = false;
/** Whether the page's first formatter is made: the queue may empty and fill again, the warm-up is once. */
let intlMade = false;
/** Whether a first render has been rehearsed on this page (see `schedule`). */
let rehearsed = false;

/**
 * Gives the turns: each in a task of its own, as many in a frame as fit `FRAME_BUDGET_MS`, then the next frame.
 * The first is preceded by a task that makes the platform's first `Intl.NumberFormat`: its locale data costs
 * 25–35 ms once per page, so neither it nor the first render is a long task (over 50 ms) on the host page.
 */
async function giveTurns() {
  giving = true;
  if (!intlMade) {
    await nextTask();
    formatUsd('0', turns[0].locale || undefined);
    intlMade = true;
  }
  while (turns.length) {
    const frameStart = performance.now();
    while (turns.length && performance.now() - frameStart < FRAME_BUDGET_MS) {
      await nextTask();
      turns.shift()!.start(); // what it starts runs in this task's microtasks, before the next task
    }
    if (turns.length) await afterPaint();
  }
  giving = false;
}

/** Resolves in a turn of its own (see `giveTurns`): after those waiting, or before them where `next`. */
function turn(locale: string, next = false): Promise<void> {
  return new Promise((start) => {
    if (next) turns.unshift({ locale, start });
    else turns.push({ locale, start });
    if (!giving) void giveTurns();
  });
}

/**
 * How an element starts without holding its page's main thread (docs/contract.md, "Performance targets": no long
 * task at load): its first render comes in a turn of its own (a task; in the order the page's elements asked; a
 * few to a frame, so that a hundred widgets are styled and laid out a few at a time), showing the form and its
 * price. What that first paint does without — the ledger, the gallery and its images, the panels, Puter's live
 * prices — is asked of `later`, and runs once that render has been painted, each piece in a turn of its own.
 * `settled` lets the host's `updateComplete` include it.
 */
export class StartupController implements ReactiveController {
  /** Settles once the work asked of `later` so far has run (and what it returned has settled). */
  settled: Promise<void> = Promise.resolve();
  /** The works asked of `later` start in this order. */
  #queue: Promise<void> = Promise.resolve();
  #scheduled = false;
  #paintAsked = false;
  #markPainted!: () => void;
  readonly #painted = new Promise<void>((resolve) => (this.#markPainted = resolve));

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #locale: () => string;
  readonly #template?: () => unknown;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The host's `locale` ('' for the browser's): its formatter is the one made ahead. */
    locale: () => string,
    /** The host's template, for a first render that is worth rehearsing (see `schedule`). */
    template?: () => unknown,
  ) {
    this.#host = host;
    this.#locale = locale;
    this.#template = template;
    host.addController(this);
  }

  /**
   * For the host's `scheduleUpdate()`: the first update waits for a turn of its own; the rest run as Lit schedules
   * them. The first host on the page that gives a `template` (only `<userpays-image>` does: its first render is the
   * one worth splitting) is rehearsed in a turn before: rendered once into a detached fragment and dropped. What a
   * first render pays once per page — Lit preparing the templates, the engine compiling the code — is paid there,
   * so no one task holds it all (measured for `<userpays-image>`: one task of 22–41 ms became two, of 9–22 and
   * 9–18 ms). The rehearsal fills its frame, so the page paints between the two and the price shows about a frame
   * later. The real render takes the very next turn, ahead of the other elements' first renders: the first widget,
   * the one most likely in view, is priced first, not after the page's hundredth. A rehearsal that fails leaves the
   * real render to meet the error.
   */
  schedule(update: () => void, ready?: Promise<unknown>, placed?: Promise<unknown>): void | Promise<void> {
    if (this.#scheduled) return update();
    // What the first render needs before it can show (the words of the host's language), then a turn as any.
    if (ready) return ready.then(() => this.schedule(update, undefined, placed));
    this.#scheduled = true;
    // Where the host is drawn only near the viewport (NearController), whether it is: known with the page's next
    // frame. The rehearsed host does not wait for it (its render is already a frame on, when the word has mostly come;
    // where it has not, it is drawn): the first widget's paint comes no later for it.
    if (!this.#template || rehearsed) return Promise.resolve(placed).then(() => this.turn().then(update));
    rehearsed = true;
    return this.turn()
      .then(() => render(this.#template!(), document.createDocumentFragment()))
      .catch(() => {}) // nothing shown, nothing kept: the real render meets the same error and reports it
      .then(() => turn(this.#locale(), true))
      .then(update);
  }

  hostUpdated() {
    if (this.#paintAsked) return;
    this.#paintAsked = true;
    void afterPaint().then(this.#markPainted);
  }

  /** Resolves in a turn of its own: what arrives later (the panels, the gallery) is drawn a few to a frame too. */
  turn(): Promise<void> {
    return turn(this.#locale());
  }

  /**
   * Runs `work` once the host's first render has been painted, in a turn of its own, if the host is still connected.
   * The works asked start one after another, each in its turn; `settled` waits for each to end (a promise it
   * returns included), without holding back the start of the next.
   */
  later(work: () => unknown) {
    const started = this.#queue
      .then(() => this.#painted)
      .then(() => this.turn())
      .then(() => (this.#host.isConnected ? { done: work() } : undefined));
    this.#queue = started.then(
      () => {},
      () => {},
    );
    this.settled = Promise.all([this.settled, started.then((run) => run?.done)]).then(
      () => {},
      (error: unknown) => reportError(error), // a bug here must not stop the work asked after it
    );
  }
}
