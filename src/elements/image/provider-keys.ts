import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../base/types.js';
import { keyOrigin, providerInfo } from '../../providers/catalog.js';

/** Where a remembered key is kept: one slot per storage key, provider and origin (the account it belongs to). */
const slot = (storageKey: string, provider: string, origin: string) => `${storageKey}:key:${provider}:${origin}`;
/** Before keys were bound to their origin, one slot per provider: read as the provider's public origin's. */
const legacySlot = (storageKey: string, provider: string) => `${storageKey}:key:${provider}`;

function read(where: string): string {
  try {
    return localStorage.getItem(where) ?? '';
  } catch {
    return ''; // storage unavailable: nothing was remembered
  }
}

function write(where: string, key: string) {
  try {
    if (key) localStorage.setItem(where, key);
    else localStorage.removeItem(where);
  } catch {
    // Storage unavailable or full: the key simply stays in memory for this visit.
  }
}

/**
 * A key remembered before keys were bound to an origin: it belongs to the provider's public origin, and moves to
 * that origin's slot. A gateway has no public origin, so its old key cannot be told to belong to any: it is deleted
 * (the user is asked again), never sent to whichever gateway the page names now.
 */
function migrate(storageKey: string, provider: ProviderId) {
  const old = read(legacySlot(storageKey, provider));
  if (!old) return;
  const origin = keyOrigin(provider, '');
  if (origin && !read(slot(storageKey, provider, origin))) write(slot(storageKey, provider, origin), old);
  write(legacySlot(storageKey, provider), '');
}

/** The host's storage key, the provider in force and its configured endpoint ('' for the provider's public one). */
export interface ProviderKeysSource {
  storageKey(): string;
  provider(): ProviderId;
  endpoint(): string;
}

/**
 * The end user's own keys, one per provider and origin (`keyOrigin`), so that a key typed for one provider or one
 * gateway is never sent to another. Kept in memory; on disk (`{storageKey}:key:{provider}:{origin}`) only for an
 * origin where the user ticked "Remember my key on this device", and deleted from there when they untick it.
 * Storage is read once per slot, not on every render.
 *
 * `current` is the key of the provider and endpoint in force. A key set before the host's first update belongs to
 * the provider and endpoint of that update (a framework may set `apiKey` before `provider` or `endpoint`);
 * afterwards, to those in force when it is set.
 */
export class ProviderKeys implements ReactiveController {
  /** Typed (or remembered) keys, by `provider origin`. */
  private readonly keys = new Map<string, string>();
  /** The user's "remember" choice, by storage slot (read from storage the first time a slot is used). */
  private readonly remembered = new Map<string, boolean>();
  private unbound?: string;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly hasUpdated: boolean },
    private readonly source: ProviderKeysSource,
  ) {
    host.addController(this);
  }

  get current(): string {
    return this.unbound ?? this.get(this.source.provider(), this.source.endpoint());
  }
  set current(key: string) {
    if (this.host.hasUpdated) this.set(this.source.provider(), this.source.endpoint(), key);
    else this.unbound = key;
  }

  hostUpdate() {
    if (this.unbound !== undefined) this.set(this.source.provider(), this.source.endpoint(), this.unbound);
    this.unbound = undefined;
  }

  /** The key for `provider` at `endpoint`'s origin: typed on this page, else remembered on this device, else ''. */
  get(provider: ProviderId, endpoint: string): string {
    return this.keys.get(this.load(provider, endpoint)) ?? '';
  }

  /** Sets the key for `provider` at `endpoint`'s origin (and stores it there when the user opted in for it). */
  set(provider: ProviderId, endpoint: string, key: string) {
    const where = this.load(provider, endpoint);
    this.keys.set(where, key);
    if (this.remembered.get(where)) write(where, key);
  }

  /** Whether the user chose to remember the key of the provider and endpoint in force. */
  isRemembered(): boolean {
    return this.remembered.get(this.load(this.source.provider(), this.source.endpoint()))!;
  }

  /** The user's "Remember my key on this device", for the provider and endpoint in force: stores the key, or deletes it. */
  remember(on: boolean) {
    const [provider, endpoint] = [this.source.provider(), this.source.endpoint()];
    const where = this.load(provider, endpoint);
    this.remembered.set(where, on);
    write(where, on ? this.get(provider, endpoint) : ''); // unticked, it still serves this visit
  }

  /**
   * The origins (other than `endpoint`'s) for which the user has a key for `provider` on this page: a key there
   * is not sent here, and the widget says so.
   */
  otherOrigins(provider: ProviderId, endpoint: string): string[] {
    const here = keyOrigin(provider, endpoint);
    const prefix = `${this.source.storageKey()}:key:${provider}:`;
    return [...this.keys]
      .filter(([where, key]) => key && where.startsWith(prefix) && where.slice(prefix.length) !== here)
      .map(([where]) => where.slice(prefix.length));
  }

  /** The slot of `provider` at `endpoint`'s origin, its remembered key read into memory the first time. */
  private load(provider: ProviderId, endpoint: string): string {
    const storageKey = this.source.storageKey();
    const where = slot(storageKey, provider, keyOrigin(provider, endpoint));
    if (!this.remembered.has(where)) {
      if (providerInfo(provider)?.needsKey) migrate(storageKey, provider);
      const stored = read(where);
      this.remembered.set(where, !!stored);
      if (stored && !this.keys.get(where)) this.keys.set(where, stored);
    }
    return where;
  }
}
