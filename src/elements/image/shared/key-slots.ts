import type { ProviderId } from '../../../base/types.js';
import { keyRoute } from '../../../providers/registry/catalog.js';

/**
 * Where a remembered key is kept: one slot per storage key, provider and route (`keyRoute`: the account it belongs
 * to, and the relay it goes through, if any). A key that goes straight to the provider keeps the slot it had before
 * keys named their relay (`{storageKey}:key:{provider}:{origin}`), so no key remembered then is ever read as one
 * given for a relay. The user's keys themselves are the panels' (accounts/panel/provider-keys.ts).
 */
export const keySlot = (storageKey: string, provider: ProviderId, endpoint: string, relay: string) =>
  `${storageKey}:key:${provider}:${keyRoute(provider, endpoint, relay)}`;

/** The key remembered in the slot `where`, or '' (none, or storage unavailable: nothing was remembered). */
export function readKey(where: string): string {
  try {
    return localStorage.getItem(where) ?? '';
  } catch {
    return '';
  }
}

/** A provider, its configured endpoint ('' for its public one) and the site's relay ('' for none): a key's route. */
export type KeyRoute = [ProviderId, string, string];

/**
 * The keys a page gives (`apiKey`) before the panels, which hold the user's keys, are here: by slot, each with the
 * route in force when it was given. The panels take them over (`ProviderKeys.adopt`).
 */
export type KeysGiven = Map<string, { route: KeyRoute; key: string }>;
