import type { ProviderId } from '../base/types.js';
import type { EditFacts, ProviderEditFacts } from '../pricing/index.js';
import { editPrices as bfl } from './bfl/edit-prices.js';
import { editPrices as fal } from './fal/edit-prices.js';
import { editPrices as google } from './google/edit-prices.js';
import { editPrices as openai } from './openai/edit-prices.js';
import { editPrices as openrouter } from './openrouter/edit-prices.js';
import { editPrices as pollinations } from './pollinations/edit-prices.js';
import { editPrices as puter } from './puter/edit-prices.js';

/**
 * Every provider's edit facts (its folder's edit-prices.ts: what each model makes of the images it is sent, SPEC §13).
 * A provider that edits nothing has no line. Part of the first paint, where what a model is best for promises an edit
 * only where it makes one, as the loaded widget says it (elements/image/models/models-view.ts); they are laid on the
 * price entries, and edits priced, only with the edits' pricing, a moment after it (edit-prices.ts).
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
export function editFactsOf(provider: ProviderId, model: string): EditFacts | undefined {
  const facts = Object.hasOwn(EDIT_FACTS, provider) ? EDIT_FACTS[provider] : undefined;
  return facts && Object.hasOwn(facts, model) ? facts[model] : undefined;
}
