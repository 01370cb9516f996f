import type { ControlsStrings } from '../../../strings/image/controls.js';
import { sentences } from '../../../strings/sentence.js';

/** A number as German writes it: 1,5. */
const decimal = (value: number) => String(value).replace('.', ',');

export const controls = sentences<ControlsStrings>({
  modelControls: (provider) => `Wie ${provider} es macht`,
  safetyTolerance: (min, max) => `Moderation (${min} am strengsten, ${max} am freizügigsten)`,
  moderationCharged: (provider) => `${provider} berechnet auch ein Bild, das seine Moderation zurückhält.`,
  outputFormat: 'Bildformat',
  steps: (min, max) => `Schritte (${min}–${max})`,
  guidance: (min, max) => `Prompt-Treue (Guidance, ${decimal(min)}–${decimal(max)})`,
  raw: 'Raw: weniger bearbeitet, natürlicher',
  imagePromptStrength: 'Gewicht des Referenzbilds (0–1)',
  byDefault: (choice) => `${choice} (Voreinstellung)`,
  enhancePrompt: (provider, byDefault) =>
    `${provider} darf meinen Prompt zuerst umschreiben${byDefault ? ' (Voreinstellung)' : ''}`,
  enhanceOn: (provider) =>
    `${provider} darf Ihren Prompt ergänzen, bevor das Bild entsteht; das Bild zeigt, was verwendet wurde, und derselbe Seed macht es vielleicht nicht noch einmal.`,
  seedNotKept: (provider) =>
    `${provider} schreibt die Prompts dieses Modells selbst um: derselbe Seed macht vielleicht nicht dasselbe Bild noch einmal.`,
  enhanceOff:
    'Ihr Prompt wird verwendet, wie Sie ihn geschrieben haben, und derselbe Seed macht dasselbe Bild noch einmal.',
  fixSetting: 'Einstellung ändern',
});
