export { LedgerStore } from './ledger-store.js';
export type { LedgerEntry, Settlement } from './entry-codec.js';
export { movedBy, othersBetween, settleFromBalance, type SpentReading } from './balance-settlement.js';
