// The rules `npm run check:catalog` holds the price book and the provider docs to (scripts/check-catalog.mjs runs them
// on the real book; test/scripts/check-catalog.test.mjs on planted ones). Pure: a book, the makers' shutdowns, the docs'
// texts and a day in, the findings out, each one plain line. The rules, each read on `today` (a `YYYY-MM-DD` day, UTC),
// each chosen so that a book nobody touches stays as it was found until a date in it, or a source's age, says otherwise:
//
// 1. Offered past its maker's shutdown. An entry that is offered on `today` (its lifecycle states no shutdown on or
//    before `today`) of a model whose maker has shut it down by `today` (src/providers/model-facts.ts,
//    `UPSTREAM_SHUTDOWNS`). An entry past its own shutdown is not a finding: it is never offered nor sent
//    (src/pricing/lifecycle.ts) and is kept so that a page naming the model gets its replacement.
// 2. Ending within 14 days with no replacement. An entry whose shutdown falls in the 14 days after `today` (today
//    excluded, the 14th day included) without a replacement the same path prices (same provider, same host book) and
//    still serves on the shutdown day. Past its shutdown the entry is rule 1's or nobody's.
// 3. A stale source on a model still offered. An entry offered on `today` whose price source or lifecycle source was
//    read (`asOf`) more than 90 days before `today`.
// 4. A doc naming a dead or unknown id. A backticked id in docs/providers.md or a provider's README that the book has
//    only with an announced shutdown (on every entry that names it, as our id or as the provider's own `model`: a doc
//    is read long after it is written, so one that ends in a week is as dead to it as one that ended), or that looks
//    like a model id (`MODEL_ID`) and that the book does not have at all.
const DAY_MS = 86_400_000;
const SOON_DAYS = 14;
const STALE_DAYS = 90;

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
const daysBetween = (from, to) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Whether `lifecycle` ends its model by `day` (its shutdown on or before it). */
const endedBy = (lifecycle, day) => !!lifecycle?.shutdown && lifecycle.shutdown <= day;

/**
 * Every entry of the book, by path: `[host, model, provider, entry, book]`, `book` the one that path prices with (the
 * built-in book, or it with a host's laid over it, as src/providers/registry/prices.ts `priceBookFor` does).
 */
function* entries(builtin, gateways) {
  const paths = [['', builtin], ...Object.entries(gateways).map(([host, book]) => [host, book])];
  for (const [host, book] of paths) {
    const inForce = host ? { ...builtin, ...mergeModels(builtin, book) } : builtin;
    for (const [model, byProvider] of Object.entries(book))
      for (const [provider, entry] of Object.entries(byProvider)) yield [host, model, provider, entry, inForce];
  }
}

const mergeModels = (base, over) =>
  Object.fromEntries(Object.entries(over).map(([model, byProvider]) => [model, { ...base[model], ...byProvider }]));

const where = (host, model, provider) => `${model} at ${provider}${host ? ` (${host})` : ''}`;

/** The book's findings on `today`: rules 1 to 3. `makerShutdown(model)` is src/providers/model-facts.ts's. */
export function bookFindings({ builtin, gateways, makerShutdown, today }) {
  const found = [];
  for (const [host, model, provider, entry, book] of entries(builtin, gateways)) {
    const { lifecycle, source } = entry;
    const at = where(host, model, provider);
    const maker = makerShutdown(model);
    const offered = !endedBy(lifecycle, today);
    if (offered && endedBy(maker, today))
      found.push(
        `${at}: offered, but its maker shut it down on ${maker.shutdown} (${maker.source.name}); ` +
          `state that shutdown in its lifecycle (endsUpstream, src/providers/model-facts.ts)`,
      );
    const left = lifecycle?.shutdown ? daysBetween(today, lifecycle.shutdown) : undefined;
    if (left !== undefined && left > 0 && left <= SOON_DAYS && !servedReplacement(book, provider, lifecycle))
      found.push(
        `${at}: shuts down on ${lifecycle.shutdown}, in ${left} ${left === 1 ? 'day' : 'days'}, with no replacement ` +
          `this path prices and serves then${lifecycle.replacement ? ` (${lifecycle.replacement} is not)` : ''}`,
      );
    if (!offered) continue;
    for (const [what, cited] of [
      ['price', source],
      ['lifecycle', lifecycle?.source],
    ]) {
      const age = cited?.asOf ? daysBetween(cited.asOf, today) : undefined;
      if (age !== undefined && age > STALE_DAYS)
        found.push(
          `${at}: offered, its ${what} source was read ${age} days ago (${cited.name}, ${cited.asOf}), more than ` +
            `${STALE_DAYS}: read it again and date it`,
        );
    }
  }
  return found;
}

