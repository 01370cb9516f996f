// The entry, for the script tag (`<script type="module" src=".../dist/userpays.js">`) and for bundlers
// (`import 'userpays'`) alike: importing it defines the three elements and sets `window.UserPays` (define.ts);
// its exports are the public API. What loads later is in lazy/.
import './define.js';

export * from './api.js';
export type * from './base/types.js';
export type { PriceBook, PriceEntry, PriceRule } from './pricing/index.js';
export type { Strings, Translation } from './strings/strings.js';
// The events' names, and through their module the event map that types a page's `addEventListener` for them.
export type { UserPaysEvent } from './elements/shared/events.js';
