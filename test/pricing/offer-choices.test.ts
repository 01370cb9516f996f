// The way out of a budget or a balance that a request does not fit: another model of the provider in force that does,
// the request's own family first (a user who chose Seedream 4.5 is offered Seedream 5 Lite, not FLUX), else any.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import type { QuoteRequest } from '../../src/base/types.js';
import { modelsIn, priceOf } from '../../src/pricing/index.js';
import { cheapestWithin } from '../../src/pricing/offer-choices.js';
import type { Pricer } from '../../src/pricing/offers.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';

/** The built-in prices, as the widget's offers are priced with no live list. */
const pricing: Pricer = {
  models: (provider, wanted) => modelsIn(BUILTIN_PRICE_BOOK, provider, wanted),
  price: (request) => priceOf(request, BUILTIN_PRICE_BOOK),
};

/** What `cheapestWithin` offers at Puter for `model` at 1024², `left` dollars left. */
function wayOut(model: string, left: string) {
  const request: QuoteRequest = { provider: 'puter', model, width: 1024, height: 1024, prompt: 'a fox' };
  return cheapestWithin({ request, provider: 'puter', providers: '', models: '' }, pricing, new Decimal(left))?.model;
}

describe('cheapestWithin: the model a budget or a balance still covers', () => {
  controlledClock('2026-11-28T12:00:00Z');

  it('is of the request’s own family where one fits: Seedream 4.5 ($0.04) over $0.038 is offered Seedream 5 Lite', () => {
    // FLUX.2 [klein] 4B ($0.001) is cheaper, but makes other images.
    expect(
      priceOf({ provider: 'puter', model: 'seedream-5-lite', width: 1024, height: 1024 }, BUILTIN_PRICE_BOOK).quote
        ?.total,
    ).to.equal('0.035');
    expect(wayOut('seedream-4.5', '0.038')).to.equal('seedream-5-lite');
  });

  it('else the cheapest of any family that fits', () => {
    // Nano Banana Pro alone is left of its family at Puter (Nano Banana 2 was shut down on 2026-10-29): the cheapest
    // that fits, whatever its family.
    expect(wayOut('gemini-3-pro-image', '0.05')).to.equal('flux-2-klein-4b');
    // FLUX.2 [max] over $0.02: FLUX's own cheapest.
    expect(wayOut('flux-2-max', '0.02')).to.equal('flux-2-klein-4b');
  });

  it('none where nothing fits', () => {
    expect(wayOut('gemini-3-pro-image', '0')).to.equal(undefined);
  });
});
