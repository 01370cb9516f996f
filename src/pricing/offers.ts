import Decimal from 'decimal.js';
import type { ProviderId, QuoteRequest } from '../base/types.js';
import type { Priced } from './index.js';
import type { Offer } from './compare.js';

/** What the offers are priced with: the widget's price book in force (its QuoteController). */
export interface Pricer {
  /** The models `provider` has a price for, narrowed to `wanted` (space-separated ids) if given. */
  models(provider: ProviderId, wanted: string): string[];
  price(request: QuoteRequest): Priced;
}

/** The request, the provider in force, the others the page allows (space-separated), and the models it offers. */
export interface OfferAsk {
  request: QuoteRequest;
  provider: ProviderId;
  providers: string;
  models: string;
}

/** The request as set, priced on every model of every provider the page allows (see `providers`). */
export function offersOf(ask: OfferAsk, pricing: Pricer): Offer[] {
  const providers = new Set([ask.provider, ...(ask.providers.split(/\s+/).filter(Boolean) as ProviderId[])]);
  return [...providers].flatMap((provider) =>
    pricing.models(provider, ask.models).map((model) => {
      // The page's endpoint is the current provider's: another is priced at its own.
      const endpoint = provider === ask.provider ? ask.request.endpoint : '';
      const { quote, problem } = pricing.price({ ...ask.request, provider, model, endpoint });
      // An offer that cannot make the request has no price to show (the picker, the comparison).
      return { provider, model, total: problem ? undefined : quote?.total, problem };
    }),
  );
}

/** The cheapest offer of the provider in force that can make the request for at most `left` (USD). */
export function cheapestWithin(ask: OfferAsk, pricing: Pricer, left: Decimal): Offer | undefined {
  return offersOf(ask, pricing)
    .filter((offer) => offer.provider === ask.provider && offer.total && !offer.problem && left.gte(offer.total))
    .sort((a, b) => new Decimal(a.total!).cmp(b.total!))[0];
}

/** The model a draft ([klein]) is finalized on, with its price for the draft's settings; none for a final already. */
export function finalOf(
  image: { provider: string; model: string; width: number; height: number; prompt: string },
  wanted: string,
  pricing: Pricer,
) {
  const model = 'flux-2-pro';
  if (!image.model.startsWith('flux-2-klein')) return undefined;
  const provider = image.provider as ProviderId;
  if (!pricing.models(provider, wanted).includes(model)) return undefined;
  const { quote } = pricing.price({ ...image, provider, model, count: 1, inputs: [] });
  return quote && { model, price: quote.total };
}
