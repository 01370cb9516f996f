import type { ProviderId } from '../base/types.js';
import { invalid } from '../base/checks.js';
import { editPricingNotLoaded } from '../strings/prices.js';
import type * as EditPricing from './edit-pricing.js';
import type { EditFacts, PriceEntry } from './price-book.js';

/** Each provider's edit facts, model by model (src/providers/registry/edit-prices.ts): undefined where it states none. */
export type EditFactsOf = (provider: ProviderId, model: string) => EditFacts | undefined;

/**
 * How edits are priced (edit-pricing.ts) and what each model makes of the images it is sent (its provider's
 * edit-prices.ts): a part of a quote as the price book and the words are, handed to it by its caller. They load a
 * moment after the first paint, which edits nothing (src/providers/registry/edits-loader.ts, their one loader), so a
 * quote is asked with them or without them: without them, an edit, or images sent to a model that bills them in
 * tokens, is refused in words, never priced as if they cost nothing. Pricing holds no state of its own about it.
 */
export interface EditsInForce {
  pricing: typeof EditPricing;
  factsOf: EditFactsOf;
}

/** The edits' pricing, or a refusal in words where the quote was asked without it. */
export const editPricingIn = (edits: EditsInForce | undefined): typeof EditPricing =>
  edits?.pricing ?? invalid(editPricingNotLoaded());

/**
 * Entries with their edit facts laid on, by the facts and the entry they were made of: one each, however often it is
 * priced.
 */
const laid = new WeakMap<EditsInForce, WeakMap<PriceEntry, PriceEntry>>();

/**
 * `entry` (`model`'s at `provider`) with what its provider's edit facts say, where they are given (`edits`): the kinds
 * of edit it makes, what it makes of an extend and, for a token rule, the tokens each image sent takes, or what the
 * images sent cost. An entry that states its own kinds of edit (a page's `priceBook`) keeps its word. Without the
 * facts, the entry as it is: it makes no edit yet.
 */
export function withEditFacts(
  entry: PriceEntry,
  provider: ProviderId,
  model: string,
  edits: EditsInForce | undefined,
): PriceEntry {
  const facts = edits?.factsOf(provider, model);
  if (!edits || !facts || entry.edits) return entry;
  let known = laid.get(edits);
  if (!known) laid.set(edits, (known = new WeakMap()));
  const found = known.get(entry);
  if (found) return found;
  const { edits: kinds, inputTokens, inputPrice, extend } = facts;
  const rule = inputTokens && entry.rule.kind === 'tokens' ? { ...entry.rule, inputTokens } : entry.rule;
  // A price of the images sent that the entry states itself (a live list's) is its own word.
  const made: PriceEntry = {
    ...entry,
    rule,
    ...(kinds && { edits: kinds }),
    ...(inputPrice && !entry.inputPrice && { inputPrice }),
    ...(extend && { extend }),
  };
  known.set(entry, made);
  return made;
}
