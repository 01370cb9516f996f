/**
 * The layers of src/, bottom to top, and the only directions imports may take (see docs/architecture.md):
 *
 *   base/, strings/ ← pricing/ ← providers/ ← ledger/, images/ ← generation/ ← check/ ← lazy/ ← elements/ ← the entry
 *
 * A module imports from its own layer or the layers below it, never above; nothing imports in a circle. The entry
 * is the three modules at the root of src/ (index.ts, define.ts, api.ts). `npm test` runs `depcruise src` with this
 * file and fails on any violation.
 */
const { readFileSync } = require('node:fs');

const ENTRY = '^src/(index|define|api)\\.ts$';
/**
 * A provider's folder: src/providers/<id>/, for each `ProviderId` (the keys of `PROVIDER_NAMES` in src/base/types.ts,
 * read here so that a provider added there is a folder here). It holds what the page knows of the provider before its
 * adapter loads (info.ts, prices.ts with its families.ts: the registry holds them, with the first paint) and its
 * adapter (adapter.ts, a chunk of its own, loaded when the provider is first used) with what only the adapter uses (its
 * account, its words, its reader of live prices).
 */
const PROVIDER_NAMES = /export const PROVIDER_NAMES = \{([^}]+)\}/.exec(
  readFileSync(`${__dirname}/src/base/types.ts`, 'utf8'),
);
if (!PROVIDER_NAMES)
  throw new Error('.dependency-cruiser.cjs: no `export const PROVIDER_NAMES = {…}` in src/base/types.ts');
const PROVIDER_FOLDER = `^src/providers/(${[...PROVIDER_NAMES[1].matchAll(/^\s*([\w-]+):/gm)].map(([, id]) => id).join('|')})/`;
const ADAPTER = '^src/providers/[^/]+/adapter\\.ts$';
/**
 * The registry: src/providers/registry/, what gathers every provider's folder (the registry itself, and what reads
 * every provider through it: the catalog, the built-in price book, the page's prices held to it, the hosts a page's CSP
 * must allow, each provider's edit facts gathered, the loader of the edits' pricing, and the engine's loader of each
 * adapter). It sits above the providers' folders, which sit above engine/ and the top level of providers/ (the types,
 * the address checks, the model makers' facts): nothing below it imports it.
 */
const REGISTRY = '^src/providers/registry/';
/**
 * What of the providers loads with the first paint: the top level of providers/ (the model makers' facts, the address
 * checks, the types), the registry but for what loads after it (the engine's loader of adapters, the edit facts
 * gathered), and each folder's info and prices (its prices of the model families besides FLUX among them:
 * families.ts).
 */
const PROVIDER_PRICES = '^src/providers/[^/]+/(info|prices|families)\\.ts$';
const REGISTRY_FIRST_PAINT = `${REGISTRY}(?!(adapters|edit-prices)\\.ts$)[^/]+\\.ts$`;
/** Each provider's edit facts (its folder's edit-prices.ts) and the registry's module that gathers them, after the first paint. */
const EDIT_FACTS = '^src/providers/[^/]+/edit-prices\\.ts$';
const PROVIDERS_FIRST_PAINT = `^src/providers/[^/]+\\.ts$|${REGISTRY_FIRST_PAINT}|${PROVIDER_PRICES}`;
/**
 * What loads after the first paint (lazy/index.ts): the engine's modules (the pipeline, the image store, and the
 * folders of providers/: the code the adapters share, engine/, each provider's folder, whose adapter the engine loads,
 * and the registry's loader of adapters), the ledger. The elements know the providers through the registry's first
 * paint (which holds each folder's info and prices: the catalog, the price book) and the top level of providers/.
 */
const ENGINE = `^src/(generation|images)/|^src/providers/(?!registry/)[^/]+/|${REGISTRY}adapters\\.ts$`;
const LEDGER = '^src/ledger/';
/**
 * What each element loads after its first paint: its `panels/` folder (the part that lists what its features add
 * later), and each of its features' `panel/` folder (what the feature draws and does once the panels are here, or at
 * the user's action), which only that element loads, with `import()`.
 */
const PANELS = '^src/elements/[^/]+/(panels|[^/]+/panel)/';
/** A feature of an element: a folder of its own (`image/editor/`…), beside its `panels/` and `shared/` (groups: element, feature). */
const FEATURE = '^src/elements/(?!shared/)([^/]+)/(?!panels/|shared/)([^/]+)/';

