/**
 * The model's own controls in More options (SPEC §11), each where the model takes it: loaded with the widget's controls
 * part (panels/controls/), only where the provider in force has any.
 */

export interface ControlsStrings {
  modelControls(provider: string): string;
  safetyTolerance(min: number, max: number): string;
  /** The provider charges for a result its moderation withholds (BFL). */
  moderationCharged(provider: string): string;
  outputFormat(): string;
  steps(): string;
  guidance(): string;
  raw(): string;
  imagePromptStrength(): string;
  /** A choice that is the provider's own default: "2 (default)". */
  byDefault(choice: string): string;
}

export const controls: ControlsStrings = {
  modelControls: (provider) => `How ${provider} makes it`,
  safetyTolerance: (min, max) => `Moderation (${min} strictest, ${max} most permissive)`,
  moderationCharged: (provider) => `${provider} charges for an image its moderation withholds.`,
  outputFormat: () => 'Image format',
  steps: () => 'Steps',
  guidance: () => 'Guidance',
  raw: () => 'Raw: a less processed, more natural look',
  imagePromptStrength: () => 'Reference image strength (0–1)',
  byDefault: (choice) => `${choice} (default)`,
};
