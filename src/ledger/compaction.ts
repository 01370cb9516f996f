/**
 * Bounded growth: old settled entries fold into one row per local day and model (per month past 60 days), so
 * what is stored grows with months of use, not with entries. Folding never changes a total (docs/ledger.md,
 * "Compaction").
 */
import { clock } from '../base/clock.js';
import { isAmount } from '../base/checks.js';
import { DAY_MS, dayOf, isoDay } from '../base/days.js';
import { Decimal } from './amounts.js';
import { chargedAmount, isNumber, isString, settledTime, type LedgerEntry } from './entry-codec.js';

/** Past MAX_ENTRIES stored entries, keep the KEEP_SETTLED newest settled ones and all settled in the last GRACE_MS. */
const MAX_ENTRIES = 250;
const KEEP_SETTLED = 200;
const GRACE_MS = 36e5;
/** Rows older than this many days join their month's row. */
const DAILY_ROWS_DAYS = 60;

/** A compacted row as stored: local day number (or its month's 1st), model, USD spent, images, charged entries. */
export type DayRow = [day: number, model: string, spent: string, images: number, count: number];

/** Compacted history: what was charged on one local day for one model (past 60 days: in one month). */
export interface DaySummary {
  /** `YYYY-MM-DD`: the day, or for a month row (older than 60 days) the month's 1st. */
  day: string;
  model: string;
  /** USD, exact decimal string. */
  spent: string;
  images: number;
  /** Charged entries (paid failures included). */
  count: number;
}

/**
 * What compaction works on (an `Area` of shared-area.ts): the entries, the compacted rows by `dayRowKey`, and
 * the time before which every settled entry is in those rows.
 */
interface History {
  view: Map<string, LedgerEntry>;
  days: Map<string, DayRow>;
  cut: number;
}

/** The day a compacted row of `day` is kept under: its own for 60 days, then its month's 1st. */
const rowDayOf = (day: number) =>
  day < dayOf(clock.now()) - DAILY_ROWS_DAYS ? day - new Date(day * DAY_MS).getUTCDate() + 1 : day;

export const dayRowKey = (day: number, model: string) => day + ' ' + model;

/** Adds to the compacted row of a day (see `rowDayOf`) and model. */
function addToDayRow(days: History['days'], day: number, model: string, spent: string, images: number, count: number) {
  const rowDay = rowDayOf(day);
  const key = dayRowKey(rowDay, model);
  const row = days.get(key);
  days.set(key, [
    rowDay,
    model,
    new Decimal(row?.[2] ?? 0).plus(spent).toFixed(),
    (row?.[3] ?? 0) + images,
    (row?.[4] ?? 0) + count,
  ]);
}

/** Adds a settled entry to the compacted rows (a void one adds nothing). */
export const foldEntry = (days: History['days'], entry: LedgerEntry) =>
  entry.status === 'charged' &&
  addToDayRow(days, dayOf(settledTime(entry)), entry.model, chargedAmount(entry), +!entry.error, 1);

/** A day number a Date can show (|day| ≤ 10⁸), and counts that are whole and not negative. */
const isDay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 1e8;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The compacted row a stored one holds (anything stored beyond its columns left out), or undefined where damaged. */
export function decodeDayRow(stored: unknown): DayRow | undefined {
  if (!Array.isArray(stored)) return undefined;
  const [day, model, spent, images, count]: unknown[] = stored;
  return isDay(day) && isString(model) && isAmount(spent) && isCount(images) && isCount(count)
    ? [day, model, spent, images, count]
    : undefined;
}

export const summaryOf = ([day, model, spent, images, count]: DayRow): DaySummary => ({
  day: isoDay(day),
  model,
  spent,
  images,
  count,
});

/** Compacts `history` in place when it holds more than MAX_ENTRIES entries; true if anything changed. */
export function compact(history: History): boolean {
  const { view, days } = history;
  if (view.size <= MAX_ENTRIES) return false;
  const settledTimes = [...view.values()]
    .map((entry) => entry.settledAt) // pending entries have none: left out
    .filter(isNumber)
    .sort((a, b) => b - a);
  const cut = Math.min(clock.now() - GRACE_MS, settledTimes[KEEP_SETTLED - 1] ?? 0);
  if (cut <= history.cut) return false;
  for (const entry of view.values()) {
    // Pending, settled recently, or not known yet (uncertain entries stay, to be resolved): kept as entries.
    if (entry.settledAt === undefined || entry.settledAt >= cut || entry.status === 'uncertain') continue;
    foldEntry(days, entry);
    view.delete(entry.id);
  }
  // Rows whose day has passed 60 days join their month's.
  for (const [key, row] of days) {
    if (rowDayOf(row[0]) === row[0]) continue;
    days.delete(key);
    addToDayRow(days, ...row);
  }
  history.cut = cut;
  return true;
}
