/**
 * The time source of everything that dates money: ledger entries and their settlement, compaction, the
 * tally's chart and its "since" line. It reads `Date.now()`; tests set `clock.now` to a time they control
 * (test/support/clock.ts), so that no test depends on the date or time of day it runs at.
 */
export const clock = {
  now: (): number => Date.now(),
};
