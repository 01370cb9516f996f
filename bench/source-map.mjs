// Reads the source maps of the bench's mapped build (bench/mapped-build.mjs): where in src/ (or which package) a
// position of a built file comes from, so that a trace's functions are named by their source rather than by
// terser's names. Source map v3 (https://tc39.es/ecma426/): `mappings` is base64 VLQ, one group per generated
// line, each segment [column, source, line, column, name?] with every field a delta from the one before it.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One segment's fields (each a delta), from base64 VLQ. */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** Generated lines, each a list of [column, source, line, column, name] (absolute; name -1 where none). */
function decodeMappings(mappings) {
  const lines = [];
  let [source, line, column, name] = [0, 0, 0, 0];
  for (const group of mappings.split(';')) {
    const segments = [];
    let generated = 0;
    for (const text of group.split(',')) {
      if (!text) continue;
      const f = decodeSegment(text);
      generated += f[0];
      if (f.length < 4) continue;
      source += f[1];
      line += f[2];
      column += f[3];
      if (f.length > 4) name += f[4];
      segments.push([generated, source, line, column, f.length > 4 ? name : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The identifier that names a function whose parameters start at `column` of `text` (where V8 places a function):
 * `function name(`, `name=(`, `name=function(`, `name:(`, `name(` (a method), `name:e=>`; its column, or undefined
 * (an arrow passed as an argument has none).
 */
function nameColumn(text, column) {
  const before = text.slice(Math.max(0, column - 120), column);
  const match = /([\w$]+)\s*(?:[=:]\s*(?:async\s*)?(?:function\s*\*?\s*)?)?$/.exec(before);
  if (!match || /^\d/.test(match[1]) || ['function', 'async', 'return'].includes(match[1])) return undefined;
  return column - before.length + match.index;
}

/**
 * A reader of the map beside the built file at `file` (a path on disk): `at(line, column)` and
 * `functionName(line, column)`, both 0-based.
 */
export async function readSourceMap(file) {
  const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
  const text = (await readFile(file, 'utf8')).split('\n');
  const lines = decodeMappings(map.mappings);
  // sources are relative to the map; named from the repository (node_modules shortened to the package's path)
  const sources = map.sources.map((s) =>
    relative(root, join(dirname(file), map.sourceRoot ?? '', s))
      .replaceAll('\\', '/')
      .replace(/^(\.\.\/)*(main\/)?node_modules\//, ''),
  );
  /** The last segment of generated `line` at or before `column`. */
  const segmentAt = (line, column) => {
    const segments = lines[line];
    if (!segments?.length || segments[0][0] > column) return undefined;
    let [low, high] = [0, segments.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid][0] <= column) low = mid;
      else high = mid - 1;
    }
    return segments[low];
  };
  return {
    /** The source position of generated (line, column): { source, line (1-based), name? }, or undefined. */
    at(line, column) {
      const segment = segmentAt(line, column);
      if (!segment) return undefined;
      const [, source, sourceLine, , name] = segment;
      return { source: sources[source], line: sourceLine + 1, name: name >= 0 ? map.names[name] : undefined };
    },
    /** The source's name of the function V8 places at (line, column): its identifier's original name, or itself. */
    functionName(line, column) {
      const at = nameColumn(text[line] ?? '', column);
      if (at === undefined) return undefined;
      const segment = segmentAt(line, at);
      const token = /^[\w$]+/.exec(text[line].slice(at))[0];
      return segment?.[0] === at && segment[4] >= 0 ? map.names[segment[4]] : token;
    },
  };
}
