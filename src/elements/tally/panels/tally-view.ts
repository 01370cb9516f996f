import Decimal from 'decimal.js';
import { dayOf } from '../../../base/days.js';
import type { LedgerEntry, LedgerStore } from '../../../ledger/ledger.js';
import type { Tally } from '../../../base/types.js';
import { providerInfo } from '../../../providers/registry/catalog.js';
import { reword, wordsIn } from '../../../strings/strings.js';
import { tally as english } from '../../../strings/tally/tally.js';
import { tallyLine } from '../../../strings/tally/tally-line.js';
import type { Spoken } from '../../shared/language-controller.js';
import { typedForm } from '../../../pricing/typed-amount.js';
import { budgetFigures } from '../tally-summary.js';
import { spokenTime, uncertainCharges } from '../uncertain-charges.js';
import type { BudgetMeter, OrphanItem, TallyView } from './tally-template.js';
import type { TallyActions } from './tally-actions.js';

/** From this share of the budget used (spent, held and what may have been charged), the meter warns. */
const NEAR_PERCENT = 90;

/**
 * What `<userpays-tally>` shows of `ledger` at `now` (ms): the figures, which budget is in force and how much of it
 * is used, the chart, what is generating, what was left unfinished by a page that closed (`seen.orphaned`: the ids of
 * the pending entries no page holds the lock of, see LedgerStore.orphans) and what may have been charged, times as
 * `locale` writes them. `problem`: why the element's own `budget` attribute cannot be used ('' when it can);
 * `seen.refused`: what the user typed as the budget that is not an amount ('' when nothing is refused).
 */
export function tallyView(
  ledger: LedgerStore,
  tally: Tally,
  now: number,
  { locale, translation }: Spoken,
  problem = '',
  {
    orphaned,
    refused,
    said,
    reconciling,
  }: Pick<TallyActions, 'orphaned' | 'refused' | 'said'> & Partial<Pick<TallyActions, 'reconciling'>> = {
    orphaned: new Set(),
    refused: '',
  },
): TallyView {
  const own = ledger.budget;
  const today = dayOf(now);
  const text = wordsIn(translation, 'tally', english);
  const lineText = wordsIn(translation, 'tallyLine', tallyLine);
  const when = (at: number) => spokenTime(at, today, locale, true, lineText);
  const item = ({ model, at, charged, quoted }: LedgerEntry) => ({ model, started: when(at), usd: charged ?? quoted });
  const pending = ledger.pending();
  const generating = pending.filter((entry) => !orphaned.has(entry.id));
  const left = pending.filter((entry) => orphaned.has(entry.id));
  const held = sum(pending);
  const figures = budgetFigures(tally, held);
  const { notice } = ledger;
  return {
    locale,
    translation,
    tally,
    notice: notice ? reword(notice, translation) : problem || null,
    // A damaged stored budget holds at 0 until the user sets one: the notice says so, not a site's limit or a meter.
    // The user's own as they type one in the locale ('2,5' in German), and why what they typed is none.
    budget: {
      value: own ?? '',
      typed: own ? typedForm(own, locale) : '',
      site: tally.budget === own || ledger.budgetDamaged ? undefined : tally.budget,
      held: ledger.budgetHeld,
      ...(refused && { refused: text.budgetRefused(refused, typedForm('2.50', locale)) }),
    },
    figures,
    meter: tally.budget && !ledger.budgetDamaged ? meterOf(tally, tally.budget, held, figures.over) : undefined,
    byDay: ledger.spentByDay(),
    today,
    generating: { items: generating.map(item), held: sum(generating) },
    orphaned: {
      // What the next widget to open does with each (src/generation/resume.ts): the provider accepted it, so its
      // image is fetched; it was sent and no reply came, so it may have been charged; or it never left.
      items: left.map((entry): OrphanItem => ({
        ...item(entry),
        provider: entry.payee ?? entry.provider,
        next: entry.task ? 'fetch' : entry.sentAt ? 'uncertain' : 'void',
        keyed: !!providerInfo(entry.provider)?.needsKey,
      })),
      held: sum(left),
    },
    uncertain: uncertainCharges(ledger, now, { locale, translation }),
    since: text.since(spokenTime(Date.parse(tally.since), today, locale, false, lineText)),
    said,
    reconciled: reconciling?.view,
  };
}

/** What pending entries hold: the cost the provider reported at acceptance, else the quote. */
const sum = (entries: readonly LedgerEntry[]) =>
  entries.reduce((total, { charged, quoted }) => total.plus(charged ?? quoted), new Decimal(0)).toFixed();

/** Where the spending stands against the budget: passed, reached, nearly used, or fine. */
function stateOf(over: boolean, reached: boolean, percent: number): BudgetMeter['state'] {
  if (over) return 'over';
  if (reached) return 'reached';
  return percent >= NEAR_PERCENT ? 'near' : 'fine';
}

/**
 * How much of the budget spent + held + uncertain take (whole percent, rounded down, past 100 when over; in Decimal:
 * 0.29 × 100 in binary floating point is 28.999…), and what that means: under 90 %, close to the limit, the budget
 * reached exactly (nothing more can be spent), or passed.
 */
function meterOf({ spent, uncertain }: Tally, budget: string, held: string, over?: string): BudgetMeter {
  const limit = new Decimal(budget);
  const used = new Decimal(spent).plus(uncertain ?? 0).plus(held);
  const percent = limit.isZero() ? 100 : used.div(limit).times(100).floor().toNumber();
  return {
    percent,
    state: stateOf(!!over, used.eq(limit), percent),
  };
}
