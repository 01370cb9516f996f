export { DEFAULT_MODEL, MODELS, familyOf, modelInfo, modelName } from './models.js';
export {
  CREDIT_USD,
  billsReferences,
  imageTokensAt,
  mergePriceBook,
  soldOnly,
  modelsIn,
  type EditFacts,
  type InputPrice,
  type PriceBook,
  type PriceEntry,
  type ProviderEditFacts,
  type PriceRule,
  type ProviderPrices,
  type TokenRates,
} from './price-book.js';
export {
  ASPECT_SIZES,
  FLUX11_SIZES,
  FLUX2_SIZES,
  OUTPAINTING_SIZES,
  aspectRatio,
  fitWithin,
  gcd,
  megapixelsSaid,
  nearest,
  nearestLevel,
  nearestRatio,
  ratioValue,
  referenceRule,
  sizeOfRatio,
  type Capability,
  type Fitted,
  type SizeRule,
} from './capabilities.js';
export { megapixels, mostPerImage, priceOf, quoteDetails, type Priced } from './quote.js';
export { withEditFacts, type EditsInForce } from './edits-in-force.js';
export { withBoundsSeen } from './seen-most.js';
export { SeenBounds, boundsItem, type BoundOf } from './seen-bounds.js';
export { formatUsd, formatUsdLeft, formatUsdRounded, megapixelsOf } from './format.js';
export { retired, type Lifecycle } from './lifecycle.js';
export { replacementOf } from './replacement.js';
export { saneUsd, withinReason } from './sane-prices.js';
