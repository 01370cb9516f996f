import type { ProviderId } from '../base/types.js';
import { invalid } from '../base/checks.js';
import { editPricingNotLoaded } from '../strings/prices.js';
import type * as EditPricing from './edit-pricing.js';
import type { EditFacts, PriceEntry } from './price-book.js';

/** Each provider's edit facts, model by model (src/providers/registry/edit-prices.ts): undefined where it states none. */
export type EditFactsOf = (provider: ProviderId, model: string) => EditFacts | undefined;

/**
 * How edits are priced, once loaded (edit-pricing.ts: just after the first paint, and with the widget's panels and the
 * headless API; nothing the first paint shows edits), and what each model makes of the images it is sent (its
 * provider's edit-prices.ts): a quote of an edit, or of images sent to a model that bills them in tokens, is refused in
 * words until then, never priced without them.
 */
let loaded: { pricing: typeof EditPricing; factsOf: EditFactsOf } | undefined;

/** Puts the edits' pricing and the providers' edit facts in force (once they have loaded). */
export const useEditPricing = (pricing: typeof EditPricing, factsOf: EditFactsOf) =>
  void (loaded = { pricing, factsOf });

/** The edits' pricing, or a refusal in words where it has not loaded yet. */
export const editPricing = (): typeof EditPricing => loaded?.pricing ?? invalid(editPricingNotLoaded());

/** Entries with their edit facts laid on, by the entry they were made of: one each, however often it is priced. */
const laid = new WeakMap<PriceEntry, PriceEntry>();

/**
 * `entry` (`model`'s at `provider`) with what its provider's edit facts say, once they are in force: the kinds of edit
 * it makes, what it makes of an extend and, for a token rule, the tokens each image sent takes, or what the images sent
 * cost. An entry that states its own kinds of edit (a page's `priceBook`) keeps its word. Before the facts load, the
 * entry as it is: it makes no edit yet.
 */
export function withEditFacts(entry: PriceEntry, provider: ProviderId, model: string): PriceEntry {
  const facts = loaded?.factsOf(provider, model);
  if (!facts || entry.edits) return entry;
  const known = laid.get(entry);
  if (known) return known;
  const { edits, inputTokens, inputPrice, extend } = facts;
  const rule = inputTokens && entry.rule.kind === 'tokens' ? { ...entry.rule, inputTokens } : entry.rule;
  // A price of the images sent that the entry states itself (a live list's) is its own word.
  const made: PriceEntry = {
    ...entry,
    rule,
    ...(edits && { edits }),
    ...(inputPrice && !entry.inputPrice && { inputPrice }),
    ...(extend && { extend }),
  };
  laid.set(entry, made);
  return made;
}
