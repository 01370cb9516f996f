import { invalid } from '../../base/checks.js';
import { modelName } from '../../pricing/index.js';
import { editPrices as editWords } from '../../strings/edit-prices.js';
import { sayer } from '../../strings/strings.js';
import { checkedExtend } from '../engine/extend.js';
import type { ProviderRequest } from '../provider.js';
import { editPrices } from './edit-prices.js';
import { prices } from './prices.js';

const editText = sayer('editPrices', editWords);

/** Whether `request` goes to fal's outpaint: an extend, or a model that only extends, asked without one. */
export const outpaints = ({ edit, model }: ProviderRequest) =>
  edit?.kind === 'extend' || editPrices[model]?.edits?.includes('extend') === true;

/**
 * The input of fal's outpaint (`fal-ai/flux-2-pro/outpaint`, fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt, read
 * 2026-11-28): `image_url` (a data URI, as fal's edit endpoints take their images here) and how far to extend each
 * side, `expand_top`, `expand_right`, `expand_bottom`, `expand_left`. Nothing else: no prompt (its input names none:
 * the one typed is not sent, and the editor and the quote say so), no size (the image with its sides makes it), no
 * seed. Checked before anything is sent (`checkedExtend`): the canvas as priced, each side at most 2048, at most 4 MP.
 */
export function falOutpaintBody(request: ProviderRequest): Record<string, unknown> {
  const { model } = request;
  if (!editPrices[model]?.edits?.includes('extend')) invalid(editText.cannotEdit(modelName(model), 'extend'));
  const sizes = prices[model]?.sizes;
  const { image, sides } = checkedExtend(request, {
    maxPixels: sizes?.kind === 'pixels' ? sizes.maxPixels : undefined,
    most: editPrices[model]?.extend?.most,
  });
  return {
    image_url: image.dataUrl,
    expand_top: sides.top,
    expand_right: sides.right,
    expand_bottom: sides.bottom,
    expand_left: sides.left,
  };
}
