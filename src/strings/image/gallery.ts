/** The gallery: each image, its actions, and paid generations that brought no image. */

import type { ChargeBasis } from '../../base/types.js';
import { words } from '../words.js';
import { parts, sentences } from '../sentence.js';

/**
 * How an image's charge is known, as its card says it: the ledger's basis, or `answer` for an image booked at its
 * price's bound that the user has since answered for ("It was charged" / "It was not", from their provider account).
 */
export type SaidBasis = ChargeBasis | 'answer';

export interface GalleryStrings {
  galleryLabel(): string;
  download(): string;
  /** Each action of the toolbar in a word, beside its icon where the image is large (their names say more). */
  copy(): string;
  vary(): string;
  asReference(): string;
  /**
   * Under an image shown from its provider's link, which expires (`until`, where known): download it now. The nudge is
   * the image's Download link itself (`download` draws its words as that link), where the eye lands first.
   */
  notSaved(provider: string, until: string | undefined, download: (words: string) => unknown): unknown[];
  /** The same, under an earlier image's small tile (its title says `notSaved`): when its link expires. */
  notSavedBrief(until?: string): string;
  linkExpired(provider: string, at?: string): string;
  expiredImage(prompt: string): string;
  openLabel(prompt: string): string;
  downloadLabel(file: string): string;
  /** A link's name (`name`, its words or `downloadLabel`), where it opens a new tab: the provider's host's image. */
  inNewTab(name: string): string;
  copyLabel(prompt: string): string;
  copied(): string;
  copyFailed(): string;
  reuse(): string;
  /** Reuse with the prompt the provider said it used (`revisedPrompt`), as it is: its rewriting off. */
  reuseRevised(provider: string): string;
  /** Under an image whose prompt the provider rewrote: what it made it from. */
  madeFrom(provider: string, prompt: string): string;
  /** Vary makes a new image at once: `price` is what that one click costs. */
  varyLabel(prompt: string, price: string): string;
  /** Vary on an edit: the same edit (kind, mask, model, instruction `prompt`) again on the image it was made from. */
  varyEditLabel(prompt: string, price: string): string;
  referenceLabel(prompt: string): string;
  finalize(model: string, price: string): string;
  remove(): string;
  imageFacts(model: string, provider: string, size: string, seed?: number): string;
  paidFailures(): string;
  /** `provider`: its id, said as a sentence names it ("at BFL", "at the gateway"). */
  paidFailure(model: string, provider: string, at: string, charged: string, reason: string): string;
  failureReason(code: string): string;
  historyLabel(): string;
  moreActions(prompt: string): string;
  closeLightbox(): string;
  previousImage(): string;
  nextImage(): string;
  lightboxLabel(prompt: string): string;
  /** What an image's action put in the form (Vary: what it sent, where the form held something else). */
  settingsFrom(what: 'reuse' | 'revised' | 'finalize' | 'vary'): string;
  referenceAdded(): string;
  /** An image just deleted, named by its prompt (shortened), in its place, beside Undo. */
  deleted(prompt: string): string;
  /** An image's receipt (part `receipt`): its summary, then each line's name. */
  receipt(): string;
  receiptQuoted(): string;
  receiptCharged(): string;
  receiptLeft(provider: string): string;
  /** How the charge is known, beside it; with the credits where the provider bills in credits. */
  chargeBasis(basis: SaidBasis, provider: string, credits?: string): string;
  /** How the charge differs from the quote: `amount` more (`more`) or less; as quoted where no amount is given. */
  receiptDifference(amount?: string, more?: boolean): string;
  /**
   * How the charge stands to a quote that was a bound ("at most"): within it, or `over` more than its most. A charge
   * between what was expected and the most is within it, never "more than quoted".
   */
  receiptOfBound(over?: string): string;
  /**
   * The receipt's footnote: the provider's balance fell by `amount` across the image, which is not the charge booked
   * (`Receipt.moved`): said as what the balance did, never as a second charge.
   */
  receiptMoved(provider: string, amount: string): string;
  /**
   * The receipt's footnote where the provider's reply said a figure beyond reason (`Receipt.reported`): kept for the
   * record, never booked.
   */
  receiptReported(provider: string, figure: string): string;
  /** In place of its price, on an image made by the same call as another, whose charge paid for both (`paidWith`). */
  paidWithOther(): string;
  /**
   * Under an edit (a new version of an image still in the gallery): the image it edits, named by its prompt, which
   * `source` draws as the button that goes to it.
   */
  editOf(prompt: string, source: (prompt: string) => unknown): unknown[];
  /** Under an edit of an image of the user's own (chosen, dropped, handed in), which the gallery does not show. */
  editOfOwn(): string;
  /** The disclosure under an edit that shows it over the version before it, a slider dividing them. */
  beforeAndAfter(): string;
  /** That slider's name: which side is which, and the edit, by its prompt. */
  compareLabel(prompt: string): string;
  /** The slider's value in words: how much of the width shows the version before (`before`, in percent), and after. */
  compareValue(before: number): string;
}

