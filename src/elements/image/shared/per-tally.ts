import type { LedgerStore } from '../../../ledger/ledger.js';

/** What `read` makes of the ledger, made again only when its tally (`version`) changed. */
export function perTally<T>(read: (ledger: LedgerStore) => T) {
  let readFor: object | undefined;
  let value: T;
  return (ledger: LedgerStore, version: object): T => {
    if (version !== readFor) [value, readFor] = [read(ledger), version];
    return value;
  };
}
