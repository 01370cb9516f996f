export { LedgerStore } from './ledger-store.js';
export type { LedgerEntry, Settlement } from './entry-codec.js';
export {
  movedBy,
  othersBetween,
  settleFromBalance,
  wholePricesMoved,
  type SpentReading,
} from './balance-settlement.js';
