import type { PriceSource } from '../../base/types.js';
import {
  referenceRule,
  type PriceEntry,
  type PriceRule,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';
import type { ReferenceRule } from '../../pricing/capabilities.js';
import { GEMINI_MADE, endsUpstream, gptImage } from '../model-facts.js';

/**
 * The model families besides FLUX that Puter serves (SPEC §12), each through the one of Puter's providers that bills
 * it as this says: data from HeyPuter/puter@8307e8c, src/backend/drivers/ai-image/providers/<provider>/models.ts (their
 * `costs` are what `GET {api}/puterai/image/models/details` lists, in US cents), how each provider bills beside it
 * (…ImageProvider.ts), and what each makes of the request. Every entry names Puter's id for the model (`model`) and
 * its provider (`via`, sent as `provider`): an alias several providers share resolves to the first that registered it
 * (ImageGenerationDriver.ts, #buildModelMap and #resolveModel: openai, gemini, together, cloudflare, xai, replicate,
 * byteplus), so `gemini-3-pro-image` alone is Gemini's, billed in tokens, and even Together's own id
 * `togetherai:google/imagen-4.0-fast` resolves to Gemini's Imagen, whose alias it shares.
 *
 * Each value a provider would silently replace is sent as it takes it, never left to its default:
 * - GPT Image (openai-image-generation, OpenAiImageProvider.ts `generate`): a missing or unknown quality becomes the
 *   first allowed, `low`; a size outside `allowedRatios` (1024², 1024×1536, 1536×1024) becomes 1024²; gpt-image-2's
 *   any size is clamped and snapped to OpenAI's rules (#normalizeGptImage2Ratio), which the sizes below keep as they
 *   are. Billed in tokens: the reply's input tokens at `text_input` / `image_input`, and all its output tokens, text
 *   included, at `image_output` (#calculateOutputCostInCents): gpt-image-1.5's text at $32, not OpenAI's $10.
 * - Imagen 4 (gemini-image-generation, GeminiImageProvider.ts #generateWithImagen): a flat `per-image` cost whatever
 *   the ratio or quality: 4 cents, billed as `Math.ceil(4 × 1,000,000)` microcents, $0.04 exactly; a ratio not in
 *   `allowedRatios` (as sent, unreduced: `{w: 4, h: 3}`) becomes 1:1; the quality (`imageSize`) is passed on only if
 *   the model lists it.
 * - Gemini 3.1 Flash Image and 3 Pro Image through Together (TogetherImageProvider.ts l.110-121, l.148-162): a
 *   `per-tier` cost by `quality`, the first tier (the cheapest) where it is missing or unknown; the tier's pixels from
 *   `resolution_map[ratio][quality]`, and without both the ratio's own numbers taken as pixels (16×9 → a 64×64 image).
 *   Exact, where Gemini's own provider bills tokens.
 * - Seedream (byteplus-image-generation, BytePlusImageProvider.ts #normalizeTier, #resolveSize): the tier from
 *   `quality`, 2K where it is missing or unknown; 4.5 and 5.0 Lite take 2K only (at least 3,686,400 px); a small
 *   `ratio` finds the tier's documented size; flat per image.
 * - Qwen-Image (Together, per MP of the pixels sent, snapped as FLUX there) and Grok Imagine (xai-image-generation,
 *   XAIImageProvider.ts: `quality` 2k, else 1k; the ratio reduced and passed as `aspect_ratio`).
 * The images each takes (`input_images`, an edit's first the image edited: SPEC §13) are `REFERENCES` below; what each
 * makes of them and how Puter bills them is in edit-prices.ts.
 */
const SOURCE: PriceSource = {
  name: 'Puter model catalogue (bundled)',
  asOf: '2026-11-25',
  url: 'https://api.puter.com/puterai/image/models/details',
};
const MP = 1024 * 1024;
const NO_REFERENCES = referenceRule(0);

/**
 * The images each family takes through Puter's `input_images` (HeyPuter/puter@8307e8c, read 2026-11-28; its
 * src/docs/src/AI/txt2img.md lists them per provider): GPT Image up to 16, as OpenAI's `images.edit`, which Puter's
 * OpenAI provider calls with them (OpenAiImageProvider.ts `generate`; "You can provide up to 16 images":
 * openai/openai-node@7b7d6ca `src/resources/images.ts`), GPT Image 1, 1.5 and 1-mini at most 1536×1024 each, as at
 * OpenAI (src/providers/openai/families.ts says why); Grok Imagine 3 (XAIImageProvider.ts MAX_INPUT_IMAGES: "xAI's Grok
 * Imagine edit endpoint accepts up to 3 source images", the rest dropped without a word, so never more are sent);
 * Seedream 4.5 and 5.0 Lite 14 (BytePlusImageProvider.ts MAX_INPUT_IMAGES_SEEDREAM; more is a 400). Gemini and
 * Qwen-Image through Together take none here: Together passes one image on as `image_base64`
 * (TogetherImageProvider.ts), and no source read says these models use it (UNVERIFIED: not offered).
 */
const gptReferences = (model: string) =>
  referenceRule(16, /^gpt-image-1/.test(model) ? { maxPixels: 1536 * 1024 } : {});
export const REFERENCES: Record<string, ReferenceRule> = {
  'gpt-image-2': gptReferences('gpt-image-2'),
  'gpt-image-1.5': gptReferences('gpt-image-1.5'),
  'gpt-image-1': gptReferences('gpt-image-1'),
  'gpt-image-1-mini': gptReferences('gpt-image-1-mini'),
  'grok-imagine': referenceRule(3),
  'seedream-4.5': referenceRule(14),
  'seedream-5-lite': referenceRule(14),
};

// What Puter serves ends as its makers end it (`endsUpstream`, ../model-facts.ts): its catalogue lists every id its
// providers know, ended or not (ImageGenerationDriver.ts `models()` at 8307e8c has no filter), so by the page's clock
// a model past its end is neither offered nor sent, whatever the live catalogue lists (live-prices.ts). Puter prices
// no Nano Banana 2.1: Imagen, which Puter's Gemini provider sends by Google's `imagen-4.0-*` ids, is replaced by
// Gemini 3 Pro Image through Together, the Google image model Puter serves from a GA id.

/** Cents per million tokens (Puter's `costs`) as USD per million. */
const perMillion = (cents: number) => String(cents / 100);

/**
 * GPT Image at Puter: GPT Image's own tokens, qualities and sizes (`gptImage`), at Puter's rates (`costs` text_input,
 * image_input, image_output), no text rate. gpt-image-1.5 writes text besides the image (420 tokens recorded,
 * test/recorded/openai/), billed here at the image's rate: the same stated ceiling as at OpenAI
 * (src/providers/openai/families.ts), 2,000 tokens.
 */
const gpt = (model: string, costs: { text_input: number; image_input: number; image_output: number }) =>
  ({
    ...gptImage(
      model,
      {
        textIn: perMillion(costs.text_input),
        imageIn: perMillion(costs.image_input),
        imageOut: perMillion(costs.image_output),
      },
      model === 'gpt-image-1.5' ? 2000 : 0,
    ),
    exact: false,
    model,
    via: 'openai-image-generation',
  }) satisfies Partial<PriceEntry>;

/** A flat price per image by tier (cents by quality), the first quality the default unless `quality` says. */
const tiers = (costs: Record<string, string>, quality = Object.keys(costs)[0]): PriceRule => ({
  kind: 'tier',
  unit: 'usd',
  costs,
  qualities: Object.keys(costs),
  quality,
});
const ratios = (list: string, pixels = MP): SizeRule => ({ kind: 'ratios', ratios: list.split(' '), pixels });

/**
 * Gemini's sizes at Together (TogetherImageProvider.ts: the tier's size from the model's `resolution_map[ratio][quality]`,
 * models.ts GEMINI_3_IMAGE_RESOLUTION_MAP and FLASH_IMAGE_3_1_RESOLUTION_MAP): Google's own at 1K (`GEMINI_MADE`), each
 * side halved at 0.5K, doubled at 2K and four times as long at 4K; 3.1 Flash takes four long ratios besides. Two of the
 * map's sizes differ from Google's by what reads as a slip (3 Pro's 2:3 at 4K, 3392×5096 for 3392×5056; 3.1 Flash's
 * 21:9 at 0.5K, 792×168 for 792×336): the size shown for those is Google's, the size its model makes of the tier and
 * ratio (Google's image generation guide, "Aspect ratios and image size"); what Together makes of Puter's is not
 * documented. One price per tier either way.
 */
const geminiSizes = (made: Record<string, string>): SizeRule => ({
  kind: 'ratios',
  ratios: Object.keys(made),
  pixels: MP,
  made,
  tierScales: { '0.5K': 0.5, '1K': 1, '2K': 2, '4K': 4 },
});
const FLASH_LONG_RATIOS = { '1:4': '512x2048', '4:1': '2048x512', '1:8': '384x3072', '8:1': '3072x384' };
/** Imagen's five (GEMINI_IMAGE_GENERATION_MODELS `allowedRatios`). */
const IMAGEN_RATIOS = ratios('1:1 3:4 4:3 9:16 16:9');
/**
 * Seedream at its 2K tier, the only one 4.5 and 5.0 Lite take: the size BytePlus makes for each ratio Puter sends
 * reduced (`{w: 16, h: 9}`), as HeyPuter/puter byteplus/models.ts SEEDREAM_RESOLUTION_MAP lists it at `2k` (BytePlusImageProvider.ts
 * #resolveSize: a ratio under 921,600 px finds its tier's documented size). Not the ratio's 4 MP by arithmetic: 16:9
 * is made 2816×1584, not 2736×1536.
 */
const SEEDREAM_RATIOS: SizeRule = {
  kind: 'ratios',
  ratios: '1:1 4:3 3:4 16:9 9:16 3:2 2:3 21:9'.split(' '),
  pixels: 4 * MP,
  made: {
    '1:1': '2048x2048',
    '4:3': '2368x1776',
    '3:4': '1776x2368',
    '16:9': '2816x1584',
    '9:16': '1584x2816',
    '3:2': '2496x1664',
    '2:3': '1664x2496',
    '21:9': '3136x1344',
  },
};
/**
 * Grok Imagine's ratios (docs.x.ai, Image generation, `aspect_ratio`: those widely documented; fewer than it takes),
 * at about 1 MP at `1k` and twice each side at `2k` (XAIImageProvider.ts passes the tier as `resolution`): the size
 * shown follows the tier sent, not 1 MP at both. xAI states no pixels for either; its 1k and 2k are read as named.
 */
const GROK_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: '1:1 16:9 9:16 4:3 3:4 3:2 2:3 2:1 1:2'.split(' '),
  pixels: MP,
  tierScales: { '1k': 1, '2k': 2 },
};
const entry = (model: string, via: string, rule: PriceRule, sizes: SizeRule) => ({
  rule,
  sizes,
  exact: true,
  model,
  via,
});

