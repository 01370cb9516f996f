// Prints plain closing lines after the runner's own output (which is prefixed by a progress bar and hard to read in
// CI logs): how the replays of the recorded exchanges went (test/replay/, test/recorded/), then
// `N passed, N failed, N skipped` for the whole run. A replay test is never skipped: a skipped one counts as failed,
// so a recording that goes missing cannot pass quietly. Each failure is named on a line of its own
// (`failed: file › test: message`), so that the end of a long CI log says which test to look at.
const isReplay = (session) => /[\\/]test[\\/]replay[\\/]/.test(session.testFile);

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

/** One `failed: …` line for each failed test of `suite` (its names joined with ›), and its error's first line. */
function failures(suite, names, lines) {
  for (const test of suite.tests ?? []) {
    if (test.skipped || test.passed) continue;
    const message = String(test.error?.message ?? 'no message').split('\n')[0];
    lines.push(`failed: ${[...names, test.name].join(' › ')}: ${message}`);
  }
  for (const child of suite.suites ?? []) failures(child, [...names, child.name], lines);
}

function failureLines(sessions) {
  const lines = [];
  for (const session of sessions) {
    const file = session.testFile.replace(/^.*?[\\/]test[\\/]/, 'test/');
    const before = lines.length;
    if (session.testResults) failures(session.testResults, [file], lines);
    if (!session.passed && lines.length === before) {
      const message = String(session.errors?.[0]?.message ?? 'the file failed outside its tests').split('\n')[0];
      lines.push(`failed: ${file}: ${message}`);
    }
  }
  return lines;
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
      const named = failureLines(sessions);
      if (named.length) process.stdout.write(`\n${named.join('\n')}\n`);
      process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
