/** What the price book and the quote say: sizes a model cannot make, price-book problems, and the lines of the cost preview. */
import type { Size } from '../base/types.js';
import { mp, plural } from './words.js';

export const referencesUnsupported = () => 'This provider takes no reference images. Remove them and try again.';
export const wholePixels = (side: string) => `${side} must be a whole number of pixels, such as 1024.`;
export const multipleOf = (side: string, step: number, who: string, below: number, above?: number) =>
  `${side} must be a multiple of ${step} for ${who} — try ${below}${above ? ` or ${above}` : ''}.`;
export const sideBetween = (side: string, model: string, min: number, max: number, suggestion: number) =>
  `${side} must be between ${min} and ${max} pixels for ${model} — try ${suggestion}.`;
export const atLeast = (side: string, min: number, model: string) =>
  `${side} must be at least ${min} pixels for ${model}.`;
export const atMostMegapixels = (model: string, megapixels: number, width: number, height: number) =>
  `${model} makes images of at most ${megapixels} megapixels — try ${width}×${height}.`;
export const snappedTo = (width: number, height: number, step: number) =>
  `The provider makes ${width}×${height} (sides in steps of ${step}), and bills that size.`;
export const madeAsRatio = (ratio: string, width: number, height: number) =>
  `This provider makes ${ratio} at about 1 megapixel (${width}×${height}), whatever the size asked.`;
export const totalTooLarge = (megapixels: number) =>
  `The output and the reference images may not exceed ${megapixels} megapixels together — choose a smaller size or fewer references.`;
export const referenceResized = (index: number, from: Size, to: Size) =>
  `Reference image ${index} is sent at ${to.width}×${to.height} (resized from ${from.width}×${from.height}) and billed so.`;
export const aspectRange = (model: string, width: number, height: number, ratio: string) =>
  `${model} makes shapes from 21:9 (wide) to 9:21 (tall), and ${width}×${height} is ${ratio} — pick a less stretched size.`;
export const width = () => 'Width';
export const height = () => 'Height';
export const badPrice = (where: string, price: string) =>
  `The price set for ${where} is not a valid amount ("${price}"): write it as a decimal string, such as "0.04". Fix the price book.`;
export const badRule = (where: string) =>
  `The price set for ${where} has no rule this widget knows. Fix the price book.`;
export const badUnit = (where: string, unit: string, units: readonly string[]) =>
  `The price set for ${where} is in "${unit}", which is not a unit (use ${units.map((u) => `"${u}"`).join(' or ')}). Fix the price book.`;
export const badSource = (where: string) =>
  `The price set for ${where} does not say where it comes from (source: { name, asOf }). Fix the price book.`;
export const badExact = (where: string) =>
  `The price set for ${where} must say whether it is exact (exact: true or false). Fix the price book.`;
export const badCapability = (where: string) =>
  `The sizes or reference images set for ${where} are not in a form this widget knows. Fix the price book.`;
export const notARequest = () =>
  'Describe what to price: an object with provider, model, width, height, count and inputs.';
export const referencesNotAList = () =>
  'Reference images must be a list of sizes, such as [{ width: 1024, height: 1024 }].';
export const badTopUpFee = (where: string, fee: string) =>
  `The top-up fee set for ${where} must be less than 1 ("${fee}"). Fix the price book.`;
export const priceWhere = (model: string, provider: string) => `${model} at ${provider}`;
export const aCredit = () => 'a credit';
export const noSuchModel = (id: string, example: string) =>
  `There is no model called "${id}". Pick one from the list, such as ${example}.`;
export const noPrice = (model: string, provider: string) =>
  `${model} has no price for provider ${provider} yet. Pick another provider or model.`;
export const countRange = () => 'The number of images must be 1, 2, 3 or 4.';
export const tooManyReferences = (model: string, max: number, extra: number) =>
  `${model} takes at most ${plural(max, 'reference image')} — remove ${extra}.`;
export const needsImage = (model: string) => `${model} edits an image you provide — add the image to edit.`;
export const referenceWithoutSize = (index: number) =>
  `Reference image ${index} has no usable size — use an image file with a real width and height.`;
export const firstMegapixel = () => 'First megapixel';
export const moreMegapixels = (n: number) => `${plural(n, 'more megapixel', 'more megapixels')}`;
export const megapixels = (n: number) => `${mp(n)} megapixel${n === 1 ? '' : 's'}`;
export const referenceImages = (n: number, megapixels: number) => `${plural(n, 'reference image')} (${megapixels} MP)`;
export const referencesAtOneMp = (n: number) => `${plural(n, 'reference image')} (1 MP each)`;
export const flatPerImage = () => 'Flat price per image';
export const topUpFee = (percent: string) => `Top-up fee (${percent}%)`;
export const timesImages = (count: number) => ` × ${count} images`;
// The cost preview
export const forImages = (count: number) => `for ${plural(count, 'image')}`;
export const each = (price: string) => ` · ${price} each`;
export const output = (megapixels: number) => ` · ${mp(megapixels)} MP output`;
export const plusReference = (megapixels: number) => ` + ${megapixels} MP reference`;
export const estimate = () => ' · estimate';
export const estimateWhy = (provider: string) =>
  provider === 'puter'
    ? "An estimate from Puter's price list: the tally books what your balance shows it charged."
    : provider === 'fal'
      ? 'An estimate from fal’s published prices: fal does not say what it charged, so the tally books this price.'
      : 'An estimate: the provider may charge a little differently.';
export const credits = (credits: string) => `${credits} credits · `;
export const pricesFrom = (source: string, asOf: string) => `Prices: ${source}, as of ${asOf}`;
