// fal's outpaint as the fal simulator (fal.mjs) serves it at `POST /fal-ai/flux-2-pro/outpaint`, one of its FLUX tools
// beside Fill and Erase (fal-edits.mjs): its input checked, the canvas it makes and its price. Source, read
// 2026-11-28: fal's model page (fal.ai/models/fal-ai/flux-2-pro/outpaint/llms.txt and …/api: "Expand an image beyond
// its borders using BFL FLUX Outpainting"): `image_url` (required, "The image URL to expand using outpainting"),
// `expand_top`, `expand_bottom`, `expand_left`, `expand_right` (integers, default 0, "Range: 0 to 2048"), `auto_crop`;
// "$0.03 for the first megapixel of output, plus $0.015 per extra megapixel of input and output, rounded up to the
// nearest megapixel" (megapixels of 1024²: its 1920×1080 is 2 of them).
//
// Recorded: nothing (no real exchange found). Stricter than fal where its sources are silent: no prompt (its input names
// none) nor any field it does not name is taken (422 `extra_forbidden`, where pydantic would ignore it); `mode`,
// `output_format`, `enable_safety_checker` and `sync_mode`, which third parties' calls send (UNVERIFIED names), are let
// through unchecked; its image read from fal's storage as Fill's and Erase's are (a data URI is refused, as their
// images'); a canvas over 4 MP (4,194,304 pixels) refused once it ran (a 422 fal may bill: its FAQ), as BFL's route,
// which fal says it uses, refuses one; the image sent is billed (the stricter reading of "of input and output"). The
// result is fal's {images, seed}, at the canvas's size. Its pricing line is per 'megapixels', the first one's price.
import { readImages } from './fal-edits.mjs';
import { detail } from './fal-fields.mjs';

const MB = 1024 * 1024;
const SIDES = ['expand_top', 'expand_right', 'expand_bottom', 'expand_left'];
const NAMED = ['image_url', ...SIDES, 'auto_crop'];
const UNCHECKED = ['mode', 'output_format', 'enable_safety_checker', 'sync_mode'];

/** Megapixels as fal bills them: started 1024² megapixels, at least 1. */
const mp = ({ width, height }) => Math.max(1, Math.ceil((width * height) / MB));

/**
 * The outpaint's input checked as fal checks it: at submit, the fields and their values; when it runs, the image read
 * from the storage and the canvas it makes. The shape of Fill's and Erase's check (fal-edits.mjs): `{ width, height,
 * count, refs, received, asked, problems, refusal }`.
 */
function checkOutpaint(body, storage, entry) {
  const problems = [];
  for (const field of Object.keys(body))
    if (!NAMED.includes(field) && !UNCHECKED.includes(field))
      problems.push(detail([field], 'Extra inputs are not permitted', 'extra_forbidden'));
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
  const read =
    body.image_url === undefined
      ? { refs: [], received: [], problems: [detail(['image_url'], 'Field required', 'missing')] }
      : readImages([body.image_url], ['image_url'], storage);
  problems.push(...read.problems);
  entry.inputs = read.received;
  const image = read.refs[0];
  // An image the runner could not read is billed as 1 MP made (fal's FAQ allows a charge: the stricter, never nothing).
  const width = image ? image.width + left + right : 1024;
  const height = image ? image.height + top + bottom : 1024;
  const refusal =
    read.refusal ??
    (image && width * height > 4 * MB
      ? [
          {
            ...detail(['image_url'], `The expanded image, ${width}×${height}, is over 4 megapixels (4,194,304 pixels)`),
            url: 'https://docs.fal.ai/errors#value_error',
          },
        ]
      : undefined);
  const asked = Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'image_url'));
  return { width, height, count: 1, refs: image ? [image] : [], received: read.received, asked, problems, refusal };
}

/**
 * Outpainting as one of the simulator's FLUX tools (fal.mjs `TOOLS`): our model id, its label, the first megapixel's
 * price in micro-dollars (what the pricing API answers, per 'megapixels'), its check, and what a request costs at
 * `first` (the key's price of the first megapixel): each further megapixel made and each of the image's at half of it.
 */
export const OUTPAINT_TOOLS = {
  'fal-ai/flux-2-pro/outpaint': {
    model: 'flux-outpainting',
    label: 'FLUX Outpainting',
    first: 30000,
    output: 'emu35',
    check: checkOutpaint,
    cost: (first, size, count, refs) => count * (first + (first / 2) * (mp(size) - 1 + (refs[0] ? mp(refs[0]) : 1))),
  },
};
