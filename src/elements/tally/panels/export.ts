import type { LedgerStore } from '../../../ledger/ledger.js';
import { dayOf, isoDay } from '../../../base/days.js';

/** The CSV's columns (docs/ledger.md, "Export"): a day, then a time, then the entry's own fields. */
const COLUMNS =
  'day,time,id,provider,model,width,height,status,quoted,charged,credits,error,images,count,upstream,basis,left'.split(
    ',',
  );

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value whose first character other than white space
 * (any Unicode white space: spaces, tabs, NBSP, U+3000…) and zero-width characters is `=`, `+`, `-` or `@`, or
 * their full-width forms `＝`, `＋`, `－`, `＠` (which spreadsheets read as the same signs), or that
 * starts with a tab or a carriage return, is prefixed with `'` so that it is read as text, never as a formula
 * (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection; spreadsheets skip the blanks
 * before a formula); a value with a comma, quote or line break is quoted. Stored text may have been tampered with:
 * none is trusted.
 */
function cell(value: unknown): string {
  let text = value == null ? '' : String(value);
  if (/^[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The ledger as a CSV file, for spreadsheets (the history file to import elsewhere is history-file.ts's): one line per
 * entry, then one line per compacted day and model (status `compacted`, `count` entries that cost `charged` in all, no time); every cell through `cell()`. An entry's `day`
 * is the local day (YYYY-MM-DD) the ledger counts it in, as the chart and the compacted days do (base/days.ts):
 * when it settled, else when it was opened; `time` is that moment as an ISO time (UTC).
 */
export function ledgerFile(ledger: LedgerStore): string {
  const entries = ledger.entries();
  const compacted = ledger.compacted();
  const rows: Record<string, unknown>[] = [
    ...entries.map((e) => ({
      ...e,
      day: isoDay(dayOf(e.settledAt ?? e.at)),
      time: new Date(e.settledAt ?? e.at).toISOString(),
      images: +(e.status === 'charged' && !e.error),
      count: 1,
    })),
    ...compacted.map((d) => ({ ...d, status: 'compacted', charged: d.spent })),
  ];
  return [COLUMNS, ...rows.map((row) => COLUMNS.map((column) => row[column]))]
    .map((row) => row.map(cell).join(',') + '\r\n')
    .join('');
}
