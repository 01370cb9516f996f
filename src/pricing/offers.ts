import Decimal from 'decimal.js';
import type { ProviderId, QuoteRequest } from '../base/types.js';
import type { Priced } from './index.js';
import type { Offer } from './compare.js';
import { mostOf } from './quote.js';

/** An offer with a price. */
type Bounded = Offer & { total: string };

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
      return problem || !quote
        ? { provider, model, problem }
        : { provider, model, total: quote.total, ...(quote.atMost && { atMost: quote.atMost }), problem };
    }),
  );
}

/** The cheapest offer of the provider in force that can make the request for at most `left` (USD). */
export function cheapestWithin(ask: OfferAsk, pricing: Pricer, left: Decimal): Offer | undefined {
  return offersOf(ask, pricing)
    .filter(
      (offer) => offer.provider === ask.provider && offer.total && !offer.problem && left.gte(mostOf(offer as Bounded)),
    )
    .sort((a, b) => new Decimal(mostOf(a as Bounded)).cmp(mostOf(b as Bounded)))[0];
}

/**
 * The model a draft ([klein]) is finalized on, with its price for `request`: the form as Finalize loads it (the
 * draft's settings, one image, the reference images attached now, the page's endpoint), so that the price on the
 * button is the price the form then shows. None for a final already.
 */
export function finalOf(request: QuoteRequest & { provider: ProviderId }, wanted: string, pricing: Pricer) {
  const model = 'flux-2-pro';
  if (!request.model.startsWith('flux-2-klein')) return undefined;
  if (!pricing.models(request.provider, wanted).includes(model)) return undefined;
  const { quote } = pricing.price({ ...request, model });
  return quote && { model, price: quote.total };
}
