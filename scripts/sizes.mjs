// The size check (SPEC §8, docs/performance.md), read from the build's own output: the parts manifest rollup writes
// (dist/parts.json: scripts/parts-manifest.mjs). Two hard gates, in budgets.json: the first paint (the entry and its
// static imports) and each provider's whole session (scripts/sessions.mjs says what it counts). Every other figure is
// reported, not capped: each part's gzip size, with its delta against the sizes last recorded (docs/sizes.json).
//
// `node scripts/sizes.mjs` (npm run check:size, in npm test): measures the build in dist/, prints every part and both
// gates with their deltas, and fails only on a gate crossed. `node scripts/sizes.mjs --record` (npm run size:record):
// the same, then writes docs/sizes.json and the generated tables of docs/performance.md.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { MANIFEST } from './parts-manifest.mjs';
import { firstPaintParts, partsInOrder, sessionParts, setAsideReason } from './sessions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const GATES = 'budgets.json';
const RECORD = 'docs/sizes.json';
const DOC = 'docs/performance.md';
const [START, END] = ['<!-- sizes:start -->', '<!-- sizes:end -->'];

const readJson = async (path) => JSON.parse(await readFile(join(root, path), 'utf8'));

/** The build in dist/: each part's gzip size, the first paint and each provider's session with the parts each counts. */
function measure(manifest) {
  const counted = (parts) => ({ gzip: parts.reduce((sum, name) => sum + manifest.parts[name].gzip, 0), parts });
  const sessions = sessionParts(manifest);
  return {
    entry: manifest.entry,
    parts: Object.fromEntries(partsInOrder(manifest).map((name) => [name, manifest.parts[name].gzip])),
    setAside: Object.fromEntries(
      partsInOrder(manifest)
        .map((name) => [name, setAsideReason(manifest, name)])
        .filter(([, reason]) => reason),
    ),
    firstPaint: counted(firstPaintParts(manifest)),
    sessions: Object.fromEntries(Object.entries(sessions).map(([provider, parts]) => [provider, counted(parts)])),
  };
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const delta = (now, before) =>
  before === undefined ? 'new' : now === before ? '±0' : `${now > before ? '+' : '−'}${bytes(Math.abs(now - before))}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Each gate: what it names, its figure, its cap, and its figure at the record. */
function gates(measured, budgets, record) {
  return [
    ['first paint', measured.firstPaint, budgets.firstPaint, record.firstPaint],
    ...Object.entries(measured.sessions).map(([provider, session]) => [
      `session, ${provider}`,
      session,
      budgets.session,
      record.sessions?.[provider],
    ]),
  ];
}

/**
 * The figures as rows, `[what, gzip, Δ recorded, gate]`: every part, then the parts the record has that the build no
 * longer makes, then each gate (its last cell says whether it holds).
 */
function rows(measured, budgets, record) {
  const parts = Object.entries(measured.parts).map(([name, gzip]) => [
    name === measured.entry ? `${name} (the entry)` : name,
    bytes(gzip),
    delta(gzip, record.parts?.[name]),
    '',
  ]);
  const gone = Object.entries(record.parts ?? {})
    .filter(([name]) => !(name in measured.parts))
    .map(([name, gzip]) => [`${name} (no longer built)`, '—', `−${bytes(gzip)}`, '']);
  const gated = gates(measured, budgets, record).map(([what, { gzip, parts: counted }, cap, before]) => [
    `${what} (${plural(counted.length, 'part')})`,
    bytes(gzip),
    delta(gzip, before?.gzip),
    `${gzip > cap ? 'OVER' : '≤'} ${bytes(cap)}`,
  ]);
  return [...parts, ...gone, ...gated];
}

/** For each gate whose parts are not those of the record: the parts it counts now and not then (+), then not now (−). */
function changes(measured, budgets, record) {
  return gates(measured, budgets, record).flatMap(([what, { parts }, , before]) => {
    if (!before) return [];
    const changed = [
      ...parts.filter((name) => !before.parts.includes(name)).map((name) => `+${name}`),
      ...before.parts.filter((name) => !parts.includes(name)).map((name) => `−${name}`),
    ];
    return changed.length ? [`${what} counts ${changed.join(', ')}`] : [];
  });
}

/** The gates crossed, in words. */
function verdict(measured, budgets) {
  return gates(measured, budgets, {})
    .filter(([, { gzip }, cap]) => gzip > cap)
    .map(([what, { gzip }, cap]) => `over a gate: ${what}, ${bytes(gzip)}, over ${bytes(cap)}`);
}

/** The rows of `sizesReport` as a plain-text table: the parts, then the gates. */
export function sizesTable(lines) {
  const header = ['part / gate', 'gzip', 'Δ recorded', 'gate'];
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const firstGate = lines.findIndex(([, , , gate]) => gate);
  return [header, ...lines.slice(0, firstGate), [], ...lines.slice(firstGate)]
    .map((cells) => (cells.length ? line(cells) : ''))
    .join('\n');
}

/** The Markdown docs/performance.md holds between its markers: the gates, then every part and the sessions it is in. */
function markdown(measured, budgets) {
  const providers = Object.keys(measured.sessions);
  const inSessions = (name) => providers.filter((provider) => measured.sessions[provider].parts.includes(name));
  const countedIn = (name) => {
    if (measured.setAside[name]) return 'none: set aside';
    const sessions = inSessions(name);
    const firstPaint = measured.firstPaint.parts.includes(name) ? 'the first paint, ' : '';
    if (sessions.length === providers.length) return `${firstPaint}every session`;
    return sessions.length ? sessions.join(', ') : 'none';
  };
  const gateRows = gates(measured, budgets, {}).map(
    ([what, { gzip, parts }, cap]) => `| ${what} | ${bytes(gzip)} | ${bytes(cap)} | ${parts.length} |`,
  );
  const partRows = Object.entries(measured.parts).map(
    ([name, gzip]) => `| \`${name}\` | ${bytes(gzip)} | ${countedIn(name)} |`,
  );
  return `${START}

<!-- Written by \`npm run size:record\` from the build: not edited by hand. -->

| gate | gzip | at most | parts |
| --- | --: | --: | --: |
${gateRows.join('\n')}

| part | gzip | counted in |
| --- | --: | --- |
${partRows.join('\n')}

${END}`;
}

