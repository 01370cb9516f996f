import Decimal from 'decimal.js';
import { invalid, isAmount, isRecord } from '../base/checks.js';
import { asUserPaysError } from '../base/errors.js';
import * as pricesDeveloper from '../strings/prices.js';
import { errors } from '../strings/errors.js';
import { prices, type PricesStrings } from '../strings/prices.js';
import { sayer, wordsIn, type Translation } from '../strings/strings.js';
import type { ProviderId, Quote, QuoteLine, QuoteRequest, Size } from '../base/types.js';
import { editPricingIn, withEditFacts, type EditsInForce } from './edits-in-force.js';
import { capabilityOf, fitRequest, type Capability, type Fitted } from './capabilities.js';
import { MODELS, modelInfo } from './models.js';
import { tokensPricer } from './tokens.js';
import { tierPricer } from './tiers.js';
import type { RulePricer } from './rule-pricer.js';
import { CREDIT_USD, type PriceBook, type PriceEntry } from './price-book.js';
import { lifeNote, servedModel } from './replacement.js';
import type { PriceBookProblem } from '../strings/price-book.js';

const ONE_MP = 1024 * 1024;
/** The address sentences, named, for the element that shows a problem to say it in its words. */
const sayError = sayer('errors', errors);

/**
 * Megapixels as BFL bills them: every started megapixel (1024², or `unit` pixels: Puter's 10⁶) counts, and never less
 * than one.
 */
export function megapixels(width: number, height: number, unit = ONE_MP): number {
  return Math.max(1, Math.ceil((width * height) / unit));
}

/**
 * Refuses a request whose price the page's own price book sets wrongly: the user reads that the site's price for
 * `where` cannot be read (in their language), the page's developer what to fix, in the console (English; its words load
 * when a book is found wrong: pricing/price-book-problems.ts).
 */
function wrongBook(where: BookEntry, text: PricesStrings, problem: PriceBookProblem): never {
  void import('./price-book-problems.js')
    .then(({ tellDeveloper }) => tellDeveloper(where.entry, problem))
    .catch(() => {});
  invalid(text.priceBookBroken(where.said));
}

/**
 * An entry of a price book: as the visitor reads it (`said`: "FLUX.2 [klein] 9B at the gateway", in their language)
 * and as its developer wrote it (`entry`: `priceBook["flux-2-klein-9b"].openai`, in English, for the console).
 */
export interface BookEntry {
  said: string;
  entry: string;
}

const isPixels = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** A size as a page hands it: whole pixels each way. */
const isSize = (value: unknown): value is Size => isRecord(value) && isPixels(value.width) && isPixels(value.height);

// Price strings repeat on every keystroke: parse each once.
const parsedPrices = new Map<string, Decimal>();

/**
 * An amount from a price book, exactly. Only decimal strings are accepted: a JavaScript number has already
 * lost exactness (0.1 + 0.2 is 0.30000000000000004) and a typo must not become a guessed price.
 */
function price(amount: unknown, where: BookEntry, text: PricesStrings): Decimal {
  let value = typeof amount === 'string' ? parsedPrices.get(amount) : undefined;
  if (!value) {
    if (!isAmount(amount)) wrongBook(where, text, { kind: 'price', price: String(amount) });
    value = new Decimal(amount);
    parsedPrices.set(amount, value);
  }
  return value;
}

const UNITS: Record<string, readonly string[]> = {
  megapixel: ['credit', 'usd'],
  flat: ['credit', 'usd'],
  'per-megapixel': ['usd'],
  puter: ['usd'],
  tokens: ['usd'],
  tier: ['usd', 'credit'],
};

/** The rules whose pricing is more than a figure per image or per megapixel: GPT Image's and Gemini's tokens, tiers. */
const PRICERS: Partial<Record<string, RulePricer>> = { tokens: tokensPricer, tier: tierPricer };
/** The rules priced by a figure per image or per megapixel, here. */
const BUILT_IN_RULES: readonly string[] = ['megapixel', 'flat', 'per-megapixel', 'puter'];

// Entries already checked (price books are long-lived objects; a page's own is checked once).
const checkedEntries = new WeakSet<PriceEntry>();

