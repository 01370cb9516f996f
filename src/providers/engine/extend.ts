import { invalid } from '../../base/checks.js';
import type { ExtendSides } from '../../base/types.js';
import { megapixelsSaid, modelName } from '../../pricing/index.js';
import { editPrices } from '../../strings/edit-prices.js';
import { generationText } from '../../strings/generation.js';
import { sayer } from '../../strings/strings.js';
import type { ProviderRequest, ReferenceImage } from '../provider.js';

const editText = sayer('editPrices', editPrices);

/** What an extend may be at a provider: the most pixels its canvas may have, and how far one side may go. */
export interface ExtendLimits {
  maxPixels?: number;
  most?: number;
}

/**
 * An extend as an adapter sends it (SPEC §13), checked before anything is sent, as it was priced: an extend, with its
 * image and its sides, its size the image with its sides around it, no side further than the provider extends one,
 * and no larger a canvas than it makes; refused in words otherwise. The image (as sent) and its sides.
 */
export function checkedExtend(
  request: ProviderRequest,
  { maxPixels = Infinity, most = Infinity }: ExtendLimits,
): { image: ReferenceImage; sides: ExtendSides } {
  const { edit, width, height, model } = request;
  const image = request.inputs?.[0];
  const sides = edit?.extend;
  if (
    edit?.kind !== 'extend' ||
    !image ||
    !sides ||
    image.width + sides.left + sides.right !== width ||
    image.height + sides.top + sides.bottom !== height
  )
    invalid(generationText.extendMissing());
  const label = modelName(model);
  if (Math.max(sides.top, sides.right, sides.bottom, sides.left) > most) invalid(editText.extendSideMost(label, most));
  if (width * height > maxPixels) invalid(editText.extendTooLarge(label, width, height, megapixelsSaid(maxPixels)));
  return { image, sides };
}
