import type { TallyLineStrings } from '../../../strings/tally/tally-line.js';
import { paidFor } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const tallyLine = sentences<TallyLineStrings>({
  spentSummary: (spent, count, failures) => [spent, ` ausgegeben für ${paidFor(count, failures)}`],
  budgetLeft: (left, budget) => [' · ', left, ' von ', budget, ' Budget übrig'],
  heldSummary: (held) => [' · ', held, ' reserviert'],
  overBudget: (over) => [' · ', over, ' über dem Budget'],
  uncertainSummary: (amount) => [' · ', amount, ' wurden vielleicht zusätzlich berechnet'],
  spentBrief: (spent, upTo) => [spent, ...(upTo ? ['–', upTo] : []), ' ausgegeben'],
  todayAt: (time) => `heute, ${time}`,
  yesterdayAt: (time) => `gestern, ${time}`,
});
