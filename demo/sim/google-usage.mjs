// What a Gemini reply says it used and what Google bills for it, as the simulator counts them (google.mjs): the
// prompt's tokens (a token per 4 bytes, at least 1), the image's by model and tier (SPEC §12), the text written
// (`text=<n>`, 272 as recorded) and thinking (`thoughts=<n>`), at the model's rates (google-models.mjs); and the
// replies that lie about it (`usage=huge`, `usage=zero`), the bill itself unchanged.

/** The prompt's tokens as the simulator counts them: a token per 4 bytes of its UTF-8, at least 1. */
export const promptTokens = (text) => Math.max(1, Math.ceil(Buffer.byteLength(text) / 4));

/**
 * What Google bills for a reply of `spec` (its `rates`: 10⁻⁸ $ per token of text in, image in, image out, text out),
 * in 10⁻⁸ $: the prompt's tokens at the text-in rate, the images made at the image-out rate, the text written and the
 * thinking at the text-out rate.
 */
export function billOf(spec, { prompt, image, written, thoughts }) {
  const [textIn, , imageOut, textOut] = spec.rates;
  return prompt * textIn + image * imageOut + (written + thoughts) * textOut;
}

/**
 * The `usageMetadata` a Gemini reply says of its tokens, or what a lying reply says instead (`said`: `huge`, `zero`).
 */
export function usageSaid(said, { prompt, image, written, thoughts, moderated }) {
  const [promptSaid, imageSaid, writtenSaid, thoughtsSaid] =
    said === 'huge'
      ? [prompt, Number.MAX_SAFE_INTEGER - written, written, thoughts]
      : said === 'zero'
        ? [0, 0, 0, 0]
        : [prompt, image, written, thoughts];
  return {
    promptTokenCount: promptSaid,
    candidatesTokenCount: imageSaid + writtenSaid,
    totalTokenCount: promptSaid + imageSaid + writtenSaid + thoughtsSaid,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptSaid }],
    ...(!moderated && { candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: imageSaid }] }),
    ...(thoughtsSaid && { thoughtsTokenCount: thoughtsSaid }),
  };
}
