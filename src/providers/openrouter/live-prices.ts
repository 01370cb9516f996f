import Decimal from 'decimal.js';
import { clock } from '../../base/clock.js';
import type { PriceSource } from '../../base/types.js';
import {
  imageTokensAt,
  referenceRule,
  type InputPrice,
  type PriceBook,
  type PriceEntry,
  type PriceRule,
  type TokenRates,
} from '../../pricing/index.js';
import { retired } from '../../pricing/lifecycle.js';
import { saneUsd } from '../../pricing/index.js';
import type { LiveCatalogue } from '../provider.js';
import { FAMILIES, withSource } from './families.js';
import { prices as bundled } from './prices.js';

// OpenRouter's live prices of the other families (families.ts), read by its adapter (`Provider.livePrices`).

/** The lines of images sent (an edit's, references: edit-prices.ts), which price them; and fonts, never sent. */
const IMAGES_SENT = ['input_image', 'input_reference'];
const UNSENT = ['input_font'];

/** A line's `cost_usd` (a JSON number) as decimal text, exactly as written; undefined where it is no sane price. */
function usd(line: any): string | undefined {
  const cost: unknown = line?.cost_usd;
  if (typeof cost !== 'number') return undefined;
  // A price of an absurd size is no price (`saneUsd`); the adapter takes no reported charge over $100 either
  // (adapter.ts, `MAX_USD`). An input that is free is said so: a line of 0.
  const free = cost === 0 && [...IMAGES_SENT, ...UNSENT].includes(line.billable);
  return free || (Number.isFinite(cost) && saneUsd(cost, String(line.unit))) ? new Decimal(cost).toFixed() : undefined;
}

const perMillion = (cost: string) => new Decimal(cost).mul(1e6).toFixed();

/** Whether `lines` write a price out of all range (a number `usd` refuses): the model's price is refused, and said so. */
const outOfRange = (lines: unknown) =>
  Array.isArray(lines) && lines.some((line) => typeof line?.cost_usd === 'number' && usd(line) === undefined);

/** One endpoint's price: its rule, and where it bills the images sent, how (`inputPrice`: per image or megapixel). */
interface EndpointPrice {
  rule: PriceRule;
  /** Whether a line bills the images sent (`input_image`, `input_reference`): the endpoint takes them. */
  billsImages: boolean;
  inputPrice?: InputPrice;
}

/**
 * The rule of `bundled` at one endpoint's `pricing` lines: tokens (`input_text`, `input_image`, `output_image`, and
 * `output_text` where listed: USD per million), one price per image (by `variant`, matched to the resolution tiers
 * without regard to case, or one for them all), or per megapixel; and a line of the images sent (`input_image` or
 * `input_reference`) per token (the rule's image-in rate), per image or per megapixel (`inputPrice`). Undefined where
 * a line is of a shape this does not know, or bills what this cannot bound: the bundled price applies.
 */
function endpointPrice(bundled: PriceRule, lines: unknown): EndpointPrice | undefined {
  if (!Array.isArray(lines)) return undefined;
  const outputs: { unit: unknown; cost: string; variant?: string }[] = [];
  const tokens: Record<string, string> = {};
  let inputPrice: InputPrice | undefined;
  for (const line of lines) {
    const cost = usd(line);
    if (!cost) return undefined;
    const sent = IMAGES_SENT.includes(line.billable);
    if (line.billable === 'output_image') outputs.push({ unit: line.unit, cost, variant: line.variant });
    else if (line.unit === 'token') tokens[sent ? 'input_image' : line.billable] = perMillion(cost);
    else if (sent && (line.unit === 'image' || line.unit === 'megapixel')) inputPrice = { per: line.unit, usd: cost };
    // Fonts are never sent, and bill nothing; any other line may.
    else if (!UNSENT.includes(line.billable)) return undefined;
  }
  const billsImages = !!inputPrice || tokens.input_image !== undefined;
  const rule = outputRule(bundled, outputs, tokens);
  return rule && { rule, billsImages, ...(inputPrice && { inputPrice }) };
}

