import type { ProviderInfo } from '../provider.js';

/**
 * Google's Gemini API (AI Studio), paid with the user's own key: keys are made at aistudio.google.com/apikey and billed
 * to the Google Cloud project behind them; the API answers at generativelanguage.googleapis.com (its API reference,
 * "API keys"; the default base of Google's own SDKs, googleapis/js-genai and vercel/ai's `@ai-sdk/google`).
 */
export const info: ProviderInfo = {
  needsKey: true,
  // The models the user's key may use, read once per key (live-models.ts).
  livePrices: true,
  defaultEndpoint: () => 'https://generativelanguage.googleapis.com',
  keyUrl: 'https://aistudio.google.com/apikey',
  // Google's API answers pages (CORS open: its own JS SDK, googleapis/js-genai, calls it from browsers), at whatever
  // endpoint the page names for it: one that speaks Google's API with Google's key header, which no relay's default
  // hosts carry (relay/worker.js). So no request of Google's goes through the site's relay.
  answersPages: () => true,
};
