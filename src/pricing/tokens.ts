import Decimal from 'decimal.js';
import { isRecord } from '../base/checks.js';
import type { Fitted } from './capabilities.js';
import type { ImageTokens, PriceRule } from './price-book.js';
import { tokenPrices } from '../strings/token-prices.js';
import { editPricingIn } from './edits-in-force.js';
import { wordsIn } from '../strings/strings.js';
import type { RulePricer } from './rule-pricer.js';
import { fitQuality } from './qualities.js';

const MILLION = 1e6;

/**
 * The tokens of the image GPT Image or Gemini makes at `quality` (its index in the rule's qualities) and width × height
 * (`ImageTokens`). A size the table lacks (refused before the click) counts as its largest.
 */
export function imageTokens(tokens: ImageTokens, quality: number, width: number, height: number): number {
  if ('byQuality' in tokens) return tokens.byQuality[quality];
  if ('bySize' in tokens) {
    const bySize = tokens.bySize[`${width}x${height}`];
    return bySize?.[quality] ?? Math.max(...Object.values(tokens.bySize).map((each) => each[quality]));
  }
  const long = Math.max(width, height);
  const f = tokens.perSide[quality];
  const s = Math.round((f * Math.min(width, height)) / long);
  return Math.ceil((f * s * (2_000_000 + width * height)) / 4_000_000);
}

/**
 * The most tokens the image at `quality` (its index) can take where that is more than `tokens`, the count expected: the
 * largest count a source gives for it (`byQuality`'s `most`), or the rule's stated multiple of the expected
 * (`imageMost`), whichever is larger; undefined where the count expected is the count billed.
 */
export function imageTokensMost(
  rule: Pick<Extract<PriceRule, { kind: 'tokens' }>, 'imageTokens' | 'imageMost'>,
  quality: number,
  tokens: number,
): number | undefined {
  const listed = 'byQuality' in rule.imageTokens ? (rule.imageTokens.most?.[quality] ?? 0) : 0;
  const most = Math.max(listed, rule.imageMost ? Math.ceil(tokens * rule.imageMost) : 0);
  return most > tokens ? most : undefined;
}

/** The prompt's tokens: about one per 4 bytes of its UTF-8 (expected), at most one per byte (SPEC §12). */
export function promptTokens(prompt: string): { expected: number; most: number } {
  const most = new TextEncoder().encode(prompt).length;
  return { expected: Math.ceil(most / 4), most };
}

/** Whether a page's `most` counts, where it has any, are an array of counts (checked against each expected as used). */
const mostValid = (tokens: Record<string, unknown>) =>
  tokens.most === undefined ||
  (Array.isArray(tokens.most) && tokens.most.every((count) => Number.isInteger(count) && count >= 0));

/** A page's `inputTokens` (what each image sent takes): whole counts, the most at least the expected. */
function inputTokensValid(tokens: unknown): boolean {
  if (!isRecord(tokens)) return false;
  const { expected, most, perImage } = tokens;
  return (
    Number.isInteger(expected) &&
    Number.isInteger(most) &&
    typeof expected === 'number' &&
    typeof most === 'number' &&
    expected >= 0 &&
    most >= expected &&
    (perImage === undefined || perImage === true)
  );
}

/**
 * A price in tokens (PriceRule `tokens`, SPEC §12): the image's tokens, fixed by quality and size; the prompt's and
 * the text written besides may vary, so their lines carry the most they can come to.
 */
export const tokensPricer: RulePricer = {
  valid: (rule) =>
    isRecord(rule.rates) &&
    isRecord(rule.imageTokens) &&
    Array.isArray(rule.qualities) &&
    rule.qualities.includes(rule.quality) &&
    Number.isInteger(rule.textCeiling) &&
    (rule.imageMost === undefined || (typeof rule.imageMost === 'number' && rule.imageMost >= 1)) &&
    mostValid(rule.imageTokens) &&
    (rule.inputTokens === undefined || inputTokensValid(rule.inputTokens)),
  fit: fitQuality,
  lines(rule: PriceRule, fitted: Fitted, prompt, amount, translation, edits) {
    if (rule.kind !== 'tokens') return [];
    const text = wordsIn(translation, 'tokenPrices', tokenPrices);
    const { rates, qualities, textCeiling } = rule;
    const perToken = (rate: string | undefined) => amount(rate ?? rates.imageOut).div(MILLION);
    const quality = fitted.quality ?? rule.quality;
    const tokens = imageTokens(rule.imageTokens, qualities.indexOf(quality), fitted.width, fitted.height);
    const { expected, most } = promptTokens(prompt);
    const image = perToken(rates.imageOut).mul(tokens);
    const ceiling = imageTokensMost(rule, qualities.indexOf(quality), tokens);
    const lines: [string, Decimal, Decimal?][] = [
      ceiling
        ? [text.imageTokensAbout(tokens, ceiling, quality), image, perToken(rates.imageOut).mul(ceiling)]
        : [text.imageTokens(tokens, quality), image],
    ];
    // The prompt, once there is one (an empty one is refused at the click).
    if (most) {
      lines.push([
        text.promptTokens(expected, most),
        perToken(rates.textIn).mul(expected),
        perToken(rates.textIn).mul(most),
      ]);
    }
    // Text written besides the image, where the model writes any: none expected, at most its ceiling.
    if (textCeiling)
      lines.push([text.textTokens(textCeiling), new Decimal(0), perToken(rates.textOut).mul(textCeiling)]);
    // The images sent, where the model bills them as tokens (GPT Image's, Gemini's): priced with the edits' pricing,
    // with the tokens its provider's facts say each takes; asked without it, refused in words (never priced as free).
    if (fitted.inputs.length) {
      const pricing = editPricingIn(edits);
      if (rule.inputTokens) lines.push(...pricing.inputTokenLines(rule, fitted, perToken(rates.imageIn), translation));
    }
    // What an edit that goes on with a conversation sends again (Nano Banana's earlier turns), each a line of its own.
    if (rule.inputTokens && fitted.earlier)
      lines.push(
        ...editPricingIn(edits).earlierLines(
          rule,
          fitted,
          perToken(rates.imageIn),
          perToken(rates.textIn),
          translation,
        ),
      );
    return lines;
  },
};
