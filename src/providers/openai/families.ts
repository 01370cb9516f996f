import type { PriceSource } from '../../base/types.js';
import { referenceRule, type PriceEntry, type ProviderPrices, type TokenRates } from '../../pricing/index.js';
import { endsUpstream, gptImage } from '../model-facts.js';

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
/**
 * The images GPT Image takes at OpenAI (`/v1/images/edits`, edit-request.ts; what it edits, and how each image sent is
 * billed, is in edit-prices.ts): up to 16, the first the one edited ("You can provide up to 16 images", each "a `png`,
 * `webp`, or `jpg` file less than 50MB": openai/openai-node@7b7d6ca `src/resources/images.ts`, `ImageEditParamsBase`,
 * read 2026-11-28). GPT Image 1, 1.5 and 1-mini make nothing larger than 1536×1024 (their sizes): an image they edit
 * is sent at most that large, which also keeps its input tokens (billed per image, by size) to what a result of theirs
 * can show; gpt-image-2 and those after it take images to the widget's usual 4 MP (`referenceRule`).
 */
const references = (model: string) => referenceRule(16, /^gpt-image-1/.test(model) ? { maxPixels: 1536 * 1024 } : {});
const entry = (model: string, rates: TokenRates, textCeiling = 0): PriceEntry => {
  const made = gptImage(model, rates, textCeiling);
  return {
    ...made,
    references: references(model),
    source: OPENAI_SOURCE,
    exact: false,
    model,
  };
};

/**
 * GPT Image 2.5 and 2.6 (Flare, the faster, and Sunburst): OpenAI's deprecations page names 2.6 as the replacement of
 * 1.5 and 1-mini; their rates, $5 / $8 / $30 per million as for gpt-image-2, and their release dates are restated by
 * resellers' notes (docs.apiyi.com and docs.laozhang.ai, 2026-11-05; apidog, 2026-09-09), no OpenAI price page found.
 * No source publishes their image's tokens by quality and size: the quote expects gpt-image-2's (the rule of the model
 * they follow) and states a ceiling of twice that, so that the bound is one a new rule would have to double to break.
 * The one count any source gives agrees with the rule: 2.5 at `low`, 1024², "≈ 196 output tokens" (Comfy-Org/docs PR
 * #1664, merged 2026-09-12, read 2026-11-28), gpt-image-2's exactly; above `low`, and for all of 2.6, no source gives
 * a count (resellers' per-image prices, Wavespeed's "from $0.01" and "from $0.045", name no quality or tokens), so the
 * twice stands there as a stated ceiling (UNVERIFIED), and a reply above it raises the bound (pricing/seen-bounds.ts);
 * the qualities are gpt-image-2's three (their `xhigh` and `max` are not offered until a reply records them), and
 * what is booked is the reply's `usage`, whatever it says. 2.6's `complexity` (default high) may plan in tokens of
 * text: a stated ceiling of 2,000, as for 1.5.
 */
// UNVERIFIED: no OpenAI page states their rates.
const RESELLERS: PriceSource = {
  name: "GPT Image 2.5 and 2.6, as resellers' notes restate OpenAI's",
  asOf: '2026-11-05',
  restated: 'resellers',
};
const next = (model: string, released: string, textCeiling: number): PriceEntry => {
  const priced = entry('gpt-image-2', { textIn: '5', imageIn: '8', imageOut: '30' }, textCeiling);
  return {
    ...priced,
    rule: priced.rule.kind === 'tokens' ? { ...priced.rule, imageMost: 2 } : priced.rule,
    source: RESELLERS,
    model,
    lifecycle: { released, source: RESELLERS },
  };
};

/**
 * GPT Image at OpenAI's own Image API, the provider's default endpoint (info.ts), by host: a page that reaches the
 * same API elsewhere, a proxy of its own, lays them over its `priceBook`. GPT Image 1, 1.5 and 1-mini end as OpenAI
 * ends them (`endsUpstream`), each replaced by what its deprecations page names (GPT Image 2 for GPT Image 1).
 */
export const hostFamilies: Record<string, ProviderPrices> = {
  'api.openai.com': {
    'gpt-image-2.6-flare': next('gpt-image-2.6-flare', '2026-11-04', 2000),
    'gpt-image-2.6-sunburst': next('gpt-image-2.6-sunburst', '2026-11-04', 2000),
    'gpt-image-2.5-flare': next('gpt-image-2.5-flare', '2026-09-08', 0),
    'gpt-image-2.5-sunburst': next('gpt-image-2.5-sunburst', '2026-09-08', 0),
    'gpt-image-2': {
      ...entry('gpt-image-2', { textIn: '5', imageIn: '8', imageOut: '30' }),
      lifecycle: {
        released: '2026-04-21',
        source: { name: 'openai/openai-openapi@f85dbe2 (gpt-image-2-2026-04-21)', asOf: '2026-11-27' },
      },
    },
    'gpt-image-1.5': {
      ...entry('gpt-image-1.5', { textIn: '5', imageIn: '8', imageOut: '32', textOut: '10' }, 2000),
      lifecycle: endsUpstream('gpt-image-1.5', 'gpt-image-2.6-sunburst'),
    },
    'gpt-image-1': {
      ...entry('gpt-image-1', { textIn: '5', imageIn: '10', imageOut: '40' }),
      lifecycle: endsUpstream('gpt-image-1', 'gpt-image-2'),
    },
    'gpt-image-1-mini': {
      ...entry('gpt-image-1-mini', { textIn: '2', imageIn: '2.5', imageOut: '8' }),
      lifecycle: endsUpstream('gpt-image-1-mini', 'gpt-image-2.6-flare'),
    },
  },
};