/** The rule of `bundled` at an endpoint's output lines (`endpointPrice`), and its token lines' rates. */
function outputRule(
  bundled: PriceRule,
  outputs: { unit: unknown; cost: string; variant?: string }[],
  tokens: Record<string, string>,
): PriceRule | undefined {
  const [first] = outputs;
  const single = outputs.length === 1 && first.variant === undefined;
  if (first?.unit === 'token' && single && bundled.kind === 'tokens') {
    // A line set with no text line (Gemini's at OpenRouter: `input_image` and `output_image`, or `output_image` alone,
    // test/recorded/openrouter/, read 2026-11-28) still prices the image, from its tokens at that tier; what the text
    // costs, which no line publishes, is the maker's rate that the bundled rule cites (OpenRouter passes makers'
    // prices through, families.ts): a token price is a bound ("at most") in any case, and the reply's `usage.cost`
    // is what is booked.
    const rates: TokenRates = {
      textIn: tokens.input_text ?? bundled.rates.textIn,
      imageIn: tokens.input_image ?? tokens.input_text ?? bundled.rates.imageIn,
      imageOut: perMillion(first.cost),
      textOut: tokens.output_text ?? bundled.rates.textOut,
    };
    return { ...bundled, rates };
  }
  if (outputs.some((output) => output.unit !== 'image')) {
    return first?.unit === 'megapixel' && single
      ? { kind: 'per-megapixel', unit: 'usd', perMp: first.cost, mp: 1e6 }
      : undefined;
  }
  if (bundled.kind !== 'tier') return single ? { kind: 'flat', unit: 'usd', perImage: first.cost } : undefined;
  const cents: [tier: string, cents: string][] = [];
  for (const tier of bundled.qualities) {
    const cost = (single ? first : outputs.find((output) => `${output.variant}`.toLowerCase() === tier.toLowerCase()))
      ?.cost;
    if (!cost) return undefined; // a tier not listed: the bundled prices apply
    cents.push([tier, new Decimal(cost).mul(100).toFixed()]);
  }
  return { ...bundled, costs: Object.fromEntries(cents) };
}

/** A `pricing` line as OpenRouter writes it (ImagePricingEntry): `usd` per `unit`, undefined where it is no sane price. */
export interface PricingLine {
  billable: string;
  unit: string;
  usd?: string;
  variant?: string;
}

/** One of a model's endpoints as its record says it (ImageEndpoint), in OpenRouter's order. */
export interface EndpointRecord {
  /** `provider_tag`: what a request's `provider.only` names to be served here, exactly as written. */
  tag: string;
  name?: string;
  /** The `resolution` values it takes (`supported_parameters`), where it names them. */
  resolutions?: readonly string[];
  /** The `quality` values it takes, where it names them. */
  qualities?: readonly string[];
  /** The most images it takes (`supported_parameters.input_references.max`); 0 where it names none. */
  references: number;
  lines: readonly PricingLine[];
  /** Its `pricing` as served, for the price reader (`endpointPrice`). */
  pricing: unknown;
}

/** The string values of an enum of `supported_parameters`, where it names one. */
function valuesOf(parameter: any): readonly string[] | undefined {
  const values: unknown = parameter?.values;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : undefined;
}

/** One endpoint of a record's `endpoints`, parsed; undefined where it has no `provider_tag` to pin. */
function endpointRecord(served: any): EndpointRecord | undefined {
  if (typeof served?.provider_tag !== 'string' || !served.provider_tag) return undefined;
  const parameters = served.supported_parameters;
  const most: unknown = parameters?.input_references?.max;
  const lines = Array.isArray(served.pricing) ? served.pricing : [];
  return {
    tag: served.provider_tag,
    ...(typeof served.provider_name === 'string' && { name: served.provider_name }),
    ...(valuesOf(parameters?.resolution) && { resolutions: valuesOf(parameters.resolution) }),
    ...(valuesOf(parameters?.quality) && { qualities: valuesOf(parameters.quality) }),
    references: typeof most === 'number' && Number.isSafeInteger(most) && most > 0 ? most : 0,
    lines: lines.map((line: any) => ({
      billable: String(line?.billable),
      unit: String(line?.unit),
      ...(usd(line) !== undefined && { usd: usd(line) }),
      ...(typeof line?.variant === 'string' && { variant: line.variant }),
    })),
    pricing: served.pricing,
  };
}

