import Decimal from 'decimal.js';
import { isProviderId } from '../base/checks.js';
import { asUserPaysError } from '../base/errors.js';
import { clock } from '../base/clock.js';
import { othersBetween, settleFromBalance } from '../ledger/ledger.js';
import { spentAfter } from './balance-check.js';
import type { ImageStore, StoredImage } from '../images/image-store.js';
import type { LedgerEntry, LedgerStore, Settlement } from '../ledger/ledger.js';
import { bookFailure, type Seen } from './run-generation.js';
import { settleFromRecord } from './record-settlement.js';
import type { Charge, Provider, ProviderOutcome } from '../providers/provider.js';
import type { ProviderId } from '../base/types.js';

export interface ResumeOptions {
  ledger: LedgerStore;
  images: ImageStore;
  /**
   * The adapter for a provider id, loaded on first use; may reject for a provider this build does not have, or one
   * whose code cannot load now (left pending either way).
   */
  providerFor(id: ProviderId): Promise<Provider>;
  /** The endpoint to use for a provider (the widget's `endpoint`, else the provider's default). */
  endpointFor(id: ProviderId): string;
  /**
   * The site's relay for a provider at `endpoint` (the task's), if it goes through one (already checked): none where
   * the provider answers pages there itself (`relayFor` in providers/registry/catalog.ts).
   */
  relayFor?(id: ProviderId, endpoint: string): string | undefined;
  /**
   * The user's key for a BYO-key provider at `endpoint`'s origin (the one the task was accepted at), if the page has
   * it (typed in, or remembered by opt-in): a key is never sent to another origin than the one it belongs to.
   */
  apiKeyFor?(id: ProviderId, endpoint: string): string | undefined;
  /** This site's sign-in made that key (`BalanceSource.keyMadeBySignIn`): its balance may settle an uncertain charge. */
  keyMadeBySignIn?(id: ProviderId, endpoint: string): boolean;
  /** After a fault, how long to wait before the balance is read again while it moves; default 1000. */
  recheckMs?: number;
  signal: AbortSignal;
  /** A task the provider accepted is being asked for again (its image is on its way). */
  onResuming?(entry: LedgerEntry): void;
  /** Each image as soon as it is persisted and its entry settled. */
  onResumed?(image: StoredImage, entry: LedgerEntry): void;
}

export interface ResumeReport {
  /** Left pending: the provider needs the user's key (none given, or it was refused). Ask, then call again. */
  needsKey: LedgerEntry[];
}

/**
 * Finishes what pages that are gone (closed, reloaded, crashed) left pending, and reconciles what a page left
 * uncertain with a task the provider can still be asked about. Each entry is taken under its Web Lock, so no two
 * pages work on the same one, and re-read inside it, so one settled meanwhile is left alone.
 *
 * A task the provider accepted is resumed: the image is persisted with the entry's prompt, then the entry is
 * settled (or resolved) at the cost the provider reported at acceptance, else the quote. A pending entry without
 * a task was never accepted as far as anyone knows: void ('interrupted') if its request had not left, uncertain
 * (at the quote) if it had — its reply was lost with the page. A resume that fails is booked like a failed
 * generation (`bookFailure`), except when offline or cancelled (`signal`): the entry then waits for the next call.
 */
export async function resumeOrphans(o: ResumeOptions): Promise<ResumeReport> {
  const { ledger } = o;
  const needsKey: LedgerEntry[] = [];
  // Uncertain entries with a task are free to reconcile once their own page has settled them.
  const uncertain = ledger.uncertain().filter((entry) => entry.task);
  await Promise.all([
    ...[...(await ledger.orphans()), ...uncertain].map((found) => resumeOne(found, o, needsKey)),
    ...ledger
      .uncertain()
      .filter((entry) => !entry.task && entry.before)
      .map((entry) => settleLater(entry, o)),
  ]);
  return { needsKey };
}

/**
 * One entry a gone page left pending, or uncertain with a task (`found`), as `resumeOrphans` says: its task asked for
 * again under its lock and the image booked, else the entry booked as what is known of it; added to `needsKey` where
 * the provider wants the user's key first.
 */
async function resumeOne(found: LedgerEntry, o: ResumeOptions, needsKey: LedgerEntry[]) {
  const { ledger } = o;
  const adapter = await adapterFor(found, o);
  if (adapter === 'later') return;
  if (adapter?.provider.needsKey && !adapter.apiKey) return void needsKey.push(found);
  await ledger.claim(found.id, async () => {
    const entry = ledger.entries().find((e) => e.id === found.id);
    if (entry?.status !== found.status) return; // settled or resolved meanwhile
    const book = bookerFor(ledger, entry);
    // A charge held uncertain whose provider keeps a record of each generation: settled from it, once a visit (a
    // record not there yet is asked again on the next, or by the tally: record-settlement.ts).
    if (entry.status === 'uncertain' && entry.task && adapter?.provider.generationRecord && adapter.apiKey) {
      const { endpoint, apiKey, provider } = adapter;
      const relay = o.relayFor?.(adapter.id, endpoint);
      return void (await settleFromRecord(entry, provider, { endpoint, apiKey, relay, signal: o.signal }, ledger));
    }
    if (!entry.task || !adapter?.provider.resume) {
      return book(
        entry.sentAt ? { uncertain: entry.quoted, error: 'interrupted' } : { void: true, error: 'interrupted' },
      );
    }
    const { id, endpoint, apiKey } = adapter;
    // BFL reported (and debited) a cost at acceptance; other providers bill what finishes.
    const charge =
      entry.status === 'pending' && entry.charged ? { usd: entry.charged, credits: entry.credits } : undefined;
    const seen: Seen = { sending: true, accepted: true, charge, billed: !!charge, uncharged: false };
    o.onResuming?.(entry);
    try {
      const outcome = await adapter.provider.resume(entry.task, {
        endpoint,
        apiKey,
        relay: o.relayFor?.(id, endpoint),
        signal: o.signal,
        onBilled: () => (seen.billed = true),
        onUncharged: () => (seen.uncharged = true),
      });
      const { stored, receipt } = resumedImage(entry, id, outcome, outcome.charge ?? charge);
      await o.images.put(stored);
      book({ charged: stored.charged, ...receipt });
      return o.onResumed?.(stored, entry);
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      // A key refused, or a sign-in that expired (Hugging Face's 401): wait for the user's next one.
      if (error.code === 'auth-failed' || error.code === 'auth-required') return void needsKey.push(entry);
      if (error.code === 'network' || error.code === 'cancelled') return; // tried again next time
      book(bookFailure(seen, error, entry.quoted));
    }
  });
}

