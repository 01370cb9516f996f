/**
 * The comparison's own words, said only in the price details and loaded with them (their part, `image-details`); its
 * summary, columns and marks are the offers' (offers.ts), which the panels say too.
 */

import { words } from '../words.js';
import { sentences } from '../sentence.js';

export interface CompareStrings {
  /** The filter of the offers by the model's family (FLUX, GPT Image…), where they span several. */
  familyLabel(): string;
  /** The filter's choice that lists every offer, `count` of them. */
  allFamilies(count: number): string;
  /** In place of what it is best for: a model that edits the user's image, listed while none is attached. */
  wantsImage(): string;
  /**
   * First under an offer that switches to another provider whose account is not here yet (no key for it, or not signed
   * in): that one is needed there (`provider`: its id, or its name at its endpoint).
   */
  needsAccount(provider: string): string;
  /** While an image is edited, the heading of the offers whose price is known before the click. */
  pricedBefore(): string;
  /** While an image is edited, the heading of the offers priced "at most": the image sent is billed as it is read. */
  pricedAtMost(): string;
}

export const compare = sentences<CompareStrings>({
  familyLabel: 'Family',
  allFamilies: (count) => `All families (${count})`,
  wantsImage: 'Edits your image: add it next',
  needsAccount: (provider) => `Needs an account at ${words.theProvider(provider)}`,
  pricedBefore: 'Priced before the click',
  pricedAtMost: 'At most: the image is billed by what it takes, the charge said after',
});
