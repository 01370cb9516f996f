/** What the UI and the quote need to know about a model besides its price and what each provider makes of it. */
export interface ModelInfo {
  /** Also BFL's endpoint path: `/v1/{id}`. */
  id: string;
  label: string;
  /** Its family, where it is not FLUX (GPT Image, Imagen…): the picker groups by it. */
  family?: string;
}

const model = (id: string, label: string): ModelInfo => ({ id, label });

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
  model('flux-2-dev', 'FLUX.2 [dev]'),
  model('flux-1-schnell', 'FLUX.1 [schnell]'),
  model('flux-1-dev', 'FLUX.1 [dev]'),
  model('flux-kontext-pro', 'FLUX.1 Kontext [pro]'),
  model('flux-kontext-max', 'FLUX.1 Kontext [max]'),
  model('flux-pro-1.1', 'FLUX1.1 [pro]'),
  model('flux-pro-1.1-ultra', 'FLUX1.1 [pro] Ultra'),
  model('flux-pro-1.0-fill', 'FLUX.1 Fill [pro]'),
];

/**
 * The models of the families besides FLUX (SPEC §12), whose names and prices load on first need
 * (src/pricing/families.ts, src/providers/families.ts): a request for one waits for them, where any other id the
 * first paint does not know is none.
 */
export const FAMILY_IDS: readonly string[] = [
  'gpt-image-2',
  'gpt-image-1.5',
  'gpt-image-1',
  'gpt-image-1-mini',
  'gemini-3.1-flash-image',
  'gemini-3-pro-image',
  'imagen-4-fast',
  'imagen-4',
  'imagen-4-ultra',
  'seedream-4.5',
  'seedream-5-lite',
  'qwen-image',
  'grok-imagine',
];

/** The providers whose families have loaded (`addModels`), '*' once every provider's have. */
const familiesIn = new Set<string>();

/** Whether the families `provider` sells (every provider's, without one) are in. */
export const familiesInFor = (provider = '*') => familiesIn.has('*') || familiesIn.has(provider);

/** Whether `id` is a model of the families that load on first need, not here yet for `provider`. */
export const awaitsFamilies = (id: string, provider: string) => !familiesInFor(provider) && FAMILY_IDS.includes(id);

/**
 * Adds the models of the families that load after the first paint (src/providers/families.ts: GPT Image, …) that
 * `provider` (every provider, without one) sells to the models known, after FLUX; from then on, an id of theirs that
 * it does not sell has no price there.
 */
export function addModels(models: readonly ModelInfo[], provider = '*') {
  (MODELS as ModelInfo[]).push(...models.filter((added) => !modelInfo(added.id)));
  familiesIn.add(provider);
}

export const DEFAULT_MODEL = 'flux-2-klein-4b';

export function modelInfo(id: string): ModelInfo | undefined {
  return MODELS.find((known) => known.id === id);
}

/** The model's family as people name it: the picker groups models by it. */
export const familyOf = (id: string) => modelInfo(id)?.family ?? 'FLUX';

/** The model's name as people read it ('FLUX.2 [pro]'); its id where the price book names no such model. */
export const modelName = (id: string) => modelInfo(id)?.label ?? id;