/**
 * What asks the provider again for `found`'s task: its adapter, where the task was accepted and the user's key there.
 * None where it has no task; `later` where its provider is not in this build (an entry of another's) or its adapter
 * could not load now: left for a page that has it, or the next visit.
 */
async function adapterFor(found: LedgerEntry, o: ResumeOptions) {
  const { provider: id, task } = found;
  if (!task) return undefined;
  if (!isProviderId(id)) return 'later';
  // Asked again where it was accepted (entries from before tasks kept it: where the page points now).
  const endpoint = task.endpoint ?? o.endpointFor(id);
  const apiKey = o.apiKeyFor?.(id, endpoint);
  try {
    return { id, endpoint, apiKey, provider: await o.providerFor(id) };
  } catch {
    return 'later';
  }
}

/**
 * Books what became of `entry`: a pending one is settled; an uncertain one is resolved, unless what is known of it
 * now is no more than that it is uncertain, when it stays as it is.
 */
function bookerFor(ledger: LedgerStore, entry: LedgerEntry) {
  return (settlement: Settlement) =>
    entry.status === 'pending'
      ? ledger.settle(entry.id, settlement)
      : 'uncertain' in settlement
        ? undefined // still not known: it stays uncertain
        : ledger.resolve(entry.id, settlement);
}

/**
 * The image a resumed task made, as stored for `entry` (its prompt, model and id), and its receipt: at what the
 * provider reported it charged (`paid`), else at the quote.
 */
function resumedImage(entry: LedgerEntry, id: ProviderId, outcome: ProviderOutcome, paid: Charge | undefined) {
  const receipt = {
    quoted: entry.quoted,
    basis: paid ? ('reported' as const) : ('quote' as const),
    credits: paid?.credits,
  };
  const prompt = entry.prompt ?? '';
  // No conversation is kept of a task finished after a reload: the turns it was asked with are not known here.
  const { conversation: _, ...image } = outcome.image;
  const stored: StoredImage = {
    ...image,
    // The provider's prompt, where it is not the one sent (the adapter could not tell: it does not know that).
    revisedPrompt: outcome.image.revisedPrompt === prompt ? undefined : outcome.image.revisedPrompt,
    id: entry.id,
    entryId: entry.id,
    prompt,
    model: entry.model,
    provider: id,
    charged: paid?.usd ?? entry.quoted,
    receipt,
    createdAt: Date.now(),
  };
  return { stored, receipt };
}

/** How long after it was booked uncertain a charge is released at what its balance shows, if that held still. */
const RELEASE_MS = 60_000;

/**
 * An uncertain charge an earlier visit could not settle from its balance, on a key this ledger's alone (`before`: what
 * the account had spent before it was sent): the balance read again until still, and the entry booked at the bound
 * once it shows it all; or, `RELEASE_MS` on and nothing else of the provider since, released at what it shows (nothing:
 * not charged). Where the key is not at hand, or not the sign-in's, it stays as it is.
 */
async function settleLater(found: LedgerEntry, o: ResumeOptions) {
  const id = found.provider;
  if (!isProviderId(id)) return; // not in this build: left for a page that has it
  const endpoint = o.endpointFor(id);
  const apiKey = o.apiKeyFor?.(id, endpoint);
  if (!apiKey || !o.keyMadeBySignIn?.(id, endpoint) || !found.before) return;
  let provider: Provider;
  try {
    provider = await o.providerFor(id);
  } catch {
    return;
  }
  if (!provider.tracksSpending) return;
  const before = { spent: new Decimal(found.before[0]), at: found.before[1] };
  const source = { provider, endpoint, apiKey, relay: o.relayFor?.(id, endpoint), keyMadeBySignIn: true };
  await o.ledger.claim(found.id, async () => {
    const entry = o.ledger.uncertain().find((e) => e.id === found.id);
    // Settled meanwhile; or images since then folded into the history, which the balance may count: left as it is.
    if (!entry || !o.ledger.seesAllSince(before.at)) return;
    const after = await spentAfter(source, before, o.recheckMs ?? 1000);
    const entries = o.ledger.entries();
    if (!after || othersBetween(entries, entry.id, entry.provider, before.at, after.at).length) return;
    const settled = settleFromBalance(entry, entry.charged, before, after, entries, true);
    if ('charged' in settled) return o.ledger.resolve(entry.id, { charged: settled.charged, basis: 'balance' });
    if (!after.still || clock.now() - entry.settledAt < RELEASE_MS) return;
    if (settled.certain) return o.ledger.resolve(entry.id, { charged: settled.certain, basis: 'balance' });
    if (settled.measured !== undefined && new Decimal(settled.measured).isZero())
      o.ledger.resolve(entry.id, { void: true });
  });
}
