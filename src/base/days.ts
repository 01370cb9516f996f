/**
 * Local days as the ledger, the tally's chart and the projection count them: a day number is the local date's
 * days since 1970-01-01, so that `new Date(day * DAY_MS)` read in UTC is that local date (a time zone's offset
 * never moves a charge to the day before or after).
 */

/** A day in milliseconds. */
export const DAY_MS = 864e5;

/** The local day number of `time` (ms since the epoch). */
export const dayOf = (time: number) => Math.floor((time - new Date(time).getTimezoneOffset() * 6e4) / DAY_MS);

/** `day` as an ISO date (`2026-11-23`), the local date it stands for. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
