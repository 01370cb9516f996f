import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazily } from '../../../base/lazily.js';

/** When a part is wanted, how it loads, and when it is worth loading ahead of the action that shows it. */
export interface PanelPartOptions<Part> {
  /** Read before every update: the provider in force has the part, and (for a part shown at an action) it was taken. */
  wanted(): unknown;
  /** Where given: the part will likely be wanted soon (the pointer or the focus is on what shows it). */
  worthPrefetching?(): unknown;
  load(): Promise<Part>;
}

/**
 * A lazy part of the panels (a folder of its own, a chunk of its own): loaded once, as soon as the widget wants it
 * (`wanted`), or ahead of it (`prefetch`, where it is worth it), else never; drawn once it has loaded, into the place
 * kept for it. A load that failed (offline for a moment) is tried again at the next update; until then the part is
 * not shown, and the widget works without it.
 */
export class PanelPart<Part> implements ReactiveController {
  /** The part, once loaded. */
  loaded?: Part;
  /** Loads the part, where it is not yet (a submission that needs it waits for it). */
  readonly load: () => Promise<Part>;
  readonly #host: ReactiveControllerHost;
  readonly #options: PanelPartOptions<Part>;

  constructor(host: ReactiveControllerHost, options: PanelPartOptions<Part>) {
    (this.#host = host).addController(this);
    this.#options = options;
    this.load = lazily(() => options.load().then((part) => (this.loaded = part)));
  }

  hostUpdate() {
    if (!this.loaded && this.#options.wanted()) this.#draw();
  }

  /** Loads the part ahead of the action that shows it, where that is worth it. */
  prefetch() {
    if (!this.loaded && this.#options.worthPrefetching?.()) this.#draw();
  }

  #draw() {
    this.load().then(
      () => this.#host.requestUpdate(),
      () => {},
    );
  }
}
