import type { PriceSource } from '../../base/types.js';
import {
  FLUX2_SIZES,
  referenceRule,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';
import { families } from './families.js';
import { tools } from './tools.js';

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

/**
 * [klein] on fal: per MP of output; its /edit endpoint a higher price per MP of output and per reference, each
 * reference resized to 1 MP by fal ("Input images will be resized to 1MP", fal's klein 9B base edit page), at
 * most 4 ("A maximum of 4 images are allowed", Flux2Klein4bEditInput in fal-ai/fal-js
 * libs/client/src/types/endpoints.ts at 381105e): sent at 1 MP already.
 */
const falKlein = (size: string, perMp: string, edit: string): PriceEntry => ({
  rule: { kind: 'per-megapixel', unit: 'usd', perMp, edit },
  source: falSource('flux-2/klein/' + size),
  exact: false,
  sizes: FLUX2_SIZES,
  references: { max: 4, maxPixels: 1_000_000 },
});

/**
 * [pro], [flex], [max] on fal: BFL's shape in USD (first MP, each extra MP of output and of input), references
 * resized to 4 MP ("Input images counted as processed megapixel", fal's flux-2-max/edit page); fal states no
 * maximum count: BFL's 8.
 */
const falMegapixel = (path: string, first: string, extra: string): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'usd', first, extra, inputs: true },
  source: falSource(path),
  exact: false,
  sizes: FLUX2_SIZES,
  references: referenceRule(8),
});

/**
 * FLUX.2 [dev] at fal-ai/flux-2 (fal-js libs/client/src/types/endpoints.ts at 381105e: Flux2Input "width and height
 * must be between 512 and 2048"); Hugging Face's router, which sends it to fal, makes the same.
 */
export const FLUX2_DEV_SIZES: SizeRule = { kind: 'pixels', step: 16, min: 512, max: 2048 };

/**
 * fal's prices, in USD: FLUX.2's, the other families' (families.ts) and BFL's tools fal sells, Fill and Erase
 * (tools.ts). FLUX.1 on fal is not wired for text.
 */
export const prices: ProviderPrices = {
  'flux-2-klein-4b': falKlein('4b', '0.005', '0.01'),
  'flux-2-klein-9b': falKlein('9b', '0.006', '0.011'),
  // fal-ai/flux-2 (Flux2EditInput "A maximum of 4 images"): $0.012 per MP of output and of each reference, counted
  // as BFL counts them (fal.ai/models/fal-ai/flux-2, as lumenfall.ai/models/fal/flux.2-dev cites it).
  'flux-2-dev': { ...falMegapixel('flux-2', '0.012', '0.012'), sizes: FLUX2_DEV_SIZES, references: referenceRule(4) },
  'flux-2-pro': falMegapixel('flux-2-pro', '0.03', '0.015'),
  'flux-2-flex': falMegapixel('flux-2-flex', '0.05', '0.05'),
  'flux-2-max': falMegapixel('flux-2-max', '0.07', '0.03'),
  ...families,
  ...tools,
};