/** Writes `measured` as the record (docs/sizes.json) and as the generated tables of docs/performance.md. */
async function record(measured, budgets) {
  const figure = ({ gzip, parts }) => ({ gzip, parts });
  const written = {
    parts: measured.parts,
    firstPaint: figure(measured.firstPaint),
    sessions: Object.fromEntries(
      Object.entries(measured.sessions).map(([provider, session]) => [provider, figure(session)]),
    ),
  };
  const pretty = async (path, text) => format(text, { ...(await resolveConfig(join(root, path))), filepath: path });
  await writeFile(join(root, RECORD), await pretty(RECORD, JSON.stringify(written)));
  const doc = await readFile(join(root, DOC), 'utf8');
  const [start, end] = [doc.indexOf(START), doc.indexOf(END)];
  if (start === -1 || end < start) throw new Error(`${DOC} has no ${START} … ${END} to write the sizes between`);
  const updated = doc.slice(0, start) + markdown(measured, budgets) + doc.slice(end + END.length);
  await writeFile(join(root, DOC), await pretty(DOC, updated));
}

/**
 * The build in dist/ against the two gates: its figures (`measured`), as rows with their deltas against the record
 * (`rows`), the gates whose parts changed since the record (`changes`), and the gates crossed (`errors`).
 * bench/run.mjs reports them too.
 */
export async function sizesReport() {
  const budgets = await readJson(GATES);
  const measured = measure(await readJson(`dist/${MANIFEST}`));
  const recorded = await readJson(RECORD).catch(() => ({}));
  return {
    budgets,
    measured,
    rows: rows(measured, budgets, recorded),
    changes: changes(measured, budgets, recorded),
    errors: verdict(measured, budgets),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { budgets, measured, rows: lines, changes: changed, errors } = await sizesReport();
  console.log(sizesTable(lines));
  for (const line of [...changed, ...errors]) console.log(line);
  if (process.argv.includes('--record')) {
    await record(measured, budgets);
    console.log(`recorded in ${RECORD} and ${DOC}`);
  }
  if (errors.length) {
    console.log(
      `The gates are SPEC §8's (${GATES}): a change that crosses one takes something out first, or says in its note why the gate should move.`,
    );
    process.exitCode = 1;
  }
}
