/**
 * A charge the ledger holds uncertain, settled from the provider's own record of the generation, where the provider
 * publishes one and the key can read it (`Provider.generationRecord`: OpenRouter's). docs/ledger.md, "Uncertain
 * charges".
 *
 * Only an entry whose generation has an id can be asked for: OpenRouter names a generation in its chat reply's `id`,
 * which the ledger keeps on an uncertain entry (`LedgerEntry.task`): a reply that came with a cost beyond reason, or
 * whose price was a bound. A lost reply (no body at all) names nothing, and its entry stays uncertain, said so.
 *
 * The tally's "Reconcile" and a widget as it loads call `settleFromRecord` for each of the provider's uncertain entries
 * with the key remembered for the entry's endpoint (reconcile.ts), and show what each `said`.
 */
import Decimal from 'decimal.js';
import { formatUsd } from '../pricing/index.js';
import type { LedgerEntry, LedgerStore } from '../ledger/ledger.js';
import { isUncertain } from '../ledger/entry-codec.js';
import type { GenerationRecord, Provider, RecordAccess } from '../providers/provider.js';
import { recordsText as text } from '../strings/records.js';
import type { Sentence } from '../strings/sentence.js';

/** What asking settled: the entry charged at the record's figure, let go, or still uncertain; and the words for it. */
export interface RecordSettled {
  outcome: 'charged' | 'void' | 'uncertain';
  /** The record's figure, USD, exact, where it was charged. */
  charged?: string;
  said: Sentence;
}

/** The same address, as the key is given for (its origin and path: the endpoint the entry's request went to). */
const sameEndpoint = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Settles the uncertain `entry` from its provider's record of the generation, read with the key `access` holds for
 * `access.endpoint`: booked at exactly the record's figure (basis `record`), once; let go where the record says
 * nothing was charged; left uncertain, saying why, where there is no id to ask by, the request went to another
 * endpoint (the key goes to its own origin alone), or the record cannot be read. Undefined, and nothing done, where
 * the entry is not uncertain, or was settled meanwhile (another tab, the user's answer).
 */
export async function settleFromRecord(
  entry: LedgerEntry,
  provider: Pick<Provider, 'generationRecord'>,
  access: RecordAccess,
  ledger: LedgerStore,
  locale?: string,
): Promise<RecordSettled | undefined> {
  const name = entry.provider;
  const stays = (said: Sentence): RecordSettled => ({ outcome: 'uncertain', said });
  const open = () => ledger.entries().some((each) => each.id === entry.id && isUncertain(each));
  if (!open()) return undefined;
  const task = entry.task;
  if (!task?.id || task.provider !== name || !provider.generationRecord) return stays(text.recordNoId(name));
  if (!task.endpoint || !sameEndpoint(task.endpoint, access.endpoint)) return stays(text.recordElsewhere(name));
  const record = await provider.generationRecord(task.id, access);
  if (!open()) return undefined; // settled meanwhile
  if ('unread' in record) return stays(UNREAD[record.unread](name));
  if ('void' in record) {
    ledger.resolve(entry.id, { void: true });
    // The part the account's balance showed certainly charged stays booked (the ledger keeps it): the record speaks
    // of this generation, the balance's drop was seen, and a charge that may have happened is never said as nothing.
    const certain = entry.certain && !new Decimal(entry.certain).isZero() ? entry.certain : undefined;
    if (!certain) return { outcome: 'void', said: text.recordNotCharged(name) };
    const usd = formatUsd(certain, locale);
    return { outcome: 'charged', charged: certain, said: text.recordNotChargedButCertain(name, usd) };
  }
  ledger.resolve(entry.id, { charged: record.charged, basis: 'record' });
  const usd = formatUsd(record.charged, locale);
  return { outcome: 'charged', charged: record.charged, said: text.recordCharged(name, usd) };
}

/** Why a record settles nothing, in words. */
const UNREAD = {
  missing: text.recordMissing,
  key: text.recordKeyRefused,
  byok: text.recordOwnKey,
  unreadable: text.recordUnreadable,
} satisfies Record<Extract<GenerationRecord, { unread: string }>['unread'], (provider: string) => Sentence>;
