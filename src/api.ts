import { UserPaysCost } from './elements/cost/userpays-cost.js';
import { UserPaysImage } from './elements/image/userpays-image.js';
import { UserPaysTally } from './elements/tally/userpays-tally.js';
import { quoteFor } from './pricing/index.js';
import type { Quote, QuoteRequest } from './types.js';

/** Set at build time (rollup, the test server) from package.json's `version`. */
declare const __USERPAYS_VERSION__: string;

/** This build's version, as in package.json. */
export const version: string = __USERPAYS_VERSION__;

/** The same pure, synchronous function the elements price with. Throws `UserPaysError` on bad input. */
export function quote(request: QuoteRequest): Quote {
  return quoteFor(request);
}

export { UserPaysCost, UserPaysImage, UserPaysTally };
export { UserPaysError } from './errors.js';
