import { UserPaysError } from '../../base/errors.js';
import { sayer } from '../../strings/strings.js';
import type { Sentence } from '../../strings/sentence.js';
import { generationText } from '../../strings/generation.js';
import { keyOf } from '../engine/http.js';
import { dataUrlBlob, pixelsOf, pngOf } from '../../base/image-bytes.js';
import { BLACK, binarise, byWhite, type Rgba } from '../../base/painted.js';
import type { ProviderRequest, ReferenceImage, RunContext } from '../provider.js';
import { openaiWords } from './words.js';

/**
 * An edit at OpenAI's Image API (SPEC §13): `POST {endpoint}/v1/images/edits`, `multipart/form-data`, the fields as
 * openai/openai-node@7b7d6ca `src/resources/images.ts` (`ImageEditParamsBase`, read 2026-11-28) and its copy of
 * OpenAI's OpenAPI (`api_reference/openapi.transformed.yml`, `CreateImageEditRequest`) name them. The reply is the
 * generations call's (`b64_json` and `usage`), read by the same code (adapter.ts).
 */

const text = sayer('openai', openaiWords);

/** "You can provide up to 16 images" (openai-node@7b7d6ca, `ImageEditParamsBase.image`, GPT image models). */
export const MOST_EDIT_IMAGES = 16;
/** Each image "a `png`, `webp`, or `jpg` file less than 50MB" (the same). */
const IMAGE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/webp': 'webp', 'image/jpeg': 'jpg' };
const MOST_IMAGE_BYTES = 50 * 1024 * 1024;
/** The mask: "Must be a valid PNG file, less than 4MB" (the same, `ImageEditParamsBase.mask`). */
const MOST_MASK_BYTES = 4 * 1024 * 1024;

/**
 * Whether `model` (OpenAI's name) is sent `input_fidelity: 'high'`, so that an edit keeps the faces and the style of
 * what it edits. openai-node@7b7d6ca: "only supported for `gpt-image-1` and `gpt-image-1.5` and later models,
 * unsupported for `gpt-image-1-mini`"; its OpenAPI copy adds, of the edits call, "`gpt-image-2` and
 * `gpt-image-2-2026-04-21` ignore this parameter" (a third party quotes OpenAI's guide: gpt-image-2 "always processes
 * every image input at high fidelity"). So gpt-image-2 is not sent it (it would change nothing), nor 2.5 and 2.6, which
 * follow gpt-image-2 and of which no source says they take it; 1-mini would refuse it.
 */
export const takesInputFidelity = (model: string) => model === 'gpt-image-1' || model === 'gpt-image-1.5';

/** Where the edits call is, beside the generations call a price book's `path` names (OpenAI's own by default). */
export const editPath = (path: string) => path.replace(/\/images\/generations$/, '/images/edits');

/** OpenAI's mask: transparent where the image is edited, opaque black where it is kept. */
const EDITED: Rgba = [0, 0, 0, 0];
const KEPT = BLACK;

const refusal = (said: Sentence) => new UserPaysError('invalid-input', said, false);
const sizeOf = ({ width, height }: { width: number; height: number }) => `${width}×${height}`;

/** An image of the edit as a file part: its bytes, of a type OpenAI takes, under its limit; else refused in words. */
function imagePart(image: ReferenceImage): { blob: Blob; extension: string } {
  const blob = dataUrlBlob(image.dataUrl);
  const extension = IMAGE_TYPES[blob.type];
  if (!extension || blob.size >= MOST_IMAGE_BYTES) throw refusal(text.editImageRefused());
  return { blob, extension };
}

/**
 * The mask as OpenAI takes it, from the widget's (`ProviderEdit.mask`: white where the user painted, black elsewhere):
 * a PNG of the same size whose alpha is 0 exactly where painted and 255 elsewhere ("fully transparent areas (e.g.
 * where alpha is zero) indicate where `image` should be edited… the same dimensions as `image`": openai-node@7b7d6ca).
 * Made in the browser (the mask's bytes decoded here: a page's CSP may forbid fetching a `data:` URL). A mask of
 * another size than the image is refused: OpenAI would refuse it, or, worse, apply it misplaced.
 */
export async function alphaMask(mask: ReferenceImage, image: ReferenceImage): Promise<Blob> {
  const differs = (size: { width: number; height: number }) =>
    size.width !== image.width || size.height !== image.height;
  if (differs(mask)) throw refusal(text.maskSizeDiffers(sizeOf(mask), sizeOf(image)));
  const pixels = await pixelsOf(dataUrlBlob(mask.dataUrl), { exact: true });
  if (differs(pixels)) throw refusal(text.maskSizeDiffers(sizeOf(pixels), sizeOf(image)));
  const png = await pngOf(binarise(pixels, byWhite, EDITED, KEPT));
  if (png.size >= MOST_MASK_BYTES) throw refusal(text.maskTooLarge());
  return png;
}

/**
 * The start of an edit at OpenAI (`request.edit` set): the user's key, and the multipart body, each image an `image[]`
 * part (the first the one edited), the mask for a masked edit; what OpenAI would refuse, or GPT Image cannot do (an
 * erase: it has no edit without an instruction), refused in plain words before anything is sent. Then the call is
 * said and marked as sending. `model` is OpenAI's name for it.
 */
export async function startEdit(
  request: ProviderRequest,
  context: Pick<RunContext, 'apiKey' | 'onProgress' | 'onSending'>,
  model: string,
): Promise<{ key: string; body: FormData }> {
  const key = keyOf(context, 'openai');
  const { edit, inputs = [] } = request;
  if (edit?.kind !== 'instruction' && edit?.kind !== 'mask') throw refusal(text.eraseUnsupported());
  if (!inputs.length) throw refusal(text.editImageMissing());
  if (inputs.length > MOST_EDIT_IMAGES) throw refusal(text.tooManyEditImages(MOST_EDIT_IMAGES));
  if (edit.kind === 'mask' && !edit.mask) throw refusal(text.maskMissing());
  const body = new FormData();
  body.append('model', model);
  body.append('prompt', request.prompt);
  inputs.forEach((input, index) => {
    const { blob, extension } = imagePart(input);
    body.append('image[]', blob, `image-${index + 1}.${extension}`);
  });
  if (edit.kind === 'mask' && edit.mask) body.append('mask', await alphaMask(edit.mask, inputs[0]), 'mask.png');
  body.append('n', '1');
  // As the generations call: the size priced, and the quality priced, always (adapter.ts says why).
  body.append('size', `${request.width}x${request.height}`);
  if (request.quality) body.append('quality', request.quality);
  if (takesInputFidelity(model)) body.append('input_fidelity', 'high');
  context.onProgress?.({ status: generationText.generatingNow() });
  context.onSending?.();
  return { key, body };
}
