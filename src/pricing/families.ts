import { FAMILY_IDS, type ModelInfo } from './models.js';

/**
 * The model families besides FLUX (SPEC §12), in picker order after it: their names as people read them. They load
 * with their prices after the first paint (src/providers/families.ts), so that a page that sells FLUX does not wait
 * for them. Each id's name and family.
 */
const NAMES: Record<string, [label: string, family: string]> = {
  'gpt-image-2': ['GPT Image 2', 'GPT Image'],
  'gpt-image-1.5': ['GPT Image 1.5', 'GPT Image'],
  'gpt-image-1': ['GPT Image 1', 'GPT Image'],
  'gpt-image-1-mini': ['GPT Image 1 mini', 'GPT Image'],
  'gemini-3.1-flash-image': ['Nano Banana 2', 'Nano Banana'],
  'gemini-3-pro-image': ['Nano Banana Pro', 'Nano Banana'],
  'imagen-4-fast': ['Imagen 4 Fast', 'Imagen'],
  'imagen-4': ['Imagen 4', 'Imagen'],
  'imagen-4-ultra': ['Imagen 4 Ultra', 'Imagen'],
  'seedream-4.5': ['Seedream 4.5', 'Seedream'],
  'seedream-5-lite': ['Seedream 5.0 Lite', 'Seedream'],
  'qwen-image': ['Qwen-Image', 'Qwen'],
  'grok-imagine': ['Grok Imagine', 'Grok'],
};

/** Every id the first paint waits for (`FAMILY_IDS`), named. */
export const FAMILY_MODELS: readonly ModelInfo[] = FAMILY_IDS.map((id) => {
  const [label, family] = NAMES[id] ?? [id, id];
  return { id, label, family };
});
