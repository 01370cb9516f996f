/** The tally in one line, as the widget and `<userpays-tally>` show it at first paint. */

import { imageCount, plural, words } from '../words.js';

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
   * The charges no reply confirmed or denied, listed for the user to settle from their provider account (both
   * elements list them: uncertain-charges.ts): their heading, each one, and its answers. `sends`: how many times the
   * browser may have sent it, where more than once; then the answers are "once" (at `amount`, one request's price),
   * "more than once" (the whole of what it may have cost) and "not".
   */
  uncertainLabel(): string;
  uncertainEntry(model: string, sent: string, amount: unknown, provider: string, sends?: number): unknown[];
  uncertainCharged(): string;
  uncertainChargedOnce(amount: unknown): unknown[];
  uncertainChargedMore(): string;
  uncertainNotCharged(): string;
  /** A moment of the day it is, or of the day before ("today, 7:37 AM"); other days are dates (uncertain-charges.ts). */
  todayAt(time: string): string;
  yesterdayAt(time: string): string;
}

export const tallyLine: TallyLineStrings = {
  spentSummary: (spent, images, failures) => ['Spent ', spent, ` on ${paidFor(images, failures)}`],
  budgetLeft: (left, budget) => [' · ', left, ' of ', budget, ' budget left'],
  heldSummary: (held) => [' · ', held, ' held'],
  overBudget: (over) => [' · ', over, ' over budget'],
  uncertainSummary: (amount) => [' · ', amount, ' more may have been charged'],
  uncertainLabel: () => 'May have been charged: no reply said',
  uncertainEntry: (model, sent, amount, provider, sends) => [
    `${model}, sent ${sent}: `,
    sends ? 'up to ' : '',
    amount,
    ` may have been charged${sends ? ` (the browser may have sent it up to ${sends} times)` : ''}. If your ${words.providerName(provider)} account shows it, say so; it stays counted until then.`,
  ],
  uncertainCharged: () => 'It was charged',
  uncertainChargedOnce: (amount) => ['Charged once, ', amount],
  uncertainChargedMore: () => 'More than once',
  uncertainNotCharged: () => 'It was not',
  todayAt: (time) => `today, ${time}`,
  yesterdayAt: (time) => `yesterday, ${time}`,
};
