import type { PriceSource } from '../base/types.js';
import type { Lifecycle, PriceRule, SizeRule } from '../pricing/index.js';

/**
 * What GPT Image and Gemini make wherever they are sold (the user's own OpenAI and Google keys, OpenRouter, Puter,
 * Pollinations): the image's tokens by quality and size, the qualities, the sizes made, the ceiling on text written
 * besides. The model makers' facts, shared by each provider's families.ts that sells them; the rates, and what a
 * provider makes of a request, are each provider's own.
 */

/**
 * GPT Image's tokens and sizes. GPT Image 1, 1.5 and 1-mini make 1024×1024, 1024×1536 and 1536×1024 only (OpenAI's
 * API reference, `size`), at 272 / 1,056 / 4,160 tokens (low / medium / high) at 1024² and 408 / 1,584 / 6,240 at the
 * others (OpenAI's image generation guide, "Cost and latency"; recorded: 1-mini and 1.5 high 4,160, 1 medium 1,056).
 * gpt-image-2 takes any size whose sides are multiples of 16, the long side at most 3,840 px and at most 3 times the
 * short one, of 655,360 to 8,294,400 pixels (OpenAI's API reference, `size`, as providers that pass it on restate it),
 * at `ceil(f·s·(2,000,000 + W·H) / 4,000,000)` tokens, `f` 16 / 48 / 96 (SPEC §12; recorded: 1254² at medium, 2,058).
 * The quality is always sent, `medium` where the page names none (OpenAI's default, `auto`, is its choice and price).
 */
const GPT_IMAGE_1_TOKENS = {
  bySize: { '1024x1024': [272, 1056, 4160], '1024x1536': [408, 1584, 6240], '1536x1024': [408, 1584, 6240] },
};

/** GPT Image `model`'s rule in tokens at `rates`, with the ceiling of text it writes, and the sizes it makes. */
export const gptImage = (model: string, rates: Extract<PriceRule, { kind: 'tokens' }>['rates'], textCeiling = 0) => ({
  rule: {
    kind: 'tokens',
    unit: 'usd',
    rates,
    qualities: ['low', 'medium', 'high'],
    quality: 'medium',
    imageTokens: model === 'gpt-image-2' ? { perSide: [16, 48, 96] } : GPT_IMAGE_1_TOKENS,
    textCeiling,
  } satisfies PriceRule,
  sizes: (model === 'gpt-image-2'
    ? { kind: 'pixels', step: 16, min: 16, max: 3840, minPixels: 655_360, maxPixels: 8_294_400, longest: 3 }
    : { kind: 'sizes', sizes: Object.keys(GPT_IMAGE_1_TOKENS.bySize) }) satisfies SizeRule,
});

/**
 * Gemini's ratios (Google's image generation guide, "Aspect ratios and image size"; the `imageConfig.aspectRatio`
 * values of vercel/ai@ed857f5 packages/google/src/google-language-model-options.ts), and the size each makes at the 1K
 * tier (512 halves each side, 2K and 4K double and quadruple it: `GEMINI_TIER_SCALES`). 3.1 Flash also takes 1:4, 4:1,
 * 1:8 and 8:1: not offered here until Google's sizes for them are sourced (Puter's, through Together, are:
 * puter/families.ts).
 */
export const GEMINI_MADE: Record<string, string> = {
  '1:1': '1024x1024',
  '2:3': '848x1264',
  '3:2': '1264x848',
  '3:4': '896x1200',
  '4:3': '1200x896',
  '4:5': '928x1152',
  '5:4': '1152x928',
  '9:16': '768x1376',
  '16:9': '1376x768',
  '21:9': '1584x672',
};

/**
 * The size each resolution tier of Gemini makes, as a multiple of the 1K one's sides (Google's image generation guide,
 * "Aspect ratios and image size": 1:1 makes 512×512, 1024×1024, 2048×2048 and 4096×4096; 16:9 688×384 to 5504×3072):
 * the tier sent as the quality decides the size, whatever size was asked.
 */
export const GEMINI_TIER_SCALES: Readonly<Record<string, number>> = { '512': 0.5, '1K': 1, '2K': 2, '4K': 4 };

/** A model sized by ratio, each ratio making the size `made` says (at about 1 MP). */
export const ratioSizes = (made: Record<string, string>): Extract<SizeRule, { kind: 'ratios' }> => ({
  kind: 'ratios',
  ratios: Object.keys(made),
  pixels: 1024 * 1024,
  made,
  // A size some 10% off every ratio is refused, not made at another shape (Google answers 400 for a ratio it has not).
  within: 0.1,
});

