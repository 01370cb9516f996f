import type { PriceSource } from '../../base/types.js';
import { referenceRule, type PriceEntry, type ProviderPrices, type TokenRates } from '../../pricing/index.js';
import { endsUpstream, gemini, ratioSizes } from '../model-facts.js';

/**
 * Google's own Gemini API with the user's AI Studio key (`https://generativelanguage.googleapis.com`, info.ts): Gemini
 * image models billed in tokens, Imagen 4 per image (SPEC §12); no FLUX. By provider, not by host: Google is Google
 * wherever the page points it (a proxy of its own).
 */
const GOOGLE_SOURCE: PriceSource = {
  name: 'Gemini API pricing (Google AI Studio, paid tier)',
  asOf: '2026-11-25',
  url: 'https://ai.google.dev/gemini-api/docs/pricing',
};

/**
 * Gemini image models, in tokens (SPEC §12, Google's price page): the prompt's text at `textIn`, the image made at
 * `imageOut`, thinking and any text written at `textOut`, per million. The image's tokens by resolution tier, the
 * ratios and sizes made, and the stated ceiling on thinking are Gemini's own (`gemini`, ../model-facts.ts): Google's
 * `maxOutputTokens` counts the image's tokens too, so it cannot cap thinking without risking the image. At the
 * ceiling, 3,272 tokens: at most $0.02454 on a Nano Banana 2.1 image at $7.50 per million, $0.039264 on a 3 Pro one
 * at $12.
 */
const entry = (id: string, model: string, rates: TokenRates, references = referenceRule(0)): PriceEntry => ({
  ...gemini(id, rates),
  source: GOOGLE_SOURCE,
  exact: false,
  model,
  references,
});

/**
 * The images a Nano Banana model Google sells today takes with a prompt (the image to edit, and references): "Maximum
 * images per prompt: 14" (Google's model card, docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/
 * 3-1-flash-image, read 2026-11-28; 14 for Nano Banana Pro, 2.1 and 2 Lite as the research note catalog-2026-11 §3
 * and OpenRouter's recorded endpoints say), each sent as `inlineData` at 1 MP at most: Gemini 3 bills an image by its
 * media resolution, not its pixels (560 or 1,120 tokens, edit-prices.ts), so more pixels would only be more bytes,
 * against Google's 7 MB an inline image (the same card).
 */
const NANO_BANANA_IMAGES = referenceRule(14, { maxPixels: 1024 * 1024 });

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

/** Google's changelog, where each model's release, deprecation and shutdown is announced. */
const CHANGELOG = {
  name: 'Gemini API changelog and deprecations',
  asOf: '2026-11-27',
  url: 'https://ai.google.dev/gemini-api/docs/changelog',
};

/**
 * Google's models, by our id; `model` is Google's own id, the GA one Google serves today (its changelog: the `-preview`
 * ids were shut on 2026-06-25). Nano Banana 2.1's rates are restated by BerriAI/litellm discussion #44983 (Google's
 * price page for it was not found): an estimate, booked from `usageMetadata`. 3.1 Flash's input and thinking rates
 * are those of Google's price page ($0.50 and $3); Puter's code has half of each, and which is current is not known:
 * the higher one never understates what is charged.
 */
export const prices: ProviderPrices = {
  'gemini-nano-banana-2.1': {
    ...entry(
      'gemini-nano-banana-2.1',
      'gemini-nano-banana-2.1',
      { textIn: '1.50', imageIn: '1.50', imageOut: '30', textOut: '7.50' },
      NANO_BANANA_IMAGES,
    ),
    // UNVERIFIED: restated by BerriAI/litellm discussion #44983, not Google's own page.
    source: {
      name: "Nano Banana 2.1 rates, as LiteLLM's maintainers restate them",
      asOf: '2026-11-27',
      restated: 'others',
    },
    lifecycle: { released: '2026-10-06', source: CHANGELOG },
  },
  'gemini-3-pro-image': {
    ...entry(
      'gemini-3-pro-image',
      'gemini-3-pro-image',
      { textIn: '2', imageIn: '2', imageOut: '120', textOut: '12' },
      NANO_BANANA_IMAGES,
    ),
    lifecycle: { released: '2026-05-28', source: CHANGELOG },
  },
  'gemini-3.1-flash-lite-image': {
    ...entry(
      'gemini-3.1-flash-lite-image',
      'gemini-3.1-flash-lite-image',
      { textIn: '0.25', imageIn: '0.25', imageOut: '30', textOut: '1.50' },
      NANO_BANANA_IMAGES,
    ),
    // UNVERIFIED: no Google page for these rates was found. Puter's code (HeyPuter/puter@8307e8c, of 2026-08-21) and
    // Pollinations' registry (pollinations/pollinations@0047731e) restate them, and OpenRouter's endpoint list records
    // the $30 per million image tokens (rbb-dev/Open-WebUI-OpenRouter-pipe@8771a5da, MIT); none newer found when they
    // were read again for the research notes catalog-2026-11 §3 and evidence-2026-11-28 #2.
    source: {
      name: "Gemini 3.1 Flash Lite Image rates, as Puter's code and Pollinations' registry restate them",
      asOf: '2026-11-28',
      restated: 'resellers',
    },
    lifecycle: { released: '2026-06-30', source: CHANGELOG },
  },
  'gemini-3.1-flash-image': {
    ...entry('gemini-3.1-flash-image', 'gemini-3.1-flash-image', {
      textIn: '0.50',
      imageIn: '0.50',
      imageOut: '60',
      textOut: '3',
    }),
    lifecycle: { released: '2026-05-28', ...endsUpstream('gemini-3.1-flash-image', 'gemini-nano-banana-2.1') },
  },
  // Google's replacements: Imagen 4 Fast and Imagen 4 by Nano Banana 2.1, Ultra by Gemini 3 Pro Image.
  'imagen-4-fast': {
    ...imagen('imagen-4.0-fast-generate-001', '0.02'),
    lifecycle: endsUpstream('imagen', 'gemini-nano-banana-2.1'),
  },
  'imagen-4': {
    ...imagen('imagen-4.0-generate-001', '0.04'),
    lifecycle: endsUpstream('imagen', 'gemini-nano-banana-2.1'),
  },
  'imagen-4-ultra': {
    ...imagen('imagen-4.0-ultra-generate-001', '0.06'),
    lifecycle: endsUpstream('imagen', 'gemini-3-pro-image'),
  },
};
