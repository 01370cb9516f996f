/**
 * The spend ledger: one entry per image, kept in `localStorage` under `${storageKey}:ledger` as
 * `{v:2, since, cut, days:[[day, model, spent, images, count]…], entries:[row…]}`; a row is `[id, at, provider,
 * model, width, height, quoted, status (index), settledAt?, charged?, credits?, error?, task?, prompt?]` with
 * trailing empty columns left out. The tally is derived from it. v1 documents (no `cut`, no `days`) are migrated
 * on first read; any other version is set aside like damaged data, keeping the entries that read as v2.
 *
 * Bounded growth (compaction): once more than 250 entries are stored, settled entries older than both the
 * 200 newest and one hour (`GRACE`) are folded into per-day, per-model aggregates (`days`: local day number,
 * model, USD spent, images, charged entries) and dropped; rows older than 60 days merge into one per month
 * (dated its 1st), so what is stored grows with months of use, not with entries. `cut` records that every
 * entry settled before it is in `days`. Void entries fold into nothing. The tally and the spend per day are computed over `days` plus the
 * entries, so compaction never changes them. Each stored document is self-consistent (entries ⊔ days = the
 * history), so a tab that writes an older, less compacted document loses no money either. Merging this page's
 * own changes into a stored document: an own entry settled before that document's `cut` is already in its
 * `days` and is dropped; unless this page never managed to store it (storage full), then nobody else can have
 * it and it is folded in. This holds as long as no tab works from a view of storage more than `GRACE` old.
 *
 * Orphans: `open()` requests a Web Lock named `${storageKey}:ledger:${id}` before it writes the entry and
 * holds it until `settle()`, so the lock is free exactly when the page that opened the entry is gone (closed,
 * reloaded, crashed). `orphans()` lists the pending entries whose lock is neither held nor requested; `claim()`
 * runs a resume under that lock (see generation/resume.ts).
 *
 * Budget set by the user (`<userpays-tally>`): `budget`, kept under `${storageKey}:ledger:budget`; `tally()` and
 * `wouldExceed()` use it whenever they are given no budget (null or undefined).
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
  /** The prompt, kept while pending so a resumed image is stored with it; dropped when settled. */
  prompt?: string;
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
  /** Kept while the entry is pending (for resume after a reload). */
  prompt?: string;
}

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
const FIELDS = [
  'id',
  'at',
  'provider',
  'model',
  'width',
  'height',
  'quoted',
  'status',
  'settledAt',
  'charged',
  'credits',
  'error',
  'task',
  'prompt',
] as const;
/** Compaction: past MAX stored entries, keep the KEEP newest settled ones and anything settled in the last GRACE ms. */
const MAX = 250;
const KEEP = 200;
const GRACE = 36e5;

/** `[local day number, model, USD spent, images, charged entries]` */
type Day = [number, string, string, number, number];

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
  /** Own entries changed since the last successful write. */
  unsaved: Set<string>;
  /** Compacted history by `${day} ${model}`, and the time before which every settled entry is in it. */
  days: Map<string, Day>;
  cut: number;
  /** Releases the Web Lock of each entry this page opened, until it settles. */
  held: Map<string, () => void>;
  /** The budget the user set in the tally (`${key}:budget`); set by `readBudget` on creation. */
  budget?: string | null;
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
  const row: unknown[] = FIELDS.map((k) => (k == 'status' ? STATUS.indexOf(e.status) : e[k]));
  while (row[row.length - 1] == null) row.length--;
  return row;
}

/** The type of each column of a row (the status is checked by its index); the first 8 are required. */
const CHECKS: (((x: any) => boolean) | 0)[] = [
  str,
  num,
  str,
  str,
  num,
  num,
  amount,
  0,
  num,
  amount,
  amount,
  str,
  (t) => str(t.provider) && str(t.id),
  str,
];

function decode(r: any): LedgerEntry | undefined {
  if (!Array.isArray(r)) return;
  const e: any = {};
  FIELDS.forEach((k, i) => r[i] != null && (e[k] = r[i]));
  e.status = STATUS[r[7]];
  return CHECKS.every((ok, i) => (r[i] == null ? i > 7 : !ok || ok(r[i]))) &&
    e.id &&
    e.status &&
    (e.status == 'pending' || e.settledAt) &&
    (e.status != 'charged' || e.charged)
    ? e
    : undefined;
}

