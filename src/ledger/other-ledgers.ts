/**
 * The entries of the other ledgers this site keeps in the same storage: other widgets with another `storage-key`, in
 * this tab or another. A balance moved by one of their images looks the same as one moved by this ledger's, so a
 * charge is only put down to this ledger's image where none of them was under way (docs/ledger.md, "Uncertain
 * charges"). Other sites and devices stay out of sight: what they spend is never here.
 */
import { decodeEntry, type LedgerEntry } from './entry-codec.js';

/** Where each ledger is kept: `${storageKey}:ledger` (shared-area.ts). */
const LEDGER = /:ledger$/;

/**
 * Every entry of every ledger in `storage` but the one under `key`; undefined where one cannot be read (storage refuses,
 * a value that is not a ledger's): what it holds is then unknown, and nothing may be put down to this ledger alone.
 */
export function otherLedgersEntries(storage: Storage | undefined, key: string): LedgerEntry[] | undefined {
  const entries: LedgerEntry[] = [];
  try {
    for (let index = 0; storage && index < storage.length; index++) {
      const name = storage.key(index);
      if (!name || name === key || !LEDGER.test(name)) continue;
      const rows: unknown = JSON.parse(storage.getItem(name) ?? 'null')?.entries;
      if (!Array.isArray(rows)) return undefined;
      for (const row of rows) {
        const entry = decodeEntry(row);
        if (!entry) return undefined;
        entries.push(entry);
      }
    }
  } catch {
    return undefined;
  }
  return entries;
}
