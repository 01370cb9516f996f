import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The widget's width from which its controls and its canvas stand side by side (`widgetStyles`' container queries,
 * image-template.ts): narrower, they are one column, the canvas above the controls once it has something to show.
 */
const SIDE_BY_SIDE = 720;

/**
 * Whether the widget is laid out in one column, as its container queries lay it out, so that what is drawn can be put
 * where the eye is in that layout (`one`); the widget draws again when that changes.
 */
export class ColumnsController implements ReactiveController {
  /** One column: narrower than `SIDE_BY_SIDE`. Until the widget has been measured, side by side. */
  one = false;

  readonly #host: ReactiveControllerHost & Element;
  readonly #observer = new ResizeObserver(([entry]) => {
    const one = entry.contentRect.width < SIDE_BY_SIDE;
    if (one === this.one) return;
    this.one = one;
    this.#host.requestUpdate();
  });

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {
    this.#observer.observe(this.#host);
  }

  hostDisconnected() {
    this.#observer.disconnect();
  }
}
