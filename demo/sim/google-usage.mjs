// What a Gemini reply says it used and what Google bills for it, as the simulator counts them (google.mjs): the
// prompt's tokens (a token per 4 bytes, at least 1), the images sent (each a model's count, google-models.mjs), the
// image's by model and tier (SPEC §12), the text written
// (`text=<n>`, 272 as recorded) and thinking (`thoughts=<n>`), at the model's rates (google-models.mjs); and the
// replies that lie about it (`usage=huge`, `usage=zero`), the bill itself unchanged.

/** The prompt's tokens as the simulator counts them: a token per 4 bytes of its UTF-8, at least 1. */
export const promptTokens = (text) => Math.max(1, Math.ceil(Buffer.byteLength(text) / 4));

/**
 * What Google bills for a reply of `spec` (its `rates`: 10⁻⁸ $ per token of text in, image in, image out, text out),
 * in 10⁻⁸ $: the prompt's words at the text-in rate, the images sent at the image-in rate, the images made at the
 * image-out rate, the text written and the thinking at the text-out rate.
 */
export function billOf(spec, { prompt, sent, image, written, thoughts }) {
  const [textIn, imageIn, imageOut, textOut] = spec.rates;
  return prompt * textIn + sent * imageIn + image * imageOut + (written + thoughts) * textOut;
}

/**
 * The `usageMetadata` a Gemini reply says of its tokens (the prompt's words and the images sent apart in
 * `promptTokensDetails`, as Google's API reference's `ModalityTokenCount`), or what a lying reply says instead
 * (`said`: `huge`, `zero`).
 */
export function usageSaid(said, { prompt, sent, image, written, thoughts, moderated }) {
  const [promptSaid, sentSaid, imageSaid, writtenSaid, thoughtsSaid] =
    said === 'huge'
      ? [prompt, sent, Number.MAX_SAFE_INTEGER - written, written, thoughts]
      : said === 'zero'
        ? [0, 0, 0, 0, 0]
        : [prompt, sent, image, written, thoughts];
  return {
    promptTokenCount: promptSaid + sentSaid,
    candidatesTokenCount: imageSaid + writtenSaid,
    totalTokenCount: promptSaid + sentSaid + imageSaid + writtenSaid + thoughtsSaid,
    promptTokensDetails: [
      { modality: 'TEXT', tokenCount: promptSaid },
      ...(sentSaid ? [{ modality: 'IMAGE', tokenCount: sentSaid }] : []),
    ],
    ...(!moderated && { candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: imageSaid }] }),
    ...(thoughtsSaid && { thoughtsTokenCount: thoughtsSaid }),
    serviceTier: 'standard', // as recorded (test/recorded/gemini/gemini-3.1-flash-image.json)
  };
}
