import type { PriceSource } from '../../base/types.js';
import {
  referenceRule,
  type Capability,
  type PriceEntry,
  type ProviderPrices,
  type SizeRule,
} from '../../pricing/index.js';
import { prices as familyPrices } from './families.js';

const MP = 1024 * 1024;

/**
 * Replicate's FLUX models take an aspect ratio from this list and make about 1 MP (`resolution: 1 MP`) whatever
 * pixel size is asked; Puter reduces the `ratio {w, h}` it is sent to `"w:h"` by their gcd and passes it on
 * (HeyPuter/puter src/backend/drivers/ai-image/providers/replicate/ReplicateImageGenerationProvider.ts l.228-231,
 * l.334-346, at 8307e8c; the list is Replicate's input schema, as in Puter's replicate/catalog.ts). Any other
 * ratio comes back as a 400 `upstream_bad_request`.
 */
const REPLICATE_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'],
  pixels: MP,
};

/**
 * Together AI rounds each side to a multiple of 8, at least 64, makes and bills that size; it takes one input
 * image (a second in `input_images` is dropped, more are refused), and Puter's Kontext models require one
 * (TogetherImageProvider.ts l.336-341 and l.94-101, inputImage.ts l.53-66).
 */
const TOGETHER_SIZES: SizeRule = { kind: 'snapped', step: 8, min: 64 };

/**
 * A model Replicate serves: its `costs`, at Replicate's ratios, with up to `maxReferences` references; `singleImage`
 * where Replicate's model takes one image in a field of its own, which Puter fills from `input_image` alone
 * (ReplicateImageGenerationProvider.ts `generate`, `singleImageInputKey`: FLUX1.1 [pro]'s `image_prompt`).
 */
const replicate = (costs: Record<string, string>, maxReferences: number, singleImage = false) => ({
  costs,
  sizes: REPLICATE_SIZES,
  references: referenceRule(maxReferences),
  ...(singleImage && { singleImage }),
});
/** A model Together AI serves: its `costs`, at the size it snaps to, with one reference (`required` for Kontext). */
const together = (costs: Record<string, string>, required = false) => ({
  costs,
  sizes: TOGETHER_SIZES,
  references: referenceRule(1, required ? { required } : {}),
});

/**
 * Puter (the default provider): our model id → the `costs` its catalogue lists (a copy of `GET
 * https://api.puter.com/puterai/image/models/details`, as recorded from HeyPuter/puter@8307e8c in
 * test/recorded/puter/models-details.json), and what it makes of the model (Puter's own ids for them, which only the
 * engine needs, are PUTER_IDS in live-prices.ts). Replicate serves [klein] 4B, [klein] 9B base, [dev], [pro] and
 * FLUX1.1 [pro] (references: `images` ≤ 4, `input_images` ≤ 4 for [dev] and ≤ 8 for [pro], `image_prompt` 1),
 * Together AI [flex], [max] and Kontext; Ultra and Fill are not on Puter. [dev] is billed at `costs_go_fast` (1.2¢ per
 * MP, not 1.4¢): its `param_transforms` default `go_fast` to true, and ReplicateImageGenerationProvider.ts
 * (#applyTransforms, #resolveCosts) bills the fast costs then. The widget lays the live catalogue over these costs.
 * Not exact: Together bills the pixel pair Puter passes before it snaps it (TogetherImageProvider.ts l.141-148), and
 * the live catalogue may have moved since this copy; so the drop of the user's balance is booked where it is known
 * (adapter.ts).
 */
export const PUTER_MODELS: Record<string, { costs: Record<string, string>; singleImage?: boolean } & Capability> = {
  'flux-2-klein-4b': replicate({ input_mp: '0.1', output_mp: '0.1' }, 4),
  'flux-2-klein-9b-base': replicate({ input_mp: '1.1', output_mp: '1.1' }, 4),
  // Replicate's flux-2-dev schema: `input_images` "Maximum 4 images" (replicate.com/black-forest-labs/flux-2-dev/api).
  'flux-2-dev': replicate({ input_mp: '1.2', output_mp: '1.2' }, 4),
  'flux-2-pro': replicate({ run: '1.5', input_mp: '1.5', output_mp: '1.5' }, 8),
  'flux-2-flex': together({ 'per-image': '3' }),
  'flux-2-max': together({ '1MP': '7' }),
  'flux-kontext-pro': together({ '1MP': '4' }, true),
  'flux-kontext-max': together({ '1MP': '8' }, true),
  'flux-pro-1.1': replicate({ output: '4' }, 1, true),
};

/** The `puter` price entry of a model: Puter catalogue `costs` (bundled or live) with what Puter makes of it. */
export const puterEntry = (id: string, costs: Record<string, string>, source: PriceSource): PriceEntry => ({
  rule: { kind: 'puter', unit: 'usd', costs },
  source,
  exact: false,
  sizes: PUTER_MODELS[id].sizes,
  references: PUTER_MODELS[id].references,
});

/**
 * Puter's prices as bundled, FLUX's and the other families' (families.ts): the widget lays the live catalogue over
 * them (live-prices.ts).
 */
export const prices: ProviderPrices = {};
for (const id in PUTER_MODELS) {
  prices[id] = puterEntry(id, PUTER_MODELS[id].costs, {
    name: 'Puter model catalogue (bundled)',
    asOf: '2026-11-22',
    url: 'https://api.puter.com/puterai/image/models/details',
  });
}
Object.assign(prices, familyPrices);
