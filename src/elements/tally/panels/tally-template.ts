import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { modelName } from '../../../pricing/index.js';
import { wordsIn } from '../../../strings/strings.js';
import { tally as english, type TallyStrings } from '../../../strings/tally/tally.js';
import type { Tally } from '../../../base/types.js';
import type { Spoken } from '../../shared/language-controller.js';
import { renderTallySummary, usd } from '../tally-summary.js';
import type { BudgetFigures } from '../tally-summary.js';
import type Decimal from 'decimal.js';
import type { OrphanNext } from '../../../strings/tally/tally.js';
import { chartOf } from './chart.js';
import type { UncertainCharge } from '../uncertain-charges.js';
import { renderUncertain } from '../uncertain-list/index.js';
import { renderReconcile, type ReconcileView } from './reconcile.js';

/** A pending generation: its model, when it started (as a person writes it), the amount it holds. */
export interface PendingItem {
  model: string;
  started: string;
  usd: string;
}

/** A pending generation whose page closed, and what the next widget to open does with it (`orphanEntry`). */
export interface OrphanItem extends PendingItem {
  provider: string;
  next: OrphanNext;
  /** The provider is paid with the user's own key: the widget needs it to fetch the image. */
  keyed: boolean;
}

/** Pending generations of one kind, and what they hold together. */
export interface PendingGroup<Item> {
  items: readonly Item[];
  held: string;
}

/** How much of the budget is used (whole percent, past 100 when over) and what that means for the meter. */
export interface BudgetMeter {
  percent: number;
  state: 'fine' | 'near' | 'reached' | 'over';
}

/** Everything `<userpays-tally>` shows, read-only (built by `tallyView`). */
export interface TallyView extends Spoken {
  tally: Tally;
  /** A storage problem, or a budget on the page that is not an amount: what the user should know about. */
  notice: string | null;
  /**
   * The user's own budget (`value`, '' where none), which the input holds as they type one in the locale (`typed`:
   * '2,5' in German); `site` is the budget in force when it is the site's (lower); `refused`, why what they typed last
   * is not an amount, until they type in the field again.
   */
  budget: { value: string; typed: string; site?: string; refused?: string; held: 'browser' | 'account' };
  /** Spent, held, uncertain and left (or over), exactly. */
  figures: BudgetFigures;
  /** How much of the budget in force is used; undefined without a budget. */
  meter?: BudgetMeter;
  /** USD spent per local day (the ledger's `spentByDay`), and today's local day number: the 30-day chart. */
  byDay: Map<number, Decimal>;
  today: number;
  /** Generations a live page is running. */
  generating: PendingGroup<PendingItem>;
  /** Generations whose page closed before they were done (docs/ledger.md, "Orphans"): held until a widget settles them. */
  orphaned: PendingGroup<OrphanItem>;
  /** Charges no reply confirmed or denied: which provider, model, when sent, how much; the user may settle them. */
  uncertain: readonly UncertainCharge[];
  /** When the session started, in words ("Since today, 7:37 AM"). */
  since: string;
  /** What the last export or import said (`TallyActions.said`). */
  said?: { words: string; error?: boolean };
  /** What "Reconcile with my account" last said (`TallyActions.reconciled`). */
  reconciled?: ReconcileView;
}

export interface TallyHandlers {
  /** The budget field's `change` (Enter, or leaving it) and `input` (typed in). */
  budgetChange(event: Event): void;
  budgetInput(event: Event): void;
  /** A click on Export CSV or Export history (`value` says which: csv, json). */
  exportClick(event: Event): void;
  /** A history file chosen to import (the file field's `change`). */
  importChange(event: Event): void;
  /** A click on Reset or Keep in the confirmation (`value` says which). */
  resetChoice(event: Event): void;
  /** "It was charged" or "It was not" on an uncertain charge (`value`: `charged` or `void`; `dataset.id`). */
  uncertainChoice(event: Event): void;
  /** A click on "Reconcile with my account". */
  reconcileClick(event: Event): void;
}

/** The tally's markup: draws `view`, wires `on`, and changes nothing itself. */
export function renderTally(view: TallyView, on: TallyHandlers) {
  const { tally, locale } = view;
  const text = wordsIn(view.translation, 'tally', english);
  const money = (amount: string) => usd(amount, locale);
  return html`<section aria-label=${text.tallyLabel()}>
    <p part="tally" role="status" aria-live="polite">${renderTallySummary(tally, view, view.figures)}</p>
    ${view.notice ? html`<p part="notice error" class="error" role="alert">${view.notice}</p>` : nothing}
    ${renderBudget(view, on, text)}
    <ul part="models">
      ${Object.entries(tally.byModel).map(
        ([id, split]) =>
          html`<li>${text.modelSplit(modelName(id), money(split.spent), split.images, split.paidFailures)}</li>`,
      )}
    </ul>
    ${renderChart(view, text)} ${renderPending(view, text)} ${renderUncertain(view.uncertain, view, on.uncertainChoice)}
    <p class="muted">${view.since}</p>
    ${renderExport(view, on, text)} ${renderReconcile(view.reconciled, view, on.reconcileClick)}
    <details part="reset">
      <summary>${text.resetOpen()}</summary>
      ${text.resetQuestion()}
      <button class="danger" value="reset" @click=${on.resetChoice}>${text.reset()}</button>
      ${
        view.budget.held === 'account'
          ? html`<button class="danger" value="delete" @click=${on.resetChoice}>${text.deleteEverywhere()}</button>`
          : nothing
      }
      <button value="keep" @click=${on.resetChoice}>${text.keep()}</button>
    </details>
  </section>`;
}

