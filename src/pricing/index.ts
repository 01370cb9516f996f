export { DEFAULT_MODEL, MODELS, modelInfo, modelName } from './models.js';
export {
  BUILTIN_PRICE_BOOK,
  CREDIT_USD,
  billsReferences,
  PUTER_MODELS,
  mergePriceBook,
  priceBookFor,
  puterEntry,
  type PriceBook,
  type PriceEntry,
  type PriceRule,
} from './price-book.js';
export {
  aspectRatio,
  fitWithin,
  nearestLevel,
  nearestRatio,
  sizeOfRatio,
  type Capability,
  type Fitted,
  type SizeRule,
} from './capabilities.js';
export { megapixels, priceOf, quoteDetails, quoteFor, type Priced } from './quote.js';
export { formatUsd, formatUsdRounded } from './format.js';
