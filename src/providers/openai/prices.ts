import type { PriceEntry, PriceRule, ProviderPrices } from '../../pricing/index.js';
import { hostFamilies } from './families.js';

/**
 * Together AI (`/v1/images/generations`, OpenAI's shape but the size as `width` and `height`: it ignores `size`, so
 * an image asked for as `size` comes back 1024×1024; test/recorded/together-flux-2-max.json): its FLUX.2 prices
 * as Puter's catalogue passes them on for the models it serves through Together (recorded from HeyPuter/puter@8307e8c,
 * providers/together/models.ts): [dev] 1.54¢, [pro] and [flex] 3¢ per image, [max] 7¢ per million pixels of output
 * (TogetherImageProvider.ts l.141-148). Not exact: Together reports no cost, and this is Puter's copy of its prices.
 * Gateways make FLUX.2 at BFL's sizes and take no references from the widget (`defaultCapability`).
 */
const together = (model: string, rule: PriceRule): PriceEntry => ({
  rule,
  source: {
    name: 'Together AI prices, as Puter lists them',
    restated: 'resellers', // Puter's copy, not Together's own page: UNVERIFIED
    asOf: '2026-11-22',
    url: 'https://www.together.ai/pricing',
  },
  exact: false,
  model: 'black-forest-labs/FLUX.2-' + model,
  sizeAs: 'width-height',
});
const perImage = (usd: string): PriceRule => ({ kind: 'flat', unit: 'usd', perImage: usd });

export const prices: ProviderPrices = {};

/**
 * Gateways have no prices of their own: the host page sets them in `priceBook`, or the gateway is one of these, whose
 * prices are known, by host: laid over the price book when `endpoint` names that host. Any other gateway needs the
 * page's own prices (the widget never guesses). Each entry also says how its gateway wants the request (`model`,
 * `path`, `sizeAs`: see PriceEntry). OpenAI's own API is priced so too (families.ts: GPT Image at api.openai.com).
 */
export const hostPrices: Record<string, ProviderPrices> = {
  // AIgateway's price page for FLUX.2 [klein] 9B: "$0.040 per image … plus a 5% platform fee applied at credit
  // top-up"; OpenAI-compatible at https://api.aigateway.sh/v1 with model "black-forest-labs/flux-2-klein-9b".
  'api.aigateway.sh': {
    'flux-2-klein-9b': {
      rule: perImage('0.040'),
      topUpFee: '0.05',
      source: { name: 'AIgateway price page', asOf: '2026-11-01' },
      exact: true,
      model: 'black-forest-labs/flux-2-klein-9b',
    },
  },
  'api.together.xyz': {
    'flux-2-dev': together('dev', perImage('0.0154')),
    'flux-2-pro': together('pro', perImage('0.03')),
    'flux-2-flex': together('flex', perImage('0.03')),
    'flux-2-max': together('max', { kind: 'per-megapixel', unit: 'usd', perMp: '0.07', mp: 1e6 }),
  },
  // DeepInfra's FLUX.2 [dev] page: "$0.01 x (width / 1024) x (height / 1024) x (iters / 28)", served at
  // https://api.deepinfra.com/v1/openai/images/generations, answering `b64_json` only. The widget sends no step
  // count: priced at the 28 the formula is written for, so not exact.
  'api.deepinfra.com': {
    'flux-2-dev': {
      rule: { kind: 'per-megapixel', unit: 'usd', perMp: '0.01', mp: 1024 * 1024 },
      source: {
        name: 'DeepInfra model page',
        asOf: '2026-11-22',
        url: 'https://deepinfra.com/black-forest-labs/FLUX-2-dev',
      },
      exact: false,
      model: 'black-forest-labs/FLUX-2-dev',
      path: '/v1/openai/images/generations',
    },
  },
  ...hostFamilies,
};
