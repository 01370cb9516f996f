export { DEFAULT_MODEL, MODELS, modelInfo, type ModelInfo } from './models.js';
export {
  BUILTIN_PRICE_BOOK,
  CREDIT_USD,
  mergePriceBook,
  type PriceBook,
  type PriceEntry,
  type PriceRule,
} from './price-book.js';
export { aspectRatio, megapixels, quoteFor, sizeProblem } from './quote.js';
export { formatUsd } from './format.js';