/** A rule forbidding `from` to import any of `to`. */
const forbid = (name, comment, from, to, more = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: ENTRY },
  to: { path: to, ...more },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Import circles make modules depend on evaluation order and hide which layer owns what: none, type-only and import() edges included (the view’s interfaces live in the view’s module, image/view.ts, below what draws and builds it).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (the entry and type declarations aside).',
      severity: 'error',
      from: { orphan: true, pathNot: ['^src/index\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
    forbid(
      'base-imports-nothing',
      'base/ and strings/ are the bottom layer.',
      '^src/(base|strings)/',
      '^src/(?!base/|strings/)',
    ),
    forbid(
      'translations-are-words',
      "A translation is words: it names the English it translates (strings/, a provider's words.ts) and nothing else.",
      '^src/translations/',
      '^src/(?!base/|strings/|translations/|providers/[^/]+/words\\.ts$)',
    ),
    forbid(
      'elements-load-translations',
      'Only the elements speak a language: nothing below them loads a translation.',
      '^src/(?!elements/|translations/)',
      '^src/translations/',
    ),
    forbid(
      'pricing-is-pure',
      'Prices are data and pure functions: no provider, ledger, image, flow or UI.',
      '^src/pricing/',
      '^src/(providers|ledger|images|generation|lazy|elements)/',
    ),
    forbid(
      'providers-below-ledger',
      'Providers know nothing of the ledger, the image store, the flow or the elements.',
      '^src/providers/',
      '^src/(ledger|images|generation|lazy|elements)/',
    ),
    forbid(
      'ledger-and-images-below-generation',
      'The ledger and the image store know nothing of the flow or the elements.',
      '^src/(ledger|images)/',
      '^src/(generation|lazy|elements)/',
    ),
    forbid('ledger-knows-no-images', 'The ledger books money, not images.', '^src/ledger/', '^src/images/'),
    forbid('images-know-no-ledger', 'The image store keeps images, not money.', '^src/images/', '^src/ledger/'),
    forbid(
      'generation-below-elements',
      'The flow is testable without any element.',
      '^src/generation/',
      '^src/(lazy|elements)/',
    ),
    forbid(
      'the-check-is-above-generation',
      'Check this account (check/: UserPays.check) makes its image through generation/ and reads through providers/: nothing below it, and no element, imports it (lazy/ loads it by import()).',
      '^src/(base|strings|pricing|providers|ledger|images|generation|elements)/',
      '^src/check/',
    ),
    forbid('nothing-imports-the-entry', 'The entry is the top: only it defines elements and exports.', '^src/', ENTRY),
    {
      name: 'lazy-loads-only-by-import',
      comment:
        'lazy/index.ts reaches the parts it loads only through import() (and their types): a static import would pull them into the first load. It shares base/ (lazily.ts) with the registry.',
      severity: 'error',
      from: { path: '^src/lazy/index\\.ts$' },
      to: { pathNot: '^src/base/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'a-provider-is-its-own-folder',
      comment:
        'A provider’s folder imports the shared provider code (the top level of providers/, engine/) and the layers below, never another provider’s folder (Hugging Face aside: its own rule below), nor the registry (the-registry-is-above-the-providers).',
      severity: 'error',
      from: { path: PROVIDER_FOLDER, pathNot: '^src/providers/huggingface/' },
      to: { path: PROVIDER_FOLDER, pathNot: '^src/providers/$1/' },
    },
    forbid(
      'the-registry-is-above-the-providers',
      'The registry (providers/registry/) gathers every provider’s folder and reads them all: nothing else of providers/ imports it, types included, so that the order is the registry, then each provider’s folder, then engine/, then the top level of providers/ that they all share.',
      '^src/providers/(?!registry/)',
      REGISTRY,
    ),
    {
      name: 'huggingface-builds-on-fals-queue',
      comment:
        'Hugging Face’s router passes a request under /fal-ai/ on to fal’s queue and fal’s replies back unchanged: its adapter reads them with fal’s queue code (fal/queue.ts), its prices take fal’s sizes for FLUX.2 [dev] (fal/prices.ts). Nothing else of fal’s, and no other provider’s.',
      severity: 'error',
      from: { path: '^src/providers/huggingface/' },
      to: { path: PROVIDER_FOLDER, pathNot: '^src/providers/(huggingface/|fal/(queue|prices)\\.ts$)' },
    },
    forbid(
      'the-first-paint-holds-no-adapter-code',
      'What the registry holds (each folder’s info and prices), the registry’s own modules but its loader of adapters and its gathered edit facts, and the top level of providers/ load with the first paint: they import no adapter, no account, no provider’s words, no reader of live prices and none of engine/, statically; the registry loads each adapter by import().',
      PROVIDERS_FIRST_PAINT,
      '^src/providers/[^/]+/',
      { pathNot: `${PROVIDER_PRICES}|${REGISTRY_FIRST_PAINT}`, dependencyTypesNot: ['type-only', 'dynamic-import'] },
    ),
    {
      name: 'the-edit-facts-load-after-the-first-paint',
      comment:
        'What each model makes of the images it is sent (each provider’s edit-prices.ts, gathered by providers/registry/edit-prices.ts, which only its loader, edits-loader.ts, reaches by import()) loads a moment after the first paint, which edits nothing: the entry, the first paint of the elements, pricing/ and what of providers/ loads with the first paint reach it only by import(); the panels, the headless API and the adapters may import it.',
      severity: 'error',
      from: {
        path: `${ENTRY}|^src/elements/(?![^/]+/(panels|[^/]+/panel)/)|^src/pricing/|${PROVIDERS_FIRST_PAINT}`,
      },
      to: { path: EDIT_FACTS, dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'only-the-registry-loads-adapters',
      comment:
        'A provider’s adapter is a chunk of its own, loaded when its provider is first used: only providers/registry/registry.ts imports one, and only by import() (registry/adapters.ts loads it from there: once, shared, retried after a failed load, its failure said in words), so that a session with one provider never loads the others’ code. Types may be named.',
      severity: 'error',
      from: { pathNot: '^src/providers/registry/registry\\.ts$' },
      to: { path: ADAPTER, dependencyTypesNot: ['type-only'] },
    },
    forbid(
      'the-engine-loads-lazily',
      'The elements reach the engine (pipeline, image store, the providers’ engine code and folders) only through loadEngine(), so that it stays out of the first load; they know the providers through the registry’s first paint (the registry, the catalog, the price book) and the top level of providers/; they may name the engine’s types.',
      '^src/elements/',
      ENGINE,
      { dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'the-ledger-loads-lazily',
      'The elements reach the ledger only through loadLedger(), just after the first paint; they may name its types.',
      '^src/elements/',
      LEDGER,
      { dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'the-panels-load-lazily',
      'An element reaches its panels (its `panels/` folder and its features’ `panel/` folders) only with import(), after its first paint (its PanelsController); its first paint may name their types.',
      '^src/elements/(?![^/]+/(panels|[^/]+/panel)/)',
      PANELS,
      { dependencyTypesNot: ['type-only', 'dynamic-import'] },
    ),
    {
      name: 'each-element-loads-its-own-panels',
      comment:
        'An element’s panels are its own: no other element, and nothing below the elements (lazy/ loads only the engine and the ledger), loads them.',
      severity: 'error',
      from: { path: '^src/(?!elements/)|^src/elements/([^/]+)/', pathNot: ENTRY },
      to: { path: PANELS, pathNot: '^src/elements/$1/' },
    },
    {
      name: 'features-import-no-feature',
      comment:
        'A feature of an element (a folder of its own beside `panels/` and `shared/`) imports no other feature, types included: what it asks of another is that feature’s contract (image/shared/features.ts), handed to it by the panels.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^src/elements/$1/(?!panels/|shared/)[^/]+/', pathNot: '^src/elements/$1/$2/' },
    },
    {
      name: 'features-are-below-the-panels',
      comment:
        'An element’s panels make its features and compose what several draw (the canvas): a feature never imports them, nor (for `<userpays-image>`, whose own modules are the element and its first paint) the element’s modules above it.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^src/elements/$1/panels/|^src/elements/image/[^/]+\\.ts$' },
    },
    {
      name: 'an-element-shares-downward',
      comment:
        'What an element’s features share (its `shared/` folder: the view’s types, the working parts, the contracts, helpers) imports none of its features, its panels or its own modules.',
      severity: 'error',
      from: { path: '^src/elements/([^/]+)/shared/' },
      to: { path: '^src/elements/$1/(?!shared/)' },
    },
    forbid(
      'the-lazy-loaders-are-below-the-elements',
      'lazy/ loads parts below the elements (the engine, the ledger): it never imports an element’s module.',
      '^src/lazy/',
      '^src/elements/',
    ),
    forbid(
      'templates-draw-only',
      'A template draws a view: it may name their types, but runs no controller, store or provider code.',
      '-template\\.ts$',
      '^src/(providers|ledger|images|generation|lazy)/|-controller\\.ts$',
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
