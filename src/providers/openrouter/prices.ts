import { referenceRule, type PriceEntry, type ProviderPrices, type SizeRule } from '../../pricing/index.js';
import { prices as familyPrices } from './families.js';

const MP = 1024 * 1024;

/**
 * OpenRouter (`black-forest-labs/flux.2-*` through `POST /api/v1/chat/completions`), in USD, from each model's page
 * (openrouter.ai/black-forest-labs/{model}, "Pricing is as follows, per the docs"): [klein] 4B "$0.014 the first
 * generated megapixel, $0.001 each subsequent" (output only); [pro] $0.03 first, $0.015 each next, $0.015 per input
 * MP; [flex] "$0.06 for each megapixel on both input and output side"; [max] $0.07 first, $0.03 each next, $0.03 per
 * input MP. Megapixels counted as BFL counts them (every started 1024²): OpenRouter does not say how it counts, and
 * BFL's count is never lower. Not exact for that reason; but every reply carries `usage.cost`, the amount charged,
 * which is booked (adapter.ts). References (the image API's `input_references`, or image parts of the chat message)
 * are priced per input megapixel at the model's input price, counted so too ([klein] 4B prices output only: none); at
 * most 8 (FLUX.2 [pro], [flex], [max]) or 4 ([klein]), as BFL takes them, OpenRouter stating no count.
 * Sizes: an `aspect_ratio` of OpenRouter's documented list (openrouter.ai/docs/guides/overview/multimodal/
 * image-generation: 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9) at an `image_size` tier: "1K" (about
 * 1 MP) and "2K" (about 4 MP, kept under FLUX.2's 4 MP); "4K" is beyond what FLUX.2 makes, and OpenRouter names no
 * pixels for a tier ("Concrete pixel dimensions are derived per-provider"): the widget asks for the size it priced.
 */
const OPENROUTER_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'],
  pixels: MP,
  levels: [MP, 4_000_000],
};
/** `inputs`: references are priced, at `extra` per input megapixel (each next output megapixel's price, as listed). */
const openRouter = (model: string, first: string, extra: string, inputs = true): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'usd', first, extra, inputs },
  source: {
    name: 'OpenRouter model page',
    asOf: '2026-11-23',
    url: 'https://openrouter.ai/black-forest-labs/' + model,
  },
  exact: false,
  sizes: OPENROUTER_SIZES,
  references: referenceRule(inputs ? 8 : 4),
});

/** OpenRouter's prices as bundled: FLUX's, and the other families' (families.ts). */
export const prices: ProviderPrices = {
  'flux-2-klein-4b': openRouter('flux.2-klein-4b', '0.014', '0.001', false),
  'flux-2-pro': openRouter('flux.2-pro', '0.03', '0.015'),
  'flux-2-flex': openRouter('flux.2-flex', '0.06', '0.06'),
  'flux-2-max': openRouter('flux.2-max', '0.07', '0.03'),
  ...familyPrices,
};
