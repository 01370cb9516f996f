import type { ProviderEditFacts } from '../../pricing/index.js';

/**
 * What fal's models make of an image sent to them (SPEC §13), in force once the edits' pricing has loaded, each at the
 * model's edit endpoint, read 2026-11-28:
 * - FLUX.2 [klein] 4B and 9B, [dev], [pro], [flex], [max] follow an instruction over their first image at their
 *   `/edit` endpoints (fal-ai/fal-js@381105e libs/client/src/types/endpoints.ts: `fal-ai/flux-2/klein/4b/edit`,
 *   `fal-ai/flux-2/edit`, `fal-ai/flux-2-pro/edit`…, `image_urls` "The URLs of the images for editing"), the endpoints
 *   the adapter already sends references to (queue.ts, `falEndpointId`), priced as their references are (prices.ts).
 * - Seedream 4.5 and 5.0 Lite follow an instruction at their edit endpoints (`EDIT_ENDPOINTS`), `image_urls` "List of
 *   URLs of input images for editing. Presently, up to 10 image inputs are allowed" (fal-js@381105e SeedDream45EditInput,
 *   SeedreamV5LiteEditInput), at their price per image, inputs included (fal's guide to Seedream 5.0 Lite: "flat
 *   pricing for both generation and editing"; Seedream 4.5's edit price is its text-to-image one, UNVERIFIED: fal's
 *   edit page was not read, and its pricing API answers the key's price: families.ts).
 * - FLUX.1 Fill [pro], `fal-ai/flux-pro/v1/fill`, repaints what is painted (FluxProFillInput: `image_url` and `mask_url`,
 *   each "Needs to match the dimensions of" the other; fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt).
 * - FLUX Erase, `fal-ai/flux-pro/v1/erase`, removes what is painted, with no prompt (FluxProEraseInput: `image_url`,
 *   `mask_url` "where white (255) marks pixels to erase", `dilate_pixels`, `output_format`, `sync_mode`, nothing else;
 *   fal.ai/models/fal-ai/flux-pro/v1/erase/llms.txt).
 * - FLUX Outpainting, `fal-ai/flux-2-pro/outpaint`, extends the image (fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt:
 *   `image_url`, and `expand_top`, `expand_bottom`, `expand_left`, `expand_right`, each 0–2048 pixels, "Range: 0 to
 *   2048"); its input names no prompt, so it takes no instruction: one typed is said not to be sent, never dropped in
 *   silence (outpaint.ts).
 *
 * Not here: Nano Banana 2.1 (`google/nano-banana-2.1/edit`, as the research read fal's guide), billed by tokens at a
 * rate for its input images that no fal source found states, and with no fal schema of its edit endpoint stored: no
 * price of an edit could be given, so it is not offered for one. Nano Banana 2's edit endpoint
 * (`fal-ai/nano-banana-2/edit`) went with its upstream on 2026-10-29 (families.ts). Qwen-Image's edit endpoints
 * (`fal-ai/qwen-image-edit`…) are listed by fal's client, but fal's own price for them was found nowhere, and fal sells
 * no Qwen-Image here (families.ts). FLUX 3 Image at fal takes no documented image input.
 */
const INSTRUCTION = { edits: ['instruction'] } as const;

export const editPrices: ProviderEditFacts = {
  'flux-2-klein-4b': INSTRUCTION,
  'flux-2-klein-9b': INSTRUCTION,
  'flux-2-dev': INSTRUCTION,
  'flux-2-pro': INSTRUCTION,
  'flux-2-flex': INSTRUCTION,
  'flux-2-max': INSTRUCTION,
  'seedream-4.5': INSTRUCTION,
  'seedream-5-lite': INSTRUCTION,
  'flux-pro-1.0-fill': { edits: ['mask'] },
  'flux-erase': { edits: ['erase'] },
  'flux-outpainting': { edits: ['extend'], extend: { most: 2048, prompt: false } },
};

/**
 * Where a model sold at one endpoint for text edits an image (and takes references) at another: Seedream's text-to-image
 * endpoints (families.ts) have edit endpoints of their own (fal-js@381105e: `fal-ai/bytedance/seedream/v4.5/edit`,
 * `bytedance/seedream/v5/lite/edit`, without `fal-ai/` as its text-to-image one). FLUX.2's are its id's `/edit`
 * (queue.ts); Fill and Erase have one endpoint each, their entry's `model` (prices.ts).
 */
export const EDIT_ENDPOINTS: Record<string, string> = {
  'seedream-4.5': 'fal-ai/bytedance/seedream/v4.5/edit',
  'seedream-5-lite': 'bytedance/seedream/v5/lite/edit',
};
