import Decimal from 'decimal.js';
import type { ProviderId } from '../base/types.js';
import type { PriceBook } from './price-book.js';
import { priceOf } from './quote.js';

/**
 * The range a price a provider's live list writes must fall in to be taken as one, USD per one unit; outside it the
 * figure is no price, and the model keeps its bundled one (or is not offered, where it has none). A token: from $0.001
 * to $1,000 per million. The image models sold on every path here bill from $0.25 (Nano Banana 2 Lite's prompt) to
 * $120 (Gemini 3 Pro's image) per million, so a figure written per million instead of per token (30 for $0.00003)
 * lands far above the range, and one that lost its scale (1e-30, which would quote a $0.04 image at $0.0001) far
 * below. An image or a megapixel: from $0.0001 to $100; the cheapest image sold here is $0.002 and the dearest under
 * $1.
 */
const SANE: Readonly<Record<string, readonly [string, string]>> = {
  token: ['1e-9', '1e-3'],
  image: ['1e-4', '100'],
  megapixel: ['1e-4', '100'],
};

/** Whether `amount` (USD per `unit`: token, image or megapixel) is within the range a live price may take. */
export function saneUsd(amount: Decimal.Value, unit: string): boolean {
  const range = Object.hasOwn(SANE, unit) ? SANE[unit] : undefined;
  if (!range) return false;
  const usd = new Decimal(amount);
  return usd.gte(range[0]) && usd.lte(range[1]);
}

/**
 * How far a live price may stray from the bundled one and still be taken: five times either way. The largest moves a
 * provider has made here are halvings (fal's FLUX 3 at 50 % off for its launch, $0.024 for $0.048; BFL's [flex] from
 * 6 to 5 credits) and Pollinations' 0.75 multiplier over its upstream; a factor of five takes those and any promotion
 * like them, and refuses a figure written in another unit or scale that the absolute range lets through (an OpenRouter
 * image line of $0.50 for a $0.04 image).
 */
const BAND = 5;

/** A request every model can be priced at, to set a live price beside the bundled one. */
const REFERENCE = { width: 1024, height: 1024, prompt: 'a' } as const;

/**
 * Of `live` (a provider's live list as a price book), the entries of `provider` whose price for a 1024² image is
 * within `BAND` of the bundled one's in `bundled`; one outside it is no price, and the bundled one stays, its source
 * saying so (`liveRefused`), as for each of `refused` (models the list priced out of all range, which its reader could
 * not take: `saneUsd`). A live entry with nothing bundled beside it is kept (the absolute range is its guard); one that
 * cannot be priced where the bundled one can is dropped.
 */
export function withinReason(
  provider: ProviderId,
  bundled: PriceBook,
  live: PriceBook,
  refused: readonly string[] = [],
): PriceBook {
  const kept: PriceBook = {};
  const bundledSaying = (model: string) => {
    const before = bundled[model]?.[provider];
    return before && { [provider]: { ...before, source: { ...before.source, liveRefused: true as const } } };
  };
  for (const model of refused) {
    const saying = !Object.hasOwn(live, model) && bundledSaying(model);
    if (saying) kept[model] = saying;
  }
  for (const model in live) {
    const entry = live[model][provider];
    const before = bundled[model]?.[provider];
    const { [provider]: _, ...others } = live[model];
    if (!entry || !before) {
      kept[model] = live[model];
      continue;
    }
    const ask = { ...REFERENCE, provider, model };
    const was = priceOf(ask, { [model]: { [provider]: before } }).quote?.total;
    const now = priceOf(ask, { [model]: { [provider]: entry } }).quote?.total;
    const near = !was || (now !== undefined && inBand(now, was));
    kept[model] = near ? live[model] : { ...others, ...bundledSaying(model) };
  }
  return kept;
}

/** Whether `now` is within `BAND` of `was` either way (both USD; a free bundled price takes only a free live one). */
function inBand(now: string, was: string): boolean {
  const [live, bundled] = [new Decimal(now), new Decimal(was)];
  if (bundled.isZero()) return live.isZero();
  return live.gte(bundled.div(BAND)) && live.lte(bundled.mul(BAND));
}
