import Decimal from 'decimal.js';
import type { ProviderId } from '../base/types.js';

/** The request as set, priced on one model at one provider: its total, or why that one cannot make it. */
export interface Offer {
  provider: ProviderId;
  model: string;
  /** USD for the whole submission; undefined where there is no price. */
  total?: string;
  /** Why this model at this provider cannot make the request ('' when it can). */
  problem: string;
}

export interface RankedOffer extends Offer {
  /** The lowest total of those that can make the request (several when they tie). */
  cheapest: boolean;
}

/** Offers that can make the request, cheapest first (ties keep their order), then those that cannot. */
export function rankOffers(offers: readonly Offer[]): RankedOffer[] {
  const able = offers
    .filter((offer) => offer.total !== undefined && !offer.problem)
    .sort((a, b) => new Decimal(a.total!).cmp(b.total!));
  const least = able[0]?.total;
  return [
    ...able.map((offer) => ({ ...offer, cheapest: new Decimal(offer.total!).cmp(least!) === 0 })),
    ...offers.filter((offer) => !able.includes(offer)).map((offer) => ({ ...offer, cheapest: false })),
  ];
}
