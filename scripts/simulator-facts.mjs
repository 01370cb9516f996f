// The table of docs/simulators.md that says, simulator by simulator, which of its facts are recorded and which are not,
// written from demo/sim/facts.mjs. `npm run docs:simulators` rewrites what lies between the markers;
// `npm run docs:simulators -- --check` (in `npm test`) fails when the file is not what the list says, and also where a
// recorded file the list names is missing, a test it names is missing, a module it names is not in demo/sim/, or a file
// in test/recorded/ (but its README and NOTICE), or a module of demo/sim/ (but the shared ones), is named by no
// simulator: so the list stays complete and true.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { settleDoc } from './generated-doc.mjs';
import { SIMULATOR_FACTS } from '../demo/sim/facts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = join(root, 'docs/simulators.md');
const RECORDED = join(root, 'test/recorded');
const BEGIN =
  '<!-- simulator-facts:begin: written by `npm run docs:simulators` from demo/sim/facts.mjs; edit that, then run it -->';
const END = '<!-- simulator-facts:end -->';
/** The modules of demo/sim/ that simulate no provider: the simulators' shared parts, and this list. */
const HELPERS = ['clock.mjs', 'facts.mjs', 'http.mjs', 'index.mjs', 'kit.mjs', 'png.mjs'];

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name)).map((file) => `${entry.name}/${file}`)
      : [relative(dir, join(dir, entry.name))],
  );

/** What in the list is not true of the repository: one sentence each. */
export function problems(facts = SIMULATOR_FACTS) {
  const found = [];
  const named = new Set();
  for (const simulator of facts) {
    for (const file of simulator.files)
      if (!existsSync(join(root, 'demo/sim', file))) found.push(`${simulator.name}: demo/sim/${file} is not there`);
    for (const fact of simulator.recorded) {
      for (const file of fact.from) {
        named.add(file);
        if (!existsSync(join(RECORDED, file))) found.push(`${simulator.name}: test/recorded/${file} is not there`);
      }
      for (const test of fact.heldBy)
        if (!existsSync(join(root, test))) found.push(`${simulator.name}: ${test} is not there`);
    }
  }
  const modules = new Set(facts.flatMap((simulator) => simulator.files));
  for (const file of readdirSync(join(root, 'demo/sim')))
    if (file.endsWith('.mjs') && !HELPERS.includes(file) && !modules.has(file))
      found.push(`demo/sim/${file} is named by no simulator in demo/sim/facts.mjs`);
  for (const file of filesUnder(RECORDED))
    if (!['README.md', 'NOTICE'].includes(file) && !named.has(file))
      found.push(`test/recorded/${file} is named by no simulator in demo/sim/facts.mjs`);
  return found;
}

const code = (list) => list.map((each) => `\`${each}\``).join(', ');

/** The section: one row per simulator. */
function table(facts) {
  const row = (simulator) => {
    const recorded = simulator.recorded.length
      ? simulator.recorded
          .map(
            (fact) => `${fact.fact} (${code(fact.from)}${fact.heldBy.length ? `; held by ${code(fact.heldBy)}` : ''})`,
          )
          .join('; ')
      : 'nothing';
    return `| ${simulator.name} | ${code(simulator.files)} | ${recorded} | ${simulator.unrecorded.join('; ')} |`;
  };
  return [
    '| simulator | modules (`demo/sim/`) | recorded (`test/recorded/`) | not recorded |',
    '| --- | --- | --- | --- |',
    ...facts.map(row),
  ].join('\n');
}

async function main() {
  const found = problems();
  if (found.length) {
    for (const problem of found) console.error(`simulator-facts: ${problem}`);
    process.exit(1);
  }
  const current = readFileSync(docPath, 'utf8');
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (begin < 0 || end < begin) {
    console.error(`simulator-facts: docs/simulators.md has no ${BEGIN} … ${END}`);
    process.exit(1);
  }
  const written = `${current.slice(0, begin + BEGIN.length)}\n\n${table(SIMULATOR_FACTS)}\n\n${current.slice(end)}`;
  const options = await prettier.resolveConfig(docPath);
  const formatted = await prettier.format(written, { ...options, filepath: docPath });
  settleDoc({
    script: 'simulator-facts',
    doc: 'docs/simulators.md',
    docPath,
    current,
    formatted,
    stale: 'does not say what demo/sim/facts.mjs says: run `npm run docs:simulators`',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
