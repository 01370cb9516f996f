/** The tally in one line, as the widget and `<userpays-tally>` show it at first paint. */

import { imageCount, plural } from '../words.js';
import { parts, sentences } from '../sentence.js';

/** What was paid for: images, and requests charged that brought none ("1 image and 1 request without an image"). */
export const paidFor = (images: number, failures = 0) =>
  failures
    ? `${images ? imageCount(images) + ' and ' : ''}${plural(failures, 'request')} without an image`
    : imageCount(images);

export interface TallyLineStrings {
  /** `failures`: charged requests that brought no image (`Tally.paidFailures`). */
  spentSummary(spent: unknown, images: number, failures?: number): unknown[];
  budgetLeft(left: unknown, budget: unknown): unknown[];
  heldSummary(held: unknown): unknown[];
  overBudget(over: unknown): unknown[];
  uncertainSummary(amount: unknown): unknown[];
  /**
   * The session's spend in two words, under Generate ("Spent $0.25"): `upTo`, what it comes to with what may have been
   * charged too ("Spent $0.25–$0.32").
   */
  spentBrief(spent: unknown, upTo?: unknown): unknown[];
  /** A moment of the day it is, or of the day before ("today, 7:37 AM"); other days are dates (uncertain-charges.ts). */
  todayAt(time: string): string;
  yesterdayAt(time: string): string;
}

export const tallyLine = sentences<TallyLineStrings>({
  spentSummary: (spent, images, failures) => parts`Spent ${spent} on ${paidFor(images, failures)}`,
  budgetLeft: (left, budget) => parts` · ${left} of ${budget} budget left`,
  heldSummary: (held) => parts` · ${held} held`,
  overBudget: (over) => parts` · ${over} over budget`,
  uncertainSummary: (amount) => parts` · ${amount} more may have been charged`,
  spentBrief: (spent, upTo) => parts`Spent ${spent}${upTo ? parts`–${upTo}` : ''}`,
  todayAt: (time) => `today, ${time}`,
  yesterdayAt: (time) => `yesterday, ${time}`,
});
