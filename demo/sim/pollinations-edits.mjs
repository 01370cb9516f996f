// The edit route of the Pollinations simulator (pollinations.mjs): `POST /v1/images/edits`, as gen.pollinations.ai
// serves it (routes/proxy.ts @008ae28b; routes/images.ts @001d2e43, `handleImageEdit` and `parseEditInput`;
// shared/schemas/openai.ts @008ae28b, CreateImageEditRequestSchema; read 2026-11-28):
//   `Authorization: Bearer sk_…`, JSON {prompt (1 to 32,000 characters), model (default flux), image: "<URL>" |
//   [{image_url: "<URL or base64 data URI>"}], size?: "WxH", quality? (standard → medium, hd → high; default
//   medium), seed?, safe?, resolution?} → {created, data: [{b64_json, revised_prompt}], usage: {input_tokens,
//   output_tokens, total_tokens, input_tokens_details: {text_tokens, image_tokens}}} (`imageResponse`,
//   `usageToOpenAIImageUsage`). The images, size, quality and seed go to the same generation as `GET /image/…`'s
//   (`generateImageOrVideoResponse`), so they are checked and billed as there, the model's query rules included
//   (pollinations.mjs `readQuery`); then as many images as the model takes ([registry] `maxReferenceImages`, none for
//   a model of text alone: a 400), each billed as its model bills images sent (`imagesUsage`), an edit at its `edit`
//   cost variant where it has one (Qwen-Image 0.03 for 0.025). `enhance` is not passed on by the route
//   (`collectPassthrough`: safe, transparent, guidance_scale, seed, resolution) and is ignored here too.
// Stricter than Pollinations: JSON only (Pollinations also takes multipart/form-data, with files); each image a
// base64 data URI of a PNG, JPEG or WebP (Pollinations also fetches a URL: the simulator fetches nothing); a
// `size` sides as the image route takes them (readQuery).
import { inputImageTokens } from './openai.mjs';
import { readBase64ImageSize } from './png.mjs';

/** The schema's quality names, OpenAI's mapped to Pollinations' (pollinations/pollinations routes/images.ts QUALITY_MAP). */
const QUALITY = { standard: 'medium', hd: 'high' };

/**
 * The edit route's JSON as it reads it: `{prompt, params, images}`, `params` the image route's query it amounts to
 * (model, width, height, quality, seed) and `images` each image's `{width, height}`; or `{problem: [field, message]}`.
 */
export function readEdit(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { problem: ['body', 'A JSON body is required (this simulator takes no multipart: stricter)'] };
  if (typeof body.prompt !== 'string' || !body.prompt || body.prompt.length > 32_000)
    return { problem: ['prompt', 'Missing required field: prompt'] };
  const urls =
    typeof body.image === 'string'
      ? [body.image]
      : Array.isArray(body.image)
        ? body.image.map((each) => each?.image_url)
        : [];
  if (!urls.length) return { problem: ['image', 'Missing required field: image'] };
  const images = [];
  for (const url of urls) {
    const size =
      typeof url === 'string' && /^data:image\/(?:png|jpeg|webp);base64,/.test(url) && readBase64ImageSize(url);
    if (!size)
      return { problem: ['image', 'Each image a base64 data URI of a PNG, JPEG or WebP (simulated: stricter)'] };
    images.push({ width: size.width, height: size.height });
  }
  const [width, height] = /^(\d+)x(\d+)$/.exec(String(body.size ?? ''))?.slice(1) ?? [];
  if (body.size !== undefined && !width) return { problem: ['size', 'Image size as WIDTHxHEIGHT'] };
  const params = new URLSearchParams({
    model: typeof body.model === 'string' ? body.model : 'flux',
    ...(width && { width, height }),
    quality: QUALITY[body.quality] ?? body.quality ?? 'medium',
    ...(body.seed !== undefined && { seed: String(body.seed) }),
  });
  return { prompt: body.prompt, params, images };
}

/**
 * A family's usage (pollinations.mjs `madeOf`) with what the images sent add, as the model bills them: GPT Image's and
 * Nano Banana's as image tokens (`promptImageTokens`: GPT Image's as the OpenAI simulator counts them, openai.mjs
 * `inputImageTokens`; Gemini's 560 an image, Google's "$0.0011 per image" at $2 per million), Grok Imagine's one each
 * (its `promptImageTokens` is "per input image on edits" [registry]); the others' nothing.
 */
export function imagesUsage(model, usage, images) {
  const tokens =
    model.made === 'gpt'
      ? images.reduce((sum, each) => sum + inputImageTokens(each), 0)
      : model.made === 'gemini'
        ? 560 * images.length
        : model.made === 'grok'
          ? images.length
          : 0;
  return tokens ? { ...usage, promptImageTokens: tokens } : usage;
}

/** A generation's usage as OpenAI's Images API says it (`usageToOpenAIImageUsage`): tokens in and out. */
export function openAiUsage(usage = {}) {
  const text = usage.promptTextTokens ?? 0;
  const image = usage.promptImageTokens ?? 0;
  const output = (usage.completionImageTokens ?? 1) + (usage.completionTextTokens ?? 0);
  return {
    input_tokens: text + image,
    output_tokens: output,
    total_tokens: text + image + output,
    input_tokens_details: { text_tokens: text, image_tokens: image },
  };
}

/** The reply's image (`imageResponse`): its bytes as base64, and the prompt as made. */
export const editedData = (png, prompt) => ({ b64_json: png.toString('base64'), revised_prompt: prompt });
