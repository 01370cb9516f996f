/** The price comparison and the projection. */
import { imageCount } from './words.js';

// Compare
export const compareLabel = () => 'Compare prices';
export const compareSummary = (model: string, price: string) => `Compare prices · cheapest: ${model}, ${price}`;
export const cheapest = () => 'cheapest';
export const offerName = (model: string, provider: string) => `${model} · ${provider}`;
// Projection. What "100" counts is said, never "100 of these": images when a submission is one image (`count` 1),
// else submissions, with the images they make where the count is known.
export const hundredOf = (price: string, count?: number) =>
  count === 1
    ? `100 images like this: ${price}`
    : `100 submissions like this${count ? ` (${imageCount(100 * count)})` : ''}: ${price}`;
export const perDollar = (submissions: number, count?: number) =>
  ` · ${submissions} per $1${images(submissions, count)}`;
export const beforeBudget = (submissions: number, count?: number) =>
  ` · ${submissions} more${images(submissions, count)} before your budget runs out`;
export const monthPace = (price: string) => `At your pace, this month comes to about ${price}.`;
/** The images of `submissions` of `count` images each, where a submission is more than one. */
const images = (submissions: number, count?: number) =>
  count && count > 1 ? ` (${imageCount(submissions * count)})` : '';
