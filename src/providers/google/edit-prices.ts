import type { EditFacts, ProviderEditFacts } from '../../pricing/index.js';

/**
 * The tokens of each image sent to Nano Banana Pro, whatever its size (Gemini 3 counts an image by its media
 * resolution, not its pixels): "Gemini 3 Pro Image consumes 560 input image tokens per input image" (Google's model
 * card, docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/3-pro-image, read 2026-11-28); Puter books the
 * same, citing Google's price page (HeyPuter/puter@8307e8c providers/gemini/GeminiImageProvider.ts), and a reseller reads
 * that page as "about $0.0011 per image input", 560 × $2/M (aifreeapi.com, UNVERIFIED). 560 is the largest figure any
 * of them gives for it: at most that, booked from `usageMetadata`.
 */
const PRO_TOKENS = { expected: 560, most: 560, perImage: true } as const;

/**
 * The same for the Flash models: 1,120 for 3.1 Flash (docs.ai.it.ufl.edu, as the research note editing §1.3 cites
 * it: UNVERIFIED), the largest figure any source found gives for an image sent to a Gemini 3 image model; no source
 * gives one for Nano Banana 2.1 or 3.1 Flash Lite, which take it too (read 2026-11-28). At most that, booked from
 * `usageMetadata`, which says what was charged.
 */
const FLASH_TOKENS = { expected: 1120, most: 1120, perImage: true } as const;

/**
 * What Gemini's image models make of the images sent to them at Google (SPEC §13): an instruction over the whole image,
 * the image sent as `inlineData` beside it (Google's image generation guide; Firebase's "generate and edit images…
 * iterate on images through natural-language conversation", firebase.google.com/docs/ai-logic/generate-images-gemini).
 * Gemini takes no mask (its API has no such field), so it paints and erases nothing. The models Google sells today
 * (prices.ts; the research note catalog-2026-11 §3, "t2i, edit"): Nano Banana 2.1, Nano Banana Pro and
 * Nano Banana 2 Lite; Nano Banana 2 (3.1 Flash) is shut down, and Imagen 4 edits nothing here.
 */
const instruction = (inputTokens: EditFacts['inputTokens']): EditFacts => ({ edits: ['instruction'], inputTokens });

export const editPrices: ProviderEditFacts = {
  'gemini-nano-banana-2.1': instruction(FLASH_TOKENS),
  'gemini-3-pro-image': instruction(PRO_TOKENS),
  'gemini-3.1-flash-lite-image': instruction(FLASH_TOKENS),
};
