// The ledger's load figures (10,000 entries: load ≤ 5 ms, ≤ 256 KB stored; see docs/ledger.md), for
// test/ledger/ledger-perf.test.ts and `npm run bench` (bench/ready-to-shown.ts exposes it to the bench page).
import { LedgerStore } from '../src/ledger/ledger.js';
import { v1History } from '../test/support/ledger-history.js';

interface LedgerLoadFigures {
  entries: number;
  days: number;
  /** Construct + tally of the stored (compacted) ledger in a fresh store, from `localStorage`: median, p90, ms. */
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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Migrates a generated history of `entries` entries over `days` days once (v1 → v2, compacted), then
 * loads the stored result `runs` times, each as a page would: a new storage key, so a cold store.
 * Uses the real `localStorage` and removes what it wrote.
 */
export function measureLedgerLoad({ entries = 10_000, days = 90, runs = 21 } = {}): LedgerLoadFigures {
  const history = v1History(entries, days);
  const written: string[] = [];
  const load = (raw: string) => {
    const storageKey = `userpays-measure-${crypto.randomUUID()}`;
    written.push(`${storageKey}:ledger`, `${storageKey}:ledger:budget`);
    localStorage.setItem(`${storageKey}:ledger`, raw);
    const start = performance.now();
    const ledger = new LedgerStore({ storageKey });
    const tally = ledger.tally();
    return { ms: performance.now() - start, tally, stored: localStorage.getItem(`${storageKey}:ledger`)! };
  };
  try {
    const migrated = load(history.raw);
    const stored = migrated.stored;
    const document = JSON.parse(stored);
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
      keptEntries: document.entries.length,
      dayRows: document.days.length,
      expectedSpent: history.spent,
      spent: tally.spent,
      images: tally.images,
    };
  } finally {
    for (const key of written) localStorage.removeItem(key);
  }
}
