// What the two size gates count (SPEC §8, docs/performance.md), read from the parts manifest the build writes
// (dist/parts.json: scripts/parts-manifest.mjs). No Node API: the size check (scripts/sizes.mjs) and the tests of the
// built files (test/e2e/session-parts.test.ts) count alike.

/** What no widget's session loads, by the module whose `import()` loads it (a folder ends with /), and why. */
export const SET_ASIDE = {
  'src/translations/': "a translation: loaded only where a page's or an element's lang asks for one",
  'src/generation/headless.ts':
    "the headless API (UserPays.generate, signIn, signOut): a page's own call, never the widget's",
  'src/check/':
    "Check this account (UserPays.check, docs/check.md): a page's own call, or the demo's check page, never the widget's",
  'src/pricing/price-book-problems.ts':
    "what is wrong with a page's own priceBook, told its developer: loaded only on a page whose priceBook is wrong",
  'src/elements/tally/panels/': 'the panels of <userpays-tally>: another element, loaded only where a page adds one',
  'src/generation/reconcile.ts':
    "Reconcile with my account, and settling the tally's uncertain charges from the providers' records: only <userpays-tally>'s panels load it (through the engine); a widget settles its own through resume",
};

/**
 * The parts only some providers' sessions open, by the module whose `import()` loads them, with those providers: set
 * aside in the others' sessions (test/e2e/session-parts.test.ts holds each list to the providers' info).
 */
export const OPENED_BY = {
  'src/elements/image/accounts/panel/sign-in/index.ts': ['openrouter', 'huggingface', 'pollinations'],
  'src/providers/engine/oauth.ts': ['openrouter', 'huggingface', 'pollinations'],
  'src/elements/image/options/panel/controls/index.ts': ['bfl', 'fal', 'pollinations'],
  'src/elements/image/accounts/panel/puter/index.ts': ['puter'],
  // The editor: Edit is offered where a model of the provider edits images (its edit facts' `edits`: edit-prices.ts).
  'src/elements/image/editor/panel/view/index.ts': [
    'bfl',
    'fal',
    'google',
    'openai',
    'openrouter',
    'pollinations',
    'puter',
  ],
  // The editor's extension: where a model of the provider extends an image (its edit facts' `edits` has `extend`).
  'src/elements/image/editor/panel/extend/index.ts': ['bfl', 'fal'],
};

/** The manifest's parts, the entry first, then by name: the order a list of parts is given in. */
export const partsInOrder = (manifest) =>
  Object.keys(manifest.parts).sort((a, b) =>
    a === manifest.entry ? -1 : b === manifest.entry ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

/** The parts `from` reaches by static imports, and with `dynamic` by `import()` too, entering none that `skip` names. */
function reach(manifest, from, { dynamic, skip = () => false }) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || skip(name)) return;
    seen.add(name);
    const part = manifest.parts[name];
    for (const next of [...part.imports, ...(dynamic ? part.dynamicImports : [])]) visit(next);
  };
  visit(from);
  return partsInOrder(manifest).filter((name) => seen.has(name));
}

/** Whether `module` (a path from the project's root) is `path`, or under it where `path` is a folder (ends with /). */
const under = (module, path) => module === path || (path.endsWith('/') && module.startsWith(path));

/**
 * The providers, each with its adapter's part (the one an `import()` of src/providers/<id>/adapter.ts loads), in the
 * order the entry names them (the registry's).
 */
export function providerAdapters(manifest) {
  const found = new Map();
  const order = manifest.parts[manifest.entry].dynamicImports;
  const names = Object.keys(manifest.parts).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const name of names)
    for (const module of manifest.parts[name].loadedBy) {
      const provider = /^src\/providers\/([^/]+)\/adapter\.ts$/.exec(module)?.[1];
      if (provider) found.set(provider, name);
    }
  if (found.size === 0) throw new Error('the parts manifest has no provider adapter (src/providers/<id>/adapter.ts)');
  return found;
}

/** The first paint: the entry and every part it imports statically. */
export const firstPaintParts = (manifest) => reach(manifest, manifest.entry, { dynamic: false });

/**
 * Why `name` is in no session (a reason of `SET_ASIDE`), or undefined: a part an `import()` of a module set aside
 * loads. The entry is never set aside.
 */
export function setAsideReason(manifest, name) {
  if (name === manifest.entry) return undefined;
  const [, reason] =
    Object.entries(SET_ASIDE).find(([path]) => manifest.parts[name].loadedBy.some((module) => under(module, path))) ??
    [];
  return reason;
}

/**
 * Each provider's whole session: every part the entry reaches, statically or with `import()`, but the other
 * providers' (those an `import()` of a module of src/providers/<other>/ loads: their adapters, their prices of the
 * other families, their readers of live prices) and what only they reach, the parts set aside (`SET_ASIDE`), and the
 * parts only some providers' sessions open where this one is not among them (`OPENED_BY`).
 */
export function sessionParts(manifest) {
  const adapters = providerAdapters(manifest);
  const sessions = {};
  for (const provider of adapters.keys()) {
    const skip = (name) => {
      if (name === manifest.entry) return false;
      const { loadedBy } = manifest.parts[name];
      const others = loadedBy.some((module) => {
        const owner = /^src\/providers\/([^/]+)\//.exec(module)?.[1];
        return owner !== provider && adapters.has(owner);
      });
      const notOpened = loadedBy.some((module) =>
        Object.entries(OPENED_BY).some(([path, providers]) => under(module, path) && !providers.includes(provider)),
      );
      return others || notOpened || setAsideReason(manifest, name) !== undefined;
    };
    sessions[provider] = reach(manifest, manifest.entry, { dynamic: true, skip });
  }
  return sessions;
}
