import Decimal from 'decimal.js';
import { isRecord } from '../../base/checks.js';
import type { PriceSource } from '../../base/types.js';
import type { Lifecycle, PriceBook } from '../../pricing/index.js';
import { FAL_FAMILIES, falFamilyPrices } from './families.js';
import { FAL_TOOLS, falToolPrices } from './prices.js';

// fal's live prices of the other families (families.ts, which says what its pricing API answers) and of the FLUX tools
// it sells (prices.ts), read by its adapter with the user's key (`Provider.livePrices`), and what it bills by them.

/**
 * Our models whose price fal's pricing API gives in a unit the widget prices them by: the families' per image (a price
 * by tokens says nothing per image), Fill's and Erase's per megapixel.
 */
type PricedLive = [id: string, priced: { endpoint: string; unit: string; lifecycle?: Lifecycle }];
export const PRICED_LIVE: PricedLive[] = [
  ...Object.entries(FAL_FAMILIES).filter(([, family]) => family.unit === 'image'),
  ...Object.entries(FAL_TOOLS).map(([id, { endpoint }]): PricedLive => [id, { endpoint, unit: 'megapixels' }]),
];

/**
 * A pricing API reply (see above) as unit prices by our id: those of our endpoints priced live (`PRICED_LIVE`) in USD,
 * each in the unit the widget prices it by, a non-negative number read through its decimal text; nothing else.
 */
export function unitPricesOf(reply: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const listed = isRecord(reply) ? reply.prices : undefined;
  if (!Array.isArray(listed)) return found;
  for (const [id, family] of PRICED_LIVE) {
    const line = listed.find((price) => price?.endpoint_id === family.endpoint);
    const usd = line?.unit_price;
    if (
      line?.currency === 'USD' &&
      line.unit === family.unit &&
      typeof usd === 'number' &&
      Number.isFinite(usd) &&
      usd >= 0
    )
      found[id] = new Decimal(usd).toFixed();
  }
  return found;
}

/**
 * The unit prices the pricing API last answered, by where it was asked (the endpoint and the key): what a finished
 * request's billable units are multiplied by (the adapter), so that the charge booked is at the price quoted.
 */
const answered = new Map<string, Record<string, string>>();

/** Keeps what the pricing API answered at `where`. */
export const keepAnswered = (where: string, usd: Record<string, string>) => answered.set(where, usd);

/**
 * USD per unit of `model` at `where`: the pricing API's answer there, else the bundled price; undefined for a model
 * that is not one of fal's families here.
 */
export const unitPriceOf = (model: string, where: string): string | undefined =>
  answered.get(where)?.[model] ?? FAL_FAMILIES[model]?.usd;

/** The live prices as a price book to lay over the built-in one (only the models the reply priced). */
export function livePriceBook(usd: Record<string, string>, source: PriceSource): PriceBook {
  const book: PriceBook = {};
  const prices = { ...falFamilyPrices(usd, source), ...falToolPrices(usd, source) };
  for (const id in usd) book[id] = { fal: prices[id] };
  return book;
}
