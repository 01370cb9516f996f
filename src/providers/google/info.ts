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
};
