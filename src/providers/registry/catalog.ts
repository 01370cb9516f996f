import type { ProviderId } from '../../base/types.js';
import type { ProviderInfo } from '../provider.js';
import { isProviderId, PROVIDER_IDS, PROVIDERS } from './registry.js';
import { parse } from '../urls.js';

/**
 * What the widget knows of each provider without loading its adapter (the adapters load on first use: see
 * src/lazy/index.ts), from each one's info in the registry: whether the user pays with their own key, and where it is
 * when `endpoint` is not set; and, from those, which key goes where.
 */

/** Which Puter API the widget speaks to (the page's choice, else Puter's own): Puter's info. */
export { PUTER_API, puterApi } from '../puter/info.js';

/** The origin of an address ('' for none); an address that is no URL is its own (nothing is sent there anyway). */
const originOf = (address: string) => parse(address)?.origin ?? address;

/**
 * The account a key belongs to: the origin of the endpoint it is used with (the provider's public one when none is
 * set). For a gateway, a regional host or a proxy, the account is the host, not the provider: a key typed or
 * remembered for one origin is never sent to another (docs/contract.md, Security). An endpoint that is no URL is
 * its own bucket ('' for a gateway not named yet): nothing is sent there anyway.
 */
export function keyOrigin(provider: string, endpoint: string): string {
  return originOf(endpoint || providerInfo(provider)?.defaultEndpoint() || '');
}

/** What joins an account and a relay in a `keyRoute`: a space is in no origin. */
const VIA = ' via ';

/**
 * Where a key was given, and so the only way it may go: the account (`keyOrigin`), and the site's relay when the
 * page sends this provider through one (`relayFor`: `{origin} via {relay's origin}`), since a relay sees every key it passes on. A key given
 * for one way is never sent another: a page that moves `relay` to another host, or drops it, asks for the key again
 * (docs/contract.md, Security).
 */
export function keyRoute(provider: string, endpoint: string, relay: string): string {
  const origin = keyOrigin(provider, endpoint);
  const through = relayFor(provider, endpoint, relay);
  return through ? `${origin}${VIA}${originOf(through)}` : origin;
}

/**
 * The relay a request of `provider` at `endpoint` ('' for its default one) goes through: the site's `relay`, unless
 * the provider answers pages there itself (`ProviderInfo.answersPages`: Google, OpenAI at its own host), where it
 * goes straight (''). A key given for such a provider with a relay set is the key of its origin alone (`keyRoute`):
 * it never went through the relay, and is not asked for again when the relay changes.
 */
export function relayFor(provider: string, endpoint: string, relay: string): string {
  return relay && !providerInfo(provider)?.answersPages?.(endpoint) ? relay : '';
}

/** A `keyRoute` taken apart: the account's origin, and the relay's origin ('' where the key goes straight there). */
export function routeParts(route: string): { origin: string; relay: string } {
  const [origin, relay = ''] = route.split(VIA);
  return { origin, relay };
}

/** What is known of `id`, or undefined for a provider this build does not have (the preview says so). */
export function providerInfo(id: string): ProviderInfo | undefined {
  return isProviderId(id) ? PROVIDERS[id].info : undefined;
}

/**
 * Whom the user pays with `provider` at `endpoint`, as the words name it: its own name where the page names no endpoint
 * (`ownName`: OpenAI), else the provider's id. The sentences take it where they take an id, and say a name that is no
 * provider's as it is written (strings/words.ts).
 */
export const payeeAt = (provider: string, endpoint: string) =>
  (!endpoint && providerInfo(provider)?.ownName) || provider;

/** The providers paid with the user's own key. */
export function keyedProviders(): ProviderId[] {
  return PROVIDER_IDS.filter((id) => PROVIDERS[id].info.needsKey);
}
