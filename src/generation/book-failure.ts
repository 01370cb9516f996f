/**
 * How an image that failed is booked (`bookFailure`, and from the account's balance where no reply said), and what the
 * user is told of what it may have cost: the words its error says once booked.
 */
import Decimal from 'decimal.js';
import type { UserPaysError } from '../base/errors.js';
import {
  othersBetween,
  provesOneCharge,
  settleFromBalance,
  type LedgerStore,
  type Settlement,
  type SpentReading,
} from '../ledger/ledger.js';
import type { Charge } from '../providers/provider.js';
import { formatUsd, formatUsdRounded } from '../pricing/index.js';
import { generationText as text } from '../strings/generation.js';
import { spentAfter, type BalanceSource } from './balance-check.js';

/** What a provider reported while one image was under way (RunContext's callbacks). */
export interface Seen {
  /** The request that may cost money has left. */
  sending: boolean;
  /** The provider accepted it (and `charge` is what it said it costs, where it says). */
  accepted: boolean;
  charge?: Charge;
  /** The provider has certainly charged for it, or certainly not. */
  billed: boolean;
  uncharged: boolean;
}

/**
 * How a failed image is booked (docs/contract.md, Money): never as nothing when it may have cost something.
 * Charged: what the provider reported at acceptance (BFL debits then), else the quote, when it is known to have
 * billed. Void: when it certainly did not (it said so, nothing left, or it refused the request at submission
 * with an answer). Uncertain, at the quote: when the request left and no answer says what became of it (a lost
 * reply, a cancel in flight, a 502 from a gateway in front of it).
 */
export function bookFailure(seen: Seen, error: UserPaysError, quoted: string): Settlement {
  const because = { error: error.code };
  if (seen.uncharged || error.uncharged) return { void: true, ...because };
  if (error.uncertain) return { uncertain: seen.charge?.usd ?? quoted, ...because };
  if (seen.billed || error.billed) {
    return seen.charge
      ? { charged: seen.charge.usd, credits: seen.charge.credits, ...because }
      : { charged: quoted, ...because };
  }
  if (!seen.sending || (!seen.accepted && error.answered)) return { void: true, ...because };
  // A connection that broke before any reply may have carried the request more than once (error.sends).
  return { uncertain: new Decimal(quoted).times(error.sends ?? 1).toString(), ...because };
}

/**
 * A charge no reply confirmed, settled from what the account had spent before the image was sent (`before`) and
 * after the fault, once it held still (SPEC §5): what of it is certainly this image's (`settleFromBalance`), the rest
 * uncertain at the bound, with the difference said beside it (`measured`). A reply that was lost (`lost`: no answer
 * came, which a refund could follow) at a provider whose balance shows every charge by then is booked at its price
 * where the balance proves one charge of it (`provesOneCharge`), with what it was held at kept for Undo.
 */
export async function settleByBalance(
  uncertain: string,
  entry: { id: string; provider: string; quoted: string },
  source: BalanceSource,
  before: SpentReading,
  ledger: LedgerStore,
  recheckMs = 1000,
  lost = false,
): Promise<FailureSettlement> {
  const after = await spentAfter(source, before, recheckMs);
  if (!after) return { uncertain };
  const found = settleFromBalance(entry, uncertain, before, after, ledger.entries(), !!source.keyMadeBySignIn);
  if ('charged' in found || !lost || !source.provider.debitsBeforeReply) return found;
  const proven = provesOneCharge(entry, before, after, ledger.entries(), ledger.otherLedgersEntries());
  return proven ? { charged: entry.quoted, heldBefore: uncertain, measured: found.measured } : found;
}

/** A failed image's settlement, with what the balance moved by where it was read and could not settle it. */
export type FailureSettlement = Settlement & { measured?: string };

/**
 * After the first settlement left part of a charge uncertain on a key this ledger's alone: while the page is open the
 * balance is read again (`recheckMs` × each of `WATCH`, from the fault), and the entry resolved as it settles: at the
 * bound once the balance shows it all; or, the balance still at the last read of the schedule as at the one before,
 * at what it shows (nothing at all: not charged). A balance still moving, or another image of the provider meanwhile,
 * leaves it as it is (the tally's "It was charged" / "It was not" stay). `onSettled` hears what it was resolved at, just
 * before the ledger does, so that the widget still showing the error says so as the tally changes; or, with nothing,
 * that the reads ended with it still open (not where something else settled it meanwhile).
 */
const WATCH = [5, 15, 60];

/** What `watchBalance` resolved a charge at: what the balance shows charged, or nothing. */
export type Watched = { charged: string } | { void: true };

