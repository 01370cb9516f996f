import { UserPaysCost } from './elements/cost/userpays-cost.js';
import { UserPaysImage } from './elements/image/userpays-image.js';
import { UserPaysTally } from './elements/tally/userpays-tally.js';
import type { ErrorDetail, GenerationResult, ProgressDetail, Quote, SubmitDetail, Tally } from './types.js';

// The one module with side effects. Guarded so that two script tags, or a script tag plus the
// ES module, never throw "this name has already been used".
const elements: [string, CustomElementConstructor][] = [
  ['userpays-image', UserPaysImage],
  ['userpays-cost', UserPaysCost],
  ['userpays-tally', UserPaysTally],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'userpays-image': UserPaysImage;
    'userpays-cost': UserPaysCost;
    'userpays-tally': UserPaysTally;
  }
  interface HTMLElementEventMap {
    'userpays-quote': CustomEvent<Quote>;
    'userpays-submit': CustomEvent<SubmitDetail>;
    'userpays-progress': CustomEvent<ProgressDetail>;
    'userpays-result': CustomEvent<GenerationResult>;
    'userpays-error': CustomEvent<ErrorDetail>;
    'userpays-tally': CustomEvent<Tally>;
  }
}
