import Decimal from 'decimal.js';
import { clock } from '../../base/clock.js';
import type { PriceBook, PriceRule, TokenRates } from '../../pricing/index.js';
import { FAMILIES, withSource } from './families.js';

// OpenRouter's live prices of the other families (families.ts), read by its adapter (`Provider.livePrices`).

/** A `cost_usd` (a JSON number) as decimal text, exactly as written; undefined where it is no amount. */
const usd = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? new Decimal(value).toFixed() : undefined;

const perMillion = (cost: string) => new Decimal(cost).mul(1e6).toFixed();

/**
 * The rule of `bundled` at one endpoint's `pricing` lines: tokens (`input_text`, `input_image`, `output_image`, and
 * `output_text` where listed: USD per million), one price per image (by `variant`, matched to the resolution tiers
 * without regard to case, or one for them all), or per megapixel. Undefined where a line is of a shape this does not
 * know, or bills what this cannot bound: the bundled price applies.
 */
function lineRule(bundled: PriceRule, lines: unknown): PriceRule | undefined {
  if (!Array.isArray(lines)) return undefined;
  const outputs: { unit: unknown; cost: string; variant?: string }[] = [];
  const tokens: Record<string, string> = {};
  for (const line of lines) {
    const cost = usd(line?.cost_usd);
    if (!cost) return undefined;
    if (line.billable === 'output_image') outputs.push({ unit: line.unit, cost, variant: line.variant });
    else if (line.unit === 'token') tokens[line.billable] = perMillion(cost);
    // Inputs never sent here (references, fonts) bill nothing; any other line may.
    else if (!['input_image', 'input_reference', 'input_font'].includes(line.billable)) return undefined;
  }
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
  const costs = bundled.qualities.map(
    (tier) =>
      (single ? first : outputs.find((output) => `${output.variant}`.toLowerCase() === tier.toLowerCase()))?.cost,
  );
  if (!costs.every(Boolean)) return undefined;
  const cents = costs.map((cost) => new Decimal(cost!).mul(100).toFixed());
  return { ...bundled, costs: Object.fromEntries(bundled.qualities.map((tier, index) => [tier, cents[index]])) };
}

/** JSON of `url`, without the user's cookies or key (the image models and their endpoints need none). */
const read = (url: string) =>
  fetch(url, { credentials: 'omit', cache: 'no-store' }).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  });

/**
 * OpenRouter's live prices of the families at `endpoint`, as a price book to lay over the bundled one: a model the
 * image API does not list (`GET /api/v1/images/models`, `data[].id`) is not offered here; a listed one is priced at the
 * first of its endpoints with a `provider_tag` (OpenRouter's order) whose lines this reads, pinned to it, else at the
 * bundled copy. Undefined where the list cannot be read: the bundled prices apply, and the quote says so.
 */
export async function liveFamilies(endpoint: string): Promise<PriceBook | undefined> {
  let listed: Set<unknown>;
  try {
    const list = await read(`${endpoint}/api/v1/images/models`);
    listed = new Set(list.data.map((model: any) => model?.id));
  } catch {
    return undefined;
  }
  const found: PriceBook = {};
  const asOf = new Date(clock.now()).toJSON().slice(0, 10);
  await Promise.all(
    Object.keys(FAMILIES).map(async (id) => {
      const model = FAMILIES[id].model!;
      if (!listed.has(model)) return void (found[id] = { openrouter: undefined });
      const url = `${endpoint}/api/v1/images/models/${model}/endpoints`;
      const body = await read(url).catch(() => undefined);
      for (const each of Array.isArray(body?.endpoints) ? body.endpoints : []) {
        const rule = typeof each?.provider_tag === 'string' && lineRule(FAMILIES[id].rule, each.pricing);
        if (!rule) continue;
        const source = { name: 'OpenRouter image endpoints (live)', asOf, url };
        return void (found[id] = { openrouter: withSource(id, rule, each.provider_tag, source) });
      }
    }),
  );
  return found;
}
