import { UserPaysCost } from './elements/cost/userpays-cost.js';
import { UserPaysImage } from './elements/image/userpays-image.js';
import { UserPaysTally } from './elements/tally/userpays-tally.js';
import { quoteFor } from './pricing/index.js';
import type { Quote, QuoteRequest } from './types.js';

export const version = '0.1.0';

/** The same pure, synchronous function the elements price with. Throws `UserPaysError` on bad input. */
export function quote(request: QuoteRequest): Quote {
  return quoteFor(request);
}

export { UserPaysCost, UserPaysImage, UserPaysTally };
export { UserPaysError } from './errors.js';
