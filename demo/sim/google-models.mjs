// Google's Gemini API, as the simulator plays it (google.mjs): the models it serves, each with its rates, its image's
// tokens per tier, the ratios and tiers it takes, its stage and its shutdown; Imagen 4's flat prices and sizes; which
// model is served by which method on a day. Sources beside each fact; google.mjs's header lists the whole.
import { dayStart, servedAt } from './clock.mjs';

/** Gemini's ratios (see the header) and the size each makes at 1K (Google's image generation guide). */
export const GEMINI_SIZES = {
  '1:1': [1024, 1024],
  '2:3': [848, 1264],
  '3:2': [1264, 848],
  '3:4': [896, 1200],
  '4:3': [1200, 896],
  '4:5': [928, 1152],
  '5:4': [1152, 928],
  '9:16': [768, 1376],
  '16:9': [1376, 768],
  '21:9': [1584, 672],
};
/** 3.1 Flash's and Nano Banana 2.1's extra ratios; their sizes are drawn at about 1 MP here (what the widget does not offer). */
const FLASH_RATIOS = ['1:4', '4:1', '1:8', '8:1'];
const RATIOS = Object.keys(GEMINI_SIZES);
/** The previews' shutdown (Google's deprecations page; the GA ids replaced them on 2026-05-28). */
const PREVIEW_SHUT = '2026-06-25';
/**
 * Gemini's image models: rates in 10⁻⁸ $ per token (text in, image in, image out, text and thinking out: USD per million
 * × 100, Google's price page as SPEC §12 restates it; Nano Banana 2.1's and 3.1 Flash Lite's as resellers restate
 * them), the image's tokens per tier, the tiers and ratios it takes, its shutdown (Google's changelog and
 * deprecations page; 3.1 Flash's as third parties restate it) and what its replies' `modelStatus` says (`stage`, and
 * from `deprecated` on, DEPRECATED with its retirement and what replaces it). Each image it is sent is billed at the
 * image-in rate as `INPUT_TOKENS` of its kind (below).
 */
export const GEMINI = {
  'gemini-nano-banana-2.1': {
    displayName: 'Nano Banana 2.1',
    rates: [150, 150, 3000, 750],
    // No reply of Google's records 2.1's tokens above 1K. At 4K, the larger count a source gives at Google's rate:
    // inference.sh's $0.1134 a 4K image at $30 per million (Vertex, 2026-11-06), 3,780 (3.1 Flash's 2,520 is what the
    // widget expects, below both sources); at 2K none gives one, so 3.1 Flash's 1,680 (UNVERIFIED).
    tokens: { '1K': 1120, '2K': 1680, '4K': 3780 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'MEDIUM', 'HIGH'],
  },
  'gemini-3-pro-image': {
    displayName: 'Nano Banana Pro',
    rates: [200, 200, 12000, 1200],
    tokens: { '1K': 1120, '2K': 1120, '4K': 2000 },
    ratios: RATIOS,
    pro: true,
  },
  'gemini-3.1-flash-lite-image': {
    displayName: 'Nano Banana 2 Lite',
    rates: [25, 25, 3000, 150],
    tokens: { '1K': 1120 },
    ratios: RATIOS,
  },
  'gemini-3.1-flash-image': {
    displayName: 'Nano Banana 2',
    rates: [50, 50, 6000, 300],
    tokens: { 512: 747, '1K': 1120, '2K': 1680, '4K': 2520 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'HIGH'],
    shutdown: '2026-10-29',
    deprecated: '2026-10-06',
    replacement: 'gemini-nano-banana-2.1',
  },
  'gemini-3.1-flash-image-preview': {
    displayName: 'Nano Banana 2 (preview)',
    rates: [50, 50, 6000, 300],
    tokens: { 512: 747, '1K': 1120, '2K': 1680, '4K': 2520 },
    ratios: [...RATIOS, ...FLASH_RATIOS],
    thinking: ['MINIMAL', 'HIGH'],
    shutdown: PREVIEW_SHUT,
    stage: 'PREVIEW',
    deprecated: '2026-05-28',
    replacement: 'gemini-3.1-flash-image',
  },
  'gemini-3-pro-image-preview': {
    displayName: 'Nano Banana Pro (preview)',
    rates: [200, 200, 12000, 1200],
    tokens: { '1K': 1120, '2K': 1120, '4K': 2000 },
    ratios: RATIOS,
    pro: true,
    shutdown: PREVIEW_SHUT,
    stage: 'PREVIEW',
    deprecated: '2026-05-28',
    replacement: 'gemini-3-pro-image',
  },
};
/**
 * The tokens each image sent to a Gemini image model is billed as, whatever its size (Gemini 3 counts an image by its
 * media resolution, not its pixels): Nano Banana Pro's 560 ("Gemini 3 Pro Image consumes 560 input image tokens per
 * input image": Google's model card, docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/3-pro-image, read
 * 2026-11-28; HeyPuter/puter@8307e8c books the same, citing Google's price page); the Flash models' 1,120, the figure
 * docs.ai.it.ufl.edu gives for 3.1 Flash (UNVERIFIED, the research note editing §1.3), and the largest any source
 * gives for a Gemini 3 image model: taken for Nano Banana 2.1 and 3.1 Flash Lite too, for which none is found.
 */
