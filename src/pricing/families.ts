import { FAMILY_IDS, type ModelInfo } from './models.js';

/**
 * The model families besides FLUX (SPEC §12), in picker order after it: their names as people read them. They load
 * with their prices after the first paint (src/providers/families.ts), so that a page that sells FLUX does not wait
 * for them.
 */
const LABELS: Record<string, string> = {
  'gpt-image-2': 'GPT Image 2',
  'gpt-image-1.5': 'GPT Image 1.5',
  'gpt-image-1': 'GPT Image 1',
  'gpt-image-1-mini': 'GPT Image 1 mini',
  'gemini-3.1-flash-image': 'Nano Banana 2 (Gemini 3.1 Flash Image)',
  'gemini-3-pro-image': 'Nano Banana Pro (Gemini 3 Pro Image)',
  'imagen-4-fast': 'Imagen 4 Fast',
  'imagen-4': 'Imagen 4',
  'imagen-4-ultra': 'Imagen 4 Ultra',
  'seedream-4.5': 'Seedream 4.5',
  'seedream-5-lite': 'Seedream 5.0 Lite',
  'qwen-image': 'Qwen-Image',
  'grok-imagine': 'Grok Imagine',
};

/** Every id the first paint waits for (`FAMILY_IDS`), named. */
export const FAMILY_MODELS: readonly ModelInfo[] = FAMILY_IDS.map((id) => ({ id, label: LABELS[id] ?? id }));
