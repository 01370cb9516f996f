import type { ProviderId } from '../base/types.js';

/**
 * The families besides FLUX that each provider sells (SPEC §12), by the names people know them by and in picker
 * order: the picker's step to them names these before their prices load (src/providers/families.ts loads them on first
 * need), so that fal's does not promise GPT Image. test/providers/families-sold.test.ts holds this list to the prices
 * each provider's families.ts gives.
 */
export const FAMILIES_SOLD: Partial<Record<ProviderId, readonly string[]>> = {
  puter: ['GPT Image', 'Nano Banana', 'Imagen', 'Seedream', 'Qwen', 'Grok'],
  openrouter: ['GPT Image', 'Nano Banana', 'Seedream', 'Grok'],
  pollinations: ['GPT Image', 'Nano Banana', 'Seedream', 'Qwen', 'Grok'],
  fal: ['Nano Banana', 'Seedream'],
  openai: ['GPT Image'],
  google: ['Nano Banana', 'Imagen'],
};
