import Decimal from 'decimal.js';
import { lazily } from '../../base/lazily.js';
import { UserPaysError } from '../../base/errors.js';
import { mergePriceBook, soldOnly, withinReason, type PriceBook } from '../../pricing/index.js';
import { generationText as text } from '../../strings/generation.js';
import type { ProviderId } from '../../base/types.js';
import type { AdapterModule, KeyBalance, LiveAccess, LivePriceReader, Provider, ProviderEntry } from '../provider.js';
import type { OAuthAccount } from '../sign-in.js';
import { signIn as signInWords } from '../../strings/sign-in.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from './prices.js';
import { relayFor } from './catalog.js';
import { PROVIDERS } from './registry.js';
import { checkEndpoint, checkRelay } from '../urls.js';
import { sayer } from '../../strings/strings.js';

const signInText = sayer('signIn', signInWords);

/**
 * What the engine reaches of the providers through the registry (registry.ts): each adapter, loaded by the registry's
 * `import()` when its provider is first used; and the live prices, read by an adapter or by a reader of their own.
 */

/**
 * Each adapter module, loaded once on first need and shared; one that could not load is tried again next time.
 * Puter's module also carries what the widget's account area and the headless call use of it (the SDK, sign-in, the
 * balance, the check before sending: puter/account.ts).
 */
const puterModule = lazily(PROVIDERS.puter.adapter);
const modules = new Map<string, () => Promise<AdapterModule>>(
  Object.entries(PROVIDERS).map(([id, { adapter }]) => [
    id,
    id === 'puter' ? puterModule : lazily<AdapterModule>(adapter),
  ]),
);

/** An adapter's code that did not arrive (offline for a moment): said in words, as `network`, never as a TypeError. */
function notLoaded(id: ProviderId): never {
  throw new UserPaysError('network', text.adapterNotLoaded(id));
}

/** Puter's adapter module (see `modules`); `network` when it cannot load. */
export const loadPuter = () => puterModule().catch(() => notLoaded('puter'));

/**
 * The adapter for `id`, loaded on first use; `invalid-input` for a provider this build does not have, `network`
 * when its code cannot load.
 */
export async function providerFor(id: ProviderId): Promise<Provider> {
  const load = modules.get(id);
  if (!load) throw new UserPaysError('invalid-input', text.unknownProvider(id), false);
  return (await load().catch(() => notLoaded(id))).provider;
}

/**
 * What the user's `apiKey` has left at `id`, in USD, where its provider answers this page (`Provider.balance`), and
 * whether the provider says the key has no cap; at `endpoint` (its public one when ''), through `relay` where the site
 * has one. Undefined, never an error, where the provider says nothing.
 */
export async function keyBalance(
  id: ProviderId,
  endpoint: string,
  relay: string,
  apiKey: string,
): Promise<KeyBalance | undefined> {
  try {
    const provider = await providerFor(id);
    const read = await provider.balance?.({
      endpoint: checkEndpoint(endpoint || provider.defaultEndpoint),
      relay: relayFor(id, endpoint, relay) ? checkRelay(relay) : undefined,
      apiKey,
    });
    return Decimal.isDecimal(read) ? { usd: read } : read;
  } catch {
    return undefined; // an endpoint or relay the page may not use, or the adapter could not load (a submission says)
  }
}

/** The account system the user signs in to for `id` (OAuth PKCE), from its adapter; `invalid-input` where it has none. */
export async function accountFor(id: ProviderId): Promise<OAuthAccount> {
  const { account } = await providerFor(id);
  if (!account) throw new UserPaysError('invalid-input', signInText.noSignIn(id), false);
  return account;
}

/** What a provider's live list said, read once per provider, endpoint and key: the book it makes, what it names. */
export interface LiveBook {
  book: PriceBook;
  listed?: ReadonlySet<string>;
}
const catalogues: Record<string, Promise<LiveBook>> = {};

/** What reads `id`'s live prices: a reader of its own where its registry entry has one, else its adapter. */
function liveReader(id: ProviderId): Promise<Partial<LivePriceReader>> {
  const entry: ProviderEntry = PROVIDERS[id];
  return entry.livePrices ? entry.livePrices().catch(() => notLoaded(id)) : providerFor(id);
}

/**
 * The price book of `id` at `endpoint`: the built-in one with what is known at that host (`priceBookFor`), and the
 * provider's live list laid over it (`Provider.livePrices`: Puter's catalogue, Pollinations' model list, the models
 * the user's Google or OpenAI key may use), its prices over the bundled ones and, where it names the models it sells,
 * none of the provider's others (`soldOnly`); once per provider and endpoint (and key, where the list answers the
 * user's); just the built-in one when the list does not come. The quote stays synchronous: the element switches to
 * this book when it arrives. The reading is the provider's: its reader's code (or its adapter's) first, then the list.
 */
export async function liveCatalogue(id: ProviderId, endpoint: string, access?: LiveAccess): Promise<PriceBook> {
  return (await liveBook(id, endpoint, access)).book;
}

/**
 * `liveCatalogue`'s book, and the ids its list names (ours or the provider's own) where it names the models it sells:
 * what a page's own prices are held to as well (`soldOnly`).
 */
export function liveBook(id: ProviderId, endpoint: string, access?: LiveAccess): Promise<LiveBook> {
  // Read again for each key and relay, where the list answers the user's key (fal's, Google's, OpenAI's): as they
  // are now, not as `access` (an element) holds them once the reader has loaded, so that the book kept is the key's.
  const { apiKey = '' } = access ?? {};
  const relay = relayFor(id, endpoint, access?.relay ?? ''); // none where the provider answers pages itself
  const asked = apiKey ? ` ${relay} ${apiKey}` : '';
  return (catalogues[`${id} ${endpoint}${asked}`] ??= readLiveBook(id, endpoint, access && { apiKey, relay }));
}

/**
 * `liveBook`'s reading, once, kept nowhere (what "Check this account" reads: the list as it answers now), with
 * `access` as given; `answered` is false where the list did not answer (the book is then the built-in one).
 */
export async function readLiveBook(
  id: ProviderId,
  endpoint: string,
  access?: LiveAccess,
): Promise<LiveBook & { answered: boolean }> {
  const base = priceBookFor(endpoint, BUILTIN_PRICE_BOOK, id);
  const live = await liveReader(id)
    .then((reader) => reader.livePrices?.(endpoint, access))
    .catch(() => undefined);
  if (!live) return { book: base, answered: false };
  // A live price far from the bundled one is no price (`withinReason`): the bundled one stays.
  const book = mergePriceBook(base, withinReason(id, base, live.prices, live.refused));
  if (!live.listed) return { book, answered: true };
  const listed = new Set(live.listed);
  return { book: soldOnly(book, id, listed), listed, answered: true };
}
