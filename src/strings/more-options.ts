/** More options (the widget's panels): how many images, the seed, reference images, and the prompt's rewriting. */

export interface MoreOptionsStrings {
  countLabel(): string;
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
  /** `byDefault`: whether the provider rewrites the prompt unless told not to. */
  enhancePrompt(provider: string, byDefault: boolean): string;
  enhanceOn(provider: string): string;
  enhanceOff(): string;
  /** Under the seed, where the provider changes this model's prompt itself, with no switch for it (fal's [pro]). */
  seedNotKept(provider: string): string;
}

export const moreOptions: MoreOptionsStrings = {
  countLabel: () => 'Images',
  seedLabel: () => 'Seed',
  randomSeed: () => 'random',
  referencesLabel: () => 'Reference images',
  referencesNote: (required, max, billed) =>
    `(${required ? 'required' : 'optional'}, up to ${max}; ${billed ? 'billed too' : 'included in the price'}; choose, drop or paste)`,
  referenceAlt: (index) => `Reference image ${index}`,
  referenceAdds: (megapixels, amount) => `adds ${megapixels} MP = ${amount}`,
  referenceRemove: (index) => `Remove reference image ${index}`,
  dropReferences: () => 'Drop images here, paste them, or',
  chooseReferences: () => 'choose files',
  referencesCount: (n, max) => `${n} of ${max}`,
  enhancePrompt: (provider, byDefault) => `Let ${provider} rewrite my prompt first${byDefault ? ' (its default)' : ''}`,
  enhanceOn: (provider) =>
    `${provider} may add to your prompt before it makes the image; the image shows what it used, and the same seed may not make it again.`,
  enhanceOff: () => 'Your prompt is used as you wrote it, and the same seed makes the same image again.',
  seedNotKept: (provider) =>
    `${provider} rewrites this model's prompts itself: the same seed may not make the same image again.`,
};
