/**
 * The tally's "Reconcile with my account" (docs/ledger.md, "Reconcile"): for each provider this ledger spent with,
 * the provider's own figure for one of its periods, read with the user's own key, beside what this ledger booked with
 * it in the same period, and any difference said in plain words; and, first, each charge held uncertain settled from
 * the provider's record of its generation where there is one (record-settlement.ts). Never an error: what cannot be
 * read is said, and settles nothing.
 */
import Decimal from 'decimal.js';
import { isProviderId } from '../base/checks.js';
import type { ProviderId } from '../base/types.js';
import type { LedgerEntry, LedgerStore } from '../ledger/ledger.js';
import { bookedSince, periodStart, type Period } from '../ledger/period-sums.js';
import { formatUsd } from '../pricing/index.js';
import type { Provider, RecordAccess, SiteUsage } from '../providers/provider.js';
import { reconcileText as text } from '../strings/reconcile.js';
import type { Sentence } from '../strings/sentence.js';
import { settleFromRecord, type RecordSettled } from './record-settlement.js';

/** How the tally reaches a provider: its adapter, and the user's key for it at an endpoint, where one is remembered. */
export interface ReconcileSource {
  providerFor(id: ProviderId): Promise<Provider>;
  /**
   * The endpoint, key and relay for `id` at `endpoint` (a held entry's: where its request went) or, without one, at the
   * endpoint the page names for it; undefined where no key for that route is remembered on this device.
   */
  accessFor(id: ProviderId, endpoint?: string): RecordAccess | undefined;
  /**
   * What the account signed in to `id` on this page says this site spent this month, on every device (its adapter's
   * `siteUsage`, at the endpoint the page names for it); absent where the page offers no such reading.
   */
  siteUsage?(id: ProviderId): Promise<SiteUsage>;
}

/**
 * What each provider lets the user's own key (or sign-in) read of what it charged, read 2026-11-29 (docs/ledger.md,
 * "Reconcile", cites each): `key` its own figure for a period (the adapter's `keyUsage`: OpenRouter's `GET
 * /api/v1/key`); `balance` only what is left (BFL's `GET /v1/credits`); `signed-in` a month's usage to the user signed
 * in, by site (the adapter's `siteUsage`: Puter's `GET /metering/usage`); any other, nothing to the key: fal's `GET /v1/models/usage` takes
 * an Admin-scope key ("Using an Admin scope key for usage data", docs.fal.ai/platform-apis/authentication), OpenAI's
 * `/v1/organization/costs` an organisation's Admin key (OpenAI's API reference, "Costs"), and none was found for the
 * others (UNVERIFIED).
 */
const PUBLISHED: Partial<Record<ProviderId, 'key' | 'balance' | 'signed-in' | 'admin'>> = {
  openrouter: 'key',
  bfl: 'balance',
  puter: 'signed-in',
  fal: 'admin',
  openai: 'admin',
};

/** What a provider publishes to the key, as `PUBLISHED` says, for whom the entry names: a gateway (`openai` at another
 * endpoint than OpenAI's, `payee` unset) is not OpenAI, and what it publishes is not known. */
const publishedBy = (id: ProviderId, payee?: string) => (id === 'openai' && !payee ? undefined : PUBLISHED[id]);

/** The words for a provider whose figures the tally does not read, by what it publishes. */
const UNREAD_WORDS = {
  balance: text.reconcileBalanceOnly,
  admin: text.reconcileNotPublished,
  none: text.reconcileNoneFound,
};

/**
 * Settles each of `entries` (uncertain, with a generation id) from its provider's record, read with the key
 * remembered for the endpoint its request went to; an entry without such a key is left as it is. What each said.
 */
export async function settleFromRecords(
  ledger: LedgerStore,
  entries: readonly LedgerEntry[],
  source: ReconcileSource,
  locale?: string,
): Promise<RecordSettled[]> {
  const said: RecordSettled[] = [];
  for (const entry of entries) {
    const id = entry.provider;
    if (!isProviderId(id) || !entry.task?.id) continue;
    const access = source.accessFor(id, entry.task.endpoint);
    if (!access) continue;
    const provider = await source.providerFor(id).catch(() => undefined);
    if (!provider?.generationRecord) continue;
    const settled = await settleFromRecord(entry, provider, access, ledger, locale);
    if (settled) said.push(settled);
  }
  return said;
}

/** The uncertain entries whose provider publishes a record of each generation and that name one (a task id). */
export const recordable = (ledger: LedgerStore) =>
  ledger.uncertain().filter((entry) => !!entry.task?.id && PUBLISHED[entry.provider as ProviderId] === 'key');

/** What reconciling said of one provider. */
export interface Reconciled {
  provider: string;
  said: Sentence[];
}

/**
 * The longest of the provider's periods this tally holds whole (it began before the period did), else the day, with
 * when the tally began: what came before is in the provider's figure only.
 */
function periodFor(since: number, now: number): { period: Period; partway: boolean } {
  for (const period of ['month', 'week', 'day'] as const)
    if (since <= periodStart(period, now)) return { period, partway: false };
  return { period: 'day', partway: true };
}

const PERIOD_WORDS = { day: text.periodDay, week: text.periodWeek, month: text.periodMonth };

