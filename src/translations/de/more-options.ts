import { qualityNamed, type MoreOptionsStrings } from '../../strings/more-options.js';
import { number } from './words.js';
import { sentences } from '../../strings/sentence.js';

export const moreOptions = sentences<MoreOptionsStrings>({
  countLabel: 'Bilder',
  qualityLabel: 'Qualität',
  qualityName: qualityNamed({ low: 'Niedrig', medium: 'Mittel', high: 'Hoch' }),
  tierNotMade: (model, asked, made) => `${model} erzeugt kein ${asked}: Die Qualität ist jetzt ${made}.`,
  seedLabel: 'Seed',
  randomSeed: 'zufällig',
  referencesLabel: 'Referenzbilder',
  referencesNote: (required, max, billed) =>
    `(${required ? 'erforderlich' : 'optional'}, bis zu ${max}; ${billed ? 'werden mitberechnet' : 'im Preis enthalten'}; auswählen, ablegen oder einfügen)`,
  referenceAlt: (index) => `Referenzbild ${index}`,
  referenceAdds: (megapixels, amount) => `kostet ${number(megapixels)} MP = ${amount} mehr`,
  referenceRemove: (index) => `Referenzbild ${index} entfernen`,
  dropReferences: 'Bilder hier ablegen, einfügen oder',
  chooseReferences: 'Dateien auswählen',
  referencesCount: (n, max) => `${n} von ${max}`,
  chooseImage: 'Bild auswählen',
});
