import { isRecord } from '../base/checks.js';
import { prices } from '../strings/prices.js';
import { wordsIn } from '../strings/strings.js';
import type { RulePricer } from './rule-pricer.js';
import { fitQuality } from './qualities.js';

/**
 * A price by tier (PriceRule `puter-tier`, SPEC §12): one flat price per image, the one of the quality sent (the quote
 * has checked that the model takes it). Exact: nothing about it varies after the click.
 */
export const tierPricer: RulePricer = {
  valid: (rule) =>
    isRecord(rule.costs) &&
    Array.isArray(rule.qualities) &&
    rule.qualities.includes(rule.quality) &&
    rule.qualities.every((quality) => Object.hasOwn(rule.costs as object, quality)),
  fit: fitQuality,
  lines(rule, fitted, _prompt, amount, translation) {
    if (rule.kind !== 'puter-tier') return [];
    const text = wordsIn(translation, 'prices', prices);
    return [[text.flatPerImage(), amount(rule.costs[fitted.quality ?? rule.quality]).div(100)]];
  },
};
