import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LedgerStore } from '../../ledger/index.js';
import { formatUsd, modelInfo } from '../../pricing/index.js';
import type { Tally } from '../../types.js';
import { emit } from '../shared/events.js';
import { renderTallySummary } from '../shared/tally-view.js';
import { theme } from '../shared/theme.js';

/**
 * The running tally alone: what the user spent since the last reset, on this origin, from
 * any widget or tab.
 *
 * @summary Spent, images, budget left and the per-model split; live across tabs.
 * @event userpays-tally - The ledger changed (here or in another tab); `detail` is the new `Tally`.
 * @csspart tally - The summary line.
 * @csspart models - The per-model split.
 * @csspart reset - The reset button.
 * @csspart notice - A storage problem the user should know about.
 * @cssproperty --userpays-accent - Accent colour.
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysTally extends LitElement {
  static override styles = [
    theme,
    css`
      table {
        border-collapse: collapse;
        margin: 0.4em 0;
        font-size: 0.9em;
      }
      th,
      td {
        text-align: left;
        padding: 0.1em 1em 0.1em 0;
      }
      caption {
        text-align: left;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      button {
        font: inherit;
        border: 1px solid var(--_border);
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: 0.2em 0.8em;
        cursor: pointer;
      }
    `,
  ];

  /** Namespace of the ledger to show. */
  @property({ attribute: 'storage-key' }) storageKey = 'userpays';
  /** Session spending cap in USD (decimal string). */
  @property({ attribute: 'budget' }) budget = '';
  @property({ attribute: 'locale' }) locale = '';

  @state() private current?: Tally;
  private ledger?: LedgerStore;
  private unsubscribe?: () => void;

  /** The current tally (the same shape the widget reports). */
  get tally(): Tally | undefined {
    return this.current;
  }

  /** Starts a new session: spent and images go back to zero. */
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
    this.unsubscribe = ledger.subscribe((tally) => this.refresh(tally), () => this.budget || null);
    this.refresh(ledger.tally(this.budget || null));
  }

  private refresh(tally: Tally) {
    if (JSON.stringify(tally) === JSON.stringify(this.current)) return;
    this.current = tally;
    emit(this, 'userpays-tally', tally);
  }

  override render() {
    const tally = this.current;
    if (!tally) return nothing;
    const locale = this.locale || undefined;
    const models = Object.entries(tally.byModel);
    return html`<section aria-label="Image generation spending">
      <p part="tally" role="status" aria-live="polite">${renderTallySummary(tally, locale)}</p>
      ${this.ledger?.notice ? html`<p part="notice" class="error">${this.ledger.notice}</p>` : nothing}
      ${models.length
        ? html`<table part="models">
            <caption class="muted">By model</caption>
            <thead><tr><th scope="col">Model</th><th scope="col">Images</th><th scope="col">Spent</th></tr></thead>
            <tbody>
              ${models.map(
                ([id, split]) =>
                  html`<tr>
                    <td>${modelInfo(id)?.label ?? id}</td>
                    <td class="num">${split.images}</td>
                    <td class="num">${formatUsd(split.spent, locale)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      <p class="muted">
        Since ${new Date(tally.since).toLocaleString(locale)}
        <button part="reset" @click=${this.confirmReset}>Reset</button>
      </p>
    </section>`;
  }

  private confirmReset() {
    if (confirm('Start a new session? Spent and image count go back to zero; your images are kept.')) this.reset();
  }
}
