import type { PriceSource } from '../../base/types.js';
import { GEMINI_MADE, endsUpstream, gemini, gptImage } from '../model-facts.js';
import {
  imageTokensAt,
  referenceRule,
  type PriceEntry,
  type PriceRule,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';

/**
 * The model families besides FLUX that Pollinations sells (SPEC §12), by their names there (`GET {endpoint}/image/models`;
 * shared/registry/image.ts in pollinations/pollinations @0047731e): `gptimage` is GPT Image 1 mini (alias
 * `gpt-image-1-mini`), `gptimage-large` GPT Image 1.5 (alias `gpt-image-1.5`), `gpt-image-2`, `nanobanana-2` Gemini 3.1
 * Flash Image, `nanobanana-2-lite` Gemini 3.1 Flash Lite Image, `nanobanana-pro` Gemini 3 Pro Image, `seedream-pro`
 * Seedream 4.5 ("Seedream 4.5 Pro"), `grok-imagine` and `qwen-image` (Qwen Image, text to image). The live list decides
 * which of them are sold now (live-prices.ts); these carry the ends their upstreams announced (`lifecycle`), which
 * decide where the list cannot be read.
 *
 * Prices are pollen per unit (1 pollen = $1, BRING_YOUR_OWN_POLLEN.md), each the upstream cost × the model's
 * `priceMultiplier` (shared/registry/registry.ts, `getPriceDefinitionForModel`): 0.75 for `gptimage` and `gpt-image-2`,
 * 1 for the others; the list writes them as fixed-point text (shared/registry/public-pricing.ts `toFixedPoint`,
 * model-info.ts `pricingInfoFromDefinition`). GPT Image and Gemini are billed by tokens (pollen per token: a bound,
 * `atMost`, by the `tokens` rule with GPT Image's and Gemini's own image tokens, ../model-facts.ts); the others
 * per image (exact). With the site's developer earnings on, 25 % over them (`earningsShare`, as FLUX at Pollinations).
 *
 * What Pollinations makes of a request, from its image service (gen.pollinations.ai/src/image/, cited beside each):
 * the quote prices, and the widget shows and sends, that.
 */
const SOURCE: PriceSource = {
  name: 'Pollinations model list (bundled)',
  asOf: '2026-11-25',
  url: 'https://gen.pollinations.ai/image/models',
};
const MP = 1024 * 1024;

/**
 * The images each model takes, by its name at Pollinations: the registry's `maxReferenceImages` (shared/registry/
 * image.ts @0047731e, read 2026-11-28: GPT Image 16, "GPT Image edit endpoint accepts up to 16 input images"; Nano Banana
 * 14; Seedream 4.5 14, "route cap from OpenRouter schema"; Grok Imagine 1, "xAI image edit route forwards one input
 * image"; Qwen-Image 3), which the live list says as `max_reference_images` (shared/registry/model-info.ts @00321892;
 * live-prices.ts reads it). They are sent to `POST /v1/images/edits` (adapter.ts); what each makes of them and how it
 * bills them is edit-prices.ts.
 */
const REFERENCES: Record<string, number> = {
  gptimage: 16,
  'gptimage-large': 16,
  'gpt-image-2': 16,
  'nanobanana-2': 14,
  'nanobanana-2-lite': 14,
  'nanobanana-pro': 14,
  'seedream-pro': 14,
  'grok-imagine': 1,
  'qwen-image': 3,
};

/**
 * GPT Image (createAndReturnImages.ts @dce67d23, `callGPTImageWithEndpoint`): the size sent upstream is the one of
 * 1024×1024, 1536×1024 and 1024×1536 whose ratio is nearest the one asked, whatever the size asked, gpt-image-2 too;
 * the quality is `high` where `high` is asked, else `medium` (`low` and `hd` become `medium`). So only medium and high
 * are offered and sent, medium where the page names none; the size shown is the one made, and it is the size sent
 * (each of the three is its own nearest, whichever way a ratio between them would go). Usage is billed as the reply
 * reports it (`mapAzureGPTImageUsage`): text written besides the image is billed apart for gpt-image-1.5 only, at its
 * text rate; the others' is not billed. Later pull requests in pollinations/pollinations (#12092: `low` passed on and
 * `hd` made `high`; #12060: gpt-image-2 at the size asked) are not in the code read here; under either, the size and
 * quality sent here are made as shown.
 */
const GPT_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: ['1:1', '3:2', '2:3'],
  pixels: MP,
  made: { '1:1': '1024x1024', '3:2': '1536x1024', '2:3': '1024x1536' },
};
const GPT_QUALITIES = ['medium', 'high'];

