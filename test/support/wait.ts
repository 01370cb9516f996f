import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

// Waiting in tests: for something to become true, or for time to pass. Both measure time with performance.now(), which
// neither the suite's moved clock (TEST_NOW) nor a test's controlled clock (clock.ts) touches.

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves with `check()`'s first truthy value (it may return a promise), looked for every 20 ms; fails with `what`
 * after `ms`.
 */
export async function until<T>(check: () => T | Promise<T>, ms = 5000, what = `${check}`): Promise<NonNullable<T>> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * `@open-wc/testing`'s waitUntil, with five seconds before it fails rather than its one: a wait is for something the
 * widget will do, and a machine running the whole suite may take more than a second to do it. A check that never
 * becomes true fails all the same, only later.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
