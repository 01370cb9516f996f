// FLUX 3 Image as the BFL simulator (bfl.mjs) serves it at `POST /v1/flux-3-image`: its strict input, its price by
// resolution class and the size each class makes. Sources: docs.bfl.ai/flux_3/flux3_image_overview and
// flux3_image_generate (the endpoint, `x-key`, only `prompt` required, at most 10 `images`, unknown fields refused 422,
// a sample URL valid one hour); the enums as Comfy Router's copy of BFL's schema and Replicate's model page give them
// (UNVERIFIED); the prices as third parties restate BFL's pricing page of 2026-10-01 (UNVERIFIED).
import { readBase64ImageSize } from './png.mjs';

export const FLUX3_MODEL = 'flux-3-image';

const MB = 1024 * 1024;

/**
 * Each resolution class: its price in hundredths of a credit, and the side of its square. BFL publishes no pixel sizes:
 * here a class makes about side² pixels at the ratio asked, sides multiples of 16 (768sq is 768×768 by its name; 1k
 * 1024², 1 MP; 4k 4096², 16 MP, the most a reference may have). The widget derives them by the same rule
 * (src/providers/bfl/prices.ts).
 */
export const FLUX3_CLASSES = {
  '768sq': [410, 768],
  '1k': [480, 1024],
  '1.5k': [700, 1536],
  '2k': [1000, 2048],
  '4k': [6070, 4096],
};
const RATIOS = [
  '21:9',
  '2:1',
  '16:9',
  '3:2',
  '7:5',
  '4:3',
  '5:4',
  '1:1',
  '4:5',
  '3:4',
  '5:7',
  '2:3',
  '9:16',
  '1:2',
  '9:21',
];
/** The fields FLUX 3's schema names; any other is refused, as BFL forbids extra fields on this route. */
const FIELDS = ['prompt', 'resolution', 'aspect_ratio', 'images', 'safety_tolerance', 'grounding', 'version'];
const MAX_IMAGES = 10;

const detail = (loc, msg, type = 'value_error') => ({ loc: ['body', ...loc], msg, type });
const oneOf = (list) =>
  `Input should be ${list
    .slice(0, -1)
    .map((v) => `'${v}'`)
    .join(', ')} or '${list.at(-1)}'`;

/** About side² pixels at `ratio` (`W:H`), sides multiples of 16. */
function classSize(ratio, side) {
  const [w, h] = ratio.split(':').map(Number);
  const snap = (length) => Math.max(16, Math.round(length / 16) * 16);
  return { width: snap(side * Math.sqrt(w / h)), height: snap(side * Math.sqrt(h / w)) };
}

/** The references (`images`): each base64 (or a data URI) of a PNG, JPEG or WebP, 256×256 to 16 MP, at most 10. */
function checkImages(images, problems) {
  const inputs = [];
  const received = [];
  if (images === undefined || images === null) return { inputs, received };
  if (!Array.isArray(images)) {
    problems.push(detail(['images'], 'Input should be a valid list', 'list_type'));
    return { inputs, received };
  }
  if (images.length > MAX_IMAGES)
    problems.push(
      detail(
        ['images'],
        `List should have at most ${MAX_IMAGES} items after validation, not ${images.length}`,
        'too_long',
      ),
    );
  images.forEach((image, i) => {
    const size = readBase64ImageSize(image);
    received.push(size ? [size.width, size.height] : null);
    if (!size) problems.push(detail(['images', i], 'Could not decode the image: send a base64 PNG, JPEG or WebP'));
    else if (size.width < 256 || size.height < 256)
      problems.push(detail(['images', i], 'Each image must be at least 256×256 pixels'));
    else if (size.width * size.height > 16 * MB)
      problems.push(detail(['images', i], 'Each image must be at most 16 megapixels'));
    else inputs.push(size);
  });
  return { inputs, received };
}

/**
 * Checks a FLUX 3 body as BFL's strict schema does: `{ width, height, inputs, received, asked, problems, cost }`, the
 * size made (the class's at the ratio; `auto` takes the first image's shape, else 1:1) and the cost in hundredths.
 */
export function validateFlux3(body) {
  const problems = [];
  for (const field of Object.keys(body))
    if (!FIELDS.includes(field)) problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
  if (typeof body.prompt !== 'string' || !body.prompt.trim())
    problems.push(
      body.prompt === undefined
        ? detail(['prompt'], 'Field required', 'missing')
        : detail(['prompt'], 'Prompt must not be empty'),
    );
  const resolution = body.resolution ?? '1k';
  if (!FLUX3_CLASSES[resolution]) problems.push(detail(['resolution'], oneOf(Object.keys(FLUX3_CLASSES)), 'enum'));
  const ratio = body.aspect_ratio ?? 'auto';
  if (ratio !== 'auto' && !RATIOS.includes(ratio))
    problems.push(detail(['aspect_ratio'], oneOf(['auto', ...RATIOS]), 'enum'));
  const tolerance = body.safety_tolerance;
  if (tolerance !== undefined) {
    if (!Number.isInteger(tolerance))
      problems.push(detail(['safety_tolerance'], 'Input should be a valid integer', 'int_type'));
    else if (tolerance < 0 || tolerance > 4)
      problems.push(
        tolerance < 0
          ? detail(['safety_tolerance'], 'Input should be greater than or equal to 0', 'greater_than_equal')
          : detail(['safety_tolerance'], 'Input should be less than or equal to 4', 'less_than_equal'),
      );
  }
  if (body.grounding !== undefined && typeof body.grounding !== 'boolean')
    problems.push(detail(['grounding'], 'Input should be a valid boolean', 'bool_type'));
  const { inputs, received } = checkImages(body.images, problems);
  // What came besides the prompt and the images (their sizes are `received`): every other field, as received.
  const asked = Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'prompt' && field !== 'images'));
  const [cost, side] = FLUX3_CLASSES[resolution] ?? [0, 0];
  const shape = ratio === 'auto' ? (inputs[0] ? `${inputs[0].width}:${inputs[0].height}` : '1:1') : ratio;
  const { width, height } = side && RATIOS.concat('auto').includes(ratio) ? classSize(shape, side) : {};
  return { width, height, inputs, received, asked, problems, cost };
}
