import { invalid } from '../../base/checks.js';
import type { EditKind } from '../../base/types.js';
import { modelName } from '../../pricing/index.js';
import { sayer } from '../../strings/strings.js';
import { wireSettings } from '../engine/controls.js';
import type { ProviderRequest, ReferenceImage } from '../provider.js';
import { FAL_WIRE, falControls } from './controls.js';
import { EDIT_ENDPOINTS, editPrices } from './edit-prices.js';
import { falEndpointId } from './queue.js';
import type { FalImages } from './storage.js';
import { FAL_TOOLS } from './prices.js';
import { falWords } from './words.js';

const falText = sayer('fal', falWords);

// What an edit sends at fal (SPEC §13; edit-prices.ts says which model makes which kind): where it goes, its mask,
// checked before anything is sent, and Fill's and Erase's bodies.

/** The kind of edit a model makes whatever the request says: Fill repaints what is painted, Erase removes it. */
const ONLY: Record<string, EditKind> = { 'flux-pro-1.0-fill': 'mask', 'flux-erase': 'erase' };

/**
 * fal's endpoint for the request: a model's edit endpoint where it sends images and has one of its own (Seedream:
 * `EDIT_ENDPOINTS`), else the price book's word for it (`wiring.model`: a family's or a tool's endpoint), else FLUX.2's
 * id, `/edit` with images (queue.ts).
 */
export function falRoute({ model, inputs, wiring }: ProviderRequest): string {
  if (inputs?.length && Object.hasOwn(EDIT_ENDPOINTS, model)) return EDIT_ENDPOINTS[model];
  return (
    wiring?.model ??
    (Object.hasOwn(FAL_TOOLS, model) ? FAL_TOOLS[model].endpoint : falEndpointId(model, inputs?.length))
  );
}

/**
 * The mask of an edit that repaints or erases what is painted, checked before anything is sent: the model must make
 * that kind of edit (a mask is never sent where it would be ignored in silence, SPEC §13), and the mask must be there
 * and of the image's size (FluxProFillInput: the image "Needs to match the dimensions of the mask"; FluxProEraseInput:
 * the mask "Needs to match the dimensions of the input image", fal-ai/fal-js@381105e). Fill and Erase always take one:
 * at fal, Fill has no image whose alpha is its mask (`mask_url` is required). Undefined for an instruction, or no edit.
 */
export function maskOf({ model, edit, inputs }: ProviderRequest): ReferenceImage | undefined {
  const kind = edit?.kind ?? (Object.hasOwn(ONLY, model) ? ONLY[model] : undefined);
  if (!kind) return undefined;
  const facts = Object.hasOwn(editPrices, model) ? editPrices[model] : undefined;
  if (!facts?.edits?.includes(kind)) invalid(falText.editNotMade(modelName(model)));
  // An instruction takes no mask; nor does an extend, whose new area is around the image (outpaint.ts).
  if (kind === 'instruction' || kind === 'extend') return undefined;
  const image = inputs?.[0];
  if (!edit?.mask || !image) invalid(falText.maskMissing());
  const { width, height } = edit.mask;
  if (width !== image.width || height !== image.height)
    invalid(falText.maskSize(width, height, image.width, image.height));
  return edit.mask;
}

/**
 * Fill's and Erase's bodies (undefined for any other model), their images on fal's CDN (`sent`):
 * - Fill (FluxProFillInput, fal.ai/models/fal-ai/flux-pro/v1/fill/llms.txt): `prompt`, `image_url`, `mask_url`, a seed,
 *   one image, and the settings it takes (`output_format`, `safety_tolerance` as fal's enum's text); no size (the
 *   output takes the image's).
 * - Erase (FluxProEraseInput, …/flux-pro/v1/erase/llms.txt): `image_url`, `mask_url` and `output_format`, nothing else:
 *   no prompt ("Remove undesired objects"), no seed (it has none), `dilate_pixels` left at its 10.
 */
export function toolBody(request: ProviderRequest, sent: FalImages): Record<string, unknown> | undefined {
  const only = Object.hasOwn(ONLY, request.model) ? ONLY[request.model] : undefined;
  if (!only) return undefined;
  const wire = wireSettings(falControls(request.model), request.settings, FAL_WIRE);
  if (wire.safety_tolerance !== undefined) wire.safety_tolerance = String(wire.safety_tolerance);
  const images = { image_url: sent.images[0], mask_url: sent.mask };
  if (only === 'erase') return { ...images, output_format: wire.output_format };
  return { prompt: request.prompt, ...images, seed: request.seed, num_images: 1, ...wire };
}
