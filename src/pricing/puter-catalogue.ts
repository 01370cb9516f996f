import { isAmount } from '../base/checks.js';
import { clock } from '../base/clock.js';
// Loaded with the engine (the widget asks for Puter's live prices after its first paint): it uses the pricing the
// page's bundle shares through the index, never a copy of it.
import { BUILTIN_PRICE_BOOK, PUTER_MODELS, mergePriceBook, puterEntry, type PriceBook } from './index.js';

/**
 * A catalogue entry's `costs` as decimal strings (US cents, see the `puter` rule): each JSON number read through
 * its decimal text. Undefined for currencies, shapes or amounts this does not know.
 */
function costsOf(model: any): Record<string, string> | undefined {
  if (model?.costs_currency !== 'usd-cents' || typeof model.costs !== 'object' || !model.costs) return undefined;
  const costs: Record<string, string> = {};
  for (const [key, value] of Object.entries(model.costs)) {
    const amount = typeof value === 'number' && Number.isFinite(value) && value >= 0 ? String(value) : value;
    if (!isAmount(amount)) return undefined;
    costs[key] = amount;
  }
  return /"(run|output(_mp)?|per-image|1MP)"/.test(JSON.stringify(costs)) ? costs : undefined;
}

const live: Record<string, Promise<PriceBook>> = {};

/**
 * The built-in price book with Puter's live prices (`GET {endpoint}/puterai/image/models/details`) laid over
 * its bundled ones, fetched once per endpoint (and page); just the built-in one when unreachable.
 * `quoteFor` stays synchronous: the element switches to this book when it arrives.
 */
export function puterCatalogue(endpoint: string): Promise<PriceBook> {
  const url = `${endpoint}/puterai/image/models/details`;
  return (live[url] ??= fetch(url)
    .then((response) => response.json())
    .then(({ models }) => {
      const source = { name: 'Puter live catalogue', asOf: new Date(clock.now()).toJSON().slice(0, 10), url };
      const found: PriceBook = {};
      for (const id in PUTER_MODELS) {
        const costs = costsOf(models.find((model: any) => model.id === PUTER_MODELS[id].id));
        if (costs) found[id] = { puter: puterEntry(id, costs, source) };
      }
      return mergePriceBook(BUILTIN_PRICE_BOOK, found);
    })
    .catch(() => BUILTIN_PRICE_BOOK));
}
