/** What the ledger says: amounts, the budget, and storage that cannot keep the user's history. */

import { sentences, sentencesOf } from './sentence.js';

export interface LedgerStrings {
  notAnAmount(value: string): string;
  /** `left`: what is left of the budget; `held`: what of the rest is held for images under way ('' where none). */
  budgetExceeded(total: string, budget: string, left: string, held: string): string;
  historyDamaged(): string;
  storageFull(): string;
  storageOff(): string;
  /** Nothing was sent: the entry of what it may cost could not be written first (storage full, or off). */
  notRecordedFull(): string;
  notRecordedOff(): string;
  /** The budget stored beside the ledger is not an amount: nothing may be spent until it is set again. */
  budgetDamaged(): string;
  /** A file chosen to import is not a history the tally exported (not JSON, another format, or a later version). */
  historyNotAFile(): string;
  /** Entry or row `number` of a history file is damaged or not the ledger's: nothing of it was imported. */
  historyEntryDamaged(number: number): string;
  /** Image `number` of a history file is damaged: nothing of the file was imported. */
  historyImageDamaged(number: number): string;
}

export const ledger = sentences<LedgerStrings>({
  notAnAmount: (value) => `"${value}" is not an amount of money.`,
  budgetExceeded: (total, budget, left, held) =>
    `This would cost ${total}, and ${left} of your ${budget} budget is left${held ? ` (${held} is held for images under way)` : ''}. ` +
    'Choose a smaller size, fewer images or a cheaper model, or raise the budget.',
  historyDamaged: 'Your saved spending history was damaged; the readable part was kept.',
  storageFull: 'Storage is full: spending is tracked for this visit only.',
  storageOff: 'This browser does not let the page save data: spending is tracked for this visit only.',
  notRecordedFull:
    "Nothing was sent or charged: this browser's storage for this site is full, so what the image costs could not be " +
    "recorded first. Free some space (remove data this site keeps that you no longer need, in the browser's settings " +
    'under site data), then try again.',
  notRecordedOff:
    'Nothing was sent or charged: this browser does not let this page save data, so what the image costs could not be ' +
    "recorded first. Allow this site to save data (cookies and site data, in the browser's settings), then try again.",
  budgetDamaged:
    'The budget saved in this browser is damaged, so nothing can be spent until it is set again in the spending summary.',
  historyNotAFile:
    'This file is not a spending history exported from this tally (or it comes from a newer version): nothing was imported.',
  historyEntryDamaged: (number) =>
    `Item ${number} of this history file is damaged or not a spending record: nothing of the file was imported.`,
  historyImageDamaged: (number) =>
    `Image ${number} of this history file is damaged or not an image: nothing of the file was imported.`,
});

/** The ledger's words as the ledger says them: as `Sentence`s, for an element to reword. */
export const ledgerText = sentencesOf('ledger', ledger);
