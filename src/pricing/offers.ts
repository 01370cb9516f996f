import type { EditKind, ProviderId, Quote, QuoteRequest, Size } from '../base/types.js';
import type { Priced } from './index.js';
import type { Offer } from './compare.js';
import type { PriceEntry, PriceRule } from './price-book.js';
import { carriedQuality } from './carried-quality.js';

/** A quote's bound, where its price is one (`Offer.atMost`). */
const bound = (quote: Quote) => (quote.atMost ? { atMost: quote.atMost } : {});

/** What the offers are priced with: the widget's price book in force (its QuoteController). */
export interface Pricer {
  /** The models `provider` has a price for, narrowed to `wanted` (space-separated ids) if given. */
  models(provider: ProviderId, wanted: string): string[];
  price(request: QuoteRequest): Priced;
  /**
   * How `model` is priced at `provider`, where the pricer says: the others are then priced at the quality the request
   * would carry to them (`carriedQuality`), as a click on one makes it, not at a tier they do not take.
   */
  rule?(provider: ProviderId, model: string): PriceRule | undefined;
}

/** The request, the provider in force, the others the page allows (space-separated), and the models it offers. */
export interface OfferAsk {
  request: QuoteRequest;
  provider: ProviderId;
  providers: string;
  models: string;
}

/**
 * Whether a model is offered for what is asked: while an image is edited, one that makes that kind of edit (the
 * comparison for an edit lists what can make it, SPEC §13); otherwise any but one that only erases what is painted,
 * which makes nothing of a prompt alone (FLUX Erase), and one that only extends an image (FLUX Outpainting).
 */
const offeredFor = (entry: PriceEntry | undefined, kind: EditKind | undefined) =>
  kind ? !!entry?.edits?.includes(kind) : !entry?.edits?.some((made) => made === 'erase' || made === 'extend');

/**
 * `asked` priced; while an image is edited, another model than the request's own at the size it makes of that image (an
 * edit keeps the image's shape and size as each model makes it, `editSize`), as a click on it then asks.
 */
function pricedAtItsSize(asked: QuoteRequest, pricing: Pricer, current: boolean): Priced {
  const priced = pricing.price(asked);
  const size = asked.edit && priced.editedSize;
  if (current || !size) return priced;
  return size.width === asked.width && size.height === asked.height ? priced : pricing.price({ ...asked, ...size });
}

/**
 * The request as set, priced on every model of every provider the page allows (see `providers`); while an image is
 * edited, on those that make its kind of edit.
 */
export function offersOf(ask: OfferAsk, pricing: Pricer): Offer[] {
  const providers = new Set([ask.provider, ...(ask.providers.split(/\s+/).filter(Boolean) as ProviderId[])]);
  return [...providers].flatMap((provider) =>
    pricing.models(provider, ask.models).flatMap((model): Offer | [] => {
      // The page's endpoint is the current provider's: another is priced at its own.
      const endpoint = provider === ask.provider ? ask.request.endpoint : '';
      // The request's own model keeps the quality asked: one it does not take is said beside Generate. The others' rule
      // is looked up only where a quality is asked (seventy offers a render).
      const { quality: asking } = ask.request;
      const current = provider === ask.provider && model === ask.request.model;
      const quality = current || !asking ? asking : carriedQuality(pricing.rule?.(provider, model), asking);
      const asked = { ...ask.request, provider, model, endpoint, quality };
      const { quote, problem, capability, entry } = pricedAtItsSize(asked, pricing, current);
      if (!offeredFor(entry, ask.request.edit?.kind)) return [];
      if (quote && !problem) return { provider, model, total: quote.total, ...bound(quote), problem };
      // A model that edits the user's image, asked with none: its price where the image does not change it (FLUX.1
      // Fill: per image, whatever the image), found by asking again with an image of the output's size; the image
      // is its next step, as the decision row says, not a refusal. Only such a model is asked twice.
      const wanting = quote && capability?.references.required && !asked.inputs?.length;
      const image: Size | undefined =
        asked.width && asked.height ? { width: asked.width, height: asked.height } : undefined;
      const withImage = wanting && image && pricing.price({ ...asked, inputs: [image] });
      if (withImage && withImage.quote && !withImage.problem)
        return {
          provider,
          model,
          ...(withImage.quote.total === quote.total && { total: quote.total, ...bound(quote) }),
          problem,
          wants: 'image',
        };
      // An offer that cannot make the request has no price to show (the picker, the comparison).
      return { provider, model, problem };
    }),
  );
}
