import type { ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../base/types.js';
import { keyOrigin, providerInfo } from '../../../../providers/registry/catalog.js';
import { keySlot, readKey as read, type KeyRoute, type KeysGiven } from '../../shared/key-slots.js';

/** Before keys were bound to their origin, one slot per provider: read as the provider's public origin's. */
const legacySlot = (storageKey: string, provider: string) => `${storageKey}:key:${provider}`;

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
  // `openai` had no public origin then (OpenAI's own came with GPT Image): its old key was a gateway's.
  const origin = provider === 'openai' ? '' : keyOrigin(provider, '');
  const where = `${storageKey}:key:${provider}:${origin}`;
  if (origin && !read(where)) write(where, old);
  write(legacySlot(storageKey, provider), '');
}

/**
 * The host's storage key, the provider in force, its configured endpoint ('' for the provider's public one) and the
 * site's relay ('' for none).
 */
export interface ProviderKeysSource {
  storageKey(): string;
  provider(): ProviderId;
  endpoint(): string;
  relay(): string;
}

/**
 * The end user's own keys, one per provider and route (`keyRoute`: the endpoint's origin and the relay's), so that a
 * key typed for one provider, one gateway or one relay is never sent to another. Kept in memory; on disk
 * (`{storageKey}:key:{provider}:{route}`) only where the user ticked "Remember my key on this device", and deleted
 * from there when they untick it. Storage is read once per slot, not on every render.
 *
 * `current` is the key of the provider, endpoint and relay in force; a key set belongs to those in force when it is
 * set. Made with the panels, it takes over the keys the page gave before (`adopt`: ../../shared/key-slots.ts).
 *
 * Forgetting a key (Sign out, or unticking "Remember") reaches every widget and tab of the storage key at once
 * (`tell`, and `drop` in each of the others: the panels' KeysChannel carries the word), so that no other widget goes
 * on paying with a key the user meant to be rid of.
 */
export class ProviderKeys {
  /** Typed (or remembered) keys, by storage slot. */
  readonly #keys = new Map<string, string>();
  /** The user's "remember" choice, by storage slot (read from storage the first time a slot is used). */
  readonly #remembered = new Map<string, boolean>();
  /** Tells the other widgets and tabs of the storage key that the key of a slot was forgotten (KeysChannel). */
  tell?: (where: string) => void;

  readonly #host: ReactiveControllerHost;
  readonly #source: ProviderKeysSource;

  constructor(host: ReactiveControllerHost, source: ProviderKeysSource) {
    this.#host = host;
    this.#source = source;
  }

  get current(): string {
    return this.get(...this.#inForce());
  }
  set current(key: string) {
    this.set(...this.#inForce(), key);
  }

  /** The keys the page gave before the panels came, each for its route. */
  adopt(given: KeysGiven) {
    for (const { route, key } of given.values()) this.set(...route, key);
  }

  /**
   * The key for `provider` at `endpoint`'s origin through `relay` ('' for none): typed on this page, else remembered
   * on this device, else ''.
   */
  get(provider: ProviderId, endpoint: string, relay: string): string {
    return this.#keys.get(this.#load(provider, endpoint, relay)) ?? '';
  }

  /** Sets the key for `provider` at `endpoint`'s origin through `relay` (stored there if the user opted in). */
  set(provider: ProviderId, endpoint: string, relay: string, key: string) {
    const where = this.#load(provider, endpoint, relay);
    this.#keys.set(where, key);
    if (this.#remembered.get(where)) write(where, key);
  }

  /**
   * Sign out: forgets the key for `provider` at `endpoint`'s origin through `relay`, here, on disk, and in every other
   * widget and tab of the storage key.
   */
  forget(provider: ProviderId, endpoint: string, relay: string) {
    const where = this.#load(provider, endpoint, relay);
    this.#keys.set(where, '');
    write(where, ''); // whoever remembered it, here or in another tab
    this.tell?.(where);
  }

  /** The storage slot of `provider` at `endpoint`'s origin through `relay` (by default those in force). */
  slotOf(...route: [ProviderId, string, string] | []): string {
    return this.#load(...(route.length ? route : this.#inForce()));
  }

  /** Whether the user chose to remember the key of the provider, endpoint and relay in force. */
  isRemembered(): boolean {
    return this.#remembered.get(this.#load(...this.#inForce()))!;
  }

  /**
   * The user's "Remember my key on this device", for the provider, endpoint and relay in force: stores the key, or
   * deletes it (and the other widgets and tabs, which may have read it from there, drop it).
   */
  remember(on: boolean) {
    const where = this.#load(...this.#inForce());
    this.#remembered.set(where, on);
    write(where, on ? this.get(...this.#inForce()) : ''); // unticked, it still serves this visit, in this widget
    if (!on) this.tell?.(where);
  }

  /** Another widget or tab of the storage key forgot the key of the slot `where`: held here or not read yet, it is gone. */
  drop(where: string) {
    this.#keys.set(where, ''); // the word comes on this storage key's channel only (see KeysChannel)
    this.#remembered.set(where, false); // nothing of it is left on this device
    this.#host.requestUpdate();
  }

  /** Drops each key read from disk that is no longer there: forgotten elsewhere before this widget could hear of it. */
  recheck() {
    for (const [where, key] of this.#keys) if (key && this.#remembered.get(where) && !read(where)) this.drop(where);
  }

  /**
   * The routes (`keyRoute`) for which the user has a key for `provider` on this page: one for another origin or
   * another relay is not sent here, and the key field says so (panels/image-panels.ts).
   */
  routes(provider: ProviderId): string[] {
    const prefix = `${this.#source.storageKey()}:key:${provider}:`;
    return [...this.#keys]
      .filter(([where, key]) => key && where.startsWith(prefix))
      .map(([where]) => where.slice(prefix.length));
  }

  /** The provider, endpoint and relay in force. */
  #inForce(): KeyRoute {
    return [this.#source.provider(), this.#source.endpoint(), this.#source.relay()];
  }

  /** The slot of `provider` at `endpoint`'s origin through `relay`, its remembered key read into memory the first time. */
  #load(provider: ProviderId, endpoint: string, relay: string): string {
    const storageKey = this.#source.storageKey();
    const where = keySlot(storageKey, provider, endpoint, relay);
    if (!this.#remembered.has(where)) {
      if (providerInfo(provider)?.needsKey) migrate(storageKey, provider);
      const stored = read(where);
      this.#remembered.set(where, !!stored);
      if (stored && !this.#keys.get(where)) this.#keys.set(where, stored);
    }
    return where;
  }
}
