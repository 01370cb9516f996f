import type { WireNames } from '../engine/controls.js';
import type { ModelControls } from '../provider.js';

/**
 * What each model takes of the controls at fal, by its endpoints' input types (fal-ai/fal-js
 * libs/client/src/types/endpoints.ts at 381105e; the /edit endpoint of each takes the same) and fal's model pages:
 * - [klein] 4B and 9B (Flux2Klein4bInput, Flux2Klein9bInput = the same): `output_format` jpeg | png | webp, default png;
 *   no moderation level, no prompt expansion.
 * - [dev] at `fal-ai/flux-2` (Flux2Input, Flux2EditInput): the same, and `enable_prompt_expansion` ("If set to true,
 *   the prompt will be expanded for better results": off unless set).
 * - [pro], [flex], [max] (Flux2ProInput = Flux2MaxInput, Flux2FlexInput; fal.ai/models/fal-ai/flux-2-pro and
 *   …/flux-2-flex/llms.txt): `safety_tolerance` one of the strings "1" … "5" (1 the strictest), default "2";
 *   `output_format` jpeg | png, default jpeg; no switch for enhancement, which fal's [pro] page says is on ("Automatic
 *   prompt upsampling"): a seed does not promise the same image. ([flex]'s `guidance_scale` and
 *   `num_inference_steps` are not offered here.)
 */
const OWN: ModelControls = { outputFormats: ['png', 'jpeg', 'webp'], seedReproduces: true };
const BFL_RUN: ModelControls = {
  safetyTolerance: { min: 1, max: 5, default: 2 },
  outputFormats: ['jpeg', 'png'],
  seedReproduces: false,
};
const CONTROLS: Record<string, ModelControls> = {
  'flux-2-klein-4b': OWN,
  'flux-2-klein-9b': OWN,
  'flux-2-dev': { ...OWN, enhancePrompt: { default: false } },
  'flux-2-pro': BFL_RUN,
  'flux-2-flex': BFL_RUN,
  'flux-2-max': BFL_RUN,
  // The other families and FLUX 3 (families.ts) take none of the widget's controls here. Seedream 4.5 takes a seed
  // (SeedDream45T2IInput); 5.0 Lite has none (SeedDream50LiteT2IInput); Nano Banana 2 and 2.1 take one but a Gemini
  // model is not said to make the same image again from it; FLUX 3 is sent no seed (its input is documented nowhere
  // found, and BFL's own route refuses one).
  'seedream-4.5': { seedReproduces: true },
  'seedream-5-lite': { seedReproduces: false },
  'gemini-3.1-flash-image': { seedReproduces: false },
  'gemini-nano-banana-2.1': { seedReproduces: false },
  'flux-3-image': { seedReproduces: false },
  // BFL's tools at fal (prices.ts): Fill (FluxProFillInput, fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt)
  // `output_format` jpeg | png, default jpeg, `safety_tolerance` the strings "1" … "6", default "2", a seed ("The same
  // seed and the same prompt … will output the same image every time"); its `enhance_prompt` is not offered. Erase
  // (FluxProEraseInput) `output_format` alike, and no seed.
  'flux-pro-1.0-fill': {
    safetyTolerance: { min: 1, max: 6, default: 2 },
    outputFormats: ['jpeg', 'png'],
    seedReproduces: true,
  },
  'flux-erase': { outputFormats: ['jpeg', 'png'], seedReproduces: false },
};

/** What `model` takes of the controls at fal (`CONTROLS`); none for a model it does not list. */
export const falControls = (model: string): ModelControls => CONTROLS[model] ?? { seedReproduces: true };

/** fal's names of the settings (the same input types). */
export const FAL_WIRE: WireNames = {
  enhancePrompt: 'enable_prompt_expansion',
  safetyTolerance: 'safety_tolerance',
  outputFormat: 'output_format',
};