/** Refuses a price-book entry that is not whole: an unknown rule or unit, no source, sizes that make no sense. */
function checkEntry(entry: PriceEntry, where: BookEntry, text: PricesStrings): PriceEntry {
  if (checkedEntries.has(entry)) return entry;
  const rule: unknown = entry.rule;
  if (!isRecord(rule) || typeof rule.kind !== 'string' || !Object.hasOwn(UNITS, rule.kind))
    wrongBook(where, text, { kind: 'rule' });
  const { kind, unit } = rule;
  if (!UNITS[kind].some((known) => known === unit)) {
    wrongBook(where, text, { kind: 'unit', unit: String(unit), units: UNITS[kind] });
  }
  const source: unknown = entry.source;
  if (!isRecord(source) || typeof source.name !== 'string' || typeof source.asOf !== 'string') {
    wrongBook(where, text, { kind: 'source' });
  }
  if (typeof entry.exact !== 'boolean') wrongBook(where, text, { kind: 'exact' });
  if (entry.topUpFee !== undefined && !price(entry.topUpFee, where, text).lt(1)) {
    wrongBook(where, text, { kind: 'topUpFee', fee: String(entry.topUpFee) });
  }
  if (entry.earningsShare !== undefined) price(entry.earningsShare, where, text);
  const whole = (value: unknown) => value === undefined || isPixels(value);
  /** Absent, or a record that `valid` accepts. */
  const absentOr = (value: unknown, valid: (record: Record<string, unknown>) => boolean) =>
    value === undefined || (isRecord(value) && valid(value));
  if (
    !absentOr(
      entry.sizes,
      (sizes) =>
        ['pixels', 'snapped', 'ratios', 'aspect', 'input', 'sizes'].some((known) => known === sizes.kind) &&
        whole(sizes.step) &&
        whole(sizes.min) &&
        whole(sizes.max) &&
        whole(sizes.maxPixels),
    ) ||
    !absentOr(entry.references, (references) => Number.isInteger(references.max) && isPixels(references.maxPixels)) ||
    !whole(rule.mp) ||
    PRICERS[kind]?.valid(rule) === false
  ) {
    wrongBook(where, text, { kind: 'capability' });
  }
  checkedEntries.add(entry);
  return entry;
}

/**
 * The request with its defaults, each field checked: what is malformed is refused in plain words; an edit by the edits'
 * pricing (`edits`), refused in words where the quote is asked without it.
 */
function checkRequest(request: unknown, text: PricesStrings, translation?: Translation, edits?: EditsInForce) {
  if (!isRecord(request)) invalid(pricesDeveloper.notARequest());
  const {
    provider = 'puter',
    model,
    width = 1024,
    height = 1024,
    count = 1,
    inputs = [],
    endpoint,
    earnings,
    prompt = '',
    quality,
    edit,
  } = request;
  if (typeof provider !== 'string') invalid(text.noPrice(String(model), String(provider)));
  if (typeof model !== 'string') invalid(text.noSuchModel(String(model), MODELS[0].label));
  if (!isPixels(width)) invalid(text.wholePixels(text.width()));
  if (!isPixels(height)) invalid(text.wholePixels(text.height()));
  if (!(isPixels(count) && count <= 4)) invalid(text.countRange());
  if (!Array.isArray(inputs)) invalid(pricesDeveloper.referencesNotAList());
  if (!inputs.every(isSize)) invalid(text.referenceWithoutSize(inputs.findIndex((size) => !isSize(size)) + 1));
  if (endpoint !== undefined && typeof endpoint !== 'string') {
    invalid(sayError.endpointInsecure());
  }
  if (typeof prompt !== 'string' || (quality !== undefined && typeof quality !== 'string'))
    invalid(pricesDeveloper.promptOrQualityNotText());
  return {
    ...(edit !== undefined && { edit: editPricingIn(edits).checkEdit(edit, translation) }),
    provider: provider as ProviderId,
    model,
    width,
    height,
    count,
    inputs,
    endpoint,
    earnings: earnings === true,
    prompt,
    quality,
  };
}

/**
 * What a request costs and what the provider makes of it, checked against `book` (the built-in prices, the page's,
 * Puter's live ones: src/providers/registry/prices.ts puts the built-in ones together): the entry for the model and
 * provider, its capability and the request fitted to it (`Fitted`), and while an image is edited, the size the model
 * makes of it (`editedSize`). Throws `invalid-input` where no price exists; shared by the quote and the submission,
 * which sends what was priced. `edits`: how edits are priced and each model's edit facts, where the caller has them
 * (`EditsInForce`).
 */
