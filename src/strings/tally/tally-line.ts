/** The tally in one line, as the widget and `<userpays-tally>` show it at first paint. */

import { imageCount } from '../words.js';

export interface TallyLineStrings {
  spentSummary(spent: unknown, images: number): unknown[];
  budgetLeft(left: unknown, budget: unknown): unknown[];
  heldSummary(held: unknown): unknown[];
  overBudget(over: unknown): unknown[];
  uncertainSummary(amount: unknown): unknown[];
}

export const tallyLine: TallyLineStrings = {
  spentSummary: (spent, images) => ['Spent ', spent, ` on ${imageCount(images)}`],
  budgetLeft: (left, budget) => [' · ', left, ' of ', budget, ' budget left'],
  heldSummary: (held) => [' · ', held, ' held'],
  overBudget: (over) => [' · ', over, ' over budget'],
  uncertainSummary: (amount) => [' · ', amount, ' more may have been charged'],
};
