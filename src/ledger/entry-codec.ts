/**
 * A ledger entry and the row it is stored as: its fields in a fixed column order, trailing empty columns left
 * out (docs/ledger.md, "Storage format"). Every column is checked on the way in: a damaged row is refused whole.
 */
import type { ProviderTask } from '../providers/provider.js';
import { isAmount, isRecord } from '../base/checks.js';
import { Decimal } from './amounts.js';
import type { ChargeBasis } from '../base/types.js';

/**
 * 'uncertain': the request may have reached the provider and been charged, but no reply says so (the
 * connection dropped or the page cancelled while it was in flight). `charged` is what it may have cost; it is
 * counted apart from what was spent until it is known (`resolve`).
 */
export type EntryStatus = 'pending' | 'charged' | 'void' | 'uncertain';

export interface LedgerEntry {
  /** `crypto.randomUUID()`. */
  id: string;
  /** When it was opened, ms since the epoch. */
  at: number;
  provider: string;
  model: string;
  width: number;
  height: number;
  /** USD the preview said for this image, exact decimal string. */
  quoted: string;
  status: EntryStatus;
  /**
   * USD booked once 'charged' (the provider's real cost where known). On a pending entry: the cost the
   * provider reported when it accepted the task, booked against the budget until it settles.
   */
  charged?: string;
  /** Where the provider bills in credits. */
  credits?: string;
  /** Set once the provider accepted the task, to resume it after a reload; dropped when settled. */
  task?: ProviderTask;
  /** The prompt, kept while pending so a resumed image is stored with it; dropped when settled. */
  prompt?: string;
  settledAt?: number;
  /** Error code when the generation failed (the entry may still be charged). */
  error?: string;
  /** When the request that may cost money left (ms): a pending entry with it may have been charged. */
  sentAt?: number;
  /** Of `charged`, what the user paid the upstream provider on their own key (OpenRouter's BYOK), shown apart. */
  upstream?: string;
  /**
   * How `charged` is known, once charged (its receipt says it); undefined for entries booked before receipts. On an
   * uncertain entry, `bound`: its image came, at a price that was a bound, and no reply said what it cost (SPEC §12).
   */
  basis?: ChargeBasis;
  /** USD left at the provider after it (the account, or the key's cap), where the provider answered the page. */
  left?: string;
  /**
   * Of an uncertain entry's `charged` (what it may have cost), what it certainly cost: its account's balance, this
   * ledger's alone, fell by that much and held still (docs/ledger.md, "Uncertain charges"). Counted as spent; only the
   * rest is counted apart. Absent (nothing certain) on every entry stored before it.
   */
  certain?: string;
  /**
   * Of an uncertain entry whose key is this ledger's alone: what its account had spent before it was sent, and when
   * that was read (ms), so that a later visit can read the balance again and settle it (generation/resume.ts).
   */
  before?: [spent: string, at: number];
  /**
   * Whom the user paid, as the words name them, where the provider's id does not say it: OpenAI at its own API
   * ("OpenAI"), where `openai` is every OpenAI-compatible gateway too.
   */
  payee?: string;
  /** The image this one edits, by its gallery id, where it is an edit of one of the widget's images (SPEC §13). */
  editOf?: string;
  /**
   * Of a charge no reply confirmed that its account's balance alone booked (one price, docs/ledger.md "Uncertain
   * charges"): what it was held at before, the whole of what it may have cost. Undo (`LedgerStore.reopen`) holds it
   * there again, uncertain, for the user to answer. Only on such a charged entry.
   */
  heldBefore?: string;
  /**
   * 1 once the user took back what a balance booked (`reopen`): the entry is uncertain again, and this state and every
   * one after it come after everything before it, whatever their stage (shared-area.ts, `compareStates`).
   */
  reopened?: 1;
}

/**
 * When a settled entry settled. Every entry but a pending one has this time (`decodeEntry` refuses a row without it,
 * and settling sets it), so one without it is a fault, not a case to count.
 */
export function settledTime(entry: LedgerEntry): number {
  if (entry.settledAt === undefined) throw new Error(`A ${entry.status} ledger entry has no settlement time`);
  return entry.settledAt;
}

/**
 * What a charged entry cost, or an uncertain one may have. Both always say it (`decodeEntry` refuses a row without
 * it, and settling sets it), so one without it is a fault, not a charge of nothing.
 */
export function chargedAmount(entry: LedgerEntry): string {
  if (entry.charged === undefined) throw new Error(`A ${entry.status} ledger entry has no charge`);
  return entry.charged;
}

/** An uncertain entry as every one is: with what it may have cost, and when it became uncertain. */
export type UncertainEntry = LedgerEntry & { status: 'uncertain'; charged: string; settledAt: number };

/** Whether `entry` is uncertain; one without its charge or time is a fault (`decodeEntry` refuses it), not left out. */
export function isUncertain(entry: LedgerEntry): entry is UncertainEntry {
  if (entry.status !== 'uncertain') return false;
  if (entry.charged === undefined || entry.settledAt === undefined)
    throw new Error('An uncertain ledger entry lacks what it may have cost, or when it became uncertain');
  return true;
}

export interface NewLedgerEntry {
  provider: string;
  model: string;
  width: number;
  height: number;
  quoted: string;
  /** Kept while the entry is pending (for resume after a reload). */
  prompt?: string;
  /** Whom the user pays, where the provider's id does not say it (`LedgerEntry.payee`). */
  payee?: string;
  /** The image it edits (`LedgerEntry.editOf`). */
  editOf?: string;
}

