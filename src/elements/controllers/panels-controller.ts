import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type Decimal from 'decimal.js';
import type { LedgerStore } from '../../ledger/index.js';
import { loadPanels } from '../../lazy/index.js';
import type { Panels } from '../../lazy/index.js';
import type { GalleryList, PaidFailure } from '../panels/panels.js';
import type { StartupController } from './startup-controller.js';

/**
 * The panels an element shows beside its form (comparison, projection, the gallery: src/elements/panels/),
 * loaded once, beside its first render rather than in it, so that the page's bundle and first paint carry only
 * the form and its price. Until they arrive, and if they cannot be loaded, the form works without them.
 */
export class PanelsController implements ReactiveController {
  panels?: typeof Panels;
  /** The gallery's list of this element, which keeps its items from one render to the next. */
  galleryList?: GalleryList;
  private spentFor?: object;
  private spent?: ReadonlyMap<number, Decimal>;
  private failuresFor?: object;
  private failures: PaidFailure[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The panels' styles for this element, adopted beside its own once they load. */
    private readonly styles: (panels: typeof Panels) => CSSResult,
    private readonly startup: StartupController,
  ) {
    host.addController(this);
  }

  /** Settles once the panels have loaded, or failed to (the element then works without them). */
  ready: Promise<void> = Promise.resolve();

  hostConnected() {
    // Asked for after the first paint, and arriving in a task of its own: the gallery's images (read from
    // IndexedDB by the engine) and a result arrive later still.
    this.startup.later(() => this.load());
  }

  private load() {
    if (!this.panels)
      this.ready = loadPanels().then(
        async (panels) => {
          await this.startup.turn(); // drawn in a turn of its own, not in the script's load event
          this.panels = panels;
          this.galleryList = new panels.GalleryList();
          const root = this.host.shadowRoot!;
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.styles(panels).styleSheet!];
          this.host.requestUpdate();
        },
        () => {}, // the form works without them; the next connection tries again
      );
  }

  /**
   * The host's `updateComplete` with the panels drawn: an element's `getUpdateComplete()` returns this, so
   * that `await el.updateComplete` (tests, pages) sees the whole element once it has loaded.
   */
  async drawn(update: () => Promise<boolean>): Promise<boolean> {
    const first = await update();
    await this.startup.settled; // the panels are asked for
    await this.ready;
    return (await update()) && first;
  }

  /** The paid generations that brought no image (newest first, at most 5), read again only when the tally changed. */
  paidFailures(ledger: LedgerStore, version: object): readonly PaidFailure[] {
    if (version !== this.failuresFor) {
      this.failuresFor = version;
      this.failures = ledger
        .entries()
        .filter((entry) => entry.status === 'charged' && entry.error && Number(entry.charged) > 0)
        .map(({ model, provider, settledAt, charged, error }) => ({
          model,
          provider,
          at: settledAt!,
          charged: charged!,
          error: error!,
        }))
        .sort((a, b) => b.at - a.at)
        .slice(0, 5);
    }
    return this.failures;
  }

  /** The ledger's spending per local day, summed again only when its tally (`version`) changed. */
  spentByDay(ledger: LedgerStore, version: object): ReadonlyMap<number, Decimal> {
    if (version !== this.spentFor) [this.spent, this.spentFor] = [ledger.spentByDay(), version];
    return this.spent!;
  }
}
