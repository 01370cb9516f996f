// What the scripts that write a doc from the code share (scripts/api-tables.mjs, scripts/csp-table.mjs): with
// `--check` (in `npm test`), fail when the doc is not what the code says; else write it where it differs.
import { writeFileSync } from 'node:fs';

/**
 * Settles `docPath` (named `doc`) to `formatted`, the doc as the code says it, where it is `current` now: `--check`
 * fails with `stale` (what to run) where they differ; otherwise the file is written where they differ. `script` names
 * the script in what it prints.
 */
export function settleDoc({ script, doc, docPath, current, formatted, stale }) {
  if (process.argv.includes('--check')) {
    if (formatted !== current) {
      console.error(`${script}: ${doc} ${stale}`);
      process.exit(1);
    }
    console.log(`${script}: ${doc} is current.`);
  } else if (formatted !== current) {
    writeFileSync(docPath, formatted);
    console.log(`${script}: ${doc} written.`);
  } else console.log(`${script}: ${doc} was already current.`);
}