/**
 * The largest count of Nano Banana 2.1's 4K image's tokens any source gives (read 2026-11-28; the research's evidence
 * file, item 3), each a price per image over a rate per million:
 * - inference.sh's app page for it on Vertex ("Last updated 2026-11-06"): "$1.50/M input, $0.0336–$0.1134/image
 *   (1K–4K)", at Google's $30 per million of image out: 3,780 tokens (UNVERIFIED, a third party's page);
 * - fal's guide (fal.ai/learn/tools/nano-banana-api): $35.294 per million, "$0.134 at 4K": 3,797 tokens, the larger,
 *   taken (UNVERIFIED as Google's count; fal bills its own route so).
 * Both above the 2,520 of 3.1 Flash's 4K that the quote expects; no recorded reply of 2.1 exists to settle it.
 */
const NB21_4K_MOST = 3797;

/**
 * The resolution tiers each Gemini image model takes and the image's tokens at each, by our id (`tokens`, expected),
 * and where a source gives more, the largest any gives (`most`, the bound). 3.1 Flash: 512 747, 1K 1,120, 2K 1,680, 4K
 * 2,520 (Google Cloud's Gemini 3.1 Flash Image model page, "Image generation specifications"; recorded: 1,120 IMAGE
 * tokens at its default). 3 Pro, which has no 512 tier: 1K and 2K 1,120, 4K 2,000 (Google's image generation guide).
 * Nano Banana 2.1 has 1K, 2K and 4K, no 512 (Google's changelog, 2026-10-06); its 1K image is 1,120 tokens ($0.0336 at
 * $30 per million, a figure restated by BerriAI/litellm discussion #44983, and the low end of inference.sh's range);
 * its 2K and 4K are expected at 3.1 Flash's counts, the model it replaces, and bound by the largest count a source
 * gives (`NB21_4K_MOST`). No source gives its 2K count: a 2K image is no larger than a 4K one, so 2K's bound is 4K's,
 * the stricter reading until a reply records it. The reply's `usageMetadata` is what is booked, whatever it says. 3.1
 * Flash Lite makes 1K only (Google's changelog, 2026-06-30), 1,120 tokens ($0.0336 per image, as Puter's catalogue
 * restates it).
 */
const GEMINI_TIERS: Record<string, { qualities: string[]; tokens: number[]; most?: number[] }> = {
  'gemini-3.1-flash-image': { qualities: ['512', '1K', '2K', '4K'], tokens: [747, 1120, 1680, 2520] },
  'gemini-3-pro-image': { qualities: ['1K', '2K', '4K'], tokens: [1120, 1120, 2000] },
  'gemini-nano-banana-2.1': {
    qualities: ['1K', '2K', '4K'],
    tokens: [1120, 1680, 2520],
    most: [1120, NB21_4K_MOST, NB21_4K_MOST],
  },
  'gemini-3.1-flash-lite-image': { qualities: ['1K'], tokens: [1120] },
};

/** Gemini's ceiling on thinking and text beside its image: 3,000 thinking (python-genai#1795) and 272 text (recorded). */
const GEMINI_TEXT_MOST = 3000 + 272;

/**
 * Gemini `model`'s rule in tokens at `rates`, and the sizes it makes. The image's tokens are fixed by the resolution
 * tier, sent as the quality, whatever the ratio (`GEMINI_TIERS`). The tier is always sent (a missing one is the
 * provider's choice); 1K where the page names none.
 *
 * Thinking and text besides the image are not known before the call, and no request that sells Gemini images has a
 * field that caps them without risking the image (Google's `maxOutputTokens` counts the image's tokens too, so a reply
 * cut at it is a paid image lost; OpenRouter's image API has none: providers/openrouter/families.ts): the ceiling is
 * the largest a source gives, `GEMINI_TEXT_MOST`: thinking of "up to 2000~3000 tokens" on a Gemini 3 Pro asked to think
 * least, level low and budget 512 alike (googleapis/python-genai#1795, 2025-12-01, read 2026-11-29: a reply about an
 * image, not one making it; no figure for an image model is larger), plus the 272 tokens of text recorded beside 3.1
 * Flash's image (test/recorded/gemini/gemini-3.1-flash-image.json: 1,392 candidate tokens, 1,120 of them IMAGE). Above
 * the 677 of thinking and text one reported 3 Pro 4K reply carried (ding113/claude-code-hub#663). On the user's Google
 * key the request asks one answer and the lowest thinking level the model takes (google/adapter.ts): a level lowers
 * thinking but counts no tokens, so the ceiling stays. A reply that reports more is still booked as reported, every
 * image it carries is kept, and the next quote's bound is raised to it (pricing/seen-bounds.ts).
 */
