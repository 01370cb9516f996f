import { asUserPaysError } from '../../errors.js';
import { modelInfo, quoteFor, sizeProblem } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import type { Quote, QuoteRequest } from '../../types.js';
import { emit } from './events.js';

/**
 * What a preview shows: the quote as the provider would bill it, and why the inputs can't be
 * submitted as they are (no price, or a size the model can't make) — then shown instead of the price.
 */
export function priceOf(request: QuoteRequest & { width: number; height: number }, book: PriceBook) {
  try {
    const quote = quoteFor(request, book);
    return { quote, problem: sizeProblem(modelInfo(request.model)!, request.width, request.height) ?? '' };
  } catch (error) {
    return { quote: undefined, problem: asUserPaysError(error).message };
  }
}

/** Fires `userpays-quote` when the quote's value changed (not on re-renders that leave it equal). */
export function announceQuote(el: HTMLElement, quote: Quote | undefined, announced: string): string {
  const key = quote ? JSON.stringify(quote) : '';
  if (key && key != announced) emit(el, 'userpays-quote', quote);
  return key;
}
