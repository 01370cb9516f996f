import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../base/types.js';
import type { LedgerStore } from '../../../../ledger/ledger.js';
import { loadEngine } from '../../../../lazy/index.js';
import { keyedProviders, providerInfo, relayFor } from '../../../../providers/registry/catalog.js';
import { checkRelay } from '../../../../providers/urls.js';
import type { GalleryContract } from '../../shared/features.js';

/** Where each provider is reached, and with which key, read when they are needed. */
export interface ResumeSource {
  ledger(): Promise<LedgerStore | undefined>;
  /** The configured endpoint for a provider; '' for the provider's public one. */
  endpoint(provider: ProviderId): string;
  /** The site's relay for BYO-key providers ('' for none). */
  relay(): string;
  /**
   * The user's key for that provider at that endpoint's origin, given for that relay ('' for none; '' if none), and
   * whether this site's sign-in made it: its balance is this ledger's alone, and may settle what is uncertain.
   */
  key(provider: ProviderId, endpoint: string, relay: string): { key: string; madeBySignIn: boolean };
}

/**
 * Finishes what closed pages left at the providers (docs/ledger.md, "Orphans"): once the host's image store is open
 * (`resume`, called by the gallery), and again when a key is entered for a provider with paid images waiting for
 * one (`keyEntered`); one at a time, and once for each set of keys, not on every keystroke.
 */
export class ResumeController implements ReactiveController {
  /** A generation an earlier visit left at the provider is being finished: shown as under way (no second payment). */
  resuming = false;
  /** Paid images closed pages left at each provider, waiting for the user's key to be fetched. */
  waiting: Partial<Record<ProviderId, number>> = {};
  #controller?: AbortController;
  #chain: Promise<void> = Promise.resolve();
  /** The keys the last resume ran with. */
  #resumedWith?: string;

  readonly #host: ReactiveControllerHost;
  readonly #source: ResumeSource;
  readonly #gallery: Pick<GalleryContract, 'store' | 'reload'>;

  constructor(host: ReactiveControllerHost, source: ResumeSource, gallery: Pick<GalleryContract, 'store' | 'reload'>) {
    this.#host = host;
    this.#source = source;
    this.#gallery = gallery;
    host.addController(this);
  }

  hostDisconnected() {
    this.stop();
    this.#resumedWith = undefined;
  }

  /** Stops finishing orphans: what is left stays pending, finished on the next visit. */
  stop() {
    this.#controller?.abort();
  }

  /** A key was entered: fetches the paid images waiting for one (once per key, not per keystroke). */
  keyEntered() {
    if (Object.keys(this.waiting).length) void this.resume();
  }

  /** Finishes what closed pages left pending; runs one at a time, and once for each set of keys. */
  resume(): Promise<void> {
    const keys = keyedProviders()
      .map((id) => this.#source.key(id, this.#source.endpoint(id), this.#source.relay()).key)
      .join('\n');
    if (keys === this.#resumedWith) return this.#chain;
    this.#resumedWith = keys;
    return (this.#chain = this.#chain.then(() => this.#resumeOnce()));
  }

  async #resumeOnce() {
    const ledger = await this.#source.ledger().catch(() => undefined);
    const images = this.#gallery.store();
    if (!ledger || !images) return;
    // Only a ledger holding an entry a page may have left needs the code that finishes it (a chunk of its own).
    if (!ledger.pending().length && !ledger.uncertain().some((entry) => entry.task || entry.before)) {
      this.waiting = {};
      return this.#host.requestUpdate();
    }
    const controller = (this.#controller = new AbortController());
    const { loadResume, providerFor } = await loadEngine();
    const { resumeOrphans } = await loadResume();
    const relay = this.#source.relay();
    const { needsKey } = await resumeOrphans({
      ledger,
      images,
      providerFor,
      endpointFor: (id) => this.#source.endpoint(id) || (providerInfo(id)?.defaultEndpoint() ?? ''),
      relayFor: (id, endpoint) =>
        providerInfo(id)?.needsKey && relayFor(id, endpoint, relay) ? checkRelay(relay) : undefined,
      // Only a key given for the relay the tasks are asked through goes through it.
      apiKeyFor: (id, endpoint) => this.#source.key(id, endpoint, relay).key || undefined,
      keyMadeBySignIn: (id, endpoint) => this.#source.key(id, endpoint, relay).madeBySignIn,
      signal: controller.signal,
      onResuming: () => this.#update(true),
      onResumed: () => void this.#gallery.reload(),
    })
      .catch(() => ({ needsKey: [] })) // no Web Locks, storage gone: nothing can be resumed here
      .finally(() => this.#update(false));
    if (controller.signal.aborted) return;
    this.waiting = {};
    for (const entry of needsKey) {
      const id = entry.provider as ProviderId;
      this.waiting[id] = (this.waiting[id] ?? 0) + 1;
    }
    this.#host.requestUpdate();
  }

  #update(resuming: boolean) {
    this.resuming = resuming;
    this.#host.requestUpdate();
  }
}
