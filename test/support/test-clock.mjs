/**
 * The script every test page runs first (served at /__test-clock.js by web-test-runner.config.mjs). Without
 * `now` it does nothing; with one (an ISO date-time, read in the browser's time zone) the page's `Date`
 * starts at that moment and runs on from there, so that the whole suite can be run at another date and hour
 * (scripts/test-suite.mjs) and prove that no test depends on when it runs.
 */
export function testClockScript(now) {
  if (!now) return '// the real clock';
  return `(() => {
  const RealDate = Date;
  const offset = RealDate.parse(${JSON.stringify(now)}) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error('TEST_NOW is not a date: ' + ${JSON.stringify(now)});
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
})();`;
}