export function priceRequest(
  request: QuoteRequest,
  book: PriceBook,
  text = prices,
  translation?: Translation,
  edits?: EditsInForce,
) {
  const { asked, replaced } = servedModel(book, checkRequest(request, text, translation, edits), text);
  const model = modelInfo(asked.model) ?? invalid(text.noSuchModel(asked.model, MODELS[0].label));
  const byProvider = Object.hasOwn(book, model.id) ? book[model.id] : undefined;
  const where = {
    said: text.priceWhere(model.label, asked.provider),
    entry: `priceBook[${JSON.stringify(model.id)}].${asked.provider}`,
  };
  const stated =
    byProvider && Object.hasOwn(byProvider, asked.provider) && byProvider[asked.provider]
      ? checkEntry(byProvider[asked.provider]!, where, text)
      : invalid(text.noPrice(model.label, asked.provider));
  // What the model makes of images sent to it, where the edits' facts are given (its provider's edit-prices.ts).
  const entry = withEditFacts(stated, asked.provider, model.id, edits);
  const { rule } = entry;
  if (!BUILT_IN_RULES.includes(rule.kind) && !PRICERS[rule.kind]) wrongBook(where, text, { kind: 'rule' });
  const { edit } = asked;
  const own = capabilityOf(entry, asked.provider);
  const pricing = edit && editPricingIn(edits);
  const capability = pricing ? pricing.editCapability(own, entry, edit) : own;
  // An extend makes the image with its sides around it, whatever size the form asks.
  const image = asked.inputs[0];
  const { width, height } = pricing && edit.extend && image ? pricing.extendedSize(edit.extend, image) : asked;
  const fit = (fitTo = capability) => fitRequest(fitTo, model, width, height, asked.inputs, text);
  // A rule the families price by settles its own settings too (the quality tier sent, and the size it makes).
  const made = PRICERS[rule.kind]?.fit(rule, fit, capability, asked.quality, model.label, text) ?? fit();
  const fitted = pricing ? pricing.editFitted(made, entry, edit, model.label, translation, asked.prompt) : made;
  // An edit keeps the image's shape and size as this model makes it: what a click on another model asks for.
  const editedSize = pricing && image ? pricing.editSize(capability.sizes, image) : undefined;
  return { asked, model, entry, capability, fitted, where, replaced, editedSize };
}

/** Per image, in the rule's unit: the breakdown's parts, and the megapixels billed. */
function parts(
  entry: PriceEntry,
  fitted: Fitted,
  where: BookEntry,
  text: PricesStrings,
  prompt: string,
  translation?: Translation,
  edits?: EditsInForce,
) {
  const { rule } = entry;
  const { inputs, width, height } = fitted;
  const amount = (value: unknown) => price(value, where, text);
  /** A label, its amount and, where the line may vary, the most it can come to. */
  const lines: [string, Decimal, Decimal?][] = [];
  /** What each reference image adds, where they are billed: its megapixels as billed, and its part of the line. */
  let references: [number, Decimal][] = [];
  let outputMegapixels = megapixels(width, height);
  /** Each reference image's started megapixels, of `unit` pixels. */
  const started = (unit?: number) => inputs.map((size) => megapixels(size.width, size.height, unit));
  const sum = (each: number[]) => each.reduce((total, one) => total + one, 0);
  let inputMegapixels = sum(started());
  /** The reference images billed at `rate` per megapixel, `each` at its megapixels: one line for them all. */
  const billReferences = (each: number[], rate: Decimal) => {
    inputMegapixels = sum(each);
    // An edit's first input is the image it edits: a line of its own, named so; the others are references.
    const [edited, ...others] = fitted.editing ? each : [0, ...each];
    if (edited) lines.push([text.imageToEdit(edited), rate.mul(edited)]);
    if (sum(others)) lines.push([text.referenceImages(others.length, sum(others)), rate.mul(sum(others))]);
    references = each.map((started) => [started, rate.mul(started)]);
  };
  if (rule.kind === 'megapixel') {
    const extra = amount(rule.extra);
    lines.push([text.firstMegapixel(), amount(rule.first)]);
    if (outputMegapixels > 1) lines.push([text.moreMegapixels(outputMegapixels - 1), extra.mul(outputMegapixels - 1)]);
    if (rule.inputs) billReferences(started(), extra);
  } else if (rule.kind === 'flat') {
    lines.push([text.flatPerImage(), amount(rule.perImage)]);
  } else if (rule.kind === 'per-megapixel') {
    const edit = inputs.length ? rule.edit : undefined;
    const perMp = amount(edit ?? rule.perMp);
    const area = width * height;
    // With `mp`, the output's area exactly, as the gateway counts it (see PriceRule).
    if (rule.mp) outputMegapixels = area / rule.mp;
    const output = (rate: Decimal) => (rule.mp ? rate.mul(area).div(rule.mp) : rate.mul(outputMegapixels));
    lines.push([text.megapixels(outputMegapixels), output(perMp)]);
    inputMegapixels = edit ? inputs.length : 0;
    if (edit) {
      const others = inputs.length - (fitted.editing ? 1 : 0);
      if (fitted.editing) lines.push([text.imageToEdit(1), perMp]);
      if (others) lines.push([text.referencesAtOneMp(others), perMp.mul(others)]);
      // The references' amounts add up to what they raise the total by: the first also moves the output from the
      // text endpoint's rate to the edit endpoint's, so it carries that change (two at $0.01 each on fal raise a
      // $0.005 image to $0.03: $0.015 and $0.01).
      const moved = output(perMp).sub(output(amount(rule.perMp)));
      references = inputs.map((_, index) => [1, index === 0 ? perMp.add(moved) : perMp]);
    }
  } else if (rule.kind !== 'puter') {
    // A price in tokens or by tier (`PRICERS`).
    lines.push(...PRICERS[rule.kind]!.lines(rule, fitted, prompt, amount, translation, edits));
  } else {
    // Puter's catalogue costs (see PriceRule): megapixels of 10⁶ pixels, the output's exactly (or the 1 MP a
    // Replicate-served model makes), each reference image's started ones.
    const costs = isRecord(rule.costs) ? rule.costs : wrongBook(where, text, { kind: 'rule' });
    const cents = (...keys: string[]) =>
      keys.reduce((sum, key) => (Object.hasOwn(costs, key) ? sum.add(amount(costs[key])) : sum), new Decimal(0));
    const perMp = cents('1MP').div(100);
    const perInput = cents('input_mp').div(100);
    outputMegapixels = perMp.isZero() ? 1 : (width * height) / 1e6;
    lines.push(
      perMp.isZero()
        ? [text.flatPerImage(), cents('run', 'output_mp', 'output', 'per-image').div(100)]
        : [text.megapixels(outputMegapixels), perMp.mul(width * height).div(1e6)],
    );
    billReferences(perInput.isZero() ? [] : started(1e6), perInput);
  }
  // The images sent, where the entry prices them apart from its rule (its provider's edit facts, a live list's line).
  if (entry.inputPrice && inputs.length) {
    const each = amount(entry.inputPrice.usd);
    lines.push(
      ...editPricingIn(edits).inputPriceLines(
        entry.inputPrice,
        fitted,
        rule.unit === 'credit' ? each.div(CREDIT_USD) : each,
        translation,
      ),
    );
  }
  return { lines, outputMegapixels, inputMegapixels, references };
}

