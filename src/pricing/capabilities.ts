import { prices, type PricesStrings } from '../strings/prices.js';
import type { ProviderId, Size } from '../base/types.js';
import type { ModelInfo } from './models.js';

/**
 * What each provider can make of each model, beside its price (a `PriceEntry` carries `sizes` and `references`; every
 * entry, with its source, is in its provider's folder: src/providers/<id>/prices.ts). The size picker, the reference
 * picker, the quote and the checks before a submission all read these rules, so that what the user sees is what the
 * provider makes.
 */

/** How a provider takes the size of the image. */
export type SizeRule =
  /**
   * Exact pixels: each side a multiple of `step`, at least `min`, at most `max`; the area at most `maxPixels` and at
   * least `minPixels`; the long side at most `longest` times the short one.
   */
  | {
      kind: 'pixels';
      step: number;
      min: number;
      max?: number;
      maxPixels?: number;
      minPixels?: number;
      longest?: number;
    }
  /** Only these sizes, `WxH` (GPT Image 1, 1.5, 1-mini: OpenAI's API reference); any other is refused. */
  | { kind: 'sizes'; sizes: readonly string[] }
  /** Any size: the provider rounds each side to a multiple of `step` (at least `min`), and makes and bills that. */
  | { kind: 'snapped'; step: number; min: number }
  /**
   * Only these aspect ratios, at about `pixels` whatever size was asked; or, with `levels`, at about the one of those
   * pixel counts nearest the size asked (OpenRouter's `image_size` tiers); or, with `made`, at the size the provider
   * documents for each ratio (`WxH`: Google's Imagen). With `within`, a size whose shape is further than that from
   * every ratio (on a log scale: 0.1 is some 10%) is refused, not made at another shape.
   */
  | {
      kind: 'ratios';
      ratios: readonly string[];
      pixels: number;
      levels?: readonly number[];
      made?: Record<string, string>;
      within?: number;
      /**
       * With `levels` and `made`, the quality tier each level is made at (Pollinations' Nano Banana: 1K, 2K, 4K, the
       * tier following the pixels asked), priced and sent whatever quality was asked: the n-th makes the `made` size
       * with its sides × 2ⁿ (Google's 1K, 2K, 4K sizes).
       */
      tiers?: readonly string[];
      /**
       * The quality tiers that decide the size made (the tier sent, whatever the size asked: Gemini's resolution), and
       * how many times as long each makes the sides of `made` (or `pixels`' sides): 512 ½, 1K 1, 2K 2, 4K 4. Read
       * where the quality is settled (src/pricing/qualities.ts).
       */
      tierScales?: Readonly<Record<string, number>>;
    }
  /** An aspect ratio between `widest` (e.g. [21, 9]) and its inverse; the provider chooses the pixels. */
  | { kind: 'aspect'; widest: readonly [number, number] }
  /** The output takes the size of the image to edit. */
  | { kind: 'input' };

/** How a provider takes reference images. */
export interface ReferenceRule {
  /** How many it takes (0: none). */
  max: number;
  /** The model edits an image and makes none from text alone. */
  required?: boolean;
  /** A larger reference is resized to at most this many pixels (keeping its shape) before it is sent. */
  maxPixels: number;
  /** Each reference, as sent, at least this many pixels on each side (FLUX 3: 256); a smaller one is refused. */
  minSide?: number;
  /** The output and every reference together may not exceed this many pixels. */
  totalPixels?: number;
}

export interface Capability {
  sizes: SizeRule;
  references: ReferenceRule;
}

const MP = 1024 * 1024;

/**
 * A limit of `pixels` in megapixels as its source states it, rounded for reading: BFL's limits are whole megapixels of
 * 1024² pixels (4 MP is 4,194,304: docs.bfl.ai, FLUX Outpainting's "4 megapixels (4,194,304 pixels)"), the others'
 * megapixels of a million pixels (Pollinations' "up to 2.4 megapixels"; GPT Image 2's 8,294,400 pixels, 8.3), said to
 * a tenth. Never "3.814697265625 megapixels".
 */
export const megapixelsSaid = (pixels: number) => (pixels % MP === 0 ? pixels / MP : Math.round(pixels / 100_000) / 10);

