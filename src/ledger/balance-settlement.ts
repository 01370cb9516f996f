/**
 * A charge no reply confirmed, settled from the account's own balance (docs/ledger.md, "Uncertain charges"): what
 * the account had spent was read before the image was sent and again after the fault, until it held still; the
 * difference is booked only where the key is this ledger's alone (a key this site's sign-in made), nothing else on
 * that account can have moved it, and it is a whole number of the image's price. Even then only that much is certain:
 * the rest of what it may have cost stays uncertain, as an account's counter may show a second debit later.
 */
import { Decimal } from './amounts.js';
import type { LedgerEntry } from './entry-codec.js';

/** What an account had spent so far, in USD (rising by exactly what each image costs), and when it was read (ms). */
export interface SpentReading {
  spent: Decimal;
  at: number;
}

/** A reading after a fault, with whether the balance held still at it (the same figure read again, `recheckMs` on). */
export interface SettledReading extends SpentReading {
  still: boolean;
}

/**
 * What the two readings settle: the charge; or the bound it stays uncertain at, with what of it is certain and what
 * the balance moved by (a hint only, where it cannot settle it).
 */
export type BalanceSettlement = { charged: string } | { uncertain: string; certain?: string; measured?: string };

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
 * What the balance says the uncertain image `id` cost. The difference between the readings `after` and `before` is
 * certain where the key is this ledger's alone (`keyAlone`: no other ledger, site or device spends from it), no other
 * entry of the provider came between them, the balance held still at `after`, and it is a whole number (1 to n) of
 * the quote, n the sends the browser may have made of it (`bound` = n × the quote). Certain up to the bound: charged at
 * it; short of the bound: that much certain, the rest still uncertain (a late debit of another send may yet show).
 * Otherwise uncertain at the bound, with the difference measured beside it.
 */
export function settleFromBalance(
  { id, provider, quoted }: Pick<LedgerEntry, 'id' | 'provider' | 'quoted'>,
  bound: string,
  before: SpentReading,
  after: SettledReading,
  entries: readonly LedgerEntry[],
  keyAlone: boolean,
): BalanceSettlement {
  const difference = after.spent.minus(before.spent);
  const hint = { uncertain: bound, measured: difference.toFixed() };
  const alone = othersBetween(entries, id, provider, before.at, after.at).length === 0;
  const sends = difference.div(quoted);
  const whole = sends.isInteger() && sends.gte(1) && difference.lte(bound);
  if (!keyAlone || !alone || !after.still || !whole) return hint;
  return difference.eq(bound) ? { charged: bound } : { ...hint, certain: difference.toFixed() };
}

/**
 * Whether the balance proves that the lost reply `id` was charged exactly once, so that it is booked as charged at
 * once, without the user's click (docs/ledger.md, "Uncertain charges"): read until it held still, it fell by exactly
 * its price `quoted`; and no other entry of the provider, in this ledger (`entries`) or in another of this site
 * (`others`, undefined where one could not be read), was under way between the reads. Only for a provider whose
 * balance shows every charge of a request by the time it fails (`Provider.debitsBeforeReply`: the caller's to ask).
 * Another site or device spending the same price from the same key at that moment would look the same: what it books
 * is said with an Undo.
 */
export function provesOneCharge(
  { id, provider, quoted }: Pick<LedgerEntry, 'id' | 'provider' | 'quoted'>,
  before: SpentReading,
  after: SettledReading,
  entries: readonly LedgerEntry[],
  others: readonly LedgerEntry[] | undefined,
): boolean {
  if (!others || !after.still || !new Decimal(quoted).gt(0) || !after.spent.minus(before.spent).eq(quoted))
    return false;
  return othersBetween([...entries, ...others], id, provider, before.at, after.at).length === 0;
}

/**
 * What a balance that moved by `measured` across an uncertain charge points to, on a key others may use too (where
 * it settles nothing by itself): how many of the request's price `quoted` it is, a whole number from one up to its
 * `bound`. Undefined where it moved by anything else (nothing, part of a price, more than the bound).
 */
export function wholePricesMoved(measured: string | undefined, quoted: string, bound: string): number | undefined {
  if (measured === undefined || !new Decimal(quoted).gt(0)) return undefined;
  const times = new Decimal(measured).div(quoted);
  return times.isInteger() && times.gte(1) && new Decimal(measured).lte(bound) ? times.toNumber() : undefined;
}

/**
 * How many of the price of `entry`, a charge still uncertain, its account's balance showed it cost, where that is
 * evidence enough to offer as the likeliest answer: what the balance moved by across it on a key others
 * may use too (`timesMoved`, `UserPaysError.uncertainCharge`), else its certain part on a key this ledger's alone, a
 * whole number from one up to the sends its bound counts (short of the bound, for a certain part: at it, it would be
 * charged), and no other entry of the provider in `entries` opened by the time it was booked and still pending, or
 * settled, since it was opened. Undefined otherwise: the user's own look at the account is then the only answer.
 */
export function pricesShown(
  entry: LedgerEntry,
  entries: readonly LedgerEntry[],
  timesMoved?: number,
): number | undefined {
  const { id, provider, quoted, charged, certain, status, at, settledAt } = entry;
  if (status !== 'uncertain' || charged === undefined || !new Decimal(quoted).gt(0)) return undefined;
  const times = timesMoved ?? new Decimal(certain ?? 0).div(quoted).toNumber();
  const shown = new Decimal(quoted).times(times);
  const within = timesMoved === undefined ? shown.lt(charged) : shown.lte(charged);
  if (!Number.isInteger(times) || times < 1 || !within) return undefined;
  return othersBetween(entries, id, provider, at, settledAt ?? at).length === 0 ? times : undefined;
}
