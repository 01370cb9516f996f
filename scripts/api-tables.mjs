// The reference tables of docs/api.md (each element's attributes, properties, methods, events, CSS parts, CSS custom
// properties and custom states), written from custom-elements.json, which `npm run build` makes from the elements'
// JSDoc (custom-elements-manifest.config.mjs): `npm run docs:api` rewrites what lies between the markers in
// docs/api.md; `npm run docs:api -- --check` (in `npm test`, after the build) fails when the file is not what the
// manifest says, so that the reference cannot drift from the code. The text is formatted by prettier, as
// `npm run format` would write it, so that `prettier --check` and this check agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { settleDoc } from './generated-doc.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = join(root, 'custom-elements.json');
const docPath = join(root, 'docs/api.md');
const BEGIN =
  '<!-- api-tables:begin: written by `npm run docs:api` from custom-elements.json; edit the JSDoc in src/elements/ -->';
const END = '<!-- api-tables:end -->';
const ORDER = ['userpays-image', 'userpays-cost', 'userpays-tally'];

/** Constants the manifest names as defaults (`DEFAULT_MODEL`), with their values where src/ exports them as literals. */
function exportedConstants() {
  const constants = new Map();
  for (const file of readdirSync(join(root, 'src'), { recursive: true })) {
    if (!String(file).endsWith('.ts')) continue;
    const text = readFileSync(join(root, 'src', String(file)), 'utf8');
    for (const [, name, value] of text.matchAll(/^export const ([A-Z][A-Z0-9_]*) = ('[^'\n]*'|\d+);$/gm))
      constants.set(name, value);
  }
  return constants;
}

/** Text for a table cell: one line, its pipes escaped (GitHub splits cells on them, code spans included). */
const cell = (text = '') => text.replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
const code = (text) => `\`${text}\``;
/** A method's parameters as its signature names them (`options?: { edit?: EditInput }`). */
const parameters = (method) =>
  (method.parameters ?? [])
    .map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${cell(p.type.text)}` : ''}`)
    .join(', ');

/** A default as a reader wants it: the value, not the source that spells it. */
function shownDefault(attribute, constants) {
  const value = constants.get(attribute.default) ?? attribute.default;
  if (value === undefined) return attribute.fieldName ? 'unset' : '—'; // a global attribute (`lang`) has none of its own
  if (value === "''") return 'empty';
  if (value === 'false' && attribute.type?.text === 'boolean') return 'absent';
  return code(value.replace(/^'(.*)'$/, '$1'));
}

function table(heading, columns, rows) {
  if (!rows.length) return [];
  return [
    `### ${heading}`,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function reference(manifest, constants) {
  const declarations = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => ORDER.indexOf(a.tagName) - ORDER.indexOf(b.tagName));
  const lines = [];
  for (const d of declarations) {
    const members = d.members ?? [];
    const fields = members.filter((m) => m.kind === 'field');
    lines.push(`## ${code(`<${d.tagName}>`)}`, '', cell([d.summary, d.description].filter(Boolean).join(' ')), '');
    lines.push(
      ...table(
        'Attributes',
        ['attribute', 'property', 'default', 'meaning'],
        (d.attributes ?? []).map((a) => [
          code(a.name),
          a.fieldName ? code(a.fieldName) : '(global attribute)',
          shownDefault(a, constants),
          cell(a.description),
        ]),
      ),
      ...table(
        'Properties without an attribute',
        ['property', 'type', 'meaning'],
        fields
          .filter((m) => !m.attribute && !(d.attributes ?? []).some((a) => a.fieldName === m.name))
          .map((m) => [
            code(m.name),
            // Read-only once: in the type's cell, unless the description says so already.
            `${m.type ? code(cell(m.type.text)) : ''}${m.readonly && !/read-only/i.test(m.description ?? '') ? ' (read-only)' : ''}`,
            cell(m.description),
          ]),
      ),
      ...table(
        'Methods',
        ['method', 'what it does'],
        members
          .filter((m) => m.kind === 'method')
          .map((m) => [
            code(`${m.name}(${parameters(m)})${m.return?.type ? `: ${cell(m.return.type.text)}` : ''}`),
            cell(m.description),
          ]),
      ),
      ...table(
        'Events',
        ['event', 'when, and its `detail`'],
        (d.events ?? []).map((e) => [code(e.name), cell(e.description)]),
      ),
      ...table(
        'CSS parts',
        ['part', 'what it is'],
        (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
      ...table(
        'CSS custom properties',
        ['property', 'what it sets'],
        (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
      ...table(
        'Custom states',
        ['state', 'when'],
        (d.cssStates ?? []).map((s) => [code(`:state(${s.name})`), cell(s.description)]),
      ),
    );
  }
  return lines.join('\n');
}

if (!existsSync(manifestPath)) {
  console.error('api-tables: custom-elements.json is missing: run `npm run build` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const current = readFileSync(docPath, 'utf8');
const begin = current.indexOf(BEGIN);
const end = current.indexOf(END);
if (begin < 0 || end < begin) {
  console.error(`api-tables: docs/api.md has lost its markers; the tables go between\n${BEGIN}\nand\n${END}`);
  process.exit(1);
}
const written = `${current.slice(0, begin)}${BEGIN}\n\n${reference(manifest, exportedConstants())}\n\n${current.slice(end)}`;
const formatted = await prettier.format(written, { ...(await prettier.resolveConfig(docPath)), filepath: docPath });
settleDoc({
  script: 'api-tables',
  doc: 'docs/api.md',
  docPath,
  current,
  formatted,
  stale:
    'is not what custom-elements.json says (an element’s JSDoc changed): run\n' +
    '  npm run build && npm run docs:api\nand commit docs/api.md.',
});
