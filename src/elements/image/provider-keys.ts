import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../base/types.js';

/** Where a remembered key is kept: one slot per storage key and provider. */
const slot = (storageKey: string, provider: string) => `${storageKey}:key:${provider}`;

function read(storageKey: string, provider: string): string {
  try {
    return localStorage.getItem(slot(storageKey, provider)) ?? '';
  } catch {
    return ''; // storage unavailable: nothing was remembered
  }
}

function write(storageKey: string, provider: string, key: string) {
  try {
    if (key) localStorage.setItem(slot(storageKey, provider), key);
    else localStorage.removeItem(slot(storageKey, provider));
  } catch {
    // Storage unavailable or full: the key simply stays in memory for this visit.
  }
}

/** The host's storage key and the provider in force. */
export interface ProviderKeysSource {
  storageKey(): string;
  provider(): ProviderId;
}

/**
 * The end user's own keys, one per provider, so that a key typed for one provider is never sent to
 * another. Kept in memory; on disk (`{storageKey}:key:{provider}`) only for a provider where the user
 * ticked "Remember my key on this device", and deleted from there when they untick it. Storage is read
 * once per storage key and provider, not on every render.
 *
 * `current` is the key of the provider in force. A key set before the host's first update belongs to the
 * provider of that update (a framework may set `apiKey` before `provider`); afterwards, to the provider in
 * force when it is set.
 */
export class ProviderKeys implements ReactiveController {
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
    return this.unbound ?? this.get(this.source.provider());
  }
  set current(key: string) {
    if (this.host.hasUpdated) this.set(this.source.provider(), key);
    else this.unbound = key;
  }

  hostUpdate() {
    if (this.unbound !== undefined) this.set(this.source.provider(), this.unbound);
    this.unbound = undefined;
  }

  /** The key for `provider`: typed on this page, else remembered on this device, else ''. */
  get(provider: ProviderId): string {
    this.load(provider);
    return this.keys.get(provider) ?? '';
  }

  /** Sets the key for `provider` (and stores it there when the user opted in for it). */
  set(provider: ProviderId, key: string) {
    this.keys.set(provider, key);
    if (this.isRemembered(provider)) write(this.source.storageKey(), provider, key);
  }

  isRemembered(provider: ProviderId): boolean {
    this.load(provider);
    return this.remembered.get(slot(this.source.storageKey(), provider))!;
  }

  /** The user's "Remember my key on this device" for `provider`: stores its current key, or deletes it. */
  remember(provider: ProviderId, on: boolean) {
    this.remembered.set(slot(this.source.storageKey(), provider), on);
    write(this.source.storageKey(), provider, on ? this.get(provider) : ''); // unticked, it still serves this visit
  }

  private load(provider: ProviderId) {
    const where = slot(this.source.storageKey(), provider);
    if (this.remembered.has(where)) return;
    const stored = read(this.source.storageKey(), provider);
    this.remembered.set(where, !!stored);
    if (stored && !this.keys.get(provider)) this.keys.set(provider, stored);
  }
}
