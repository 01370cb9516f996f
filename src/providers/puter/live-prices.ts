import Decimal from 'decimal.js';
import { isRecord } from '../../base/checks.js';
import type { PriceSource } from '../../base/types.js';
import type { PriceRule, TokenRates } from '../../pricing/index.js';
import { FAMILIES, withSource } from './families.js';
import { isAmount } from '../../base/checks.js';
import { clock } from '../../base/clock.js';
import type { PriceBook } from '../../pricing/index.js';
import { retired } from '../../pricing/lifecycle.js';
import type { LiveCatalogue } from '../provider.js';
import { PUTER_MODELS, puterEntry } from './prices.js';

/**
 * Our model id → Puter's (its catalogue's `id`, which `txt2img` takes and its usage records are named by), for the
 * models of PUTER_MODELS (prices.ts), as recorded from HeyPuter/puter@8307e8c
 * (test/recorded/puter/models-details.json). Replicate serves the `black-forest-labs/…` ones, Together AI the
 * `togetherai:…` ones. In the engine: only a generation and the live catalogue need them.
 */
export const PUTER_IDS: Record<string, string> = {
  'flux-2-klein-4b': 'black-forest-labs/flux-2-klein-4b',
  'flux-2-klein-9b-base': 'black-forest-labs/flux-2-klein-9b-base',
  'flux-2-dev': 'black-forest-labs/flux-2-dev',
  'flux-2-pro': 'black-forest-labs/flux-2-pro',
  'flux-2-flex': 'togetherai:black-forest-labs/flux.2-flex',
  'flux-2-max': 'togetherai:black-forest-labs/flux.2-max',
  'flux-kontext-pro': 'togetherai:black-forest-labs/flux.1-kontext-pro',
  'flux-kontext-max': 'togetherai:black-forest-labs/flux.1-kontext-max',
  'flux-pro-1.1': 'black-forest-labs/flux-1.1-pro',
};

/**
 * A catalogue entry's `costs` as decimal strings (US cents, see the `puter` rule): each JSON number read through
 * its decimal text; the ones Puter bills, where it lists two sets. Undefined for currencies, shapes or amounts this
 * does not know.
 */
function costsOf(model: any): Record<string, string> | undefined {
  // The fast costs where `go_fast` is on, which `param_transforms` turn on by default for FLUX.2 [dev] and the widget
  // never turns off (ReplicateImageGenerationProvider.ts, #applyTransforms and #resolveCosts, at 8307e8c).
  const listed = model?.param_transforms?.go_fast?.default === true ? model.costs_go_fast : model?.costs;
  if (model?.costs_currency !== 'usd-cents' || typeof listed !== 'object' || !listed) return undefined;
  const costs: Record<string, string> = {};
  for (const [key, value] of Object.entries(listed)) {
    const amount = typeof value === 'number' && Number.isFinite(value) && value >= 0 ? String(value) : value;
    if (!isAmount(amount)) return undefined;
    costs[key] = amount;
  }
  return /"(run|output(_mp)?|per-image|1MP)"/.test(JSON.stringify(costs)) ? costs : undefined;
}

const replies: Record<string, Promise<{ models: any[] }>> = {};

/** The catalogue's entry of our model `id` (FLUX by Puter's id; a family by its id and its provider), if it lists one. */
function listedIn(models: any[], id: string) {
  if (PUTER_IDS[id]) return models.find((model: any) => model?.id === PUTER_IDS[id]);
  const { model, via } = FAMILIES[id];
  return models.find((each: any) => each?.id === model && each?.provider === via);
}

/**
 * Puter's live catalogue (`GET {endpoint}/puterai/image/models/details`): the models of the book it lists (`listed`),
 * and the prices of those whose costs it lists in a shape this knows, FLUX's and the other families', as a price book
 * to lay over the built-in one. Puter's list names ids whose upstream has ended (it has no filter: families.ts), so it
 * does not bring them back: a live entry keeps the book's end (`lifecycle`), and past it by the page's clock the model
 * is not offered. One the book has ended stays in `listed` whether the list names it or not, never offered, so that a
 * page naming it is told what replaced it. Fetched once per endpoint (and page); undefined when unreachable, or where
 * the list names none of the book's models: the bundled book applies, by its dates. Read by themselves
 * (its registry entry's `livePrices`, registry.ts): a page that shows Puter's price before anything is asked loads this, not the
 * adapter that makes images.
 */