/**
 * A price by tokens, in pollen (= USD) per million: the maker's rule at Pollinations' rates (`gptImage`, `gemini`: the
 * image's tokens by quality and size, the text written besides), at the qualities Pollinations makes, with what it
 * makes of the size.
 */
const tokens = (
  maker: { rule: Extract<PriceRule, { kind: 'tokens' }> },
  model: string,
  qualities: string[],
  sizes: SizeRule,
  textCeiling = maker.rule.textCeiling,
): PriceEntry => ({
  rule: {
    ...maker.rule,
    qualities,
    quality: qualities[0],
    imageTokens: imageTokensAt(maker.rule, qualities),
    textCeiling,
  },
  source: SOURCE,
  exact: false,
  sizes,
  references: referenceRule(REFERENCES[model] ?? 0),
  model,
  earningsShare: '0.25',
});

/**
 * Nano Banana (models/openRouterImageModel.ts @00e958c5, through OpenRouter to Google): the ratio sent is the one of
 * GEMINI_ASPECT_RATIOS nearest the one asked (`closestByRatio`), and the tier (`resolution`) the one of 1K (1024²),
 * 2K (1920×1080) and 4K (3840×2160) pixels nearest the pixels asked (`resolveGeminiImageResolution`): the size made
 * is Google's for that ratio at 1K (`GEMINI_MADE`) with its sides × 1, 2 or 4. The widget sends the size made,
 * whose ratio and pixels Pollinations takes to the same ratio and tier: what is shown is what is made.
 */
const GEMINI_TIERS = ['1K', '2K', '4K'];
const GEMINI_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '21:9', '4:5', '5:4'];
const GEMINI_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: GEMINI_RATIOS,
  pixels: MP,
  // Google's sizes at 1K (`GEMINI_MADE`, with its sources), each side × 2 and × 4 at 2K and 4K.
  made: GEMINI_MADE,
  // Pollinations takes the tier nearest by plain difference, the widget the level nearest on a log scale: these levels
  // have their log midpoints where its plain ones are (1,561,088 and 5,184,000 pixels), so both choose alike.
  levels: [MP, 2_324_100, 11_563_123],
  tiers: GEMINI_TIERS,
};

/** A price per image (pollen = USD), exact: nothing else is billed for an image made from text. */
const perImage = (model: string, usd: string, sizes: SizeRule): PriceEntry => ({
  rule: { kind: 'flat', unit: 'usd', perImage: usd },
  source: SOURCE,
  exact: true,
  sizes,
  references: referenceRule(REFERENCES[model] ?? 0),
  model,
  earningsShare: '0.25',
});

/**
 * Nano Banana 2 Lite makes 1K only (Google's changelog, 2026-06-30): Google's 1K size for each ratio, whatever the
 * pixels asked, as the tier it is priced and sent at.
 */
const LITE_SIZES: SizeRule = { kind: 'ratios', ratios: GEMINI_RATIOS, pixels: MP, made: GEMINI_MADE };

