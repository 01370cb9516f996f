import Decimal from 'decimal.js';
import { clock } from '../../base/clock.js';
import {
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
  if (first?.unit === 'token' && single && bundled.kind === 'tokens' && tokens.input_text) {
    const rates: TokenRates = {
      textIn: tokens.input_text,
      imageIn: tokens.input_image ?? tokens.input_text,
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

/**
 * What the endpoint pinned says of the images sent to model `id`: as many as its record takes
 * (`supported_parameters.input_references.max`, each as large as the book's entry takes) where a line bills them,
 * priced by that line; where none does, or it takes none, none, and no edit (edit-prices.ts edits only where a line
 * prices the image sent).
 */
function imagesTaken(
  id: string,
  price: EndpointPrice,
  endpoint: any,
): Pick<PriceEntry, 'references' | 'edits' | 'inputPrice'> {
  const most: unknown = endpoint?.supported_parameters?.input_references?.max;
  if (!price.billsImages || !Number.isSafeInteger(most) || (most as number) <= 0)
    return { references: referenceRule(0), edits: [] };
  const references = { ...(bundled[id]?.references ?? referenceRule(0)), max: most as number };
  return { references, ...(price.inputPrice && { inputPrice: price.inputPrice }) };
}

/** JSON of `url`, without the user's cookies or key (the image models and their endpoints need none). */
const read = (url: string) =>
  fetch(url, { credentials: 'omit', cache: 'no-store' }).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  });

/**
 * OpenRouter's live list at `endpoint`: the image API's models (`GET /api/v1/images/models`, `data[].id`) decide which
 * of the families are offered here (`listed`; a model it does not name is not sold now: openapi.yaml has no other
 * sign of a model's end), and each listed one is priced at the first of its endpoints with a `provider_tag`
 * (OpenRouter's order) whose lines this reads, pinned to it, else at the bundled copy. FLUX is listed whatever the list
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
        const url = `${endpoint}/api/v1/images/models/${FAMILIES[id].model}/endpoints`;
        const body = await read(url).catch(() => undefined);
        const endpoints: any[] = Array.isArray(body?.endpoints) ? body.endpoints : [];
        for (const each of endpoints) {
          const price = typeof each?.provider_tag === 'string' && endpointPrice(FAMILIES[id].rule, each.pricing);
          if (!price) continue;
          const source = { name: 'OpenRouter image endpoints (live)', asOf, url };
          const entry = withSource(id, price.rule, each.provider_tag, source, imagesTaken(id, price, each));
          return void (prices[id] = { openrouter: entry });
        }
        if (endpoints.some((each) => outOfRange(each?.pricing))) refused.push(id);
      }),
  );
  return { prices, listed, refused };
}
