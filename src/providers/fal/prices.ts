import type { PriceSource } from '../../base/types.js';
import Decimal from 'decimal.js';
import {
  FLUX2_SIZES,
  OUTPAINTING_SIZES,
  referenceRule,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';
import { families } from './families.js';

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
 * BFL's tools that fal sells on the user's own key (SPEC §13): FLUX.1 Fill [pro], which repaints what is painted;
 * FLUX Erase, which removes it; and FLUX Outpainting, which extends it. Each edits the image it is sent and makes none
 * from text alone; the output takes the image's size (Outpainting's, the image with its sides). Priced per megapixel at
 * the unit price fal's pricing API answers the user's key (`GET https://api.fal.ai/v1/models/pricing?endpoint_id=…`,
 * unit `megapixels`: live-prices.ts), else at these bundled prices from each endpoint's model page, read 2026-11-28.
 * Not exact, as fal's FLUX prices are not: fal reports no charge, and its pages do not say whether a megapixel is 10⁶
 * pixels or 1024². The kinds of edit each makes are in edit-prices.ts.
 */
export interface FalTool {
  /** fal's endpoint id: where it is submitted, and what its pricing API is asked for. */
  endpoint: string;
  /** USD per megapixel, as bundled: the first megapixel's, where the price has more than one figure. */
  usd: string;
  page: string;
  /** The price-book entry at `usd` per megapixel. */
  entry(usd: string): Omit<PriceEntry, 'source'>;
}

/**
 * Fill (fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt: "$0.05 per megapixels"; fal's API reference: "Billed by
 * rounding up to nearest megapixel"): per started megapixel of the image made, which is the image sent. The image is
 * sent at 4 MP at most, as references are (`referenceRule`): its megapixels are then at most 4 however fal counts
 * them.
 */
const fill = (usd: string): Omit<PriceEntry, 'source'> => ({
  rule: { kind: 'per-megapixel', unit: 'usd', perMp: usd },
  exact: false,
  sizes: { kind: 'input' },
  references: referenceRule(1, { required: true }),
});

/**
 * Erase (fal.ai/models/fal-ai/flux-pro/v1/erase/llms.txt: "$0.03 for the first megapixel generated, then $0.004 for
 * each subsequent megapixel. Each reference megapixel also costs $0.004 set at 3 MP minimum"). The image is sent at
 * 3,000,000 pixels at most, which is at most 3 MP whether fal counts 10⁶ pixels or 1024² (the model was trained at about
 * 1 MP, Runware's FLUX Erase page): its megapixels are then always billed as the 3 of the minimum, 3 × $0.004, folded
 * into the first megapixel made: $0.042, then $0.004 for each further one made. A live unit price is the first
 * megapixel's ($0.03 as bundled): the other figures are taken to move with it, in proportion (an account's discount,
 * "Custom pricing or discounts may be applied based on account status", fal's pricing API; UNVERIFIED for this
 * endpoint).
 */
const ERASE_FIRST = '0.03';
const erase = (usd: string): Omit<PriceEntry, 'source'> => {
  const extra = new Decimal(usd).div(ERASE_FIRST).mul('0.004');
  return {
    rule: {
      kind: 'megapixel',
      unit: 'usd',
      first: extra.mul(3).add(usd).toFixed(),
      extra: extra.toFixed(),
      inputs: false,
    },
    exact: false,
    sizes: { kind: 'input' },
    references: referenceRule(1, { required: true, maxPixels: 3_000_000 }),
  };
};

/**
 * FLUX Outpainting through fal, `fal-ai/flux-2-pro/outpaint` ("Expand an image beyond its borders using BFL FLUX
 * Outpainting", fal.ai/models/fal-ai/flux-2-pro/outpaint/api; its input and price in …/outpaint/llms.txt, read
 * 2026-11-28): "$0.03 for the first megapixel of output, plus $0.015 per extra megapixel of input and output, rounded
 * up to the nearest megapixel" (its 1920×1080 is 2 of them: megapixels of 1024²). Whether the image sent counts, fal's
 * own example (a 1024×1024 image, $0.03) leaves open: counted, the stricter reading. A live unit price is the first
 * megapixel's: the further one moves with it, in proportion (half of it), as Erase's do. The canvas as BFL's route
 * makes it (at most 4 MP: fal sends it to BFL's model, and states no limit of its own); the image never resized (its
 * sides are counted in its pixels). fal reports no charge: the quote is booked.
 */
const OUTPAINT_FIRST = '0.03';
const outpaint = (usd: string): Omit<PriceEntry, 'source'> => ({
  rule: { kind: 'megapixel', unit: 'usd', first: usd, extra: new Decimal(usd).div(2).toFixed(), inputs: true },
  exact: false,
  sizes: OUTPAINTING_SIZES,
  references: referenceRule(1, { required: true, maxPixels: 4 * 1024 * 1024 }),
});

/** fal's FLUX tools here, by our id (models.ts: the ids BFL's own tools have). */
export const FAL_TOOLS: Record<string, FalTool> = {
  'flux-pro-1.0-fill': {
    endpoint: 'fal-ai/flux-pro/v1/fill',
    usd: '0.05',
    page: 'https://fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt',
    entry: fill,
  },
  'flux-erase': {
    endpoint: 'fal-ai/flux-pro/v1/erase',
    usd: ERASE_FIRST,
    page: 'https://fal.ai/models/fal-ai/flux-pro/v1/erase/llms.txt',
    entry: erase,
  },
  'flux-outpainting': {
    endpoint: 'fal-ai/flux-2-pro/outpaint',
    usd: OUTPAINT_FIRST,
    page: 'https://fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt',
    entry: outpaint,
  },
};

/** The entries at `usd` per megapixel (by our id; the bundled price where none is given), each with `source`. */
export function falToolPrices(usd: Record<string, string>, source?: PriceSource): ProviderPrices {
  const prices: ProviderPrices = {};
  for (const [id, tool] of Object.entries(FAL_TOOLS)) {
    const live = usd[id];
    prices[id] = {
      ...tool.entry(live ?? tool.usd),
      model: tool.endpoint,
      source: live && source ? source : { name: 'fal model page (bundled)', asOf: '2026-11-28', url: tool.page },
    };
  }
  return prices;
}

/** fal's FLUX tools at the bundled prices. */
export const tools: ProviderPrices = falToolPrices({});

/**
 * fal's prices, in USD: FLUX.2's, the other families' (families.ts) and BFL's tools fal sells, Fill, Erase and
 * Outpainting (above). FLUX.1 on fal is not wired for text.
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
