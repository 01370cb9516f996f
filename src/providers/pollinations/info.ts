import type { ProviderInfo } from '../provider.js';

/**
 * Pollinations (pollinations.ai), paid from the user's own pollen: "Connect User Wallets" (BRING_YOUR_OWN_POLLEN.md in
 * pollinations/pollinations) gives this site a key scoped to the budget, the days and the models the user chose at
 * enter.pollinations.ai, where the user also buys pollen and revokes a key. Images at gen.pollinations.ai.
 */
export const info: ProviderInfo = {
  livePrices: true,
  needsKey: true,
  showsControls: true,
  defaultEndpoint: () => 'https://gen.pollinations.ai',
  keyUrl: 'https://enter.pollinations.ai',
  fundsUrl: 'https://enter.pollinations.ai',
  signIn: true,
  capsSignIn: true,
  expiresSignIn: true,
  revokeUrl: 'https://enter.pollinations.ai',
};
