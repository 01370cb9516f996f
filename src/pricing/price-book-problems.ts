import {
  pagePriceNotice,
  priceBookProblem,
  type PagePriceNotice,
  type PriceBookProblem,
} from '../strings/price-book.js';

/** The problems already told: a price is asked again on every keystroke, the console hears each once. */
const told = new Set<string>();

/**
 * Tells the page's developer, in the console, what is wrong with its price book's entry for `where` (the user is
 * told that the site's price cannot be read: `prices.priceBookBroken`). Loaded when a price book is found wrong.
 */
export function tellDeveloper(where: string, problem: PriceBookProblem) {
  const sentence = `userpays: ${priceBookProblem(where, problem)}`;
  if (told.has(sentence)) return;
  told.add(sentence);
  console.error(sentence);
}

/**
 * Warns the page's developer, once per entry and notice, that its price book's entry for `where` is not in force as
 * written (a model shut down, a price below the provider's own): loaded when one is found.
 */
export function warnDeveloper(where: string, notice: PagePriceNotice) {
  const sentence = `userpays: ${pagePriceNotice(where, notice)}`;
  if (told.has(sentence)) return;
  told.add(sentence);
  console.warn(sentence);
}
