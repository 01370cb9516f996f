import type { PropertyDeclarations } from 'lit';
import { clock } from '../../base/clock.js';
import type { Tally } from '../../base/types.js';
import { LedgerController } from '../shared/ledger-controller.js';
import { surface, theme } from '../shared/theme.js';
import { UserPaysElement } from '../shared/userpays-element.js';
import type { TallyActions } from './panels/tally-actions.js';
import type * as TallyPanels from './panels/index.js';
import { PanelsController } from '../shared/panels-controller.js';

/**
 * The running tally alone: what the user spent since the last reset, on this origin, from
 * any widget or tab.
 *
 * @summary Spent, images, budget, per-model split, spend per day, pending generations, export and reset; live across tabs.
 * @tagname userpays-tally
 * @event userpays-tally - The ledger or the budget changed (here or in another tab); `detail` is the new `Tally`.
 * @csspart tally - The summary line: spent, held by generations not finished, what may have been charged, and
 * what is left of the budget in force (or how far past it), figures that add up to the budget.
 * @csspart budget - The user's budget input (an amount as the element's locale writes one: "2,50" in German), why
 * what was typed is not an amount (until it is typed in again), which budget is in force (the site's or the user's),
 * and a meter of how much of it is used, with its words ("40 % of budget used"; from 90 % "close to the limit", in the
 * warning colour; at and past the budget "the budget is reached" / "over budget", in the danger colour).
 * @csspart models - The per-model split (a list).
 * @csspart chart - Spend per day over the last 30 days: an inline SVG bar chart with its axis (the biggest day's
 * amount, the first day … Today); its `aria-label` lists every day's amount. Absent when nothing was spent in them.
 * @csspart pending - Generations not finished: those a page is running now ("Generating now"), and those whose page
 * closed before they were done, with what becomes of each; what they hold of the budget, then each (model, when it
 * started, amount held).
 * @csspart uncertain - Charges no reply confirmed or denied, each with "It was charged" / "It was not".
 * @csspart export - Export CSV (for spreadsheets), Export history (one file of the whole history, "with images" where
 * ticked) and Import history (a file field drawn as a button, merged by entry id), and what the last of them said.
 * @csspart reconcile - "Reconcile with my account", and what it said: what each uncertain charge's record settled, and
 * for each provider spent with, its own figure for its period beside what this browser booked, or why there is none.
 * @csspart reset - Reset… and its confirmation (a disclosure: Reset / Keep).
 * @csspart notice - A storage problem the user should know about, or a budget on the page that is not an amount.
 * @csspart error - Every error it shows (the notice is one).
 * @cssproperty --userpays-accent - Accent colour (buttons, the chart).
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-surface - Background the element paints.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-danger - Over budget (the meter from 100 %), errors, and the Reset that empties the tally.
 * @cssproperty --userpays-warning - The budget meter close to the limit (from 90 %).
 * @cssproperty --userpays-radius - Corner radius of buttons and the input.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysTally extends UserPaysElement {
  /**
   * The reactive properties, as Lit declares them without decorators: each public one with its attribute (kebab-case
   * where it has two words; none for objects and the key), the private ones as internal state.
   */
  static override properties: PropertyDeclarations = {
    storageKey: { attribute: 'storage-key' },
    budget: {},
    relay: {},
    endpoints: { attribute: false },
  };
  static override styles = [theme, surface];

  /** Namespace of the ledger to show. */
  storageKey = 'userpays';
  /**
   * Session spending cap in USD (decimal string) set by the page. The budget in force for the storage key is
   * the lowest of this, every other element's on the page and the one the user sets here.
   */
  budget = '';
  /**
   * The endpoint the page names for each provider (`{openrouter: '…'}`; absent: its public one), as its
   * `<userpays-image>` has `endpoint`: "Reconcile with my account" reads a provider there, with the key remembered for
   * that route on this device, sent there alone (docs/ledger.md, "Reconcile").
   */
  endpoints: Readonly<Record<string, string>> = {};
  /** The site's relay ('' for none), as its `<userpays-image>` has it: a remembered key goes the way it was given for. */
  relay = '';

  readonly #ledger = new LedgerController(
    this,
    {
      storageKey: () => this.storageKey,
      budget: () => this.budget,
      language: this.language,
    },
    this.startup,
  );
  readonly #panels = new PanelsController<typeof TallyPanels>(
    this,
    () => import('./panels/index.js'),
    (panels) => panels.tallyPanelStyles,
    this.startup,
  );
  /** What the controls beyond the summary line do, and which pending entries' pages are gone: made with the panels. */
  #actions?: TallyActions;

  /** The current tally (the same shape the widget reports). */
  get tally(): Tally | undefined {
    this.#ledger.opened();
    return this.#ledger.tally;
  }

  /** Starts a new session: spent and images go back to zero (no confirmation: the UI asks first). */
  reset() {
    this.#ledger.use((ledger) => ledger.reset());
  }

  override connectedCallback() {
    super.connectedCallback();
    // The tally is all this element shows: its ledger is loaded at once, not after the first paint.
    void this.#ledger.ready().catch(() => {}); // could not load: nothing to show
  }

  protected override render() {
    const { ledger, tally, budgetProblem } = this.#ledger;
    if (!ledger || !tally) return;
    const { panels } = this.#panels;
    // Everything comes with the panels, just after the first paint: the first load is the widget's price's.
    if (!panels) return;
    const actions = (this.#actions ??= panels.tallyHandlers({
      host: this,
      ledger: () => this.#ledger.ledger,
      tally: () => this.#ledger.tally,
      storageKey: () => this.storageKey,
      endpoints: () => this.endpoints,
      relay: () => this.relay,
      language: this.language,
    }));
    return panels.renderTally(
      panels.tallyView(ledger, tally, clock.now(), this.language, budgetProblem, actions),
      actions,
    );
  }
}
