import type { TokenPricesStrings } from '../../strings/token-prices.js';
import { number } from './words.js';
import { sentences } from '../../strings/sentence.js';

export const tokenPrices = sentences<TokenPricesStrings>({
  imageTokens: (tokens, quality) => `Bild: ${number(tokens)} Tokens in Qualität ${quality} (fest)`,
  imageTokensAbout: (tokens, most, quality) =>
    `Bild: etwa ${number(tokens)} Tokens in Qualität ${quality} (kann schwanken, höchstens ${number(most)})`,
  promptTokens: (expected, most) =>
    `Prompt: etwa ${number(expected)} Tokens (kann schwanken, höchstens ${number(most)})`,
  textTokens: (most) =>
    `Text, den das Modell schreibt: keiner erwartet (kann schwanken, höchstens ${number(most)} Tokens)`,
});