export type Settlement =
  | {
      charged: string;
      credits?: string;
      upstream?: string;
      basis?: ChargeBasis;
      left?: string;
      error?: string;
      /** Booked from the balance's evidence alone: what it was held at before (`LedgerEntry.heldBefore`). */
      heldBefore?: string;
    }
  | { void: true; error?: string }
  | { uncertain: string; certain?: string; before?: [string, number]; error?: string; basis?: 'bound' };

/** A status is stored as its index here: append only. */
const STATUSES: EntryStatus[] = ['pending', 'charged', 'void', 'uncertain'];

/** The columns every row has, in order, the status last (stored as its index in `STATUSES`). */
const REQUIRED = [
  'id',
  'at',
  'provider',
  'model',
  'width',
  'height',
  'quoted',
  'status',
] as const satisfies readonly (keyof LedgerEntry)[];
/**
 * The fields an entry may lack, the columns a row may leave out (null, or cut off at its end), in order after
 * `REQUIRED`: append only.
 */
export const OPTIONAL_FIELDS = [
  'settledAt',
  'charged',
  'credits',
  'error',
  'task',
  'prompt',
  'sentAt',
  'upstream',
  'basis',
  'left',
  'certain',
  'before',
  'payee',
  'editOf',
  'heldBefore',
  'reopened',
] as const satisfies readonly (keyof LedgerEntry)[];
/** The columns of a row, in order: stored rows are read by position. */
const COLUMNS = [...REQUIRED, ...OPTIONAL_FIELDS];
type Optional = (typeof OPTIONAL_FIELDS)[number];

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => Number.isFinite(value);
/** A time a Date can hold (ms since the epoch, ≤ 8.64 × 10¹⁵): any other would throw where it is shown. */
export const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 8.64e15;

/**
 * A provider's task as its adapter stored it: its provider, id and endpoint checked, its other fields its adapter's to
 * read as it wrote them. Its provider is taken as stored: a task of one this build does not have stays in the ledger
 * (a resume leaves it for a page that has it), never read as damage.
 */
const isTask = (value: unknown): value is ProviderTask =>
  isRecord(value) &&
  isString(value.provider) &&
  isString(value.id) &&
  (value.endpoint === undefined || isString(value.endpoint));

const BASES = ['reported', 'quote', 'balance', 'bound', 'record'] as const satisfies readonly ChargeBasis[];

/** The check of each column a row may leave out, of the kind its field is. */
const OPTIONAL_CHECKS: { [Column in Optional]: (value: unknown) => value is NonNullable<LedgerEntry[Column]> } = {
  settledAt: isTime,
  charged: isAmount,
  credits: isAmount,
  error: isString,
  task: isTask,
  prompt: isString,
  sentAt: isTime,
  upstream: isAmount,
  basis: (value): value is ChargeBasis => BASES.some((basis) => basis === value),
  left: isAmount,
  certain: isAmount,
  // What an account had spent may be below zero (BFL's and Pollinations' are what is left, negated).
  before: (value): value is [string, number] =>
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    isAmount(value[0].replace(/^-/, '')) &&
    isTime(value[1]),
  payee: isString,
  editOf: isString,
  heldBefore: isAmount,
  reopened: (value): value is 1 => value === 1,
};

export function encodeEntry(entry: LedgerEntry): unknown[] {
  const row: unknown[] = COLUMNS.map((column) =>
    column === 'status' ? STATUSES.indexOf(entry.status) : entry[column],
  );
  while (row[row.length - 1] == null) row.length--;
  return row;
}

/** Sets `entry`'s `column` to `value` where it is of the column's kind; false where it is not. */
function put<Column extends Optional>(entry: LedgerEntry, column: Column, value: unknown): boolean {
  const check = OPTIONAL_CHECKS[column];
  if (!check(value)) return false;
  entry[column] = value;
  return true;
}

/**
 * An entry written with its fields named (a history file's), checked as a stored row is (`decodeEntry`); undefined
 * where a field is damaged or one the ledger does not know.
 */
export function decodeNamedEntry(fields: Record<string, unknown>): LedgerEntry | undefined {
  const known: readonly string[] = COLUMNS;
  if (!Object.keys(fields).every((field) => known.includes(field))) return undefined;
  const status = STATUSES.findIndex((each) => each === fields.status);
  return decodeEntry(COLUMNS.map((column) => (column === 'status' ? status : fields[column])));
}

/** The entry a stored row holds, or undefined when the row is damaged or inconsistent. */
export function decodeEntry(stored: unknown): LedgerEntry | undefined {
  if (!Array.isArray(stored)) return;
  const row: unknown[] = stored;
  const [id, at, provider, model, width, height, quoted, index] = row; // the columns of `REQUIRED`, by position
  const status = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? STATUSES.at(index) : undefined;
  if (!status) return;
  if (!isString(id) || !id || !isTime(at) || !isString(provider) || !isString(model)) return;
  if (!isNumber(width) || !isNumber(height) || !isAmount(quoted)) return;
  const entry: LedgerEntry = { id, at, provider, model, width, height, quoted, status };
  const rest = row.slice(REQUIRED.length);
  if (!OPTIONAL_FIELDS.every((column, i) => rest[i] == null || put(entry, column, rest[i]))) return;
  const { charged, certain } = entry;
  const valid =
    (status === 'pending' || entry.settledAt) &&
    (!['charged', 'uncertain'].includes(status) || charged) &&
    // What is certain of a charge not known yet is part of it, never more; no other entry has such a part.
    (certain === undefined || (status === 'uncertain' && charged !== undefined && new Decimal(certain).lte(charged))) &&
    // Only a charge a balance booked can be taken back to what it was held at, and only once.
    (entry.heldBefore === undefined || (status === 'charged' && entry.basis === 'balance' && !entry.reopened));
  return valid ? entry : undefined;
}
