import type { ControlsStrings } from '../../../strings/image/controls.js';

export const controls: ControlsStrings = {
  modelControls: (provider) => `Wie ${provider} es macht`,
  safetyTolerance: (min, max) => `Moderation (${min} am strengsten, ${max} am freizügigsten)`,
  moderationCharged: (provider) => `${provider} berechnet auch ein Bild, das seine Moderation zurückhält.`,
  outputFormat: () => 'Bildformat',
  steps: () => 'Schritte',
  guidance: () => 'Prompt-Treue (Guidance)',
  raw: () => 'Raw: weniger bearbeitet, natürlicher',
  imagePromptStrength: () => 'Gewicht des Referenzbilds (0–1)',
  byDefault: (choice) => `${choice} (Voreinstellung)`,
};