/**
 * `part="export"`: the CSV for spreadsheets; the history file, with the images where asked; the history file to import
 * (a file field, drawn as a button); and what the last export or import said.
 */
function renderExport({ said }: TallyView, on: TallyHandlers, text: TallyStrings) {
  return html`<div part="export">
    <button value="csv" @click=${on.exportClick}>${text.exportCsv()}</button>
    <span class="history"
      ><button value="json" @click=${on.exportClick}>${text.exportHistory()}</button>
      <label><input type="checkbox" />${text.withImages()}</label></span
    >
    <label class="import"
      >${text.importHistory()}<input type="file" accept=".json,application/json" @change=${on.importChange}
    /></label>
    ${
      said
        ? html`<p
            part=${ifDefined(said.error ? 'error' : undefined)}
            class=${said.error ? 'error' : 'muted'}
            role=${said.error ? 'alert' : 'status'}
          >
            ${said.words}
          </p>`
        : nothing
    }
  </div>`;
}

/**
 * `part="budget"`: the field the user types their own budget in, why what they typed is refused, which budget is in
 * force (theirs or the site's) and how much of it is used.
 */
function renderBudget(view: TallyView, on: TallyHandlers, text: TallyStrings) {
  const { budget, meter, locale } = view;
  const money = (amount: string) => usd(amount, locale);
  // The budget field is described by why what was typed is refused, and by which budget is in force.
  const described = [budget.refused && 'budget-refused', 'budget-held', meter && 'budget-note']
    .filter(Boolean)
    .join(' ');
  return html`<div part="budget">
    <label
      >${text.budgetLabel()}
      <input
        inputmode="decimal"
        aria-invalid=${ifDefined(budget.refused ? 'true' : undefined)}
        aria-describedby=${described || nothing}
        .value=${budget.typed}
        @change=${on.budgetChange}
        @input=${on.budgetInput}
    /></label>
    ${
      budget.refused
        ? html`<p id="budget-refused" part="error" class="error" role="alert">${budget.refused}</p>`
        : nothing
    }
    <p id="budget-held" class="muted">${budget.held === 'account' ? text.budgetOnAccount() : text.budgetOnBrowser()}</p>
    ${
      meter
        ? html`<p id="budget-note" class="muted">
              ${
                !budget.site
                  ? text.ownLimit()
                  : budget.value
                    ? text.siteLimitBelowOwn(money(budget.value), money(budget.site))
                    : text.siteLimit(money(budget.site))
              }
            </p>
            ${renderMeter(meter, text)}`
        : nothing
    }
  </div>`;
}

/** `part="chart"`: what was spent on each of the last 30 days; nothing where nothing was. */
function renderChart(view: TallyView, text: TallyStrings) {
  const chart = chartOf(view.byDay, view.today, view);
  return chart
    ? html`<div part="chart" class="muted">
        ${usd(chart.max, view.locale)}
        <svg viewBox="0 0 300 40" role="img" aria-label=${chart.label}>
          <path d=${chart.bars}></path>
        </svg>
        <span class="x"><span>${chart.from}</span>${text.last30Days()}<span>${text.today()}</span></span>
      </div>`
    : nothing;
}

/**
 * `part="pending"`: generations a live page is running, and those whose page closed, each with what it holds; nothing
 * where there is neither.
 */
function renderPending(view: TallyView, text: TallyStrings) {
  const { generating, orphaned } = view;
  if (!generating.items.length && !orphaned.items.length) return nothing;
  // What generations not finished hold may yet be charged: said rounded up, as the tally line says it.
  const mayBe = (amount: string) => usd(amount, view.locale, true);
  return html`<div part="pending">
    ${
      generating.items.length
        ? html`<p id="generating">${text.pendingLabel(mayBe(generating.held))}</p>
            <ul aria-labelledby="generating">
              ${generating.items.map(
                (entry) => html`<li>${text.pendingEntry(modelName(entry.model), entry.started, mayBe(entry.usd))}</li>`,
              )}
            </ul>`
        : nothing
    }
    ${
      orphaned.items.length
        ? html`<p id="orphaned">${text.orphanLabel(mayBe(orphaned.held))}</p>
            <ul aria-labelledby="orphaned">
              ${orphaned.items.map(
                (entry) =>
                  html`<li>
                    ${text.orphanEntry(
                      modelName(entry.model),
                      entry.started,
                      mayBe(entry.usd),
                      entry.next,
                      entry.provider,
                      entry.keyed,
                    )}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  </div>`;
}

/** What the budget's meter says, by where the spending stands: passed, reached, nearly used, or how much is used. */
function meterWords(text: TallyStrings, state: BudgetMeter['state'], percent: number): string {
  if (state === 'over') return text.budgetPassed(percent);
  if (state === 'reached') return text.budgetReached();
  return state === 'near' ? text.budgetNearlyUsed(percent) : text.budgetUsed(percent);
}

/**
 * How much of the budget is used, in words and as a `<meter>` whose regions say it too: percents are whole, so past
 * `low` (90–99 %) is the warning region and past `high` (100 % and more) the danger one, `optimum` being none used.
 * From 100 % the words are in the danger colour as well.
 */
function renderMeter(meter: BudgetMeter, text: TallyStrings) {
  const { percent, state } = meter;
  const used = state === 'reached' || state === 'over';
  return html`<label class=${used ? 'error' : ''}
    >${meterWords(text, state, percent)}<meter
      min="0"
      max="1"
      optimum="0"
      low="0.89"
      high="0.99"
      .value=${Math.min(percent, 100) / 100}
    ></meter
  ></label>`;
}
