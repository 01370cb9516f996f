// `npm run check:pointers` (scripts/check-pointers.mjs, in `npm run check`) fails where a comment names a file of this
// repository that is not there, and holds where every path is one, or is named with the source it belongs to: planted
// trees (`--root`), never this repository's own. Run by `npm run test:scripts` (node --test), in `npm test`.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { temporaryFolder } from '../support/temporary-folder.mjs';

const script = fileURLToPath(new URL('../../scripts/check-pointers.mjs', import.meta.url));
const run = promisify(execFile);

/** A tree of `files` (path → text) in a folder of its own. */
function planted(files) {
  const root = join(temporaryFolder('pointers-'), 'repository');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** What the check says of `root`, and its exit code. */
async function checkPointers(root) {
  try {
    const { stdout } = await run(process.execPath, [script, '--root', root]);
    return { code: 0, said: stdout };
  } catch (failed) {
    return { code: failed.code, said: failed.stderr };
  }
}

const LEDGER = 'export const ledger = 1;\n';

test('holds where each path named is a file here, from the folder, a folder above, or src/', async () => {
  const root = planted({
    'src/ledger/ledger.ts': LEDGER,
    'src/ledger/sums.ts':
      '// The ledger (ledger.ts, ../ledger/ledger.ts) sums what ledger/ledger.ts keeps.\nexport {};\n',
    'src/providers/engine/http.ts':
      '/** Retries (engine/http.ts), as src/ledger/ledger.ts books them. */\nexport {};\n',
    'test/ledger/sums.test.ts': '// Holds: src/ledger/sums.ts, as ledger/sums.ts says.\n',
  });
  const { code, said } = await checkPointers(root);
  assert.equal(code, 0, said);
});

test('fails on a path moved away, by file and line, and on a bare name no file has', async () => {
  const root = planted({
    'src/ledger/ledger.ts': LEDGER,
    'src/pricing/quote.ts':
      'export {};\n/**\n * What is booked (ledger/durations.ts), kept by\n * entry-store.ts.\n */\n',
  });
  const { code, said } = await checkPointers(root);
  assert.equal(code, 1);
  assert.match(said, /^src\/pricing\/quote\.ts:3: names ledger\/durations\.ts, which is not in this repository$/m);
  assert.match(said, /^src\/pricing\/quote\.ts:4: names entry-store\.ts, which is not in this repository$/m);
});

test('takes the build’s files as there, and a file beside the repository as not in it', async () => {
  const root = planted({
    'src/ledger/ledger.ts': LEDGER,
    'src/pricing/quote.ts': '// Measured in dist/parts.json; cited from ../shared/research/catalog.md.\nexport {};\n',
  });
  mkdirSync(join(root, '..', 'shared', 'research'), { recursive: true });
  writeFileSync(join(root, '..', 'shared', 'research', 'catalog.md'), '# beside the repository\n');
  const { code, said } = await checkPointers(root);
  assert.equal(code, 1);
  assert.deepEqual(
    said.split('\n').filter((line) => line.includes('names')),
    ['src/pricing/quote.ts:1: names ../shared/research/catalog.md, which is not in this repository'],
  );
});

test('takes a path named with its source as another repository’s, and still reads the paths beside it', async () => {
  const root = planted({
    'src/ledger/ledger.ts': LEDGER,
    'src/providers/puter.ts': [
      '// Puter meters in microcents (HeyPuter/puter extensions/metering.ts; src/backend/metering/utils.ts at 8307e8c),',
      '// as its SDK says (@heyputer/puter.js src/modules/UI.js) and docs.bfl.ml/api/pricing.md restates.',
      '/** Booked by ledger/ledger.ts, not by ledger/gone.ts. */',
      'export {};',
    ].join('\n'),
  });
  const { code, said } = await checkPointers(root);
  assert.equal(code, 1);
  assert.deepEqual(
    said.split('\n').filter((line) => line.includes('names')),
    ['src/providers/puter.ts:3: names ledger/gone.ts, which is not in this repository'],
  );
});
