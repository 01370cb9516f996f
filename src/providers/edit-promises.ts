import type { ProviderId } from '../base/types.js';

/**
 * Where each model that has words of its own for its editing (`bestForEditing`, strings/image/models.ts: "Fast edits,
 * up to 4K") edits images: the providers whose edit facts (their edit-prices.ts) name a kind of edit for it. Those
 * facts load after the first paint, which edits nothing; what a model is for is said in the first paint, and must be
 * said there as the loaded widget says it (in other words, a card drawn again in two lines moved the form under it).
 * test/providers/edit-promises.test.ts holds this to the facts, model by model and provider by provider.
 */
const EDITS_WHERE: Readonly<Record<string, readonly ProviderId[]>> = {
  'flux-kontext-pro': ['bfl', 'puter'],
  'flux-kontext-max': ['bfl', 'puter'],
  'flux-pro-1.0-fill': ['bfl', 'fal'],
  'gpt-image-1.5': ['openai', 'pollinations', 'puter'],
  'gemini-3.1-flash-image': ['pollinations'],
  'gemini-nano-banana-2.1': ['google'],
};

/** Whether `model`, a model with words of its own for its editing, edits images at `provider` (its edit facts there). */
export const editsWithWordsAt = (provider: ProviderId, model: string): boolean =>
  Object.hasOwn(EDITS_WHERE, model) && EDITS_WHERE[model].includes(provider);