export async function watchBalance(
  entry: { id: string; provider: string; quoted: string },
  bound: string,
  source: BalanceSource,
  before: SpentReading,
  ledger: LedgerStore,
  recheckMs = 1000,
  onSettled: (settled?: Watched) => void = () => undefined,
) {
  const resolve = (settled: Watched) => {
    onSettled(settled);
    ledger.resolve(entry.id, 'void' in settled ? settled : { ...settled, basis: 'balance' });
  };
  let previous: Decimal | undefined;
  for (const [index, times] of WATCH.entries()) {
    await new Promise((wait) => setTimeout(wait, recheckMs * (times - (WATCH[index - 1] ?? 0))));
    if (!ledger.uncertain().some((candidate) => candidate.id === entry.id)) return; // resolved meanwhile
    const after = await spentAfter(source, before, recheckMs);
    if (!after) return onSettled();
    const entries = ledger.entries();
    if (othersBetween(entries, entry.id, entry.provider, before.at, after.at).length) return onSettled();
    const found = settleFromBalance(entry, bound, before, after, entries, true);
    if ('charged' in found) return resolve({ charged: found.charged });
    const last = index === WATCH.length - 1;
    // Released only where the schedule's last two reads agree, and nothing else can have moved the balance.
    if (!last || !after.still || !previous?.eq(after.spent)) {
      previous = after.spent;
      continue;
    }
    if (found.certain) return resolve({ charged: found.certain });
    if (found.measured !== undefined && new Decimal(found.measured).isZero()) return resolve({ void: true });
  }
  onSettled();
}

/**
 * What the error of a failed image says once it is booked (`settlement`), where it may have cost something: what
 * was charged, or what may have been, in place of the words it had.
 */
export function sayBooked(
  error: UserPaysError,
  settlement: FailureSettlement,
  provider: string,
  locale?: string,
  keyAlone = false,
) {
  if ('charged' in settlement) {
    // Every charged failure says what was charged: the words of the error alone may suggest nothing was.
    const usd = formatUsd(settlement.charged, locale);
    if (error.code === 'cancelled') error.say(text.cancelledCharged(provider, usd));
    else if (settlement.basis !== 'balance') error.say(...error.said, text.chargedForIt(provider, usd));
    else {
      // Settled from the balance: what the error said before the request was known to have left is not true.
      const why = error.code === 'network' ? [text.connectionBrokeAfterSending()] : error.said;
      // Booked from one price's fall alone (`heldBefore`): what the balance did, as evidence, not as BFL's word.
      const said = settlement.heldBefore ? text.balanceFellCounted : text.balanceShowsCharge;
      error.say(...why, said(provider, usd));
    }
  }
  // One sentence for what may have been charged, in place of words that said what went wrong before it was
  // known that the request had left ("Could not reach", "Nothing more will be charged"). The amount is a bound: said
  // to three figures, as prices are, rounded up so that it stays one ("up to $0.295", not "$0.294742"); the ledger
  // keeps it exact.
  if ('uncertain' in settlement) {
    const bound = formatUsdRounded(settlement.uncertain, locale, true);
    sayUncertain(error, provider, bound, settlement, keyAlone, locale);
  }
  // A refusal booked as not charged says so, where its words do not already ("Nothing was charged", "nothing was sent
  // or charged"): beside "BFL charged $0.014 for it all the same" elsewhere, "fal had a problem (HTTP 500)" would
  // leave the user to guess. A cancel has its own words.
  if ('void' in settlement && error.code !== 'cancelled' && !/nothing was/i.test(error.message))
    error.say(...error.said, text.nothingCharged());
}

/**
 * What the account's balance, read across a charge no reply said, says of it (`measured`: what it moved by): on a key
 * this ledger's alone, what of it shows (`certain`), or what the balance did; on any other, what it did, which settles
 * nothing by itself.
 */
function balanceSaid(
  provider: string,
  measured: string,
  certain: string | undefined,
  keyAlone: boolean,
  locale?: string,
) {
  const moved = !new Decimal(measured).isZero();
  if (!keyAlone) {
    return moved
      ? text.balanceMovedShared(provider, formatUsd(measured, locale))
      : text.balanceShowsNoChargeShared(provider);
  }
  if (certain) return text.balanceShowsPart(provider, formatUsd(certain, locale));
  return moved ? text.balanceMoved(provider, formatUsd(measured, locale)) : text.balanceShowsNoCharge(provider);
}

/**
 * What the user is told of a charge that may have happened, by why no reply said (see `bookFailure`), and what the
 * account's balance says of it, where it was read: on a key this ledger's alone (`keyAlone`), what of it is certain
 * and that the page keeps reading the rest; on any other, that the balance cannot settle it, and why.
 */
function sayUncertain(
  error: UserPaysError,
  provider: string,
  usd: string,
  { uncertain, measured, certain }: Extract<FailureSettlement, { uncertain: string }> & { measured?: string },
  keyAlone: boolean,
  locale?: string,
) {
  const balance = measured === undefined ? [] : [balanceSaid(provider, measured, certain, keyAlone, locale)];
  if (error.code === 'cancelled') return error.say(text.cancelledMaybeCharged(provider, usd), ...balance);
  if (error.code === 'network') {
    // Sent more than once at most: one request's price first, the likely charge, then the bound; to three figures, as
    // the list under the tally says it ("$0.0421", not "$0.042106").
    const sends = error.sends ?? 1;
    const once = sends > 1 ? formatUsdRounded(new Decimal(uncertain).div(sends), locale) : undefined;
    return error.say(text.connectionBroke(provider, usd, once), ...balance);
  }
  // A refusal or an error that came back (fal's 422 after the run, BFL's moderation, a gateway's 5xx) is a reply, which
  // says nothing of the charge: "no reply came" is only for a reply that was lost or unreadable.
  const replied = error.answered || error.uncertain;
  return error.say(
    ...error.said,
    replied ? text.chargeNotSaid(provider, usd) : text.mayHaveBeenCharged(provider, usd),
    ...balance,
  );
}
