/**
 * The spend ledger: one entry per image, kept in `localStorage` under `${storageKey}:ledger` as
 * `{v:1, since, entries:[row…]}`; a row is `[id, at, provider, model, width, height, quoted, status (index),
 * settledAt?, charged?, credits?, error?, task?]` with trailing empty columns left out. The tally is derived from it.
 *
 * Concurrency (several widgets, several tabs):
 * - Every change is a synchronous read-modify-write: re-read the stored value, merge, apply the change
 *   to one entry, write back. Inside one page `localStorage` is synchronous, so `open()` is persisted
 *   before it returns (and before any request leaves) and nothing written by another store on this
 *   page is overwritten. It cannot wait for a Web Lock, which is asynchronous.
 * - Merging is by entry id with a deterministic "later state wins" rule (`join`: settled beats pending,
 *   the first settlement beats a later one), so applying the same entry twice is a no-op and a charge
 *   is never counted twice. `reset()` moves `since` forward (the later `since` always wins) and hides
 *   entries settled before it, so a reset also merges.
 * - Tabs in other processes see writes with a delay and may overwrite a fresh write with a stale
 *   document. Each page therefore remembers the entries it changed (`own`) and merges them into
 *   every value it reads: on each change, on every `storage` event and once more inside a Web Lock
 *   (`navigator.locks`, serialised across tabs) after each write. If a page reads a value that is
 *   missing its entries, it writes the merge back. Lost updates heal; none is double counted.
 * - Stores with the same key and storage on one page share one state, so they see each other's
 *   changes at once and their subscribers all fire (storage events do not fire in the writing page).
 *
 * Money is `Decimal` inside and an exact decimal string in entries, storage and the `Tally`.
 * Budget: `remaining = budget − spent − held`, where `held` is what pending entries will cost
 * (the provider's reported charge once known, else the quote). `remaining` is never below '0';
 * `wouldExceed` uses the exact figures, and a quote that lands exactly on the budget is allowed.
 */
import Decimal from 'decimal.js';
import { UserPaysError } from '../errors.js';
import type { Charge, ProviderTask } from '../providers/provider.js';
import type { Tally } from '../types.js';

export type EntryStatus = 'pending' | 'charged' | 'void';

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
  settledAt?: number;
  /** Error code when the generation failed (the entry may still be charged). */
  error?: string;
}

export interface NewLedgerEntry {
  provider: string;
  model: string;
  width: number;
  height: number;
  quoted: string;
}

export type Settlement = { charged: string; credits?: string; error?: string } | { void: true; error?: string };

export interface LedgerStoreOptions {
  /** Namespace of everything persisted; default 'userpays'. */
  storageKey?: string;
  /** Default `localStorage`. */
  storage?: Storage;
}

const DAMAGED = 'Your saved spending history was damaged; the readable part was kept.';
const FULL = 'Storage is full: spending is tracked for this visit only.';
const OFF = 'This browser does not let the page save data: spending is tracked for this visit only.';

const STATUS: EntryStatus[] = ['pending', 'charged', 'void'];
const AMOUNT = /^(\d+\.?\d*|\.\d+)$/;

/** What all stores of one key on one storage share on this page. */
interface Area {
  storage?: Storage;
  key: string;
  /** The stored value `view` was built from; undefined before the first read. */
  raw?: string | null;
  /** Visible entries by id: stored ⊔ own, without those a reset cleared. */
  view: Map<string, LedgerEntry>;
  /** Session start, ms; only ever moves forward. */
  since: number;
  /** Entries this page changed: merged into every read until a reset clears them. */
  own: Map<string, LedgerEntry>;
  notice: string | null;
  subs: Set<() => void>;
  sum?: Sum;
}

interface Sum {
  spent: Decimal;
  held: Decimal;
  images: number;
  byModel: Map<string, { spent: Decimal; images: number }>;
}

const areas = new WeakMap<object, Map<string, Area>>();

