// A folder under the system's temporary folder for a node:test file's planted files, removed when its tests end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const made = [];
// Registered as the test file imports this module, before its tests run: a hook of the whole file.
after(() => made.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A new empty folder named `${prefix}…`, removed with everything in it once the importing file's tests have run. */
export function temporaryFolder(prefix) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}
