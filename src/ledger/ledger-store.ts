/**
 * The spend ledger: one entry per image, persisted before any request leaves, summed into the tally. This class
 * is the API; the state it works on is shared per page (shared-area.ts). How it all holds: docs/ledger.md.
 */
import { newId } from '../base/ids.js';
import { clock } from '../base/clock.js';
import type { Charge, ProviderTask } from '../providers/provider.js';
import type { Tally } from '../base/types.js';
import { UserPaysError } from '../base/errors.js';
import { ledgerText as text } from '../strings/ledger.js';
import { formatUsd, formatUsdLeft, formatUsdRounded } from '../pricing/format.js';
import { Decimal, money, moneyIfGiven } from './amounts.js';
import { storeBudget } from './budget.js';
import { summaryOf, type DaySummary } from './compaction.js';
import {
  isUncertain,
  OPTIONAL_FIELDS,
  type LedgerEntry,
  type NewLedgerEntry,
  type Settlement,
  type UncertainEntry,
} from './entry-codec.js';
import {
  areaFor,
  commit,
  heldAmounts,
  holdLock,
  isUnsaved,
  lockName,
  lockNames,
  notify,
  startSession,
  syncFromStorage,
  withdraw,
  type Area,
} from './shared-area.js';
import { budgetOf, committedOf, summarize, sumsOf, tallyOf } from './sums.js';
import { pricesShown } from './balance-settlement.js';
import { otherLedgersEntries } from './other-ledgers.js';
import { historyOf, mergeHistory, readLedgerHistory, type LedgerHistory, type LedgerImport } from './portable.js';
import type { Sentence } from '../strings/strings.js';

export interface LedgerStoreOptions {
  /** Namespace of everything persisted; default 'userpays'. */
  storageKey?: string;
  /** Default `localStorage`. */
  storage?: Storage;
}

export class LedgerStore {
  #area: Area;
  /** Where the ledger is kept: what is kept beside it (generation durations, images) uses the same. */
  readonly storageKey: string;
  readonly storage?: Storage;

