import type { ProviderEditFacts } from '../../pricing/index.js';

/**
 * What fal's models make of an image sent to them (SPEC §13), in force once the edits' pricing has loaded.
 *
 * FLUX Outpainting (`fal-ai/flux-2-pro/outpaint`, fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt, read
 * 2026-11-28) extends the image: `image_url`, and `expand_top`, `expand_bottom`, `expand_left`, `expand_right`, each
 * 0–2048 pixels ("Range: 0 to 2048"); its input names no prompt, so it takes no instruction: one typed is said not to
 * be sent, never dropped in silence.
 */
export const editPrices: ProviderEditFacts = {
  'flux-outpainting': { edits: ['extend'], extend: { most: 2048, prompt: false } },
};
