/**
 * A charge no reply confirmed, settled from the account's own balance (docs/ledger.md, "Uncertain charges"): what
 * the account had spent was read before the image was sent and again after the fault; the difference is booked only
 * when nothing else on that account can have moved it and it is an amount the image can have cost.
 */
import type { Decimal } from './amounts.js';
import type { LedgerEntry } from './entry-codec.js';

/** What an account had spent so far, in USD (rising by exactly what each image costs), and when it was read (ms). */
export interface SpentReading {
  spent: Decimal;
  at: number;
}

/** What the two readings settle: the charge, or the bound it stays uncertain at, with what the balance moved by. */
export type BalanceSettlement = { charged: string } | { uncertain: string; measured?: string };

/**
 * The entries, in any tab, that may have moved the balance of `provider`'s account between `from` and `to` (ms),
 * besides the entry `id`: opened by then, and still pending or settled since, unless certainly not charged (void).
 * Every account of the provider counts as the same one: the ledger keeps no key, and another key's image would only
 * keep this one uncertain.
 */
export function othersBetween(entries: readonly LedgerEntry[], id: string, provider: string, from: number, to: number) {
  return entries.filter(
    (entry) =>
      entry.id !== id &&
      entry.provider === provider &&
      entry.status !== 'void' &&
      entry.at <= to &&
      (entry.status === 'pending' || (entry.settledAt ?? to) >= from),
  );
}

/**
 * What the balance says an answered image `id` cost, as a check beside the charge booked (never a reason to book
 * otherwise): the difference between the readings around it, where no other entry of the provider came between them
 * and it moved at all (a provider's accounting may lag its reply: nothing yet is no evidence). Undefined otherwise.
 */
export function movedBy(
  { id, provider }: Pick<LedgerEntry, 'id' | 'provider'>,
  before: SpentReading,
  after: SpentReading,
  entries: readonly LedgerEntry[],
): string | undefined {
  const difference = after.spent.minus(before.spent);
  const alone = othersBetween(entries, id, provider, before.at, after.at).length === 0;
  return alone && !difference.isZero() ? difference.toFixed() : undefined;
}

/**
 * What the balance says the uncertain image `id` cost: the difference between the readings `after` and `before`,
 * when no other entry of the provider came between them and it lies between one quote and `bound` (what it may have
 * cost: the quote times the sends the browser may have made of it); otherwise uncertain at that bound, with the
 * difference measured.
 */
export function settleFromBalance(
  { id, provider, quoted }: Pick<LedgerEntry, 'id' | 'provider' | 'quoted'>,
  bound: string,
  before: SpentReading,
  after: SpentReading,
  entries: readonly LedgerEntry[],
): BalanceSettlement {
  const difference = after.spent.minus(before.spent);
  const alone = othersBetween(entries, id, provider, before.at, after.at).length === 0;
  return alone && difference.gte(quoted) && difference.lte(bound)
    ? { charged: difference.toFixed() }
    : { uncertain: bound, measured: difference.toFixed() };
}
