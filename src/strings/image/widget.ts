/** The widget's form: labels, choices, progress and the Generate button. */

import { sentences } from '../sentence.js';
import { plural, pluralForm } from '../words.js';

export interface WidgetStrings {
  promptLabel(): string;
  promptPlaceholder(): string;
  modelLabel(): string;
  shapeLabel(): string;
  sizeFromInput(): string;
  generating(): string;
  generateLabel(): string;
  /** The keyboard shortcut, as the platform writes it. */
  shortcut(mac: boolean): string;
  undone(): string;
  /** Undo of what a balance booked, where it was settled meanwhile (another tab's answer, a reset): nothing changed. */
  undoTooLate(): string;
  // What a submission buys, beside its price
  buys(count: number, megapixels: number): string;
  priceDetails(): string;
  // Why Generate cannot succeed now, and the fix it offers
  describeFirst(): string;
  addKeyFirst(provider: string): string;
  /**
   * Where the user may sign in to the provider instead of pasting a key: what is missing, said as a state, not as the
   * sign-in button's own words (its fix goes to that button, beside which a key can be pasted instead).
   */
  signInFirst(provider: string): string;
  fixSignIn(): string;
  fixPrompt(): string;
  fixKey(): string;
  // Model, shape and size
  moreModels(n: number): string;
  /** A model the page or the user chose that the provider's own list no longer names for this account. */
  notSoldNow(model: string, instead: string): string;
  fewerModels(): string;
  /** The step to the provider's other model families, listed ("GPT Image, Nano Banana, Imagen…"). */
  otherFamilies(families: string): string;
  resolutionLabel(): string;
  moreOptions(): string;
  // The result canvas
  resultLabel(): string;
  emptyTitle(): string;
  emptyHint(): string;
  badBudget(value: string): string;
}

export const widget = sentences<WidgetStrings>({
  promptLabel: 'Describe the image',
  promptPlaceholder: 'A lighthouse on a cliff at dawn, watercolour',
  modelLabel: 'Model',
  shapeLabel: 'Shape',
  sizeFromInput: 'The image is made at the size of the image to edit.',
  generating: 'Running…',
  generateLabel: 'Generate',
  shortcut: (mac) => (mac ? '⌘↵' : 'Ctrl+↵'),
  undone: 'Undone.',
  undoTooLate: 'It was settled meanwhile, in another tab or by a reset, and can no longer be undone.',
  // A figure and its unit never apart at a line's end ("1 MP" read "1" then "MP" under the price at 1280 px).
  buys: (count, megapixels) =>
    pluralForm('en', count, {
      one: `1\u00a0image · ${megapixels}\u00a0MP`,
      other: `${count}\u00a0images · ${megapixels}\u00a0MP each`,
    }),
  priceDetails: 'Price details',
  describeFirst: 'Describe the image first',
  addKeyFirst: (provider) => `Add your ${provider} API key`,
  signInFirst: (provider) => `Not signed in to ${provider}`,
  fixSignIn: 'Sign in',
  fixPrompt: 'Write a prompt',
  fixKey: 'Enter the key',
  moreModels: (n) => plural(n, 'more model'),
  notSoldNow: (model, instead) => `${model} is not offered to your account now: ${instead} is chosen instead.`,
  fewerModels: 'Fewer models',
  otherFamilies: (families) => `More models: ${families}`,
  resolutionLabel: 'Size',
  moreOptions: 'More options',
  resultLabel: 'Result',
  emptyTitle: 'Your image appears here',
  emptyHint: 'Describe it, pick a model and a shape: the price shows before you pay.',
  badBudget: (value) =>
    `The budget set on this page ("${value}") is not an amount of dollars, so nothing can be spent until it is fixed (write it like 2.50).`,
});
