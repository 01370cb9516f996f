import type { CompareStrings } from '../../../strings/image/compare.js';
import { atProvider } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const compare = sentences<CompareStrings>({
  familyLabel: 'Modellfamilie',
  allFamilies: (count) => `Alle Familien (${count})`,
  wantsImage: 'Bearbeitet Ihr Bild: danach hinzufügen',
  needsAccount: (provider) => `Braucht ein Konto ${atProvider(provider)}`,
  pricedBefore: 'Vor dem Klick beziffert',
  pricedAtMost: 'Höchstens: Das Bild wird nach seinem Umfang berechnet, der Betrag danach genannt',
});
