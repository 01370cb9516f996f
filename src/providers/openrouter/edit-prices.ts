import type { EditFacts, ProviderEditFacts } from '../../pricing/index.js';

/**
 * What OpenRouter's models make of the images sent to them (SPEC §13), in force once the edits' pricing has loaded:
 * each follows an instruction over its first image, the image edited, sent as `input_references: [{type: 'image_url',
 * image_url: {url}}]` (a data URL) on `POST /api/v1/images` (the image API's request, @openrouter/sdk 1.3.19
 * `ImageGenerationRequest`: "Reference images to guide image-to-image generation, as base64 data URLs or HTTP(S)
 * URLs"), or as image parts of a chat message for FLUX where the image API does not list it (adapter.ts). No mask: the
 * request has no field for one. Only models whose endpoint bills the images sent by a line of its own edit here
 * (families.ts), each priced by that line: FLUX.2's per input megapixel (prices.ts, from their model pages), GPT Image's
 * and Gemini's per token, a bound (below). `usage.cost` books what was charged (adapter.ts).
 */
const INSTRUCTION: EditFacts = { edits: ['instruction'] };

/**
 * GPT Image's images sent, at the endpoint's `input_image` line per token: no source publishes how many each takes,
 * so the same stated bound as at OpenAI (src/providers/openai/edit-prices.ts, with its sources): about 1,536 and at
 * most 4,096 per started 1024² of each image.
 */
const GPT_IMAGE: EditFacts = { edits: ['instruction'], inputTokens: { expected: 1536, most: 4096 } };

/**
 * Gemini 3 Pro Image's images sent, at the endpoint's `input_image` line per token ($2 per million: the recorded
 * record of `google/gemini-3-pro-image`): 560 tokens an image, "$0.0011 per image" at that rate, Google's pricing page
 * as Puter's code cites it (HeyPuter/puter@8307e8c GeminiImageProvider.ts, read 2026-11-28); at most 1,120, Gemini 3's
 * count of an image at its high media resolution (ai.google.dev, "Media resolution", as third parties quote it:
 * UNVERIFIED), per started 1024² of each image, a stated ceiling.
 */
const GEMINI: EditFacts = { edits: ['instruction'], inputTokens: { expected: 560, most: 1120 } };

export const editPrices: ProviderEditFacts = {
  // FLUX.2's model pages bill each input megapixel ([pro] $0.015, [flex] $0.06, [max] $0.03: prices.ts); [klein] 4B's
  // bills none, and is not offered to edit (no line prices an image sent to it).
  'flux-2-pro': INSTRUCTION,
  'flux-2-flex': INSTRUCTION,
  'flux-2-max': INSTRUCTION,
  'gpt-image-2': GPT_IMAGE,
  'gpt-image-1': GPT_IMAGE,
  'gemini-3-pro-image': GEMINI,
};
