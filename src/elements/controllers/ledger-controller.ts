import { isTypedAmount } from '../../base/checks.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LedgerStore } from '../../ledger/index.js';
import * as text from '../../strings/page.js';
import type { Tally } from '../../base/types.js';
import { emit } from '../shared/events.js';
import type { StartupController } from './startup-controller.js';

/** Which ledger the host follows, and the host's own `budget` attribute ('' for none). */
export interface LedgerSource {
  storageKey(): string;
  budget(): string;
}

/**
 * Follows the ledger of the host's storage key while the host is connected: keeps `tally` current after
 * every change (this page or another tab), re-renders the host (pending entries change what it shows
 * without changing the tally), and fires `userpays-tally` when the tally's value changes.
 *
 * The host's `budget` attribute joins the budget in force for the whole key (the lowest of the user's own and
 * every element's: see LedgerStore.setPageBudget), so every widget and tally of the key enforces and shows the
 * same one. A `budget` that is not an amount is `budgetProblem`, and nothing may be spent while it stands:
 * a typo must not lift the cap.
 */
export class LedgerController implements ReactiveController {
  /** The ledger of the current storage key; undefined while the host is not connected. */
  ledger?: LedgerStore;
  tally?: Tally;
  /** Why the host's `budget` cannot be used ('' when it can). */
  budgetProblem = '';
  private unsubscribe?: () => void;
  private openedFor = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: LedgerSource,
    private readonly startup: StartupController,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Read after the first paint (it parses the whole stored ledger), unless something needs it sooner (`opened`).
    this.startup.later(() => this.opened());
  }

  /** The ledger, opened now if it is not yet (a submission before the first paint); undefined while disconnected. */
  opened(): LedgerStore | undefined {
    if (!this.ledger && this.host.isConnected) this.open();
    return this.ledger;
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.ledger?.setPageBudget(this.host, null);
    this.unsubscribe = this.ledger = undefined;
    this.openedFor = '';
  }

  hostUpdate() {
    if (!this.ledger) return;
    if (this.source.storageKey() !== this.openedFor) this.open();
    else this.applyBudget();
  }

  private applyBudget() {
    const budget = this.source.budget();
    const valid = isTypedAmount(budget);
    this.budgetProblem = budget.trim() && !valid ? text.badBudget(budget) : '';
    this.ledger!.setPageBudget(this.host, valid ? budget.trim() : null); // notifies when it changed
  }

  private open() {
    this.unsubscribe?.();
    this.ledger?.setPageBudget(this.host, null);
    const ledger = (this.ledger = new LedgerStore({ storageKey: (this.openedFor = this.source.storageKey()) }));
    this.unsubscribe = ledger.subscribe((tally) => this.changed(tally));
    this.applyBudget();
    this.changed(ledger.tally());
  }

  private changed(tally: Tally) {
    this.host.requestUpdate();
    if (JSON.stringify(tally) === JSON.stringify(this.tally)) return;
    this.tally = tally;
    emit(this.host, 'userpays-tally', tally);
  }
}