/**
 * References above 4 MP are resized to 4 MP by the providers (fal's pricing notes for the FLUX.2 edit
 * endpoints; BFL processes at most 4 MP): the widget resizes them first, to 4,000,000 pixels, which is at
 * most 4 MP whether a provider counts a megapixel as 10⁶ pixels (Puter, fal) or 1024² (BFL).
 */
export const REFERENCE_MAX_PIXELS = 4_000_000;

/** References resized to 4 MP (`REFERENCE_MAX_PIXELS`), none required, at most `max` of them; `more` as it says. */
export const referenceRule = (max: number, more: Partial<ReferenceRule> = {}): ReferenceRule => ({
  max,
  maxPixels: REFERENCE_MAX_PIXELS,
  ...more,
});

/** BFL FLUX.2: sides multiples of 16, at least 64, at most 4 MP (help.bfl.ai, "FLUX.2 Technical Specifications"). */
export const FLUX2_SIZES: SizeRule = { kind: 'pixels', step: 16, min: 64, maxPixels: 4 * MP };
/** FLUX1.1 [pro]: multiples of 32 in 256–1440 (BFL's OpenAPI schema, FluxPro11Inputs). */
export const FLUX11_SIZES: SizeRule = { kind: 'pixels', step: 32, min: 256, max: 1440 };
/**
 * FLUX Outpainting's canvas, at BFL and through fal: sides of at least 64 whole pixels, "width × height cannot exceed 4
 * megapixels (4,194,304 pixels)" (docs.bfl.ai/flux_tools/flux_outpainting); no step (2730 × 1536 is its own example).
 */
export const OUTPAINTING_SIZES: SizeRule = { kind: 'pixels', step: 1, min: 64, maxPixels: 4 * MP };
/** Ultra and Kontext take an aspect ratio between 21:9 and 9:21 (BFL's OpenAPI schema, FluxKontextProInputs). */
export const ASPECT_SIZES: SizeRule = { kind: 'aspect', widest: [21, 9] };

/**
 * What the provider makes of a model whose price-book entry says what: the entry's own rules, else BFL's for FLUX.2
 * models, and up to 4 references (none at a gateway).
 */
export const capabilityOf = (entry: { sizes?: SizeRule; references?: ReferenceRule }, provider: ProviderId) => ({
  sizes: entry.sizes ?? FLUX2_SIZES,
  references: entry.references ?? referenceRule(provider === 'openai' ? 0 : 4),
});

/** What the provider will make of a request, and what the widget changed to fit it. */
export interface Fitted {
  /** The size the provider makes (and bills). */
  width: number;
  height: number;
  /** The aspect ratio sent, for providers that take one. */
  ratio?: string;
  /** The quality tier sent, for models that have one (GPT Image): the one asked, else the price book's. */
  quality?: string;
  /** The reference images as they are sent (resized to fit). */
  inputs: Size[];
  /** Why this cannot be sent as it is, in plain words; the preview shows it instead of the price. */
  problem?: string;
  /** What was changed to fit (a size snapped, a reference resized), in plain words. */
  note?: string;
  /** An edit's mask, as it is sent (the size of the image it edits), where the edit has one. */
  mask?: Size;
  /** The request edits its first input: the quote names that one the image to edit, the rest reference images. */
  editing?: true;
  /** What an edit that goes on with its image's conversation sends again besides the image (`PublicEdit.earlier`). */
  earlier?: { images: number; textBytes: number };
}

/** The greatest common divisor of two whole numbers. */
export const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** The reduced `W:H` of a size, e.g. 1920×1080 → '16:9'. Expects whole numbers. */
export function aspectRatio(width: number, height: number): string {
  const divisor = gcd(width, height);
  return `${width / divisor}:${height / divisor}`;
}

/** `W:H` as a number ('16:9' → 1.78). */
export const ratioValue = (ratio: string) => {
  const [w, h] = ratio.split(':').map(Number);
  return w / h;
};

/**
 * Of `items`, the one whose `value` is nearest `wanted` on a log scale (so that 2:1 and 1:2 are as far from 1:1, and
 * 2 MP as far from 1 MP as 0.5 MP is); the first of those as near.
 */
