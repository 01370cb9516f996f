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
  // Where fal's own refusal of an empty account sends the user: "User is locked. Reason: Exhausted balance. Top up your
  // balance at fal.ai/dashboard/billing." (the 403 demo/sim/fal.mjs answers as fal does; its 402 names the same page).
  fundsUrl: 'https://fal.ai/dashboard/billing',
  // Seedream, Nano Banana 2 and FLUX 3 Image (families.ts), priced from fal's pricing API with the user's key (FLUX.2
  // and Nano Banana 2.1 on fal keep their bundled prices).
  livePrices: true,
};
