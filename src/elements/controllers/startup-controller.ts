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

/** Resolves in the first task after the next frame is painted (or after 100 ms where no frame comes: a hidden tab). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => void nextTask().then(resolve));
    setTimeout(resolve, 100);
  });

/**
 * The platform's first `Intl.NumberFormat` loads its locale data (25–35 ms, once per page): made in a task of
 * its own before the first element renders, so that neither is a long task (over 50 ms) on the host page.
 */
let intlReady: Promise<void> | undefined;

/**
 * How an element starts without holding its page's main thread (SPEC §8: no long task at load): its first
 * render comes in a task of its own (each element on the page its own, in the order they asked), showing the
 * form and its price; what that first paint does without — the ledger, the gallery and its images, the panels,
 * Puter's live prices — is asked of `later`, and runs once that render has been painted, each piece in a task
 * of its own. `settled` lets the host's `updateComplete` include it.
 */
export class StartupController implements ReactiveController {
  /** Settles once the work asked of `later` so far has run. */
  settled: Promise<void> = Promise.resolve();
  private scheduled = false;
  private paintAsked = false;
  private markPainted!: () => void;
  private readonly painted = new Promise<void>((resolve) => (this.markPainted = resolve));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The host's `locale` ('' for the browser's): its formatter is the one made ahead. */
    private readonly locale: () => string,
  ) {
    host.addController(this);
  }

  /** For the host's `scheduleUpdate()`: the first update waits for a task of its own; the rest run as Lit schedules them. */
  schedule(update: () => void): void | Promise<void> {
    if (this.scheduled) return update();
    this.scheduled = true;
    intlReady ??= nextTask().then(() => void formatUsd('0', this.locale() || undefined));
    return intlReady.then(nextTask).then(update);
  }

  hostUpdated() {
    if (this.paintAsked) return;
    this.paintAsked = true;
    void afterPaint().then(this.markPainted);
  }

  /** Runs `work` once the host's first render has been painted, in a task of its own, if the host is still connected. */
  later(work: () => void) {
    this.settled = this.settled
      .then(() => this.painted)
      .then(nextTask)
      .then(() => {
        if (this.host.isConnected) work();
      })
      .catch((error: unknown) => reportError(error)); // a bug here must not stop the work asked after it
  }
}
