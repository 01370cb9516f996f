/**
 * What "Check this account" (`UserPays.check()`, src/check/) says of a provider's live list beside the built-in price
 * book, of the balance, and of the one image it makes when asked: each said as a `Sentence` in the report, for a page
 * (or an element) to say again in its language.
 */
import { sentences, sentencesOf } from './sentence.js';

export interface CheckStrings {
  /** A model of the built-in book the provider's live list no longer names. */
  modelMissing(model: string, provider: string): string;
  /** A model the live list names that the built-in book does not have. */
  modelAdded(model: string, provider: string): string;
  /** A model priced otherwise live than in the book: both figures, for one image of `size`. */
  modelPriced(model: string, size: string, book: string, live: string): string;
  /** The live list came, and agrees with the book. */
  listAgrees(provider: string, count: string): string;
  /** The provider publishes no list of its models that the widget can read. */
  noList(provider: string): string;
  /** The list did not answer (down, refused, or not readable from this page). */
  listUnread(provider: string): string;
  /** What the account or the key has left. */
  balanceLeft(amount: string): string;
  /** The key's spending cap, and what is left of it. */
  balanceOfCap(left: string, cap: string): string;
  /** What the key may still spend of a budget of its own (not what the account holds). */
  balanceOfKeyBudget(left: string): string;
  /** The provider says the key has no spending cap of its own: what is left is unknown. */
  balanceUncapped(): string;
  /** The provider says nothing of a balance to this page. */
  balanceUnknown(provider: string): string;
  /** The cheapest image the path sells, before it is made. */
  cheapestOffer(model: string, size: string, price: string): string;
  /** The image made: what was quoted, and what the provider charged (or what was booked where it reports nothing). */
  imageCharged(model: string, quoted: string, charged: string): string;
  /** The image was not made: what went wrong. */
  imageFailed(model: string, reason: string): string;
  /** The page stopped the check. */
  checkCancelled(): string;
}

export const check = sentences<CheckStrings>({
  modelMissing: (model, provider) =>
    `${model} is in the built-in price book, but the list at ${provider} no longer names it: it is not offered there.`,
  modelAdded: (model, provider) => `${provider} lists ${model}, which the built-in price book does not have.`,
  modelPriced: (model, size, book, live) =>
    `${model} at ${size}: the built-in book says ${book}, the provider says ${live} now.`,
  listAgrees: (provider, count) =>
    `The list at ${provider} names ${count} models, and agrees with the built-in price book.`,
  noList: (provider) => `${provider} publishes no list of its models and prices that this page can read.`,
  listUnread: (provider) =>
    `The list of models at ${provider} did not answer: the built-in price book decides until it does.`,
  balanceLeft: (amount) => `The account has ${amount} left.`,
  balanceOfCap: (left, cap) => `The key may spend ${left} more of its ${cap} cap.`,
  balanceOfKeyBudget: (left) => `The key may spend ${left} more of its own budget (the account may hold less).`,
  balanceUncapped: 'The key has no spending cap of its own: what it may still spend is not known.',
  balanceUnknown: (provider) => `${provider} does not tell this page what the account has left.`,
  cheapestOffer: (model, size, price) => `The cheapest image here is ${model} at ${size}, for ${price}.`,
  imageCharged: (model, quoted, charged) => `One image by ${model}: quoted ${quoted}, charged ${charged}.`,
  imageFailed: (model, reason) => `No image by ${model}: ${reason}`,
  checkCancelled: 'The check was stopped: nothing more is read or made for it.',
});

/** The check's words as the check says them: as `Sentence`s, for a page or an element to reword. */
export const checkText = sentencesOf('check', check);
