/** What the UI and the quote need to know about a model besides its price and what each provider makes of it. */
export interface ModelInfo {
  /** Also BFL's endpoint path: `/v1/{id}`. */
  id: string;
  label: string;
  family: 'flux2' | 'flux1';
  /** False where no provider serves it (FLUX.2 [dev] runs locally only). */
  hosted: boolean;
}

const model = (id: string, label: string, family: ModelInfo['family'], hosted = true): ModelInfo => ({
  id,
  label,
  family,
  hosted,
});

/** Every model the price book knows, in picker order. */
export const MODELS: readonly ModelInfo[] = [
  model('flux-2-klein-4b', 'FLUX.2 [klein] 4B', 'flux2'),
  model('flux-2-klein-9b', 'FLUX.2 [klein] 9B', 'flux2'),
  model('flux-2-pro', 'FLUX.2 [pro]', 'flux2'),
  model('flux-2-flex', 'FLUX.2 [flex]', 'flux2'),
  model('flux-2-max', 'FLUX.2 [max]', 'flux2'),
  model('flux-2-dev', 'FLUX.2 [dev]', 'flux2', false),
  model('flux-kontext-pro', 'FLUX.1 Kontext [pro]', 'flux1'),
  model('flux-kontext-max', 'FLUX.1 Kontext [max]', 'flux1'),
  model('flux-pro-1.1', 'FLUX1.1 [pro]', 'flux1'),
  model('flux-pro-1.1-ultra', 'FLUX1.1 [pro] Ultra', 'flux1'),
  model('flux-pro-1.0-fill', 'FLUX.1 Fill [pro]', 'flux1'),
];

export const DEFAULT_MODEL = 'flux-2-klein-4b';

export function modelInfo(id: string): ModelInfo | undefined {
  return MODELS.find((known) => known.id === id);
}

/** The model's name as people read it ('FLUX.2 [pro]'); its id where the price book names no such model. */
export const modelName = (id: string) => modelInfo(id)?.label ?? id;
