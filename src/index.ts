// The entry, for the script tag (`<script type="module" src=".../dist/userpays.js">`) and for bundlers
// (`import 'userpays'`) alike: importing it defines the three elements and sets `window.UserPays` (define.ts);
// its exports are the public API. What loads later is in lazy/.
// The price book first (the quote's machinery, decimal.js, each provider's prices), then the elements: rollup lays
// the entry out in this order, like beside like. Nothing else changes (the elements import the price book, which is
// evaluated before them either way); why the order is kept: docs/performance.md, "The first price".
import './providers/prices.js';
import './define.js';

export * from './api.js';
export type * from './base/types.js';
export type { PriceBook, PriceEntry, PriceRule } from './pricing/index.js';
export type { Strings, Translation } from './strings/strings.js';
