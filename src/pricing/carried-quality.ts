import type { PriceRule } from './price-book.js';

/**
 * A tier named two ways by the APIs that sell it: Nano Banana 2's smallest, "0.5K" at fal and Puter, "512" at Google.
 * A map, so that a quality a page names "constructor" or "toString" is a tier the model does not take, not a function.
 */
const SAME_TIER: ReadonlyMap<string, string> = new Map([['0.5K', '512']]);

/**
 * The quality `asked` as a model priced by `rule` takes it, once the model or its provider has changed (a card
 * clicked, an offer chosen, the page's provider): as it is where the rule takes it; else the same tier under the
 * rule's own name ("0.5K" is Google's "512", a Seedream's "2k" a Gemini's "2K"); else none, the rule's own. A tier
 * picked for one model would leave every other without a price, and the widget without its pickers. None where the
 * model has no tiers either: kept out of sight there, a 4K picked at Google would come back on Puter's Nano Banana 2
 * three clicks later, at twice its usual price. A rule not known (yet): as asked.
 */
export function carriedQuality(rule: PriceRule | undefined, asked: string | undefined): string | undefined {
  if (!asked || !rule) return asked;
  if (!('qualities' in rule)) return undefined;
  if (rule.qualities.includes(asked)) return asked;
  const name = (quality: string) => (SAME_TIER.get(quality) ?? quality).toLowerCase();
  return rule.qualities.find((quality) => name(quality) === name(asked));
}