export const gemini = (model: string, rates: Extract<PriceRule, { kind: 'tokens' }>['rates']) => {
  const { qualities, tokens, most } = GEMINI_TIERS[model];
  return {
    rule: {
      kind: 'tokens',
      unit: 'usd',
      rates,
      qualities,
      quality: '1K',
      imageTokens: { byQuality: tokens, ...(most && { most }) },
      textCeiling: GEMINI_TEXT_MOST,
    } satisfies PriceRule,
    sizes: { ...ratioSizes(GEMINI_MADE), tierScales: GEMINI_TIER_SCALES } satisfies SizeRule,
  };
};

/** OpenAI's deprecations page: GPT Image 1.5 and 1 mini shut down on 2026-12-01 (announced 2026-06-02). */
const OPENAI_DEPRECATIONS: PriceSource = {
  name: 'OpenAI deprecations page',
  asOf: '2026-11-27',
  url: 'https://developers.openai.com/api/docs/deprecations',
};

/**
 * The day each model maker shuts a model down, with the source that says it: the same on every path that sells the
 * model, whoever calls the maker; what each path puts in its place is its own (`endsUpstream`).
 * - GPT Image 1.5 and 1 mini: OpenAI's deprecations page. Azure, which Pollinations calls, is reported to retire 1.5 on
 *   2026-12-16 (MicrosoftDocs/azure-ai-docs PR #833): the earlier date, as the stricter.
 * - GPT Image 1: refused since 2026-10-23 as two third parties report it (diillson/chatcli#1364; danielmiessler/Fabric
 *   v1.4.534), no page of OpenAI's found: the stricter reading, as a call to it would fail.
 * - Gemini 3.1 Flash Image (Nano Banana 2): deprecated by Google on 2026-10-06 for Nano Banana 2.1 (its changelog);
 *   the shutdown day, 2026-10-29, only third parties give (BerriAI/litellm discussion #44983; a skills snapshot of
 *   2026-10-18): the stricter reading again.
 * - Imagen 4 Fast, 4 and Ultra: deprecated on 2026-06-15, shut down on 2026-08-17 (Google's changelog; its Imagen page:
 *   "Imagen models are shut down").
 */
const UPSTREAM_SHUTDOWNS = {
  'gpt-image-1.5': { shutdown: '2026-12-01', source: OPENAI_DEPRECATIONS },
  'gpt-image-1-mini': { shutdown: '2026-12-01', source: OPENAI_DEPRECATIONS },
  'gpt-image-1': {
    shutdown: '2026-10-23',
    source: {
      name: 'GPT Image 1 refused since 2026-10-23, as diillson/chatcli#1364 reports it (unverified)',
      asOf: '2026-11-27',
      url: 'https://github.com/diillson/chatcli/issues/1364',
    },
  },
  'gemini-3.1-flash-image': {
    shutdown: '2026-10-29',
    source: {
      name: 'Gemini 3.1 Flash Image shutdown, as BerriAI/litellm discussion #44983 gives it (unverified)',
      asOf: '2026-11-27',
      url: 'https://github.com/BerriAI/litellm/discussions/44983',
    },
  },
  imagen: {
    shutdown: '2026-08-17',
    source: {
      name: 'Gemini API changelog (2026-06-15) and Imagen page',
      asOf: '2026-11-27',
      url: 'https://ai.google.dev/gemini-api/docs/imagen',
    },
  },
} satisfies Record<string, Lifecycle>;

/** `model`'s shutdown by its maker (`UPSTREAM_SHUTDOWNS`), with what this path puts in its place. */
export const endsUpstream = (model: keyof typeof UPSTREAM_SHUTDOWNS, replacement: string): Lifecycle => ({
  ...UPSTREAM_SHUTDOWNS[model],
  replacement,
});

/** Which maker's shutdown each price-book id ends by: Imagen 4's three end together. */
const ENDS_BY: Record<string, keyof typeof UPSTREAM_SHUTDOWNS> = {
  'gpt-image-1.5': 'gpt-image-1.5',
  'gpt-image-1-mini': 'gpt-image-1-mini',
  'gpt-image-1': 'gpt-image-1',
  'gemini-3.1-flash-image': 'gemini-3.1-flash-image',
  'imagen-4-fast': 'imagen',
  'imagen-4': 'imagen',
  'imagen-4-ultra': 'imagen',
};

/**
 * `model`'s shutdown by its maker, with no replacement (what a path puts in its place is the path's own), where one is
 * announced: a page's own price for it on any path ends then too, as a call to the maker would fail.
 */
export const makerShutdown = (model: string): Lifecycle | undefined =>
  Object.hasOwn(ENDS_BY, model) ? { ...UPSTREAM_SHUTDOWNS[ENDS_BY[model]] } : undefined;
