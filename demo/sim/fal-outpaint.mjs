// fal's outpaint as the fal simulator (fal.mjs) serves it at `POST /fal-ai/flux-2-pro/outpaint` (its queue as every
// endpoint's): its input checked, the canvas it makes and its price. Source, read 2026-11-28: fal's model page
// (fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt and …/api: "Expand an image beyond its borders using BFL FLUX
// Outpainting"): `image_url` (required), `expand_top`, `expand_bottom`, `expand_left`, `expand_right` (integers,
// default 0, "Range: 0 to 2048"), `auto_crop`; "$0.03 for the first megapixel of output, plus $0.015 per extra
// megapixel of input and output, rounded up to the nearest megapixel" (megapixels of 1024²: its 1920×1080 is 2 of
// them).
//
// Recorded: nothing (no real exchange found). Stricter than fal where its sources are silent: no prompt (its input
// names none) nor any field it does not name is taken (422 `extra_forbidden`, where pydantic would ignore it); `mode`,
// `output_format`, `enable_safety_checker` and `sync_mode`, which third parties' calls send (UNVERIFIED names), are let
// through unchecked; a canvas over 4 MP (4,194,304 pixels) is refused 422, as BFL's route, which fal says it uses,
// refuses one; the image sent is billed (the stricter reading of "of input and output"). The result is fal's {images,
// seed}, at the canvas's size. fal's pricing API here does not list the endpoint (the widget never asks it).
import { readImageSize } from './png.mjs';

export const OUTPAINT_ENDPOINT = 'fal-ai/flux-2-pro/outpaint';
export const OUTPAINT_MODEL = 'flux-outpainting';
export const OUTPAINT_LABEL = 'FLUX Outpainting';

const MB = 1024 * 1024;
const SIDES = ['expand_top', 'expand_right', 'expand_bottom', 'expand_left'];
const NAMED = ['image_url', ...SIDES, 'auto_crop'];
const UNCHECKED = ['mode', 'output_format', 'enable_safety_checker', 'sync_mode'];

const detail = (loc, msg, type = 'value_error') => ({ loc: ['body', ...loc], msg, type });
/** Megapixels as fal bills them: started 1024² megapixels, at least 1. */
const mp = (width, height) => Math.max(1, Math.ceil((width * height) / MB));

/** The image of `image_url`: a data URI's size; an https URL (not fetched) as 1024×1024; undefined otherwise. */
function imageOf(url) {
  const data = typeof url === 'string' && /^data:image\/[\w+.-]+;base64,/.exec(url);
  if (data) return readImageSize(Buffer.from(url.slice(data[0].length), 'base64'));
  return typeof url === 'string' && /^https:\/\//.test(url) ? { width: 1024, height: 1024 } : undefined;
}

/**
 * The outpaint's input checked as fal checks it: the shape of the fal simulator's `validate` (`{ width, height, count,
 * refs, received, asked, problems }`) and its price in micro-dollars (`micro`).
 */
export function validateOutpaint(body) {
  const problems = [];
  for (const field of Object.keys(body))
    if (!NAMED.includes(field) && !UNCHECKED.includes(field))
      problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
  const image = imageOf(body.image_url);
  const received =
    body.image_url === undefined ? [] : [image && !/^https:/.test(body.image_url) ? [image.width, image.height] : null];
  if (body.image_url === undefined) problems.push(detail(['image_url'], 'Field required', 'missing'));
  else if (!image)
    problems.push(
      detail(
        ['image_url'],
        'Could not load the image: send an https URL or a base64 data URI of a PNG, JPEG or WebP',
        'image_load_error',
      ),
    );
  const [top, right, bottom, left] = SIDES.map((field) => {
    const value = body[field] ?? 0;
    if (!Number.isInteger(value)) problems.push(detail([field], 'Input should be a valid integer', 'int_type'));
    else if (value < 0)
      problems.push(detail([field], 'Input should be greater than or equal to 0', 'greater_than_equal'));
    else if (value > 2048)
      problems.push(detail([field], 'Input should be less than or equal to 2048', 'less_than_equal'));
    return Number.isInteger(value) ? value : 0;
  });
  if (body.auto_crop !== undefined && typeof body.auto_crop !== 'boolean')
    problems.push(detail(['auto_crop'], 'Input should be a valid boolean', 'bool_type'));
  const width = (image?.width ?? 0) + left + right;
  const height = (image?.height ?? 0) + top + bottom;
  if (image && width * height > 4 * MB)
    problems.push(
      detail(['image_url'], `The expanded image, ${width}×${height}, is over 4 megapixels (4,194,304 pixels)`),
    );
  const asked = Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'image_url'));
  const micro = image ? 30000 + (mp(width, height) - 1) * 15000 + mp(image.width, image.height) * 15000 : 0;
  return { width, height, count: 1, refs: image ? [image] : [], received, asked, problems, micro };
}
