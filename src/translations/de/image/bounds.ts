import type { BoundsStrings } from '../../../strings/image/bounds.js';
import { sentences } from '../../../strings/sentence.js';

export const bounds = sentences<BoundsStrings>({
  atMostUnder: (price) => `höchstens ${price}`,
  about: (price) => `etwa ${price}`,
});
