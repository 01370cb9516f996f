// bench/source-map.mjs names the functions of a trace by their place in src/ (bench/load-breakdown.mjs): a decoder
// that slips a field names every function wrongly, and nothing else would say so. Here a minified build of a small
// module, with its map, written by esbuild, is read back: each function's place and name are the source's. Run by
// `npm run test:scripts` (node --test), in `npm test`.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { readSourceMap } from '../../bench/source-map.mjs';
import { temporaryFolder } from '../support/temporary-folder.mjs';

const SOURCE = `export function priceOfTheModel(first, second) {
  return first * second + 1;
}

export const widthOfTheImage = (size, scale) => {
  return size.width * scale;
};

export const table = {
  heightOfTheImage(size) {
    return size.height;
  },
};
`;

/** The module built minified into one line, with its map beside it; its text and the map's reader. */
async function built() {
  const dir = temporaryFolder('bench-map-');
  writeFileSync(join(dir, 'prices.js'), SOURCE);
  const outfile = join(dir, 'out.js');
  await build({
    entryPoints: [join(dir, 'prices.js')],
    outfile,
    format: 'esm',
    minify: true,
    sourcemap: true,
    logLevel: 'silent',
  });
  return { text: readFileSync(outfile, 'utf8'), map: await readSourceMap(outfile) };
}

/** Where V8 places a function: where its parameters start, the `(` after its name or key. */
const paramsAfter = (text, pattern) => text.indexOf('(', pattern.exec(text).index);

test("a minified function's place and name are the source's", async () => {
  const { text, map } = await built();
  assert.doesNotMatch(text, /function priceOfTheModel/, 'the build renamed it');
  const column = paramsAfter(text, /function [\w$]+\(/);
  assert.equal(map.functionName(0, column), 'priceOfTheModel');
  assert.equal(map.at(0, column).line, 1);
  assert.match(map.at(0, column).source, /prices\.js$/);
});

test('an arrow kept in a renamed constant is named by the constant, on its own line', async () => {
  const { text, map } = await built();
  const column = paramsAfter(text, /[\w$]+=\([\w$]+,[\w$]+\)=>/);
  assert.equal(map.functionName(0, column), 'widthOfTheImage');
  assert.equal(map.at(0, column).line, 5);
});

test('a method keeps its own name, and the line a sample ran in its body is found', async () => {
  const { text, map } = await built();
  const column = paramsAfter(text, /heightOfTheImage\(/);
  assert.equal(map.functionName(0, column), 'heightOfTheImage');
  assert.equal(map.at(0, text.indexOf('.height', column)).line, 11);
});

test('an arrow passed as it is has no name, and a place outside the map none either', async () => {
  const { map } = await built();
  assert.equal(map.functionName(0, 0), undefined);
  assert.equal(map.at(5, 0), undefined);
});
