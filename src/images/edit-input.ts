import { invalid, isRecord } from '../base/checks.js';
import type { EditInput, ProviderId, PublicEdit } from '../base/types.js';
import type { Conversation } from '../providers/provider.js';
import { readConversation, type KeptConversation } from './conversations.js';
import { editPricingIn, type EditsInForce } from '../pricing/edits-in-force.js';
import { editImageNotFound, editNotAnImage } from '../strings/edit-input.js';

/**
 * An edit as a page hands it to `generate()` or `UserPays.generate()`: an image (a Blob, a gallery id, an address), a
 * kind the widget knows, a mask as a Blob, an extend's sides (whole pixels, none negative, one at least above 0),
 * `whole` true or absent; anything else refused in words (`invalid-input`), before anything is read or sent. Checked
 * as a quote checks an edit, by the edits' pricing (`edits`: loaded wherever an edit is handed over).
 */
export function checkEditInput(edit: unknown, edits: EditsInForce | undefined): EditInput {
  if (!isRecord(edit)) invalid(editNotAnImage());
  const { image, mask, whole } = edit;
  const { kind, extend } = editPricingIn(edits).checkEdit({ kind: edit.kind, whole, extend: edit.extend });
  if (!(image instanceof Blob || typeof image === 'string') || !(mask === undefined || mask instanceof Blob))
    invalid(editNotAnImage());
  return { image, kind, ...(mask && { mask }), ...(extend && { extend }), ...(whole === true && { whole }) };
}

/** What the gallery keeps of an image an edit names: its bytes, and the conversation that made it, where it keeps one. */
export interface KeptImage {
  blob?: Blob;
  conversation?: KeptConversation;
}

/**
 * The image an edit names, as a file: the Blob given, or an image of the gallery by its id (`kept`: its bytes where
 * this browser keeps them, and the conversation that made it; the result then names it as the one it edits), or what an
 * address holds.
 */
export async function editedImage(
  image: Blob | string,
  kept: (id: string) => Promise<KeptImage | undefined>,
): Promise<{ file: File; editOf?: string; conversation?: Conversation }> {
  if (image instanceof Blob) return { file: asFile(image, 'edit') };
  const { blob, conversation } = (await kept(image).catch(() => undefined)) ?? {};
  if (blob)
    return {
      file: asFile(blob, 'edit'),
      editOf: image,
      ...(conversation && { conversation: await readConversation(conversation) }),
    };
  const read = await fetch(image).catch(() => undefined);
  if (!read?.ok) invalid(editImageNotFound(image));
  return { file: asFile(await read.blob(), 'edit') };
}

/** A Blob as a file input gives it, named for what it is. */
export const asFile = (blob: Blob, name: string) =>
  blob instanceof File ? blob : new File([blob], name, { type: blob.type });

/**
 * What an edit that goes on with `conversation` sends again besides the image it edits (`PublicEdit.earlier`): the
 * images of its turns and the bytes of their words, each priced as an input (SPEC §13).
 */
export function earlierOf(conversation: Conversation): NonNullable<PublicEdit['earlier']> {
  let images = 0;
  let textBytes = 0;
  for (const part of conversation.turns.flatMap((turn) => turn.parts)) {
    if ('text' in part) textBytes += new TextEncoder().encode(part.text).length;
    else images++;
  }
  return { images, textBytes };
}

/**
 * What an edit of an image that keeps `conversation` sends again, where it goes on with it: at the provider and with
 * the model that made it (a Nano Banana image edited by Nano Banana at Google); undefined elsewhere, where the edit
 * starts a conversation of its own.
 */
export const goesOnWith = (conversation: Conversation | undefined, provider: ProviderId, model: string) =>
  conversation && conversation.provider === provider && conversation.model === model
    ? earlierOf(conversation)
    : undefined;
