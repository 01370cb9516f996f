import type { PriceSource } from '../../base/types.js';
import {
  ASPECT_SIZES,
  FLUX11_SIZES,
  FLUX2_SIZES,
  referenceRule,
  type Capability,
  type PriceEntry,
  type ProviderPrices,
} from '../../pricing/index.js';

const BFL_DOCS: PriceSource = {
  name: 'BFL pricing docs',
  asOf: '2026-11-01',
  url: 'https://docs.bfl.ai/quick_start/pricing',
};

const MP = 1024 * 1024;

/**
 * FLUX.2 at BFL: references `input_image` … `input_image_4` ([klein], Flux2KleinInputs) or … `input_image_8`
 * (Flux2Inputs, Flux2FlexInputs) in BFL's OpenAPI schema; output and references together at most 9 MP
 * (docs.bfl.ml/flux_2/flux2_image_editing: "[pro] up to 8 via API (9MP total limit)"; applied to every FLUX.2
 * model, the stricter reading where BFL says nothing).
 */
const bflMegapixel = (first: string, extra: string, maxReferences: number): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'credit', first, extra, inputs: true },
  source: BFL_DOCS,
  exact: true,
  sizes: FLUX2_SIZES,
  references: referenceRule(maxReferences, { totalPixels: 9 * MP }),
});

/** FLUX.1 at BFL, flat per image, with its size rule and references (the schemas of BFL's OpenAPI, named in the table). */
const bflFlat = (perImage: string, capability: Capability): PriceEntry => ({
  rule: { kind: 'flat', unit: 'credit', perImage },
  source: BFL_DOCS,
  exact: true,
  ...capability,
});

/**
 * BFL's prices, in credits (1 credit = $0.01, `CREDIT_USD`). BFL does not host FLUX.2 [dev] ("Local only",
 * docs.bfl.ai/quick_start/pricing).
 */
export const prices: ProviderPrices = {
  'flux-2-klein-4b': bflMegapixel('1.4', '0.1', 4),
  'flux-2-klein-9b': bflMegapixel('1.5', '0.2', 4),
  'flux-2-pro': bflMegapixel('3', '1.5', 8),
  'flux-2-flex': bflMegapixel('5', '5', 8),
  'flux-2-max': bflMegapixel('7', '3', 8),
  // FluxKontextProInputs: aspect_ratio, input_image … input_image_4 (2–4 "experimental multiref").
  'flux-kontext-pro': bflFlat('4', { sizes: ASPECT_SIZES, references: referenceRule(4) }),
  'flux-kontext-max': bflFlat('8', { sizes: ASPECT_SIZES, references: referenceRule(4) }),
  // FluxPro11Inputs: width/height 256–1440, multiples of 32; one `image_prompt`.
  'flux-pro-1.1': bflFlat('4', { sizes: FLUX11_SIZES, references: referenceRule(1) }),
  // FluxUltraInput: aspect_ratio; one `image_prompt`.
  'flux-pro-1.1-ultra': bflFlat('6', { sizes: ASPECT_SIZES, references: referenceRule(1) }),
  // FluxProFillInputs: `image` required, the output takes its size.
  'flux-pro-1.0-fill': bflFlat('5', { sizes: { kind: 'input' }, references: referenceRule(1, { required: true }) }),
};
