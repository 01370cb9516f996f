import type { ProviderId } from '../../../../base/types.js';
import type { ProviderKeys } from './provider-keys.js';

/** Where the word that this site's sign-in made the key of slot `where` is kept, beside the key remembered there. */
const markerOf = (where: string) => `${where}:sign-in`;

function read(where: string): string {
  try {
    return localStorage.getItem(where) ?? '';
  } catch {
    return ''; // storage unavailable: nothing was kept
  }
}

function write(where: string, value: string) {
  try {
    if (value) localStorage.setItem(where, value);
    else localStorage.removeItem(where);
  } catch {
    // Storage unavailable or full: the word serves this visit only, and the key is then the user's to paste again.
  }
}

/**
 * A fingerprint of a key (FNV-1a, 32 bits): binds the word kept on disk to the key it was said of, so that a key typed
 * or pasted since in the same slot is never taken for the sign-in's; 32 bits of a long random key tell nothing of it.
 */
function fingerprint(key: string): string {
  let hash = 0x811c9dc5;
  for (const char of key) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * Which of the user's keys (`ProviderKeys`) this site's sign-in made: such a key is spent from by this
 * ledger alone, so its balance may settle a charge (generation/balance-check.ts, `keyMadeBySignIn`), and the panels
 * draw no key field for it, and "Stay signed in on this device" in place of "Remember my key". Set by the sign-in
 * (`hold`); kept with a remembered key (`keep`, its fingerprint beside it) for the next visit; a key typed or pasted
 * since, or forgotten, is not the sign-in's. Beside the keys, in the panels, so that the first paint carries none of it.
 */
export class SignedKeys {
  /** The keys the sign-in made on this page, by `ProviderKeys` slot. */
  readonly #made = new Map<string, string>();
  readonly #keys: ProviderKeys;

  constructor(keys: ProviderKeys) {
    this.#keys = keys;
  }

  /** The sign-in made `key` for `provider` at `endpoint`'s origin through `relay` (already set in the keys). */
  hold(provider: ProviderId, endpoint: string, relay: string, key: string) {
    const where = this.#keys.slotOf(provider, endpoint, relay);
    this.#made.set(where, key);
    this.#keep(where);
  }

  /** The user's "Stay signed in" was changed (`ProviderKeys.remember`): the word follows the key on disk, or goes. */
  keep() {
    this.#keep(this.#keys.slotOf());
  }

  /** Sign out: the sign-in's key of that route is forgotten, and its word with it. */
  forget(provider: ProviderId, endpoint: string, relay: string) {
    const where = this.#keys.slotOf(provider, endpoint, relay);
    this.#made.delete(where);
    write(markerOf(where), '');
  }

  /**
   * Whether this site's sign-in made the key for `provider` at `endpoint`'s origin through `relay` (by default those in
   * force): on this page, or on an earlier one that kept it.
   */
  madeBySignIn(...route: [ProviderId, string, string] | []): boolean {
    const where = this.#keys.slotOf(...route);
    const key = route.length ? this.#keys.get(...route) : this.#keys.current;
    if (!key) return false;
    return this.#made.get(where) === key || read(markerOf(where)) === fingerprint(key);
  }

  /** Writes the word beside the key of `where` where it is on disk and the sign-in made it; deletes it otherwise. */
  #keep(where: string) {
    const key = this.#made.get(where);
    write(markerOf(where), key && read(where) === key ? fingerprint(key) : '');
  }
}
