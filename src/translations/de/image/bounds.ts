import type { BoundsStrings } from '../../../strings/image/bounds.js';

export const bounds: BoundsStrings = {
  atMostUnder: (price) => `höchstens ${price}`,
  about: (price) => `etwa ${price}`,
};
