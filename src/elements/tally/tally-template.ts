import { html, nothing } from 'lit';
import { modelName } from '../../pricing/index.js';
import * as text from '../../strings/tally.js';
import type { Tally } from '../../base/types.js';
import { renderTallySummary, usd } from './tally-summary.js';
import type { BudgetFigures } from './tally-summary.js';
import type Decimal from 'decimal.js';
import { formatDate } from '../panels/dates.js';
import { chartOf } from './chart.js';

/** Everything `<userpays-tally>` shows, read-only (built by `tallyView`). */
export interface TallyView {
  locale?: string;
  tally: Tally;
  /** A storage problem, or a budget on the page that is not an amount: what the user should know about. */
  notice: string | null;
  /** The input holds the user's own budget; `site` is the budget in force when it is the site's (lower). */
  budget: { value: string; site?: string };
  /** Spent, held, uncertain and left (or over), exactly; how much of the budget is used. */
  figures: BudgetFigures;
  /** USD spent per local day (the ledger's `spentByDay`), and today's local day number: the 30-day chart. */
  byDay: Map<number, Decimal>;
  today: number;
  /** Generations still running: model, when each started (ms since the epoch), the amount held. */
  pending: readonly { model: string; started: number; usd: string }[];
  /** Charges no reply confirmed or denied: which provider, model, when sent (ms), how much; the user may settle them. */
  uncertain: readonly { id: string; provider: string; model: string; sent: number; usd: string }[];
  /** When the session started (ms since the epoch). */
  since: number;
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

/** The tally's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderTally(view: TallyView, on: TallyHandlers) {
  const { tally, locale, budget, figures } = view;
  const chart = chartOf(view.byDay, view.today, locale);
  const money = (amount: string) => usd(amount, locale);
  const when = (at: number) => formatDate(at, locale, 'full');
  return html`<section aria-label=${text.tallyLabel()}>
    <p part="tally" role="status" aria-live="polite">${renderTallySummary(tally, locale, figures)}</p>
    ${view.notice ? html`<p part="notice" class="error" role="alert">${view.notice}</p>` : nothing}
    <div part="budget">
      <label
        >${text.budgetLabel()} <input inputmode="decimal" .value=${budget.value} @change=${on.budgetChange}
      /></label>
      ${
        tally.budget
          ? html`<p class="muted">${budget.site ? text.siteLimit(money(budget.site)) : text.ownLimit()}</p>
              <label>${text.budgetUsed(figures.percent!)}<meter .value=${figures.percent! / 100}></meter></label>`
          : nothing
      }
    </div>
    <ul part="models">
      ${Object.entries(tally.byModel).map(
        ([id, split]) => html`<li>${text.modelSplit(modelName(id), money(split.spent), split.images)}</li>`,
      )}
    </ul>
    ${
      chart
        ? html`<div part="chart" class="muted">
            ${money(chart.max)}
            <svg viewBox="0 0 300 40" role="img" aria-label=${chart.label}>
              <path d=${chart.bars}></path>
            </svg>
            <span class="x"><span>${chart.from}</span>${text.last30Days()}<span>${text.today()}</span></span>
          </div>`
        : nothing
    }
    ${
      view.pending.length
        ? html`<div part="pending">
            <p id="pending">${text.pendingLabel(money(figures.held))}</p>
            <ul aria-labelledby="pending">
              ${view.pending.map(
                (entry) =>
                  html`<li>${text.pendingEntry(modelName(entry.model), when(entry.started), money(entry.usd))}</li>`,
              )}
            </ul>
          </div>`
        : nothing
    }
    ${
      view.uncertain.length
        ? html`<div part="uncertain">
            <p id="uncertain">${text.uncertainLabel()}</p>
            <ul aria-labelledby="uncertain">
              ${view.uncertain.map(
                (entry) =>
                  html`<li>
                    ${text.uncertainEntry(modelName(entry.model), when(entry.sent), money(entry.usd), entry.provider)}
                    <button value="charged" data-id=${entry.id} @click=${on.uncertainChoice}>
                      ${text.uncertainCharged()}
                    </button>
                    <button value="void" data-id=${entry.id} @click=${on.uncertainChoice}>
                      ${text.uncertainNotCharged()}
                    </button>
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing
    }
    <p class="muted">${text.since(when(view.since))}</p>
    <p part="export">
      <button value="csv" @click=${on.exportClick}>${text.exportCsv()}</button>
      <button value="json" @click=${on.exportClick}>${text.exportJson()}</button>
    </p>
    <details part="reset">
      <summary>${text.resetOpen()}</summary>
      ${text.resetQuestion()}
      <button class="danger" value="reset" @click=${on.resetChoice}>${text.reset()}</button>
      <button value="keep" @click=${on.resetChoice}>${text.keep()}</button>
    </details>
  </section>`;
}
