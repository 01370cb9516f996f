/**
 * The ledger's part of a history file (docs/ledger.md, "Export and import"): what it holds, read back strictly, and
 * merged into a ledger by entry id, so that the same entry is counted once however often the file is imported.
 */
import { invalid, isRecord } from '../base/checks.js';
import { DAY_MS, dayOf, isoDay } from '../base/days.js';
import { ledgerText as text } from '../strings/ledger.js';
import { dayRowKey, decodeDayRow, type DayRow, type DaySummary } from './compaction.js';
import { decodeNamedEntry, isTime, type LedgerEntry } from './entry-codec.js';
import { commit, laterOf, syncFromStorage, type Area } from './shared-area.js';

/** The ledger as a history file carries it: its session's start, the compacted rows and every entry. */
export interface LedgerHistory {
  /** When the session began, and the time before which every settled entry is in `compacted` (ms). */
  since: number;
  cut: number;
  compacted: DaySummary[];
  entries: LedgerEntry[];
}

/** A file's ledger as read: its compacted rows as the ledger stores them. */
export type ReadHistory = Omit<LedgerHistory, 'compacted'> & { rows: DayRow[] };

/** What an import did: entries and compacted rows taken in, already held, and left out (pending, or maybe folded). */
export interface LedgerImport {
  added: number;
  settled: number;
  held: number;
  leftOut: number;
}

/** The ledger's history as it is stored now. */
export function historyOf(area: Area, compacted: DaySummary[]): LedgerHistory {
  const entries = [...syncFromStorage(area).values()];
  return { since: area.since, cut: area.cut, compacted, entries };
}

/**
 * One entry of a file, checked as a stored row is (`decodeEntry`), with no field the ledger does not know: a file
 * whose entry is damaged or foreign is refused whole.
 */
function entryOf(value: unknown, index: number): LedgerEntry {
  const entry = isRecord(value) ? decodeNamedEntry(value) : undefined;
  if (entry) return entry;
  invalid(text.historyEntryDamaged(index + 1));
}

/** A compacted row of a file: its day written `YYYY-MM-DD`, as the export writes it. */
function rowOf(value: unknown, index: number): DayRow {
  const { day, model, spent, images, count } = isRecord(value) ? value : {};
  const time = typeof day === 'string' && /^\d{4}-\d\d-\d\d$/.test(day) ? Date.parse(day + 'T00:00:00Z') : NaN;
  const row = decodeDayRow([time / DAY_MS, model, spent, images, count]);
  if (!row || isoDay(row[0]) !== day) invalid(text.historyEntryDamaged(index + 1));
  return row;
}

/** The ledger's part of a file (`file`, any JSON value), checked whole: throws `invalid-input` in plain words. */
export function readLedgerHistory(file: Record<string, unknown>): ReadHistory {
  const { since, cut, compacted, entries } = file;
  if (!isTime(since) || !isTime(cut) || !Array.isArray(compacted) || !Array.isArray(entries))
    invalid(text.historyNotAFile());
  const read = entries.map(entryOf);
  // Every entry of a ledger belongs to its session: one settled before it began is not the ledger's.
  const outside = read.findIndex((entry) => entry.settledAt !== undefined && entry.settledAt < since);
  if (outside >= 0 || new Set(read.map((entry) => entry.id)).size !== read.length)
    invalid(text.historyEntryDamaged(outside + 1 || read.length));
  return { since, cut, rows: compacted.map(rowOf), entries: read };
}

/**
 * Merges a file's ledger into `area`, by entry id. An entry held stays as it is, unless the file's copy is further on
 * (`laterOf`: uncertain here, settled there): a ledger's entries only ever move on, so the later state is the truth
 * on every device, and taking it twice changes nothing. A new entry comes with its own times; a pending one is left out
 * (its page, on the other device, settles it: it comes with a later export). A new one settled before this ledger's
 * compacted rows end may be in them already (rows keep no ids): left out, never counted twice. A compacted row comes
 * where this ledger has nothing of its own for its day and model, for the same reason. The session starts at the
 * earlier of the two, so that what the file holds is counted (every tab takes the start an import set).
 */
export function mergeHistory(area: Area, history: ReadHistory): LedgerImport {
  const view = syncFromStorage(area);
  const counts: LedgerImport = { added: 0, settled: 0, held: 0, leftOut: 0 };
  const taken: LedgerEntry[] = [];
  for (const entry of history.entries) {
    const current = view.get(entry.id);
    const mayBeFolded = entry.status !== 'uncertain' && entry.settledAt !== undefined && entry.settledAt < area.cut;
    if (current) {
      if (laterOf(current, entry) === current) counts.held++;
      else counts.settled += +!!taken.push(entry);
    } else if (entry.status === 'pending' || mayBeFolded) counts.leftOut++;
    else counts.added += +!!taken.push(entry);
  }
  const ownDays = new Set(
    [...view.values()].map((entry) => dayRowKey(dayOf(entry.settledAt ?? entry.at), entry.model)),
  );
  const rows = history.rows.filter((row) => {
    const held = area.days.get(dayRowKey(row[0], row[1]));
    if (held?.join() === row.join()) counts.held++;
    else if (held || ownDays.has(dayRowKey(row[0], row[1]))) counts.leftOut++;
    else return true;
    return false;
  });
  if (!taken.length && !rows.length) return counts;
  // Moved back only where an entry taken needs it: an import that brings nothing older changes nothing of it.
  if (taken.some((entry) => entry.settledAt !== undefined && entry.settledAt < area.since))
    Object.assign(area, { since: history.since, moved: area.moved + 1 });
  for (const row of rows) area.days.set(dayRowKey(row[0], row[1]), row);
  if (rows.length) area.cut = Math.max(area.cut, history.cut);
  for (const entry of taken) {
    area.own.set(entry.id, Object.freeze(entry));
    area.view.set(entry.id, entry);
    area.unsaved.add(entry.id);
  }
  commit(area);
  return counts;
}
