import type { ModelSettings } from '../base/types.js';

/**
 * The model's own settings (SPEC §11), in one order: the order the adapters check and send them (engine/controls.ts)
 * and More options draws their controls, the prompt's rewriting first (elements/image/options/panel/controls/).
 */
export const MODEL_SETTINGS = [
  'enhancePrompt',
  'safetyTolerance',
  'outputFormat',
  'steps',
  'guidance',
  'raw',
  'imagePromptStrength',
] as const satisfies readonly (keyof ModelSettings)[];
