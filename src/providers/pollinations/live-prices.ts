import Decimal from 'decimal.js';
import { clock } from '../../base/clock.js';
import { isAmount, isRecord } from '../../base/checks.js';
import type { PriceSource } from '../../base/types.js';
import {
  referenceRule,
  type PriceBook,
  type PriceEntry,
  type PriceRule,
  type TokenRates,
} from '../../pricing/index.js';
import { retired } from '../../pricing/lifecycle.js';
import { saneUsd } from '../../pricing/index.js';
import type { LiveCatalogue } from '../provider.js';
import { prices as familyPrices } from './families.js';
import { checkEndpoint } from '../urls.js';
import { fluxPrices, prices as bundled } from './prices.js';

// Pollinations' live prices, read by themselves (its registry entry's `livePrices`): a page that shows Pollinations' price
// before anything is asked loads this, not the adapter that makes images.

/**
 * The live list of models and prices (`GET {endpoint}/image/models`, no key: [{name, aliases, pricing: {currency:
 * 'pollen', completionImageTokens, …}}], pollinations/pollinations shared/registry/model-info.ts and
 * public-pricing.ts): which models of the book
 * Pollinations sells now (`listed`: a model it no longer serves is gone from the list, and a request for it refused),
 * and the price of each, FLUX's and the other families', as a price book to lay over the bundled one. Fetched once per
 * endpoint and page. Undefined where it does not answer, or names none of the book's models (a list broken, not one
 * that sells nothing): the bundled book applies, by its dates, and the quote says so.
 */
const replies: Record<string, Promise<unknown>> = {};

/** The entry of the live list that names `name` (its name or an alias). */
const named = (models: any[], name?: string) =>
  models.find((model: any) => model?.name === name || model?.aliases?.includes?.(name));

async function livePollinationsPrices(endpoint: string): Promise<LiveCatalogue | undefined> {
  const url = `${endpoint}/image/models`;
  try {
    const models = await (replies[url] ??= fetch(url, { credentials: 'omit', cache: 'no-store' }).then((response) =>
      response.json(),
    ));
    if (!Array.isArray(models)) return undefined;
    const source = {
      name: 'Pollinations model list (live)',
      asOf: new Date(clock.now()).toJSON().slice(0, 10),
      url,
    };
    const prices: PriceBook = livePollinationsFamilies(models, source);
    const refused: string[] = [];
    for (const [id, entry] of Object.entries(fluxPrices)) {
      const listed = named(models, entry.model);
      const price = listed?.pricing?.currency === 'pollen' ? listed.pricing.completionImageTokens : undefined;
      // Text, as Pollinations writes prices (toFixedPoint); no FLUX image there costs a whole pollen.
      if (isAmount(price) && saneUsd(price, 'image') && new Decimal(price).lt(1)) {
        const rule: PriceRule = { kind: 'flat', unit: 'usd', perImage: price };
        prices[id] = { pollinations: { ...entry, rule, source, ...imagesOf(listed, entry, rule) } };
      } else if (isAmount(price)) refused.push(id);
    }
    const listed = Object.keys(bundled).filter((id) => named(models, bundled[id].model));
    // One the book has ended stays, never offered (its date), so that a page naming it is told what replaced it.
    const ended = Object.keys(bundled).filter(
      (id) => !listed.includes(id) && retired(bundled[id].lifecycle, clock.now()),
    );
    return listed.length ? { prices, listed: [...listed, ...ended], refused } : undefined;
  } catch {
    delete replies[url]; // read again on the next need
    return undefined;
  }
}

/**
 * What the live list says of the images a model takes (SPEC §13): as many as `max_reference_images`, where its
 * `input_modalities` has `image` (shared/registry/model-info.ts @00321892, read 2026-11-28), each as large as the
 * book's entry takes; and, for a model priced per image, what they add: `promptImageTokens` per image sent (Grok
 * Imagine's "per input image on edits", shared/registry/image.ts @0047731e), or the price of its `edit` cost variant
 * over its price from text, once (`pricing_variants`: Qwen-Image's, "Applies when the request includes one or more
 * input images"). A model that takes none edits nothing. A token-priced model's images are its `promptImageTokens`
 * rate (`liveRule`).
 */
