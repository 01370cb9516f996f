import type { PriceEntry, ProviderPrices, TokenRates } from '../../pricing/index.js';
import { gptImage } from '../model-facts.js';

/**
 * OpenAI's own Image API (`POST https://api.openai.com/v1/images/generations`, the user's own key; the provider's
 * default endpoint, where these prices are known by host: a page that reaches the same API elsewhere, a proxy of its
 * own, lays them over its `priceBook`), GPT Image billed in tokens (SPEC §12). Rates in USD per million tokens from OpenAI's price page, as SPEC §12 restates them, checked
 * against the recorded replies (test/recorded/openai/: gpt-image-1 at medium 1024², 238 text tokens in and 1,056 out,
 * is $0.04343; gpt-image-1.5 at high, 4,160 image and 420 text tokens out).
 *
 * The image's tokens, the sizes made and the qualities are GPT Image's own (`gptImage`, ../model-facts.ts).
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
const entry = (model: string, rates: TokenRates, textCeiling = 0): PriceEntry => ({
  ...gptImage(model, rates, textCeiling),
  source: OPENAI_SOURCE,
  exact: false,
  model,
});

/**
 * GPT Image at OpenAI's own Image API, the provider's default endpoint (info.ts), by host: a page that reaches the
 * same API elsewhere, a proxy of its own, lays them over its `priceBook`.
 */
export const hostFamilies: Record<string, ProviderPrices> = {
  'api.openai.com': {
    'gpt-image-2': entry('gpt-image-2', { textIn: '5', imageIn: '8', imageOut: '30' }),
    'gpt-image-1.5': entry('gpt-image-1.5', { textIn: '5', imageIn: '8', imageOut: '32', textOut: '10' }, 2000),
    'gpt-image-1': entry('gpt-image-1', { textIn: '5', imageIn: '10', imageOut: '40' }),
    'gpt-image-1-mini': entry('gpt-image-1-mini', { textIn: '2', imageIn: '2.5', imageOut: '8' }),
  },
};
