import { invalid } from '../base/checks.js';
import type { ProviderId } from '../base/types.js';
import { clock } from '../base/clock.js';
import type { PricesStrings } from '../strings/prices.js';
import { daysLeft, retired } from './lifecycle.js';
import { modelName } from './models.js';
import type { PriceBook, PriceEntry } from './price-book.js';

/** What a model replaced by another was, and what the page gets instead. */
export interface Replaced {
  /** The model the page named, retired on this path. */
  named: string;
  /** The model sent instead: the provider's named replacement, followed while it is retired too; '' where none is priced. */
  model: string;
  /** The day the named model was shut down. */
  shutdown: string;
}

/**
 * Where `provider` has shut `model` down by `now`: its replacement (followed through replacements retired in turn,
 * each priced by `book` on the same path), or `model: ''` where none is priced there. Undefined while `model` is
 * served (or unknown: the quote says what is wrong with an id the book does not have).
 */
export function replacementOf(
  book: PriceBook,
  provider: ProviderId,
  model: string,
  now = clock.now(),
): Replaced | undefined {
  const lifecycle = book[model]?.[provider]?.lifecycle;
  if (!lifecycle?.shutdown || !retired(lifecycle, now)) return undefined;
  const seen = new Set([model]);
  let next = lifecycle.replacement ?? '';
  while (next && !seen.has(next) && retired(book[next]?.[provider]?.lifecycle, now)) {
    seen.add(next);
    next = book[next]?.[provider]?.lifecycle?.replacement ?? '';
  }
  const served = next && !seen.has(next) && book[next]?.[provider] ? next : '';
  return { named: model, model: served, shutdown: lifecycle.shutdown };
}

/** Within this many days of a model's shutdown, its quote says so, and what replaces it then. */
const WARN_DAYS = 30;

/**
 * What the quote says of the model's life on this path: that it replaced the one asked, or that it goes within
 * `WARN_DAYS` and what replaces it then; undefined where neither.
 */
export function lifeNote(
  priced: { replaced?: Replaced; asked: { provider: ProviderId; model: string }; entry: PriceEntry },
  book: PriceBook,
  text: PricesStrings,
) {
  const { replaced, asked, entry } = priced;
  if (replaced) return text.replacedBy(modelName(replaced.named), replaced.shutdown, modelName(replaced.model));
  const { shutdown, replacement = '' } = entry.lifecycle ?? {};
  const left = daysLeft(entry.lifecycle, clock.now());
  if (!shutdown || left === undefined || left >= WARN_DAYS || !book[replacement]?.[asked.provider]) return undefined;
  return text.shutsDown(modelName(asked.model), shutdown, modelName(replacement));
}

/**
 * The request with the model its provider serves: a model shut down by the page's clock is never priced, so never
 * sent; its replacement is, and `replaced` says so (the quote's note). Throws `invalid-input` where none replaces it.
 */
export function servedModel<Asked extends { provider: ProviderId; model: string }>(
  book: PriceBook,
  checked: Asked,
  text: PricesStrings,
): { asked: Asked; replaced?: Replaced } {
  const replaced = replacementOf(book, checked.provider, checked.model, clock.now());
  if (!replaced) return { asked: checked };
  if (!replaced.model) invalid(text.shutDown(modelName(replaced.named), replaced.shutdown));
  return { asked: { ...checked, model: replaced.model }, replaced };
}
