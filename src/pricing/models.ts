/** What the UI and the quote need to know about a model besides its price. */
export interface ModelInfo {
  /** Also BFL's endpoint path: `/v1/{id}`. */
  id: string;
  label: string;
  family: 'flux2' | 'flux1';
  /**
   * How width/height are validated and sent: 'flux2' (multiples of 16, each side >= 64, <= 4 MP output),
   * 'flux11' (FLUX1.1 [pro]: multiples of 32 in 256..1440), 'aspect' (Ultra, Kontext: only the aspect ratio
   * is sent, must lie between 21:9 and 9:21), 'input' (Fill: output follows the input image).
   */
  sizing: 'flux2' | 'flux11' | 'aspect' | 'input';
  /** Reference images the model accepts (BFL schema; FLUX.2 [dev]: BFL's recommended maximum). */
  maxInputs: number;
  requiresInput?: boolean;
  /** False where no provider serves it (FLUX.2 [dev] runs locally only). */
  hosted: boolean;
}

const flux2 = (id: string, label: string, maxInputs: number, hosted = true): ModelInfo => ({
  id,
  label,
  family: 'flux2',
  sizing: 'flux2',
  maxInputs,
  hosted,
});

const flux1 = (id: string, label: string, sizing: ModelInfo['sizing'], maxInputs: number): ModelInfo => ({
  id,
  label,
  family: 'flux1',
  sizing,
  maxInputs,
  hosted: true,
});

/** Every model the price book knows, in picker order. */
export const MODELS: readonly ModelInfo[] = [
  flux2('flux-2-klein-4b', 'FLUX.2 [klein] 4B', 4),
  flux2('flux-2-klein-9b', 'FLUX.2 [klein] 9B', 4),
  flux2('flux-2-pro', 'FLUX.2 [pro]', 8),
  flux2('flux-2-flex', 'FLUX.2 [flex]', 8),
  flux2('flux-2-max', 'FLUX.2 [max]', 8),
  flux2('flux-2-dev', 'FLUX.2 [dev]', 6, false),
  flux1('flux-kontext-pro', 'FLUX.1 Kontext [pro]', 'aspect', 4),
  flux1('flux-kontext-max', 'FLUX.1 Kontext [max]', 'aspect', 4),
  flux1('flux-pro-1.1', 'FLUX1.1 [pro]', 'flux11', 1),
  flux1('flux-pro-1.1-ultra', 'FLUX1.1 [pro] Ultra', 'aspect', 1),
  { ...flux1('flux-pro-1.0-fill', 'FLUX.1 Fill [pro]', 'input', 1), requiresInput: true },
];

export const DEFAULT_MODEL = 'flux-2-klein-4b';

export function modelInfo(id: string): ModelInfo | undefined {
  return MODELS.find((model) => model.id === id);
}
