/**
 * The ledger's state on this page, shared by every store of one storage and key, and how it keeps in step with
 * storage and other tabs: merge by entry id, damaged values set aside, writes that fall back to memory, Web Locks.
 * The rules and why they hold are in docs/ledger.md ("Concurrency", "Orphans", "Damaged data").
 */
import { isRecord } from '../base/checks.js';
import { clock } from '../base/clock.js';
import { budgetKey, parseBudget } from './budget.js';
import { compact, dayRowKey, decodeDayRow, foldEntry, type DayRow } from './compaction.js';
import { decodeEntry, encodeEntry, isString, isTime, settledTime, type LedgerEntry } from './entry-codec.js';
import type { Sums } from './sums.js';
import { ledgerText as text } from '../strings/ledger.js';
import type { Sentence } from '../strings/strings.js';

/** What all stores of one key on one storage share on this page. */
export interface Area {
  storage?: Storage;
  /** `${storageKey}:ledger`: where the ledger is stored, and the prefix of everything kept beside it. */
  key: string;
  /** The stored value `view` was built from; undefined before the first read. */
  raw?: string | null;
  /** Visible entries by id: stored ⊔ own, without those a reset cleared. */
  view: Map<string, LedgerEntry>;
  /**
   * Session start, ms; only ever moves forward, but where a history imported from a file moved it back (`moved` counts
   * those moves: the higher count wins, see `mergeStored`).
   */
  since: number;
  moved: number;
  /** Entries this page changed: merged into every read until a reset clears them. */
  own: Map<string, LedgerEntry>;
  /** Own entries changed since the last successful write. */
  unsaved: Set<string>;
  /** Compacted history by `dayRowKey`, and the time before which every settled entry is in it. */
  days: Map<string, DayRow>;
  cut: number;
  /** Releases the Web Lock of each entry this page opened, until it settles. */
  held: Map<string, () => void>;
  /** The budget the user set in the tally (see budget.ts). */
  budget: string | null;
  /** A budget is stored that is not an amount (damaged, or written by hand): nothing may be spent while it stands. */
  budgetDamaged?: boolean;
  /**
   * Where the ledger is kept in the user's account too (account-mirror.ts): writes there the budget the user set, or
   * the session the user started (Reset).
   */
  accountWrite?: (what: 'budget' | 'since') => void;
  /** The budget stays on this browser though the ledger is kept in an account (its history was deleted there). */
  budgetHere?: boolean;
  /** The budgets this page's elements set (their `budget` attribute), by element: the lowest of all applies. */
  pageBudgets: Map<object, string>;
  notice: Sentence | null;
  listeners: Set<() => void>;
  /** A read took in another tab's write that `listeners` have not yet heard of (see `syncFromStorage`). */
  unheard?: boolean;
  /** The sums of `view` and `days`, until either changes. */
  sum?: Sums;
}

/** The stored document as parsed: any JSON value, so every field is checked before use. */
interface StoredDocument {
  v?: unknown;
  since?: unknown;
  cut?: unknown;
  days?: unknown;
  entries?: unknown;
  moved?: unknown;
}

/** Areas by storage (by this map itself without one), then by key. */
const areas = new WeakMap<object, Map<string, Area>>();

