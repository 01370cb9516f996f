import Decimal from 'decimal.js';
import { UserPaysError } from '../errors.js';
import type { Quote, QuoteLine, QuoteRequest } from '../types.js';
import { MODELS, modelInfo, type ModelInfo } from './models.js';
import { BUILTIN_PRICE_BOOK, CREDIT_USD, type PriceBook } from './price-book.js';
import * as text from '../strings.js';

const ONE_MP = 1024 * 1024;
const FLUX2_MAX_PIXELS = 4 * ONE_MP;

/** Megapixels as BFL bills them: every started megapixel counts, and never less than one. */
export function megapixels(width: number, height: number): number {
  return Math.max(1, Math.ceil((width * height) / ONE_MP));
}

/** The reduced `W:H` an aspect-ratio model is sent, e.g. 1920×1080 → '16:9'. Expects whole numbers. */
export function aspectRatio(width: number, height: number): string {
  let a = width;
  let b = height;
  while (b) [a, b] = [b, a % b];
  return `${width / a}:${height / a}`;
}

const isPixels = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function stepProblem(side: string, value: number, step: number, who: string): string | null {
  const below = value - (value % step);
  return below === value ? null : text.multipleOf(side, step, who, below);
}

function sideProblem(model: ModelInfo, side: string, value: number): string | null {
  if (!isPixels(value)) return text.wholePixels(side);
  if (model.sizing === 'flux2') {
    return value < 64 ? text.atLeast64(side) : stepProblem(side, value, 16, text.flux2Models());
  }
  if (model.sizing === 'flux11') {
    return value < 256 || value > 1440
      ? text.sideBetween(side, model.label, value < 256 ? 256 : 1440)
      : stepProblem(side, value, 32, model.label);
  }
  return null;
}

/** The first size rule of `model` that width × height breaks, in words a user can act on; null when it fits. */
export function sizeProblem(model: ModelInfo, width: number, height: number): string | null {
  const problem = sideProblem(model, text.width(), width) ?? sideProblem(model, text.height(), height);
  if (problem) return problem;
  if (model.sizing === 'flux2' && width * height > FLUX2_MAX_PIXELS) {
    // Offer the largest size of about the same shape that fits.
    const scale = Math.sqrt(FLUX2_MAX_PIXELS / (width * height));
    const fitWidth = Math.max(64, Math.floor((width * scale) / 16) * 16);
    const fitHeight = Math.floor(Math.min(height, FLUX2_MAX_PIXELS / fitWidth) / 16) * 16;
    return text.atMost4Mp(fitWidth, fitHeight);
  }
  if (model.sizing === 'aspect' && (9 * width > 21 * height || 9 * height > 21 * width)) {
    return text.aspectRange(model.label, width, height, aspectRatio(width, height));
  }
  return null;
}

function invalid(message: string): never {
  throw new UserPaysError('invalid-input', message);
}

// Price strings repeat on every keystroke: parse each once.
const parsedPrices = new Map<string, Decimal>();

function price(amount: string, where: string): Decimal {
  let value = parsedPrices.get(amount);
  if (!value) {
    try {
      value = new Decimal(amount);
    } catch {
      // handled below: a price that is not a number is as wrong as a negative one
    }
    if (!value?.isFinite() || value.isNeg()) invalid(text.badPrice(where, amount));
    parsedPrices.set(amount, value);
  }
  return value;
}

/**
 * The exact price of one submission, with a breakdown whose lines add up to the total.
 * Throws `UserPaysError('invalid-input')`, with a message that says how to fix the request, only
 * where no price can be given; whether the model can make that size is `sizeProblem`'s to say.
 */
