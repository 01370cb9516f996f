import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LedgerStore } from '../../ledger/index.js';
import type { Tally } from '../../types.js';
import { emit } from '../shared/events.js';

/** Which ledger the host follows, and the budget it applies (null: the one the user set, if any). */
export interface LedgerSource {
  storageKey(): string;
  budget(): string | null;
}

/**
 * Follows the ledger of the host's storage key while the host is connected: keeps `tally` current after
 * every change (this page or another tab), re-renders the host (pending entries change what it shows
 * without changing the tally), and fires `userpays-tally` when the tally's value changes.
 */
export class LedgerController implements ReactiveController {
  /** The ledger of the current storage key; undefined while the host is not connected. */
  ledger?: LedgerStore;
  tally?: Tally;
  private unsubscribe?: () => void;
  private openedFor = '';
  private budgetFor: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly source: LedgerSource,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.open();
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = this.ledger = undefined;
    this.openedFor = '';
  }

  hostUpdate() {
    if (!this.ledger) return;
    if (this.source.storageKey() !== this.openedFor) this.open();
    else if (this.source.budget() !== this.budgetFor) this.changed(this.ledger.tally(this.budget()));
  }

  private budget() {
    return (this.budgetFor = this.source.budget());
  }

  private open() {
    this.unsubscribe?.();
    const ledger = (this.ledger = new LedgerStore({ storageKey: (this.openedFor = this.source.storageKey()) }));
    this.unsubscribe = ledger.subscribe(
      (tally) => this.changed(tally),
      () => this.budget(),
    );
    this.changed(ledger.tally(this.budget()));
  }

  private changed(tally: Tally) {
    this.host.requestUpdate();
    if (JSON.stringify(tally) === JSON.stringify(this.tally)) return;
    this.tally = tally;
    emit(this.host, 'userpays-tally', tally);
  }
}
