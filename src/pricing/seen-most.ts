import Decimal from 'decimal.js';
import { prices } from '../strings/prices.js';
import { wordsIn, type Translation } from '../strings/strings.js';
import { formatUsdRounded } from './format.js';
import { mostPerImage, type Priced } from './quote.js';
import { SeenBounds } from './seen-bounds.js';

/**
 * `priced` with its bound raised to `seen`, the most the provider has charged here for one image of this model at this
 * size (USD, pricing/seen-bounds.ts), where that is above the bound it has: "at most" is then `seen` per image, and a
 * line of its own says why (none expected, at most the difference). A price that is not a bound (exact, or an estimate
 * with no "at most") is left as it is, as is one whose bound is already as high.
 */
export function withSeenMost(priced: Priced, seen: string | undefined, translation?: Translation): Priced {
  const { quote } = priced;
  if (!quote || seen === undefined || quote.atMost === undefined) return priced;
  const most = mostPerImage(quote);
  const above = new Decimal(seen).minus(most);
  if (!above.gt(0)) return priced;
  const text = wordsIn(translation, 'prices', prices);
  const line = {
    label:
      text.chargedBefore(formatUsdRounded(seen, undefined, true)) +
      (quote.count > 1 ? text.timesImages(quote.count) : ''),
    amount: '0',
    atMost: above.mul(quote.count).toString(),
  };
  return {
    ...priced,
    quote: { ...quote, atMost: new Decimal(seen).mul(quote.count).toString(), lines: [...quote.lines, line] },
  };
}

/**
 * `priced` with the bound a provider's charge raised on storage key `storageKey` (seen-bounds.ts) for its provider,
 * model, quality and size laid over it (`withSeenMost`). Read each time: another tab, or an earlier visit, may have
 * raised it.
 */
export function withBoundsSeen(priced: Priced, storageKey: string, translation?: Translation): Priced {
  const { quote, fitted } = priced;
  if (!quote?.atMost || !fitted) return priced;
  const { width, height, quality } = fitted;
  const { provider, model } = quote;
  const seen = new SeenBounds(storageKey).most({ provider, model, width, height, ...(quality && { quality }) });
  return withSeenMost(priced, seen, translation);
}
