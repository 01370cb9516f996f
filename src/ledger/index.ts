export { LedgerStore } from './ledger-store.js';
export type { LedgerEntry } from './entry-codec.js';
export { dayOf } from './compaction.js';