const str = (x: unknown): x is string => typeof x == 'string';
const num = (x: unknown): x is number => Number.isFinite(x);
const amount = (x: unknown) => str(x) && AMOUNT.test(x);
const opt = (x: unknown, ok: (x: any) => boolean) => x == null || ok(x);
const dec = (x?: string | null) => (amount((x = x?.trim())) ? new Decimal(x!) : undefined);

function money(x: string): string {
  const d = dec(x);
  if (!d) throw new UserPaysError('invalid-input', `"${x}" is not an amount of money.`);
  return d.toFixed();
}

const maybe = (x?: string) => (x ? money(x) : undefined);

const uuid = () =>
  crypto.randomUUID?.() ?? // missing outside secure contexts
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('');

const visible = (e: LedgerEntry, since: number) => e.status == 'pending' || e.settledAt! >= since;

function encode(e: LedgerEntry): unknown[] {
  const row = [e.id, e.at, e.provider, e.model, e.width, e.height, e.quoted, STATUS.indexOf(e.status), e.settledAt, e.charged, e.credits, e.error, e.task];
  while (row[row.length - 1] == null) row.length--;
  return row;
}

function decode(r: any): LedgerEntry | undefined {
  if (!Array.isArray(r)) return;
  const e = { id: r[0], at: r[1], provider: r[2], model: r[3], width: r[4], height: r[5], quoted: r[6], status: STATUS[r[7]] } as LedgerEntry;
  if (r[8] != null) e.settledAt = r[8];
  if (r[9] != null) e.charged = r[9];
  if (r[10] != null) e.credits = r[10];
  if (r[11] != null) e.error = r[11];
  if (r[12] != null) e.task = r[12];
  return str(e.id) && e.id && num(e.at) && str(e.provider) && str(e.model) && num(e.width) && num(e.height) &&
    amount(e.quoted) && STATUS.includes(e.status) && (e.status == 'pending' || num(e.settledAt)) &&
    (e.status != 'charged' || e.charged) && opt(e.settledAt, num) && opt(e.charged, amount) && opt(e.credits, amount) &&
    opt(e.error, str) && opt(e.task, (t) => str(t.provider) && str(t.id))
    ? e
    : undefined;
}

/** Compares two states of one entry: > 0 when `a` is the later one. Total, so merging converges. */
function order(a: LedgerEntry, b: LedgerEntry): number {
  const settled = +(a.status != 'pending') - +(b.status != 'pending');
  if (settled) return settled;
  const by = a.status == 'pending' ? +!!a.task - +!!b.task : b.settledAt! - a.settledAt!;
  if (by) return by;
  const x = JSON.stringify(encode(a)), y = JSON.stringify(encode(b));
  return x > y ? 1 : x < y ? -1 : 0;
}

const join = (a: LedgerEntry | undefined, b: LedgerEntry) => (!a || order(b, a) > 0 ? b : a);

/** Brings `area.view` up to date with storage; writes back when storage lacks this page's changes. */
function read(a: Area): Map<string, LedgerEntry> {
  let raw: string | null = null;
  try {
    raw = a.storage?.getItem(a.key) ?? null;
  } catch {
    // unreadable: like empty; this page's own entries are kept
  }
  if (raw === a.raw) return a.view;
  let doc: any;
  try {
    doc = JSON.parse(raw!);
  } catch {
    // damaged: quarantined below
  }
  const v1 = doc?.v === 1 && Array.isArray(doc.entries);
  const stored: number | undefined = v1 && num(doc.since) ? doc.since : undefined;
  let bad = raw != null && stored === undefined;
  let since = Math.max(a.since, stored ?? 0);
  const view = new Map<string, LedgerEntry>();
  for (const row of v1 ? doc.entries : []) {
    const e = decode(row);
    if (!e) bad = true;
    else if (!since || visible(e, since)) view.set(e.id, join(view.get(e.id), e));
  }
  if (!since) {
    // No session start anywhere (a damaged value): the session starts with its oldest entry.
    since = Date.now();
    for (const e of view.values()) since = Math.min(since, e.at);
  }
  let dirty = bad || since !== stored;
  for (const o of a.own.values()) {
    const cur = view.get(o.id);
    if (!visible(o, since)) a.own.delete(o.id);
    else if (join(cur, o) !== cur) (dirty = true), view.set(o.id, o);
  }
  if (bad) {
    try {
      a.storage!.setItem(`${a.key}:quarantine:${Date.now()}`, raw!);
    } catch {
      // no room to set it aside: the readable part is still kept
    }
    a.notice = DAMAGED;
  }
  Object.assign(a, { raw, view, since, sum: undefined });
  if (dirty) write(a);
  return view;
}

