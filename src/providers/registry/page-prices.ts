import Decimal from 'decimal.js';
import { isAmount, isRecord } from '../../base/checks.js';
import { clock } from '../../base/clock.js';
import type { ProviderId } from '../../base/types.js';
import { mergePriceBook, retired } from '../../pricing/index.js';
import type { Lifecycle, PriceBook, PriceEntry, PriceRule, TokenRates } from '../../pricing/index.js';
import type { PagePriceNotice } from '../../strings/price-book.js';
import { makerShutdown } from '../model-facts.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from './prices.js';
import { isProviderId, PROVIDERS } from './registry.js';

/**
 * Where the built-in book holds the provider's own published rates, charged to the user's own key on the provider's
 * own API: there a page's `priceBook` cannot quote below them, since the user is charged them whatever the page says.
 * - OpenAI at api.openai.com: OpenAI's price page (openai/families.ts), the rates its `usage` is booked at.
 * - Google at its Gemini API, wherever the page points it: Google's price page (google/prices.ts), the rates its
 *   `usageMetadata` is booked at (by provider, not by host: Google is Google behind a proxy of the page's own).
 * The same two whose reported usage is booked at the built-in rates whatever the page priced (generation/submit.ts,
 * `reportedAt`), so that the quote, the budget and the booking hold one notion of the provider's own price.
 * Not the others: Puter, OpenRouter, Pollinations and Hugging Face resell at their own catalogue's prices, which their
 * live lists give; fal resells too; OpenAI's other hosts are gateways a page may hold a price of its own with; BFL
 * reports each task's `cost`, which is booked, and its FLUX 3 figures are third parties' (catalog-2026-11.md §1.1),
 * not its own page's.
 */
const OWN_RATES: Partial<Record<ProviderId, { payee: string; at: (host: string) => boolean }>> = {
  openai: { payee: 'OpenAI', at: (host) => host === 'api.openai.com' },
  google: { payee: 'Google', at: () => true },
};

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return ''; // not a URL: a submission says what is wrong with it
  }
}

/** Tells the page's developer once (per entry and notice) in the console; its words load when there is something to say. */
function warn(where: string, notice: PagePriceNotice) {
  void import('../../pricing/price-book-problems.js')
    .then(({ warnDeveloper }) => warnDeveloper(where, notice))
    .catch(() => {});
}

/**
 * The life the built-in book gives `model` at `provider`: the book in force's, else that at any host of the provider
 * that states a shutdown (OpenAI's own, for a proxy of the page's), else the model's maker's shutdown (no replacement:
 * what a path puts in its place is its own), else none.
 */
function knownLifecycle(book: PriceBook, model: string, provider: ProviderId): Lifecycle | undefined {
  const books = [book, BUILTIN_PRICE_BOOK, ...Object.values(GATEWAY_PRICE_BOOKS)];
  const ending = books.map((each) => each[model]?.[provider]?.lifecycle).find((lifecycle) => lifecycle?.shutdown);
  return ending ?? makerShutdown(model) ?? book[model]?.[provider]?.lifecycle;
}

const higher = (page: unknown, own: string) =>
  isAmount(page) && new Decimal(page).gte(own) ? page : isAmount(page) ? own : undefined;

/**
 * Token rates none below `own`'s; undefined where the page's are not amounts (the quote says what is wrong). Text the
 * page prices at no rate of its own is written at its image's rate (`TokenRates.textOut`).
 */
function ratesAtLeast(page: Record<string, unknown>, own: TokenRates): TokenRates | undefined {
  const textIn = higher(page.textIn, own.textIn);
  const imageIn = higher(page.imageIn, own.imageIn);
  const imageOut = higher(page.imageOut, own.imageOut);
  const textOut = own.textOut ? higher(page.textOut ?? page.imageOut, own.textOut) : '';
  if (!textIn || !imageIn || !imageOut || textOut === undefined) return undefined;
  return { textIn, imageIn, imageOut, ...(textOut && { textOut }) };
}

/**
 * The page's rule held to the provider's own (`own`): rates in tokens none below its, counted as it counts them; a flat
 * price not below its; any other the provider's own. Undefined where the page's stands as written, or cannot be read
 * (the quote then says what is wrong with it).
 */
