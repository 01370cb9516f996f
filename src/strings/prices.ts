/** What the price book and the quote say: sizes a model cannot make, price-book problems, and the lines of the cost preview. */

import type { Size } from '../base/types.js';
import { mp, plural, pluralForm, words } from './words.js';
import { sentences } from './sentence.js';

export interface PricesStrings {
  referencesUnsupported(): string;
  wholePixels(side: string): string;
  multipleOf(side: string, step: number, who: string, below: number, above?: number): string;
  sideBetween(side: string, model: string, min: number, max: number, suggestion: number): string;
  atLeast(side: string, min: number, model: string): string;
  atMostMegapixels(model: string, megapixels: number, width: number, height: number): string;
  snappedTo(width: number, height: number, step: number): string;
  madeAsRatio(ratio: string, width: number, height: number): string;
  totalTooLarge(megapixels: number): string;
  referenceResized(index: number, from: Size, to: Size): string;
  /** A reference, as sent, with a side under the least the model takes (FLUX 3: 256), and that least. */
  referenceTooSmall(index: number, size: Size, model: string, least: number): string;
  aspectRange(model: string, width: number, height: number, ratio: string): string;
  /** A model that makes only these sizes (GPT Image 1, 1.5, 1-mini), written `W×H`. */
  sizesOnly(model: string, sizes: readonly string[]): string;
  /** Too long a shape for a model whose long side is at most `most` times its short one (gpt-image-2: 3). */
  tooLong(model: string, most: number): string;
  /** Too few pixels for a model that makes at least `pixels` (gpt-image-2: 655,360), with a size that has them. */
  atLeastPixels(model: string, pixels: number, width: number, height: number): string;
  qualityNotTaken(model: string, quality: string, qualities: readonly string[]): string;
  width(): string;
  height(): string;
  noSuchModel(id: string, example: string): string;
  noPrice(model: string, provider: string): string;
  /** A model its provider has shut down (`shutdown`, a day `YYYY-MM-DD`), and the one made instead. */
  replacedBy(model: string, shutdown: string, replacement: string): string;
  /** The provider's live list priced the model beyond reason (`PriceSource.liveRefused`): the bundled price stands. */
  liveRefused(provider: string): string;
  /** A model its provider has shut down, with none to make in its place on this path. */
  shutDown(model: string, shutdown: string): string;
  /** A model its provider shuts down soon (`shutdown`, a day), and what replaces it then. */
  shutsDown(model: string, shutdown: string, replacement: string): string;
  countRange(): string;
  tooManyReferences(model: string, max: number, extra: number): string;
  needsImage(model: string): string;

  referenceWithoutSize(index: number): string;
  firstMegapixel(): string;
  moreMegapixels(n: number): string;
  megapixels(n: number): string;
  referenceImages(n: number, megapixels: number): string;
  referencesAtOneMp(n: number): string;
  /** The image an edit edits, where its megapixels are billed: what it is billed as. */
  imageToEdit(megapixels: number): string;
  flatPerImage(): string;
  /**
   * A gateway's fee, taken from what the user tops up: `percent` of the total (usage / (1 − fee), pricing/quote.ts),
   * not of the price above it, which the words say so that the lines add up ($0.04 + 5% of $0.042106 = $0.042106).
   */
  topUpFee(percent: string): string;
  /** The site's share of an image's price, paid to the site through the provider (Pollinations' developer earnings). */
  siteShare(percent: string): string;
  timesImages(count: number): string;
  /**
   * A line of a bound raised by what was charged before: the provider charged up to `most` for one image of this model
   * at this size, above what the quote's other lines allow, and the bound holds it from then on.
   */
  chargedBefore(most: string): string;
  // The cost preview
  forImages(count: number): string;
  each(price: string): string;
  output(megapixels: number): string;
  plusReference(megapixels: number): string;
  estimate(): string;
  /** Beside a total that is expected, not exact: the most it can come to ("$0.053, at most $0.058"). */
  atMost(price: string): string;
  estimateWhy(provider: string): string;
  /**
   * In place of `estimateWhy`, where the price is others' statement of the provider's (`PriceSource.restated`): an
   * estimate from resellers' prices, or from what others say the provider charges.
   */
  restatedWhy(restated: 'resellers' | 'others'): string;
  credits(credits: string): string;
  pricesFrom(source: string, asOf: string): string;
  /** The breakdown's last line, where the total above it is rounded: the exact sum of the lines. */
  total(): string;
  // A price book the widget cannot use (the page's `priceBook`): the model at the provider (by id), as a visitor reads it
  priceWhere(model: string, provider: string): string;
  /** A price the page's own price book sets wrongly (its developer reads what in the console: strings/price-book.ts). */
  priceBookBroken(where: string): string;
}

