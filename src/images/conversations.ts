import type { Conversation, TurnPart } from '../providers/provider.js';

/**
 * A conversation as the image store keeps it (`StoredImage.conversation`): each image of its turns and each signature
 * in a Blob, which a read of the gallery does not load (the browser keeps a Blob's bytes apart from the record that
 * holds it), so that a gallery of images that each keep their conversation stays light. Its words stay text.
 */
export interface KeptConversation extends Omit<Conversation, 'turns' | 'signature'> {
  turns: { role: 'user' | 'model'; parts: KeptPart[] }[];
  signature: Blob;
}

/** A part of a turn as kept: words, or an image's type with its base64 bytes (and its signature) in Blobs. */
type KeptPart = { text: string } | { image: { mimeType: string; data: Blob }; signature?: Blob };

/** Text in a Blob of its own, read back with `blob.text()`. */
const inBlob = (text: string) => new Blob([text], { type: 'text/plain' });

/** `conversation` as the image store keeps it. */
export function keptConversation(conversation: Conversation): KeptConversation {
  const kept = (part: TurnPart): KeptPart =>
    'text' in part
      ? { text: part.text }
      : {
          image: { mimeType: part.image.mimeType, data: inBlob(part.image.data) },
          ...(part.signature && { signature: inBlob(part.signature) }),
        };
  return {
    provider: conversation.provider,
    model: conversation.model,
    turns: conversation.turns.map(({ role, parts }) => ({ role, parts: parts.map(kept) })),
    signature: inBlob(conversation.signature),
  };
}

/** A conversation the image store kept, read back as it is sent again. */
export async function readConversation(kept: KeptConversation): Promise<Conversation> {
  const read = async (part: KeptPart): Promise<TurnPart> =>
    'text' in part
      ? { text: part.text }
      : {
          image: { mimeType: part.image.mimeType, data: await part.image.data.text() },
          ...(part.signature && { signature: await part.signature.text() }),
        };
  return {
    provider: kept.provider,
    model: kept.model,
    turns: await Promise.all(
      kept.turns.map(async ({ role, parts }) => ({ role, parts: await Promise.all(parts.map(read)) })),
    ),
    signature: await kept.signature.text(),
  };
}
