import type { TallyLineStrings } from '../../../strings/tally/tally-line.js';
import { paidFor } from '../words.js';
import { parts, sentences } from '../../../strings/sentence.js';

export const tallyLine = sentences<TallyLineStrings>({
  spentSummary: (spent, count, failures) => parts`${spent} ausgegeben für ${paidFor(count, failures)}`,
  budgetLeft: (left, budget) => parts` · ${left} von ${budget} Budget übrig`,
  heldSummary: (held) => parts` · ${held} reserviert`,
  overBudget: (over) => parts` · ${over} über dem Budget`,
  uncertainSummary: (amount) => parts` · ${amount} wurden vielleicht zusätzlich berechnet`,
  spentBrief: (spent, upTo) => parts`${spent}${upTo ? parts`–${upTo}` : ''} ausgegeben`,
  todayAt: (time) => `heute, ${time}`,
  yesterdayAt: (time) => `gestern, ${time}`,
});
