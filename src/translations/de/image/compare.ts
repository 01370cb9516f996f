import type { CompareStrings } from '../../../strings/image/compare.js';

export const compare: CompareStrings = {
  familyLabel: () => 'Modellfamilie',
  allFamilies: (count) => `Alle Familien (${count})`,
  wantsImage: () => 'Bearbeitet Ihr Bild: danach hinzufügen',
};
