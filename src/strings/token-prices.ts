/**
 * The lines of a price in tokens (GPT Image, Gemini: SPEC §12): the image's tokens, fixed by quality and size; the
 * prompt's, about so many; the text or thinking the model writes besides (src/pricing/tokens.ts).
 */

import { sentences } from './sentence.js';
export interface TokenPricesStrings {
  imageTokens(tokens: number, quality: string): string;
  /**
   * The image's tokens where no rule fixes them (GPT Image 2.5, 2.6: at most a stated ceiling) or a source gives more
   * than expected (Nano Banana 2.1 at 2K and 4K: at most the largest count any gives): about so many, at most `most`.
   */
  imageTokensAbout(tokens: number, most: number, quality: string): string;
  promptTokens(expected: number, most: number): string;
  textTokens(most: number): string;
}

export const tokenPrices = sentences<TokenPricesStrings>({
  imageTokens: (tokens, quality) => `Image: ${tokens.toLocaleString('en')} tokens at ${quality} quality (fixed)`,
  imageTokensAbout: (tokens, most, quality) =>
    `Image: about ${tokens.toLocaleString('en')} tokens at ${quality} quality (may vary, at most ${most.toLocaleString('en')})`,
  promptTokens: (expected, most) =>
    `Prompt: about ${expected.toLocaleString('en')} tokens (may vary, at most ${most.toLocaleString('en')})`,
  textTokens: (most) => `Text the model writes: none expected (may vary, at most ${most.toLocaleString('en')} tokens)`,
});
