/**
 * The tally's figures, summed exactly over the compacted rows plus the entries still stored (docs/ledger.md,
 * "Money"): `remaining = budget − spent − held`, never below 0.
 */
import type { Tally } from '../base/types.js';
import { Decimal, decimalOf } from './amounts.js';
import { dayOf } from '../base/days.js';
import type { DayRow } from './compaction.js';
import { chargedAmount, settledTime, type LedgerEntry } from './entry-codec.js';

export interface Sums {
  spent: Decimal;
  /** What pending entries will cost: the provider's reported charge once known, else the quote. */
  held: Decimal;
  /** What uncertain entries may have cost (counted apart from `spent` until it is known). */
  uncertain: Decimal;
  images: number;
  /** Charged requests that brought no image (see `Tally.paidFailures`). */
  failures: number;
  byModel: Map<string, { spent: Decimal; images: number; failures: number }>;
}

/** What the sums are taken over (an `Area` of shared-area.ts), and where they are kept until it changes. */
interface Summed {
  view: Map<string, LedgerEntry>;
  days: Map<string, DayRow>;
  /** Session start, ms. */
  since: number;
  /** The user's budget, and those of this page's elements. */
  budget: string | null;
  /** The stored budget is not an amount: it counts as none left (see shared-area.ts, `loadBudget`). */
  budgetDamaged?: boolean;
  pageBudgets: Map<object, string>;
  sum?: Sums;
}

/**
 * Spent, held, images and the paid requests that brought none, by model; with `byDay`, also fills it (USD per local
 * day number).
 */
export function summarize({ view, days }: Summed, byDay?: Map<number, Decimal>): Sums {
  const zero = new Decimal(0);
  const sums: Sums = { spent: zero, held: zero, uncertain: zero, images: 0, failures: 0, byModel: new Map() };
  const book = (day: number, model: string, usd: string, images: number, failures: number) => {
    const split = sums.byModel.get(model) ?? { spent: zero, images: 0, failures: 0 };
    sums.byModel.set(model, {
      spent: split.spent.plus(usd),
      images: split.images + images,
      failures: split.failures + failures,
    });
    byDay?.set(day, (byDay.get(day) ?? zero).plus(usd));
    sums.images += images;
    sums.failures += failures;
  };
  // A compacted row counts its charged entries, paid failures included (compaction.ts).
  for (const [day, model, usd, images, count] of days.values()) book(day, model, usd, images, count - images);
  // The day an entry settled on, where it is asked for.
  const dayBooked = (entry: LedgerEntry) => (byDay ? dayOf(settledTime(entry)) : 0);
  for (const entry of view.values())
    if (entry.status === 'pending') sums.held = sums.held.plus(entry.charged ?? entry.quoted);
    else if (entry.status === 'uncertain') {
      // What its balance showed certainly charged is spent; only the rest of what it may have cost is counted apart.
      const certain = entry.certain ?? '0';
      sums.uncertain = sums.uncertain.plus(chargedAmount(entry)).minus(certain);
      if (!new Decimal(certain).isZero()) book(dayBooked(entry), entry.model, certain, 0, 1);
      // Its image came, at a price's bound no reply said the cost of: one of the tally's images already, whatever the
      // user then says it cost (never "Spent $0.00 on 0 images" beside the image).
      if (entry.basis === 'bound') book(dayBooked(entry), entry.model, '0', 1, 0);
    } else if (entry.status === 'charged')
      book(dayBooked(entry), entry.model, chargedAmount(entry), +!entry.error, +!!entry.error);
  for (const split of sums.byModel.values()) sums.spent = sums.spent.plus(split.spent);
  return sums;
}

export const sumsOf = (area: Summed) => (area.sum ??= summarize(area));

/** What counts against a budget: what was spent, what pending entries hold and what uncertain ones may have cost. */
export const committedOf = (area: Summed) => {
  const sums = sumsOf(area);
  return sums.spent.plus(sums.held).plus(sums.uncertain);
};

/**
 * The budget in force: the lowest of the one given (if any), the one the user set and those this page's
 * elements set. Undefined when there is none.
 */
export function budgetOf(area: Summed, budget?: string | null): Decimal | undefined {
  // A damaged stored budget leaves nothing to spend until the user sets it again.
  let lowest: Decimal | undefined = area.budgetDamaged ? new Decimal(0) : undefined;
  for (const candidate of [budget, area.budget, ...area.pageBudgets.values()]) {
    const limit = decimalOf(candidate);
    if (limit && (!lowest || limit.lt(lowest))) lowest = limit;
  }
  return lowest;
}

/** The tally of `area`'s view as it is, with what remains of the budget in force (`budgetOf`). */
export function tallyOf(area: Summed, budget?: string | null): Tally {
  const sums = sumsOf(area);
  // Own properties even for a model called "__proto__" (an assignment would set the prototype instead).
  const byModel: Tally['byModel'] = Object.fromEntries(
    [...sums.byModel].map(([model, { spent, images, failures }]) => [
      model,
      failures ? { spent: spent.toFixed(), images, paidFailures: failures } : { spent: spent.toFixed(), images },
    ]),
  );
  const tally: Tally = {
    spent: sums.spent.toFixed(),
    images: sums.images,
    since: new Date(area.since).toISOString(),
    byModel,
  };
  if (sums.failures) tally.paidFailures = sums.failures;
  if (!sums.uncertain.isZero()) tally.uncertain = sums.uncertain.toFixed();
  const limit = budgetOf(area, budget);
  if (limit) {
    tally.budget = limit.toFixed();
    // What may have been charged counts against the budget until it is known.
    tally.remaining = Decimal.max(0, limit.minus(committedOf(area))).toFixed();
  }
  return tally;
}
