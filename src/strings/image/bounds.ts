/**
 * How a price that is a bound is said (SPEC §12), wherever one is shown: the model picker's cards, the decision row,
 * the comparison and a receipt.
 */

import { sentences } from '../sentence.js';
export interface BoundsStrings {
  /** A price that is a bound, by the most it can cost ("at most $0.0541"). */
  atMostUnder(price: string): string;
  /**
   * Beside a bound, what it is expected to cost: under it in the comparison, before what the price buys in the
   * decision row ("about $0.0535 · 1 image").
   */
  about(price: string): string;
}

export const bounds = sentences<BoundsStrings>({
  atMostUnder: (price) => `at most ${price}`,
  about: (price) => `about ${price}`,
});