/** Local day number (days since 1970-01-01 in this time zone) of a time. */
export const dayOf = (t: number) => Math.floor((t - new Date(t).getTimezoneOffset() * 6e4) / 864e5);

/** Where a day's compacted row goes: its own day for 60 days, then its month (dated the 1st). */
const bucket = (d: number) => (d < dayOf(Date.now()) - 60 ? d - new Date(d * 864e5).getUTCDate() + 1 : d);

/** Adds to the compacted row of a day (see `bucket`) and model. */
function add(days: Map<string, Day>, d: number, model: string, usd: string, images: number, count: number) {
  const k = (d = bucket(d)) + ' ' + model;
  const o = days.get(k);
  days.set(k, [d, model, new Decimal(o?.[2] ?? 0).plus(usd).toFixed(), (o?.[3] ?? 0) + images, (o?.[4] ?? 0) + count]);
}

/** Adds a settled entry to the compacted history (a void one adds nothing). */
const fold = (days: Map<string, Day>, e: LedgerEntry) =>
  e.status == 'charged' && add(days, dayOf(e.settledAt!), e.model, e.charged!, +!e.error, 1);

/** Compacts `a` when it holds more than MAX entries; true if anything changed. */
function compact(a: Area): boolean {
  const { view, days } = a;
  if (view.size <= MAX) return false;
  const times = [...view.values()]
    .map((e) => e.settledAt!)
    .filter(num)
    .sort((x, y) => y - x);
  const cut = Math.min(Date.now() - GRACE, times[KEEP - 1] ?? 0);
  if (cut <= a.cut) return false;
  for (const e of view.values()) if (e.settledAt! < cut) (fold(days, e), view.delete(e.id));
  for (const [k, r] of days) if (bucket(r[0]) != r[0]) (days.delete(k), add(days, ...r)); // days past 60 join their month
  a.cut = cut;
  return true;
}

/** A value stored beside the ledger, or null when it cannot be read. */
function get(a: Area, key: string): string | null {
  try {
    return a.storage?.getItem(key) ?? null;
  } catch {
    return null; // unreadable: like empty
  }
}

const readBudget = (a: Area) => (a.budget = dec(get(a, a.key + ':budget'))?.toFixed() ?? null);

/** The name of the Web Lock an entry's page holds while it works on it. */
const lockOf = (a: Area, id: string) => a.key + ':' + id;

/** Compares two states of one entry: > 0 when `a` is the later one. Total, so merging converges. */
function order(a: LedgerEntry, b: LedgerEntry): number {
  const settled = +(a.status != 'pending') - +(b.status != 'pending');
  if (settled) return settled;
  const by = a.status == 'pending' ? +!!a.task - +!!b.task : b.settledAt! - a.settledAt!;
  if (by) return by;
  const x = JSON.stringify(encode(a)),
    y = JSON.stringify(encode(b));
  return x > y ? 1 : x < y ? -1 : 0;
}

const join = (a: LedgerEntry | undefined, b: LedgerEntry) => (!a || order(b, a) > 0 ? b : a);

/** Brings `area.view` up to date with storage; writes back when storage lacks this page's changes. */
function read(a: Area): Map<string, LedgerEntry> {
  const raw = get(a, a.key);
  if (raw === a.raw) return a.view;
  let doc: any;
  try {
    doc = JSON.parse(raw!);
  } catch {
    // damaged: quarantined below
  }
  const v = doc?.v;
  const rows = doc?.entries;
  const shaped = Array.isArray(rows);
  const aggregates = v > 1 && doc.days;
  const stored: number | undefined = shaped && num(doc.since) ? doc.since : undefined;
  // v1 is migrated; any other version (newer, older, foreign) keeps what reads as v2 and is set aside.
  let bad = raw != null && (stored === undefined || (v != 1 && v != 2) || (v > 1 && !Array.isArray(aggregates)));
  let since = Math.max(a.since, stored ?? 0);
  const cut = shaped && num(doc.cut) ? doc.cut : 0;
  const view = new Map<string, LedgerEntry>();
  const days = new Map<string, Day>();
  for (const row of shaped ? rows : []) {
    const e = decode(row);
    if (!e) bad = true;
    else if (!since || visible(e, since)) view.set(e.id, join(view.get(e.id), e));
  }
  // Days compacted before the session began (a reset this page saw, the document not yet) are not counted.
  for (const d of Array.isArray(aggregates) && cut > since ? aggregates : []) {
    if ([num, str, amount, num, num].every((ok, i) => ok(d?.[i]))) days.set(d[0] + ' ' + d[1], d);
    else bad = true;
  }
  if (!since) {
    // No session start anywhere (a damaged value): the session starts with its oldest entry.
    since = Date.now();
    for (const e of view.values()) since = Math.min(since, e.at);
  }
  let dirty = bad || since !== stored || v != 2;
  for (const o of a.own.values()) {
    const cur = view.get(o.id);
    if (!visible(o, since) || (o.settledAt! < cut && !a.unsaved.has(o.id))) a.own.delete(o.id);
    else if (o.settledAt! < cut)
      ((dirty = true), fold(days, o), view.delete(o.id)); // never stored: not in `days`
    else if (join(cur, o) !== cur) ((dirty = true), view.set(o.id, o));
  }
  if (bad) {
    try {
      a.storage!.setItem(`${a.key}:quarantine:${Date.now()}`, raw!);
    } catch {
      // no room to set it aside: the readable part is still kept
    }
    a.notice = DAMAGED;
  }
  Object.assign(a, { raw, view, since, days, cut, sum: undefined });
  if (dirty) write(a);
  return view;
}

