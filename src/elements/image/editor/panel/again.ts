import type { EditKind, PublicEdit } from '../../../../base/types.js';
import type { GalleryImage } from '../../../../images/gallery.js';
import type { SubmissionRequest } from '../../shared/image-parts.js';

/** Whether an edit of `kind` paints what it changes: a repaint and an erase do; an instruction and an extend do not. */
export const paints = (kind: EditKind) => kind === 'mask' || kind === 'erase';

/** Whether an edit of `kind` is sent without an instruction: an erase takes none, an extend's is optional. */
export const instructionOptional = (kind: EditKind) => kind === 'erase' || kind === 'extend';

/** What Vary of an edit needs to make it again: the edit's result, the size of its source, what the widget has here. */
export interface AgainOf {
  /** The edit's result, as the gallery keeps it (its kind, source, sides, model, size and instruction). */
  image: Pick<GalleryImage, 'id' | 'provider' | 'model' | 'prompt' | 'width' | 'height' | 'quality' | 'edit'>;
  /** The image it edits (the source), still in the gallery with its bytes: its size. */
  source: { width: number; height: number };
  /** The request as the form stands, whose endpoint, settings and key route the repeat keeps. */
  form: SubmissionRequest;
  /** The provider in force, and the models that make this kind of edit there. */
  provider: string;
  models: readonly string[];
  /** Whether the mask the edit was sent with is still held (an edit that paints cannot be made again without it). */
  masked: boolean;
}

/**
 * Vary on an edit (SPEC §13): the same edit again on the same source, as it was sent (its kind, its mask, its sides,
 * its model, its instruction, at its size), one image with a new seed, priced with its inputs as sent (the source as
 * the image edited, the earlier turns of a conversation it went on with); undefined where it cannot be made here (not
 * at the provider in force, a model that no longer makes it, a painted edit whose mask this page no longer holds, a
 * source gone), where Vary is then not offered, rather than priced and refused.
 */
export function againRequest({
  image,
  source,
  form,
  provider,
  models,
  masked,
}: AgainOf): SubmissionRequest | undefined {
  const { edit } = image;
  if (!edit?.editOf || image.provider !== provider || !models.includes(image.model)) return undefined;
  if ((paints(edit.kind) && !masked) || (!instructionOptional(edit.kind) && !image.prompt.trim())) return undefined;
  const { conversation: _, ...asked } = form;
  const again: PublicEdit = {
    kind: edit.kind,
    editOf: edit.editOf,
    ...(edit.whole && { whole: true }),
    ...(edit.extend && { extend: edit.extend }),
    ...(edit.earlier && { earlier: edit.earlier }),
  };
  return {
    ...asked,
    model: image.model,
    prompt: image.prompt,
    width: image.width,
    height: image.height,
    count: 1,
    seed: undefined,
    quality: image.quality || asked.quality,
    inputs: [{ dataUrl: '', width: source.width, height: source.height }],
    edit: again,
  };
}
