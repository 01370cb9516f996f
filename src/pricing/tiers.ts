import { isRecord } from '../base/checks.js';
import { prices } from '../strings/prices.js';
import { wordsIn } from '../strings/strings.js';
import type { RulePricer } from './rule-pricer.js';
import { fitQuality } from './qualities.js';

/**
 * A price by tier (PriceRule `tier`, SPEC §12): one flat price per image, the one of the quality sent (the quote has
 * checked that the model takes it): nothing in it varies after the click (whether its figures are the provider's own
 * is the entry's `exact`). Its costs are US cents, which are credits where the rule bills in BFL's (a credit is a
 * cent): the line is in the rule's unit either way.
 */
export const tierPricer: RulePricer = {
  valid: ({ costs, qualities, quality }) =>
    isRecord(costs) &&
    Array.isArray(qualities) &&
    qualities.includes(quality) &&
    qualities.every((each) => Object.hasOwn(costs, each)),
  fit: fitQuality,
  lines(rule, fitted, _prompt, amount, translation) {
    if (rule.kind !== 'tier') return [];
    const text = wordsIn(translation, 'prices', prices);
    const cost = amount(rule.costs[fitted.quality ?? rule.quality]);
    return [[text.flatPerImage(), rule.unit === 'credit' ? cost : cost.div(100)]];
  },
};
