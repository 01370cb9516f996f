/**
 * The ledger kept also in the user's own account, where the account has a key-value store (Puter's; docs/ledger.md,
 * "In the user's account"): every entry under a key of its own id, so that two devices never write over each other and
 * a write repeated after a lost reply changes nothing; merged into this browser's ledger by entry id on load and on
 * sign-in; written in order from an outbox kept beside the ledger while the account does not answer. The budget is
 * kept there too. The account is reached through `AccountStore` alone: the ledger knows nothing of any provider.
 */
import { isRecord } from '../base/checks.js';
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
}

/** What the account holds of a ledger: its keys, all under `${storageKey}:ledger:` (docs/ledger.md). */
export const accountKeys = (area: { key: string }) => ({
  prefix: area.key + ':',
  entry: (id: string) => `${area.key}:entry:${id}`,
  budget: budgetKey(area),
  /** When the session began (ms): a Reset, or deleting the history, on any device starts a new one on every device. */
  since: `${area.key}:since`,
});

/** Entries to write to the account, by id in the order they changed, and whether the budget and session start are. */
interface Outbox {
  ids: string[];
  budget?: boolean;
  since?: boolean;
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
    };
  } catch {
    return { ids: [] };
  }
}

function writeOutbox(area: Area, outbox: Outbox) {
  try {
    if (!outbox.ids.length && !outbox.budget && !outbox.since) area.storage?.removeItem(outboxKey(area));
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

/** A ledger kept in an account: what the page holds of it. */
interface Mirror {
  store: AccountStore;
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
      if (outbox.since) items.push({ key: keys.since, value: area.since });
      if (!items.length) return writeOutbox(area, { ids: outbox.ids.slice(batch.length) });
      await mirror.store.put(items);
      const after = readOutbox(area);
      writeOutbox(area, {
        ids: after.ids.filter((id) => !batch.includes(id)),
        budget: after.budget && !outbox.budget,
        since: after.since && !outbox.since,
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

/** The budget as the account holds it: set on another device, it holds here; set here and not written, it is written. */
function syncBudget(area: Area, held: { value: unknown } | undefined) {
  if (readOutbox(area).budget) return;
  const budget = typeof held?.value === 'string' ? parseBudget(held.value) : undefined;
  if (budget === undefined) {
    if (area.budget) enqueue(area, [], 'budget');
  } else if (budget !== area.budget) {
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
  const items = await mirror.store.list(keys.prefix);
  syncFromStorage(area);
  syncSession(area, items.find((item) => item.key === keys.since)?.value);
  const theirs = entriesOf(items, keys.prefix + 'entry:').filter(
    (entry) => entry.settledAt === undefined || entry.settledAt >= area.since,
  );
  mergeHistory(area, { since: area.since, cut: 0, rows: [], entries: theirs });
  syncBudget(
    area,
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
}

/** What the budget or a Reset set here: written to the account through the outbox. */
const writeLater = (area: Area, mirror: Mirror) => (what: 'budget' | 'since') => {
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
  const mirror: Mirror = { store, known: new Map(), writing: Promise.resolve(), stop: () => {} };
  const listener = () => onChange(area, mirror);
  const online = () => void flush(area, mirror);
  mirror.stop = () => {
    area.listeners.delete(listener);
    removeEventListener('online', online);
    // One that another widget's sign-in replaced leaves the ledger to it.
    if (mirrors.get(area) !== mirror) return;
    mirrors.delete(area);
    area.accountWrite = undefined;
    notify(area);
  };
  mirrors.set(area, mirror);
  area.listeners.add(listener);
  addEventListener('online', online);
  area.accountWrite = writeLater(area, mirror);
  notify(area);
  return { sync: () => sync(area, mirror), flush: () => flush(area, mirror), stop: mirror.stop };
}

/**
 * Deletes the ledger's history (docs/ledger.md, "Deleting the history"): a new session starts here, and where the
 * ledger is kept in an account every key of it is removed there; then the new session's start (and the budget, a
 * setting rather than history) is written back, so that every other device starts the same session at its next load
 * instead of writing its copy back. Rejects where the account did not answer: the history is gone here, and the user
 * may try again.
 */
export async function deleteHistory(storageKey = 'userpays', storage?: Storage): Promise<void> {
  const area = areaFor(storageKey, storage);
  const mirror = mirrors.get(area);
  area.accountWrite = undefined; // written below, after everything is removed
  startSession(area);
  writeOutbox(area, { ids: [] });
  if (!mirror) return;
  area.accountWrite = writeLater(area, mirror);
  await mirror.writing;
  const keys = accountKeys(area);
  await mirror.store.removeAll(keys.prefix);
  enqueue(area, [], 'since');
  if (area.budget) enqueue(area, [], 'budget');
  await flush(area, mirror);
}
