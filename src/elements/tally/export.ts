import type { LedgerStore } from '../../ledger/index.js';
import type { Tally } from '../../types.js';

const COLUMNS = 'day,id,provider,model,width,height,status,quoted,charged,credits,error,images,count'.split(',');

/**
 * The ledger as a file. JSON: the tally, the compacted days and every entry, money as exact decimal strings.
 * CSV: one line per entry (`day` = when it settled, else when it was opened, as an ISO time), then one line
 * per compacted day and model (status `compacted`, `day` = the date, `count` entries that cost `charged` in
 * all). No value can hold a comma, quote or line break (ids, model ids, codes, ISO times, amounts): none is quoted.
 */
export function ledgerFile(ledger: LedgerStore, tally: Tally, csv: boolean): string {
  const entries = ledger.entries();
  const compacted = ledger.compacted();
  const rows: Record<string, unknown>[] = [
    ...entries.map((e) => ({
      ...e,
      day: new Date(e.settledAt ?? e.at).toISOString(),
      images: +(e.status === 'charged' && !e.error),
      count: 1,
    })),
    ...compacted.map((d) => ({ ...d, status: 'compacted', charged: d.spent })),
  ];
  return csv
    ? [COLUMNS, ...rows.map((r) => COLUMNS.map((k) => r[k]))].map((r) => r + '\r\n').join('')
    : JSON.stringify({ tally, compacted, entries }, null, 1);
}
