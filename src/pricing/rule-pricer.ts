import type Decimal from 'decimal.js';
import type { PricesStrings } from '../strings/prices.js';
import type { Translation } from '../strings/strings.js';
import type { Capability, Fitted } from './capabilities.js';
import type { EditsInForce } from './edits-in-force.js';
import type { PriceRule } from './price-book.js';

/** A line of the breakdown, per image in the rule's unit: its label, its amount and, where it may vary, its most. */
export type PriceLine = [label: string, amount: Decimal, most?: Decimal];

/**
 * How a rule that is more than a figure per image or per megapixel is priced: a price in tokens (src/pricing/tokens.ts),
 * a price by tier (src/pricing/tiers.ts).
 */
export interface RulePricer {
  /** Whether a rule of this kind is whole (a page's own price book is checked before it prices). */
  valid(rule: Record<string, unknown>): boolean;
  /**
   * Per image, in the rule's unit: the breakdown's lines (`amount` reads a price of the book exactly), in
   * `translation`'s words; the images sent priced with the edits' pricing (`edits`), where the quote was given it.
   */
  lines(
    rule: PriceRule,
    fitted: Fitted,
    prompt: string,
    amount: (value: unknown) => Decimal,
    translation?: Translation,
    edits?: EditsInForce,
  ): PriceLine[];
  /**
   * What the provider makes of the request under this rule (src/pricing/qualities.ts): `fitTo` fits it to a
   * capability (the entry's unless one is given), and the rule's own settings (its quality tier, which may decide the
   * size made) are settled on the result; `quality` is the one asked.
   */
  fit(
    rule: PriceRule,
    fitTo: (capability?: Capability) => Fitted,
    capability: Capability,
    quality: string | undefined,
    model: string,
    text: PricesStrings,
  ): Fitted;
}
