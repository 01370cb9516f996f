// ES module entry: the public API, with the elements defined on import.
import './define.js';

export * from './api.js';
export type * from './types.js';
export type { PriceBook, PriceEntry, PriceRule } from './pricing/index.js';
