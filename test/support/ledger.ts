import { LedgerStore, type LedgerEntry } from '../../src/ledger/ledger.js';
import { uniqueStorageKey } from './sim.js';

/** A `Storage` kept in a Map: a separate "page" or "tab" for the ledger, which keys its state by storage object. */
export class MemoryStorage implements Storage {
  [name: string]: any;
  constructor(public map = new Map<string, string>()) {}
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

/**
 * A tab in another process: it reads its own copy of the origin's storage, which catches up with
 * the shared one only when `receive()` is called (the propagation arriving); writes go to both.
 */
export class TabStorage extends MemoryStorage {
  constructor(public shared: Map<string, string>) {
    super(new Map(shared));
  }
  override setItem(key: string, value: string) {
    super.setItem(key, value);
    this.shared.set(key, String(value));
  }
  receive() {
    this.map = new Map(this.shared);
  }
}

/** A storage that refuses writes while `full` is set, as a browser does when the quota is used up. */
export class FullStorage extends MemoryStorage {
  full = true;
  override setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

/** The same data in a new storage object: what a reload (or another page) reads. */
export const reloaded = (storage: MemoryStorage) => new MemoryStorage(new Map(storage.map));

export const image = { provider: 'bfl', model: 'flux-2-pro', width: 1024, height: 1024 };

/**
 * Leaves entries under `storageKey` in localStorage as a page that is gone would have: made by a store of another
 * key on a storage of its own, then copied, so no page holds their Web Locks (orphans). Returns those still pending.
 */
export function leftBehind(storageKey: string, make: (ledger: LedgerStore) => void): LedgerEntry[] {
  const storage = new MemoryStorage();
  const ledger = new LedgerStore({ storageKey: uniqueStorageKey(), storage });
  make(ledger);
  localStorage.setItem(`${storageKey}:ledger`, storage.getItem(`${ledger.storageKey}:ledger`)!);
  return ledger.pending() as LedgerEntry[];
}

/** Tells this page's ledgers that `key` changed in storage, as the browser does when another tab writes it. */
export const storageEvent = (key: string | null) => window.dispatchEvent(new StorageEvent('storage', { key }));

/**
 * Tabs of one origin sharing its storage under one storage key, each in a process of its own (a TabStorage: its own
 * copy, which catches up only when it hears of a write). `open()` gives a tab and the ledger it runs; `hear(...tabs)`
 * delivers the others' writes to each tab in turn, as the browser's storage event does; `stored()` is the ledger
 * document as the origin holds it; `reloaded(tab)` a ledger reading what `tab` stored, as a reload of it would.
 */
export function oneOrigin() {
  const shared = new Map<string, string>();
  const storageKey = uniqueStorageKey();
  const ledgerKey = `${storageKey}:ledger`;
  return {
    shared,
    storageKey,
    ledgerKey,
    open<T extends TabStorage>(tab: T = new TabStorage(shared) as T) {
      return { tab, ledger: new LedgerStore({ storageKey, storage: tab }) };
    },
    hear(...tabs: TabStorage[]) {
      for (const tab of tabs) {
        tab.receive();
        storageEvent(ledgerKey);
      }
    },
    stored: () => JSON.parse(shared.get(ledgerKey)!),
    reloaded: (tab: MemoryStorage) => new LedgerStore({ storageKey, storage: reloaded(tab) }),
  };
}
