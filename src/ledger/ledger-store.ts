/**
 * The spend ledger: one entry per image, persisted before any request leaves, summed into the tally. This class
 * is the API; the state it works on is shared per page (shared-area.ts). How it all holds: docs/ledger.md.
 */
import type Decimal from 'decimal.js';
import { clock } from '../clock.js';
import type { Charge, ProviderTask } from '../providers/provider.js';
import type { Tally } from '../types.js';
import { decimalOf, money, moneyIfGiven } from './amounts.js';
import { storeBudget } from './budget.js';
import { summaryOf, type DaySummary } from './compaction.js';
import type { LedgerEntry, NewLedgerEntry, Settlement } from './entry-codec.js';
import {
  areaFor,
  commit,
  holdLock,
  lockName,
  notify,
  startSession,
  syncFromStorage,
  type Area,
} from './shared-area.js';
import { summarize, sumsOf, tallyOf } from './sums.js';

export interface LedgerStoreOptions {
  /** Namespace of everything persisted; default 'userpays'. */
  storageKey?: string;
  /** Default `localStorage`. */
  storage?: Storage;
}

const newId = () =>
  crypto.randomUUID?.() ?? // missing outside secure contexts
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');

export class LedgerStore {
  private area: Area;

  constructor({ storageKey = 'userpays', storage }: LedgerStoreOptions = {}) {
    this.area = areaFor(storageKey, storage);
    syncFromStorage(this.area);
  }

  /** A storage problem in plain words for the user (damaged data set aside, storage full), else null. */
  get notice(): string | null {
    return this.area.notice;
  }

  /**
   * Opens a pending entry and persists it before returning: call it before sending any request.
   * Holds the entry's Web Lock (requested before the entry is written) until it is settled.
   */
  open(entry: NewLedgerEntry): LedgerEntry {
    const { provider, model, width, height, prompt } = entry;
    const opened: LedgerEntry = {
      id: newId(),
      at: clock.now(),
      provider,
      model,
      width,
      height,
      quoted: money(entry.quoted),
      status: 'pending',
    };
    if (prompt) opened.prompt = prompt;
    holdLock(this.area, opened.id);
    syncFromStorage(this.area);
    commit(this.area, opened);
    return opened;
  }

  /** The provider accepted the task (and maybe reported its cost): kept for resume after a reload. */
  attachTask(id: string, task: ProviderTask, charge?: Charge): void {
    this.update(id, {
      task: { ...task },
      ...(charge && { charged: money(charge.usd), credits: moneyIfGiven(charge.credits) }),
    });
  }

  /** Settles a pending entry; settling an entry that is already settled (or unknown) changes nothing. */
  settle(id: string, outcome: Settlement): void {
    const paid = 'void' in outcome ? undefined : outcome;
    syncFromStorage(this.area); // `since` as of now, for settledAt
    this.update(id, {
      status: paid ? 'charged' : 'void',
      charged: paid && money(paid.charged),
      credits: moneyIfGiven(paid?.credits),
      error: outcome.error,
      task: undefined, // nothing left to resume: keeps history small
      prompt: undefined,
      settledAt: Math.max(clock.now(), this.area.since),
    });
    this.area.held.get(id)?.(); // releases the lock (a second call does nothing)
  }

  /**
   * Every entry of the session not yet compacted (void and pending ones included), in the order they
   * were recorded; what was compacted is in `compacted()`.
   */
  entries(): readonly LedgerEntry[] {
    return [...syncFromStorage(this.area).values()];
  }

  pending(): readonly LedgerEntry[] {
    return this.entries().filter((entry) => entry.status === 'pending');
  }

  /** The compacted history (rows in no particular order). */
  compacted(): DaySummary[] {
    syncFromStorage(this.area);
    return [...this.area.days.values()].map(summaryOf);
  }

  /** USD charged per local day number (see `dayOf`), compacted history included. */
  spentByDay(): Map<number, Decimal> {
    const byDay = new Map<number, Decimal>();
    syncFromStorage(this.area);
    summarize(this.area, byDay);
    return byDay;
  }

  /** Pending entries no live page works on (their lock is free): resume them, or void those never sent. */
  async orphans(): Promise<LedgerEntry[]> {
    const locks = await navigator.locks?.query();
    if (!locks) return []; // no Web Locks: no way to tell
    const busy = new Set([...locks.held!, ...locks.pending!].map((lock) => lock.name));
    return this.pending().filter((entry) => !busy.has(lockName(this.area, entry.id)));
  }

  /** Runs `work` holding the entry's lock if no page holds it (else resolves undefined without running it). */
  claim<T>(id: string, work: () => Promise<T>): Promise<T | undefined> {
    return navigator.locks.request(lockName(this.area, id), { ifAvailable: true }, (lock) =>
      lock ? work() : undefined,
    );
  }

  /** The budget the user set (e.g. in `<userpays-tally>`), kept per storage key; null when none. */
  get budget(): string | null {
    return this.area.budget;
  }

  /** Sets (a USD amount) or clears (null or '') the user's budget, for every tab; subscribers hear of it. */
  set budget(value: string | null) {
    this.area.budget = storeBudget(this.area, value);
    notify(this.area);
  }

  /** The tally; without a `budget` (null or undefined) the user's own budget, if set, applies. */
  tally(budget?: string | null): Tally {
    syncFromStorage(this.area);
    return tallyOf(this.area, budget);
  }

  /** True when spent + pending + `quote` would go past the budget (as for `tally`); no valid budget: false. */
  wouldExceed(quote: string, budget?: string | null): boolean {
    const limit = decimalOf(budget ?? this.area.budget);
    const amount = money(quote);
    if (!limit) return false;
    syncFromStorage(this.area);
    const sums = sumsOf(this.area);
    return sums.spent.plus(sums.held).plus(amount).gt(limit);
  }

  /** Starts a new session now: settled entries are cleared; pending ones stay so they still settle. */
  reset(): void {
    startSession(this.area);
  }

  /**
   * Calls `listener` with the new tally after every change made on this page (by any store with the
   * same key) or in another tab. Returns the function that stops it.
   */
  subscribe(listener: (tally: Tally) => void, budget?: () => string | null | undefined): () => void {
    const fire = () => listener(tallyOf(this.area, budget?.()));
    this.area.listeners.add(fire);
    return () => this.area.listeners.delete(fire);
  }

  /** Changes a pending entry (fields given as undefined are removed); settled or unknown ones stay as they are. */
  private update(id: string, fields: Partial<LedgerEntry>) {
    const current = syncFromStorage(this.area).get(id);
    if (current?.status !== 'pending') return;
    const entry: Partial<LedgerEntry> = { ...current, ...fields };
    for (const field of Object.keys(fields) as (keyof LedgerEntry)[]) if (fields[field] == null) delete entry[field];
    commit(this.area, entry as LedgerEntry);
  }
}
