export { LedgerStore } from './ledger-store.js';
export { chargedAmount, settledTime, type LedgerEntry, type Settlement, type UncertainEntry } from './entry-codec.js';
export {
  movedBy,
  othersBetween,
  provesOneCharge,
  settleFromBalance,
  wholePricesMoved,
  type SpentReading,
} from './balance-settlement.js';
export type { LedgerHistory, LedgerImport } from './portable.js';
export { deleteHistory, mirrorLedger, type AccountStore, type LedgerMirror } from './account-mirror.js';
