/**
 * The ledger kept also in the user's own account, where the account has a key-value store (Puter's; docs/ledger.md,
 * "In the user's account"): every entry under a key of its own id, so that two devices never write over each other and
 * a write repeated after a lost reply changes nothing; merged into this browser's ledger by entry id on load and on
 * sign-in; written in order from an outbox kept beside the ledger while the account does not answer. The budget is
 * kept there too. The account is reached through `AccountStore` alone: the ledger knows nothing of any provider.
 */
import { isRecord } from '../base/checks.js';
import { clock } from '../base/clock.js';
import { budgetKey, parseBudget } from './budget.js';
import { decodeEntry, encodeEntry, type LedgerEntry } from './entry-codec.js';
import { mergeHistory } from './portable.js';
import { areaFor, commit, notify, startSession, syncFromStorage, type Area } from './shared-area.js';

/** A key-value store in the user's account, as the ledger needs it (Puter's: providers/puter/kv-ledger.ts). */
export interface AccountStore {
  /** Writes every item (each a key and any JSON value); resolves once the account holds them all. */
  put(items: readonly { key: string; value: unknown }[]): Promise<void>;
  /** Every item whose key starts with `prefix`. */
  list(prefix: string): Promise<{ key: string; value: unknown }[]>;
  /** Removes every item whose key starts with `prefix`. */
  removeAll(prefix: string): Promise<void>;
  /** Whose account it is (the user's name): this browser remembers per account that it merged with it. */
  account?: string;
}

/** What the account holds of a ledger: its keys, all under `${storageKey}:ledger:` (docs/ledger.md). */
export const accountKeys = (area: { key: string }) => ({
  prefix: area.key + ':',
  entry: (id: string) => `${area.key}:entry:${id}`,
  budget: budgetKey(area),
  /** When the session began (ms): a Reset on any device starts a new one on every device (after a deletion, too). */
  since: `${area.key}:since`,
});

/**
 * Entries to write to the account, by id in the order they changed, and whether the budget and session start are;
 * `deleted`: the account's history was deleted, and the session's start goes with the next entry written.
 */
interface Outbox {
  ids: string[];
  budget?: boolean;
  since?: boolean;
  deleted?: boolean;
}

const outboxKey = (area: Area) => area.key + ':outbox';

function readOutbox(area: Area): Outbox {
  try {
    const stored: unknown = JSON.parse(area.storage?.getItem(outboxKey(area)) ?? 'null');
    const ids = isRecord(stored) && Array.isArray(stored.ids) ? stored.ids.filter((id) => typeof id === 'string') : [];
    return {
      ids,
      budget: isRecord(stored) && stored.budget === true,
      since: isRecord(stored) && stored.since === true,
      deleted: isRecord(stored) && stored.deleted === true,
    };
  } catch {
    return { ids: [] };
  }
}

function writeOutbox(area: Area, outbox: Outbox) {
  try {
    if (!outbox.ids.length && !outbox.budget && !outbox.since && !outbox.deleted)
      area.storage?.removeItem(outboxKey(area));
    else area.storage?.setItem(outboxKey(area), JSON.stringify(outbox));
  } catch {
    // storage refused: what is not written now is found missing at the next sign-in's merge, and written then
  }
}

/** Adds `ids` (and the budget, the session start) to the end of the outbox; an id already waiting keeps its place. */
function enqueue(area: Area, ids: readonly string[], also?: 'budget' | 'since') {
  const outbox = readOutbox(area);
  for (const id of ids) if (!outbox.ids.includes(id)) outbox.ids.push(id);
  if (also) outbox[also] = true;
  writeOutbox(area, outbox);
}

/**
 * What this browser remembers of an account its ledger merged with (per ledger, under `${key}:accounts`, by the
 * account's user): `seen`, when it last read or wrote the account; `budgetHere`, the budget stays on this browser
 * (the account's history was deleted, and the user has not set the budget since).
 */
