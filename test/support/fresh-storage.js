// Loaded first on every test page (web-test-runner.config.mjs, testRunnerHtml), before anything of the test file.
//
// The runner loads one test file after another into the same page, and so into the same localStorage: it keeps a page
// once its file has run and hands it the next one (@web/test-runner-chrome, ChromeLauncher's inactivePages). Two files
// running at once are in pages of their own browser contexts, with a localStorage each. What a file left there, the
// next file's widgets read as other ledgers of this site, and an image left pending as one under way beside theirs for
// ever (src/ledger/other-ledgers.ts): a lost reply whose BFL balance fell by exactly its price was then never proven
// charged once, or not, depending on which files had run in that page before. Removing what a file stored once its
// tests end cannot hold: a ledger still open in the page writes its own entries back at its next read, as it heals a
// lost write (src/ledger/shared-area.ts, syncFromStorage). So each test file starts with nothing stored, as on a new
// visit, before any of its modules runs.
localStorage.clear();
