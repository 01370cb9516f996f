import Decimal from 'decimal.js';
import type { ProviderId, Quote } from '../base/types.js';
import { modelsIn, type PriceBook } from '../pricing/index.js';
import { quoteFor } from '../providers/registry/prices.js';
import { checkText } from '../strings/check.js';
import { CHECK_PROMPT, spokenModel } from './steps.js';
import type { Sentence } from '../strings/strings.js';

/**
 * The provider's live list set beside the built-in price book (docs/check.md): the models of the book it no longer
 * names, those it names that the book has not, and those it prices otherwise, each with both figures and said in words.
 */

/** A model of the book the list no longer names, or one the list names that the book has not. */
export interface ModelSaid {
  model: string;
  said: Sentence;
}

/** A model priced otherwise live than in the book: one image of `size`, in USD, as each quotes it. */
export interface PricedOtherwise extends ModelSaid {
  size: string;
  book: string;
  live: string;
}

export interface Comparison {
  missing: ModelSaid[];
  added: ModelSaid[];
  priced: PricedOtherwise[];
}

/** The size every model is compared at: the widget's default, which every model of the book makes or fits to. */
const SIZE = { width: 1024, height: 1024 };

/**
 * Ids a list names that are images models this widget could sell: Google's and OpenAI's lists name their text models
 * too (every `generateContent` model; every model of the key), which are no news about images.
 */
const IMAGE_IDS: Partial<Record<ProviderId, RegExp>> = {
  google: /image|imagen/i,
  openai: /^(gpt-image-|dall-e|black-forest-labs\/)/i,
};

/** `model`'s quote for one image of `SIZE` at `provider` with `book`, for the check's prompt; undefined where it has none (or a problem). */
export function quoteOne(
  provider: ProviderId,
  model: string,
  book: PriceBook,
  endpoint: string,
  quality?: string,
): Quote | undefined {
  try {
    const asked = { provider, model, ...SIZE, endpoint, prompt: CHECK_PROMPT, ...(quality && { quality }) };
    const quote = quoteFor(asked, book);
    return quote.problem ? undefined : quote;
  } catch {
    return undefined;
  }
}

/** What a quote comes to at most: its bound where it is one, else its total. */
export const mostOf = (quote: Quote) => quote.atMost ?? quote.total;

/**
 * Whether `known` (the book's ids and the providers' own) has `model` as a list names it: a gateway's and OpenRouter's
 * FLUX is `black-forest-labs/…`, OpenRouter's `flux.2-…` for the book's `flux-2-…` (their adapters send it so).
 */
function knownAs(known: Set<string>, model: string): boolean {
  const bare = model.replace(/^black-forest-labs\//, '');
  return known.has(model) || known.has(bare) || known.has(bare.replace(/^flux\.2-/, 'flux-2-'));
}

/** The ids the book knows `provider`'s models by: its own, and the provider's name for each where it has one. */
function knownIds(book: PriceBook, provider: ProviderId): Set<string> {
  const known = new Set<string>();
  for (const model in book) {
    const entry = book[model][provider];
    if (!entry) continue;
    known.add(model);
    if (entry.model) known.add(entry.model);
  }
  return known;
}

/**
 * `live` (the book with the provider's list laid over it, and the ids the list names where it names them all) beside
 * `book` (the built-in one at this endpoint): what the list no longer names, what it names that is new, and the prices
 * it changes, of the models sold by `now`; `name` is the provider's as the words say it. `alsoNamed`: ids the list
 * named that its reader keeps to itself (OpenRouter's: it keeps the families it sells), new where the book has none.
 */
export function compareBooks(
  [provider, name]: [ProviderId, string],
  endpoint: string,
  book: PriceBook,
  live: { book: PriceBook; listed?: ReadonlySet<string> },
  now: number,
  alsoNamed: readonly string[] = [],
): Comparison {
  const sold = modelsIn(book, provider, '', now);
  const { listed } = live;
  const named = (model: string) => !!listed?.has(model) || !!listed?.has(book[model][provider]?.model ?? model);
  const missing = listed
    ? sold
        .filter((model) => !named(model))
        .map((model) => ({ model, said: checkText.modelMissing(spokenModel(model), name) }))
    : [];
  const known = knownIds(book, provider);
  const looksLikeImages = IMAGE_IDS[provider];
  const news = [...(listed ?? []), ...Object.keys(live.book).filter((model) => live.book[model][provider])];
  const added = [...new Set([...news, ...alsoNamed])]
    .filter((model) => !knownAs(known, model) && (!looksLikeImages || looksLikeImages.test(model)))
    .sort()
    .map((model) => ({ model, said: checkText.modelAdded(model, name) }));
  const priced: PricedOtherwise[] = [];
  for (const model of sold) {
    if (listed && !named(model)) continue;
    const before = quoteOne(provider, model, book, endpoint);
    const now = quoteOne(provider, model, live.book, endpoint);
    if (!before || !now || new Decimal(mostOf(before)).eq(mostOf(now))) continue;
    const size = `${SIZE.width}×${SIZE.height}`;
    const [was, is] = [`$${mostOf(before)}`, `$${mostOf(now)}`];
    priced.push({
      model,
      size,
      book: mostOf(before),
      live: mostOf(now),
      said: checkText.modelPriced(spokenModel(model), size, was, is),
    });
  }
  return { missing, added, priced };
}
