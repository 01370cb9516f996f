import { UserPaysCost } from './elements/cost/userpays-cost.js';
import { UserPaysImage } from './elements/image/userpays-image.js';
import { UserPaysTally } from './elements/tally/userpays-tally.js';
import * as api from './api.js';
import { addressAnswersSignIn, loadEngine } from './lazy/index.js';
import { loadEdits } from './providers/registry/edits-loader.js';

// The one module with side effects. Guarded so that two copies on a page (two script tags of different versions
// or addresses, a script tag and a bundle) never throw "this name has already been used": the first copy's
// elements are the ones defined, and `window.UserPays` stays that copy's, so that it matches them.
const elements: [string, CustomElementConstructor][] = [
  ['userpays-image', UserPaysImage],
  ['userpays-cost', UserPaysCost],
  ['userpays-tally', UserPaysTally],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

globalThis.UserPays ??= api;

// How edits are priced, after the first paint (which edits nothing): from then on `UserPays.quote()` prices them too.
requestAnimationFrame(() => setTimeout(() => void loadEdits().catch(() => {})));

// The answer of a sign-in in this page's address (providers/engine/oauth.ts): finished as the page loads, once, widget
// or none, whatever provider its widgets use, where this tab left for it by redirect (a widget or the headless API
// that waits for it is given it, and says what went wrong). Any other answer is left where it is: a sign-in window's
// is read by the tab that opened it, and one that no tab of ours asked for is traded by no one. An OpenRouter answer
// has no state (`?code=` alone), so any code is looked at.
if (addressAnswersSignIn) {
  loadEngine()
    .then(async (engine) => (await engine.loadSignIn()).finishSignIn(engine.accountFor))
    .catch(() => {});
}

declare global {
  /** The public API for pages without a bundler (once the module has run: see "Embedding" in the README). */
  var UserPays: typeof api;
  interface HTMLElementTagNameMap {
    'userpays-image': UserPaysImage;
    'userpays-cost': UserPaysCost;
    'userpays-tally': UserPaysTally;
  }
}
