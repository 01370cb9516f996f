/**
 * Whether what a provider reported an image cost can be believed (SPEC §12; docs/contract.md, Money): a report beyond
 * reason is no report, as OpenRouter caps a reported cost and BFL its credits. Believed, it is booked as certain; not
 * believed, the image is booked at its price's bound, uncertain, and the figure reported is kept in its receipt.
 */
import Decimal from 'decimal.js';
import type { TokenRates } from '../pricing/index.js';
import { promptTokens } from '../pricing/tokens.js';
import type { Charge } from '../providers/provider.js';

/**
 * The most tokens one call of a token-billed image model can be billed for, in and out alike. Out: Google's own limit
 * for its image models, "Limited to 32,768 output tokens" (docs.cloud.google.com/vertex-ai/generative-ai/docs/models/
 * gemini/3-1-flash-image, read 2026-11-25). OpenAI states no such limit for GPT Image, and its rule fixes an image's
 * tokens by size and quality: its largest image (3840×2160 at `high`) is 13,342 tokens by gpt-image-2's rule, 26,684
 * at the twice of it 2.5 and 2.6 are quoted at, both within the same 32,768. In: each input image at most as many.
 */
export const TOKENS_MOST = 32_768;

/**
 * What a call's prompt may carry besides the words typed: OpenAI's and Google's request templates. Measured: the
 * recorded GPT Image replies bill 238 tokens for 1,122 bytes of prompt, Gemini's 10 for a short one; a thousand is
 * far beyond any template seen, and below what an absurd report takes.
 */
const PROMPT_OVERHEAD = 1_024;

/**
 * A path priced per image (or per megapixel, or tier) charges its price: a report over ten times the most this image
 * can cost is not a price of this image (a provider that raises a price tenfold overnight is not one a page may book
 * from unasked). Where the page priced the image at nothing or near it, the ceiling is ten times $1, the dearest image
 * any path here sells being under $1 (pricing/sane-prices.ts), so that the provider's report still wins over the page.
 */
const TIMES_THE_PRICE = 10;
const DEAREST_IMAGE_USD = 1;

/** What the ceiling is worked out from: the request as sent, and what its image is booked at with no report. */
export interface ReportedFor {
  /** The rates a usage report is booked at, for a model billed in tokens. */
  rates?: TokenRates;
  prompt: string;
  /** How many input images the request carries. */
  inputs: number;
  /** The most this image can cost by its quote, USD. */
  most: string;
}

/**
 * The most a report may say one image of this request cost (USD) and still be believed: for tokens, the prompt at one
 * token per byte plus its template, each input image and the output at `TOKENS_MOST`, each at the dearest of its rates;
 * for the other rules, `TIMES_THE_PRICE` the image's most, or that many dollars.
 */
export function reportCeiling({ rates, prompt, inputs, most }: ReportedFor): Decimal {
  if (!rates) return Decimal.max(most, DEAREST_IMAGE_USD).times(TIMES_THE_PRICE);
  const perToken = (...each: (string | undefined)[]) =>
    Decimal.max(...each.map((rate) => rate ?? rates.imageOut)).div(1e6);
  const textIn = promptTokens(prompt).most + PROMPT_OVERHEAD;
  return perToken(rates.textIn)
    .times(textIn)
    .plus(perToken(rates.imageIn, rates.textIn).times(inputs * TOKENS_MOST))
    .plus(perToken(rates.imageOut, rates.textOut).times(TOKENS_MOST));
}

/** A report, believed (`charge`), or not (`disbelieved`: what it said, USD, for the receipt). */
export type Checked = { charge?: Charge; disbelieved?: undefined } | { charge?: undefined; disbelieved: string };

/**
 * `charge` as the provider reported it, checked: believed where it is an amount of at least nothing, not nothing for
 * an image that was made where the image has a price, and within `reportCeiling`; else not believed. No report is no
 * report (`{}`).
 */
export function checkReport(charge: Charge | undefined, reported: ReportedFor): Checked {
  if (!charge) return {};
  let usd: Decimal;
  try {
    usd = new Decimal(charge.usd);
  } catch {
    return { disbelieved: String(charge.usd).slice(0, 40) };
  }
  const priced = new Decimal(reported.most).gt(0);
  const absurd = !usd.isFinite() || usd.isNeg() || (usd.isZero() && priced) || usd.gt(reportCeiling(reported));
  return absurd ? { disbelieved: usd.toString() } : { charge };
}