  constructor({ storageKey = 'userpays', storage }: LedgerStoreOptions = {}) {
    this.#area = areaFor(storageKey, storage);
    this.storageKey = storageKey;
    this.storage = storage;
    syncFromStorage(this.#area);
  }

  /** A storage problem in plain words for the user (damaged data set aside, storage full), else null. */
  get notice(): Sentence | null {
    return this.#area.notice;
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
    if (entry.payee) opened.payee = entry.payee;
    if (entry.editOf) opened.editOf = entry.editOf;
    holdLock(this.#area, opened.id, opened.quoted);
    syncFromStorage(this.#area);
    commit(this.#area, opened);
    return opened;
  }

  /** The request that may cost money is leaving now: from here on, the entry may have been charged. */
  markSent(id: string): void {
    this.#update(id, { sentAt: clock.now() });
  }

  /** The provider accepted the task (and maybe reported its cost): kept for resume after a reload. */
  attachTask(id: string, task: ProviderTask, charge?: Charge): void {
    this.#update(id, {
      task: { ...task },
      ...(charge && { charged: money(charge.usd), credits: moneyIfGiven(charge.credits) }),
    });
  }

  /** Settles a pending entry; settling an entry that is already settled (or unknown) changes nothing. */
  settle(id: string, outcome: Settlement): void {
    const paid = 'charged' in outcome ? outcome : undefined;
    const uncertain = 'uncertain' in outcome ? outcome.uncertain : undefined;
    const certain = 'uncertain' in outcome ? moneyIfGiven(outcome.certain) : undefined;
    syncFromStorage(this.#area); // `since` as of now, for settledAt
    this.#update(id, {
      status: paid ? 'charged' : uncertain ? 'uncertain' : 'void',
      charged: paid ? money(paid.charged) : uncertain && money(uncertain),
      credits: moneyIfGiven(paid?.credits),
      upstream: moneyIfGiven(paid?.upstream),
      basis: paid?.basis ?? ('uncertain' in outcome ? outcome.basis : undefined),
      left: moneyIfGiven(paid?.left),
      heldBefore: moneyIfGiven(paid?.heldBefore),
      certain: certain && !new Decimal(certain).isZero() ? certain : undefined,
      before: 'uncertain' in outcome ? outcome.before : undefined,
      error: outcome.error,
      // Nothing left to resume (keeps history small); an uncertain entry keeps its task to be reconciled.
      ...(uncertain ? {} : { task: undefined }),
      prompt: undefined,
      sentAt: undefined,
      settledAt: Math.max(clock.now(), this.#area.since),
    });
    this.#area.held.get(id)?.(); // releases the lock (a second call does nothing)
  }

  /** The session's entries not compacted (void and pending too), in the order recorded; the rest: `compacted()`. */
  entries(): readonly LedgerEntry[] {
    return [...syncFromStorage(this.#area).values()];
  }

  pending(): readonly LedgerEntry[] {
    return this.entries().filter((entry) => entry.status === 'pending');
  }

  /**
   * Whether every entry settled since `at` (ms) is still among `entries()`: none folded into the compacted history, and
   * no new session begun since (settling from a balance must see every image that may have moved it).
   */
  seesAllSince(at: number): boolean {
    syncFromStorage(this.#area);
    return this.#area.cut <= at && this.#area.since <= at;
  }

  /** The entries of this site's other ledgers (other storage keys) in the same storage; undefined where unreadable. */
  otherLedgersEntries(): readonly LedgerEntry[] | undefined {
    return otherLedgersEntries(this.#area.storage, this.#area.key);
  }

  /** Entries that may have been charged, not known yet. */
  uncertain(): readonly UncertainEntry[] {
    return this.entries().filter(isUncertain);
  }

  /**
   * How many of its price the balance showed the uncertain `entry` cost, where nothing else of this ledger came
   * between (`pricesShown`, balance-settlement.ts; `timesMoved`: what an error said it moved by on a shared key).
   */
  pricesShown(entry: LedgerEntry, timesMoved?: number): number | undefined {
    return pricesShown(entry, this.entries(), timesMoved);
  }

  /**
   * What an uncertain entry turned out to cost (charged) or not (void); any other entry stays as it is. What its
   * balance already showed certainly charged (`certain`) is never taken back: "not charged" books that part alone.
   */
  resolve(id: string, outcome: Exclude<Settlement, { uncertain: string }>): void {
    const current = this.entries().find((entry) => entry.id === id);
    const certain = current?.certain;
    // Its image came, at a price that was a bound (SPEC §12), and no reply said what it cost: "not charged" makes it
    // a free image, still one of the tally's images.
    const madeFree: Extract<Settlement, { charged: string }> | undefined =
      current?.basis === 'bound' && 'void' in outcome ? { charged: '0' } : undefined;
    const paid = 'charged' in outcome ? outcome : certain ? { charged: certain, basis: 'balance' as const } : madeFree;
    // Settled by a balance or by the user's word, it brought no image: a paid request without one keeps its error
    // (the tally says "1 request without an image", not "1 image"). Only an image fetched after all (resume.ts: the
    // charge reported, or the quote) counts as one.
    const imageCame = paid && (paid.basis === 'reported' || paid.basis === 'quote');
    this.#update(
      id,
      {
        status: paid ? 'charged' : 'void',
        charged: paid && money(paid.charged),
        ...(paid && { credits: moneyIfGiven(paid.credits), basis: paid.basis }),
        certain: undefined,
        before: undefined,
        error: outcome.error ?? (imageCame ? undefined : current?.error),
      },
      'uncertain',
    );
  }

  /**
   * Takes back what a balance alone booked (`heldBefore`, a charge no reply confirmed): the entry is uncertain again at
   * what it was held at, for the user to answer, as before it was booked. False, and nothing changes, where it is no
   * longer such a charge here: taken back or answered already, cleared by a reset, or folded into the history.
   */
  reopen(id: string): boolean {
    const current = this.entries().find((entry) => entry.id === id);
    if (current?.status !== 'charged' || current.heldBefore === undefined) return false;
    // Its time stays that of its booking: what was folded into the history before this reached storage stays there,
    // and is never counted again beside it (shared-area.ts, the merge of this page's own entries).
    const fields = { charged: current.heldBefore, heldBefore: undefined, basis: undefined, left: undefined };
    this.#update(id, { ...fields, status: 'uncertain', credits: undefined, reopened: 1 }, 'charged');
    return true;
  }

  /** The compacted history (rows in no particular order). */
  compacted(): DaySummary[] {
    syncFromStorage(this.#area);
    return [...this.#area.days.values()].map(summaryOf);
  }

  /** USD charged per local day number (see `dayOf`), compacted history included. */
  spentByDay(): Map<number, Decimal> {
    const byDay = new Map<number, Decimal>();
    syncFromStorage(this.#area);
    summarize(this.#area, byDay);
    return byDay;
  }

  /** The whole history as a file carries it (docs/ledger.md, "Export and import"). */
  history(): LedgerHistory {
    return historyOf(this.#area, this.compacted());
  }

  /**
   * Merges the ledger of a history file (its fields, any JSON values) by entry id: the same entry is counted once. A
   * damaged or foreign one is refused whole (`invalid-input`, portable.ts) before anything is written.
   */
  merge(file: Record<string, unknown>): LedgerImport {
    return mergeHistory(this.#area, readLedgerHistory(file));
  }

  /** Pending entries no live page works on (their lock is free): resume them, or void those never sent. */
  async orphans(): Promise<LedgerEntry[]> {
    const names = await lockNames();
    if (!names) return []; // no Web Locks: no way to tell
    const busy = new Set(names);
    return this.pending().filter((entry) => !busy.has(lockName(this.#area, entry.id)));
  }

  /** Runs `work` holding the entry's lock if no page holds it (else resolves undefined without running it). */
  claim<T>(id: string, work: () => Promise<T>): Promise<T | undefined> {
    return navigator.locks.request(lockName(this.#area, id), { ifAvailable: true }, (lock) =>
      lock ? work() : undefined,
    );
  }

  /** The budget the user set (e.g. in `<userpays-tally>`), kept per storage key; null when none. */
  get budget(): string | null {
    return this.#area.budget;
  }

  /** Sets (a USD amount) or clears (null or '') the user's budget, for every tab; subscribers hear of it. */
  set budget(value: string | null) {
    this.#area.budget = storeBudget(this.#area, value);
    // Set again by the user: a damaged one stored before is replaced (for this visit, where storage refused it).
    this.#area.budgetDamaged = false;
    if (this.#area.notice?.text === text.budgetDamaged().text) this.#area.notice = null;
    notify(this.#area);
  }

  /**
   * Where the user's budget holds: in their account where the ledger is kept there too (account-mirror.ts), but on
   * this browser after the history was deleted from the account, until the user sets it again.
   */
  get budgetHeld(): 'browser' | 'account' {
    return this.#area.accountWrite && !this.#area.budgetHere ? 'account' : 'browser';
  }

  /** True while the stored budget is not an amount: nothing may be spent until the user sets it again. */
  get budgetDamaged(): boolean {
    return !!this.#area.budgetDamaged;
  }

  /**
   * A budget an element of this page sets (its `budget` attribute, already checked to be an amount; null
   * removes it). The lowest of these and the user's own is in force for every widget and tally of the key.
   */
  setPageBudget(owner: object, budget: string | null): void {
    // Compared as stored (normalised: "1.00" is kept as "1"): a raw comparison would notify on every call,
    // and every notification re-renders the elements that call this.
    const kept = budget ? money(budget) : null;
    if (kept === (this.#area.pageBudgets.get(owner) ?? null)) return;
    if (kept) this.#area.pageBudgets.set(owner, kept);
    else this.#area.pageBudgets.delete(owner);
    notify(this.#area);
  }

  /** The budget in force: the lowest of `budget` (if given), the user's own and this page's elements'. */
  budgetInForce(budget?: string | null): string | null {
    return budgetOf(this.#area, budget)?.toFixed() ?? null;
  }

  /** The tally, with what remains of the budget in force (see `budgetInForce`). */
  tally(budget?: string | null): Tally {
    syncFromStorage(this.#area);
    return tallyOf(this.#area, budget);
  }

  /** True when spent + held + uncertain + `quote` would go past the budget in force (or it is damaged); none: false. */
  wouldExceed(quote: string, budget?: string | null): boolean {
    if (this.#area.budgetDamaged) return true;
    const limit = budgetOf(this.#area, budget);
    const amount = money(quote);
    if (!limit) return false;
    syncFromStorage(this.#area);
    return committedOf(this.#area).plus(amount).gt(limit);
  }

  /**
   * Opens the entries of one submission, persisted before this resolves, if `total` fits the budget in force;
   * else rejects with `budget-exceeded` and opens nothing. Tabs take turns (a Web Lock per key) and count
   * what every tab holds as the lock manager knows it, so that two tabs submitting at the same moment cannot
   * both pass a budget that has room for one (`localStorage` reaches other tabs a little later).
   */
  async reserve(
    entries: NewLedgerEntry[],
    total: string,
    budget?: string | null,
    /** How the amounts of its `budget-exceeded` are written (the element's locale; the browser's where undefined). */
    locale?: string,
    /** `total` is a price's bound (`Quote.atMost`): said rounded up, as the preview says it. */
    bound = false,
  ): Promise<LedgerEntry[]> {
    const area = this.#area;
    const check = async () => {
      syncFromStorage(area);
      if (area.budgetDamaged) throw new UserPaysError('budget-exceeded', text.budgetDamaged(), false);
      const limit = budgetOf(area, budget);
      if (limit) {
        const held = await heldAmounts(area);
        const view = syncFromStorage(area);
        // Pending entries this tab has not seen yet are held too, at the amount their lock names.
        let unseen = new Decimal(0);
        for (const [id, amount] of held) if (!view.has(id)) unseen = unseen.plus(amount);
        const used = committedOf(area).plus(unseen);
        const heldNow = sumsOf(area).held.plus(unseen);
        if (used.plus(money(total)).gt(limit)) {
          const left = Decimal.max(0, limit.minus(used));
          throw new UserPaysError(
            'budget-exceeded',
            // The cost as the decision row says it ("$0.0421", not "$0.042106"; a bound rounded up, "at most $0.158",
            // never "$0.157"); the budget as it was set; what is left of it, and what of the rest is held for images
            // under way, here or in another tab ("$0.014 and past $0.02" alone would read as a wrong sum), each to what
            // matters, as the tally says them (what is held rounded up: it may yet be charged).
            text.budgetExceeded(
              formatUsdRounded(money(total), locale, bound),
              formatUsd(limit, locale),
              formatUsdLeft(left, locale),
              heldNow.isZero() ? '' : formatUsdRounded(heldNow, locale, true),
            ),
            false,
          );
        }
      }
      const opened = entries.map((entry) => this.open(entry));
      // Each entry on disk before anything is sent, or nothing is: a reload (or another tab) would not know of a
      // charge that only this page's memory held, and a budget could be passed by two tabs that each see their own.
      if (opened.some((entry) => isUnsaved(area, entry.id))) {
        withdraw(
          area,
          opened.map((entry) => entry.id),
        );
        const full = area.notice?.text === text.storageFull().text;
        throw new UserPaysError('storage-unavailable', full ? text.notRecordedFull() : text.notRecordedOff(), false);
      }
      return opened;
    };
    return navigator.locks ? navigator.locks.request(area.key + ':reserve', check) : check();
  }

  /** Starts a new session now: settled entries are cleared; pending ones stay so they still settle. */
  reset(): void {
    startSession(this.#area);
  }

  /** Calls `listener` with the tally after each change here (any store of its key) or in another tab; returns stop. */
  subscribe(listener: (tally: Tally) => void): () => void {
    const fire = () => listener(tallyOf(this.#area));
    this.#area.listeners.add(fire);
    return () => this.#area.listeners.delete(fire);
  }

  /** Changes an entry that is `from` (pending, or uncertain to resolve it; fields given undefined are removed). */
  #update(id: string, fields: Partial<LedgerEntry>, from: LedgerEntry['status'] = 'pending') {
    const current = syncFromStorage(this.#area).get(id);
    if (current?.status !== from) return;
    const entry: LedgerEntry = { ...current, ...fields };
    for (const field of OPTIONAL_FIELDS) if (Object.hasOwn(fields, field) && fields[field] == null) delete entry[field];
    commit(this.#area, entry);
  }
}
