import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type { StartupController } from './startup-controller.js';

/**
 * The panels an element shows beside its form (its `panels/` folder: the comparison, the gallery, the tally's detail…),
 * loaded once with `load` (an `import()` of the element's own panels module), beside its first render rather than in
 * it, so that the page's bundle and first paint carry only the form and its price. Until they arrive, and if they
 * cannot be loaded, the form works without them.
 */
export class PanelsController<Panels extends object> implements ReactiveController {
  panels?: Panels;
  #loading?: Promise<void>;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #load: () => Promise<Panels>;
  readonly #styles: (panels: Panels) => CSSResult;
  readonly #startup: StartupController;
  readonly #arrived?: (panels: Panels) => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The element's panels module, imported on first need (a failed import is tried again next time: `#draw`). */
    load: () => Promise<Panels>,
    /** The panels' styles for this element, adopted beside its own once they load. */
    styles: (panels: Panels) => CSSResult,
    startup: StartupController,
    /** What the host makes of them once they are here (the widget: its gallery), before they are drawn. */
    arrived?: (panels: Panels) => void,
  ) {
    this.#host = host;
    this.#load = load;
    this.#styles = styles;
    this.#startup = startup;
    this.#arrived = arrived;
    host.addController(this);
  }

  /** The panels, loaded now if they are not yet (a submission before the first paint); undefined where they cannot load. */
  async loaded(): Promise<Panels | undefined> {
    await this.#draw();
    return this.panels;
  }

  hostConnected() {
    // Asked for after the first paint, and arriving in a task of its own: the gallery's images (read from
    // IndexedDB by the engine) and a result arrive later still.
    this.#startup.later(() => this.#draw());
  }

  /** Settles once the panels have loaded and been drawn, or failed to load (the element then works without them). */
  #draw(): Promise<void> {
    return (this.#loading ??= this.#load().then(
      async (panels) => {
        await this.#startup.turn(); // drawn in a turn of its own, not in the script's load event
        if (this.panels) return;
        this.panels = panels;
        this.#arrived?.(panels);
        const root = this.#host.shadowRoot!;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#styles(panels).styleSheet!];
        this.#host.requestUpdate();
      },
      () => {
        this.#loading = undefined; // the form works without them; the next connection tries again
      },
    ));
  }
}
