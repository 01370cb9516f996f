// FLUX Outpainting as the BFL simulator (bfl.mjs) serves it at `POST /v1/flux-tools/outpainting-v1`: its input checked
// as its schema checks it, its canvas, and its cost. Sources, read 2026-11-28: docs.bfl.ai/flux_tools/flux_outpainting
// (the fields, "width × height must not exceed 4 MP … cannot exceed 4 megapixels (4,194,304 pixels) … Requests above
// this limit return 422", `auto_crop` "Defaults to false (out-of-bounds placements return 422)", `output_format` png
// (default) or jpeg, `mode` high (default) or fast) and docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image
// (the schema: `width`, `height` integers ≥ 64, `reference_offset_x`/`_y` integers or null, "None = center",
// `safety_tolerance` 0–5, an optional "Experimental" `prompt`; the reply `id`, `polling_url`, `cost`, `input_mp`,
// `output_mp`).
//
// Recorded: nothing (no real outpainting exchange exists in any source found). Stricter than BFL where its sources are
// silent or disagree: a field its schema does not name is refused (`extra_forbidden`: whether BFL forbids extras on
// this route is not documented); `output_format` png or jpeg (the API reference adds webp, the guide does not);
// `input_image` base64 only (BFL also fetches an HTTP(S) URL: the widget sends base64, and a URL's size cannot be
// checked here). Its `cost` by Runware's figure, which the price book bundles as its estimate (BFL's own is
// UNVERIFIED): 10 credits for each started megapixel (1024²) made, the image sent not counted
// (runware.ai/docs/models/bfl-flux-outpainting); `mode` fast costs the same here ("typically lower cost": by how much,
// no source says).
import { readBase64ImageSize } from './png.mjs';

export const OUTPAINTING_ROUTE = 'flux-tools/outpainting-v1';

const MB = 1024 * 1024;
/** The most a canvas may have: "4 megapixels (4,194,304 pixels)". */
const MAX_PIXELS = 4 * MB;
const FIELDS = [
  'input_image',
  'width',
  'height',
  'reference_offset_x',
  'reference_offset_y',
  'auto_crop',
  'mode',
  'prompt',
  'output_format',
  'safety_tolerance',
  'webhook_url',
  'webhook_secret',
];

const detail = (loc, msg, type = 'value_error') => ({ loc: ['body', ...loc], msg, type });
const mp = (w, h) => Math.max(1, Math.ceil((w * h) / MB));

/** A field that must be one of `values` (or absent, or null where `nullable`). */
function oneOf(body, field, values, problems) {
  const value = body[field];
  if (value === undefined || value === null || values.includes(value)) return;
  problems.push(detail([field], `Input should be ${values.map((v) => `'${v}'`).join(' or ')}`, 'enum'));
}

/** An integer field: required, or absent (or null) where not; at least `min`, at most `max`. */
function integer(body, field, problems, { required = false, min = -Infinity, max = Infinity } = {}) {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) problems.push(detail([field], 'Field required', 'missing'));
    return undefined;
  }
  if (!Number.isInteger(value))
    return void problems.push(detail([field], 'Input should be a valid integer', 'int_type'));
  if (value < min)
    return void problems.push(detail([field], `Input should be greater than or equal to ${min}`, 'greater_than_equal'));
  if (value > max)
    return void problems.push(detail([field], `Input should be less than or equal to ${max}`, 'less_than_equal'));
  return value;
}

/**
 * An outpainting's body checked as BFL checks it: `{ width, height, inputs, received, asked, problems, cost }`, the
 * canvas made, the image as received, what came besides it (`asked`), and the cost in hundredths of a credit.
 */
export function validateOutpainting(body) {
  const problems = [];
  for (const field of Object.keys(body))
    if (!FIELDS.includes(field)) problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
  const image = readBase64ImageSize(body.input_image);
  const received = body.input_image == null ? [] : [image ? [image.width, image.height] : null];
  if (body.input_image == null) problems.push(detail(['input_image'], 'Field required', 'missing'));
  else if (!image)
    problems.push(detail(['input_image'], 'Could not decode the image: send a base64 PNG, JPEG or WebP'));
  const width = integer(body, 'width', problems, { required: true, min: 64 });
  const height = integer(body, 'height', problems, { required: true, min: 64 });
  const left = integer(body, 'reference_offset_x', problems);
  const top = integer(body, 'reference_offset_y', problems);
  integer(body, 'safety_tolerance', problems, { min: 0, max: 5 });
  oneOf(body, 'mode', ['high', 'fast'], problems);
  oneOf(body, 'output_format', ['png', 'jpeg'], problems);
  if (body.auto_crop != null && typeof body.auto_crop !== 'boolean')
    problems.push(detail(['auto_crop'], 'Input should be a valid boolean', 'bool_type'));
  if (body.prompt != null && typeof body.prompt !== 'string')
    problems.push(detail(['prompt'], 'Input should be a valid string', 'string_type'));
  if (width && height && width * height > MAX_PIXELS)
    problems.push(
      detail(
        ['width'],
        `width × height must not exceed 4 megapixels (4,194,304 pixels): ${width}×${height} is ${(width * height).toLocaleString('en')}`,
      ),
    );
  if (image && width && height && !body.auto_crop) {
    // "None = center": the image in the middle of the canvas.
    const x = left ?? Math.floor((width - image.width) / 2);
    const y = top ?? Math.floor((height - image.height) / 2);
    if (x < 0 || y < 0 || x + image.width > width || y + image.height > height)
      problems.push(
        detail(
          ['reference_offset_x'],
          `The reference image (${image.width}×${image.height} at ${x}, ${y}) extends beyond the ${width}×${height} canvas; set auto_crop to crop it`,
        ),
      );
  }
  const asked = Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'input_image'));
  const made = width && height ? { width, height } : { width: 0, height: 0 };
  return {
    ...made,
    inputs: image ? [image] : [],
    received,
    asked,
    problems,
    cost: made.width ? mp(made.width, made.height) * 1000 : 0,
  };
}
