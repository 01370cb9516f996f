import type { EditFacts, ProviderEditFacts } from '../../pricing/index.js';
import { hostFamilies } from './families.js';

/**
 * The tokens of each image GPT Image is sent, billed at its image-in rate: no source publishes a rule (SPEC §13). Seen
 * per image of about 1024²: 194 on gpt-image-1 at low fidelity (community.openai.com, thread 1281361; and a recorded
 * masked edit, image and mask, 194 image tokens: vercel/ai@eb39cb5, test/recorded/openai/gpt-image-1-edit-ai-gateway
 * .json, replayed by test/replay/edits.test.ts), 352 on gpt-image-2 (Wei-Shaw/sub2api#4386, its full `usage`),
 * "roughly 1.5k" (Bike4Mind/bike4mind#3067), "3,050 tokens in high fidelity mode" on 1 and 1.5 (fal's gpt-image-1.5
 * edit page); Puter books 560 before the call (OpenAiImageProvider.ts @8307e8c). None is OpenAI's own word, read
 * 2026-11-28. Quoted at about 1,536 and at most 4,096 per started 1024² of each image (edit-pricing.ts), a stated
 * ceiling a third over the most seen; `usage` books what was charged.
 */
const INPUT_TOKENS = { expected: 1536, most: 4096 };

/**
 * What GPT Image edits at OpenAI (SPEC §13; `/v1/images/edits`, edit-request.ts): an instruction over the whole image
 * and a repaint of what is painted (a mask, which applies to the first image: openai/openai-node@7b7d6ca
 * `src/resources/images.ts`, `ImageEditParamsBase`); no erase (it takes no edit without a prompt). Each GPT Image model
 * OpenAI's own API sells (families.ts), wherever the `openai` provider prices it.
 */
const GPT_IMAGE: EditFacts = { edits: ['instruction', 'mask'], inputTokens: INPUT_TOKENS };

export const editPrices: ProviderEditFacts = Object.fromEntries(
  Object.keys(hostFamilies['api.openai.com']).map((model) => [model, GPT_IMAGE]),
);