/** Pollinations' prices of the families as bundled (the live list is laid over them: `livePollinationsFamilies`). */
export const prices: ProviderPrices = {
  'gpt-image-1-mini': {
    ...tokens(
      gptImage('gpt-image-1-mini', { textIn: '1.5', imageIn: '1.875', imageOut: '6' }),
      'gptimage',
      GPT_QUALITIES,
      GPT_SIZES,
    ),
    lifecycle: endsUpstream('gpt-image-1-mini', 'gpt-image-2'),
  },
  // The text gpt-image-1.5 writes is billed apart (see above): the stated ceiling OpenAI's families give it, 2,000.
  'gpt-image-1.5': {
    ...tokens(
      gptImage('gpt-image-1.5', { textIn: '5', imageIn: '8', imageOut: '32', textOut: '10' }, 2000),
      'gptimage-large',
      GPT_QUALITIES,
      GPT_SIZES,
    ),
    lifecycle: endsUpstream('gpt-image-1.5', 'gpt-image-2'),
  },
  'gpt-image-2': tokens(
    gptImage('gpt-image-2', { textIn: '3.75', imageIn: '6', imageOut: '22.5' }),
    'gpt-image-2',
    GPT_QUALITIES,
    GPT_SIZES,
  ),
  // Reasoning tokens are billed at the text rate (registry.ts `convertUsage`). Pollinations asks 3.1 Flash to reason
  // at `high` effort where the request says nothing (`resolveGeminiReasoningEffort`), and no field caps it: a stated
  // ceiling four times Google's own families' (2,000), 8,000 tokens, at most $0.024 on an image; 3 Pro is asked no
  // effort, and keeps Google's 2,000.
  'gemini-3.1-flash-image': {
    ...tokens(
      gemini('gemini-3.1-flash-image', { textIn: '0.5', imageIn: '0.5', imageOut: '60', textOut: '3' }),
      'nanobanana-2',
      GEMINI_TIERS,
      GEMINI_SIZES,
      8000,
    ),
    // Nano Banana 2 Lite, which Pollinations sells beside it, in its place: the same family at 1K, cheaper.
    lifecycle: endsUpstream('gemini-3.1-flash-image', 'gemini-3.1-flash-lite-image'),
  },
  // The registry's `nanobanana-2-lite`, through OpenRouter: $0.25 in, $1.50 text out, $30 image out per million
  // (pollinations/pollinations@0047731e shared/registry/image.ts). Its reasoning effort is not known to be asked
  // otherwise than 3.1 Flash's: the same stated ceiling, 8,000 tokens (at most $0.012 on an image).
  'gemini-3.1-flash-lite-image': tokens(
    gemini('gemini-3.1-flash-lite-image', { textIn: '0.25', imageIn: '0.25', imageOut: '30', textOut: '1.5' }),
    'nanobanana-2-lite',
    ['1K'],
    LITE_SIZES,
    8000,
  ),
  'gemini-3-pro-image': tokens(
    gemini('gemini-3-pro-image', { textIn: '2', imageIn: '2', imageOut: '120', textOut: '12' }),
    'nanobanana-pro',
    GEMINI_TIERS,
    GEMINI_SIZES,
  ),
  // models/openRouterImageModel.ts @00e958c5 (`callOpenRouterSeedreamProAPI`): the ratio nearest on a log scale
  // (`closestRatioLogSpace`) of eight, made at its 2K preset (SEEDREAM_PRO_2K_SIZES), or at 4K where a side asked is
  // over 2048: the adapter sends half the preset, so that it is made at 2K, the size shown. One price either way.
  'seedream-4.5': perImage('seedream-pro', '0.04', {
    kind: 'ratios',
    ratios: ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', '21:9'],
    pixels: 4 * MP,
    made: {
      '1:1': '2048x2048',
      '4:3': '2304x1728',
      '3:4': '1728x2304',
      '16:9': '2560x1440',
      '9:16': '1440x2560',
      '3:2': '2496x1664',
      '2:3': '1664x2496',
      '21:9': '3024x1296',
    },
  }),
  // models/xaiModel.ts (@0ec904d8): xAI's `aspect_ratio`, the nearest of seven (utils/aspectRatio.ts
  // `closestAspectRatio`), at xAI's own size (not stated: shown at about 1 MP, whose ratio is its own nearest).
  'grok-imagine': perImage('grok-imagine', '0.02', {
    kind: 'ratios',
    ratios: ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'],
    pixels: MP,
  }),
  // models/qwenImageModel.ts (@02b24cd4): qwen/qwen-image on Replicate, the ratio nearest on a log scale of seven
  // (`resolveAspectRatio`), at Replicate's size for it (not stated: shown at about 1 MP); $0.025 from text alone (an
  // edit, 0.03: edit-prices.ts).
  'qwen-image': perImage('qwen-image', '0.025', {
    kind: 'ratios',
    ratios: ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'],
    pixels: MP,
  }),
};