function write(a: Area) {
  const json = JSON.stringify({ v: 1, since: a.since, entries: Array.from(a.view.values(), encode) });
  try {
    a.storage!.setItem(a.key, json);
    a.raw = json;
    if (a.notice == FULL) a.notice = null;
  } catch (e) {
    a.notice = (e as Error).name == 'QuotaExceededError' ? FULL : OFF;
  }
}

function notify(a: Area) {
  for (const fire of a.subs) {
    try {
      fire();
    } catch (e) {
      reportError(e);
    }
  }
}

/** Re-reads after a write elsewhere (or a lost one here) and tells subscribers if anything changed. */
function refresh(a: Area) {
  const before = a.raw;
  read(a);
  if (a.raw !== before) notify(a);
}

/** Persists a change made to `a.view` (after a fresh `read`), then tells every subscriber. */
function commit(a: Area, e?: LedgerEntry) {
  if (e) a.own.set(e.id, Object.freeze(e)), a.view.set(e.id, e);
  a.sum = undefined;
  write(a);
  notify(a);
  navigator.locks?.request(a.key, () => refresh(a)).catch(() => {});
}

function summarize(view: Map<string, LedgerEntry>): Sum {
  const held = new Map<string, number>();
  const spent = new Map<string, Map<string, number>>();
  const images = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of view.values()) {
    if (e.status == 'pending') bump(held, e.charged ?? e.quoted);
    else if (e.status == 'charged') {
      spent.get(e.model) ?? spent.set(e.model, new Map());
      bump(spent.get(e.model)!, e.charged!);
      if (!e.error) bump(images, e.model);
    }
  }
  // Identical amounts are counted, then multiplied: exact, and fast on long histories.
  const total = (m: Map<string, number>) =>
    Array.from(m).reduce((s, [v, n]) => s.plus(new Decimal(v).times(n)), new Decimal(0));
  const sum: Sum = { spent: new Decimal(0), held: total(held), images: 0, byModel: new Map() };
  for (const [model, m] of spent) {
    const split = { spent: total(m), images: images.get(model) ?? 0 };
    sum.byModel.set(model, split);
    sum.spent = sum.spent.plus(split.spent);
    sum.images += split.images;
  }
  return sum;
}

function tallyOf(a: Area, budget?: string | null): Tally {
  const s = (a.sum ??= summarize(a.view));
  const byModel: Tally['byModel'] = {};
  for (const [model, split] of s.byModel) byModel[model] = { spent: split.spent.toFixed(), images: split.images };
  const tally: Tally = { spent: s.spent.toFixed(), images: s.images, since: new Date(a.since).toISOString(), byModel };
  const b = dec(budget);
  if (b) {
    tally.budget = b.toFixed();
    tally.remaining = Decimal.max(0, b.minus(s.spent).minus(s.held)).toFixed();
  }
  return tally;
}

export class LedgerStore {
  private a: Area;

