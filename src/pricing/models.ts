/** What the UI and the quote need to know about a model besides its price and what each provider makes of it. */
export interface ModelInfo {
  /** Also BFL's endpoint path: `/v1/{id}`. */
  id: string;
  label: string;
  /** Its family, where it is not FLUX (GPT Image, Imagen…): the picker groups by it. */
  family?: string;
}

const model = (id: string, label: string, family?: string): ModelInfo =>
  family ? { id, label, family } : { id, label };

/**
 * Every model the price book knows, in picker order. FLUX.2 [dev] is open weights that BFL itself does not host, but
 * Puter (Replicate), fal and gateways (Together AI, DeepInfra) do; FLUX.1 [schnell] and [dev], open weights too, are
 * offered through Hugging Face only. [klein] 9B base is the undistilled model Puter
 * serves under the name "FLUX.2 Klein 9B" (its catalogue id `black-forest-labs/flux-2-klein-9b-base`): another
 * model, priced otherwise, than the distilled [klein] 9B of BFL and fal.
 */
export const MODELS: readonly ModelInfo[] = [
  model('flux-2-klein-4b', 'FLUX.2 [klein] 4B'),
  model('flux-2-klein-9b', 'FLUX.2 [klein] 9B'),
  model('flux-2-klein-9b-base', 'FLUX.2 [klein] 9B base'),
  model('flux-2-pro', 'FLUX.2 [pro]'),
  model('flux-2-flex', 'FLUX.2 [flex]'),
  model('flux-2-max', 'FLUX.2 [max]'),
  model('flux-3-image', 'FLUX 3 Image'),
  model('flux-2-dev', 'FLUX.2 [dev]'),
  model('flux-1-schnell', 'FLUX.1 [schnell]'),
  model('flux-1-dev', 'FLUX.1 [dev]'),
  model('flux-kontext-pro', 'FLUX.1 Kontext [pro]'),
  model('flux-kontext-max', 'FLUX.1 Kontext [max]'),
  model('flux-pro-1.1', 'FLUX1.1 [pro]'),
  model('flux-pro-1.1-ultra', 'FLUX1.1 [pro] Ultra'),
  model('flux-pro-1.0-fill', 'FLUX.1 Fill [pro]'),
  // BFL's erase tool (docs.bfl.ml/flux_erase): removes what is painted, no prompt; an edit only, as Fill is.
  model('flux-erase', 'FLUX Erase'),
  // BFL's outpainting tool (docs.bfl.ai/flux_tools/flux_outpainting): fills a larger canvas around the image; an edit
  // only (an extend), sold by BFL and by fal (fal-ai/flux-2-pro/outpaint: "using BFL FLUX Outpainting").
  model('flux-outpainting', 'FLUX Outpainting'),
  // The families besides FLUX (SPEC §12), after it, by the names people know them by.
  model('gpt-image-2.6-flare', 'GPT Image 2.6 Flare', 'GPT Image'),
  model('gpt-image-2.6-sunburst', 'GPT Image 2.6 Sunburst', 'GPT Image'),
  model('gpt-image-2.5-flare', 'GPT Image 2.5 Flare', 'GPT Image'),
  model('gpt-image-2.5-sunburst', 'GPT Image 2.5 Sunburst', 'GPT Image'),
  model('gpt-image-2', 'GPT Image 2', 'GPT Image'),
  model('gpt-image-1.5', 'GPT Image 1.5', 'GPT Image'),
  model('gpt-image-1', 'GPT Image 1', 'GPT Image'),
  model('gpt-image-1-mini', 'GPT Image 1 mini', 'GPT Image'),
  model('gemini-nano-banana-2.1', 'Nano Banana 2.1', 'Nano Banana'),
  model('gemini-3-pro-image', 'Nano Banana Pro', 'Nano Banana'),
  model('gemini-3.1-flash-lite-image', 'Nano Banana 2 Lite', 'Nano Banana'),
  model('gemini-3.1-flash-image', 'Nano Banana 2', 'Nano Banana'),
  model('imagen-4-fast', 'Imagen 4 Fast', 'Imagen'),
  model('imagen-4', 'Imagen 4', 'Imagen'),
  model('imagen-4-ultra', 'Imagen 4 Ultra', 'Imagen'),
  model('seedream-4.5', 'Seedream 4.5', 'Seedream'),
  model('seedream-5-lite', 'Seedream 5.0 Lite', 'Seedream'),
  model('qwen-image', 'Qwen-Image', 'Qwen'),
  model('grok-imagine', 'Grok Imagine', 'Grok'),
];

export const DEFAULT_MODEL = 'flux-2-klein-4b';

export function modelInfo(id: string): ModelInfo | undefined {
  return MODELS.find((known) => known.id === id);
}

/** The model's family as people name it: the picker groups models by it. */
export const familyOf = (id: string) => modelInfo(id)?.family ?? 'FLUX';

/** The model's name as people read it ('FLUX.2 [pro]'); its id where the price book names no such model. */
export const modelName = (id: string) => modelInfo(id)?.label ?? id;
