import { html, nothing } from 'lit';
import { formatUsd, modelInfo } from '../../pricing/index.js';
import * as text from '../../strings/page.js';
import type { Tally } from '../../types.js';
import { renderTallySummary } from '../shared/tally-view.js';
import { renderChart } from './chart.js';
import type { DaySpend } from './chart.js';

/** Everything `<userpays-tally>` shows, read-only. */
export interface TallyView {
  locale?: string;
  tally: Tally;
  /** A storage problem, or a budget on the page that is not an amount: what the user should know about. */
  notice: string | null;
  /** The budget input holds the user's own budget; `siteLimit` is set when the page's is lower. */
  budget: { value: string; siteLimit?: string };
  days: DaySpend[];
  /** Generations still running: model, when each started (ms since the epoch), the amount held. */
  pending: readonly { model: string; at: number; usd: string }[];
  /** Charges no reply confirmed or denied: which provider, model, when sent, how much; the user may settle them. */
  uncertain: readonly { id: string; provider: string; model: string; at: number; usd: string }[];
}

export interface TallyHandlers {
  budgetChange(event: Event): void;
  /** A click on Export CSV or Export JSON (`value` says which). */
  exportClick(event: Event): void;
  /** A click on Reset or Keep in the confirmation (`value` says which). */
  resetChoice(event: Event): void;
  /** "It was charged" or "It was not" on an uncertain charge (`value`: `charged` or `void`; `dataset.id`). */
  uncertainChoice(event: Event): void;
}

const label = (id: string) => modelInfo(id)?.label ?? id;

/** The tally's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderTally(view: TallyView, on: TallyHandlers) {
  const { tally, locale, budget } = view;
  const usd = (amount: string) => formatUsd(amount, locale);
  const used = tally.budget ? (+tally.budget ? 1 - +tally.remaining! / +tally.budget : 1) : undefined;
  return html`<section aria-label=${text.tallyLabel()}>
    <p part="tally" role="status" aria-live="polite">${renderTallySummary(tally, locale)}</p>
    ${view.notice ? html`<p part="notice" class="error" role="alert">${view.notice}</p>` : nothing}
    <p part="budget">
      <label
        >${text.budgetLabel()} <input inputmode="decimal" .value=${budget.value} @change=${on.budgetChange}
      /></label>
      ${budget.siteLimit ? html`<span class="muted">${text.siteLimit(usd(budget.siteLimit))}</span>` : nothing}
      ${used === undefined ? nothing : html`<meter aria-label=${text.budgetUsed()} .value=${used}></meter>`}
    </p>
    <ul part="models">
      ${Object.entries(tally.byModel).map(
        ([id, split]) => html`<li>${text.modelSplit(label(id), usd(split.spent), split.images)}</li>`,
      )}
    </ul>
    ${renderChart(view.days, locale)}
    ${
      view.pending.length
        ? html`<ul part="pending" aria-label=${text.pendingLabel()}>
            ${view.pending.map(
              (entry) =>
                html`<li>
                  ${text.pendingEntry(label(entry.model), new Date(entry.at).toLocaleString(locale), usd(entry.usd))}
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      view.uncertain.length
        ? html`<ul part="uncertain" aria-label=${text.uncertainLabel()}>
            ${view.uncertain.map(
              (entry) =>
                html`<li>
                  ${text.uncertainEntry(
                    label(entry.model),
                    new Date(entry.at).toLocaleString(locale),
                    usd(entry.usd),
                    entry.provider,
                  )}
                  <button value="charged" data-id=${entry.id} @click=${on.uncertainChoice}>
                    ${text.uncertainCharged()}
                  </button>
                  <button value="void" data-id=${entry.id} @click=${on.uncertainChoice}>
                    ${text.uncertainNotCharged()}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <p class="muted">${text.since(new Date(tally.since).toLocaleString(locale))}</p>
    <p part="export">
      <button value="csv" @click=${on.exportClick}>${text.exportCsv()}</button>
      <button value="json" @click=${on.exportClick}>${text.exportJson()}</button>
    </p>
    <details part="reset">
      <summary>${text.resetOpen()}</summary>
      ${text.resetQuestion()}
      <button value="reset" @click=${on.resetChoice}>${text.reset()}</button>
      <button value="keep" @click=${on.resetChoice}>${text.keep()}</button>
    </details>
  </section>`;
}
