import type { WireNames } from '../engine/controls.js';
import type { ModelControls } from '../provider.js';

/**
 * What each model takes of the controls (BFL's OpenAPI schema, `https://api.bfl.ai/openapi.json`, unless said).
 * FLUX.2 (Flux2KleinInputs, Flux2Inputs, Flux2FlexInputs): `safety_tolerance` an integer 0–5 (0 the strictest),
 * default 2; `output_format` jpeg | png | webp, default jpeg.
 */
const FLUX2: ModelControls = {
  safetyTolerance: { min: 0, max: 5, default: 2 },
  outputFormats: ['jpeg', 'png', 'webp'],
  seedReproduces: true,
  // BFL debits a task's credits when it accepts it (its submit reply's `cost`): a result it then moderates is paid.
  moderationCharged: true,
};
/**
 * FLUX.2 [pro] and [max] also rewrite the prompt unless told not to: `prompt_upsampling`, boolean, default true. The
 * published Flux2Inputs omits it; BFL's API reference as Comfy Router republishes it lists it so for both
 * (docs.comfy.org/development/comfy-router/models/black-forest-labs/flux-2-pro/code, …/flux-2-max/code), and both real
 * tasks recorded without it came back with `result.prompt` rewritten (test/recorded/bfl-flux-2-{pro,max}.json). A seed
 * does not make the same image again while the prompt is rewritten.
 */
const UPSAMPLED: ModelControls = { ...FLUX2, enhancePrompt: { default: true }, seedReproduces: false };
/**
 * FLUX.1 (FluxPro11Inputs, FluxUltraInput, FluxKontextProInputs, FluxProFillInputs): `prompt_upsampling` default
 * false; `safety_tolerance` an integer 0–6, default 2; `output_format` jpeg | png | webp, default jpeg.
 */
const FLUX1: ModelControls = {
  enhancePrompt: { default: false },
  safetyTolerance: { min: 0, max: 6, default: 2 },
  outputFormats: ['jpeg', 'png', 'webp'],
  seedReproduces: true,
  moderationCharged: true,
};
/**
 * FLUX 3 Image (docs.bfl.ai/flux_3/flux3_image_generate; the enums as Comfy Router's copy of its schema gives them):
 * `safety_tolerance` an integer 0–4, default 2, and nothing else of the widget's. Its schema is strict: a field it does
 * not name (`seed`, `output_format`, `prompt_upsampling`) is refused 422, so none is sent, and with no seed sent none
 * makes the same image again.
 */
const FLUX3: ModelControls = {
  safetyTolerance: { min: 0, max: 4, default: 2 },
  seedReproduces: false,
  moderationCharged: true,
};
const CONTROLS: Record<string, ModelControls> = {
  'flux-3-image': FLUX3,
  'flux-2-klein-4b': FLUX2,
  'flux-2-klein-9b': FLUX2,
  'flux-2-pro': UPSAMPLED,
  'flux-2-max': UPSAMPLED,
  // Flux2FlexInputs: `prompt_upsampling` default true, `steps` an integer 1–50 (50), `guidance` 1.5–10 (5).
  'flux-2-flex': {
    ...UPSAMPLED,
    steps: { min: 1, max: 50, default: 50 },
    guidance: { min: 1.5, max: 10, default: 5 },
  },
  'flux-pro-1.1': FLUX1,
  // FluxUltraInput: `raw` default false; `image_prompt_strength` 0–1 (0.1).
  'flux-pro-1.1-ultra': {
    ...FLUX1,
    raw: { default: false },
    imagePromptStrength: { min: 0, max: 1, default: 0.1 },
  },
  // FluxKontextProInputs: `output_format` default png.
  'flux-kontext-pro': { ...FLUX1, outputFormats: ['png', 'jpeg', 'webp'] },
  'flux-kontext-max': { ...FLUX1, outputFormats: ['png', 'jpeg', 'webp'] },
  // FluxProFillInputs: `steps` an integer 15–50 (50), `guidance` 1.5–100 (60).
  'flux-pro-1.0-fill': {
    ...FLUX1,
    steps: { min: 15, max: 50, default: 50 },
    guidance: { min: 1.5, max: 100, default: 60 },
  },
  // FLUX Erase (Flux2EraseInputs; its fields as Comfy Router republishes BFL's schema,
  // docs.comfy.org/development/comfy-router/models/black-forest-labs/erase-v1/code, read 2026-11-28): `safety_tolerance`
  // an integer 0–5, default 2; `output_format` jpeg | png | webp (BFL states no default: the first, always sent); a
  // seed. No prompt, so nothing to rewrite; `dilate_pixels` (0–25, default 10) is left to BFL.
  'flux-erase': { ...FLUX2 },
  // FLUX Outpainting (docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image, read 2026-11-28):
  // `safety_tolerance` an integer 0–5 (its schema's range; the default 2, as BFL's others); `output_format` png (its
  // default, docs.bfl.ai/flux_tools/flux_outpainting) or jpeg, the two both pages name (the API reference adds webp,
  // the guide does not: the stricter). No seed field and no prompt rewriting: no seed makes the same image again.
  'flux-outpainting': {
    safetyTolerance: { min: 0, max: 5, default: 2 },
    outputFormats: ['png', 'jpeg'],
    seedReproduces: false,
    moderationCharged: true,
  },
};

/** BFL's names of the settings (the same schemas). */
export const BFL_WIRE: WireNames = {
  enhancePrompt: 'prompt_upsampling',
  safetyTolerance: 'safety_tolerance',
  outputFormat: 'output_format',
  steps: 'steps',
  guidance: 'guidance',
  raw: 'raw',
  imagePromptStrength: 'image_prompt_strength',
};

/** What `model` takes of the controls at BFL (`CONTROLS`); none but the seed for a model it does not list. */
export const bflControls = (model: string): ModelControls => CONTROLS[model] ?? { seedReproduces: true };