export const inputTokensOf = (spec) => (spec.pro ? 560 : 1120);
/**
 * What a Gemini reply's `modelStatus` says of `model` at `now` (googleapis/js-genai `ModelStatus`: `modelStage`,
 * `retirementTime`, `message`): its stage, and from its deprecation on, DEPRECATED (a preview keeps PREVIEW) with the
 * moment it stops and what replaces it. The message's words are this simulator's: no reply carrying one was found.
 */
export function modelStatus(model, now) {
  const spec = GEMINI[model];
  if (!spec.deprecated || now < dayStart(spec.deprecated)) return { modelStage: spec.stage ?? 'STABLE' };
  return {
    modelStage: spec.stage ?? 'DEPRECATED',
    retirementTime: `${spec.shutdown}T00:00:00Z`,
    message: `${model} will be shut down on ${spec.shutdown}. Use ${spec.replacement} instead.`,
  };
}
/** Imagen 4: its flat price in 10⁻⁸ $ per image, and the five ratios and sizes it makes (Google's Imagen guide). */
export const IMAGEN = {
  'imagen-4.0-fast-generate-001': 2_000_000,
  'imagen-4.0-generate-001': 4_000_000,
  'imagen-4.0-ultra-generate-001': 6_000_000,
};
export const IMAGEN_NAMES = {
  'imagen-4.0-fast-generate-001': 'Imagen 4 Fast',
  'imagen-4.0-generate-001': 'Imagen 4',
  'imagen-4.0-ultra-generate-001': 'Imagen 4 Ultra',
};
/** Imagen 4's days: all three shut down on 2026-08-17 (Google's changelog, 2026-06-15, and its Imagen page). */
export const IMAGEN_SHUTDOWN = '2026-08-17';
export const IMAGEN_SIZES = {
  '1:1': [1024, 1024],
  '3:4': [896, 1280],
  '4:3': [1280, 896],
  '9:16': [768, 1408],
  '16:9': [1408, 768],
};
/** `unlisted=<id>,<id>`: Gemini models the key's project is not offered (listed nor served to it). */
export const withheld = (scenario) => (scenario.unlisted ?? '').split(',').filter(Boolean);
/** The tier's scale on each side. */
export const TIER_SCALE = { 512: 0.5, '1K': 1, '2K': 2, '4K': 4 };

/**
 * Whether `model` is served by `method` (`generateContent`, `predict`) at `now` to the key of `scenario`: a model shut
 * down (or not yet released) by the simulator's clock, or withheld from the key, is answered as one Google never had.
 */
export function served(model, method, now, scenario) {
  if (withheld(scenario).includes(model)) return false;
  return method === 'predict'
    ? Object.hasOwn(IMAGEN, model) && servedAt(IMAGEN_SHUTDOWN, now)
    : Object.hasOwn(GEMINI, model) && servedAt(GEMINI[model].shutdown, now);
}
