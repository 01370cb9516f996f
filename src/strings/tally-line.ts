/** The tally in one line, as the widget and `<userpays-tally>` show it at first paint. */
import { imageCount } from './words.js';

export const spentSummary = (spent: unknown, images: number) => ['Spent ', spent, ` on ${imageCount(images)}`];
export const budgetLeft = (left: unknown, budget: unknown) => [' · ', left, ' of ', budget, ' budget left'];
export const heldSummary = (held: unknown) => [' · ', held, ' held'];
export const overBudget = (over: unknown) => [' · ', over, ' over budget'];
export const budgetInvalid = () => 'Enter an amount in dollars, like 2.50';
export const uncertainSummary = (amount: unknown) => [' · ', amount, ' more may have been charged'];
