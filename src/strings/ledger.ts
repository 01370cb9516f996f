/** What the ledger says: amounts, the budget, and storage that cannot keep the user's history. */

import { sentencesOf } from './sentence.js';

export interface LedgerStrings {
  notAnAmount(value: string): string;
  budgetExceeded(total: string, budget: string): string;
  historyDamaged(): string;
  storageFull(): string;
  storageOff(): string;
}

export const ledger: LedgerStrings = {
  notAnAmount: (value) => `"${value}" is not an amount of money.`,
  budgetExceeded: (total, budget) =>
    `This would cost ${total} and take you past your budget of ${budget}. ` +
    'Choose a smaller size, fewer images or a cheaper model, or raise the budget.',
  historyDamaged: () => 'Your saved spending history was damaged; the readable part was kept.',
  storageFull: () => 'Storage is full: spending is tracked for this visit only.',
  storageOff: () => 'This browser does not let the page save data: spending is tracked for this visit only.',
};

/** The ledger's words as the ledger says them: as `Sentence`s, for an element to reword. */
export const ledgerText = sentencesOf('ledger', ledger);