/** Puter's price of each family model, with what it makes of it and how to ask it (see above). */
export const FAMILIES: Record<string, Omit<PriceEntry, 'source' | 'references'>> = {
  'gpt-image-2': gpt('gpt-image-2', { text_input: 500, image_input: 800, image_output: 3000 }),
  'gpt-image-1.5': {
    ...gpt('gpt-image-1.5', { text_input: 500, image_input: 800, image_output: 3200 }),
    lifecycle: endsUpstream('gpt-image-1.5', 'gpt-image-2'),
  },
  'gpt-image-1': {
    ...gpt('gpt-image-1', { text_input: 500, image_input: 1000, image_output: 4000 }),
    lifecycle: endsUpstream('gpt-image-1', 'gpt-image-2'),
  },
  'gpt-image-1-mini': {
    ...gpt('gpt-image-1-mini', { text_input: 200, image_input: 250, image_output: 800 }),
    lifecycle: endsUpstream('gpt-image-1-mini', 'gpt-image-2'),
  },
  // Google's Nano Banana 2 through Together, which ends as Google ends it (`endsUpstream`): Gemini 3 Pro Image, through
  // Together too, in its place.
  'gemini-3.1-flash-image': {
    ...entry(
      'togetherai:google/flash-image-3.1',
      'together-image-generation',
      tiers({ '0.5K': '4.5', '1K': '6.7', '2K': '10.1', '4K': '15.1' }, '1K'),
      geminiSizes({ ...GEMINI_MADE, ...FLASH_LONG_RATIOS }),
    ),
    lifecycle: endsUpstream('gemini-3.1-flash-image', 'gemini-3-pro-image'),
  },
  'gemini-3-pro-image': entry(
    'togetherai:google/gemini-3-pro-image',
    'together-image-generation',
    tiers({ '1K': '13.4', '2K': '13.4', '4K': '24' }),
    geminiSizes(GEMINI_MADE),
  ),
  'imagen-4-fast': {
    ...entry(
      'imagen-4.0-fast-generate-001',
      'gemini-image-generation',
      { kind: 'puter', unit: 'usd', costs: { 'per-image': '2' } },
      IMAGEN_RATIOS,
    ),
    lifecycle: endsUpstream('imagen', 'gemini-3-pro-image'),
  },
  'imagen-4': {
    ...entry('imagen-4.0-generate-001', 'gemini-image-generation', tiers({ '1K': '4', '2K': '4' }), IMAGEN_RATIOS),
    lifecycle: endsUpstream('imagen', 'gemini-3-pro-image'),
  },
  'imagen-4-ultra': {
    ...entry(
      'imagen-4.0-ultra-generate-001',
      'gemini-image-generation',
      tiers({ '1K': '6', '2K': '6' }),
      IMAGEN_RATIOS,
    ),
    lifecycle: endsUpstream('imagen', 'gemini-3-pro-image'),
  },
  'seedream-4.5': entry('seedream-4-5-251128', 'byteplus-image-generation', tiers({ '2k': '4' }), SEEDREAM_RATIOS),
  'seedream-5-lite': entry(
    'seedream-5-0-lite-260128',
    'byteplus-image-generation',
    tiers({ '2k': '3.5' }),
    SEEDREAM_RATIOS,
  ),
  'qwen-image': entry(
    'togetherai:qwen/qwen-image',
    'together-image-generation',
    { kind: 'puter', unit: 'usd', costs: { '1MP': '0.58' } },
    { kind: 'snapped', step: 8, min: 64 },
  ),
  'grok-imagine': entry('grok-imagine-image', 'xai-image-generation', tiers({ '1k': '2', '2k': '2' }), GROK_SIZES),
};

/** Family `id`'s entry (`model`: its book's, or with live costs), with its source and the images it takes. */
export const withSource = (
  id: string,
  model: Omit<PriceEntry, 'source' | 'references'>,
  source: PriceSource,
): PriceEntry => ({
  ...model,
  source,
  references: REFERENCES[id] ?? NO_REFERENCES,
});

/** Puter's prices of the families as bundled (the widget lays the live catalogue over them: `livePuterFamilies`). */
export const prices: ProviderPrices = {};
for (const id in FAMILIES) prices[id] = withSource(id, FAMILIES[id], SOURCE);
