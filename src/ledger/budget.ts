/**
 * The budget the user set (in `<userpays-tally>`), kept beside the ledger under `${key}:budget` so that every
 * tab and widget of the same key shares it (docs/ledger.md, "Budget").
 */
import { decimalOf, money } from './amounts.js';

/** Where the ledger is kept (an `Area` of shared-area.ts). */
interface Ledger {
  storage?: Storage;
  key: string;
  /** Where the ledger is kept in the user's account too: writes the budget there (account-mirror.ts). */
  accountWrite?: (what: 'budget') => void;
}

export const budgetKey = (ledger: Ledger) => ledger.key + ':budget';

/** The stored budget as an exact decimal string; null when none is stored or it is not an amount. */
export const parseBudget = (stored: string | null) => decimalOf(stored)?.toFixed() ?? null;

/** Stores the budget `value` (null or '' clears it) and returns it as kept; throws if it is not an amount. */
export function storeBudget(ledger: Ledger, value: string | null): string | null {
  const budget = value ? money(value) : null;
  try {
    ledger.storage?.setItem(budgetKey(ledger), budget ?? ''); // none (the page may not store data): as if refused
  } catch {
    // storage refused it: the budget holds for this visit
  }
  ledger.accountWrite?.('budget');
  return budget;
}
