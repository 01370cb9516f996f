import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTypedAmount } from '../../base/checks.js';
import type { Tally } from '../../base/types.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import { loadLedger } from '../../lazy/index.js';
import type { Ledger } from '../../lazy/index.js';
import { wordsIn } from '../../strings/strings.js';
import type { Spoken } from './language-controller.js';
import { widget } from '../../strings/image/widget.js';
import { emit } from './events.js';
import type { StartupController } from './startup-controller.js';

/** Which ledger the host follows, and the host's own `budget` attribute ('' for none). */
export interface LedgerSource {
  storageKey(): string;
  budget(): string;
  /** The host's words (`budgetProblem` is said in them). */
  language: Spoken;
}

/**
 * Follows the ledger of the host's storage key while the host is connected: keeps `tally` current after
 * every change (this page or another tab), re-renders the host (pending entries change what it shows
 * without changing the tally), and fires `userpays-tally` when the tally's value changes. The ledger's code
 * loads, and the stored ledger is read, just after the first paint (or sooner, when a submission needs it).
 *
 * The host's `budget` attribute joins the budget in force for the whole key (the lowest of the user's own and
 * every element's: see LedgerStore.setPageBudget), so every widget and tally of the key enforces and shows the
 * same one. A `budget` that is not an amount is `budgetProblem`, and nothing may be spent while it stands:
 * a typo must not lift the cap.
 */
export class LedgerController implements ReactiveController {
  /** The ledger of the current storage key; undefined until it has loaded, and while the host is not connected. */
  ledger?: LedgerStore;
  tally?: Tally;
  /** Why the host's `budget` cannot be used ('' when it can). */
  budgetProblem = '';
  #module?: typeof Ledger;
  #unsubscribe?: () => void;
  #openedFor = '';

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: LedgerSource;
  readonly #startup: StartupController;

  constructor(host: ReactiveControllerHost & HTMLElement, source: LedgerSource, startup: StartupController) {
    this.#host = host;
    this.#source = source;
    this.#startup = startup;
    host.addController(this);
  }

  hostConnected() {
    // Read after the first paint (it parses the whole stored ledger), unless something needs it sooner (`ready`).
    this.#startup.later(() => this.#arrive().catch(() => {})); // could not load: a submission says so
  }

  /**
   * Opens the ledger in a turn of the host's own once its code has arrived. The code arrives once for the whole
   * page: opened where it lands, every widget would re-render (and re-price) in that one task, a long one with a
   * hundred widgets; in turns, each takes a task of its own, a few to a frame.
   */
  async #arrive() {
    if (!this.#module) {
      const module = await loadLedger();
      await this.#startup.turn();
      this.#module ??= module;
    }
    this.opened();
  }

  /** The ledger, opened now if its code has loaded and it is not open yet; undefined otherwise (see `ready`). */
  opened(): LedgerStore | undefined {
    if (!this.ledger && this.#module && this.#host.isConnected) this.#open(this.#module);
    return this.ledger;
  }

  /**
   * The ledger once its code has loaded (at once if it has); undefined while the host is not connected. Rejects
   * where the code cannot load (offline): nothing can be booked, so nothing may be spent.
   */
  async ready(): Promise<LedgerStore | undefined> {
    this.#module ??= await loadLedger();
    return this.opened();
  }

  /** Runs `work` with the ledger: at once if it is open, else once it has loaded (nothing while disconnected). */
  use(work: (ledger: LedgerStore) => void) {
    const ledger = this.opened();
    if (ledger) work(ledger);
    else
      void this.ready().then(
        (loaded) => loaded && work(loaded),
        () => {},
      );
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    this.ledger?.setPageBudget(this.#host, null);
    this.#unsubscribe = this.ledger = undefined;
    this.#openedFor = '';
  }

  hostUpdate() {
    if (!this.ledger) return;
    if (this.#source.storageKey() !== this.#openedFor) this.#open(this.#module!);
    else this.#applyBudget();
  }

  #applyBudget() {
    const budget = this.#source.budget();
    const valid = isTypedAmount(budget);
    const text = wordsIn(this.#source.language.translation, 'widget', widget);
    this.budgetProblem = budget.trim() && !valid ? text.badBudget(budget) : '';
    this.ledger!.setPageBudget(this.#host, valid ? budget.trim() : null); // notifies when it changed
  }

  #open({ LedgerStore }: typeof Ledger) {
    this.#unsubscribe?.();
    this.ledger?.setPageBudget(this.#host, null);
    const ledger = (this.ledger = new LedgerStore({ storageKey: (this.#openedFor = this.#source.storageKey()) }));
    this.#unsubscribe = ledger.subscribe((tally) => this.#changed(tally));
    this.#applyBudget();
    this.#changed(ledger.tally());
  }

  #changed(tally: Tally) {
    this.#host.requestUpdate();
    if (JSON.stringify(tally) === JSON.stringify(this.tally)) return;
    this.tally = tally;
    emit(this.#host, 'userpays-tally', tally);
  }
}
