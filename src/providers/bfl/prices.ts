import type { PriceSource } from '../../base/types.js';
import {
  ASPECT_SIZES,
  FLUX11_SIZES,
  FLUX2_SIZES,
  OUTPAINTING_SIZES,
  referenceRule,
  type Capability,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
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

/**
 * FLUX 3 Image at BFL (`POST /v1/flux-3-image`, docs.bfl.ai/flux_3/flux3_image_generate): one price per image by
 * resolution class, sent as `resolution` (the request's quality, always sent: 1k where the page names none), in credits
 * (a credit is a cent). UNVERIFIED: no BFL page found states them; two third parties restate BFL's pricing page of
 * 2026-10-01 alike (768sq 0.041, 1k 0.048, 2k 0.10, 4k 0.607; 1.5k 0.07 read from a reseller's 80% of list), so the
 * quote is not exact and the ledger books BFL's reported `cost`. Whether references or BFL's web `grounding` (left to
 * its default) add anything is not known either.
 */
const FLUX3_CREDITS: Record<string, string> = { '768sq': '4.1', '1k': '4.8', '1.5k': '7', '2k': '10', '4k': '60.7' };
const FLUX3_PRICES: PriceSource = {
  name: 'BFL pricing page (2026-10-01), as third parties restate it',
  restated: 'others',
  asOf: '2026-11-27',
  url: 'https://bfl.ai/pricing',
};

/**
 * FLUX 3's sizes: an `aspect_ratio` of its list (the nearest to the size asked; its `auto`, the model's own choice of
 * shape, is never sent), at its class's area. BFL publishes no pixel sizes per class: read here from each class's name
 * as the side of a square (768sq is 768×768; 1k 1024², 1 MP; 1.5k 1536²; 2k 2048²; 4k 4096², 16 MP, the most a
 * reference may have), each ratio made at about that many pixels, sides multiples of 16 (`sizeOfRatio`: 1k 16:9 is
 * 1360×768). UNVERIFIED, as the classes' enum is (Comfy Router's copy of BFL's schema; Replicate's model page).
 */
const FLUX3_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: '21:9 2:1 16:9 3:2 7:5 4:3 5:4 1:1 4:5 3:4 5:7 2:3 9:16 1:2 9:21'.split(' '),
  pixels: MP,
  tierScales: { '768sq': 0.75, '1k': 1, '1.5k': 1.5, '2k': 2, '4k': 4 },
};

/**
 * FLUX 3 Image's entry: references in `images`, at most 10, each 256×256 to 16 MP (BFL's schema as bfl-flux-3.mjs plays
 * it; its 422 names the image): sent at 4 MP at most (BFL resizes them to its 2k bin anyway), so never over 16 MP, and
 * one with a side under 256 as sent refused before sending (`minSide`), in words; no mask. Released by the API's
 * publication, 2026-10-01 (UNVERIFIED: third parties' date; BFL's early access began 2026-07-23); no shutdown
 * announced.
 */
const flux3: PriceEntry = {
  rule: { kind: 'tier', unit: 'credit', costs: FLUX3_CREDITS, qualities: Object.keys(FLUX3_CREDITS), quality: '1k' },
  source: FLUX3_PRICES,
  exact: false,
  lifecycle: {
    released: '2026-10-01',
    source: {
      name: 'FLUX 3 API publication, as third parties date it',
      asOf: '2026-11-27',
      url: 'https://docs.bfl.ai/flux_3/flux3_image_overview',
    },
  },
  sizes: FLUX3_SIZES,
  references: referenceRule(10, { minSide: 256 }),
};

/**
 * FLUX.1 at BFL, flat per image, with its size rule and references (the schemas of BFL's OpenAPI, named in the table);
 * the kinds of edit each makes are in edit-prices.ts.
 */
const bflFlat = (perImage: string, capability: Capability): PriceEntry => ({
  rule: { kind: 'flat', unit: 'credit', perImage },
  source: BFL_DOCS,
  exact: true,
  ...capability,
});

/**
 * FLUX Erase at BFL (`POST /v1/flux-tools/erase-v1`, docs.bfl.ml/flux_erase and
 * docs.bfl.ml/api-reference/models/erase-an-object-from-an-image.md): the image and a black-and-white mask of its size,
 * no prompt; the output takes the image's size. BFL's own price is UNVERIFIED (no BFL page found states it): bundled
 * as an estimate from its resellers, fal (fal-ai/flux-pro/v1/erase) and Runware (runware.ai/docs/models/bfl-flux-erase),
 * read 2026-11-28: "$0.03 for the first megapixel generated, then $0.004 for each subsequent megapixel. Each reference
 * megapixel also costs $0.004 set at 3 MP minimum" (fal; Runware the same figures without the minimum). So the reply's
 * `cost` books the truth. No existing rule says a minimum, so the image is sent at most 3 MP (`maxPixels`; the model
 * was trained at about 1 MP, Runware's page; SPEC §13 sends an input at 1 MP unless the user keeps it whole): its MP
 * are then always billed as the 3 of the minimum, 1.2 credits, folded into the first megapixel made: 3 + 1.2 = 4.2
 * credits, and 0.4 for each further megapixel made. The resellers' formula exactly, for every size sent.
 */
