import { clock } from '../../src/base/clock.js';

/**
 * A clock this suite controls: `clock.now` (src/base/clock.ts) reads the time set here, from each test's start
 * until its end. `at` is where the time starts (default: noon, local time, on 2026-03-10).
 */
export function controlledClock(at: number | string = '2026-03-10T12:00:00') {
  let time = 0;
  const real = clock.now;
  beforeEach(() => {
    time = typeof at === 'string' ? new Date(at).getTime() : at;
    clock.now = () => time;
  });
  afterEach(() => {
    clock.now = real;
  });
  return {
    /** The time now, ms since the epoch. */
    now: () => time,
    set: (to: number | string) => (time = typeof to === 'string' ? new Date(to).getTime() : to),
    advance: (ms: number) => (time += ms),
  };
}
