import type { LedgerStore } from '../../ledger/ledger.js';
import type { Tally } from '../../base/types.js';

const COLUMNS = 'day,id,provider,model,width,height,status,quoted,charged,credits,error,images,count'.split(',');

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with `'` so that it is read as text, never as a formula (OWASP, "CSV Injection");
 * a value with a comma, quote or line break is quoted. Stored text may have been tampered with: none is trusted.
 */
function cell(value: unknown): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The ledger as a file. JSON: the tally, the compacted days and every entry, money as exact decimal strings.
 * CSV: one line per entry (`day` = when it settled, else when it was opened, as an ISO time), then one line
 * per compacted day and model (status `compacted`, `day` = the date, `count` entries that cost `charged` in
 * all); every cell through `cell()`.
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
    ? [COLUMNS, ...rows.map((row) => COLUMNS.map((column) => row[column]))]
        .map((row) => row.map(cell).join(',') + '\r\n')
        .join('')
    : JSON.stringify({ tally, compacted, entries }, null, 1);
}
