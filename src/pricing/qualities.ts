import { invalid } from '../base/checks.js';
import type { PricesStrings } from '../strings/prices.js';
import type { Capability, Fitted } from './capabilities.js';
import type { PriceRule } from './price-book.js';

/**
 * What the provider makes of a request under a rule with quality tiers (GPT Image's quality, Gemini's resolution, a
 * Seedream tier), the `fit` of the pricers that price them (tokens.ts, tiers.ts). The quality priced is the quality
 * sent: the one the size decides where it does (a ratios rule's `tiers`, Pollinations' Nano Banana), else the one
 * asked, else the price book's, never the provider's default. Where the tier decides the size made (a ratios rule's
 * `tierScales`: Gemini's 4K makes its 1K sizes with each side four times as long), the request is fitted to that size,
 * so that the size shown, its megapixels and the note beside it say what the provider makes (not "1 MP" over a
 * 4096×4096 image at 4K).
 */
export function fitQuality(
  rule: PriceRule,
  fit: (capability?: Capability) => Fitted,
  capability: Capability,
  asked: string | undefined,
  model: string,
  text: PricesStrings,
): Fitted {
  const fitted = fit();
  if (!('qualities' in rule)) return fitted;
  const quality = (fitted.quality ??= asked ?? rule.quality);
  if (!rule.qualities.includes(quality)) invalid(text.qualityNotTaken(model, quality, rule.qualities));
  const { sizes } = capability;
  const scale = sizes.kind === 'ratios' ? sizes.tierScales?.[quality] : undefined;
  if (sizes.kind !== 'ratios' || !scale || scale === 1) return fitted;
  const times = (side: number) => Math.round(side * scale);
  const made = Object.fromEntries(
    Object.entries(sizes.made ?? {}).map(([ratio, size]) => [ratio, size.split('x').map(Number).map(times).join('x')]),
  );
  const scaled = fit({ ...capability, sizes: { ...sizes, made, pixels: sizes.pixels * scale * scale } });
  return { ...scaled, quality };
}
