import Decimal from 'decimal.js';
import { dayOf } from '../../base/days.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import type { Tally } from '../../base/types.js';
import { budgetFigures } from './tally-summary.js';
import type { TallyView } from './tally-template.js';

/**
 * What `<userpays-tally>` shows of `ledger` at `now` (ms): the figures, which budget is in force, the chart, what
 * is generating and what may have been charged, times as `locale` writes them. `problem`: why the element's own
 * `budget` attribute cannot be used ('' when it can).
 */
export function tallyView(ledger: LedgerStore, tally: Tally, now: number, locale?: string, problem = ''): TallyView {
  const own = ledger.budget;
  const pending = ledger.pending().map(({ model, at, charged, quoted }) => ({
    model,
    started: at,
    usd: charged ?? quoted,
  }));
  return {
    locale,
    tally,
    notice: ledger.notice ?? (problem || null),
    budget: { value: own ?? '', site: tally.budget === own ? undefined : tally.budget },
    figures: budgetFigures(tally, pending.reduce((sum, { usd }) => sum.plus(usd), new Decimal(0)).toFixed()),
    byDay: ledger.spentByDay(),
    today: dayOf(now),
    pending,
    uncertain: ledger.uncertain().map(({ id, provider, model, at, sentAt, charged }) => ({
      id,
      provider,
      model,
      sent: sentAt ?? at,
      usd: charged!,
    })),
    since: Date.parse(tally.since),
  };
}
