import { invalid, isRecord } from '../base/checks.js';
import type { EditInput } from '../base/types.js';
import { editPricing } from '../pricing/edit-hook.js';
import { editImageNotFound, editNotAnImage } from '../strings/edit-input.js';

/**
 * An edit as a page hands it to `generate()` or `UserPays.generate()`: an image (a Blob, a gallery id, an address), a
 * kind the widget knows, a mask as a Blob, an extend's sides (whole pixels, none negative, one at least above 0),
 * `whole` true or absent; anything else refused in words (`invalid-input`), before anything is read or sent.
 */
export function checkEditInput(edit: unknown): EditInput {
  if (!isRecord(edit)) invalid(editNotAnImage());
  const { image, mask, whole } = edit;
  // Checked as a quote checks an edit: the edits' pricing is in force wherever an edit is handed over.
  const { kind, extend } = editPricing().checkEdit({ kind: edit.kind, whole, extend: edit.extend });
  if (!(image instanceof Blob || typeof image === 'string') || !(mask === undefined || mask instanceof Blob))
    invalid(editNotAnImage());
  return { image, kind, ...(mask && { mask }), ...(extend && { extend }), ...(whole === true && { whole }) };
}

/**
 * The image an edit names, as a file: the Blob given, or an image of the gallery by its id (`kept`: its bytes where
 * this browser keeps them; the result then names it as the one it edits), or what an address holds.
 */
export async function editedImage(
  image: Blob | string,
  kept: (id: string) => Promise<Blob | undefined>,
): Promise<{ file: File; editOf?: string }> {
  if (image instanceof Blob) return { file: asFile(image, 'edit') };
  const blob = await kept(image).catch(() => undefined);
  if (blob) return { file: asFile(blob, 'edit'), editOf: image };
  const read = await fetch(image).catch(() => undefined);
  if (!read?.ok) invalid(editImageNotFound(image));
  return { file: asFile(await read.blob(), 'edit') };
}

/** A Blob as a file input gives it, named for what it is. */
export const asFile = (blob: Blob, name: string) =>
  blob instanceof File ? blob : new File([blob], name, { type: blob.type });