export const nearest = <T>(items: readonly T[], value: (item: T) => number, wanted: number) =>
  items.reduce((best, item) =>
    Math.abs(Math.log(value(item) / wanted)) < Math.abs(Math.log(value(best) / wanted)) ? item : best,
  );

/** The ratio of `ratios` nearest to width × height's. */
export const nearestRatio = (ratios: readonly string[], width: number, height: number) =>
  nearest(ratios, ratioValue, width / height);

/** `value` rounded to a multiple of `step`, at least `min`. */
const snap = (value: number, step: number, min: number) => Math.max(min, Math.round(value / step) * step);

/** About `pixels` at `ratio`, sides multiples of 16: what a provider that takes only a ratio makes. */
export function sizeOfRatio(ratio: string, pixels: number): { width: number; height: number } {
  const value = ratioValue(ratio);
  return { width: snap(Math.sqrt(pixels * value), 16, 16), height: snap(Math.sqrt(pixels / value), 16, 16) };
}

/** The pixels a ratio rule makes of a request for `pixels`: its level nearest, else its one size. */
export const nearestLevel = (rule: { pixels: number; levels?: readonly number[] }, pixels: number) =>
  nearest(rule.levels ?? [rule.pixels], (level) => level, pixels);

/** `size` scaled down (keeping its shape) to at most `maxPixels`; unchanged when it fits. */
export function fitWithin(size: Size, maxPixels: number): Size {
  const { width, height } = size;
  if (width * height <= maxPixels) return { width, height };
  const scale = Math.sqrt(maxPixels / (width * height));
  const fitted = { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
  // Rounding may leave it a few pixels over: trim the longer side until it fits.
  while (fitted.width * fitted.height > maxPixels) {
    if (fitted.width >= fitted.height) fitted.width--;
    else fitted.height--;
  }
  return fitted;
}

/**
 * A side that is not a multiple of `step`: the multiples either side of it, the one above only where it fits `most`
 * (the area left beside the other side; a side's own maximum is a multiple of its step, so the one above is within it).
 */
function stepProblem(
  side: string,
  value: number,
  step: number,
  who: string,
  most: number,
  text: PricesStrings,
): string | undefined {
  const below = value - (value % step);
  const above = below + step;
  return below === value ? undefined : text.multipleOf(side, step, who, below, above <= most ? above : undefined);
}

/** What is wrong with one side (`other` the other side's length, for the area), in words a user can act on. */
function sideProblem(
  rule: SizeRule & { kind: 'pixels' },
  model: ModelInfo,
  side: string,
  value: number,
  other: number,
  text: PricesStrings,
) {
  if (rule.max !== undefined && (value < rule.min || value > rule.max)) {
    return text.sideBetween(side, model.label, rule.min, rule.max, value < rule.min ? rule.min : rule.max);
  }
  if (value < rule.min) return text.atLeast(side, rule.min, model.label);
  return stepProblem(side, value, rule.step, model.label, (rule.maxPixels ?? Infinity) / other, text);
}

/** The first rule of `rule` that width × height breaks, in words a user can act on. */
function pixelProblem(
  rule: SizeRule & { kind: 'pixels' },
  model: ModelInfo,
  width: number,
  height: number,
  text: PricesStrings,
) {
  const most = rule.maxPixels;
  const { minPixels = 0, longest = Infinity } = rule;
  if (!most || width * height <= most) {
    const side =
      sideProblem(rule, model, text.width(), width, height, text) ??
      sideProblem(rule, model, text.height(), height, width, text);
    if (side) return side;
    if (Math.max(width, height) > longest * Math.min(width, height)) return text.tooLong(model.label, longest);
    if (width * height < minPixels) {
      // The smallest square of steps that has them.
      const square = Math.ceil(Math.sqrt(minPixels) / rule.step) * rule.step;
      return text.atLeastPixels(model.label, minPixels, square, square);
    }
    return undefined;
  }
  // Too large first: its advice is a whole size the model makes, where a side's own ("try 2992 or 3008" for 3000×2000)
  // would still be too large. The largest size of about the same shape: the width scaled down to a step (never under
  // the smallest side), the height what the area leaves of the one asked; a shape so long that the height would fall
  // under the smallest side gets the smallest, and the width the area leaves (1e9×1024 → 65536×64).
  const down = (length: number) => Math.floor(length / rule.step) * rule.step;
  let fitWidth = Math.max(rule.min, down(width * Math.sqrt(most / (width * height))));
  let fitHeight = down(Math.min(height, most / fitWidth));
  if (fitHeight < rule.min) [fitWidth, fitHeight] = [down(most / rule.min), rule.min];
  return text.atMostMegapixels(model.label, megapixelsSaid(most), fitWidth, fitHeight);
}

/**
 * What `capability` makes of a request for `model` at width × height with `inputs` (whole pixels, checked by
 * the caller): the size made and billed, the ratio sent, the references as sent, and what cannot be sent.
 */
export function fitRequest(
  capability: Capability,
  model: ModelInfo,
  width: number,
  height: number,
  inputs: Size[],
  text = prices,
) {
  const { sizes, references } = capability;
  const notes: string[] = [];
  const fitted: Fitted = { width, height, inputs: [] };
  let problem: string | undefined;
  if (sizes.kind === 'pixels') problem = pixelProblem(sizes, model, width, height, text);
  else if (sizes.kind === 'sizes') {
    if (!sizes.sizes.includes(`${width}x${height}`)) problem = text.sizesOnly(model.label, sizes.sizes);
  } else if (sizes.kind === 'snapped') {
    Object.assign(fitted, { width: snap(width, sizes.step, sizes.min), height: snap(height, sizes.step, sizes.min) });
    if (fitted.width !== width || fitted.height !== height) {
      notes.push(text.snappedTo(fitted.width, fitted.height, sizes.step));
    }
  } else if (sizes.kind === 'ratios') {
    const ratio = nearestRatio(sizes.ratios, width, height);
    const level = nearestLevel(sizes, width * height);
    const tier = sizes.tiers ? sizes.levels!.indexOf(level) : 0;
    const [madeWidth, madeHeight] = (sizes.made?.[ratio] ?? '').split('x').map((side) => Number(side) << tier);
    const made = madeWidth ? { width: madeWidth, height: madeHeight } : sizeOfRatio(ratio, level);
    Object.assign(fitted, { ratio, ...made }, sizes.tiers && { quality: sizes.tiers[tier] });
    if (Math.abs(Math.log((ratioValue(ratio) * height) / width)) > (sizes.within ?? Infinity)) {
      problem = text.sizesOnly(model.label, sizes.ratios);
    } else if (fitted.width !== width || fitted.height !== height) {
      notes.push(text.madeAsRatio(ratio, fitted.width, fitted.height));
    }
  } else if (sizes.kind === 'aspect') {
    const [wide, high] = sizes.widest;
    fitted.ratio = aspectRatio(width, height);
    if (high * width > wide * height || high * height > wide * width) {
      problem = text.aspectRange(model.label, width, height, fitted.ratio);
    }
  }

  if (inputs.length > references.max) {
    problem ??= references.max
      ? text.tooManyReferences(model.label, references.max, inputs.length - references.max)
      : text.referencesUnsupported();
  } else if (references.required && !inputs.length) problem ??= text.needsImage(model.label);

  // Each reference gets at most its share of what the total allows beside the output.
  const share = references.totalPixels
    ? Math.floor((references.totalPixels - fitted.width * fitted.height) / Math.max(1, inputs.length))
    : Infinity;
  if (inputs.length && share < 64 * 64) problem ??= text.totalTooLarge(megapixelsSaid(references.totalPixels!));
  inputs.forEach((input, index) => {
    const sent = fitWithin(input, Math.min(references.maxPixels, share));
    fitted.inputs.push(sent);
    if (sent.width !== input.width) notes.push(text.referenceResized(index + 1, input, sent));
    // Held to as sent: a reference resized down may come under the least side the model takes.
    const least = references.minSide ?? 0;
    if (Math.min(sent.width, sent.height) < least)
      problem ??= text.referenceTooSmall(index + 1, sent, model.label, least);
  });
  if (sizes.kind === 'input' && fitted.inputs[0]) Object.assign(fitted, fitted.inputs[0]); // the edited image's size
  if (problem) fitted.problem = problem;
  if (notes.length) fitted.note = notes.join(' ');
  return fitted;
}
