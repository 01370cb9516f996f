import type { ProviderEditFacts } from '../../pricing/index.js';

/**
 * What BFL's models make of an image sent to them (SPEC §13), in force once the edits' pricing has loaded: FLUX.2 and
 * FLUX 3 follow an instruction over their first image (docs.bfl.ml/flux_2/flux2_image_editing;
 * docs.bfl.ai/flux_3/flux3_image_generate), as Kontext does (FluxKontextProInputs, BFL's OpenAPI: "legacy, use FLUX.2
 * [PRO] for editing"); FLUX.1 Fill [pro] repaints what is painted (FluxProFillInputs' `mask`, white where it repaints);
 * FLUX Erase removes it, with no prompt (docs.bfl.ml/flux_erase); FLUX Outpainting extends the canvas around the image
 * (docs.bfl.ai/flux_tools/flux_outpainting), with an optional instruction for the new area: `prompt`, "Experimental:
 * optional text guidance for the outpainted region. The model may not strictly follow this prompt"
 * (docs.bfl.ml/api-reference/models/outpaint-or-extend-an-image, read 2026-11-28); its offsets may be any whole number,
 * so no side has a limit of its own but the canvas's 4 MP (prices.ts). None takes a mask it would ignore.
 */
const INSTRUCTION = { edits: ['instruction'] } as const;

export const editPrices: ProviderEditFacts = {
  'flux-2-klein-4b': INSTRUCTION,
  'flux-2-klein-9b': INSTRUCTION,
  'flux-2-pro': INSTRUCTION,
  'flux-2-flex': INSTRUCTION,
  'flux-2-max': INSTRUCTION,
  'flux-3-image': INSTRUCTION,
  'flux-kontext-pro': INSTRUCTION,
  'flux-kontext-max': INSTRUCTION,
  'flux-pro-1.0-fill': { edits: ['mask'] },
  'flux-erase': { edits: ['erase'] },
  'flux-outpainting': { edits: ['extend'], extend: { prompt: true } },
};
