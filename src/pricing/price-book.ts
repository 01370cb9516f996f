import type { PriceSource, ProviderId } from '../types.js';

export type PriceRule =
  /** BFL FLUX.2: first + (MP(out) − 1) × extra, plus Σ MP(ref) × extra when `inputs` (MP as in `megapixels()`). */
  | { kind: 'megapixel'; unit: 'credit' | 'usd'; first: string; extra: string; inputs: boolean }
  /** FLUX.1 on BFL, OpenAI-compatible gateways: the same price whatever the size. */
  | { kind: 'flat'; unit: 'credit' | 'usd'; perImage: string }
  /**
   * fal: perMp × MP(output), MP as BFL counts them (`megapixels()`). With reference images and `edit` set (fal's FLUX.2 [klein]
   * edit endpoints): `edit` × (MP(output) + 1 per reference image, as fal resizes each to 1 MP).
   */
  | { kind: 'per-megapixel'; unit: 'usd'; perMp: string; edit?: string }
  /**
   * Puter: its image catalogue's `costs`, in US cents (decimal strings; the live catalogue's JSON numbers are read
   * through their decimal text). Replicate-served models: `run` + `output_mp`
   * (for the 1 MP they make whatever the size) or `output`, plus `input_mp` per started MP (10⁶ px) of each
   * reference image; Together's: `per-image`, or `1MP` × the output's megapixels (w·h / 10⁶, not rounded).
   */
  | { kind: 'puter'; unit: 'usd'; costs: Record<string, string> };

export interface PriceEntry {
  rule: PriceRule;
  source: PriceSource;
  /** False where the provider may charge differently from the preview. */
  exact: boolean;
  /** Gateway fee taken at top-up, as a fraction ('0.05'): the money it takes is usage / (1 − fee). */
  topUpFee?: string;
}

/** Model id → provider → price. */
export type PriceBook = Record<string, Partial<Record<ProviderId, PriceEntry>>>;

/** USD per BFL credit. */
export const CREDIT_USD = '0.01';

const BFL_DOCS: PriceSource = {
  name: 'BFL pricing docs',
  asOf: '2026-11-01',
  url: 'https://docs.bfl.ai/quick_start/pricing',
};

const bflMegapixel = (first: string, extra: string): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'credit', first, extra, inputs: true },
  source: BFL_DOCS,
  exact: true,
});

const bflFlat = (perImage: string): PriceEntry => ({
  rule: { kind: 'flat', unit: 'credit', perImage },
  source: BFL_DOCS,
  exact: true,
});

/**
 * fal, in USD, from each endpoint's model page (fal.ai/models/{endpoint id}, also its `/llms.txt`). Not exact:
 * fal reports no cost to check against, rounds reference images its own way, and sources disagree on
 * [klein] 4B (fal's [klein] guide of 2026-01 says $0.014/MP for the distilled model; the model page $0.005).
 */
const falSource = (path: string): PriceSource => ({
  name: 'fal model page',
  asOf: '2026-11-22',
  url: 'https://fal.ai/models/fal-ai/' + path,
});

/** [klein] on fal: per MP of output; its /edit endpoint a higher price per MP of output and per reference. */
const falKlein = (size: string, perMp: string, edit: string): PriceEntry => ({
  rule: { kind: 'per-megapixel', unit: 'usd', perMp, edit },
  source: falSource('flux-2/klein/' + size),
  exact: false,
});

/** [pro], [flex], [max] on fal: BFL's shape in USD (first MP, each extra MP of output and of input). */
const falMegapixel = (path: string, first: string, extra: string): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'usd', first, extra, inputs: true },
  source: falSource(path),
  exact: false,
});

/** BFL prices in credits; fal's in USD. Gateways (`openai`) have none built in: the host page sets them. */
export const BUILTIN_PRICE_BOOK: PriceBook = {
  'flux-2-klein-4b': { bfl: bflMegapixel('1.4', '0.1'), fal: falKlein('4b', '0.005', '0.01') },
  'flux-2-klein-9b': { bfl: bflMegapixel('1.5', '0.2'), fal: falKlein('9b', '0.006', '0.011') },
  'flux-2-pro': { bfl: bflMegapixel('3', '1.5'), fal: falMegapixel('flux-2-pro', '0.03', '0.015') },
  'flux-2-flex': { bfl: bflMegapixel('5', '5'), fal: falMegapixel('flux-2-flex', '0.05', '0.05') },
  'flux-2-max': { bfl: bflMegapixel('7', '3'), fal: falMegapixel('flux-2-max', '0.07', '0.03') },
  'flux-kontext-pro': { bfl: bflFlat('4') },
  'flux-kontext-max': { bfl: bflFlat('8') },
  'flux-pro-1.1': { bfl: bflFlat('4') },
  'flux-pro-1.1-ultra': { bfl: bflFlat('6') },
  'flux-pro-1.0-fill': { bfl: bflFlat('5') },
};

/**
 * Puter (the default provider): our model id → [Puter's model id (its catalogue `id`, which `txt2img` takes), and
 * the `costs` its catalogue lists] — a bundled copy of `GET https://api.puter.com/puterai/image/models/details`
 * (HeyPuter/puter src/backend/drivers/ai-image/providers/{replicate,together}/models.ts). Replicate serves [klein],
 * [pro] and FLUX1.1 [pro], Together AI [flex], [max] and Kontext; Ultra and Fill are not on Puter. The widget lays
 * the live catalogue over these. Not exact: Puter may scale an account's AI costs (its `ai.cost.factor` hook), so
 * the balance change is booked where it is known.
 */
export const PUTER_MODELS: Record<string, [string, Record<string, string>]> = {
  'flux-2-klein-4b': ['black-forest-labs/flux-2-klein-4b', { input_mp: '0.1', output_mp: '0.1' }],
  'flux-2-klein-9b': ['black-forest-labs/flux-2-klein-9b-base', { input_mp: '1.1', output_mp: '1.1' }],
  'flux-2-pro': ['black-forest-labs/flux-2-pro', { run: '1.5', input_mp: '1.5', output_mp: '1.5' }],
  'flux-2-flex': ['togetherai:black-forest-labs/flux.2-flex', { 'per-image': '3' }],
  'flux-2-max': ['togetherai:black-forest-labs/flux.2-max', { '1MP': '7' }],
  'flux-kontext-pro': ['togetherai:black-forest-labs/flux.1-kontext-pro', { '1MP': '4' }],
  'flux-kontext-max': ['togetherai:black-forest-labs/flux.1-kontext-max', { '1MP': '8' }],
  'flux-pro-1.1': ['black-forest-labs/flux-1.1-pro', { output: '4' }],
};
/** A `puter` price entry of Puter catalogue `costs`. */
export const puterEntry = (costs: Record<string, string>, source: PriceSource): PriceEntry => ({
  rule: { kind: 'puter', unit: 'usd', costs },
  source,
  exact: false,
});
for (const id in PUTER_MODELS) {
  BUILTIN_PRICE_BOOK[id].puter = puterEntry(PUTER_MODELS[id][1], {
    name: 'Puter model catalogue (bundled)',
    asOf: '2026-11-22',
    url: 'https://api.puter.com/puterai/image/models/details',
  });
}

/** `override` wins per model and provider; neither argument is changed. */
export function mergePriceBook(base: PriceBook, override?: PriceBook | null): PriceBook {
  const merged: PriceBook = { ...base };
  for (const id in override) merged[id] = { ...base[id], ...override[id] };
  return merged;
}
