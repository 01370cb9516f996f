// `npm run check:catalog` (scripts/check-catalog.mjs, its rules scripts/catalog-rules.mjs) fails on what is no longer
// so and holds on a book that is right: planted books and docs, each on a day the test names (`--today`), never the
// machine's. Run by `npm run test:scripts` (node --test), in `npm test`.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bookFindings, docFindings } from '../../scripts/catalog-rules.mjs';
import { temporaryFolder } from '../support/temporary-folder.mjs';

const script = fileURLToPath(new URL('../../scripts/check-catalog.mjs', import.meta.url));
const run = promisify(execFile);

/** What `check:catalog` prints and its exit code, with `args`. */
async function checkCatalog(...args) {
  try {
    const { stdout } = await run(process.execPath, [script, ...args]);
    return { code: 0, lines: stdout.trim().split('\n') };
  } catch (failed) {
    return { code: failed.code, lines: failed.stdout.trim().split('\n') };
  }
}

const SOURCE = { name: 'the provider’s price page', asOf: '2026-11-20' };
const flat = (lifecycle) => ({
  rule: { kind: 'flat', unit: 'usd', perImage: '0.04' },
  source: SOURCE,
  exact: true,
  ...(lifecycle && { lifecycle }),
});
const ENDED = { shutdown: '2026-10-23', replacement: 'gpt-image-2', source: SOURCE };

/** A book, planted as a module the script loads with `--book`, and an empty folder for its docs (`--root`). */
function planted(builtin, gateways = {}) {
  const folder = temporaryFolder('catalog-');
  const book = join(folder, 'book.mjs');
  writeFileSync(
    book,
    `export const BUILTIN_PRICE_BOOK = ${JSON.stringify(builtin)};\n` +
      `export const GATEWAY_PRICE_BOOKS = ${JSON.stringify(gateways)};\n`,
  );
  return ['--book', book, '--root', folder];
}

/** GPT Image 1 (shut down by OpenAI on 2026-10-23, src/providers/model-facts.ts) at Puter, with `lifecycle`. */
const gptImage1 = (lifecycle) => ({ 'gpt-image-1': { puter: flat(lifecycle) }, 'gpt-image-2': { puter: flat() } });

test('fails on a model its maker has shut down that the book still offers', async () => {
  const { code, lines } = await checkCatalog('--today', '2026-11-28', ...planted(gptImage1()));
  assert.equal(code, 1);
  assert.ok(
    lines.some((line) => /^gpt-image-1 at puter: offered, but its maker shut it down on 2026-10-23/.test(line)),
  );
  assert.equal(lines.at(-1), 'check:catalog on 2026-11-28: 1 problem (rules: scripts/catalog-rules.mjs).');
});

test('holds on a fresh book: a model past its own shutdown is kept for its replacement, not a finding', async () => {
  const { code, lines } = await checkCatalog('--today', '2026-11-28', ...planted(gptImage1(ENDED)));
  assert.equal(code, 0);
  assert.equal(lines.at(-1), 'check:catalog on 2026-11-28: the book and the provider docs hold.');
});

test('the real book and docs hold today and the days after GPT Image 1.5 shuts down', async () => {
  for (const today of ['2026-11-28', '2026-12-01', '2026-12-15', '2027-01-01']) {
    const { code, lines } = await checkCatalog('--today', today);
    assert.equal(code, 0, `${today}:\n${lines.join('\n')}`);
  }
});

test('fails on a model within 14 days of its shutdown with no replacement its path serves then', () => {
  const ending = (replacement) => ({ shutdown: '2026-12-10', ...(replacement && { replacement }), source: SOURCE });
  const check = (builtin, today = '2026-11-28') =>
    bookFindings({ builtin, gateways: {}, makerShutdown: () => undefined, today });
  assert.deepEqual(check({ a: { fal: flat(ending()) } }), [
    'a at fal: shuts down on 2026-12-10, in 12 days, with no replacement this path prices and serves then',
  ]);
  assert.equal(check({ a: { fal: flat(ending('b')) } }).length, 1, 'a replacement the path does not price');
  const endedFirst = check({
    a: { fal: flat(ending('b')) },
    b: { fal: flat({ shutdown: '2026-12-05', source: SOURCE }) },
  });
  assert.ok(
    endedFirst.some((line) => line.startsWith('a at fal:')),
    'a replacement that has ended by then',
  );
  assert.deepEqual(check({ a: { fal: flat(ending('b')) }, b: { fal: flat() } }), []);
  assert.deepEqual(check({ a: { fal: flat(ending()) } }, '2026-11-25'), [], '15 days ahead: not yet');
  assert.deepEqual(check({ a: { fal: flat(ending()) } }, '2026-12-10'), [], 'past it: never offered');
});

test('fails on a source read more than 90 days ago on a model still offered, not on one that has ended', () => {
  const read = (asOf, lifecycle) => ({ ...flat(lifecycle), source: { name: 'a page', asOf } });
  const check = (builtin) =>
    bookFindings({ builtin, gateways: {}, makerShutdown: () => undefined, today: '2026-11-28' });
  assert.deepEqual(check({ a: { bfl: read('2026-08-30') } }), [], '90 days ago');
  assert.deepEqual(check({ a: { bfl: read('2026-08-29') } }), [
    'a at bfl: offered, its price source was read 91 days ago (a page, 2026-08-29), more than 90: read it again and date it',
  ]);
  assert.deepEqual(check({ a: { bfl: read('2026-01-01', { shutdown: '2026-11-01', source: SOURCE }) } }), []);
  const staleLife = { released: '2026-01-01', source: { name: 'a changelog', asOf: '2026-06-01' } };
  assert.equal(check({ a: { bfl: read('2026-11-20', staleLife) } }).length, 1);
});

test('fails on a doc naming an id the book has only with a shutdown, or does not have', async () => {
  const book = {
    'gpt-image-2': { openai: flat() },
    'gpt-image-1.5': {
      openai: {
        ...flat({ shutdown: '2026-12-01', replacement: 'gpt-image-2', source: SOURCE }),
        model: 'gptimage-large',
      },
    },
    'flux-2-klein-4b': { fal: flat() },
  };
  const docs = {
    'src/providers/x/README.md':
      'Sends `gpt-image-2` (or `gpt-image-2-2026-04-21`), `fal-ai/flux-2/klein/4b/edit`, a `seed`, `imagen-4.0-*`; ' +
      'not `gptimage-large`, nor `gemini-3-pro-image-preview`.',
  };
  assert.deepEqual(docFindings({ builtin: book, gateways: {}, docs }), [
    'src/providers/x/README.md: names `gptimage-large`, which the book has shut down (on 2026-12-01)',
    'src/providers/x/README.md: names `gemini-3-pro-image-preview`, which the book does not have',
  ]);
  // And through the script, from a provider's README under `--root`.
  const args = planted(book);
  const root = args[3];
  mkdirSync(join(root, 'src/providers/x'), { recursive: true });
  writeFileSync(join(root, 'src/providers/x/README.md'), docs['src/providers/x/README.md']);
  const { code, lines } = await checkCatalog('--today', '2026-11-28', ...args);
  assert.equal(code, 1);
  assert.equal(lines.at(-1), 'check:catalog on 2026-11-28: 2 problems (rules: scripts/catalog-rules.mjs).');
});
