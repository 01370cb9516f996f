import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StartupController } from './startup-controller.js';

/**
 * How near the viewport an element is drawn: within one viewport's height (and width) of it, so that a widget scrolled
 * towards at a reader's pace is drawn before it comes into view.
 */
const NEAR = '100%';
/** How long a first update waits for the observer's first word: a hidden tab has no frames, and so no word. */
const VERDICT_WAIT_MS = 100;

/** What each element watched is told when it comes near the viewport or leaves it. */
const watched = new Map<Element, (near: boolean) => void>();
let observer: IntersectionObserver | undefined;
/**
 * The observer's next word, for the elements watched since its last: it speaks of all of them at once, with the
 * page's next frame, so one wait (and one timer, for a hidden tab) serves a hundred widgets connected together.
 */
let nextWord: Promise<void> | undefined;
let spoken: (() => void) | undefined;

/** One observer for every element of the page: each entry's element is told whether it is near now. */
function watch(element: Element, told: (near: boolean) => void) {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watched.get(entry.target)?.(entry.isIntersecting);
      spoken?.();
    },
    { rootMargin: NEAR },
  );
  watched.set(element, told);
  observer.observe(element);
}

/** Resolves once the observer has spoken of the elements watched so far, or after `VERDICT_WAIT_MS` where it says nothing. */
function word(): Promise<void> {
  return (nextWord ??= new Promise<void>((resolve) => {
    const timer = setTimeout(() => spoken?.(), VERDICT_WAIT_MS);
    spoken = () => {
      clearTimeout(timer);
      [nextWord, spoken] = [undefined, undefined];
      resolve();
    };
  }));
}

function unwatch(element: Element) {
  if (!watched.delete(element)) return;
  observer?.unobserve(element);
}

/**
 * An element drawn only once it comes near the viewport (docs/performance.md, "Below the fold"): a page of a hundred
 * widgets draws the few in view at load, and the others as the reader scrolls to them, each in a turn of its own.
 * Until it is drawn, the element is `held`: its updates run (its properties checked, its quote priced and fired, its
 * ledger read, its panels made: everything a page can read or call of it) but draw nothing, and the page's
 * reservation stylesheet (dist/userpays.css) keeps its place at its first paint's height, so nothing moves when it is
 * drawn. Once drawn it stays drawn, wherever it is scrolled.
 *
 * Where the observer has said nothing yet (its first word comes with the page's next frame, none in a hidden tab),
 * the element is not held: `verdict()` is what a first update waits for, at most `VERDICT_WAIT_MS`.
 */
export class NearController implements ReactiveController {
  /** Whether the observer has said the element is near (or it was drawn): undefined until it has said. */
  #near?: boolean;
  #drawn = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #startup: StartupController;

  constructor(host: ReactiveControllerHost & HTMLElement, startup: StartupController) {
    this.#host = host;
    this.#startup = startup;
    host.addController(this);
  }

  /** Whether the element draws nothing now: it is known to be far from the viewport, and has not been drawn yet. */
  get held(): boolean {
    return this.#near === false && !this.#drawn;
  }

  /** Resolves once the observer has said whether the element is near, or after `VERDICT_WAIT_MS` where it says nothing. */
  verdict(): Promise<void> {
    if (this.#drawn || this.#near !== undefined || !watched.has(this.#host)) return Promise.resolve();
    return word();
  }

  hostConnected() {
    if (this.#drawn) return;
    watch(this.#host, (near) => {
      const first = this.#near === undefined;
      if (!near) {
        if (first) this.#near = false;
        return;
      }
      unwatch(this.#host);
      if (first) this.#near = true;
      // Drawn in a turn of its own: a fast scroll past many widgets draws them a few to a frame.
      else
        void this.#startup.turn().then(() => {
          this.#near = true;
          this.#host.requestUpdate();
        });
    });
  }

  hostDisconnected() {
    unwatch(this.#host);
  }

  hostUpdated() {
    if (this.held || this.#drawn) return;
    this.#drawn = true;
    unwatch(this.#host);
  }
}
