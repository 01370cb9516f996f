import type { ProviderInfo } from '../provider.js';
import { parse } from '../urls.js';

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
  // gen.pollinations.ai answers pages (CORS `*`, without credentials: ../shared research, "Browser reality", check
  // PO6); the relay's hosts do not name it, so a relay set for BFL or fal never carries it there.
  answersPages: (endpoint) => !endpoint || parse(endpoint)?.origin === 'https://gen.pollinations.ai',
};