const ERASE_ESTIMATE: PriceSource = {
  name: "fal's and Runware's FLUX Erase prices",
  restated: 'resellers', // BFL's own price: UNVERIFIED
  asOf: '2026-11-28',
  url: 'https://runware.ai/docs/models/bfl-flux-erase',
};
const fluxErase: PriceEntry = {
  rule: { kind: 'megapixel', unit: 'credit', first: '4.2', extra: '0.4', inputs: false },
  source: ERASE_ESTIMATE,
  exact: false,
  lifecycle: {
    // UNVERIFIED: Runware's model page dates it; BFL's release notes were not read.
    released: '2026-05-21',
    source: {
      name: "Runware's FLUX Erase page",
      asOf: '2026-11-28',
      url: 'https://runware.ai/docs/models/bfl-flux-erase',
    },
  },
  sizes: { kind: 'input' },
  // Its image is required: like Fill, never a picture made from text alone. At most 3 MP: see above.
  references: referenceRule(1, { required: true, maxPixels: 3 * MP }),
};

/**
 * FLUX Outpainting at BFL (`POST /v1/flux-tools/outpainting-v1`, docs.bfl.ai/flux_tools/flux_outpainting and
 * docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image, read 2026-11-28): the image placed on a canvas of
 * `width` × `height` at its offsets, the rest made around it. The canvas: each side at least 64, "cannot exceed 4
 * megapixels (4,194,304 pixels)" (422 above), any whole number of pixels (the docs' own example, 2730 × 1536, is no
 * multiple of 16); the image must lie within it. So an extend's canvas is the image with its sides around it (never
 * resized: its sides are counted in its pixels; an image over 4 MP cannot be extended at all).
 *
 * BFL's own price is UNVERIFIED (no BFL page found states it; `mode` `fast` is "typically lower cost", and the widget
 * sends `high`, its default). Two resellers, read 2026-11-28: Runware, "$0.10 for each output megapixel … Input
 * megapixels are not counted … rounded up to the next megapixel … 1 megapixel is counted as 1024x1024"
 * (runware.ai/docs/models/bfl-flux-outpainting); fal's route, "$0.03 for the first megapixel of output, plus $0.015 per
 * extra megapixel of input and output" (fal's own figure for its own route, at FLUX.2 [pro]'s rates). Bundled here as
 * Runware's, 10 credits per started megapixel made: the higher of the two for every canvas (1 MP: $0.10 against
 * $0.045), so that a budget or a balance that lets the estimate through is not short of what BFL may charge; the
 * reply's `cost` books the truth.
 */
const OUTPAINTING_ESTIMATE: PriceSource = {
  name: "Runware's FLUX Outpainting price",
  restated: 'resellers', // BFL's own price: UNVERIFIED
  asOf: '2026-11-28',
  url: 'https://runware.ai/docs/models/bfl-flux-outpainting',
};
const fluxOutpainting: PriceEntry = {
  rule: { kind: 'megapixel', unit: 'credit', first: '10', extra: '10', inputs: false },
  source: OUTPAINTING_ESTIMATE,
  exact: false,
  lifecycle: {
    // UNVERIFIED: Runware's model page dates it ("Release Date: May 14, 2026"); BFL's release notes add `mode` on
    // 2026-06-09.
    released: '2026-05-14',
    source: {
      name: "Runware's FLUX Outpainting page",
      asOf: '2026-11-28',
      url: 'https://runware.ai/docs/models/bfl-flux-outpainting',
    },
  },
  sizes: OUTPAINTING_SIZES,
  // Its image is required (never a picture from text alone), and never resized (see above).
  references: referenceRule(1, { required: true, maxPixels: 4 * MP }),
};

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
  'flux-3-image': flux3,
  // FluxKontextProInputs: aspect_ratio, input_image … input_image_4 (2–4 "experimental multiref").
  'flux-kontext-pro': bflFlat('4', { sizes: ASPECT_SIZES, references: referenceRule(4) }),
  'flux-kontext-max': bflFlat('8', { sizes: ASPECT_SIZES, references: referenceRule(4) }),
  // FluxPro11Inputs: width/height 256–1440, multiples of 32; one `image_prompt`.
  'flux-pro-1.1': bflFlat('4', { sizes: FLUX11_SIZES, references: referenceRule(1) }),
  // FluxUltraInput: aspect_ratio; one `image_prompt`.
  'flux-pro-1.1-ultra': bflFlat('6', { sizes: ASPECT_SIZES, references: referenceRule(1) }),
  // FluxProFillInputs: `image` required, the output takes its size; `mask` beside it, white where it repaints.
  'flux-pro-1.0-fill': bflFlat('5', { sizes: { kind: 'input' }, references: referenceRule(1, { required: true }) }),
  'flux-erase': fluxErase,
  'flux-outpainting': fluxOutpainting,
};
