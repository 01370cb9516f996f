// SPEC §8: dist/userpays.js — everything — stays within 30 KB gzip. CI fails past it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
const bytes = gzipSync(readFileSync(new URL('../dist/userpays.js', import.meta.url)), { level: 9 }).length;
const verdict = bytes <= BUDGET ? 'within' : 'OVER';
console.log(
  `dist/userpays.js: ${bytes} bytes gzip -9 (${(bytes / 1024).toFixed(1)} KB), ${verdict} the ${BUDGET} byte budget`,
);
if (bytes > BUDGET) process.exit(1);
