// Prints one plain closing line, `N passed, N failed, N skipped`, after the runner's own
// output (which is prefixed by a progress bar and hard to read in CI logs).
function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has no failing test of its own.
        if (!session.passed && totals.failed === before) totals.failed++;
      }
      process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