export const prices = sentences<PricesStrings>({
  referencesUnsupported: 'This provider takes no reference images. Remove them and try again.',
  wholePixels: (side) => `${side} must be a whole number of pixels, such as 1024.`,
  multipleOf: (side, step, who, below, above) =>
    `${side} must be a multiple of ${step} for ${who} — try ${below}${above ? ` or ${above}` : ''}.`,
  sideBetween: (side, model, min, max, suggestion) =>
    `${side} must be between ${min} and ${max} pixels for ${model} — try ${suggestion}.`,
  atLeast: (side, min, model) => `${side} must be at least ${min} pixels for ${model}.`,
  atMostMegapixels: (model, megapixels, width, height) =>
    `${model} makes images of at most ${megapixels} megapixels — try ${width}×${height}.`,
  snappedTo: (width, height, step) =>
    `The provider makes ${width}×${height} (sides in steps of ${step}), and bills that size.`,
  madeAsRatio: (ratio, width, height) => `This provider makes ${ratio} at ${width}×${height}, whatever the size asked.`,
  totalTooLarge: (megapixels) =>
    `The output and the reference images may not exceed ${megapixels} megapixels together — choose a smaller size or fewer references.`,
  referenceResized: (index, from, to) =>
    `Reference image ${index} is sent at ${to.width}×${to.height} (resized from ${from.width}×${from.height}) and billed so.`,
  referenceTooSmall: (index, size, model, least) =>
    `Image ${index} is ${size.width}×${size.height} pixels as sent, and ${model} takes images of at least ${least}×${least} — choose a larger one.`,
  aspectRange: (model, width, height, ratio) =>
    `${model} makes shapes from 21:9 (wide) to 9:21 (tall), and ${width}×${height} is ${ratio} — pick a less stretched size.`,
  sizesOnly: (model, sizes) =>
    `${model} makes ${sizes.map((size) => size.replace('x', '×')).join(', ')} only — pick one of them.`,
  tooLong: (model, most) => `${model} makes no shape longer than ${most}:1 — pick a less stretched size.`,
  atLeastPixels: (model, pixels, width, height) =>
    `${model} makes images of at least ${pixels.toLocaleString('en')} pixels — try ${width}×${height}.`,
  qualityNotTaken: (model, quality, qualities) =>
    `${model} takes the quality ${qualities.join(', ')}, not "${quality}".`,
  width: 'Width',
  height: 'Height',
  noSuchModel: (id, example) => `There is no model called "${id}". Pick one from the list, such as ${example}.`,
  noPrice: (model, provider) => `${model} has no price for provider ${provider} yet. Pick another provider or model.`,
  replacedBy: (model, shutdown, replacement) =>
    `${model} was shut down on ${shutdown}: ${replacement}, its replacement, makes this image instead.`,
  liveRefused: (provider) =>
    `${words.TheProvider(provider)}'s live price list gave a price for this model that cannot be right (not a price, or far from what it has charged), so the price bundled with this widget is used.`,
  shutDown: (model, shutdown) =>
    `${model} was shut down on ${shutdown} and can no longer be made here. Pick another model.`,
  shutsDown: (model, shutdown, replacement) =>
    `${model} shuts down on ${shutdown}; from then on, ${replacement} makes these images instead.`,
  countRange: 'The number of images must be 1, 2, 3 or 4.',
  tooManyReferences: (model, max, extra) =>
    `${model} takes at most ${plural(max, 'reference image')} — remove ${extra}.`,
  needsImage: (model) => `${model} edits an image you provide — add the image to edit.`,

  referenceWithoutSize: (index) =>
    `Reference image ${index} has no usable size — use an image file with a real width and height.`,
  firstMegapixel: 'First megapixel',
  moreMegapixels: (n) => `${plural(n, 'more megapixel', 'more megapixels')}`,
  megapixels: (n) => `${mp(n)} ${pluralForm('en', n, { one: 'megapixel', other: 'megapixels' })}`,
  referenceImages: (n, megapixels) => `${plural(n, 'reference image')} (${megapixels} MP)`,
  referencesAtOneMp: (n) => `${plural(n, 'reference image')} (1 MP each)`,
  imageToEdit: (megapixels) => `The image to edit (${megapixels} MP)`,
  flatPerImage: 'Flat price per image',
  topUpFee: (percent) => `Top-up fee (${percent}% of total)`,
  siteShare: (percent) => `This site’s share (${percent}%)`,
  timesImages: (count) => ` × ${count} images`,
  chargedBefore: (most) => `Charged here before for this model and size: up to ${most} an image`,
  forImages: (count) => `for ${plural(count, 'image')}`,
  each: (price) => ` · ${price} each`,
  output: (megapixels) => ` · ${mp(megapixels)} MP output`,
  plusReference: (megapixels) => ` + ${megapixels} MP reference`,
  estimate: ' · estimate',
  atMost: (price) => `, at most ${price}`,
  estimateWhy: (provider) =>
    provider === 'puter'
      ? "An estimate from Puter's price list: the tally books what your balance shows it charged."
      : provider === 'fal'
        ? 'An estimate from fal’s published prices: fal does not say what it charged, so the tally books this price.'
        : 'An estimate: the provider may charge a little differently.',
  restatedWhy: (restated) =>
    restated === 'resellers'
      ? "An estimate from resellers' prices, not the provider's own: the charge may differ."
      : 'An estimate from what others say the provider charges, not from its own page: the charge may differ.',
  credits: (credits) => `${credits} credits · `,
  pricesFrom: (source, asOf) => `Prices: ${source}, as of ${asOf}`,
  total: 'Total',
  priceWhere: (model, provider) => `${model} at ${words.theProvider(provider)}`,
  priceBookBroken: (where) =>
    `This site set its price for ${where} wrongly, so no price can be shown for it. Choose another model, or tell the site's owner.`,
});

// Said to the page's developer, never to its user: what a page's `UserPays.quote` call gave that it does not take (the
// headless API speaks English). In English only, and no part of `PricesStrings` (docs/translating.md, "What stays in
// English").
export const notARequest = () =>
  'Describe what to price: an object with provider, model, width, height, count and inputs.';
export const referencesNotAList = () =>
  'Reference images must be a list of sizes, such as [{ width: 1024, height: 1024 }].';
export const promptOrQualityNotText = () => 'The prompt and the quality, where given, must be text, such as "high".';
export const editPricingNotLoaded = () =>
  'Edits, and images sent to a model that bills them in tokens, are priced a moment after the page starts: ask again then.';
