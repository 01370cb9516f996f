/** More options (the widget's panels): how many images, the model's quality, the seed, and reference images. */

import { sentences } from './sentence.js';

export interface MoreOptionsStrings {
  countLabel(): string;
  /** The model's quality tier (GPT Image), each by its name: `low`, `medium`, `high`. */
  qualityLabel(): string;
  qualityName(quality: string): string;
  /**
   * Read out where another model was chosen that does not make the tier asked (`asked`): the tier it is now made at
   * (`made`, its default), each by its name. The price said beside Generate changes with it.
   */
  tierNotMade(model: string, asked: string, made: string): string;
  seedLabel(): string;
  randomSeed(): string;
  referencesLabel(): string;
  referencesNote(required: boolean, max: number, billed: boolean): string;
  referenceAlt(index: number): string;
  referenceAdds(megapixels: number, amount: string): string;
  referenceRemove(index: number): string;
  dropReferences(): string;
  chooseReferences(): string;
  referencesCount(n: number, max: number): string;
  /** Beside Generate, where the model edits an image the user provides and none is attached: opens the chooser. */
  chooseImage(): string;
}

/**
 * A quality tier said by its name: GPT Image's own three in the words of `names`; any other as the model names it, one
 * name for one tier: Nano Banana 2's smallest, "0.5K" in fal's and Puter's APIs, is "512" as in Google's and
 * OpenRouter's, and Seedream's and Grok's "2k" at Puter is Gemini's "2K". A quality a page names "constructor" or
 * "toString" is said as it is, not as a member every object has.
 */
export const qualityNamed =
  (names: Record<'low' | 'medium' | 'high', string>) =>
  (quality: string): string => {
    const named: Record<string, string> = { ...names, '0.5K': '512' };
    return Object.hasOwn(named, quality) ? named[quality] : quality.replace(/k$/, 'K');
  };

export const moreOptions = sentences<MoreOptionsStrings>({
  countLabel: 'Images',
  qualityLabel: 'Quality',
  qualityName: qualityNamed({ low: 'Low', medium: 'Medium', high: 'High' }),
  tierNotMade: (model, asked, made) => `${model} does not make ${asked}: the quality is ${made} now.`,
  seedLabel: 'Seed',
  randomSeed: 'random',
  referencesLabel: 'Reference images',
  referencesNote: (required, max, billed) =>
    `(${required ? 'required' : 'optional'}, up to ${max}; ${billed ? 'billed too' : 'included in the price'}; choose, drop or paste)`,
  referenceAlt: (index) => `Reference image ${index}`,
  referenceAdds: (megapixels, amount) => `adds ${megapixels} MP = ${amount}`,
  referenceRemove: (index) => `Remove reference image ${index}`,
  dropReferences: 'Drop images here, paste them, or',
  chooseReferences: 'choose files',
  referencesCount: (n, max) => `${n} of ${max}`,
  chooseImage: 'Choose the image',
});
