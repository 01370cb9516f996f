import { invalid } from '../base/checks.js';
import { editPricingNotLoaded } from '../strings/prices.js';
import type * as EditPricing from './edit-pricing.js';

/**
 * How edits are priced, once loaded (edit-pricing.ts: just after the first paint, and with the widget's panels and the
 * headless API; nothing the first paint shows edits): a quote of an edit, or of images sent to a model that bills them
 * in tokens, is refused in words until then, never priced without them.
 */
let loaded: typeof EditPricing | undefined;

/** Puts the edits' pricing in force (once it has loaded). */
export const useEditPricing = (pricing: typeof EditPricing) => void (loaded = pricing);

/** The edits' pricing, or a refusal in words where it has not loaded yet. */
export const editPricing = (): typeof EditPricing => loaded ?? invalid(editPricingNotLoaded());