export function quoteFor(request: QuoteRequest, book: PriceBook = BUILTIN_PRICE_BOOK): Quote {
  const { model: id, provider = 'puter', width = 1024, height = 1024, count = 1 } = request;
  const inputs = request.inputs ?? [];
  const model = modelInfo(id) ?? invalid(text.noSuchModel(id, MODELS[0].label));
  if (!model.hosted) {
    invalid(text.localOnly(model.label, MODELS[0].label));
  }
  const entry = book[id]?.[provider] ?? invalid(text.noPrice(model.label, provider));
  if (!(isPixels(count) && count <= 4)) invalid(text.countRange());
  // The model's own size rules (multiples of 16, 4 MP …) are `sizeProblem`'s, checked before a
  // submission: a quote prices any real size, so that e.g. 1024×1025 shows what BFL would bill.
  const unusable = !isPixels(width) ? text.width() : !isPixels(height) ? text.height() : '';
  if (unusable) invalid(text.wholePixels(unusable));
  if (inputs.length > model.maxInputs) {
    invalid(text.tooManyReferences(model.label, model.maxInputs, inputs.length - model.maxInputs));
  }
  if (model.requiresInput && !inputs.length) invalid(text.needsImage(model.label));
  let inputMegapixels = 0;
  for (let i = 0; i < inputs.length; i++) {
    const size = inputs[i];
    if (!(isPixels(size?.width) && isPixels(size.height))) {
      invalid(text.referenceWithoutSize(i + 1));
    }
    inputMegapixels += megapixels(size.width, size.height);
  }

  const where = text.priceWhere(model.label, provider);
  const rule = entry.rule;
  let outputMegapixels = megapixels(width, height);
  // Per image, in the rule's unit.
  const parts: [string, Decimal][] = [];
  if (rule.kind === 'megapixel') {
    const extra = price(rule.extra, where);
    parts.push([text.firstMegapixel(), price(rule.first, where)]);
    if (outputMegapixels > 1) parts.push([text.moreMegapixels(outputMegapixels - 1), extra.mul(outputMegapixels - 1)]);
    if (rule.inputs && inputs.length) {
      parts.push([text.referenceImages(inputs.length, inputMegapixels), extra.mul(inputMegapixels)]);
    }
  } else if (rule.kind === 'flat') {
    parts.push([text.flatPerImage(), price(rule.perImage, where)]);
  } else if (rule.kind === 'per-megapixel') {
    const edit = inputs.length ? rule.edit : undefined;
    const perMp = price(edit ?? rule.perMp, where);
    parts.push([text.megapixels(outputMegapixels), perMp.mul(outputMegapixels)]);
    if (edit) {
      inputMegapixels = inputs.length;
      parts.push([text.referencesAtOneMp(inputs.length), perMp.mul(inputMegapixels)]);
    }
  } else {
    // Puter's catalogue costs (see PriceRule): megapixels of 10⁶ pixels, the output's exactly (or the 1 MP a
    // Replicate-served model makes), each reference image's started ones.
    const cents = (...keys: string[]) =>
      keys.reduce((sum, key) => sum.add(price(String(rule.costs[key] ?? 0), where)), new Decimal(0)).div(100);
    const perMp = cents('1MP');
    const perInput = cents('input_mp');
    outputMegapixels = perMp.isZero() ? 1 : (width * height) / 1e6;
    inputMegapixels = perInput.isZero()
      ? 0
      : inputs.reduce((sum, size) => sum + Math.ceil((size.width * size.height) / 1e6), 0);
    parts.push(
      perMp.isZero()
        ? [text.flatPerImage(), cents('run', 'output_mp', 'output', 'per-image')]
        : [text.megapixels(outputMegapixels), perMp.mul(width * height).div(1e6)],
    );
    if (inputMegapixels)
      parts.push([text.referenceImages(inputs.length, inputMegapixels), perInput.mul(inputMegapixels)]);
  }

  const usdPerUnit = rule.unit === 'credit' ? price(CREDIT_USD, text.aCredit()) : null;
  const suffix = count > 1 ? text.timesImages(count) : '';
  const lines: QuoteLine[] = [];
  let units = parts[0][1];
  for (let i = 1; i < parts.length; i++) units = units.add(parts[i][1]);
  const usage = usdPerUnit ? units.mul(usdPerUnit) : units;
  for (const [label, amount] of parts) {
    const usd = usdPerUnit ? amount.mul(usdPerUnit) : amount;
    lines.push({ label: label + suffix, amount: usd.mul(count).toString() });
  }
  let perImage = usage;
  if (entry.topUpFee) {
    const fee = price(entry.topUpFee, where);
    if (fee.gte(1)) invalid(text.badTopUpFee(where, entry.topUpFee));
    // Rounded up to a millionth of a dollar, so the preview never promises less than is taken.
    perImage = usage.div(new Decimal(1).sub(fee)).toDecimalPlaces(6, Decimal.ROUND_UP);
    lines.push({ label: text.topUpFee(fee.mul(100).toString()), amount: perImage.sub(usage).mul(count).toString() });
  }
  const quote: Quote = {
    provider,
    model: id,
    count,
    currency: 'USD',
    total: perImage.mul(count).toString(),
    perImage: perImage.toString(),
    outputMegapixels,
    inputMegapixels,
    lines,
    source: entry.source,
    exact: entry.exact,
  };
  if (usdPerUnit) quote.credits = units.mul(count).toString();
  return quote;
}
