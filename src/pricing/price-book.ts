import type { PriceSource, ProviderId } from '../types.js';

export type PriceRule =
  /** BFL FLUX.2 (SPEC §3): first + (MP(out) − 1) × extra, plus Σ MP(ref) × extra when `inputs`. */
  | { kind: 'megapixel'; unit: 'credit' | 'usd'; first: string; extra: string; inputs: boolean }
  /** FLUX.1 on BFL, OpenAI-compatible gateways: the same price whatever the size. */
  | { kind: 'flat'; unit: 'credit' | 'usd'; perImage: string }
  /** fal: perMp × MP(output), MP as in SPEC §3. */
  | { kind: 'per-megapixel'; unit: 'usd'; perMp: string };

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

/** Prices in BFL credits. Other providers' prices arrive with their adapters. */
export const BUILTIN_PRICE_BOOK: PriceBook = {
  'flux-2-klein-4b': { bfl: bflMegapixel('1.4', '0.1') },
  'flux-2-klein-9b': { bfl: bflMegapixel('1.5', '0.2') },
  'flux-2-pro': { bfl: bflMegapixel('3', '1.5') },
  'flux-2-flex': { bfl: bflMegapixel('5', '5') },
  'flux-2-max': { bfl: bflMegapixel('7', '3') },
  'flux-kontext-pro': { bfl: bflFlat('4') },
  'flux-kontext-max': { bfl: bflFlat('8') },
  'flux-pro-1.1': { bfl: bflFlat('4') },
  'flux-pro-1.1-ultra': { bfl: bflFlat('6') },
  'flux-pro-1.0-fill': { bfl: bflFlat('5') },
};

/** `override` wins per model and provider; neither argument is changed. */
export function mergePriceBook(base: PriceBook, override?: PriceBook | null): PriceBook {
  const merged: PriceBook = { ...base };
  for (const id in override) merged[id] = { ...base[id], ...override[id] };
  return merged;
}