interface Merged {
  seen: number;
  budgetHere?: boolean;
}

const mergedKey = (area: Area) => area.key + ':accounts';

function mergedAccounts(area: Area): Record<string, Merged> {
  try {
    const stored: unknown = JSON.parse(area.storage?.getItem(mergedKey(area)) ?? 'null');
    return isRecord(stored) ? (stored as Record<string, Merged>) : {};
  } catch {
    return {};
  }
}

/** What this browser remembers of `account`; undefined where its ledger never merged with it. */
function mergedWith(area: Area, account: string): Merged | undefined {
  const merged = mergedAccounts(area)[account];
  return isRecord(merged) && typeof merged.seen === 'number' && Number.isFinite(merged.seen) ? merged : undefined;
}

function remember(area: Area, account: string, change: Partial<Merged>) {
  const accounts = mergedAccounts(area);
  accounts[account] = { seen: 0, ...mergedWith(area, account), ...change };
  try {
    area.storage?.setItem(mergedKey(area), JSON.stringify(accounts));
  } catch {
    // storage refused it: this browser counts as never merged, and uploads what it holds at the next load
  }
}

/** Whether the budget stays on this browser (`LedgerStore.budgetHeld`), remembered for the account. */
function budgetHere(area: Area, account: string, here: boolean) {
  remember(area, account, { budgetHere: here });
  if (area.budgetHere === here) return;
  area.budgetHere = here;
  notify(area);
}

/** A ledger kept in an account: what the page holds of it. */
interface Mirror {
  store: AccountStore;
  /** `store.account`, or '' where the store does not name it. */
  account: string;
  /** Each entry's row as last written or read, by id: a change is what differs from it. */
  known: Map<string, string>;
  /** The write under way; the next waits for it, so that entries reach the account in order. */
  writing: Promise<void>;
  stop: () => void;
}

const mirrors = new WeakMap<Area, Mirror>();
const rowOf = (entry: LedgerEntry) => JSON.stringify(encodeEntry(entry));
/** Items per write: DynamoDB writes a batch 25 at a time (HeyPuter/puter SystemKVStore.ts, read 2026-11-29). */
const PER_WRITE = 25;

/** Writes what the outbox holds, in order, a batch at a time; stops at the first failure (tried again later). */
function flush(area: Area, mirror: Mirror): Promise<void> {
  const keys = accountKeys(area);
  const write = async () => {
    for (;;) {
      const outbox = readOutbox(area);
      const view = syncFromStorage(area);
      const batch = outbox.ids.slice(0, PER_WRITE);
      const entries = batch.flatMap((id) => view.get(id) ?? []);
      const items: { key: string; value: unknown }[] = entries.map((entry) => ({
        key: keys.entry(entry.id),
        value: encodeEntry(entry),
      }));
      if (outbox.budget) items.push({ key: keys.budget, value: area.budget ?? '' });
      // After a deletion the account holds nothing until the next write: the session's start goes with it.
      const since = outbox.since || (outbox.deleted && items.length > 0);
      if (since) items.push({ key: keys.since, value: area.since });
      if (!items.length) return writeOutbox(area, { ids: outbox.ids.slice(batch.length), deleted: outbox.deleted });
      const at = clock.now();
      await mirror.store.put(items);
      if (mergedWith(area, mirror.account)) remember(area, mirror.account, { seen: at });
      const after = readOutbox(area);
      writeOutbox(area, {
        ids: after.ids.filter((id) => !batch.includes(id)),
        budget: after.budget && !outbox.budget,
        since: after.since && !outbox.since,
        deleted: after.deleted && !since,
      });
    }
  };
  mirror.writing = mirror.writing.then(write).catch(() => {
    // the account did not answer (offline, down, refused): the outbox keeps it for the next change, load or sign-in
  });
  return mirror.writing;
}

