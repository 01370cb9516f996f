import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import { carryQuality } from './quality-carried.js';

/**
 * The model pickers once the panels are here: a tier the next model does not make is read out, and said over the price
 * with its Undo where a card was clicked.
 */
export class ModelsFeature {
  constructor(parts: ImageParts, { flow, price }: Features) {
    carryQuality(parts, (sentence, undo) => {
      flow.say(sentence);
      if (undo) price.offerUndo(sentence, undo);
    });
  }
}
