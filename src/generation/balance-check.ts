/**
 * What the user's account at the provider says around an image (`Provider.balance`): what it had spent before the
 * image was sent and after a fault, to settle a charge no reply confirmed (ledger/balance-settlement.ts), and what was
 * left after the image, for its receipt. A read is a convenience: it never fails a submission, and never holds it up
 * longer than `READ_MS`.
 */
import Decimal from 'decimal.js';
import { clock } from '../base/clock.js';
import type { SpentReading } from '../ledger/balance-settlement.js';
import type { KeyBalance, Provider } from '../providers/provider.js';

/** The longest a read may take: a submission goes on without it then. */
const READ_MS = 2000;

/** Where and with what key to read (a submission's provider, checked endpoint, relay and key). */
export interface BalanceSource {
  provider: Provider;
  endpoint: string;
  apiKey?: string;
  relay?: string;
}

/** What the account reports now, and when the read began and ended (ms, `clock`); undefined where it says nothing. */
export async function readBalanceNow({ provider, endpoint, apiKey, relay }: BalanceSource) {
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
 * What the account had spent after a fault, read again `recheckMs` later while it shows nothing spent since `before`
 * (a provider's accounting may lag its reply), three reads at most.
 */
export async function spentAfter(
  source: BalanceSource,
  before: SpentReading,
  recheckMs: number,
): Promise<SpentReading | undefined> {
  for (let reads = 1; ; reads++) {
    const read = await readBalanceNow(source);
    if (!read?.spent) return undefined;
    if (reads === 3 || !read.spent.eq(before.spent)) return { spent: read.spent, at: read.ended };
    await new Promise((wait) => setTimeout(wait, recheckMs));
  }
}