function write(a: Area) {
  if (compact(a)) a.sum = undefined;
  const json = JSON.stringify({
    v: 2,
    since: a.since,
    cut: a.cut,
    days: [...a.days.values()],
    entries: Array.from(a.view.values(), encode),
  });
  try {
    a.storage!.setItem(a.key, json);
    a.raw = json;
    a.unsaved.clear();
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
  const before = `${a.raw}${a.budget}`;
  read(a);
  if (`${a.raw}${readBudget(a)}` !== before) notify(a);
}

/** Persists a change made to `a.view` (after a fresh `read`), then tells every subscriber. */
function commit(a: Area, e?: LedgerEntry) {
  if (e) (a.own.set(e.id, Object.freeze(e)), a.view.set(e.id, e), a.unsaved.add(e.id));
  a.sum = undefined;
  write(a);
  notify(a);
  navigator.locks?.request(a.key, () => refresh(a)).catch(() => {});
}

/** Spent, held and images, by model; with `byDay`, also fills it (USD per local day number). */
function summarize({ view, days }: Area, byDay?: Map<number, Decimal>): Sum {
  const zero = new Decimal(0);
  const sum: Sum = { spent: zero, held: zero, images: 0, byModel: new Map() };
  const add = (day: number, model: string, usd: string, images: number) => {
    const m = sum.byModel.get(model) ?? { spent: zero, images: 0 };
    sum.byModel.set(model, { spent: m.spent.plus(usd), images: m.images + images });
    byDay?.set(day, (byDay.get(day) ?? zero).plus(usd));
    sum.images += images;
  };
  for (const [day, model, usd, n] of days.values()) add(day, model, usd, n);
  for (const e of view.values())
    if (e.status == 'pending') sum.held = sum.held.plus(e.charged ?? e.quoted);
    else if (e.status == 'charged') add(byDay ? dayOf(e.settledAt!) : 0, e.model, e.charged!, +!e.error);
  for (const m of sum.byModel.values()) sum.spent = sum.spent.plus(m.spent);
  return sum;
}

const sums = (a: Area) => (read(a), (a.sum ??= summarize(a)));

function tallyOf(a: Area, budget?: string | null): Tally {
  const s = (a.sum ??= summarize(a));
  const byModel: Tally['byModel'] = {};
  for (const [model, split] of s.byModel) byModel[model] = { spent: split.spent.toFixed(), images: split.images };
  const tally: Tally = { spent: s.spent.toFixed(), images: s.images, since: new Date(a.since).toISOString(), byModel };
  const b = dec(budget ?? a.budget);
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
      const area: Area = (a = {
        storage,
        key,
        view: new Map(),
        since: 0,
        own: new Map(),
        unsaved: new Set(),
        days: new Map(),
        cut: 0,
        held: new Map(),
        notice,
        subs: new Set(),
      });
      byKey.set(key, a);
      readBudget(a);
      addEventListener('storage', (e) => (e.key ?? key).startsWith(key) && refresh(area));
    }
    read((this.a = a));
  }

  /** A storage problem in plain words for the user (damaged data set aside, storage full), else null. */
  get notice(): string | null {
    return this.a.notice;
  }

  /**
   * Opens a pending entry and persists it before returning: call it before sending any request.
   * Holds the entry's Web Lock (requested before the entry is written) until it is settled.
   */
  open(entry: NewLedgerEntry): LedgerEntry {
    const { provider, model, width, height, prompt } = entry;
    const e: LedgerEntry = {
      id: uuid(),
      at: Date.now(),
      provider,
      model,
      width,
      height,
      quoted: money(entry.quoted),
      status: 'pending',
    };
    if (prompt) e.prompt = prompt;
    const a = this.a;
    navigator.locks?.request(lockOf(a, e.id), () => new Promise<void>((r) => a.held.set(e.id, r))).catch(() => {});
    read(a);
    commit(a, e);
    return e;
  }

  /** The provider accepted the task (and maybe reported its cost): kept for resume after a reload. */
  attachTask(id: string, task: ProviderTask, charge?: Charge): void {
    this.update(id, {
      task: { ...task },
      ...(charge && { charged: money(charge.usd), credits: maybe(charge.credits) }),
    });
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
      prompt: undefined,
      settledAt: Math.max(Date.now(), this.a.since),
    });
    this.a.held.get(id)?.(); // releases the lock (a second call does nothing)
  }

  /**
   * Every entry of the session not yet compacted (void and pending ones included), in the order they
   * were recorded; what was compacted is in `compacted()`.
   */
  entries(): readonly LedgerEntry[] {
    return [...read(this.a).values()];
  }

  pending(): readonly LedgerEntry[] {
    return this.entries().filter((e) => e.status == 'pending');
  }

  /** The compacted history (rows in no particular order). */
  compacted(): DaySummary[] {
    read(this.a);
    return [...this.a.days.values()].map(([d, model, spent, images, count]) => ({
      day: new Date(d * 864e5).toISOString().slice(0, 10),
      model,
      spent,
      images,
      count,
    }));
  }

  /** USD charged per local day number (see `dayOf`), compacted history included. */
  spentByDay(): Map<number, Decimal> {
    const byDay = new Map();
    read(this.a);
    summarize(this.a, byDay);
    return byDay;
  }

  /** Pending entries no live page works on (their lock is free): resume them, or void those never sent. */
  async orphans(): Promise<LedgerEntry[]> {
    const q = await navigator.locks?.query();
    if (!q) return []; // no Web Locks: no way to tell
    const busy = new Set([...q.held!, ...q.pending!].map((l) => l.name));
    return this.pending().filter((e) => !busy.has(lockOf(this.a, e.id)));
  }

  /** Runs `work` holding the entry's lock if no page holds it (else resolves undefined without running it). */
  claim<T>(id: string, work: () => Promise<T>): Promise<T | undefined> {
    return navigator.locks.request(lockOf(this.a, id), { ifAvailable: true }, (lock) => (lock ? work() : undefined));
  }

  /** The budget the user set (e.g. in `<userpays-tally>`), kept per storage key; null when none. */
  get budget(): string | null {
    return this.a.budget!;
  }

  /** Sets (a USD amount) or clears (null or '') the user's budget, for every tab; subscribers hear of it. */
  set budget(value: string | null) {
    const a = this.a;
    a.budget = value ? money(value) : null;
    try {
      a.storage!.setItem(a.key + ':budget', a.budget ?? '');
    } catch {
      // kept for this visit
    }
    notify(a);
  }

  /** The tally; without a `budget` (null or undefined) the user's own budget, if set, applies. */
  tally(budget?: string | null): Tally {
    read(this.a);
    return tallyOf(this.a, budget);
  }

  /** True when spent + pending + `quote` would go past the budget (as for `tally`); no valid budget: false. */
  wouldExceed(quote: string, budget?: string | null): boolean {
    const b = dec(budget ?? this.a.budget);
    const q = money(quote);
    if (!b) return false;
    const s = sums(this.a);
    return s.spent.plus(s.held).plus(q).gt(b);
  }

  /** Starts a new session now: settled entries are cleared; pending ones stay so they still settle. */
  reset(): void {
    const a = this.a;
    read(a);
    a.since = Date.now() + 1; // after every settlement so far, also one made in this millisecond
    for (const e of a.view.values()) if (!visible(e, a.since)) a.view.delete(e.id);
    for (const e of a.own.values()) if (!visible(e, a.since)) a.own.delete(e.id);
    a.days.clear();
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
