// The browser suite, run more than once: at the real date and time, then with the browser's clock moved
// (TEST_NOW, see test/support/test-clock.mjs) and in another time zone (TZ), so that a test that depends on
// the date, the hour or the time zone fails here rather than on some day in CI. Prints one closing line,
// `N passed, N failed, N skipped`, summed over the runs.
//
//   node scripts/test-suite.mjs          the real clock, then one hard moment (the default of `npm test`)
//   node scripts/test-suite.mjs --dates  the real clock, then every moment below (`npm run test:dates`)
import { spawn } from 'node:child_process';

const HARD = [
  // Five seconds after midnight on New Year's Day where the local day is a day ahead of UTC.
  { now: '2027-01-01T00:00:05', tz: 'Pacific/Kiritimati' },
];
const MORE = [
  // The hour that does not exist when Europe moves its clocks forward.
  { now: '2026-03-29T01:59:30', tz: 'Europe/Berlin' },
  // The hour that happens twice when the US moves its clocks back.
  { now: '2026-11-01T01:30:00', tz: 'America/New_York' },
  // The last seconds of a leap day, west of UTC: the date changes during the run.
  { now: '2028-02-29T23:59:40', tz: 'America/Los_Angeles' },
  // A day on which a date-dependent test once failed.
  { now: '2026-11-22T12:00:00', tz: 'UTC' },
];

function run(label, env) {
  return new Promise((resolve) => {
    console.log(`\n== suite: ${label}`);
    const child = spawn('npx', ['wtr'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    let replays = '';
    const failures = [];
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = String(chunk).match(/^\d+ passed, \d+ failed, \d+ skipped$/gm);
      if (lines) last = lines.at(-1);
      const replayLines = String(chunk).match(/^replays of recorded exchanges.*$/gm);
      if (replayLines) replays = replayLines.at(-1);
      failures.push(...(String(chunk).match(/^failed: .*$/gm) ?? []));
    });
    child.on('close', (code) => {
      const [passed, failed, skipped] = (last.match(/\d+/g) ?? [0, 1, 0]).map(Number);
      resolve({ label, replays, failures, passed, failed: failed || (code ? 1 : 0), skipped });
    });
  });
}

/**
 * The files the runs at other moments leave out, each for the same reason: what it checks does not turn on the date,
 * the hour or the time zone, and it is among the suite's slowest (of 984 s of test time measured on 2026-11-26, these
 * take 274 s; the editor's decision line, 13 s alone, and the strict policy, 6 s, joined them on 2026-11-29). Six
 * measure where things are drawn and how they look (layout shift at every width with every provider, axe in every
 * state, the look of states, the pinned row, the editor's decision line at three widths, the README's strict policy on
 * the built page); the words a moment is said in are other tests'. Two hammer the pipeline: a page's bad input of every
 * kind, and 200 generations from two tabs. One counts what each provider's built page loads. They run at the real clock
 * in every run of the whole suite.
 */
const LEFT_OUT = [
  'test/e2e/layout-shift.test.ts',
  'test/e2e/pinned-decision.test.ts',
  'test/e2e/readme-strict-policy.test.ts',
  'test/elements/image/editor/decision-where-the-hands-are.test.ts',
  'test/e2e/session-parts.test.ts',
  'test/elements/looks.test.ts',
  'test/elements/image/widget-axe.test.ts',
  'test/faults/bad-input.test.ts',
  'test/faults/soak.test.ts',
];

const moments = process.argv.includes('--dates') ? [...HARD, ...MORE] : HARD;
const results = [await run('the real clock', {})];
for (const { now, tz } of moments)
  results.push(await run(`${now} in ${tz}`, { TEST_NOW: now, TZ: tz, TEST_LEAVE_OUT: LEFT_OUT.join(',') }));
const sum = (key) => results.reduce((total, result) => total + result[key], 0);
console.log('');
// The replays of the recorded exchanges run in every run of the whole suite; a run in which none ran fails.
for (const result of results) {
  console.log(`${result.label}: ${result.replays || 'replays of recorded exchanges: none ran'}`);
  if (!result.replays) result.failed++;
}
// Which tests failed, again at the end, where a CI log that keeps only its last lines still shows them.
for (const result of results) for (const line of result.failures) console.log(`${result.label}: ${line}`);
console.log(`\n${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(sum('failed') ? 1 : 0);
