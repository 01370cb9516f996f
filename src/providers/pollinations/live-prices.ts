import Decimal from 'decimal.js';
import { clock } from '../../base/clock.js';
import { isAmount } from '../../base/checks.js';
import type { PriceBook } from '../../pricing/index.js';
import { familiesInFor } from '../../pricing/models.js';
import { checkEndpoint } from '../urls.js';
import { prices } from './prices.js';

// Pollinations' live prices, read by themselves (engine/adapters.ts, `LIVE_PRICES`): a page that shows Pollinations' price
// before anything is asked loads this, not the adapter that makes images.

/**
 * The live list of models and prices (`GET {endpoint}/image/models`, no key: [{name, aliases, pricing: {currency:
 * 'pollen', completionImageTokens, …}}], shared/registry/model-info.ts and public-pricing.ts): the price of each model
 * offered here, as a price book to lay over the bundled one; the other families' too once they are loaded
 * (families.ts, already here then; a list read before they came is read again for them, from the reply kept). Fetched
 * once per endpoint and page. Undefined where it does not answer, or says nothing of them: the bundled prices apply,
 * and the quote says so.
 */
const replies: Record<string, Promise<unknown>> = {};

async function livePollinationsPrices(endpoint: string): Promise<PriceBook | undefined> {
  const url = `${endpoint}/image/models`;
  try {
    const models = await (replies[url] ??= fetch(url, { credentials: 'omit', cache: 'no-store' }).then((response) =>
      response.json(),
    ));
    const source = {
      name: 'Pollinations model list (live)',
      asOf: new Date(clock.now()).toJSON().slice(0, 10),
      url,
    };
    const found: PriceBook = familiesInFor('pollinations')
      ? (await import('./families.js')).livePollinationsFamilies(models, source)
      : {};
    for (const [id, entry] of Object.entries(prices)) {
      const listed = (Array.isArray(models) ? models : []).find(
        (model: any) => model?.name === entry.model || model?.aliases?.includes?.(entry.model),
      );
      const price = listed?.pricing?.currency === 'pollen' ? listed.pricing.completionImageTokens : undefined;
      // Text, as Pollinations writes prices (toFixedPoint); no FLUX image there costs a whole pollen.
      if (isAmount(price) && new Decimal(price).lt(1)) {
        found[id] = { pollinations: { ...entry, rule: { kind: 'flat', unit: 'usd', perImage: price }, source } };
      }
    }
    return Object.keys(found).length ? found : undefined;
  } catch {
    delete replies[url]; // read again on the next need
    return undefined;
  }
}

/** The live prices (`livePollinationsPrices`), laid over the bundled ones where Pollinations is used. */
export function livePrices(endpoint: string): Promise<PriceBook | undefined> {
  return livePollinationsPrices(checkEndpoint(endpoint));
}
