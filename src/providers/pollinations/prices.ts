import { referenceRule, type PriceEntry, type ProviderPrices } from '../../pricing/index.js';
import { prices as familyPrices } from './families.js';

/**
 * Pollinations' image models that are FLUX, by their names at Pollinations: `flux` (FLUX.1 [schnell]) and `klein`
 * (FLUX.2 [klein] 4B), a price per image in pollen whatever the size (shared/registry/image.ts in
 * pollinations/pollinations: 0.002 and 0.005), listed live at `GET {endpoint}/image/models` (`pricing.
 * completionImageTokens`, pollen per image): read there where it answers (adapter.ts, `livePrices`), these bundled
 * ones otherwise, the quote saying which. 1 pollen = $1, Pollinations' own anchor (BRING_YOUR_OWN_POLLEN.md); the card
 * fee when the user buys pollen is not in it. Sides of 64–2560 px, multiples of 16, at most 2.4 MP ("up to 2.4
 * megapixels", the registry's FLUX.2 [klein]; pollinations.ai's own model constraints). [klein] takes up to 10 images
 * (the registry's `maxReferenceImages`, "Pollinations self-hosted route cap", at 0047731e; the live list's
 * `max_reference_images`), sent to `POST /v1/images/edits` (adapter.ts), free (no price of an image sent); [schnell]
 * none. With the site's developer earnings on, the user pays 25 % over these.
 */
const pollinations = (model: string, perImage: string, references = 0): PriceEntry => ({
  rule: { kind: 'flat', unit: 'usd', perImage },
  source: {
    name: 'Pollinations model list (bundled)',
    asOf: '2026-11-24',
    url: 'https://gen.pollinations.ai/image/models',
  },
  exact: true,
  sizes: { kind: 'pixels', step: 16, min: 64, max: 2560, maxPixels: 2_400_000 },
  references: referenceRule(references),
  model,
  // "Developer earnings are opt-in per App Key. When enabled, users pay 25% over base rates" (BRING_YOUR_OWN_POLLEN.md):
  // paid where the page says its App Key has them on (`pollinations-earnings`).
  earningsShare: '0.25',
});

/** Pollinations' FLUX models, priced per image (its live list gives each its own price: live-prices.ts). */
export const fluxPrices: ProviderPrices = {
  'flux-2-klein-4b': pollinations('klein', '0.005', 10),
  'flux-1-schnell': pollinations('flux', '0.002'),
};

/** Pollinations' prices as bundled: FLUX's, and the other families' (families.ts). */
export const prices: ProviderPrices = { ...fluxPrices, ...familyPrices };