function ruleAtLeast(page: unknown, own: PriceRule): PriceRule | undefined {
  if (!isRecord(page)) return undefined;
  let held: PriceRule | undefined = own;
  if (page.kind === 'tokens' && own.kind === 'tokens') {
    const rates = isRecord(page.rates) ? ratesAtLeast(page.rates, own.rates) : undefined;
    held = rates && { ...own, rates };
  } else if (page.kind === 'flat' && own.kind === 'flat' && page.unit === own.unit) {
    const perImage = higher(page.perImage, own.perImage);
    held = perImage ? { ...own, perImage } : undefined;
  }
  return held && JSON.stringify(held) !== JSON.stringify(page) ? held : undefined;
}

/**
 * The page's entry for `model` at `provider` (at `endpoint`, '' for the provider's own) as it is in force: the built-in
 * book's lifecycle, whatever the page states, where the book knows a shutdown (a page states one only for a model the
 * book knows none of); and, where the built-in book holds the provider's own rates (`OWN_RATES`), a price not below
 * them. The page's developer is told of each once, in the console.
 */
function heldEntry(
  stated: PriceEntry,
  at: { book: PriceBook; model: string; provider: ProviderId; endpoint: string; now: number },
): PriceEntry {
  const { book, model, provider, endpoint, now } = at;
  const where = `priceBook[${JSON.stringify(model)}].${provider}`;
  const known = knownLifecycle(book, model, provider);
  const lifecycle = known?.shutdown ? known : (stated.lifecycle ?? known);
  let entry: PriceEntry = { ...stated, ...(lifecycle && { lifecycle }) };
  if (known?.shutdown && retired(known, now)) {
    warn(where, { kind: 'shut-down', shutdown: known.shutdown, replacement: known.replacement ?? '' });
    return entry;
  }
  const host = hostOf(endpoint || PROVIDERS[provider].info.defaultEndpoint());
  const rates = OWN_RATES[provider];
  // The built-in entry at that host (`priceBookFor`'s, looked up without laying the host's book over the whole).
  const own =
    rates?.at(host) && (GATEWAY_PRICE_BOOKS[host]?.[model]?.[provider] ?? BUILTIN_PRICE_BOOK[model]?.[provider]);
  const rule = own && ruleAtLeast(stated.rule, own.rule);
  if (rates && own && rule) {
    entry = { ...entry, rule, source: own.source, exact: own.exact };
    warn(where, { kind: 'raised', payee: rates.payee, source: `${own.source.name}, ${own.source.asOf}` });
  }
  return entry;
}

const DAY_MS = 86_400_000;
let last: { book: PriceBook; page: PriceBook; key: string; held: PriceBook } | undefined;

/**
 * `book` (the built-in or live prices of `provider` at `endpoint`) with the page's `priceBook` over it, per model and
 * provider, each of its entries held to the book's lifecycle and to the provider's own rates where they are known
 * (`heldEntry`): a page's price changes a price, never when a model ends, and never quotes below what the user is
 * charged. Another provider's entries are held at its own endpoint. Neither argument is changed.
 */
export function withPagePrices(
  book: PriceBook,
  page: PriceBook | null | undefined,
  provider: ProviderId,
  endpoint = '',
  now = clock.now(),
): PriceBook {
  if (!page) return book;
  // Asked for every offer of every render: the last answer again while nothing it rests on has changed (a shutdown
  // begins a UTC day, so the day is all of the clock it rests on).
  const key = `${provider} ${endpoint} ${Math.floor(now / DAY_MS)}`;
  if (last?.book === book && last.page === page && last.key === key) return last.held;
  const merged = mergePriceBook(book, page);
  for (const model in page) {
    const byProvider: unknown = page[model];
    if (!isRecord(byProvider)) continue; // the quote says what is wrong with it
    for (const id in byProvider) {
      const stated = byProvider[id];
      if (!isProviderId(id) || !isRecord(stated)) continue;
      const at = { book, model, provider: id, endpoint: id === provider ? endpoint : '', now };
      merged[model] = { ...merged[model], [id]: heldEntry(stated as unknown as PriceEntry, at) };
    }
  }
  last = { book, page, key, held: merged };
  return merged;
}