  constructor({ storageKey = 'userpays', storage }: LedgerStoreOptions = {}) {
    let notice: string | null = null;
    try {
      storage ??= localStorage;
    } catch {
      notice = OFF;
    }
    const scope = storage ?? areas;
    const byKey = areas.get(scope) ?? new Map<string, Area>();
    areas.set(scope, byKey);
    const key = `${storageKey}:ledger`;
    let a = byKey.get(key);
    if (!a) {
      byKey.set(key, (a = { storage, key, view: new Map(), since: 0, own: new Map(), notice, subs: new Set() }));
      const area = a;
      addEventListener('storage', (e) => (e.key === key || e.key === null) && refresh(area));
    }
    read((this.a = a));
  }

  /** A storage problem in plain words for the user (damaged data set aside, storage full), else null. */
  get notice(): string | null {
    return this.a.notice;
  }

  /** Opens a pending entry and persists it before returning: call it before sending any request. */
  open(entry: NewLedgerEntry): LedgerEntry {
    const { provider, model, width, height } = entry;
    const e: LedgerEntry = { id: uuid(), at: Date.now(), provider, model, width, height, quoted: money(entry.quoted), status: 'pending' };
    read(this.a);
    commit(this.a, e);
    return e;
  }

  /** The provider accepted the task (and maybe reported its cost): kept for resume after a reload. */
  attachTask(id: string, task: ProviderTask, charge?: Charge): void {
    this.update(id, { task: { ...task }, ...(charge && { charged: money(charge.usd), credits: maybe(charge.credits) }) });
  }

  /** Settles a pending entry; settling an entry that is already settled (or unknown) changes nothing. */
  settle(id: string, outcome: Settlement): void {
    const paid = 'void' in outcome ? undefined : outcome;
    read(this.a); // `since` as of now, for settledAt
    this.update(id, {
      status: paid ? 'charged' : 'void',
      charged: paid && money(paid.charged),
      credits: maybe(paid?.credits),
      error: outcome.error,
      task: undefined, // nothing left to resume: keeps history small
      settledAt: Math.max(Date.now(), this.a.since),
    });
  }

  /** Every entry of the session (void and pending ones included), in the order they were recorded. */
  entries(): readonly LedgerEntry[] {
    return [...read(this.a).values()];
  }

  pending(): readonly LedgerEntry[] {
    return this.entries().filter((e) => e.status == 'pending');
  }

  tally(budget?: string | null): Tally {
    read(this.a);
    return tallyOf(this.a, budget);
  }

  /** True when spent + pending + `quote` would go past `budget`; no (or no valid) budget: false. */
  wouldExceed(quote: string, budget?: string | null): boolean {
    const b = dec(budget);
    const q = money(quote);
    if (!b) return false;
    read(this.a);
    const s = (this.a.sum ??= summarize(this.a.view));
    return s.spent.plus(s.held).plus(q).gt(b);
  }

  /** Starts a new session now: settled entries are cleared; pending ones stay so they still settle. */
  reset(): void {
    const a = this.a;
    read(a);
    a.since = Date.now() + 1; // after every settlement so far, also one made in this millisecond
    for (const e of a.view.values()) if (!visible(e, a.since)) a.view.delete(e.id);
    for (const e of a.own.values()) if (!visible(e, a.since)) a.own.delete(e.id);
    commit(a);
  }

  /**
   * Calls `listener` with the new tally after every change made on this page (by any store with the
   * same key) or in another tab. Returns the function that stops it.
   */
  subscribe(listener: (tally: Tally) => void, budget?: () => string | null | undefined): () => void {
    const fire = () => listener(tallyOf(this.a, budget?.()));
    this.a.subs.add(fire);
    return () => this.a.subs.delete(fire);
  }

  private update(id: string, fields: Partial<LedgerEntry>) {
    const cur = read(this.a).get(id);
    if (cur?.status != 'pending') return;
    const e: any = { ...cur };
    for (const [k, v] of Object.entries(fields)) v == null ? delete e[k] : (e[k] = v);
    commit(this.a, e);
  }
}
