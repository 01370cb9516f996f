// `npm run test:live` (scripts/test-live.mjs) with no key in the environment: a skip line for each of the nine paths,
// naming the variable its key goes in, and exit 0 (nothing reached, no browser started). Run by `npm run test:scripts`.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/test-live.mjs', import.meta.url));
const run = promisify(execFile);

/** The environment without any of the live keys (a maintainer's shell may hold some). */
const withoutKeys = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('USERPAYS_LIVE_')));

test('with no key, test:live prints a skip line per path and exits 0', async () => {
  const { stdout } = await run(process.execPath, [script], { env: withoutKeys() });
  const lines = stdout.trim().split('\n');
  const paths = ['bfl', 'fal', 'openai', 'google', 'openrouter', 'pollinations', 'huggingface', 'puter', 'gateway'];
  assert.deepEqual(
    lines,
    paths.map((path) => `skip ${path}: no USERPAYS_LIVE_${path.toUpperCase()}_KEY in the environment`),
  );
});

test('a key in the environment is not skipped', async () => {
  // A gateway's key with an endpoint no one answers at: its check runs in the browser and fails (nothing reached, exit
  // 1), the others skip. Needs the build (`npm test` builds before test:scripts).
  const env = {
    ...withoutKeys(),
    USERPAYS_LIVE_GATEWAY_KEY: 'sim-live',
    USERPAYS_LIVE_GATEWAY_ENDPOINT: 'http://127.0.0.1:9',
  };
  const failed = await run(process.execPath, [script], {
    env: { ...env, USERPAYS_LIVE_OUT: '/tmp/userpays-live-test' },
  }).catch((error) => error);
  const lines = failed.stdout.trim().split('\n');
  assert.equal(lines.filter((line) => line.startsWith('skip ')).length, 8);
  assert.ok(!lines.some((line) => line.startsWith('skip gateway')));
  assert.ok(
    lines.some((line) => /^(ok|FAIL) gateway: /.test(line)),
    lines.join('\n'),
  );
});
