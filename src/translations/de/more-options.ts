import type { MoreOptionsStrings } from '../../strings/more-options.js';
import { number } from './words.js';

export const moreOptions: MoreOptionsStrings = {
  countLabel: () => 'Bilder',
  seedLabel: () => 'Seed',
  randomSeed: () => 'zufällig',
  referencesLabel: () => 'Referenzbilder',
  referencesNote: (required, max, billed) =>
    `(${required ? 'erforderlich' : 'optional'}, bis zu ${max}; ${billed ? 'werden mitberechnet' : 'im Preis enthalten'}; auswählen, ablegen oder einfügen)`,
  referenceAlt: (index) => `Referenzbild ${index}`,
  referenceAdds: (megapixels, amount) => `kostet ${number(megapixels)} MP = ${amount} mehr`,
  referenceRemove: (index) => `Referenzbild ${index} entfernen`,
  dropReferences: () => 'Bilder hier ablegen, einfügen oder',
  chooseReferences: () => 'Dateien auswählen',
  referencesCount: (n, max) => `${n} von ${max}`,
  enhancePrompt: (provider, byDefault) =>
    `${provider} darf meinen Prompt zuerst umschreiben${byDefault ? ' (Voreinstellung)' : ''}`,
  enhanceOn: (provider) =>
    `${provider} darf Ihren Prompt ergänzen, bevor das Bild entsteht; das Bild zeigt, was verwendet wurde, und derselbe Seed macht es vielleicht nicht noch einmal.`,
  seedNotKept: (provider) =>
    `${provider} schreibt die Prompts dieses Modells selbst um: derselbe Seed macht vielleicht nicht dasselbe Bild noch einmal.`,
  enhanceOff: () =>
    'Ihr Prompt wird verwendet, wie Sie ihn geschrieben haben, und derselbe Seed macht dasselbe Bild noch einmal.',
};
