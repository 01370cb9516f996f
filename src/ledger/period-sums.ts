/**
 * What this ledger booked with one provider in one of the provider's own periods (a UTC day, a UTC week from Monday, a
 * UTC month: OpenRouter's, providers/openrouter/key-usage.ts), exactly, so that the tally's "Reconcile" can set it
 * beside the provider's own figure (docs/ledger.md, "Reconcile").
 */
import { DAY_MS } from '../base/days.js';
import { Decimal } from './amounts.js';
import type { DaySummary } from './compaction.js';
import { chargedAmount, isUncertain, settledTime, type LedgerEntry } from './entry-codec.js';

export type Period = 'day' | 'week' | 'month';

/** When the UTC `period` holding `now` (ms) began, ms: midnight UTC; of Monday for a week; of the 1st for a month. */
export function periodStart(period: Period, now: number): number {
  const date = new Date(now);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (period === 'day') return midnight;
  if (period === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  // getUTCDay: Sunday 0 … Saturday 6; a week begins on Monday.
  return midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
}

/** What the ledger holds of one provider in a period. */
export interface PeriodBooked {
  /** Charged (and the part of an uncertain charge its balance showed certainly charged), USD. */
  booked: Decimal;
  /**
   * What uncertain charges may have cost beyond that, and what generations sent and not finished hold, USD, and how
   * many they are: not known yet, neither nothing nor spent.
   */
  uncertain: Decimal;
  uncertainCount: number;
  /**
   * What older entries folded into daily rows (compaction.ts) hold on the days the period touches, every provider's
   * together: a row names its model, not whom it was paid to, so none of it is counted as the provider's.
   */
  folded: Decimal;
}

/** Where a folded row's local day (`YYYY-MM-DD`) lies in time: from its local midnight, one day long. */
function localDaySpan(day: string): [number, number] {
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(year, month - 1, date).getTime();
  return [start, start + DAY_MS];
}

/**
 * What `entries` and the folded rows `compacted` hold of `provider` settled from `from` (ms) on: each entry counted by
 * when it settled (the reply's time: a charge made just before a period began may fall into it), exactly.
 */
export function bookedSince(
  entries: readonly LedgerEntry[],
  compacted: readonly DaySummary[],
  provider: string,
  from: number,
): PeriodBooked {
  const sums: PeriodBooked = {
    booked: new Decimal(0),
    uncertain: new Decimal(0),
    uncertainCount: 0,
    folded: new Decimal(0),
  };
  for (const entry of entries) {
    if (entry.provider !== provider || entry.status === 'void') continue;
    if (entry.status === 'pending') {
      // Sent and not finished: it may be charged already, and is not known yet.
      if (entry.sentAt === undefined) continue;
      sums.uncertain = sums.uncertain.plus(entry.charged ?? entry.quoted);
      sums.uncertainCount++;
    } else if (settledTime(entry) < from) continue;
    else if (isUncertain(entry)) {
      const certain = entry.certain ?? '0';
      sums.booked = sums.booked.plus(certain);
      sums.uncertain = sums.uncertain.plus(entry.charged).minus(certain);
      sums.uncertainCount++;
      // What the user paid the upstream provider on their own key (OpenRouter's BYOK) was not paid to this one.
    } else sums.booked = sums.booked.plus(chargedAmount(entry)).minus(entry.upstream ?? 0);
  }
  for (const row of compacted) if (localDaySpan(row.day)[1] > from) sums.folded = sums.folded.plus(row.spent);
  return sums;
}
