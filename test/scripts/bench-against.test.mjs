// bench/against.mjs compares this build with another commit's: its paired median and interval say whether a
// difference is more than the machine's noise, and the load pages must load the build named, never dist/ in its
// place (a comparison of dist/ with itself would say "no later" whatever the change). Run by `npm run test:scripts`.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { pairedMedian } from '../../bench/against.mjs';
import { loadPage } from '../../bench/load-pages.mjs';

test('the paired median, and an interval that holds it and no difference far from it', () => {
  const later = pairedMedian([12, 9, 11, 10, 13, 8, 10, 11, 9, 12, 10]);
  assert.equal(later.median, 10);
  assert.equal(later.pairs, 11);
  assert.ok(later.low <= 10 && 10 <= later.high, `${later.low} to ${later.high}`);
  assert.ok(later.low > 0, 'all later: the interval is above 0');
  const noise = pairedMedian([-20, 15, -5, 30, -25, 10, 0, -10, 20, -15, 5]);
  assert.ok(noise.low < 0 && noise.high > 0, `noise: ${noise.low} to ${noise.high} holds 0`);
});

test('the same figures give the same interval, and none where no pair has both loads', () => {
  const figures = [3, -4, 7, 1, -2, 5, 0, 2];
  assert.deepEqual(pairedMedian(figures), pairedMedian(figures));
  assert.deepEqual(pairedMedian([NaN, undefined]), { median: undefined, low: undefined, high: undefined, pairs: 0 });
});

test("a load page loads the build it names, and this checkout's dist/ for any other name", () => {
  const script = (query) => /src="([^"]+userpays\.js)"/.exec(loadPage('gallery', new URLSearchParams(query)))[1];
  assert.equal(script('count=1&build=8b595797abcd'), '/bench/results/builds/8b595797abcd/userpays.js');
  assert.equal(script('count=1&build=mapped'), '/bench/results/mapped/userpays.js');
  assert.equal(script('count=1'), '/dist/userpays.js');
  assert.equal(script('count=1&build=../../etc'), '/dist/userpays.js');
});
