import type { TallyLineStrings } from '../../../strings/tally/tally-line.js';
import { atProvider, paidFor } from '../words.js';

export const tallyLine: TallyLineStrings = {
  spentSummary: (spent, count, failures) => [spent, ` ausgegeben für ${paidFor(count, failures)}`],
  budgetLeft: (left, budget) => [' · ', left, ' von ', budget, ' Budget übrig'],
  heldSummary: (held) => [' · ', held, ' reserviert'],
  overBudget: (over) => [' · ', over, ' über dem Budget'],
  uncertainSummary: (amount) => [' · ', amount, ' wurden vielleicht zusätzlich berechnet'],
  uncertainLabel: () => 'Vielleicht berechnet: Keine Antwort hat es gesagt',
  uncertainEntry: (model, sent, amount, provider, sends) => [
    `${model}, gesendet ${sent}: `,
    sends ? 'bis zu ' : '',
    amount,
    ` wurden vielleicht berechnet${sends ? ` (der Browser hat die Anfrage vielleicht bis zu ${sends}-mal gesendet)` : ''}. Wenn Ihr Konto ${atProvider(provider)} es zeigt, sagen Sie es; bis dahin bleibt es gezählt.`,
  ],
  uncertainCharged: () => 'Es wurde berechnet',
  uncertainChargedOnce: (amount) => ['Einmal berechnet, ', amount],
  uncertainChargedMore: () => 'Mehr als einmal',
  uncertainNotCharged: () => 'Es wurde nicht berechnet',
  todayAt: (time) => `heute, ${time}`,
  yesterdayAt: (time) => `gestern, ${time}`,
};
