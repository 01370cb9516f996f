import type { EditFacts, ProviderEditFacts } from '../../pricing/index.js';

/**
 * What Puter's models make of the images sent to them (SPEC §13), in force once the edits' pricing has loaded: each
 * follows an instruction over its first image, the image edited, sent in `puter.ai.txt2img`'s `input_images`; none
 * takes a mask (OpenAiImageProvider.ts passes none, and no model Puter lists inpaints). Sources: HeyPuter/puter@8307e8c
 * (read 2026-11-28), src/docs/src/AI/txt2img.md and src/backend/drivers/ai-image/providers/<provider>/, as named beside
 * each. How many images each takes is its first-paint entry's `references` (prices.ts, families.ts).
 */
const INSTRUCTION: EditFacts = { edits: ['instruction'] };

/**
 * GPT Image through Puter's OpenAI provider, which sends the images to OpenAI's `images.edit` and bills the
 * `image_tokens` OpenAI reports at the model's `image_input` rate (OpenAiImageProvider.ts `generate`,
 * #calculateInputCostInCents; it reserves 560 per image before the call, #ESTIMATED_IMAGE_INPUT_TOKENS): no published
 * rule counts them, so the same stated bound as at OpenAI (src/providers/openai/edit-prices.ts, with its sources):
 * about 1,536 and at most 4,096 per started 1024² of each image. What the account's usage fell by is booked, as for any
 * call (adapter.ts), else the bound, uncertain.
 */
const GPT_IMAGE: EditFacts = { edits: ['instruction'], inputTokens: { expected: 1536, most: 4096 } };

export const editPrices: ProviderEditFacts = {
  // Replicate's FLUX.2 (ReplicateImageGenerationProvider.ts: `input_images` to the model's image field, billed per
  // started input megapixel, `input_mp`, which the book's `puter` rule prices already).
  'flux-2-klein-4b': INSTRUCTION,
  'flux-2-klein-9b-base': INSTRUCTION,
  'flux-2-dev': INSTRUCTION,
  'flux-2-pro': INSTRUCTION,
  // Together's FLUX.2 and Kontext: one image (inputImage.ts `resolveSingleInputImage`, a 400 for more), not billed
  // (TogetherImageProvider.ts bills the output alone). Kontext edits only (CONDITION_IMAGE_MODELS).
  'flux-2-flex': INSTRUCTION,
  'flux-2-max': INSTRUCTION,
  'flux-kontext-pro': INSTRUCTION,
  'flux-kontext-max': INSTRUCTION,
  'gpt-image-2': GPT_IMAGE,
  'gpt-image-1.5': GPT_IMAGE,
  'gpt-image-1': GPT_IMAGE,
  'gpt-image-1-mini': GPT_IMAGE,
  // xAI's edits (XAIImageProvider.ts, `#edit`: POST /images/edits), each image sent billed `media_input`, 0.2 cents
  // for grok-imagine-image (xai/models.ts, from docs.x.ai/developers/pricing); the live catalogue's own, where read.
  'grok-imagine': { edits: ['instruction'], inputPrice: { per: 'image', usd: '0.002' } },
  // BytePlus' Seedream (BytePlusImageProvider.ts: `image`, up to 14): 4.5 and 5.0 Lite bill no image sent
  // (HeyPuter/puter byteplus/models.ts: "Every other model is a flat per-image rate with free image input").
  'seedream-4.5': INSTRUCTION,
  'seedream-5-lite': INSTRUCTION,
};
