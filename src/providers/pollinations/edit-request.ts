import { UserPaysError } from '../../base/errors.js';
import { generationText } from '../../strings/generation.js';
import { modelName } from '../../pricing/index.js';
import { editPrices } from '../../strings/edit-prices.js';
import { sayer } from '../../strings/strings.js';
import { MAX_IMAGE_BYTES, base64Image } from '../engine/http.js';
import type { ProviderRequest } from '../provider.js';
import { pollinationsText } from './account.js';

const editText = sayer('editPrices', editPrices);

/**
 * How a request that sends images goes to Pollinations (an edit's image, SPEC §13, and references): not as `image=` on
 * `GET /image/{prompt}`, as SPEC §13's table has it, because that parameter takes only http(s) addresses ("Invalid
 * image URL…": `image` refined to `http://` or `https://` in enter.pollinations.ai/src/schemas/image.ts @0252cbce, and
 * split on `,` in gen.pollinations.ai/src/image/params.ts @00a0714, which a data URL contains), and the image to edit
 * is the user's, in this browser, at no address (putting it at one would publish it). Pollinations' own
 * `POST /v1/images/edits` takes it as it is: JSON `{prompt, model, image: [{image_url}], size, quality, seed}`, each
 * `image_url` a "URL or base64 data URI of the source image" (shared/schemas/openai.ts CreateImageEditRequestSchema,
 * pollinations/pollinations@008ae28b; the route in gen.pollinations.ai/src/routes/proxy.ts, its handler `handleImageEdit`
 * in routes/images.ts @001d2e43: the images, the size as width and height, the quality and the seed go to the same
 * generation as `GET /image/…`'s, and its bytes come back as `{data: [{b64_json}], usage}`), read 2026-11-28. That route
 * passes no `enhance` on (`collectPassthrough`: safe, transparent, guidance_scale, seed, resolution): an edit with
 * prompt enhancement on is refused in words rather than sent without it. No mask: the route takes none.
 */
export function editBody(request: ProviderRequest, model: string, half: number, enhance?: boolean) {
  const kind = request.edit?.kind;
  if (kind && (kind !== 'instruction' || request.edit?.mask))
    throw new UserPaysError('invalid-input', editText.cannotEdit(modelName(request.model), kind), false);
  if (enhance) throw new UserPaysError('invalid-input', pollinationsText.noEnhanceWithImages(), false);
  return {
    prompt: request.prompt,
    model,
    image: (request.inputs ?? []).map(({ dataUrl }) => ({ image_url: dataUrl })),
    size: `${request.width / half}x${request.height / half}`,
    // GPT Image's quality, as on `GET /image/…` (the schema's `imageQualityField` takes low, medium, high too).
    ...(/^(medium|high)$/.test(request.quality ?? '') && { quality: request.quality }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
}

/**
 * The image of the edit route's reply (`{data: [{b64_json, media_type?}], usage}`, pollinations/pollinations routes/images.ts `imageResponse`):
 * its bytes, their type read from the first bytes (the model's own: PNG unless JPEG or WebP); refused past the size no
 * image comes near, before it is decoded, and where the reply has none.
 */
export function editedImage(reply: any): Blob {
  const data: unknown = reply?.data?.[0]?.b64_json;
  if (typeof data !== 'string') throw new UserPaysError('provider-error', generationText.imageUnreadable());
  if (data.length > (MAX_IMAGE_BYTES * 4) / 3)
    throw new UserPaysError('provider-error', generationText.imageTooLarge());
  const type = data.startsWith('/9j/') ? 'jpeg' : data.startsWith('UklGR') ? 'webp' : 'png';
  return base64Image(data, `image/${type}`);
}
