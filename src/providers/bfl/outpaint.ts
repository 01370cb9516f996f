import { wireSettings } from '../engine/controls.js';
import { checkedExtend } from '../engine/extend.js';
import type { ProviderRequest } from '../provider.js';
import { BFL_WIRE, bflControls } from './controls.js';
import { prices } from './prices.js';

/** Where BFL takes an outpainting (docs.bfl.ai/flux_tools/flux_outpainting: `POST /v1/flux-tools/outpainting-v1`). */
export const OUTPAINTING_ROUTE = 'flux-tools/outpainting-v1';

/**
 * FLUX Outpainting's body (docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image, read 2026-11-28): the image
 * (`input_image`, raw base64: `image`) placed on a `width` × `height` canvas with its top-left corner at
 * `reference_offset_x`, `reference_offset_y` (the extend's left and top sides), `auto_crop` false (an image beyond the
 * canvas is refused, never cut), `mode` `high` (its default, which the estimate prices), the instruction where one was
 * typed (`prompt`: "Experimental … Leave unset for default behavior"), and the settings it takes. No seed: its schema
 * names none. Checked before anything is sent (`checkedExtend`): the canvas as priced, at most 4 MP.
 */
export function outpaintingBody(request: ProviderRequest, image: string): Record<string, unknown> {
  const { width, height, model } = request;
  const sizes = prices[model]?.sizes;
  const { sides } = checkedExtend(request, { maxPixels: sizes?.kind === 'pixels' ? sizes.maxPixels : undefined });
  const prompt = request.prompt.trim();
  return {
    input_image: image,
    width,
    height,
    reference_offset_x: sides.left,
    reference_offset_y: sides.top,
    auto_crop: false,
    mode: 'high',
    ...(prompt && { prompt }),
    ...wireSettings(bflControls(model), request.settings, BFL_WIRE),
  };
}
