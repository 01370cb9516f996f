import type { ProviderInfo } from '../provider.js';

/**
 * OpenAI's Image API and OpenAI-compatible gateways, paid with the user's own key: OpenAI's own address where the page
 * names no other (its GPT Image prices are known there: prices.ts); a gateway is named in `endpoint`.
 */
export const info: ProviderInfo = {
  needsKey: true,
  defaultEndpoint: () => 'https://api.openai.com',
  ownName: 'OpenAI',
  // The models the user's key may use, read once per key (live-models.ts).
  livePrices: true,
};
