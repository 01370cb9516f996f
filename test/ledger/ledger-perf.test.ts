// SPEC §8: a ledger of 10,000 entries loads in ≤ 5 ms and takes ≤ 256 KB. The figures come from
// measureLedgerLoad() (src/ledger/measure.ts), which the bench calls too; this test prints them.
import { expect } from '@open-wc/testing';
import { measureLedgerLoad } from '../../src/ledger/measure.js';

const KB = 1024;

describe('LedgerStore: 10,000 entries (SPEC §8: load ≤ 5 ms, ≤ 256 KB)', () => {
  for (const days of [90, 365, 3 * 365]) {
    it(`10,000 entries over ${days} days: compacted, exact, within the targets`, () => {
      const f = measureLedgerLoad({ entries: 10_000, days });
      console.log(
        `[ledger perf] 10000 entries over ${days} days: load+tally median ${f.loadMedianMs.toFixed(2)} ms (p90 ${f.loadP90Ms.toFixed(2)} ms); ` +
          `stored ${f.storedChars} chars = ${(f.storedBytes / KB).toFixed(1)} KB as UTF-16 (${f.keptEntries} entries + ${f.dayRows} day rows; ` +
          `v1 was ${(f.v1Chars / KB).toFixed(0)} K chars); one-time v1 migration ${f.migrateMs.toFixed(1)} ms`,
      );
      expect(f.spent).to.equal(f.expectedSpent);
      expect(f.images).to.be.greaterThan(9000);
      expect(f.keptEntries).to.be.at.most(250);
      expect(f.storedBytes).to.be.at.most(256 * KB);
      expect(f.loadMedianMs).to.be.at.most(5);
    });
  }
});
