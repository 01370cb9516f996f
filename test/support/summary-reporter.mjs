// Prints plain closing lines after the runner's own output (which is prefixed by a progress bar and hard to read in
// CI logs): how the replays of the recorded exchanges went (test/replay/, test/recorded/), then
// `N passed, N failed, N skipped` for the whole run. A replay test is never skipped: a skipped one counts as failed,
// so a recording that goes missing cannot pass quietly.
const isReplay = (session) => /[\\/]test[\\/]replay[\\/]/.test(session.testFile);

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

/** The totals of `sessions`; a file that failed to load or threw outside a test counts as one failure. */
function tally(sessions) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const before = totals.failed;
    if (session.testResults) count(session.testResults, totals);
    if (!session.passed && totals.failed === before) totals.failed++;
  }
  return totals;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = tally(sessions);
      const replaySessions = sessions.filter(isReplay);
      if (replaySessions.length) {
        const replays = tally(replaySessions);
        process.stdout.write(
          `\nreplays of recorded exchanges (test/replay/): ${replays.passed} passed, ${replays.failed} failed, ${replays.skipped} skipped\n`,
        );
        // A skipped replay is a failure of the run (it is already counted as skipped in the totals).
        totals.failed += replays.skipped;
        totals.skipped -= replays.skipped;
      }
      process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