/** A request priced as the preview prices it: its quote and what the provider makes of it, or why it has none. */
export interface Priced {
  quote?: Quote;
  /** No price (unknown model, bad input), or what the provider cannot make of it (`quote.problem`); '' when none. */
  problem: string;
  /** What the provider makes of the model, and of this request; undefined while there is no price. */
  capability?: Capability;
  fitted?: Fitted;
  /** The price-book entry that priced it (a gateway's own name for the model). */
  entry?: PriceEntry;
  /** While an image is edited, the size the model makes of it (`priceRequest`). */
  editedSize?: Size;
}

/**
 * `request` priced with `book`; never throws: what cannot be priced is its `problem`, in words (`translation`'s over
 * English: the element's, so that its quote, its lines and its problem are in its language). `edits`: the edits'
 * pricing, where the caller has it (`priceRequest`).
 */
export function priceOf(
  request: QuoteRequest,
  book: PriceBook,
  translation?: Translation,
  edits?: EditsInForce,
): Priced {
  try {
    const { quote, capability, fitted, entry, editedSize } = quoteDetails(
      request,
      book,
      wordsIn(translation, 'prices', prices),
      translation,
      edits,
    );
    return { quote, problem: quote.problem ?? '', capability, fitted, entry, ...(editedSize && { editedSize }) };
  } catch (error) {
    return { problem: asUserPaysError(error).toDetail(translation).message };
  }
}

/**
 * The exact price of one submission with `book`, with a breakdown whose lines add up to the total, priced as the
 * provider bills what it will really make and receive: a size it snaps, references resized to fit; and what
 * `priceRequest` found on the way (the capability, the request fitted to it). Throws `UserPaysError('invalid-input')`,
 * in words that say how to fix the request, where no price can be given; a request that has a price but cannot be
 * sent as it is (a size the model cannot make, a missing image to edit) carries the reason in `problem`, and a change
 * made to fit it in `note`. `text`: the price sentences in the element's words (`translation`'s, for the lines of
 * the rules the other families price by); `edits`: the edits' pricing, where the caller has it (`priceRequest`).
 */