export const gallery = sentences<GalleryStrings>({
  galleryLabel: 'Your generated images',
  download: 'Download',
  copy: 'Copy',
  vary: 'Vary',
  asReference: 'As reference',
  notSaved: (provider, until, download) =>
    parts`${download(`Download it ${until ? `before ${until}` : 'now'}`)}: it is not saved in this browser (${words.theProvider(provider)} does not allow it), and its link expires${until ? ' then' : ''}.`,
  notSavedBrief: (until) => `Not kept here: its link expires ${until ? `at ${until}` : 'soon'}.`,
  linkExpired: (provider, at) =>
    `Not saved in this browser, and ${words.theProvider(provider)}'s link to it expired${at ? ` at ${at}` : ''}. It was paid for; generate it again to have it.`,
  expiredImage: (prompt) => `Expired image: ${prompt}`,
  openLabel: (prompt) => `Open full size: ${prompt}`,
  downloadLabel: (file) => `Download ${file}`,
  inNewTab: (name) => `${name} (opens in a new tab)`,
  copyLabel: (prompt) => `Copy image: ${prompt}`,
  copied: 'Image copied.',
  copyFailed: 'This browser did not let the page copy the image: use Download instead.',
  reuse: 'Reuse',
  reuseRevised: (provider) => `Reuse ${words.providerName(provider)}'s prompt`,
  madeFrom: (provider, prompt) => `${words.TheProvider(provider)} made this from: ${prompt}`,
  varyLabel: (prompt, price) => `Vary ${price} (a new image: same prompt and settings, a new seed): ${prompt}`,
  varyEditLabel: (prompt, price) => `Vary ${price} (the same edit again on the same image, a new seed): ${prompt}`,
  referenceLabel: (prompt) => `Use as reference: ${prompt}`,
  // The price held to the model's last word, never alone on a line of its own.
  finalize: (model, price) => `Finalize on ${model}\u00a0·\u00a0${price}`,
  remove: 'Delete',
  imageFacts: (model, provider, size, seed) =>
    `${model} · ${provider} · ${size}${seed === undefined ? '' : ` · seed ${seed}`}`,
  paidFailures: 'Paid, but no image',
  paidFailure: (model, provider, at, charged, reason) =>
    `${model} at ${words.theProvider(provider)}, ${at}: ${charged} charged. ${reason}`,
  failureReason: (code) =>
    ({
      moderated: 'The provider declined it for safety reasons after starting.',
      cancelled: 'You stopped waiting after the provider had charged.',
      timeout: 'The provider took too long; it had charged when it accepted.',
      // The connection, not the provider, lost it: the provider may well have made it.
      network: 'The connection broke before the image came.',
    })[code] ?? 'The provider charged, then could not deliver the image.',
  historyLabel: 'Earlier images',
  moreActions: (prompt) => `More actions: ${prompt}`,
  closeLightbox: 'Close',
  previousImage: 'Previous image',
  nextImage: 'Next image',
  lightboxLabel: (prompt) => `Full size: ${prompt}`,
  settingsFrom: (what) =>
    ({
      reuse: 'The prompt, settings and seed of the image are in the form.',
      revised:
        'The prompt the provider used, the settings and the seed of the image are in the form, its rewriting off.',
      finalize: 'The prompt, size and seed of the image are in the form, on the final model: its price is shown.',
      vary: 'The prompt and settings of the image being varied are in the form.',
    })[what],
  referenceAdded: 'The image is added as a reference.',
  deleted: (prompt) => `Deleted “${prompt}” from this browser.`,
  receipt: 'Receipt',
  receiptQuoted: 'Quoted',
  receiptCharged: 'Charged',
  receiptLeft: (provider) => `Left at ${words.providerName(provider)}`,
  chargeBasis: (basis, provider, credits) =>
    ({
      reported: `${words.TheProvider(provider)}'s own figure${credits ? `: ${credits} credits` : ''}`,
      quote: `the quote: ${words.theProvider(provider)} does not say what it charged`,
      balance: `what your ${words.providerName(provider)} balance fell by`,
      bound: `the most the preview said it could cost: ${words.theProvider(provider)} does not say what it charged`,
      answer: `what you said your ${words.providerName(provider)} account shows`,
      record: `${words.TheProvider(provider)}'s record of the generation`,
    })[basis],
  receiptDifference: (amount, more) => (amount ? `${amount} ${more ? 'more' : 'less'} than quoted.` : 'As quoted.'),
  receiptOfBound: (over) => (over ? `${over} more than the most quoted.` : 'Within what was quoted.'),
  receiptMoved: (provider, amount) =>
    `Meanwhile your ${words.providerName(provider)} balance fell by ${amount}; where that differs from the charge, your account there says why.`,
  paidWithOther: 'paid in the charge of the image made with it',
  receiptReported: (provider, figure) =>
    `${words.TheProvider(provider)}'s reply said ${figure}, more than this image can cost or nothing at all: kept here for the record, never booked.`,
  editOf: (prompt, source) => parts`Edit of: ${source(prompt)}`,
  editOfOwn: 'Edit of an image of your own',
  beforeAndAfter: 'Before and after',
  compareLabel: (prompt) => `Slide between before (left) and after (right): ${prompt}`,
  compareValue: (before) => `Before ${before} %, after ${100 - before} %`,
});
