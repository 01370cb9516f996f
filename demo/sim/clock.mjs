// The simulators' calendar: which day it is for a provider that serves a model until its shutdown, so that a simulator
// refuses a model from the day the provider refuses it.
//
// Its clock is the machine's, moved as the browser's is when the suite runs at another moment (TEST_NOW, an ISO
// date-time read in the process's time zone: scripts/test-suite.mjs, test/support/test-clock.mjs), so that a page and
// the simulators it calls agree on the day. A request may set its own moment with the scenario key
// `now=<ISO date-time>` (e.g. `/s/now=2026-08-01T12:00:00Z`): a test that pins the page's clock to a day pins the
// provider's to the same day.

/** How far TEST_NOW moves the clock from the machine's, fixed as the simulators start (as the page's is as it loads). */
const OFFSET = (() => {
  const now = process.env.TEST_NOW;
  if (!now) return 0;
  const at = Date.parse(now);
  if (Number.isNaN(at)) throw new Error(`TEST_NOW is not a date: ${now}`);
  return at - Date.now();
})();

/**
 * The moment a request is answered at, ms since the epoch: its scenario's `now` where it names one, else the machine's
 * clock moved by TEST_NOW. NaN where `now` is not a date-time (the simulator refuses the request, saying so).
 */
export function simulatorNow(scenario = {}) {
  if (scenario.now !== undefined) return Date.parse(scenario.now);
  return Date.now() + OFFSET;
}

/** The moment a day (`YYYY-MM-DD`) begins, UTC: a provider's release and shutdown dates are read so. */
export const dayStart = (day) => Date.parse(`${day}T00:00:00Z`);

/**
 * Whether a model the provider shuts down on `shutdown` (a day; none: no shutdown announced) is served at `now`. Its
 * release day is not held against it: the suite also runs at moments before some releases (TEST_NOW), and the widget
 * offers a model whatever its release day, so a simulator refusing it there would fail the page for a day no user sees.
 */
export const servedAt = (shutdown, now) => !shutdown || now < dayStart(shutdown);