/** After a change on this page or another tab: entries that moved on go to the outbox, then to the account. */
function onChange(area: Area, mirror: Mirror) {
  const changed: string[] = [];
  for (const entry of syncFromStorage(area).values()) {
    const row = rowOf(entry);
    if (entry.status !== 'pending' && mirror.known.get(entry.id) !== row) changed.push(entry.id);
    mirror.known.set(entry.id, row);
  }
  if (changed.length) enqueue(area, changed);
  if (changed.length || readOutbox(area).ids.length) void flush(area, mirror);
}

/** The account's entries, each checked as a stored row is; a damaged or foreign one is left out. */
function entriesOf(items: { key: string; value: unknown }[], prefix: string): LedgerEntry[] {
  return items.flatMap(({ key, value }) => {
    const entry = key.startsWith(prefix) ? decodeEntry(value) : undefined;
    return entry && key === prefix + entry.id ? [entry] : [];
  });
}

/**
 * The session as the account holds it: a start written by another device (a Reset there, or the history deleted)
 * starts the same session here, earlier or later; a Reset here not yet written is written instead.
 */
function syncSession(area: Area, held: unknown) {
  if (readOutbox(area).since) return;
  if (typeof held !== 'number' || !Number.isFinite(held)) return enqueue(area, [], 'since');
  if (held > area.since) startSession(area, held);
  else if (held < area.since) {
    // Taken by every tab as an import's is (`moved`): what settled since then is this session's on every device.
    Object.assign(area, { since: held, moved: area.moved + 1 });
    commit(area);
  }
}

/**
 * The account holds nothing of a ledger this browser merged with it before: its history was deleted there (by another
 * device's Delete, or by the user in Puter). A new session starts here where this browser last saw the account, so
 * that what it held then is not written back; what settled here since (never written, so never deleted) stays, and is
 * written with the new session's start. The budget stays on this browser.
 */
function deletedThere(area: Area, mirror: Mirror, seen: number) {
  // Settled by then (in the same millisecond too), it was written or read then.
  if (seen + 1 > area.since) startSession(area, seen + 1);
  const view = syncFromStorage(area);
  writeOutbox(area, { ids: readOutbox(area).ids.filter((id) => view.has(id)), deleted: true });
  budgetHere(area, mirror.account, true);
}

/** The budget as the account holds it: set on another device, it holds here; set here and not written, it is written. */
function syncBudget(area: Area, mirror: Mirror, held: { value: unknown } | undefined) {
  if (readOutbox(area).budget) return;
  const budget = typeof held?.value === 'string' ? parseBudget(held.value) : undefined;
  if (budget === undefined) {
    if (area.budget && !area.budgetHere) enqueue(area, [], 'budget');
    return;
  }
  budgetHere(area, mirror.account, false);
  if (budget !== area.budget) {
    area.budget = budget;
    try {
      area.storage?.setItem(budgetKey(area), budget ?? '');
    } catch {
      // storage refused it: the account's budget holds for this visit
    }
    notify(area);
  }
}

/**
 * Merges what the account holds into this browser's ledger (by entry id: `mergeHistory`, the later state wins), in
 * the session the account holds, takes a budget set on another device, then writes what the account lacks.
 */
async function sync(area: Area, mirror: Mirror): Promise<void> {
  const keys = accountKeys(area);
  const at = clock.now();
  const items = await mirror.store.list(keys.prefix);
  syncFromStorage(area);
  const before = mergedWith(area, mirror.account);
  if (before) remember(area, mirror.account, { seen: at });
  if (before && !items.length) deletedThere(area, mirror, before.seen);
  else syncSession(area, items.find((item) => item.key === keys.since)?.value);
  const theirs = entriesOf(items, keys.prefix + 'entry:').filter(
    (entry) => entry.settledAt === undefined || entry.settledAt >= area.since,
  );
  mergeHistory(area, { since: area.since, cut: 0, rows: [], entries: theirs });
  syncBudget(
    area,
    mirror,
    items.find((item) => item.key === keys.budget),
  );
  const held = new Map(theirs.map((entry) => [entry.id, rowOf(entry)]));
  const view = [...syncFromStorage(area).values()];
  const missing = view.filter((entry) => entry.status !== 'pending' && held.get(entry.id) !== rowOf(entry));
  for (const entry of view) mirror.known.set(entry.id, rowOf(entry));
  enqueue(
    area,
    missing.map((entry) => entry.id),
  );
  await flush(area, mirror);
  // Merged once the account holds all this browser had: a first upload that failed is no deletion at the next load.
  const waiting = readOutbox(area);
  if (!before && !waiting.ids.length && !waiting.budget && !waiting.since) remember(area, mirror.account, { seen: at });
}