/** JSON of `url`, without the user's cookies or key (the image models and their endpoints need none). */
const read = (url: string, fetcher: typeof fetch = fetch, signal?: AbortSignal) =>
  fetcher(url, { credentials: 'omit', cache: 'no-store', ...(signal && { signal }) }).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  });

/**
 * The endpoints OpenRouter serves `model` at (`GET {endpoint}/api/v1/images/models/{author}/{slug}/endpoints`, no key:
 * openrouter.ai/docs, "Per-Endpoint Records"), in its order, each parsed (`EndpointRecord`), for the live prices below
 * and for a one-off check of an account. `model` is OpenRouter's slug (`google/gemini-3-pro-image`). Throws where the
 * record cannot be read (an HTTP error, a reply that is not JSON, the signal aborted).
 */
export async function readEndpoints(
  endpoint: string,
  model: string,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<{ url: string; endpoints: EndpointRecord[] }> {
  const url = `${endpoint}/api/v1/images/models/${model}/endpoints`;
  const body = await read(url, fetcher, signal);
  const served: unknown[] = Array.isArray(body?.endpoints) ? body.endpoints : [];
  return { url, endpoints: served.flatMap((each) => endpointRecord(each) ?? []) };
}

/**
 * Whether `record` serves `quality`: one of the resolutions or qualities it lists, without regard to case (Seedream's
 * `2K`); an endpoint that lists neither names no tiers, and is taken to serve any.
 */
function serves(record: EndpointRecord, quality: string): boolean {
  const named = [...(record.resolutions ?? []), ...(record.qualities ?? [])];
  return (
    (!record.resolutions && !record.qualities) || named.some((each) => each.toLowerCase() === quality.toLowerCase())
  );
}

/** `rule` at some of its qualities only (those an endpoint serves), in their order. */
function atQualities(rule: PriceRule, qualities: readonly string[]): PriceRule {
  const quality = (kept: { quality: string }) => (qualities.includes(kept.quality) ? kept.quality : qualities[0]);
  if (rule.kind === 'tokens')
    return { ...rule, qualities, quality: quality(rule), imageTokens: imageTokensAt(rule, qualities) };
  if (rule.kind === 'tier') {
    const costs = Object.fromEntries(qualities.map((each) => [each, rule.costs[each]]));
    return { ...rule, qualities, quality: quality(rule), costs };
  }
  return rule;
}

/** One quality's endpoint: the first in OpenRouter's order that serves it at lines this reads. */
interface Pinned {
  quality: string;
  record: EndpointRecord;
  price: EndpointPrice;
}

/**
 * Model `id`'s entry at its endpoints (`records`, OpenRouter's order): each quality (resolution tier) pinned to the
 * first endpoint that lists it and whose lines this reads, by the tag that endpoint gives (Gemini 3 Pro Image's 1K and
 * 2K at `google-vertex/global`, its 4K at `google-ai-studio/global`, the one that lists 4K: test/recorded/openrouter/,
 * read 2026-11-28), priced by those lines. A quality no endpoint serves is not offered (the quote refuses it before
 * anything is sent); nor is one served only at lines other than the first quality's (one entry quotes one set of
 * lines). Undefined where no endpoint serves any at lines this reads.
 */
function pinnedEntry(id: string, records: readonly EndpointRecord[], source: PriceSource): PriceEntry | undefined {
  const bundledRule = FAMILIES[id].rule;
  const qualities = 'qualities' in bundledRule ? bundledRule.qualities : [''];
  const chosen = qualities.flatMap((quality): Pinned[] => {
    for (const record of records) {
      const price = (!quality || serves(record, quality)) && endpointPrice(bundledRule, record.pricing);
      if (price) return [{ quality, record, price }];
    }
    return [];
  });
  const [head] = chosen;
  if (!head) return undefined;
  const kept = chosen.filter((each) => JSON.stringify(each.price.rule) === JSON.stringify(head.price.rule));
  const offered = kept.map((each) => each.quality);
  const rule = head.quality ? atQualities(head.price.rule, offered) : head.price.rule;
  const pins = Object.fromEntries(kept.map((each) => [each.quality, each.record.tag]));
  const via = ('quality' in rule && pins[rule.quality]) || head.record.tag;
  const entry = withSource(id, rule, via, source, imagesTaken(id, kept));
  return new Set(Object.values(pins)).size > 1 ? { ...entry, viaByQuality: pins } : entry;
}

/**
 * What the endpoints pinned say of the images sent to model `id`: as many as each takes
 * (`supported_parameters.input_references.max`, the fewest of them; each as large as the book's entry takes) where
 * every one bills them, priced by the first's line; where one does not, or takes none, none, and no edit
 * (edit-prices.ts edits only where a line prices the image sent).
 */
function imagesTaken(id: string, pinned: readonly Pinned[]): Pick<PriceEntry, 'references' | 'edits' | 'inputPrice'> {
  const most = Math.min(...pinned.map((each) => (each.price.billsImages ? each.record.references : 0)));
  if (most <= 0) return { references: referenceRule(0), edits: [] };
  const references = { ...(bundled[id]?.references ?? referenceRule(0)), max: most };
  const { inputPrice } = pinned[0].price;
  return { references, ...(inputPrice && { inputPrice }) };
}

/**
 * OpenRouter's live list at `endpoint`: the image API's models (`GET /api/v1/images/models`, `data[].id`) decide which
 * of the families are offered here (`listed`; a model it does not name is not sold now: openapi.yaml has no other
 * sign of a model's end), and each listed one is priced at its endpoints (`readEndpoints`), each quality pinned to
 * the endpoint that serves it (`pinnedEntry`), else at the bundled copy. FLUX is listed whatever the list
 * says: it is sold through chat completions too (adapter.ts), which this list does not speak for. A model the book has
 * ended by the page's clock stays listed, never offered (its date), so that a page naming it is told what replaced it.
 * Undefined where the list cannot be read: the bundled book applies, by its dates, and the quote says so.
 */
export async function liveFamilies(endpoint: string): Promise<LiveCatalogue | undefined> {
  let named: Set<unknown>;
  try {
    const list = await read(`${endpoint}/api/v1/images/models`);
    named = new Set(list.data.map((model: any) => model?.id));
  } catch {
    return undefined;
  }
  const prices: PriceBook = {};
  const refused: string[] = [];
  const now = clock.now();
  const listed = Object.keys(bundled).filter(
    (id) => !FAMILIES[id] || named.has(FAMILIES[id].model) || retired(FAMILIES[id].lifecycle, now),
  );
  const asOf = new Date(now).toJSON().slice(0, 10);
  await Promise.all(
    listed
      .filter((id) => FAMILIES[id] && named.has(FAMILIES[id].model))
      .map(async (id) => {
        const { url, endpoints } = await readEndpoints(endpoint, FAMILIES[id].model).catch(() => ({
          url: '',
          endpoints: [],
        }));
        const entry = pinnedEntry(id, endpoints, { name: 'OpenRouter image endpoints (live)', asOf, url });
        if (entry) prices[id] = { openrouter: entry };
        else if (endpoints.some((each) => outOfRange(each.pricing))) refused.push(id);
      }),
  );
  return { prices, listed, refused };
}
