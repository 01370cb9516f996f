import type { Tally } from '../../base/types.js';
import type { LedgerStore } from '../../ledger/ledger.js';
import * as text from '../../strings/tally-line.js';
import { ledgerFile } from './export.js';
import type { TallyHandlers } from './tally-template.js';

/** What `<userpays-tally>`'s controls act on, read when they act (never a stale copy). */
export interface TallyActionTarget {
  ledger(): LedgerStore | undefined;
  tally(): Tally | undefined;
  storageKey(): string;
}

/**
 * What `<userpays-tally>`'s controls do beyond its summary line (budget, uncertain charges, export, reset), loaded
 * with the panels that draw them, as the gallery's actions are (gallery-actions.ts).
 */
export function tallyHandlers(target: TallyActionTarget): TallyHandlers {
  return {
    /** A new budget from the input; one that is not an amount is refused in words (the browser's validation message). */
    budgetChange(event) {
      const input = event.target as HTMLInputElement;
      let problem = '';
      try {
        target.ledger()!.budget = input.value || null; // spaces around are fine
      } catch {
        problem = text.budgetInvalid();
      }
      input.setCustomValidity(problem);
      input.reportValidity();
    },
    /** Export CSV or JSON: the ledger as it is now, downloaded as `{storage-key}-spending.{csv,json}`. */
    exportClick(event) {
      const format = (event.currentTarget as HTMLButtonElement).value;
      const file = ledgerFile(target.ledger()!, target.tally()!, format === 'csv');
      const link = document.createElement('a');
      link.download = `${target.storageKey()}-spending.${format}`;
      link.href = URL.createObjectURL(new Blob([file], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // the download has long started by then
    },
    /** Reset or Keep in the confirmation: either closes it, and focus goes back to Reset…. */
    resetChoice(event) {
      const button = event.target as HTMLButtonElement;
      const details = button.parentElement as HTMLDetailsElement;
      if (button.value === 'reset') target.ledger()?.reset();
      details.open = false;
      details.querySelector('summary')!.focus();
    },
    /**
     * The user's word on an uncertain charge, from their provider account: booked as charged (at the amount
     * counted apart) or void. Nothing else can settle a charge whose request has no task id to ask about.
     */
    uncertainChoice(event) {
      const button = event.target as HTMLButtonElement;
      const id = button.dataset.id!;
      const ledger = target.ledger();
      const entry = ledger?.uncertain().find((candidate) => candidate.id === id);
      if (!entry) return;
      ledger!.resolve(id, button.value === 'charged' ? { charged: entry.charged! } : { void: true });
    },
  };
}