/** Whether `lifecycle`'s replacement (followed while it ends too) is priced on the path and served on the day it ends. */
function servedReplacement(book, provider, lifecycle) {
  const seen = new Set();
  let next = lifecycle.replacement;
  while (next && !seen.has(next)) {
    seen.add(next);
    const entry = book[next]?.[provider];
    if (!entry) return false;
    if (!endedBy(entry.lifecycle, lifecycle.shutdown)) return true;
    next = entry.lifecycle.replacement;
  }
  return false;
}

/**
 * What a backticked word must look like to be taken for a model id: a family's name, then a version (a digit, a dash,
 * a dot or a slash follows); a glob (`imagen-4.0-*`), a placeholder (`<id>`), a list or a bare prefix is none.
 */
const MODEL_ID =
  /^(?:fal-ai\/|google\/|openai\/|black-forest-labs\/|bytedance(?:-seed)?\/|togetherai:)?(?:gpt-?image|gptimage|chatgpt-image|dall-e|gemini|imagen|nano-?banana|nanobanana|flux|seedream|qwen-image|grok-imagine)[\w.\-/:]*$/i;

/**
 * The forms an id is written in, one for all: fal's endpoint ids (`fal-ai/flux-2/klein/4b/edit`) as our FLUX.2 ids,
 * an endpoint's `/edit` or `/text-to-image`, a dated snapshot (`gpt-image-2-2026-04-21`) as the model it pins, case.
 */
const idForm = (id) =>
  id
    .toLowerCase()
    .replace(/\/(?:edit|text-to-image)$/, '')
    .replace(/^fal-ai\//, '')
    .replace(/^flux-2\/klein\//, 'flux-2-klein-')
    .replace(/^flux-2$/, 'flux-2-dev')
    .replace(/-\d{4}-\d{2}-\d{2}$/, '');

/**
 * Rule 4 on `docs` (path → text): each backticked model id the book has only with an announced shutdown, or does not
 * have at all (by `idForm`, as our id or as a provider's own `model`).
 */
export function docFindings({ builtin, gateways, docs }) {
  const shutdowns = new Map(); // id form → every shutdown stated for it ('' where an entry states none)
  for (const [, model, , entry] of entries(builtin, gateways))
    for (const id of new Set([model, entry.model].filter(Boolean).map(idForm)))
      shutdowns.set(id, [...(shutdowns.get(id) ?? []), entry.lifecycle?.shutdown ?? '']);
  const found = [];
  for (const [path, text] of Object.entries(docs)) {
    const told = new Set();
    for (const [, word] of text.matchAll(/`([^`\s]+)`/g)) {
      if (told.has(word) || !MODEL_ID.test(word) || /[*<>,]|\/$/.test(word)) continue;
      const ends = shutdowns.get(idForm(word));
      if (ends && !ends.every(Boolean)) continue;
      told.add(word);
      found.push(
        ends
          ? `${path}: names \`${word}\`, which the book has shut down (on ${[...new Set(ends)].sort().join(', ')})`
          : `${path}: names \`${word}\`, which the book does not have`,
      );
    }
  }
  return found;
}