/** When and how a comparison is made and said: now, when the tally began (ms, and in words), and the locale. */
interface At {
  now: number;
  since: number;
  sinceSaid: string;
  locale?: string;
}

/** The words of a comparison: a figure for the key (`reconcileAgrees` …), or for the site (`reconcileSiteAgrees` …). */
const KEY_WORDS = { agrees: text.reconcileAgrees, more: text.reconcileMore, less: text.reconcileLess };
const SITE_WORDS = { agrees: text.reconcileSiteAgrees, more: text.reconcileSiteMore, less: text.reconcileSiteLess };

/**
 * Sets `theirs`, `id`'s own figure for `period`, beside what this ledger booked with it in that period, in words:
 * agreed, or the difference either way; what of the period is not known yet, what folded rows may hold, and a tally
 * begun within the period (`partway`), each said, never as nothing.
 */
function beside(
  ledger: LedgerStore,
  id: ProviderId,
  { theirs, period, partway, says }: { theirs: Decimal; period: Period; partway: boolean; says: typeof KEY_WORDS },
  { now, sinceSaid, locale }: At,
): Sentence[] {
  const ours = bookedSince(ledger.entries(), ledger.compacted(), id, periodStart(period, now));
  const money = (amount: Decimal | string) => formatUsd(amount, locale);
  const difference = theirs.minus(ours.booked);
  const when = PERIOD_WORDS[period]();
  const said = [
    difference.isZero()
      ? says.agrees(id, when, money(theirs))
      : difference.gt(0)
        ? says.more(id, when, money(theirs), money(ours.booked), money(difference))
        : says.less(id, when, money(theirs), money(ours.booked), money(difference.neg())),
  ];
  if (ours.uncertainCount) said.push(text.reconcileUncertain(ours.uncertainCount, money(ours.uncertain)));
  if (!ours.folded.isZero()) said.push(text.reconcileFolded(money(ours.folded)));
  if (partway) said.push(text.reconcilePartway(id, sinceSaid));
  return said;
}

/** `provider`'s own figure for the key, for the period (`periodFor`), beside this ledger's; or why there is none. */
async function compare(ledger: LedgerStore, id: ProviderId, source: ReconcileSource, at: At): Promise<Sentence[]> {
  const access = source.accessFor(id);
  if (!access) return [text.reconcileNoKey(id)];
  const provider = await source.providerFor(id).catch(() => undefined);
  const usage = await provider?.keyUsage?.(access);
  if (!usage || 'unread' in usage)
    return [usage?.unread === 'key' ? text.reconcileKeyRefused(id) : text.reconcileUnreadable(id)];
  const { period, partway } = periodFor(at.since, at.now);
  return beside(ledger, id, { theirs: new Decimal(usage[period]), period, partway, says: KEY_WORDS }, at);
}

/** Why a signed-in account's figure for the site could not be read, in words. */
const SITE_UNREAD = {
  'signed-out': text.reconcileSignIn,
  credits: text.reconcileCredits,
  'no-site': text.reconcileNoSite,
  unreadable: text.reconcileUnreadable,
};

/**
 * The figure the account signed in to `id` on this page gives for this site this UTC month (every device of the user
 * on the site counts there) beside this ledger's for the same month; or why there is none, never guessed.
 */
async function compareSite(ledger: LedgerStore, id: ProviderId, source: ReconcileSource, at: At): Promise<Sentence[]> {
  const usage: SiteUsage = (await source.siteUsage?.(id).catch(() => undefined)) ?? { unread: 'unreadable' };
  if ('unread' in usage) return [SITE_UNREAD[usage.unread](id)];
  const partway = at.since > periodStart('month', at.now);
  return beside(ledger, id, { theirs: new Decimal(usage.month), period: 'month', partway, says: SITE_WORDS }, at);
}

/**
 * Reconciles `ledger` at `now` (ms) with each provider it spent with (entries not void), in the order first spent
 * with: first what each uncertain charge's record settles, then each provider's figure beside the ledger's, or why
 * there is none. `since`: when the tally began (ms), and as a person says it.
 */
export async function reconcileWithAccounts(
  ledger: LedgerStore,
  source: ReconcileSource,
  { now, since, sinceSaid, locale }: { now: number; since: number; sinceSaid: string; locale?: string },
): Promise<{ settled: RecordSettled[]; providers: Reconciled[] }> {
  const settled = await settleFromRecords(ledger, recordable(ledger), source, locale);
  // Whom this ledger paid, as the words name them (OpenAI, or a gateway), each with its provider's id.
  const spentWith = new Map<string, ProviderId>();
  for (const { status, provider, payee } of ledger.entries())
    if (status !== 'void' && isProviderId(provider)) spentWith.set(payee ?? provider, provider);
  const providers: Reconciled[] = [];
  for (const [name, id] of spentWith) {
    const published = publishedBy(id, name === id ? undefined : name);
    const at = { now, since, sinceSaid, locale };
    const said =
      published === 'key'
        ? await compare(ledger, id, source, at)
        : published === 'signed-in'
          ? await compareSite(ledger, id, source, at)
          : [UNREAD_WORDS[published ?? 'none'](name)];
    providers.push({ provider: name, said });
  }
  return { settled, providers };
}
