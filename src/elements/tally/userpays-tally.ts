import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LedgerStore } from '../../ledger/index.js';
import { formatUsd, modelInfo } from '../../pricing/index.js';
import type { Tally } from '../../types.js';
import { emit } from '../shared/events.js';
import { imageCount, renderTallySummary } from '../shared/tally-view.js';
import { theme } from '../shared/theme.js';
import { renderChart } from './chart.js';
import { ledgerFile } from './export.js';

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
 * @csspart export - The CSV and JSON download links.
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
  /** Session spending cap in USD (decimal string). When set, it wins over the budget the user sets here. */
  @property({ attribute: 'budget' }) budget = '';
  @property({ attribute: 'locale' }) locale = '';

  @state() private current?: Tally;
  private ledger?: LedgerStore;
  private unsubscribe?: () => void;

  /** The current tally (the same shape the widget reports). */
  get tally(): Tally | undefined {
    return this.current;
  }

  /** Starts a new session: spent and images go back to zero (no confirmation: the UI asks first). */
  reset() {
    this.ledger?.reset();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.open();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = this.ledger = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('storageKey') && this.ledger) this.open();
    else if (changed.has('budget') && this.ledger) this.refresh(this.ledger.tally(this.budget || null));
  }

  private open() {
    this.unsubscribe?.();
    const ledger = (this.ledger = new LedgerStore({ storageKey: this.storageKey }));
    this.unsubscribe = ledger.subscribe(
      (tally) => this.refresh(tally),
      () => this.budget || null,
    );
    this.refresh(ledger.tally(this.budget || null));
  }

  private refresh(tally: Tally) {
    this.requestUpdate(); // pending entries change without changing the tally
    if (JSON.stringify(tally) === JSON.stringify(this.current)) return;
    this.current = tally;
    emit(this, 'userpays-tally', tally);
  }

  override render() {
    const { current: tally, ledger } = this;
    if (!tally || !ledger) return nothing;
    const locale = this.locale || undefined;
    const usd = (amount: string) => formatUsd(amount, locale);
    const label = (id: string) => modelInfo(id)?.label ?? id;
    const { budget, remaining, byModel } = tally;
    const notice = ledger.notice;
    const pending = ledger.pending();
    return html`<section aria-label="Image generation spending">
      <p part="tally" role="status" aria-live="polite">${renderTallySummary(tally, locale)}</p>
      ${notice ? html`<p part="notice" class="error" role="alert">${notice}</p>` : nothing}
      <p part="budget">
        <label
          >Budget (USD)
          <input
            inputmode="decimal"
            .value=${this.budget || ledger.budget || ''}
            ?disabled=${!!this.budget}
            @change=${this.setBudget}
        /></label>
        ${budget ? html`<meter aria-label="Budget used" .value=${+budget ? 1 - +remaining! / +budget : 1}></meter>` : nothing}
      </p>
      <ul part="models">
        ${Object.entries(byModel).map(([id, split]) => html`<li>${label(id)}: ${usd(split.spent)} on ${imageCount(split.images)}</li>`)}
      </ul>
      ${renderChart(ledger, locale)}
      ${
        pending.length
          ? html`<ul part="pending" aria-label="Generating now">
              ${pending.map((e) => html`<li>${label(e.model)}, started ${new Date(e.at).toLocaleString(locale)}, ${usd(e.charged ?? e.quoted)}</li>`)}
            </ul>`
          : nothing
      }
      <p class="muted">Since ${new Date(tally.since).toLocaleString(locale)}</p>
      <p part="export">
        <a href="" download="${this.storageKey}-spending.csv" @click=${this.save}>Export CSV</a>
        <a href="" download="${this.storageKey}-spending.json" @click=${this.save}>Export JSON</a>
      </p>
      <details part="reset">
        <summary>Reset…</summary>
        Start a new session? Spent and images go back to zero.
        <button @click=${this.confirm}>Reset</button>
        <button @click=${this.confirm}>Keep</button>
      </details>
    </section>`;
  }

  /** Reset… (a disclosure) asks; Reset resets, Keep does not; either closes it, focus back on Reset…. */
  private confirm(e: Event) {
    const button = e.target as HTMLElement;
    const details = button.parentElement as HTMLDetailsElement;
    if (button.textContent == 'Reset') this.reset();
    details.open = false;
    (details.firstElementChild as HTMLElement).focus(); // its summary
  }

  /** A new budget from the input; one that is not an amount is refused in words (the browser's validation message). */
  private setBudget(e: Event) {
    const input = e.target as HTMLInputElement;
    let problem = '';
    try {
      this.ledger!.budget = input.value || null; // spaces around are fine
    } catch {
      problem = 'Enter an amount in dollars, like 2.50';
    }
    input.setCustomValidity(problem);
    input.reportValidity();
  }

  /** A download link's click: points it at a fresh Blob of the ledger, then the browser downloads it. */
  private save(e: Event) {
    const a = e.currentTarget as HTMLAnchorElement;
    const csv = a.download.endsWith('v');
    URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(
      new Blob([ledgerFile(this.ledger!, this.current!, csv)], { type: csv ? 'text/csv' : 'application/json' }),
    );
  }
}
