// What docs/architecture.md, "Adding a provider", says it takes, checked (`npm run check:provider-template`, in
// `npm run check`): a copy of one provider's folder (BFL's) under another name compiles after two edits and no other,
// its id and name added to `PROVIDER_NAMES`, which makes the `ProviderId` union (src/base/types.ts), and its line in the registry (src/providers/registry/registry.ts);
// and with the first edit alone it does not, the registry's type asking for the provider's entry. It works on a copy
// of src/ in a temporary folder, which it removes: the tree is left as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'userpays-provider-template-'));

/** `path` (in the copy) with `pattern` replaced; fails in words where the file no longer has the shape it expects. */
function edit(path, pattern, replacement, prepend = '') {
  const file = join(work, path);
  const text = readFileSync(file, 'utf8');
  if (!pattern.test(text)) throw new Error(`check-provider-template: ${path} has no ${pattern} to edit`);
  writeFileSync(file, prepend + text.replace(pattern, replacement));
}

/** `tsc --noEmit` on the copy's src/: its exit status and what it said. */
function typecheck() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  return { ok: run.status === 0, said: `${run.stdout}${run.stderr}`.trim() };
}

try {
  cpSync(join(root, 'src'), join(work, 'src'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  // The project's compiler options, on src/ only (the tests' types are not needed to compile the code).
  const options = { extends: join(root, 'tsconfig.json'), compilerOptions: { types: [] }, include: ['src/**/*.ts'] };
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(options));

  // The copy, renamed: nothing in it is edited.
  cpSync(join(work, 'src/providers/bfl'), join(work, 'src/providers/example'), { recursive: true });

  // 1. Its id (and name) in the union.
  edit('src/base/types.ts', /(export const PROVIDER_NAMES = \{\n)/, "$1  example: 'Example',\n");
  const unregistered = typecheck();
  // The registry's own error: the provider missing from `Record<ProviderId, ProviderEntry>`.
  if (
    unregistered.ok ||
    !/providers\/registry\/registry\.ts\(.*\n\s*Property 'example' is missing/.test(unregistered.said)
  ) {
    console.error(unregistered.said);
    throw new Error('check-provider-template: a provider in the union but not in the registry should not compile');
  }

  // 2. Its line in the registry: its static parts imported, its entry beside the others.
  edit(
    'src/providers/registry/registry.ts',
    /\n\} satisfies Record<ProviderId, ProviderEntry>;/,
    "\n  example: { info: exampleInfo, prices: examplePrices, adapter: () => import('../example/adapter.js') },$&",
    "import { info as exampleInfo } from '../example/info.js';\n" +
      "import { prices as examplePrices } from '../example/prices.js';\n",
  );
  const registered = typecheck();
  if (!registered.ok) {
    console.error(registered.said);
    throw new Error('check-provider-template: the copied provider, in the union and the registry, does not compile');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `check-provider-template: a copy of src/providers/bfl/ as "example" compiles with its id in the union and its ` +
      `line in the registry, and not without its registry line (${seconds} s)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
