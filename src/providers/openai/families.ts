import type { PriceEntry, ProviderPrices, TokenRates } from '../../pricing/index.js';

/**
 * OpenAI's own Image API (`POST https://api.openai.com/v1/images/generations`, the user's own key; the provider's
 * default endpoint, where these prices are known by host: a page that reaches the same API elsewhere, a proxy of its
 * own, lays them over its `priceBook`), GPT Image billed in tokens (SPEC §12). Rates in USD per million tokens from OpenAI's price page, as SPEC §12 restates them, checked
 * against the recorded replies (test/recorded/openai/: gpt-image-1 at medium 1024², 238 text tokens in and 1,056 out,
 * is $0.04343; gpt-image-1.5 at high, 4,160 image and 420 text tokens out).
 *
 * The image's tokens are fixed by quality and size: GPT Image 1, 1.5 and 1-mini make 1024×1024, 1024×1536 and
 * 1536×1024 only (OpenAI's API reference, `size`), at 272 / 1,056 / 4,160 tokens (low / medium / high) at 1024² and
 * 408 / 1,584 / 6,240 at the others (OpenAI's image generation guide, "Cost and latency"; recorded: 1-mini and 1.5
 * high 4,160, 1 medium 1,056). gpt-image-2 takes any size whose sides are multiples of 16, the long side at most
 * 3,840 px and at most 3 times the short one, of 655,360 to 8,294,400 pixels (OpenAI's API reference, `size`, as
 * providers that pass it on restate it), at `ceil(f·s·(2,000,000 + W·H) / 4,000,000)` tokens, `f` 16 / 48 / 96 (SPEC
 * §12; recorded: 1254² at medium, 2,058).
 *
 * The quality is always sent: OpenAI's default, `auto`, is its choice and its price (it answered `medium` to
 * gpt-image-2 and `high` to gpt-image-1-mini with none sent); the widget prices and sends `medium` where the page
 * names none.
 *
 * Text written besides the image: gpt-image-1, 1-mini and 2 report none (recorded: 2 `text_tokens: 0`, the others
 * no text part); a text token they ever report is booked at the image's rate, the higher, and their ceiling is 0.
 * gpt-image-1.5 wrote 420 text tokens (recorded), and the request has no field that caps them (the API reference has
 * no `max_tokens` for images): its ceiling is a stated one, 2,000 tokens, some 5 times the one recorded: at $10 per
 * million, $0.02 on the most a 1.5 image can cost. A reply that reports more is still booked as reported.
 */
const OPENAI_SOURCE = {
  name: 'OpenAI API pricing (GPT Image, per million tokens)',
  asOf: '2026-11-25',
  url: 'https://platform.openai.com/docs/pricing',
};
const GPT_IMAGE_1_TOKENS = {
  bySize: { '1024x1024': [272, 1056, 4160], '1024x1536': [408, 1584, 6240], '1536x1024': [408, 1584, 6240] },
};
const QUALITIES = ['low', 'medium', 'high'];
const gptImage = (model: string, rates: TokenRates, textCeiling = 0): PriceEntry => ({
  rule: {
    kind: 'tokens',
    unit: 'usd',
    rates,
    qualities: QUALITIES,
    quality: 'medium',
    imageTokens: model === 'gpt-image-2' ? { perSide: [16, 48, 96] } : GPT_IMAGE_1_TOKENS,
    textCeiling,
  },
  source: OPENAI_SOURCE,
  exact: false,
  model,
  sizes:
    model === 'gpt-image-2'
      ? { kind: 'pixels', step: 16, min: 16, max: 3840, minPixels: 655_360, maxPixels: 8_294_400, longest: 3 }
      : { kind: 'sizes', sizes: Object.keys(GPT_IMAGE_1_TOKENS.bySize) },
});

/**
 * GPT Image at OpenAI's own Image API, the provider's default endpoint (info.ts), by host: a page that reaches the
 * same API elsewhere, a proxy of its own, lays them over its `priceBook`. Loaded with the other model families
 * (src/providers/families.ts).
 */
export const hostFamilies: Record<string, ProviderPrices> = {
  'api.openai.com': {
    'gpt-image-2': gptImage('gpt-image-2', { textIn: '5', imageIn: '8', imageOut: '30' }),
    'gpt-image-1.5': gptImage('gpt-image-1.5', { textIn: '5', imageIn: '8', imageOut: '32', textOut: '10' }, 2000),
    'gpt-image-1': gptImage('gpt-image-1', { textIn: '5', imageIn: '10', imageOut: '40' }),
    'gpt-image-1-mini': gptImage('gpt-image-1-mini', { textIn: '2', imageIn: '2.5', imageOut: '8' }),
  },
};
