// `npm run docs:simulators` (scripts/simulator-facts.mjs, from demo/sim/facts.mjs): the list of what each simulator
// takes from a recording holds for the repository, and fails where it names a file that is gone or leaves a recorded
// file unnamed. Run by `npm run test:scripts` (node --test), in `npm test`.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { problems } from '../../scripts/simulator-facts.mjs';
import { SIMULATOR_FACTS } from '../../demo/sim/facts.mjs';

test('every recorded file is named by a simulator, and every file and test the list names is there', () => {
  assert.deepEqual(problems(), []);
});

test('a recorded file no simulator names, or a file named that is gone, is said', () => {
  const withoutOpenRouter = SIMULATOR_FACTS.filter((simulator) => simulator.name !== 'OpenRouter');
  const found = problems(withoutOpenRouter);
  assert.ok(
    found.includes(
      'test/recorded/openrouter/images_generate_qwen-image-3_1K.json is named by no simulator in demo/sim/facts.mjs',
    ),
  );
  assert.ok(found.includes('demo/sim/openrouter.mjs is named by no simulator in demo/sim/facts.mjs'));
  const gone = [
    {
      name: 'X',
      files: ['x.mjs'],
      recorded: [{ fact: 'x', from: ['x.json'], heldBy: ['test/x.test.ts'] }],
      unrecorded: [],
    },
  ];
  assert.deepEqual(
    problems([...SIMULATOR_FACTS, ...gone]).filter((problem) => problem.startsWith('X:')),
    ['X: demo/sim/x.mjs is not there', 'X: test/recorded/x.json is not there', 'X: test/x.test.ts is not there'],
  );
});
