import type { ProviderInfo } from '../provider.js';
import { parse } from '../urls.js';

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
  // OpenAI's own API answers pages (CORS open: docs/providers.md); a gateway the page names is another host, which
  // may refuse pages (Together AI, DeepInfra: relay/worker.js carries them), so only OpenAI's own origin goes straight.
  answersPages: (endpoint) => !endpoint || parse(endpoint)?.origin === 'https://api.openai.com',
};
