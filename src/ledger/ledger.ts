export { LedgerStore } from './ledger-store.js';
export type { LedgerEntry, Settlement } from './entry-codec.js';
