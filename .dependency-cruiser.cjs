/**
 * The layers of src/, bottom to top, and the only directions imports may take (see docs/architecture.md):
 *
 *   base (types, errors, strings, clock) ← pricing ← providers ← ledger ← generation ← elements ← entries
 *
 * A module imports from its own layer or the layers below it, never above; nothing imports in a circle.
 * `npm test` runs `depcruise src` with this file and fails on any violation.
 */
const BASE = '^src/((types|errors|clock)\\.ts|strings/)';
const ENTRIES = '^src/(index|script|define|api)\\.ts$';

/** A rule forbidding `from` to import any of `to`. */
const forbid = (name, comment, from, to, more = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: ENTRIES },
  to: { path: to, ...more },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles make modules depend on evaluation order and hide which layer owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (the entries and type declarations aside).',
      severity: 'error',
      // load-*-script.ts replace load-*.ts in the classic-script build (rollup.config.mjs).
      from: { orphan: true, pathNot: [ENTRIES, '\\.d\\.ts$', '^src/load-(engine|panels)-script\\.ts$'] },
      to: {},
    },
    forbid(
      'base-imports-nothing',
      'types, errors, strings and clock are the bottom layer.',
      BASE,
      '^src/(?!strings/)[^/]+/',
    ),
    forbid(
      'page-without-engine-modules',
      "The engine's sentences, learned durations and Puter's live prices load with the engine: nothing the page loads may import them.",
      '^src/(?!(generation|media|providers|strings)/|ledger/(image-store|gallery|durations)|engine)',
      '^src/(strings/engine|ledger/durations|pricing/puter-catalogue)\\.ts$',
    ),
    forbid(
      'pricing-is-pure',
      'Prices are data and pure functions: no provider, ledger, flow or UI.',
      '^src/pricing/',
      '^src/(providers|ledger|generation|elements)/',
    ),
    forbid(
      'providers-below-ledger',
      'Providers know nothing of the ledger, the flow or the DOM elements.',
      '^src/providers/',
      '^src/(ledger|generation|elements)/',
    ),
    forbid(
      'ledger-below-generation',
      'The ledger knows nothing of the flow or the elements.',
      '^src/ledger/',
      '^src/(generation|elements)/',
    ),
    forbid(
      'generation-below-elements',
      'The flow is testable without any element.',
      '^src/generation/',
      '^src/elements/',
    ),
    forbid('nothing-imports-entries', 'Entries are the top: only they define elements and exports.', '^src/', ENTRIES),
    forbid(
      'media-is-base-only',
      'Reading and resizing images in the browser depends on nothing but the base.',
      '^src/media/',
      '^src/[^/]+/',
      { pathNot: '^src/(media|strings)/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'the-engine-loads-lazily',
      'The elements reach the engine (adapters, pipeline, image store, media) only through loadEngine(), so that it stays out of the first load; they may name its types.',
      '^src/elements/',
      '^src/(generation|media)/|^src/ledger/(image-store|gallery|durations)|^src/pricing/puter-catalogue|^src/providers/(?!catalog|urls|provider)',
      { dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'the-panels-load-lazily',
      'The elements reach the panels (comparison, projection) only through loadPanels(), after their first paint; they may name their types.',
      '^src/elements/(?!panels/)',
      '^src/elements/panels/|^src/pricing/compare|^src/ledger/projection|^src/strings/panels',
      { dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'templates-draw-only',
      'A template draws a view: it may name their types, but runs no controller, store or provider code.',
      '-template\\.ts$',
      '^src/(providers|ledger|generation)/|/controllers/',
      { dependencyTypesNot: ['type-only'] },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
