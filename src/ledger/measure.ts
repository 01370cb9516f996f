/**
 * SPEC §8 ledger figures (10,000 entries: load ≤ 5 ms, ≤ 256 KB), for the ledger perf test and the bench.
 * Not part of the bundle: the bench builds it from source (like bench/ready-to-shown.ts) and calls
 * `measureLedgerLoad()` in the page.
 */
import Decimal from 'decimal.js';
import { LedgerStore } from './ledger-store.js';

export interface LedgerLoadFigures {
  entries: number;
  days: number;
  /** construct + tally of the stored (compacted) ledger in a fresh store, from `localStorage`: median and 90th percentile, ms. */
  loadMedianMs: number;
  loadP90Ms: number;
  /** One-time migration of the same history stored as a v1 document (every entry individually), ms. */
  migrateMs: number;
  /** The stored v2 document: characters, and bytes as UTF-16 (how `localStorage` quotas count). */
  storedChars: number;
  storedBytes: number;
  /** What the v1 document of the same history took, characters. */
  v1Chars: number;
  /** Entries still stored individually, and compacted (day, model) rows. */
  keptEntries: number;
  dayRows: number;
  /** USD spent by the generated history, summed independently; and what the loaded tally says. */
  expectedSpent: string;
  spent: string;
  images: number;
}

const MODELS = ['flux-2-klein-4b', 'flux-2-klein-9b', 'flux-2-pro', 'flux-2-flex', 'flux-2-max'];
const PRICES = ['0.014', '0.015', '0.03', '0.05', '0.07'];
const CREDITS = ['1.4', '1.5', '3', '5', '7'];
const DAY = 864e5;

/**
 * A v1 document (the format before compaction: every entry a row `[id, at, provider, model, width,
 * height, quoted, status, settledAt, charged?, credits?, error?]`) of `entries` entries spread evenly over
 * the last `days` days, the newest a few minutes old: mostly charged, every 50th void, every 97th a paid
 * failure. Returns it with the USD it adds up to and the images it counts.
 */
export function v1History(entries = 10_000, days = 90) {
  const now = Date.now();
  let spent = new Decimal(0);
  let images = 0;
  const rows = Array.from({ length: entries }, (_, i) => {
    const m = i % MODELS.length;
    const at = now - 6e5 - Math.floor(((entries - i) / entries) * days * DAY);
    const row: unknown[] = [
      crypto.randomUUID(),
      at,
      'bfl',
      MODELS[m],
      1024,
      1024,
      PRICES[m],
      1,
      at + 4000,
      PRICES[m],
      CREDITS[m],
    ];
    if (i % 50 == 0) ((row.length = 9), (row[7] = 2), row.push(null, null, 'moderated'));
    else {
      spent = spent.plus(PRICES[m]);
      if (i % 97 == 0) row.push('timeout');
      else images++;
    }
    return row;
  });
  return {
    raw: JSON.stringify({ v: 1, since: now - (days + 1) * DAY, entries: rows }),
    spent: spent.toFixed(),
    images,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Migrates a generated history of `entries` entries over `days` days once (v1 → v2, compacted), then
 * loads the stored result `runs` times, each as a page would: a new storage key, so a cold store.
 * Uses the real `localStorage` and removes what it wrote.
 */
export function measureLedgerLoad({ entries = 10_000, days = 90, runs = 21 } = {}): LedgerLoadFigures {
  const history = v1History(entries, days);
  const key = (k: string) => `userpays-measure-${k}`;
  const written: string[] = [];
  const load = (raw: string) => {
    const storageKey = key(crypto.randomUUID());
    written.push(`${storageKey}:ledger`, `${storageKey}:ledger:budget`);
    localStorage.setItem(`${storageKey}:ledger`, raw);
    const t0 = performance.now();
    const ledger = new LedgerStore({ storageKey });
    const tally = ledger.tally();
    return { ms: performance.now() - t0, tally, ledger, stored: localStorage.getItem(`${storageKey}:ledger`)! };
  };
  try {
    const migrated = load(history.raw);
    const stored = migrated.stored;
    const doc = JSON.parse(stored);
    const times: number[] = [];
    let tally = migrated.tally;
    for (let i = 0; i < runs; i++) {
      const run = load(stored);
      times.push(run.ms);
      tally = run.tally;
    }
    times.sort((a, b) => a - b);
    return {
      entries,
      days,
      loadMedianMs: percentile(times, 0.5),
      loadP90Ms: percentile(times, 0.9),
      migrateMs: migrated.ms,
      storedChars: stored.length,
      storedBytes: stored.length * 2,
      v1Chars: history.raw.length,
      keptEntries: doc.entries.length,
      dayRows: doc.days.length,
      expectedSpent: history.spent,
      spent: tally.spent,
      images: tally.images,
    };
  } finally {
    for (const k of written) localStorage.removeItem(k);
  }
}