/** A value stored beside the ledger, or null when it cannot be read (like an empty one). */
function readItem(area: Area, key: string): string | null {
  try {
    return area.storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function loadBudget(area: Area) {
  const stored = readItem(area, budgetKey(area));
  area.budget = parseBudget(stored);
  // Read as no budget, a damaged one would let everything be spent: it stops spending, as a bad `budget` attribute does.
  area.budgetDamaged = !!stored?.trim() && area.budget === null;
  if (area.budgetDamaged) area.notice ??= text.budgetDamaged();
  else if (area.notice?.text === text.budgetDamaged().text) area.notice = null;
}

/** Settled entries belong to the session they settled in; pending ones to every session until they settle. */
const isVisible = (entry: LedgerEntry, since: number) => entry.status === 'pending' || settledTime(entry) >= since;

/** Compares two states of one entry: > 0 when `a` is the later one. Total, so that merging converges. */
function compareStates(a: LedgerEntry, b: LedgerEntry): number {
  // What a balance booked and the user took back (`reopen`) starts again: after every state before it.
  const reopened = (a.reopened ?? 0) - (b.reopened ?? 0);
  if (reopened) return reopened;
  // Pending, then uncertain (a charge not known yet), then settled: a later stage always wins.
  const stage = (entry: LedgerEntry) => (entry.status === 'pending' ? 0 : entry.status === 'uncertain' ? 1 : 2);
  const settled = stage(a) - stage(b);
  if (settled) return settled;
  // Pending: the one with a task is later. Settled (both are, at the same stage): the first settlement wins.
  const progress = a.status === 'pending' ? +!!a.task - +!!b.task : settledTime(b) - settledTime(a);
  if (progress) return progress;
  const rowA = JSON.stringify(encodeEntry(a));
  const rowB = JSON.stringify(encodeEntry(b));
  return rowA > rowB ? 1 : rowA < rowB ? -1 : 0;
}

export const laterOf = (current: LedgerEntry | undefined, other: LedgerEntry) =>
  !current || compareStates(other, current) > 0 ? other : current;

/** The area of `storageKey` on `storage` (default `localStorage`), made on first use. */
export function areaFor(storageKey: string, storage?: Storage): Area {
  let notice: Sentence | null = null;
  try {
    storage ??= localStorage;
  } catch {
    notice = text.storageOff(); // the page may not store data: reading `localStorage` throws
  }
  const scope = storage ?? areas;
  const byKey = areas.get(scope) ?? new Map<string, Area>();
  areas.set(scope, byKey);
  const key = `${storageKey}:ledger`;
  let area = byKey.get(key);
  if (!area) {
    const created: Area = (area = {
      storage,
      key,
      view: new Map(),
      since: 0,
      moved: 0,
      own: new Map(),
      unsaved: new Set(),
      days: new Map(),
      cut: 0,
      held: new Map(),
      pageBudgets: new Map(),
      budget: null,
      notice,
      listeners: new Set(),
    });
    byKey.set(key, area);
    loadBudget(area);
    // Writes by other tabs: the ledger, its budget, or everything (clear(): no key).
    addEventListener('storage', (event) => (event.key ?? key).startsWith(key) && refresh(created));
  }
  return area;
}

/**
 * Rebuilds `area`'s view from the stored value `raw` merged with this page's own changes, in memory only.
 * Says whether `raw` is damaged, and whether storage lacks something the view now holds.
 */
function mergeStored(area: Area, raw: string | null): [damaged: boolean, behind: boolean] {
  let parsed: StoredDocument | null | undefined;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    // damaged: set aside by the caller
  }
  const { v: storedVersion, since: storedSince, cut: storedCut, days: storedDays, entries: rows } = parsed ?? {};
  const { moved: storedMoved } = parsed ?? {};
  const version = Number(storedVersion); // any JSON value: compared as a number
  const shaped = Array.isArray(rows);
  const stored = shaped && isTime(storedSince) ? storedSince : undefined;
  const dayRows = version > 1 ? storedDays : undefined;
  // v1 is migrated; any other version (newer, older, foreign) keeps what reads as v2 and is set aside.
  let damaged =
    raw !== null &&
    (stored === undefined || (version !== 1 && version !== 2) || (version > 1 && !Array.isArray(dayRows)));
  // An import moved the session start back (`moved` is higher): taken as stored, by every tab; else it moves forward.
  const moved = Number.isSafeInteger(storedMoved) && Number(storedMoved) > 0 ? Number(storedMoved) : 0;
  let since = moved > area.moved && stored ? stored : Math.max(area.since, moved < area.moved ? 0 : (stored ?? 0));
  const cut = shaped && isTime(storedCut) ? storedCut : 0;
  const view = new Map<string, LedgerEntry>();
  const days = new Map<string, DayRow>();
  for (const row of shaped ? rows : []) {
    const entry = decodeEntry(row);
    if (!entry) damaged = true;
    else if (!since || isVisible(entry, since)) view.set(entry.id, laterOf(view.get(entry.id), entry));
  }
  // Rows compacted before the session began (a reset this page saw, the document not yet) are not counted.
  for (const stored of Array.isArray(dayRows) && cut > since ? dayRows : []) {
    const row = decodeDayRow(stored);
    if (row) days.set(dayRowKey(row[0], row[1]), row);
    else damaged = true;
  }
  if (!since) {
    // No session start anywhere (a damaged value): the session starts with its oldest entry.
    since = clock.now();
    for (const entry of view.values()) since = Math.min(since, entry.at);
  }
  let behind = damaged || since !== stored || version !== 2 || moved < area.moved;
  for (const own of area.own.values()) {
    const current = view.get(own.id);
    const settledBeforeCut = own.settledAt !== undefined && own.settledAt < cut; // never so while pending
    // Cleared by a reset, or saved and since compacted into the stored `days`: nothing left to merge.
    if (!isVisible(own, since) || (settledBeforeCut && !area.unsaved.has(own.id))) area.own.delete(own.id);
    else if (settledBeforeCut) {
      // Never stored, so no one else has it: folded in here.
      behind = true;
      foldEntry(days, own);
      view.delete(own.id);
    } else if (laterOf(current, own) !== current) {
      behind = true;
      view.set(own.id, own);
    }
  }
  Object.assign(area, { raw, view, since, days, cut, moved: Math.max(moved, area.moved), sum: undefined });
  return [damaged, behind];
}

/** Sets a damaged stored value aside under `${key}:quarantine:${time}` and tells the user. */
function quarantine(area: Area, raw: string) {
  const prefix = `${area.key}:quarantine:`;
  const { storage } = area;
  try {
    // Without storage nothing was read, so nothing is damaged; should it ever be, there is nowhere to keep a copy.
    if (!storage) throw new Error('No storage to set a damaged value aside in');
    const kept = Object.keys(storage)
      .filter((key) => key.startsWith(prefix))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
    // One copy of each damaged value, and only the newest few: a value damaged over and over (by a faulty
    // tab or a hostile script) must not fill the origin's storage.
    if (!kept.some((key) => storage.getItem(key) === raw)) {
      for (const key of kept.slice(0, Math.max(0, kept.length - QUARANTINE_COPIES + 1))) storage.removeItem(key);
      storage.setItem(prefix + clock.now(), raw);
    }
  } catch {
    // no room to set it aside: the readable part is kept all the same
  }
  area.notice = text.historyDamaged();
}

/**
 * Writes the view (compacted first, if it has grown); when storage refuses, keeps it in memory and says so (and this
 * page's changes stay in `unsaved` until a write succeeds).
 */
function writeToStorage(area: Area) {
  if (compact(area)) area.sum = undefined;
  const json = JSON.stringify({
    v: 2,
    since: area.since,
    cut: area.cut,
    days: [...area.days.values()],
    entries: Array.from(area.view.values(), encodeEntry),
    ...(area.moved && { moved: area.moved }),
  });
  try {
    // Without storage (the page may not store data) the view is kept in memory, as when storage refuses the write.
    if (!area.storage) throw new Error('No storage to write the ledger to');
    area.storage.setItem(area.key, json);
    area.raw = json;
    area.unsaved.clear();
    if (area.notice?.text === text.storageFull().text) area.notice = null;
  } catch (error) {
    area.notice = isRecord(error) && error.name === 'QuotaExceededError' ? text.storageFull() : text.storageOff();
  }
}

/**
 * Brings `area.view` up to date with storage and returns it. Also writes: it sets a damaged value aside, and
 * writes the merge back when storage lacks this page's changes (or holds a v1 or damaged document), so that a
 * lost update heals at the next read.
 */
export function syncFromStorage(area: Area): Map<string, LedgerEntry> {
  const raw = readItem(area, area.key);
  if (raw !== area.raw) {
    const first = area.raw === undefined;
    const [damaged, behind] = mergeStored(area, raw);
    if (damaged && raw !== null) quarantine(area, raw); // nothing stored is never damaged
    if (behind) writeToStorage(area);
    // Whichever read comes first takes in another tab's write, and the storage event that follows then finds nothing
    // new (`refresh`): the subscribers hear of it from here, once the read's own task is done.
    if (!first && !area.unheard) {
      area.unheard = true;
      queueMicrotask(() => area.unheard && notify(area));
    }
  }
  return area.view;
}

export function notify(area: Area) {
  area.unheard = false;
  for (const listener of area.listeners) {
    try {
      listener();
    } catch (error) {
      reportError(error); // one failing subscriber must not keep the others from hearing
    }
  }
}

/** Re-reads after a write elsewhere (or a lost one here) and tells subscribers if anything changed. */
function refresh(area: Area) {
  const before = `${area.raw}${area.budget}${area.budgetDamaged}`;
  syncFromStorage(area);
  loadBudget(area);
  if (`${area.raw}${area.budget}${area.budgetDamaged}` !== before) notify(area);
}

/** Persists a change made to the view (after a fresh sync), with `entry` as this page's, then tells everyone. */
export function commit(area: Area, entry?: LedgerEntry) {
  if (entry) {
    area.own.set(entry.id, Object.freeze(entry));
    area.view.set(entry.id, entry);
    area.unsaved.add(entry.id);
  }
  area.sum = undefined;
  writeToStorage(area);
  notify(area);
  // Once more, serialised across tabs: heals a write another tab made meanwhile from a stale view.
  navigator.locks?.request(area.key, () => refresh(area)).catch(() => {});
}

/**
 * Starts a new session now (or at `at`, where the history was deleted on another device): what settled before is
 * hidden; pending entries stay, to settle in the new one.
 */
export function startSession(area: Area, at?: number) {
  syncFromStorage(area);
  area.since = at ?? clock.now() + 1; // by default after every settlement so far, also one made in this millisecond
  for (const entry of area.view.values()) if (!isVisible(entry, area.since)) area.view.delete(entry.id);
  for (const entry of area.own.values()) if (!isVisible(entry, area.since)) area.own.delete(entry.id);
  area.days.clear();
  commit(area);
  if (at === undefined) area.accountWrite?.('since');
}

/** The Web Lock the page working on an entry holds: free once that page is gone. */
export const lockName = (area: Area, id: string) => area.key + ':' + id;

/** Where a pending entry's amount is announced to every tab: `${key}:hold:${amount}:${id}` (see `heldAmounts`). */
const holdPrefix = (area: Area) => area.key + ':hold:';
/** Damaged values set aside per key, newest kept. */
const QUARANTINE_COPIES = 3;
/** How long an amount stays announced after its entry settled: until the settled entry reached every tab. */
const HOLD_AFTER_SETTLE_MS = 3000;

/**
 * Requests the entry's lock, held until `area.held.get(id)` is called (also before it is granted: it then ends as soon
 * as it is); requested is as good as held for `orphans`. A second lock names the amount the entry holds, so that every
 * tab sees what is held at once (the lock manager is one for the whole browser; `localStorage` reaches other tabs a
 * little later).
 */
export function holdLock(area: Area, id: string, amount: string) {
  const locks = navigator.locks;
  if (!locks) return;
  let releaseHold = () => {};
  let releaseEntry = () => {};
  let released = false;
  locks
    .request(holdPrefix(area) + amount + ':' + id, () => new Promise<void>((release) => (releaseHold = release)))
    .catch(() => {});
  locks
    .request(lockName(area, id), () =>
      released ? undefined : new Promise<void>((release) => (releaseEntry = release)),
    )
    .catch(() => {});
  area.held.set(id, () => {
    released = true;
    releaseEntry();
    setTimeout(() => releaseHold(), HOLD_AFTER_SETTLE_MS);
  });
}

/**
 * Takes back entries this page opened that storage did not take (it is full, or off): they were never sent, so they
 * are gone as if never opened, here and in every tab (no tab but this one ever saw them), and their locks end.
 */
export function withdraw(area: Area, ids: readonly string[]) {
  for (const id of ids) {
    area.own.delete(id);
    area.view.delete(id);
    area.unsaved.delete(id);
    area.held.get(id)?.();
    area.held.delete(id);
  }
  area.sum = undefined;
  notify(area);
}

/** True where an entry this page changed has not reached storage yet (the last write was refused). */
export const isUnsaved = (area: Area, id: string) => area.unsaved.has(id);

/**
 * The amounts held by pending entries of this key in every tab, by entry id, as the lock manager knows them
 * (consistent across tabs at once). Empty without Web Locks.
 */
export async function heldAmounts(area: Area): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  for (const name of (await lockNames()) ?? []) {
    const [amount, id] = name.startsWith(holdPrefix(area)) ? name.slice(holdPrefix(area).length).split(':') : [];
    if (id) held.set(id, amount);
  }
  return held;
}

/** The names of the locks held or asked for in every tab, as the lock manager knows them; none without Web Locks. */
export async function lockNames(): Promise<string[] | undefined> {
  const snapshot = await navigator.locks?.query();
  // A lock the manager lists without a name or a list it leaves out holds nothing that can be looked up by name.
  return snapshot && [...(snapshot.held ?? []), ...(snapshot.pending ?? [])].map((lock) => lock.name).filter(isString);
}
