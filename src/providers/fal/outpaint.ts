import { checkedExtend } from '../engine/extend.js';
import type { ProviderRequest } from '../provider.js';
import { editPrices } from './edit-prices.js';
import { prices } from './prices.js';
import type { FalImages } from './storage.js';

/** Whether `request` goes to fal's outpaint: an extend, or a model that only extends, asked without one. */
export const outpaints = ({ edit, model }: ProviderRequest) =>
  edit?.kind === 'extend' || editPrices[model]?.edits?.includes('extend') === true;

/**
 * The input of fal's outpaint (`fal-ai/flux-2-pro/outpaint`, fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt, read
 * 2026-11-28): `image_url` ("The image URL to expand using outpainting": the image's URL on fal's CDN, `sent`, as
 * every image the widget sends fal goes there first, storage.ts) and how far to extend each side, `expand_top`,
 * `expand_right`, `expand_bottom`, `expand_left`. Nothing else: no prompt (its input names none: the one typed is not
 * sent, and the editor and the quote say so), no size (the image with its sides makes it), no seed. Checked before
 * anything is sent or uploaded (`checkedExtend`; the model's kind of edit, `maskOf`): the canvas as priced, each side at
 * most 2048, at most 4 MP.
 */
export function falOutpaintBody(request: ProviderRequest, sent: FalImages): Record<string, unknown> {
  const sizes = prices[request.model]?.sizes;
  const { sides } = checkedExtend(request, {
    maxPixels: sizes?.kind === 'pixels' ? sizes.maxPixels : undefined,
    most: editPrices[request.model]?.extend?.most,
  });
  return {
    image_url: sent.images[0],
    expand_top: sides.top,
    expand_right: sides.right,
    expand_bottom: sides.bottom,
    expand_left: sides.left,
  };
}
