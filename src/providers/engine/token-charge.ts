import Decimal from 'decimal.js';
import type { TokenRates } from '../../pricing/index.js';
import type { Charge } from '../provider.js';

// What a model billed in tokens charged, from the counts its reply reports (OpenAI's `usage`, Google's
// `usageMetadata`): each adapter reads its own reply's fields into the four counts, and the charge is made here alike.

/** A count of tokens as a reply reports it: a whole number, at least 0; `NaN` for anything else. */
export const tokensSaid = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : NaN;

/** The tokens of one reply by what they are, each billed at its own rate. */
export interface TokenCounts {
  textIn: number;
  imageIn: number;
  imageOut: number;
  /** Text the model wrote (and its thinking), at the image-out rate where the model has no text-out rate. */
  textOut: number;
}

/**
 * What `counts` cost at `rates`: each count × its rate per million, exactly. None where a count is not a whole number
 * of tokens from 0 (`NaN` read, or a part larger than its total): the bound is booked then (every reported amount is
 * read strictly: docs/contract.md, Money).
 */
export function chargeOfTokens(counts: TokenCounts, rates: TokenRates): Charge | undefined {
  const billed: [number, string][] = [
    [counts.textIn, rates.textIn],
    [counts.imageIn, rates.imageIn],
    [counts.imageOut, rates.imageOut],
    [counts.textOut, rates.textOut ?? rates.imageOut],
  ];
  if (!billed.every(([count]) => count >= 0)) return undefined;
  const usd = billed.reduce((sum, [count, rate]) => sum.add(new Decimal(rate).mul(count)), new Decimal(0));
  return { usd: usd.div(1e6).toString() };
}