/** What the budget or a Reset set here: written to the account through the outbox. */
const writeLater = (area: Area, mirror: Mirror) => (what: 'budget' | 'since') => {
  if (what === 'budget') budgetHere(area, mirror.account, false);
  enqueue(area, [], what);
  void flush(area, mirror);
};

/** A ledger kept in an account (`mirrorLedger`). */
export interface LedgerMirror {
  /** Merges the account's ledger into this browser's and writes what it lacks; rejects where the account is not read. */
  sync(): Promise<void>;
  /** Writes what waits in the outbox (after the account answers again). */
  flush(): Promise<void>;
  /** Stops keeping the ledger in the account (signed out); what waits stays in the outbox. */
  stop(): void;
}

/**
 * Keeps the ledger of `storageKey` (on `storage`, default `localStorage`) also in `store`, from now on: one per
 * ledger and page, a later call replacing the store (another account signed in). The budget field then says the
 * budget holds in the account (`LedgerStore.budgetHeld`).
 */
export function mirrorLedger(store: AccountStore, storageKey = 'userpays', storage?: Storage): LedgerMirror {
  const area = areaFor(storageKey, storage);
  mirrors.get(area)?.stop();
  const account = store.account ?? '';
  const mirror: Mirror = { store, account, known: new Map(), writing: Promise.resolve(), stop: () => {} };
  const listener = () => onChange(area, mirror);
  const online = () => void flush(area, mirror);
  mirror.stop = () => {
    area.listeners.delete(listener);
    removeEventListener('online', online);
    // One that another widget's sign-in replaced leaves the ledger to it.
    if (mirrors.get(area) !== mirror) return;
    mirrors.delete(area);
    area.accountWrite = undefined;
    area.budgetHere = undefined;
    notify(area);
  };
  mirrors.set(area, mirror);
  area.listeners.add(listener);
  addEventListener('online', online);
  area.accountWrite = writeLater(area, mirror);
  area.budgetHere = mergedWith(area, account)?.budgetHere;
  notify(area);
  return { sync: () => sync(area, mirror), flush: () => flush(area, mirror), stop: mirror.stop };
}

/**
 * Deletes the ledger's history (docs/ledger.md, "Deleting the history"): a new session starts here, and where the
 * ledger is kept in an account every key of it is removed there, and nothing is written back: the account holds
 * nothing of it until the next entry, written with the new session's start. Every other device that merged with the
 * account finds it empty at its next load and starts anew instead of writing its copy back. The budget stays on this
 * browser. Rejects where the account did not answer: the history is gone here, and the user may try again.
 */
export async function deleteHistory(storageKey = 'userpays', storage?: Storage): Promise<void> {
  const area = areaFor(storageKey, storage);
  const mirror = mirrors.get(area);
  area.accountWrite = undefined; // the new session's start goes with the next entry, not now
  startSession(area);
  writeOutbox(area, { ids: [] });
  if (!mirror) return;
  area.accountWrite = writeLater(area, mirror);
  await mirror.writing;
  const at = clock.now();
  await mirror.store.removeAll(accountKeys(area).prefix);
  remember(area, mirror.account, { seen: at });
  const outbox = readOutbox(area);
  writeOutbox(area, { ids: outbox.ids, deleted: true });
  budgetHere(area, mirror.account, true);
  await flush(area, mirror);
}
