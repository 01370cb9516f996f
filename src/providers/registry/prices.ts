import type { Quote, QuoteRequest } from '../../base/types.js';
import { mergePriceBook, quoteDetails, type EditsInForce, type PriceBook } from '../../pricing/index.js';
import { editsLoaded } from './edits-loader.js';
import type { ProviderEntry } from '../provider.js';
import { isProviderId, PROVIDER_IDS, PROVIDERS } from './registry.js';

/**
 * The built-in price book, put together from each provider's prices (its folder's prices.ts, held by the registry),
 * FLUX's and the other families' alike: model → provider → price. src/pricing/ reads a book; it knows no provider.
 */
export const BUILTIN_PRICE_BOOK: PriceBook = {};

/**
 * What is known at some hosts only (OpenAI's own API; OpenAI-compatible gateways: AIgateway, Together AI,
 * DeepInfra), by host: laid
 * over the price book when `endpoint` names that host. Any other gateway needs the page's own prices (the widget never
 * guesses).
 */
export const GATEWAY_PRICE_BOOKS: Record<string, PriceBook> = {};

for (const id of PROVIDER_IDS) {
  const { prices, hostPrices = {} }: ProviderEntry = PROVIDERS[id];
  for (const model in prices) (BUILTIN_PRICE_BOOK[model] ??= {})[id] = prices[model];
  for (const host in hostPrices) {
    for (const model in hostPrices[host]) {
      ((GATEWAY_PRICE_BOOKS[host] ??= {})[model] ??= {})[id] = hostPrices[host][model];
    }
  }
}

/**
 * The built-in prices (or `base`) with those known at `endpoint`'s host laid over them, if any; where no endpoint is
 * named, `provider`'s own (OpenAI's, where its GPT Image prices are known).
 */
export function priceBookFor(
  endpoint: string | undefined,
  base: PriceBook = BUILTIN_PRICE_BOOK,
  provider: unknown = '',
): PriceBook {
  let host = '';
  const where = endpoint || (isProviderId(provider) ? PROVIDERS[provider].info.defaultEndpoint() : '');
  try {
    host = where ? new URL(where).host : '';
  } catch {
    // not a URL: no gateway prices (a submission says what is wrong with the endpoint)
  }
  return Object.hasOwn(GATEWAY_PRICE_BOOKS, host) ? mergePriceBook(base, GATEWAY_PRICE_BOOKS[host]) : base;
}

/**
 * The exact price of one submission (`quoteDetails` in src/pricing/quote.ts), with `book`, else the built-in prices of
 * `request.endpoint`'s host, and with the edits' pricing where it has loaded (`edits`): what `UserPays.quote()`
 * answers. Throws `UserPaysError('invalid-input')` where no price can be given.
 */
export function quoteFor(
  request: QuoteRequest,
  book?: PriceBook,
  edits: EditsInForce | undefined = editsLoaded(),
): Quote {
  // A request that is no object, or an endpoint that is no URL, gets the built-in prices, and the quote says what is
  // wrong with it.
  const inForce = book ?? priceBookFor(request?.endpoint, undefined, request?.provider ?? 'puter');
  // Its lines and problems in English, as every answer of the API is.
  return quoteDetails(request, inForce, undefined, undefined, edits).quote;
}