function imagesOf(
  listed: any,
  entry: PriceEntry,
  rule: PriceRule,
): Pick<PriceEntry, 'references' | 'edits' | 'inputPrice'> {
  const most: unknown = listed?.max_reference_images;
  const modalities: unknown = listed?.input_modalities;
  if (
    !Array.isArray(modalities) ||
    !modalities.includes('image') ||
    typeof most !== 'number' ||
    !Number.isSafeInteger(most) ||
    most <= 0
  )
    return { references: referenceRule(0), edits: [] };
  const references = { ...(entry.references ?? referenceRule(0)), max: most };
  if (rule.kind !== 'flat') return { references };
  const each: unknown = listed.pricing?.promptImageTokens;
  if (isAmount(each) && saneUsd(each, 'image')) return { references, inputPrice: { per: 'image', usd: each } };
  const variants: unknown = listed.pricing_variants;
  const edit: unknown = Array.isArray(variants)
    ? variants.find((variant: any) => variant?.name === 'edit')?.pricing?.completionImageTokens
    : undefined;
  if (!isAmount(edit) || !saneUsd(edit, 'image') || !new Decimal(edit).gt(rule.perImage)) return { references };
  return { references, inputPrice: { per: 'request', usd: new Decimal(edit).minus(rule.perImage).toString() } };
}

/** The live list (`livePollinationsPrices`): what is sold, and its prices, laid over the bundled ones. */
export function livePrices(endpoint: string): Promise<LiveCatalogue | undefined> {
  return livePollinationsPrices(checkEndpoint(endpoint));
}

/**
 * Pollen per unit as the list writes it, per million units (a token rate); undefined where it is no amount, or one of
 * an absurd size (`saneUsd`: 1 pollen is $1).
 */
const perMillion = (value: unknown) =>
  isAmount(value) && saneUsd(value, 'token') ? new Decimal(value).mul(1e6).toString() : undefined;

/** The rule of `bundled` with the prices `pricing` (a model's entry of the live list) gives; undefined if any lacks. */
function liveRule(bundled: PriceRule, pricing: Record<string, unknown>): PriceRule | undefined {
  if (bundled.kind === 'flat') {
    return isAmount(pricing.completionImageTokens) && saneUsd(pricing.completionImageTokens, 'image')
      ? { ...bundled, perImage: pricing.completionImageTokens }
      : undefined;
  }
  if (bundled.kind !== 'tokens') return undefined;
  const textIn = perMillion(pricing.promptTextTokens);
  const imageIn = perMillion(pricing.promptImageTokens);
  const imageOut = perMillion(pricing.completionImageTokens);
  if (!textIn || !imageIn || !imageOut) return undefined;
  const rates: TokenRates = { textIn, imageIn, imageOut };
  // Text out is priced only where the bundled rule prices it.
  if (!bundled.rates.textOut) return { ...bundled, rates };
  const textOut = perMillion(pricing.completionTextTokens);
  return textOut ? { ...bundled, rates: { ...rates, textOut } } : undefined;
}

/**
 * The families' prices in Pollinations' live list (`GET {endpoint}/image/models`: [{name, aliases, pricing:
 * {currency: 'pollen', <usage>: '<pollen per unit>'}}]), as a price book to lay over the bundled one: each model the
 * list names (or aliases) with every price its rule needs.
 */
export function livePollinationsFamilies(models: unknown, source: PriceSource): PriceBook {
  const found: PriceBook = {};
  if (!Array.isArray(models)) return found;
  for (const [id, entry] of Object.entries(familyPrices)) {
    const listed = named(models, entry.model);
    const pricing: unknown = listed?.pricing;
    const rule = isRecord(pricing) && pricing.currency === 'pollen' && liveRule(entry.rule, pricing);
    if (rule) found[id] = { pollinations: { ...entry, rule, source, ...imagesOf(listed, entry, rule) } };
  }
  return found;
}
