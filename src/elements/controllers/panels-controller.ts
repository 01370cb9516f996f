import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type Decimal from 'decimal.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import { loadPanels } from '../../lazy/index.js';
import type { Panels } from '../../lazy/index.js';
import type { PaidFailure } from '../panels/panels.js';
import type { StartupController } from './startup-controller.js';

/**
 * The panels an element shows beside its form (comparison, projection, the gallery: src/elements/panels/),
 * loaded once, beside its first render rather than in it, so that the page's bundle and first paint carry only
 * the form and its price. Until they arrive, and if they cannot be loaded, the form works without them.
 */
export class PanelsController implements ReactiveController {
  panels?: typeof Panels;
  private loading?: Promise<void>;
  private spentFor?: object;
  private spent?: ReadonlyMap<number, Decimal>;
  private failuresFor?: object;
  private failures: PaidFailure[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The panels' styles for this element, adopted beside its own once they load. */
    private readonly styles: (panels: typeof Panels) => CSSResult,
    private readonly startup: StartupController,
    /** What the host makes of them once they are here (the widget: its gallery), before they are drawn. */
    private readonly arrived?: (panels: typeof Panels) => void,
  ) {
    host.addController(this);
  }

  /** The panels, loaded now if they are not yet (a submission before the first paint); undefined where they cannot load. */
  async loaded(): Promise<typeof Panels | undefined> {
    await this.load();
    return this.panels;
  }

  hostConnected() {
    // Asked for after the first paint, and arriving in a task of its own: the gallery's images (read from
    // IndexedDB by the engine) and a result arrive later still.
    this.startup.later(() => this.load());
  }

  /** Settles once the panels have loaded and been drawn, or failed to load (the element then works without them). */
  private load(): Promise<void> {
    return (this.loading ??= loadPanels().then(
      async (panels) => {
        await this.startup.turn(); // drawn in a turn of its own, not in the script's load event
        if (this.panels) return;
        this.panels = panels;
        this.arrived?.(panels);
        const root = this.host.shadowRoot!;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.styles(panels).styleSheet!];
        this.host.requestUpdate();
      },
      () => {
        this.loading = undefined; // the form works without them; the next connection tries again
      },
    ));
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