export function quoteDetails(
  request: QuoteRequest,
  book: PriceBook,
  text = prices,
  translation?: Translation,
  edits?: EditsInForce,
) {
  const priced = priceRequest(request, book, text, translation, edits);
  const { asked, entry, fitted, where } = priced;
  const { count } = asked;
  const {
    lines: perImageParts,
    outputMegapixels,
    inputMegapixels,
    references,
  } = parts(entry, fitted, where, text, asked.prompt, translation, edits);
  const usdPerUnit = entry.rule.unit === 'credit' ? price(CREDIT_USD, where, text) : null;
  const fee = entry.topUpFee === undefined ? undefined : price(entry.topUpFee, where, text);
  const share = asked.earnings && entry.earningsShare !== undefined ? price(entry.earningsShare, where, text) : null;
  /** An amount in the rule's unit, in USD. */
  const toUsd = (amount: Decimal) => (usdPerUnit ? amount.mul(usdPerUnit) : amount);
  /** USD with the top-up fee, rounded up to a millionth of a dollar, so the preview never promises less than is taken. */
  const withFee = (usd: Decimal) => (fee ? usd.div(new Decimal(1).sub(fee)).toDecimalPlaces(6, Decimal.ROUND_UP) : usd);
  /** Per image, in the rule's unit → USD for the whole submission, the top-up fee included. */
  const submissionUsd = (amount: Decimal) => withFee(toUsd(amount).mul(count));
  /** Per image, in the rule's unit → what the user pays per image: the fee and the site's share included. */
  const paid = (units: Decimal) => {
    const usd = withFee(toUsd(units));
    // The site's share, on top of what the provider charges: exact (a fraction of an exact price).
    return share ? usd.add(usd.mul(share)) : usd;
  };
  const suffix = count > 1 ? text.timesImages(count) : '';
  const lines: QuoteLine[] = [];
  let units = new Decimal(0);
  /** The most one image can come to, in the rule's unit, where a line may vary (a price in tokens); else undefined. */
  let mostUnits: Decimal | undefined;
  for (const [label, amount, most] of perImageParts) {
    mostUnits = most || mostUnits ? (mostUnits ?? units).add(most ?? amount) : undefined;
    units = units.add(amount);
    const line: QuoteLine = { label: label + suffix, amount: toUsd(amount).mul(count).toString() };
    if (most) line.atMost = toUsd(most).mul(count).toString();
    lines.push(line);
  }
  const usage = toUsd(units);
  const perImage = paid(units);
  if (fee) {
    lines.push({
      label: text.topUpFee(fee.mul(100).toString()),
      amount: withFee(usage).sub(usage).mul(count).toString(),
    });
  }
  if (share) {
    // The site's share, its own line.
    const earned = withFee(usage).mul(share);
    lines.push({ label: text.siteShare(share.mul(100).toString()), amount: earned.mul(count).toString() });
  }
  const quote: Quote = {
    provider: asked.provider,
    model: asked.model,
    count,
    currency: 'USD',
    total: perImage.mul(count).toString(),
    perImage: perImage.toString(),
    outputMegapixels,
    inputMegapixels,
    lines,
    source: entry.source.liveRefused ? { ...entry.source, why: text.liveRefused(asked.provider) } : entry.source,
    exact: entry.exact,
  };
  if (mostUnits?.gt(units)) quote.atMost = paid(mostUnits).mul(count).toString();
  if (usdPerUnit) quote.credits = units.mul(count).toString();
  if (references.length)
    quote.references = references.map(([megapixels, amount]) => ({
      megapixels,
      amount: submissionUsd(amount).toString(),
    }));
  if (fitted.problem) quote.problem = fitted.problem;
  const note = [lifeNote(priced, book, text), fitted.note].filter(Boolean).join(' ');
  if (note) quote.note = note;
  return { ...priced, quote };
}

/**
 * The most a quote can come to: `atMost` where its price is a bound (a model billed by tokens, SPEC §12), else its
 * total. What every check of money before the click uses (the budget, the balance, the projection, the comparison) and
 * what the ledger holds while an image is under way, so that nothing spends more than the widget promised.
 */
export const mostOf = (quote: Pick<Quote, 'total' | 'atMost'>): string => quote.atMost ?? quote.total;

/** The most one image of the quote can come to (see `mostOf`). */
export const mostPerImage = (quote: Pick<Quote, 'perImage' | 'atMost' | 'count'>): string =>
  quote.atMost === undefined ? quote.perImage : new Decimal(quote.atMost).div(quote.count).toString();
