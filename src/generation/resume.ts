import { asUserPaysError } from '../base/errors.js';
import type { ImageStore, StoredImage } from '../images/image-store.js';
import type { LedgerEntry, LedgerStore, Settlement } from '../ledger/ledger.js';
import { bookFailure, type Seen } from './run-generation.js';
import type { Provider } from '../providers/provider.js';
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
  /** The site's relay for a provider, if it has one (already checked). */
  relayFor?(id: ProviderId): string | undefined;
  /**
   * The user's key for a BYO-key provider at `endpoint`'s origin (the one the task was accepted at), if the page has
   * it (typed in, or remembered by opt-in): a key is never sent to another origin than the one it belongs to.
   */
  apiKeyFor?(id: ProviderId, endpoint: string): string | undefined;
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
  const one = async (found: LedgerEntry) => {
    const id = found.provider as ProviderId;
    // Asked again where it was accepted (entries from before tasks kept it: where the page points now).
    const endpoint = found.task?.endpoint ?? o.endpointFor(id);
    const apiKey = o.apiKeyFor?.(id, endpoint);
    let provider: Provider | undefined;
    try {
      provider = found.task && (await o.providerFor(id));
    } catch {
      return; // not in this build, or its adapter could not load: left for a page that has it, or the next visit
    }
    if (provider?.needsKey && !apiKey) return void needsKey.push(found);
    await ledger.claim(found.id, async () => {
      const entry = ledger.entries().find((e) => e.id === found.id);
      if (entry?.status !== found.status) return; // settled or resolved meanwhile
      const book = (settlement: Settlement) =>
        entry.status === 'pending'
          ? ledger.settle(entry.id, settlement)
          : 'uncertain' in settlement
            ? undefined // still not known: it stays uncertain
            : ledger.resolve(entry.id, settlement);
      if (!entry.task || !provider?.resume) {
        return book(
          entry.sentAt ? { uncertain: entry.quoted, error: 'interrupted' } : { void: true, error: 'interrupted' },
        );
      }
      // BFL reported (and debited) a cost at acceptance; other providers bill what finishes.
      const charge =
        entry.status === 'pending' && entry.charged ? { usd: entry.charged, credits: entry.credits } : undefined;
      const seen: Seen = { sending: true, accepted: true, charge, billed: !!charge, uncharged: false };
      o.onResuming?.(entry);
      try {
        const outcome = await provider.resume(entry.task, {
          endpoint,
          apiKey,
          relay: o.relayFor?.(id),
          signal: o.signal,
          onBilled: () => (seen.billed = true),
          onUncharged: () => (seen.uncharged = true),
        });
        const paid = outcome.charge ?? charge;
        const receipt = {
          quoted: entry.quoted,
          basis: paid ? ('reported' as const) : ('quote' as const),
          credits: paid?.credits,
        };
        const prompt = entry.prompt ?? '';
        const stored: StoredImage = {
          ...outcome.image,
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
  };
  // Uncertain entries with a task are free to reconcile once their own page has settled them.
  const uncertain = ledger.uncertain().filter((entry) => entry.task);
  await Promise.all([...(await ledger.orphans()), ...uncertain].map(one));
  return { needsKey };
}
