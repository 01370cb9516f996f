import { asUserPaysError } from '../errors.js';
import type { ImageStore, StoredImage } from '../ledger/image-store.js';
import type { LedgerEntry, LedgerStore } from '../ledger/index.js';
import type { Provider } from '../providers/provider.js';
import type { ProviderId } from '../types.js';

export interface ResumeOptions {
  ledger: LedgerStore;
  images: ImageStore;
  /** The adapter for a provider id; may throw for a provider this build does not have (left pending). */
  providerFor(id: ProviderId): Provider;
  /** The endpoint to use for a provider (the widget's `endpoint`, else the provider's default). */
  endpointFor(id: ProviderId): string;
  /** The user's key for a BYO-key provider, if the page has it (typed in, or remembered by opt-in). */
  apiKeyFor?(id: ProviderId): string | undefined;
  signal: AbortSignal;
  /** Each image as soon as it is persisted and its entry settled. */
  onResumed?(image: StoredImage, entry: LedgerEntry): void;
}

export interface ResumeReport {
  /** Left pending: the provider needs the user's key (none given, or it was refused). Ask, then call again. */
  needsKey: LedgerEntry[];
}

/**
 * Finishes what pages that are gone (closed, reloaded, crashed) left pending. Each orphan is taken under
 * its Web Lock, so no two pages resume the same one, and re-read inside it, so one settled meanwhile is
 * left alone. A task the provider accepted is resumed: the image is persisted with the entry's prompt,
 * then the entry is settled at the cost the provider reported (at acceptance), else the quote. An entry
 * without a task (its page went before the provider accepted it) is void, error 'interrupted'. A resume
 * that fails settles like a failed generation (charged if a cost was reported at acceptance, else void),
 * except when offline or cancelled (`signal`): then the entry stays pending for the next call.
 */
export async function resumeOrphans(o: ResumeOptions): Promise<ResumeReport> {
  const { ledger } = o;
  const needsKey: LedgerEntry[] = [];
  const one = async (orphan: LedgerEntry) => {
    const id = orphan.provider as ProviderId;
    const apiKey = o.apiKeyFor?.(id);
    let provider: Provider | undefined;
    try {
      provider = orphan.task && o.providerFor(id);
    } catch {
      return; // not in this build: left for a page that has it
    }
    if (provider?.needsKey && !apiKey) return void needsKey.push(orphan);
    await ledger.claim(orphan.id, async () => {
      const e = ledger.pending().find((x) => x.id === orphan.id);
      if (!e) return; // settled meanwhile
      let error = 'interrupted';
      let charged = e.charged;
      if (e.task && provider!.resume) {
        try {
          const { image, charge } = await provider!.resume(e.task, {
            endpoint: o.endpointFor(id),
            apiKey,
            signal: o.signal,
          });
          const stored: StoredImage = {
            ...image,
            id: e.id,
            entryId: e.id,
            prompt: e.prompt ?? '',
            model: e.model,
            provider: id,
            charged: charge?.usd ?? charged ?? e.quoted,
            createdAt: Date.now(),
          };
          await o.images.put(stored);
          ledger.settle(e.id, { charged: stored.charged, credits: charge?.credits ?? e.credits });
          return o.onResumed?.(stored, e);
        } catch (thrown) {
          const x = asUserPaysError(thrown);
          if (x.code === 'auth-failed') return void needsKey.push(e);
          if (x.code === 'network' || x.code === 'cancelled') return; // tried again next time
          error = x.code;
          if (x.uncharged) charged = undefined;
        }
      }
      ledger.settle(e.id, charged ? { charged, credits: e.credits, error } : { void: true, error });
    });
  };
  await Promise.all((await ledger.orphans()).map(one));
  return { needsKey };
}
