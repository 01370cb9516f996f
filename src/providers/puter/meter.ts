import Decimal from 'decimal.js';

/**
 * What the Puter adapter keeps of an account's meter between its calls (`/metering/usage`, read around each call that
 * runs alone), so that a charge Puter writes late is booked once.
 *
 * Puter writes an account's usage late, in batches about 5 s apart (HeyPuter/puter@8307e8c: each image provider records
 * it without awaiting the write, OpenAiImageProvider.ts l.267, TogetherImageProvider.ts l.204 `incrementUsage`). So the
 * reading right after a call may not show it yet (its quote is booked), and its charge then lands in the drop over a
 * later call, which would count it a second time. Here each call whose charge no drop has shown yet is owed: its booked
 * quote, with the moment it finished. Puter meters calls in the order they finished, so every drop pays what is owed,
 * oldest first; and a call's drop is its own only past what was owed at its start. An owed call is let go once its
 * charge must have been written (`WRITTEN_WITHIN_MS` after it finished), whatever the drops paid of it: its quote was
 * above its charge (a bound, as for a model billed in tokens), and no later drop holds the rest.
 *
 * Plain data, kept by the adapter in `localStorage` beside its count of calls, so that the tabs of the origin share it.
 */

/** A finished call whose charge no drop has shown yet: what is owed of its booked quote (USD), and when it finished. */
export interface Owed {
  usd: string;
  at: number;
}

/** One account's meter as last seen: what it had left at the last reading (USD), and what it owes. */
export interface AccountMeter {
  baseline?: string;
  owed: Owed[];
}

/** The origin's Puter calls, in every tab: how many started and finished, and each account's meter. */
export interface Calls {
  started: number;
  finished: number;
  meters: Record<string, AccountMeter>;
}

/** What `/metering/usage` said the account had left, in USD, and the moment it was asked (ms since the epoch). */
export interface Reading {
  usd: Decimal;
  at: number;
}

/**
 * How long after a call finished its charge is surely in what Puter reports: its batches are written about every 5 s,
 * so six of them, for a slow write. A charge written later still would be booked twice (its quote, then in a drop).
 */
export const WRITTEN_WITHIN_MS = 30_000;

/** The accounts whose meters are kept (the latest used): one browser rarely signs in to more. */
const ACCOUNTS_KEPT = 8;

const NONE: AccountMeter = { owed: [] };

function decimal(value: unknown): Decimal | undefined {
  try {
    const number = typeof value === 'string' ? new Decimal(value) : undefined;
    return number?.isFinite() ? number : undefined;
  } catch {
    return undefined;
  }
}

/** A stored meter, where it is one: a wrong one counts as none (its account's next call is booked at its quote). */
function meterFrom(value: any): AccountMeter | undefined {
  if (!value || typeof value !== 'object' || !Array.isArray(value.owed)) return undefined;
  if (value.baseline !== undefined && !decimal(value.baseline)) return undefined;
  const owed = value.owed.every((o: any) => decimal(o?.usd)?.gte(0) && Number.isFinite(o?.at));
  return owed ? { baseline: value.baseline, owed: value.owed.map(({ usd, at }: Owed) => ({ usd, at })) } : undefined;
}

/**
 * The calls as stored (`text`; none stored: none made), or undefined where the stored value cannot be told (then no
 * drop is anyone's). Counts stored without meters (an earlier version's) have none.
 */
export function parseCalls(text: string | null): Calls | undefined {
  let value: any;
  try {
    value = JSON.parse(text ?? '{"started":0,"finished":0}');
  } catch {
    return undefined;
  }
  if (!Number.isSafeInteger(value?.started) || !Number.isSafeInteger(value?.finished)) return undefined;
  const meters: Record<string, AccountMeter> = {};
  for (const [account, meter] of Object.entries(value.meters ?? {})) {
    const valid = meterFrom(meter);
    if (valid) meters[account] = valid;
  }
  return { started: value.started, finished: value.finished, meters };
}

/** `account`'s meter in `calls` (none yet: nothing owed, no reading). */
export const meterOf = (calls: Calls, account: string): AccountMeter => calls.meters[account] ?? NONE;

/** `calls` with `account`'s meter set to `meter`, as the latest used; the least recently used beyond 8 forgotten. */
export function withMeter(calls: Calls, account: string, meter: AccountMeter): Calls {
  const others = Object.entries(calls.meters).filter(([name]) => name !== account);
  const kept = others.slice(-(ACCOUNTS_KEPT - 1));
  return { ...calls, meters: Object.fromEntries([...kept, [account, meter]]) };
}

/** What is owed in all, USD. */
export const owedIn = (meter: AccountMeter): Decimal => Decimal.sum(0, ...meter.owed.map((owed) => owed.usd));

/**
 * The meter after `reading`: what it shows used since the last reading pays what is owed, oldest first; the calls
 * finished `WRITTEN_WITHIN_MS` before it are let go; it is the new baseline. `spare`: what it shows used beyond all
 * that was owed (0 where it shows none, or more left than before: funds added, a new month).
 */
export function observe(meter: AccountMeter, reading: Reading): { meter: AccountMeter; spare: Decimal } {
  const last = meter.baseline === undefined ? undefined : new Decimal(meter.baseline);
  let left = Decimal.max(0, last ? last.minus(reading.usd) : 0);
  const owed: Owed[] = [];
  for (const call of meter.owed) {
    const paid = Decimal.min(left, call.usd);
    left = left.minus(paid);
    const rest = new Decimal(call.usd).minus(paid);
    if (rest.gt(0) && call.at + WRITTEN_WITHIN_MS > reading.at) owed.push({ usd: rest.toString(), at: call.at });
  }
  return { meter: { baseline: reading.usd.toString(), owed }, spare: left };
}

/** The meter owing one more finished call, booked at `quoted` (USD; unknown: nothing to count on). */
export function owe(meter: AccountMeter, quoted: Decimal | undefined, at: number): AccountMeter {
  return quoted?.gt(0) ? { ...meter, owed: [...meter.owed, { usd: quoted.toString(), at }] } : meter;
}

/**
 * One successful call on its account's meter: `before` and `after` its readings, where it ran alone and both could be
 * read in USD; `quoted` what is booked for it where no charge is reported; `at` when it finished. The charge to book
 * (USD, to the microcent) is the drop over the call past what earlier calls owed at its start, where that shows this
 * call: some of it, and at least half its quote where earlier calls were owed (less could be their charges above their
 * quotes, with this call's own still to come). Otherwise none: its quote is booked, and owed until the meter shows it.
 */
export function meterCall(
  meter: AccountMeter,
  { before, after, quoted, at }: { before?: Reading; after?: Reading; quoted?: string; at: number },
): { meter: AccountMeter; charge?: string } {
  const quote = decimal(quoted);
  const atStart = before ? observe(meter, before).meter : meter;
  if (!before || !after) return { meter: owe(atStart, quote, at) };
  const earlier = owedIn(atStart);
  const { meter: atEnd, spare: own } = observe(atStart, after);
  const clear = own.gt(0) && (earlier.isZero() || !quote || own.gte(quote.div(2)));
  if (clear) return { meter: atEnd, charge: own.toDecimalPlaces(8).toString() };
  // What this call's drop showed past the earlier calls is of its quote (paid), the rest owed.
  return { meter: owe(atEnd, quote && Decimal.max(0, quote.minus(own)), at) };
}
