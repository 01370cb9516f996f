/**
 * What is said of a model's own control set to what the model does not take as given (`ModelSettings`: one sentence
 * for each, named as it is), before anything is sent. Loaded with the adapters that check them (providers/engine/controls.ts).
 */

import { sentences } from './sentence.js';

export interface SettingsStrings {
  enhancePrompt(): string;
  safetyTolerance(min: number, max: number): string;
  outputFormat(given: string, offered: string): string;
  steps(min: number, max: number): string;
  guidance(min: number, max: number): string;
  raw(): string;
  imagePromptStrength(min: number, max: number): string;
}

export const settings = sentences<SettingsStrings>({
  enhancePrompt: 'Prompt enhancement is on or off: true or false.',
  safetyTolerance: (min, max) => `This model's moderation level is a whole number from ${min} (strictest) to ${max}.`,
  outputFormat: (given, offered) => `This model makes ${offered} images, not "${given}".`,
  steps: (min, max) => `This model's steps are a whole number from ${min} to ${max}.`,
  guidance: (min, max) => `This model's guidance is a number from ${min} to ${max}.`,
  raw: 'Raw mode is on or off: true or false.',
  imagePromptStrength: (min, max) => `This model's reference image strength is a number from ${min} to ${max}.`,
});
