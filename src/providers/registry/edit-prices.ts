import type { ProviderId } from '../../base/types.js';
import * as editPricing from '../../pricing/edit-pricing.js';
import type { EditsInForce, ProviderEditFacts } from '../../pricing/index.js';
import { editPrices as bfl } from '../bfl/edit-prices.js';
import { editPrices as fal } from '../fal/edit-prices.js';
import { editPrices as google } from '../google/edit-prices.js';
import { editPrices as openai } from '../openai/edit-prices.js';
import { editPrices as openrouter } from '../openrouter/edit-prices.js';
import { editPrices as pollinations } from '../pollinations/edit-prices.js';
import { editPrices as puter } from '../puter/edit-prices.js';

/**
 * Every provider's edit facts (its folder's edit-prices.ts: what each model makes of the images it is sent, SPEC §13),
 * loaded with the edits' pricing a moment after the first paint, which edits nothing. A provider that edits nothing
 * has no line.
 */
export const EDIT_FACTS: Partial<Record<ProviderId, ProviderEditFacts>> = {
  bfl,
  fal,
  google,
  openai,
  openrouter,
  pollinations,
  puter,
};

/** `model`'s edit facts at `provider`, where it states any. */
function editFactsOf(provider: ProviderId, model: string) {
  const facts = Object.hasOwn(EDIT_FACTS, provider) ? EDIT_FACTS[provider] : undefined;
  return facts && Object.hasOwn(facts, model) ? facts[model] : undefined;
}

/**
 * The edits' pricing and every provider's edit facts, as a quote takes them (`EditsInForce`): what the one loader of
 * this module hands out (edits-loader.ts).
 */
export const EDITS: EditsInForce = { pricing: editPricing, factsOf: editFactsOf };
