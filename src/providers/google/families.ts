import type { PriceSource } from '../../base/types.js';
import {
  referenceRule,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
  type TokenRates,
} from '../../pricing/index.js';

/**
 * Google's own Gemini API with the user's AI Studio key (`https://generativelanguage.googleapis.com`, info.ts): Gemini
 * image models billed in tokens, Imagen 4 per image (SPEC §12). Loaded with the other model families
 * (src/providers/families.ts), by provider: Google is Google wherever the page points it (a proxy of its own).
 */
const GOOGLE_SOURCE: PriceSource = {
  name: 'Gemini API pricing (Google AI Studio, paid tier)',
  asOf: '2026-11-25',
  url: 'https://ai.google.dev/gemini-api/docs/pricing',
};

/**
 * Gemini's ratios (Google's image generation guide, "Aspect ratios and image size"; the `imageConfig.aspectRatio`
 * values of vercel/ai@ed857f5 packages/google/src/google-language-model-options.ts), and the size each makes at
 * the 1K tier (512 halves each side, 2K and 4K double and quadruple it: the size shown is the 1K one). 3.1 Flash also takes 1:4, 4:1, 1:8 and 8:1: not offered
 * here until their sizes are sourced.
 */
const GEMINI_MADE: Record<string, string> = {
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
const ratioSizes = (made: Record<string, string>): SizeRule => ({
  kind: 'ratios',
  ratios: Object.keys(made),
  pixels: 1024 * 1024,
  made,
  // A size some 10% off every ratio is refused, not made at another shape (Google answers 400 for a ratio it has not).
  within: 0.1,
});

/**
 * Gemini image models, in tokens (SPEC §12, Google's price page): the prompt's text at `textIn`, the image made at
 * `imageOut`, thinking and any text written at `textOut`, per million. The image's tokens are fixed by the resolution
 * tier, `imageConfig.imageSize`, whatever the ratio (3.1 Flash: 512 747, 1K 1,120, 2K 1,680, 4K 2,520, Google Cloud's
 * Gemini 3.1 Flash Image model page, "Image generation specifications"; 3 Pro, which has no 512 tier: 1K and 2K 1,120,
 * 4K 2,000, Google's image generation guide; recorded: 3.1 Flash at its default, 1,120 IMAGE tokens). The tier is
 * always sent (a missing one is Google's choice); the widget sends 1K where the page names none.
 *
 * Thinking and text besides the image are not known before the call, and the request has no field that caps them for
 * an image model without risking the image (`maxOutputTokens` counts the image's tokens too): the ceiling is a stated
 * one, 2,000 tokens, some 7 times the 272 recorded for 3.1 Flash (test/recorded/gemini/gemini-3.1-flash-image.json:
 * 1,392 candidate tokens, 1,120 of them IMAGE): at most $0.006 on a 3.1 Flash image at $3 per million, $0.024 on a
 * 3 Pro one at $12. A reply that reports more is still booked as reported.
 */
const gemini = (model: string, rates: TokenRates, qualities: string[], byQuality: number[]): PriceEntry => ({
  rule: {
    kind: 'tokens',
    unit: 'usd',
    rates,
    qualities,
    quality: '1K',
    imageTokens: { byQuality },
    textCeiling: 2000,
  },
  source: GOOGLE_SOURCE,
  exact: false,
  model,
  sizes: ratioSizes(GEMINI_MADE),
  references: referenceRule(0),
});

/**
 * Imagen 4's five ratios and the size each makes (Google's Imagen guide, `aspectRatio`, and Vertex AI's Imagen 4
 * model card; recorded: 1:1 made 1024×1024, test/recorded/gemini/imagen-4.0-*.yaml). A size the widget is asked for is
 * sent as its ratio (1024×768: "4:3").
 */
const IMAGEN_MADE: Record<string, string> = {
  '1:1': '1024x1024',
  '3:4': '896x1280',
  '4:3': '1280x896',
  '9:16': '768x1408',
  '16:9': '1408x768',
};

/** Imagen 4, one flat price per image whatever its ratio (Google's price page): exact, as nothing else is billed. */
const imagen = (model: string, usd: string): PriceEntry => ({
  rule: { kind: 'flat', unit: 'usd', perImage: usd },
  source: GOOGLE_SOURCE,
  exact: true,
  model,
  sizes: ratioSizes(IMAGEN_MADE),
  references: referenceRule(0),
});

/** Google's models, by our id; `model` is Google's own (googleapis/js-genai, vercel/ai's `GoogleImageModelId`). */
export const families: ProviderPrices = {
  'gemini-3.1-flash-image': gemini(
    'gemini-3.1-flash-image-preview',
    { textIn: '0.50', imageIn: '0.50', imageOut: '60', textOut: '3' },
    ['512', '1K', '2K', '4K'],
    [747, 1120, 1680, 2520],
  ),
  'gemini-3-pro-image': gemini(
    'gemini-3-pro-image-preview',
    { textIn: '2', imageIn: '2', imageOut: '120', textOut: '12' },
    ['1K', '2K', '4K'],
    [1120, 1120, 2000],
  ),
  'imagen-4-fast': imagen('imagen-4.0-fast-generate-001', '0.02'),
  'imagen-4': imagen('imagen-4.0-generate-001', '0.04'),
  'imagen-4-ultra': imagen('imagen-4.0-ultra-generate-001', '0.06'),
};
