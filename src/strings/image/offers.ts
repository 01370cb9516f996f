/** The price comparison and the projection. */

import { imageCount, words } from '../words.js';
import { sentences } from '../sentence.js';

export interface OffersStrings {
  // Compare
  compareLabel(): string;
  /**
   * The cheapest offer listed, `payee` whom it pays (a provider's id, or its name at its own API: "OpenAI"); `family`,
   * where the comparison lists one family only: the cheapest of that one.
   */
  compareSummary(model: string, payee: string, price: string, family?: string): string;
  cheapest(): string;
  /** The comparison's columns after the model's (the model picker's label). */
  providerColumn(): string;
  priceColumn(): string;
  // Projection. What "100" counts is said, never "100 of these": images when a submission is one image (`count` 1),
  // else submissions, with the images they make where the count is known. Where the price is a bound, each figure is
  // said at what is expected ("about") and at the most a submission can cost: 100 of them cost at most `most`; $1 and
  // the budget left buy at least `least`.
  hundredOf(price: string, count?: number, most?: string): string;
  perDollar(submissions: number, count?: number, least?: number): string;
  beforeBudget(submissions: number, count?: number, least?: number): string;
  monthPace(price: string): string;
  /**
   * Over the budget in force, beside Generate: the user's own, or the site's (`site`: the user cannot raise that one),
   * with what may have been charged counted in it (`uncertain`, where the request would fit without it: the user may
   * say it was not, `settleUncertain`); else the cheaper request that fits it (`useCheaper`).
   */
  overBudget(budget: string, site?: boolean, uncertain?: string): string;
  settleUncertain(count: number): string;
  useCheaper(model: string, price: string): string;
}

/** The images of `submissions` of `count` images each, where a submission is more than one. */
const images = (submissions: number, count?: number) =>
  count && count > 1 ? ` (${imageCount(submissions * count)})` : '';

/** Beside a figure at the expected price, the least at the most a submission can cost, where the price is a bound. */
const atLeast = (least?: number, count?: number) =>
  least === undefined ? '' : `, at least ${least}${images(least, count)}`;

export const offers = sentences<OffersStrings>({
  compareLabel: 'Compare prices',
  compareSummary: (model, payee, price, family) =>
    `Compare prices · cheapest${family ? ` ${family}` : ''}: ${model} at ${words.theProvider(payee)}, ${price}`,
  cheapest: 'cheapest',
  providerColumn: 'Provider',
  priceColumn: 'Price',
  hundredOf: (price, count, most) =>
    `${count === 1 ? '100 images like this' : `100 submissions like this${count ? ` (${imageCount(100 * count)})` : ''}`}: ${
      most ? `about ${price}, at most ${most}` : price
    }`,
  perDollar: (submissions, count, least) =>
    ` · ${least === undefined ? '' : 'about '}${submissions} per $1${images(submissions, count)}${atLeast(least, count)}`,
  beforeBudget: (submissions, count, least) =>
    ` · ${least === undefined ? '' : 'about '}${submissions} more${images(submissions, count)} before your budget runs out${atLeast(least, count)}`,
  monthPace: (price) => `At your pace, this month comes to about ${price}.`,
  overBudget: (budget, site, uncertain) =>
    `Over ${site ? `this site's ${budget} limit` : `your ${budget} budget`}${
      uncertain
        ? `, counting ${uncertain} that may have been charged`
        : `: ${site ? '' : 'raise it, or '}choose a cheaper request`
    }`,
  settleUncertain: (count) => `Say whether ${count > 1 ? 'they were' : 'it was'} charged`,
  useCheaper: (model, price) => `Use ${model} · ${price}`,
});
