import type { SettingsStrings } from '../../strings/settings.js';
import { number } from './words.js';
import { sentences } from '../../strings/sentence.js';

export const settings = sentences<SettingsStrings>({
  enhancePrompt: 'Die Prompt-Verbesserung ist an oder aus: true oder false.',
  safetyTolerance: (min, max) =>
    `Die Moderationsstufe dieses Modells ist eine ganze Zahl von ${min} (am strengsten) bis ${max}.`,
  outputFormat: (given, offered) => `Dieses Modell macht Bilder als ${offered}, nicht als „${given}“.`,
  steps: (min, max) => `Die Schrittzahl dieses Modells ist eine ganze Zahl von ${min} bis ${max}.`,
  guidance: (min, max) =>
    `Die Prompt-Treue (Guidance) dieses Modells ist eine Zahl von ${number(min)} bis ${number(max)}.`,
  raw: 'Der Raw-Modus ist an oder aus: true oder false.',
  imagePromptStrength: (min, max) =>
    `Das Gewicht des Referenzbilds ist bei diesem Modell eine Zahl von ${number(min)} bis ${number(max)}.`,
});
