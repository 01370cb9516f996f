// decimal.js puts every method on one prototype object, which no bundler can tree-shake, and it
// is 12.6 KB gzip of a 30 KB budget. Money here needs only arithmetic, comparison and output, so
// this rollup plugin deletes the other methods (trigonometry, logarithms, powers, base
// conversion …) from the source; tree-shaking then drops the internals only they used.
// A method removed here and called anyway fails loudly (`not a function`), never silently.

/** Prototype methods (any of their aliases) and statics that are kept. */
const KEEP_METHODS = new Set([
  // what src/ calls on a Decimal
  'plus',
  'minus',
  'times',
  'div',
  'lt',
  'gt',
  'gte',
  'isZero',
  'isNeg',
  'isFinite',
  'decimalPlaces',
  'toDecimalPlaces',
  'toFixed',
  'toString',
  'toNumber',
  'valueOf',
  // what those call inside decimal.js
  'abs',
  'ceil',
  'cmp',
  'lte',
  'max',
]);
const KEEP_STATICS = new Set(['clone', 'max', 'min']);
const TRANSCENDENTAL = ['naturalLogarithm', 'naturalExponential', 'logarithm', 'toPower', 'sine', 'cosine', 'tangent'];

export function slimDecimal() {
  return {
    name: 'slim-decimal',
    transform(code, id) {
      if (!/decimal\.js[\\/]decimal\.mjs$/.test(id)) return null;
      const lines = code.split(/\r?\n/);
      const out = [];
      let dropping = false;
      const removed = [];
      for (const line of lines) {
        if (dropping) {
          if (line === '};') dropping = false;
          continue;
        }
        const method = /^P\.((?:\w+ = P\.)*\w+) = function/.exec(line);
        if (method) {
          const names = method[1].split(' = P.');
          if (!names.some((n) => KEEP_METHODS.has(n))) {
            removed.push(names[0]);
            dropping = true;
            continue;
          }
        }
        // Statics read `  Decimal.abs = abs;`; `Decimal.prototype = P;` and the like must stay.
        const staticFn = /^ {2}Decimal\.(\w+) = (\w+);/.exec(line);
        if (staticFn && staticFn[1] === staticFn[2] && !KEEP_STATICS.has(staticFn[1])) continue;
        out.push(line);
      }
      let slim = out.join('\n');
      // Money strings are decimal: keep parseOther's answers for 'Infinity', 'NaN' and garbage (throw),
      // drop its hexadecimal, binary and octal parsing and the base conversion it needs.
      slim = slim.replace(
        /^function parseOther\(x, str\) \{[\s\S]*?^\}/m,
        `function parseOther(x, str) {
  if (str === 'Infinity' || str === 'NaN') {
    if (!+str) x.s = NaN;
    x.e = NaN;
    x.d = null;
    return x;
  }
  throw Error(invalidArgument + str);
}`,
      );
      if (TRANSCENDENTAL.every((name) => removed.includes(name))) {
        // LN10 and PI (1025 digits each) are only needed by the functions just removed.
        slim = slim.replace(/^( {2}(?:LN10|PI) = )'[\d.]+'/gm, "$1'0'");
      }
      return { code: slim, map: null };
    },
  };
}
