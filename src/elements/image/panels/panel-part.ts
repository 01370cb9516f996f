import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazily } from '../../../base/lazily.js';

/**
 * A lazy part of the panels (a folder of its own, a chunk of its own): loaded once, as soon as the widget wants it
 * (`wanted`, read before every update: the provider or model in force has it), else never; drawn once it has loaded,
 * into the place the first paint kept for it. A load that failed (offline for a moment) is tried again at the next
 * update; until then the part is not shown, and the widget works without it.
 */
export class PanelPart<Part> implements ReactiveController {
  /** The part, once loaded. */
  loaded?: Part;
  /** Loads the part, where it is not yet (a submission that needs it waits for it). */
  readonly load: () => Promise<Part>;
  readonly #host: ReactiveControllerHost;
  readonly #wanted: () => unknown;

  constructor(host: ReactiveControllerHost, wanted: () => unknown, load: () => Promise<Part>) {
    (this.#host = host).addController(this);
    this.#wanted = wanted;
    this.load = lazily(() => load().then((part) => (this.loaded = part)));
  }

  hostUpdate() {
    if (!this.loaded && this.#wanted())
      this.load().then(
        () => this.#host.requestUpdate(),
        () => {},
      );
  }
}
