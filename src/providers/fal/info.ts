import type { ProviderInfo } from '../provider.js';

/**
 * fal's queue, paid with the user's own key: its keys page (docs.fal.ai/documentation/model-apis/authentication:
 * "Navigate to fal.ai/dashboard/keys").
 */
export const info: ProviderInfo = {
  needsKey: true,
  showsControls: true,
  defaultEndpoint: () => 'https://queue.fal.run',
  keyUrl: 'https://fal.ai/dashboard/keys',
  // Seedream and Nano Banana besides FLUX (families.ts), priced from fal's pricing API with the user's key, once they
  // are here (FLUX on fal keeps its bundled prices: no reading on a page that sells FLUX).
  sellsFamilies: true,
  livePrices: 'families',
};
