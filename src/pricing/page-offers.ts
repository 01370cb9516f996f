import type { Offer } from './compare.js';

/** Each object a key is made of, by a number of its own on this page: the same object, the same number. */
const numbers = new WeakMap<object, number>();
let counted = 0;

/** The number of `value` on this page (0 for none): a key part that is the object's identity, not its contents. */
export function identityOf(value: object | null | undefined): number {
  if (!value) return 0;
  let number = numbers.get(value);
  if (number === undefined) numbers.set(value, (number = ++counted));
  return number;
}

/** How many priced lists are kept: the last used stay. */
const KEPT = 32;
const kept = new Map<string, readonly Offer[]>();

/**
 * The offers `key` names, priced by `price` the first time on this page and kept: a hundred widgets asking the same
 * request of the same prices (the model picker's price on every model) price it once. The key says everything the
 * offers depend on (the request, the books in force, the edits' pricing, the words, the bounds seen); the offers are
 * never changed by those who read them.
 */
export function pageOffers(key: string, price: () => readonly Offer[]): readonly Offer[] {
  const known = kept.get(key);
  if (known) {
    kept.delete(key); // the last used go last
    kept.set(key, known);
    return known;
  }
  const offers = price();
  kept.set(key, offers);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return offers;
}
