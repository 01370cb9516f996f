import Decimal from 'decimal.js';
import type { ProviderId, QuoteRequest } from '../base/types.js';
import type { Offer } from './compare.js';
import { offersOf, type OfferAsk, type Pricer } from './offers.js';
import { familyOf } from './models.js';
import { mostOf } from './quote.js';

// What the widget offers the user to switch to, besides the offers themselves (offers.ts): the cheapest model a balance
// or a budget still covers (beside a refusal for want of either), and the final model a draft is finalized on.

/** An offer with a price. */
type Bounded = Offer & { total: string };

const isPriced = (offer: Offer): offer is Bounded => !!offer.total;

/**
 * The offer of the provider in force that can make the request for at most `left` (USD), to switch to: the cheapest of
 * the request's own family where one fits (Nano Banana Pro over budget is offered Nano Banana 2, not FLUX.2 [klein]
 * 4B, which is cheaper but makes other images), else the cheapest of any.
 */
export function cheapestWithin(ask: OfferAsk, pricing: Pricer, left: Decimal): Offer | undefined {
  const fitting = offersOf(ask, pricing)
    .filter(
      (offer): offer is Bounded =>
        offer.provider === ask.provider && isPriced(offer) && !offer.problem && left.gte(mostOf(offer)),
    )
    .sort((a, b) => new Decimal(mostOf(a)).cmp(mostOf(b)));
  const family = familyOf(ask.request.model);
  return fitting.find((offer) => familyOf(offer.model) === family) ?? fitting[0];
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
