import type { CompareStrings } from '../../../strings/image/compare.js';

export const compare: CompareStrings = {
  about: (price) => `etwa ${price}`,
  familyLabel: () => 'Modellfamilie',
  allFamilies: (count) => `Alle Familien (${count})`,
};
