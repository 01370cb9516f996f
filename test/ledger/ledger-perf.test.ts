// A ledger of 10,000 entries stays exact and takes ≤ 256 KB (docs/ledger.md). The figures come from
// measureLedgerLoad() (bench/ledger-load.ts); how fast it loads (≤ 5 ms) is `npm run bench`'s to measure, not a
// test's: a timed assertion here would fail on a busy machine and prove nothing on a quiet one.
import { expect } from '@open-wc/testing';
import { measureLedgerLoad } from '../../bench/ledger-load.js';
import { controlledClock } from '../support/clock.js';

const KB = 1024;

describe('LedgerStore: 10,000 entries (≤ 256 KB, exact)', () => {
  controlledClock(); // the history's dates; durations are measured with performance.now()
  for (const days of [90, 365, 3 * 365]) {
    it(`10,000 entries over ${days} days: compacted, exact, within the storage bound`, () => {
      const figures = measureLedgerLoad({ entries: 10_000, days });
      const { loadMedianMs, loadP90Ms, storedChars, storedBytes, keptEntries, dayRows, v1Chars, migrateMs } = figures;
      console.log(
        `[ledger perf] 10000 entries over ${days} days: ` +
          `load+tally median ${loadMedianMs.toFixed(2)} ms (p90 ${loadP90Ms.toFixed(2)} ms); ` +
          `stored ${storedChars} chars = ${(storedBytes / KB).toFixed(1)} KB as UTF-16 ` +
          `(${keptEntries} entries + ${dayRows} day rows; v1 was ${(v1Chars / KB).toFixed(0)} K chars); ` +
          `one-time v1 migration ${migrateMs.toFixed(1)} ms`,
      );
      expect(figures.spent).to.equal(figures.expectedSpent);
      expect(figures.images).to.be.greaterThan(9000);
      expect(figures.keptEntries).to.be.at.most(250);
      expect(figures.storedBytes).to.be.at.most(256 * KB);
    });
  }
});
