/**
 * What the user's account at the provider says around an image (`Provider.balance`): what it had spent before the
 * image was sent and after a fault, to settle a charge no reply confirmed (ledger/balance-settlement.ts), and what was
 * left after the image, for its receipt. A read is a convenience: it never fails a submission, and never holds it up
 * longer than `READ_MS`.
 */
import Decimal from 'decimal.js';
import { clock } from '../base/clock.js';
import type { SettledReading, SpentReading } from '../ledger/balance-settlement.js';
import type { KeyBalance, Provider } from '../providers/provider.js';

/** The longest a read may take: a submission goes on without it then. */
const READ_MS = 2000;

/** The most reads after a fault, and how many alike in a row say the balance holds still. */
const MOST_READS = 6;
const STILL_READS = 2;

/** Where and with what key to read (a submission's provider, checked endpoint, relay and key). */
export interface BalanceSource {
  provider: Provider;
  endpoint: string;
  apiKey?: string;
  relay?: string;
  /**
   * This site's sign-in made the key (OpenRouter's PKCE sign-in, Pollinations'): what its balance says was spent is
   * this ledger's alone. Any other key (pasted, typed) may be spent from by other ledgers, sites and devices that this
   * one cannot see: its balance settles nothing, and is said beside the charge as a hint only.
   */
  keyMadeBySignIn?: boolean;
}

/** What the account reported, and when the read began and ended (ms, `clock`). */
export type BalanceReading = KeyBalance & { started: number; ended: number };

/** What the account reports now, and when the read began and ended (ms, `clock`); undefined where it says nothing. */
export async function readBalanceNow({
  provider,
  endpoint,
  apiKey,
  relay,
}: BalanceSource): Promise<BalanceReading | undefined> {
  const started = clock.now();
  const read = apiKey
    ? await provider.balance?.({ endpoint, apiKey, relay, signal: AbortSignal.timeout(READ_MS) }).catch(() => undefined)
    : undefined;
  const balance: KeyBalance | undefined = Decimal.isDecimal(read) ? { usd: read } : read;
  return balance && { ...balance, started, ended: clock.now() };
}

/** What the account had spent before anything of a submission is sent, where its provider says so exactly. */
export async function spentBefore(source: BalanceSource): Promise<SpentReading | undefined> {
  if (!source.provider.tracksSpending) return undefined;
  const read = await readBalanceNow(source);
  return read?.spent && { spent: read.spent, at: read.started };
}

/**
 * What the account had spent after a fault, read until it holds still: `recheckMs` apart, until the same figure comes
 * twice in a row having moved since `before` (a provider's accounting may lag its reply, and show each debit of a
 * request the browser sent again late), `MOST_READS` at most; `still` says whether it did. The first figure that moved
 * is never taken for the last.
 */
export async function spentAfter(
  source: BalanceSource,
  before: SpentReading,
  recheckMs: number,
): Promise<SettledReading | undefined> {
  let last: SpentReading | undefined;
  for (let reads = 1, alike = 0; ; reads++) {
    const read = await readBalanceNow(source);
    if (!read?.spent) return undefined;
    alike = last?.spent.eq(read.spent) ? alike + 1 : 1;
    last = { spent: read.spent, at: read.ended };
    const still = alike >= STILL_READS;
    if ((still && !read.spent.eq(before.spent)) || reads === MOST_READS) return { ...last, still };
    await new Promise((wait) => setTimeout(wait, recheckMs));
  }
}
