import type { EditFacts, ProviderEditFacts } from '../../pricing/index.js';

/**
 * What Pollinations' models make of the images sent to them (SPEC §13), in force once the edits' pricing has loaded:
 * each follows an instruction over its first image, the image edited, sent to `POST /v1/images/edits` as
 * `image: [{image_url}]`, a data URI ("URL or base64 data URI of the source image": shared/schemas/openai.ts
 * CreateImageEditRequestSchema, pollinations/pollinations@008ae28b, read 2026-11-28; adapter.ts says why not `image=`).
 * No mask: the route takes none. Prices from the registry (shared/registry/image.ts @0047731e), which the live list
 * says (live-prices.ts); how many images each takes is its first-paint entry's `references` (prices.ts, families.ts).
 */
const INSTRUCTION: EditFacts = { edits: ['instruction'] };

/**
 * GPT Image: each image sent billed as the image tokens the reply reports (createAndReturnImages.ts
 * `mapAzureGPTImageUsage`, `promptImageTokens`) at the list's `promptImageTokens` rate; no published rule counts them
 * (Pollinations resizes an image before sending it, `resizeForGptImage`, so they are fewer if anything): the same
 * stated bound as at OpenAI (src/providers/openai/edit-prices.ts, with its sources), about 1,536 and at most 4,096 per
 * started 1024² of each image.
 */
const GPT_IMAGE: EditFacts = { edits: ['instruction'], inputTokens: { expected: 1536, most: 4096 } };

/**
 * Nano Banana (Gemini through OpenRouter or Vertex): each image sent billed as its tokens at `promptImageTokens`: 560
 * an image, Google's "$0.0011 per image" for 3 Pro Image at $2 per million (as HeyPuter/puter@8307e8c
 * GeminiImageProvider.ts cites Google's pricing page); at most 1,120, Gemini 3's count at high media resolution (as
 * third parties quote Google's "Media resolution": UNVERIFIED), per started 1024² of each image, a stated ceiling.
 */
const GEMINI: EditFacts = { edits: ['instruction'], inputTokens: { expected: 560, most: 1120 } };

export const editPrices: ProviderEditFacts = {
  // "Fast image generation and editing up to 2.4 megapixels": no price for an image sent.
  'flux-2-klein-4b': INSTRUCTION,
  'gpt-image-1-mini': GPT_IMAGE,
  'gpt-image-1.5': GPT_IMAGE,
  'gpt-image-2': GPT_IMAGE,
  'gemini-3.1-flash-image': GEMINI,
  'gemini-3.1-flash-lite-image': GEMINI,
  'gemini-3-pro-image': GEMINI,
  // Seedream 4.5 ("seedream-pro"): one price per image, images sent included.
  'seedream-4.5': INSTRUCTION,
  // Grok Imagine: `promptImageTokens: 0.002, // per input image on edits`, besides the image's 0.02.
  'grok-imagine': { edits: ['instruction'], inputPrice: { per: 'image', usd: '0.002' } },
  // Qwen-Image: an edit is priced 0.03 rather than 0.025 ("Applies when the request includes one or more input
  // images": its `edit` cost variant), so 0.005 more once, whatever the number of images.
  'qwen-image': { edits: ['instruction'], inputPrice: { per: 'request', usd: '0.005' } },
};
