// The images the model families take in the Puter simulator (puter.mjs, puter-families.mjs), and what Puter bills for
// them, as HeyPuter/puter@8307e8c's image providers do (src/backend/drivers/ai-image/providers/<provider>/…, cited
// beside each rule; read 2026-11-28). `input_images` is "the canonical, cross-provider field" and `input_image` its
// one-image shorthand (inputImage.ts; src/docs/src/AI/txt2img.md): the OpenAI, xAI and BytePlus providers fold
// `input_image` into `input_images` only where that is empty, and Together takes one (`input_image ?? input_images[0]`,
// a 400 for more than one in `input_images`).
//
// Per provider (each refusal before anything is made or billed):
//   openai-image-generation   up to 16 (OpenAI's `images.edit`, which Puter calls with them and checks no count of its
//                             own: "You can provide up to 16 images", openai/openai-node@7b7d6ca; more is OpenAI's 400,
//                             passed on as `upstream_bad_request`); billed as OpenAI reports the image tokens, at the
//                             model's `image_input` in the call's one `…:input` record (OpenAiImageProvider.ts
//                             #calculateInputCostInCents): 1,536 tokens per started 1024² of each image, the OpenAI
//                             simulator's own figure (openai.mjs, `inputImageTokens`; no source publishes a rule)
//   xai-image-generation      up to 3 (XAIImageProvider.ts MAX_INPUT_IMAGES: "xAI's Grok Imagine edit endpoint accepts up
//                             to 3 source images"): Puter drops the rest without a word, and bills only the 3; here more
//                             is a 400 (stricter: a client never sends what would be dropped); each billed `media_input`
//                             (`xai:{id}:media_input`)
//   byteplus-image-generation up to 14, the 5.0 Pro up to 10 (MAX_INPUT_IMAGES_SEEDREAM, _PRO: more is Puter's own 400,
//                             "{id} accepts at most {n} input image(s)"); the Pro bills `input_image` per image from the
//                             second on (`byteplus-image-generation:{id}:input_image`), the others none
//   together-image-generation one (inputImage.ts resolveSingleInputImage), not billed (TogetherImageProvider.ts)
//   gemini-image-generation   none (stricter: its upstream ids no longer answer here, `endedUpstream`, and the widget
//                             sends Gemini through Together)

import { inputImageTokens } from './openai.mjs';

const MICRO = 1_000_000; // microcents per cent
/** `Math.ceil(cents × 1,000,000)`, at least 1 (#toMicroCents in OpenAiImageProvider.ts). */
const toMicro = (cents) => (Number.isFinite(cents) && cents > 0 ? Math.ceil(cents * MICRO) : 1);

const bad = (message, code = 'bad_request', fields) => ({ error: [400, message, code, ...(fields ? [fields] : [])] });

/**
 * The images a family's provider takes of `args` (as the driver passes them on): `{images}` (strings as sent), or
 * `{error: [status, message, code, fields?]}` where Puter (or, stricter, this simulator) refuses them.
 */
export function familyImages(model, args) {
  const list = Array.isArray(args.input_images) ? args.input_images.filter((x) => x != null) : [];
  const folded = list.length ? list : args.input_image != null ? [args.input_image] : [];
  const over = (max) => folded.length > max;
  switch (model.provider) {
    case 'openai-image-generation':
      if (over(16))
        return bad(`Invalid 'image': too many images. You can provide up to 16 images.`, 'upstream_bad_request', {
          upstreamStatus: 400,
        });
      return { images: folded };
    case 'xai-image-generation':
      if (over(3))
        return bad(
          `${model.id} takes at most 3 input images: Puter would drop the rest (this simulator refuses them: stricter)`,
        );
      return { images: folded };
    case 'byteplus-image-generation': {
      const max = model.pricing_unit === 'per-tier' ? 10 : 14;
      return over(max) ? bad(`${model.id} accepts at most ${max} input image(s)`) : { images: folded };
    }
    case 'together-image-generation':
      if (list.length > 1)
        return bad(
          'Together AI supports only a single input image; pass one image via input_image or a single-element input_images.',
        );
      return { images: [args.input_image ?? list[0]].filter((x) => x != null) };
    default:
      return folded.length ? bad('The simulator takes no images for this model (stricter)') : { images: [] };
  }
}

/**
 * The family's `usage` (`[[type, units, microcents]]`, puter-families.mjs `familyCall`) with what the images sent
 * (`inputs`: `{width, height}` each) add, as the provider bills them (see the header); `scale` the scenario's.
 */
export function withImages(model, usage, inputs, scale) {
  if (!inputs.length) return usage;
  const micro = (cents) => Math.round(toMicro(cents) * scale);
  const costs = model.costs;
  if (model.provider === 'openai-image-generation') {
    // One `…:input` record of the prompt's tokens and the images' (OpenAiImageProvider.ts `generate`).
    const images = inputs.reduce((sum, each) => sum + inputImageTokens(each), 0);
    return usage.map(([type, units, cost]) =>
      type.endsWith(':input')
        ? [type, units + images, micro((units / 1e6) * costs.text_input + (images / 1e6) * costs.image_input)]
        : [type, units, cost],
    );
  }
  if (model.provider === 'xai-image-generation' && costs.media_input > 0)
    return [
      ...usage,
      [`xai:${model.id}:media_input`, inputs.length, Math.round(costs.media_input * inputs.length * MICRO * scale)],
    ];
  const billed = inputs.length - 1; // BytePlus' Pro: the first image free (BytePlusImageProvider.ts `generate`)
  if (model.provider === 'byteplus-image-generation' && costs.input_image > 0 && billed > 0)
    return [
      ...usage,
      [
        `byteplus-image-generation:${model.id}:input_image`,
        billed,
        Math.round(costs.input_image * billed * MICRO * scale),
      ],
    ];
  return usage;
}
