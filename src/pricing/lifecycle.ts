import type { PriceSource } from '../base/types.js';

/**
 * A model's life on one path, as its provider announces it: each date a day (`YYYY-MM-DD`, UTC), each with the source
 * that says it. From `shutdown` on (by the page's clock, src/base/clock.ts) the model is neither offered nor sent there;
 * a page that names it gets `replacement` (a price-book id the same provider prices) and a sentence saying so.
 */
export interface Lifecycle {
  /** When the provider made the model available (GA, or its API's publication). */
  released?: string;
  /** The first day the provider no longer serves it. */
  shutdown?: string;
  /** What the provider names in its place, by our id, where the same path prices it. */
  replacement?: string;
  source: PriceSource;
}

const DAY_MS = 86_400_000;

/** The moment a `YYYY-MM-DD` day begins, UTC: a provider's shutdown date is read as the start of that day. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Whether the provider has shut the model down by `now` (ms since the epoch). */
export function retired(lifecycle: Lifecycle | undefined, now: number): boolean {
  const shutdown = lifecycle?.shutdown;
  return !!shutdown && now >= dayStart(shutdown);
}

/** Whole days from `now` until the shutdown (0 on its eve), or undefined where none is announced. */
export function daysLeft(lifecycle: Lifecycle | undefined, now: number): number | undefined {
  const shutdown = lifecycle?.shutdown;
  return shutdown ? Math.floor((dayStart(shutdown) - now) / DAY_MS) : undefined;
}
