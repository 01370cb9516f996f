import * as editPricing from '../pricing/edit-pricing.js';
import { useEditPricing } from '../pricing/edit-hook.js';
import { editFactsOf } from './edit-facts.js';

/**
 * Puts the edits' pricing and every provider's edit facts (edit-facts.ts) in force: laid on each model's price entry,
 * and quotes of edits priced, from then on. Loaded a moment after the first paint, which prices no edit.
 */
export const putEditsInForce = () => useEditPricing(editPricing, editFactsOf);
