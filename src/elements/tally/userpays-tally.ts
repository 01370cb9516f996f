import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { clock } from '../../clock.js';
import { dayOf } from '../../ledger/index.js';
import * as text from '../../strings/page.js';
import type { Tally } from '../../types.js';
import { LedgerController } from '../controllers/ledger-controller.js';
import { theme } from '../shared/theme.js';
import { last30Days } from './chart.js';
import { ledgerFile } from './export.js';
import { renderTally } from './tally-template.js';
import type { TallyHandlers } from './tally-template.js';

/**
 * The running tally alone: what the user spent since the last reset, on this origin, from
 * any widget or tab.
 *
 * @summary Spent, images, budget, per-model split, spend per day, pending generations, export and reset; live across tabs.
 * @tagname userpays-tally
 * @event userpays-tally - The ledger or the budget changed (here or in another tab); `detail` is the new `Tally`.
 * @csspart tally - The summary line.
 * @csspart budget - The budget: its input and a bar of how much of it is used.
 * @csspart models - The per-model split (a list).
 * @csspart chart - Spend per day (an inline SVG bar chart; its figures also as text).
 * @csspart pending - Generations still running (model, when each started, amount held).
 * @csspart uncertain - Charges no reply confirmed or denied, each with "It was charged" / "It was not".
 * @csspart export - The Export CSV and Export JSON buttons (each downloads the ledger as a file).
 * @csspart reset - Reset… and its confirmation (a disclosure: Reset / Keep).
 * @csspart notice - A storage problem the user should know about.
 * @cssproperty --userpays-accent - Accent colour (also of the chart).
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysTally extends LitElement {
  static override styles = [
    theme,
    css`
      button,
      input {
        font: inherit;
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: inherit;
        border-radius: var(--_radius);
        padding: 0.1em 0.6em;
      }
      svg {
        width: 100%;
        height: 3em;
        fill: var(--_accent);
      }
    `,
  ];

  /** Namespace of the ledger to show. */
  @property({ attribute: 'storage-key' }) storageKey = 'userpays';
  /**
   * Session spending cap in USD (decimal string) set by the page. The budget in force for the storage key is
   * the lowest of this, every other element's on the page and the one the user sets here.
   */
  @property() budget = '';
  /** BCP 47 locale for money and dates; the browser's when empty. */
  @property() locale = '';

  private readonly ledger = new LedgerController(this, {
    storageKey: () => this.storageKey,
    budget: () => this.budget,
  });
  private readonly handlers: TallyHandlers = {
    budgetChange: this.onBudgetChange,
    exportClick: this.onExportClick,
    resetChoice: this.onResetChoice,
    uncertainChoice: this.onUncertainChoice,
  };

  /** The current tally (the same shape the widget reports). */
  get tally(): Tally | undefined {
    return this.ledger.tally;
  }

  /** Starts a new session: spent and images go back to zero (no confirmation: the UI asks first). */
  reset() {
    this.ledger.ledger?.reset();
  }

  protected override render() {
    const { ledger, tally } = this.ledger;
    if (!ledger || !tally) return;
    return renderTally(
      {
        locale: this.locale || undefined,
        tally,
        notice: ledger.notice ?? (this.ledger.budgetProblem || null),
        budget: {
          value: ledger.budget ?? '',
          siteLimit: tally.budget && tally.budget !== ledger.budget ? tally.budget : undefined,
        },
        days: last30Days(ledger.spentByDay(), dayOf(clock.now())),
        pending: ledger
          .pending()
          .map((entry) => ({ model: entry.model, at: entry.at, usd: entry.charged ?? entry.quoted })),
        uncertain: ledger.uncertain().map(({ id, provider, model, at, sentAt, charged }) => ({
          id,
          provider,
          model,
          at: sentAt ?? at,
          usd: charged!,
        })),
      },
      this.handlers,
    );
  }

  /** Reset or Keep in the confirmation: either closes it, and focus goes back to Reset…. */
  private onResetChoice(event: Event) {
    const button = event.target as HTMLButtonElement;
    const details = button.parentElement as HTMLDetailsElement;
    if (button.value === 'reset') this.reset();
    details.open = false;
    details.querySelector('summary')!.focus();
  }

  /**
   * The user's word on an uncertain charge, from their provider account: booked as charged (at the amount
   * counted apart) or void. Nothing else can settle a charge whose request has no task id to ask about.
   */
  private onUncertainChoice(event: Event) {
    const button = event.target as HTMLButtonElement;
    const id = button.dataset.id!;
    const entry = this.ledger.ledger?.uncertain().find((candidate) => candidate.id === id);
    if (!entry) return;
    this.ledger.ledger!.resolve(id, button.value === 'charged' ? { charged: entry.charged! } : { void: true });
  }

  /** A new budget from the input; one that is not an amount is refused in words (the browser's validation message). */
  private onBudgetChange(event: Event) {
    const input = event.target as HTMLInputElement;
    let problem = '';
    try {
      this.ledger.ledger!.budget = input.value || null; // spaces around are fine
    } catch {
      problem = text.budgetInvalid();
    }
    input.setCustomValidity(problem);
    input.reportValidity();
  }

  /** Export CSV or JSON: the ledger as it is now, downloaded as `{storage-key}-spending.{csv,json}`. */
  private onExportClick(event: Event) {
    const format = (event.currentTarget as HTMLButtonElement).value;
    const file = ledgerFile(this.ledger.ledger!, this.ledger.tally!, format === 'csv');
    const link = document.createElement('a');
    link.download = `${this.storageKey}-spending.${format}`;
    link.href = URL.createObjectURL(new Blob([file], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // the download has long started by then
  }
}
