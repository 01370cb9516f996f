/**
 * The model's own controls in More options (SPEC §11), each where the model takes it, the prompt's rewriting and what it
 * means for a seed among them: loaded with the widget's controls part (panels/controls/), only where the provider in
 * force shows them.
 */

import { sentences } from '../sentence.js';

export interface ControlsStrings {
  modelControls(provider: string): string;
  safetyTolerance(min: number, max: number): string;
  /** The provider charges for a result its moderation withholds (BFL). */
  moderationCharged(provider: string): string;
  outputFormat(): string;
  /** With the range the model takes, which the field refuses beyond. */
  steps(min: number, max: number): string;
  guidance(min: number, max: number): string;
  raw(): string;
  imagePromptStrength(): string;
  /** A choice that is the provider's own default: "2 (default)". */
  byDefault(choice: string): string;
  /** `byDefault`: whether the provider rewrites the prompt unless told not to. */
  enhancePrompt(provider: string, byDefault: boolean): string;
  enhanceOn(provider: string): string;
  enhanceOff(): string;
  /** Under the seed, where the provider changes this model's prompt itself, with no switch for it (fal's [pro]). */
  seedNotKept(provider: string): string;
  /** Beside Generate, refused for a control set out of its range: opens More options on it. */
  fixSetting(): string;
}

export const controls = sentences<ControlsStrings>({
  modelControls: (provider) => `How ${provider} makes it`,
  safetyTolerance: (min, max) => `Moderation (${min} strictest, ${max} most permissive)`,
  moderationCharged: (provider) => `${provider} charges for an image its moderation withholds.`,
  outputFormat: 'Image format',
  steps: (min, max) => `Steps (${min}–${max})`,
  guidance: (min, max) => `Guidance (${min}–${max})`,
  raw: 'Raw: a less processed, more natural look',
  imagePromptStrength: 'Reference image strength (0–1)',
  byDefault: (choice) => `${choice} (default)`,
  enhancePrompt: (provider, byDefault) => `Let ${provider} rewrite my prompt first${byDefault ? ' (its default)' : ''}`,
  enhanceOn: (provider) =>
    `${provider} may add to your prompt before it makes the image; the image shows what it used, and the same seed may not make it again.`,
  enhanceOff: 'Your prompt is used as you wrote it, and the same seed makes the same image again.',
  seedNotKept: (provider) =>
    `${provider} rewrites this model's prompts itself: the same seed may not make the same image again.`,
  fixSetting: 'Change the setting',
});
