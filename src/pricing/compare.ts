import Decimal from 'decimal.js';
import type { ProviderId } from '../base/types.js';

/** The request as set, priced on one model at one provider: its total, or why that one cannot make it. */
export interface Offer {
  provider: ProviderId;
  model: string;
  /** USD for the whole submission; undefined where there is no price. */
  total?: string;
  /** Where the price is a bound (`Quote.atMost`): the most the submission can cost. */
  atMost?: string;
  /** Why this model at this provider cannot make the request ('' when it can). */
  problem: string;
  /**
   * What it wants before it can: the user's image to edit, which it only lacks (`problem` says so; `total` where the
   * image does not change the price). Choosing it leads to that next step.
   */
  wants?: 'image';
}

/** An offer ranked: `cheapest` where its total is the lowest of those that can make the request (several may tie). */
export type Ranked<Kind extends Offer> = Kind & { cheapest: boolean };

/** What an offer can cost at most: its bound where its price is one, else its total. */
const most = (offer: Offer) => new Decimal(offer.atMost ?? offer.total!);

/**
 * Offers that can make the request, cheapest first by the most each can cost (ties keep their order), then those that
 * only want the user's image, then those that cannot.
 */
export function rankOffers<Kind extends Offer>(offers: readonly Kind[]): Ranked<Kind>[] {
  const able = offers
    .filter((offer) => offer.total !== undefined && !offer.problem)
    .sort((a, b) => most(a).cmp(most(b)));
  const least = able[0] && most(able[0]);
  return [
    ...able.map((offer) => ({ ...offer, cheapest: most(offer).eq(least!) })),
    ...offers
      .filter((offer) => !able.includes(offer))
      .sort((a, b) => Number(!a.wants) - Number(!b.wants))
      .map((offer) => ({ ...offer, cheapest: false })),
  ];
}
