import {
  FLUX11_SIZES,
  FLUX2_SIZES,
  referenceRule,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';
import { FLUX2_DEV_SIZES } from '../fal/prices.js';

/**
 * Hugging Face's router sends each model to fal (`/fal-ai/{model}`, the `model` here) and bills the user what fal
 * charges, "with no markup from Hugging Face" (huggingface.co/docs/inference-providers/pricing): fal's price per MP
 * of output, MP as fal counts them (started 1024² MP): fal.ai/models/fal-ai/flux/schnell $0.003, fal-ai/flux/dev
 * $0.025; FLUX.2 as fal's own entries (fal/prices.ts: [dev] $0.012 the first MP and each next, so per MP, at fal's
 * sizes for it). fal documents no size limit for FLUX.1: held to FLUX1.1 [pro]'s (stricter). Text to image only (no
 * references through the router). Not exact: neither HF nor fal reports the charge.
 */
const routedToFal = (model: string, perMp: string, sizes: SizeRule = FLUX11_SIZES): PriceEntry => ({
  rule: { kind: 'per-megapixel', unit: 'usd', perMp },
  source: {
    name: 'fal prices, through Hugging Face',
    asOf: '2026-11-23',
    url: 'https://fal.ai/models/fal-ai/' + model,
  },
  exact: false,
  sizes,
  references: referenceRule(0),
  model: 'fal-ai/' + model,
});

export const prices: ProviderPrices = {
  'flux-2-klein-4b': routedToFal('flux-2/klein/4b', '0.005', FLUX2_SIZES),
  'flux-2-dev': routedToFal('flux-2', '0.012', FLUX2_DEV_SIZES),
  'flux-1-schnell': routedToFal('flux/schnell', '0.003'),
  'flux-1-dev': routedToFal('flux/dev', '0.025'),
};
