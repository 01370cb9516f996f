import type { ProviderInfo } from '../provider.js';
import { parse } from '../urls.js';

/**
 * OpenRouter, paid from the user's own credits: one origin names the sign-in page ({endpoint}/auth) and the API
 * ({endpoint}/api/v1) (openrouter.ai/docs/oauth); keys at openrouter.ai/settings/keys (where a key is also deleted:
 * the link to revoke the key a sign-in gave), credits at openrouter.ai/settings/credits. It sells the other families
 * through its image API (families.ts), their prices read live (`livePrices`).
 */
export const info: ProviderInfo = {
  needsKey: true,
  defaultEndpoint: () => 'https://openrouter.ai',
  keyUrl: 'https://openrouter.ai/settings/keys',
  fundsUrl: 'https://openrouter.ai/settings/credits',
  signIn: true,
  capsSignIn: true,
  revokeUrl: 'https://openrouter.ai/settings/keys',
  livePrices: true,
  // openrouter.ai's API answers pages (CORS open, its sign-in made for them: openrouter.ai/docs/oauth); the relay's
  // hosts do not name it, so a relay set for BFL or fal never carries it there.
  answersPages: (endpoint) => !endpoint || parse(endpoint)?.origin === 'https://openrouter.ai',
};
