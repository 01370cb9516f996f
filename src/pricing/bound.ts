import Decimal from 'decimal.js';
import type { Quote } from '../base/types.js';

/**
 * The most a quote can come to: `atMost` where its price is a bound (a model billed by tokens, SPEC §12), else its
 * total. What every check of money before the click uses (the budget, the balance, the projection, the comparison) and
 * what the ledger holds while an image is under way, so that nothing spends more than the widget promised.
 */
export const mostOf = (quote: Pick<Quote, 'total' | 'atMost'>): string => quote.atMost ?? quote.total;

/** The most one image of the quote can come to (see `mostOf`). */
export const mostPerImage = (quote: Pick<Quote, 'perImage' | 'atMost' | 'count'>): string =>
  quote.atMost === undefined ? quote.perImage : new Decimal(quote.atMost).div(quote.count).toString();