export async function livePrices(endpoint: string): Promise<LiveCatalogue | undefined> {
  const url = `${endpoint}/puterai/image/models/details`;
  try {
    const { models } = await (replies[url] ??= fetch(url).then((response) => response.json()));
    if (!Array.isArray(models)) return undefined;
    const source = { name: 'Puter live catalogue', asOf: new Date(clock.now()).toJSON().slice(0, 10), url };
    const found: PriceBook = livePuterFamilies(models, source);
    for (const id in PUTER_MODELS) {
      const costs = costsOf(listedIn(models, id));
      if (costs) found[id] = { puter: puterEntry(id, costs, source) };
    }
    const named = [...Object.keys(PUTER_MODELS), ...Object.keys(FAMILIES)].filter((id) => listedIn(models, id));
    const ended = Object.keys(FAMILIES).filter(
      (id) => !named.includes(id) && retired(FAMILIES[id].lifecycle, clock.now()),
    );
    return named.length ? { prices: found, listed: [...named, ...ended] } : undefined;
  } catch {
    return undefined;
  }
}

/** A catalogue cost in cents as a decimal string, read through its JSON number's decimal text; else undefined. */
const cents = (value: unknown) => {
  const text = typeof value === 'number' && Number.isFinite(value) && value >= 0 ? String(value) : value;
  return isAmount(text) ? text : undefined;
};

/**
 * The rule of `bundled` with the costs `live` lists (a model of the live catalogue, `costs` in US cents); undefined
 * where they are not all there in a shape this knows, and the bundled price applies.
 */
function liveRule(bundled: PriceRule, live: any): PriceRule | undefined {
  const costs: unknown = live?.costs;
  if (live?.costs_currency !== 'usd-cents' || !isRecord(costs)) return undefined;
  if (bundled.kind === 'tokens') {
    const [textIn, imageIn, imageOut] = ['text_input', 'image_input', 'image_output'].map((key) => {
      const value = cents(costs[key]);
      return value && String(Number(value) / 100);
    });
    if (!textIn || !imageIn || !imageOut) return undefined;
    const rates: TokenRates = { textIn, imageIn, imageOut };
    return { ...bundled, rates };
  }
  if (bundled.kind === 'tier') {
    // By tier (Together), by `output:{tier}` (xAI), or one `per-image` at every quality (Imagen, Seedream).
    const tiered: [quality: string, cost: string][] = [];
    for (const quality of bundled.qualities) {
      const cost = cents(costs[quality] ?? costs[`output:${quality}`] ?? costs['per-image']);
      if (!cost) return undefined; // one missing: the bundled prices apply
      tiered.push([quality, cost]);
    }
    return { ...bundled, costs: Object.fromEntries(tiered) };
  }
  if (bundled.kind === 'puter') {
    const key = Object.keys(bundled.costs)[0];
    const value = cents(costs[key]);
    return value ? { ...bundled, costs: { [key]: value } } : undefined;
  }
  return undefined;
}

/**
 * The families' prices in Puter's live catalogue (`models` of `GET {api}/puterai/image/models/details`), as a price
 * book to lay over the bundled one: each model whose id and provider the catalogue lists, with its costs.
 */
function livePuterFamilies(models: any[], source: PriceSource): PriceBook {
  const found: PriceBook = {};
  for (const id in FAMILIES) {
    const live = listedIn(models, id);
    const priced = live && liveRule(FAMILIES[id].rule, live);
    if (!priced) continue;
    // What xAI's edits add per image sent, as the catalogue lists it (`media_input`, cents: XAIImageProvider.ts).
    const media = live.provider === 'xai-image-generation' ? cents(live.costs?.media_input) : undefined;
    const inputPrice = media && { per: 'image' as const, usd: new Decimal(media).div(100).toString() };
    found[id] = { puter: withSource(id, { ...FAMILIES[id], rule: priced, ...(inputPrice && { inputPrice }) }, source) };
  }
  return found;
}
