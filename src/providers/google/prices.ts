import type { ProviderPrices } from '../../pricing/index.js';

/**
 * Google sells no FLUX: its models (Gemini image, Imagen 4) are priced with the other model families, loaded on first
 * need (families.ts, installed by src/providers/families.ts).
 */
export const prices: ProviderPrices = {};
