import Decimal from 'decimal.js';

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
