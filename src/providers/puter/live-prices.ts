import { isAmount } from '../../base/checks.js';
import { clock } from '../../base/clock.js';
import type { PriceBook } from '../../pricing/index.js';
import { familiesInFor } from '../../pricing/models.js';
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

/**
 * Puter's live prices (`GET {endpoint}/puterai/image/models/details`), as a price book to lay over the built-in one:
 * those of the models whose costs it lists in a shape this knows, the other families' too once they are loaded
 * (providers/families.ts, already here then: a page that sells FLUX never loads them for this; a catalogue read before
 * they came is read again for them, from the reply kept). Fetched once per endpoint (and page); undefined when
 * unreachable, and the bundled prices apply. Read by themselves (engine/adapters.ts, `LIVE_PRICES`): a page that shows
 * Puter's price before anything is asked loads this, not the adapter that makes images.
 */
export async function livePrices(endpoint: string): Promise<PriceBook | undefined> {
  const url = `${endpoint}/puterai/image/models/details`;
  try {
    const { models } = await (replies[url] ??= fetch(url).then((response) => response.json()));
    const source = { name: 'Puter live catalogue', asOf: new Date(clock.now()).toJSON().slice(0, 10), url };
    const found: PriceBook = familiesInFor('puter')
      ? (await import('./families.js')).livePuterFamilies(models, source)
      : {};
    for (const id in PUTER_MODELS) {
      const costs = costsOf(models.find((model: any) => model.id === PUTER_IDS[id]));
      if (costs) found[id] = { puter: puterEntry(id, costs, source) };
    }
    return found;
  } catch {
    return undefined;
  }
}
