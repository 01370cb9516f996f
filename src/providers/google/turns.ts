import { isRecord } from '../../base/checks.js';
import type { Conversation, ProviderRequest, ReferenceImage, Turn } from '../provider.js';

/**
 * The turns of a Gemini request and of the conversation an image keeps (SPEC §13), as Google takes them: each
 * `{role, parts}`, an image as `inlineData` (`{mimeType, data}`, base64) beside the words, the model's own image sent
 * back with the `thoughtSignature` its reply gave it (Google's image generation guide, "thought signatures": without
 * it, a later turn is refused, 400 "Image part is missing a thought_signature…", as quoted in
 * suurt8ll/open_webui_functions#225). Loaded with the adapter.
 */

/** An image as sent, as a turn keeps it: the type and the base64 bytes of its `data:` URL. */
function inline({ dataUrl }: ReferenceImage) {
  return { mimeType: dataUrl.slice(5, dataUrl.indexOf(';')), data: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/**
 * What a request sends: the earlier turns, where it goes on with the conversation that made its first input (every
 * turn of it, then the model's turn of that image, as sent, with its signature), and its own turn, the user's: the
 * instruction, then each image it sends (where it goes on, the references only: the image it edits is the model's).
 */
export function turnsOf(request: ProviderRequest): { earlier: Turn[]; asked: Turn } {
  const inputs = request.inputs ?? [];
  const [edited, ...references] = inputs;
  const going = request.conversation && edited ? request.conversation : undefined;
  const earlier: Turn[] = going
    ? [...going.turns, { role: 'model', parts: [{ image: inline(edited), signature: going.signature }] }]
    : [];
  const images = going ? references : inputs;
  return {
    earlier,
    asked: { role: 'user', parts: [{ text: request.prompt }, ...images.map((image) => ({ image: inline(image) }))] },
  };
}

/** A turn as Google's API takes it (`Content`: googleapis/js-genai `Part.inlineData`, `Part.thoughtSignature`). */
export const wireTurn = (turn: Turn) => ({
  role: turn.role,
  parts: turn.parts.map((part) =>
    'text' in part
      ? { text: part.text }
      : { inlineData: part.image, ...(part.signature && { thoughtSignature: part.signature }) },
  ),
});

/** An image of a reply: its `inlineData`, and the signature its part carries, where it carries one. */
export interface ReplyImage {
  inlineData: Record<string, any>;
  signature?: string;
}

/**
 * Every image of a Gemini reply's first candidate, each with its part's `thoughtSignature` (every image part of a
 * reply carries one: Google's image generation guide): one prompt may make several, each billed in its usage.
 */
export function replyImages(reply: any): ReplyImage[] {
  const parts: unknown[] = reply?.candidates?.[0]?.content?.parts ?? [];
  return parts.flatMap((part) =>
    isRecord(part) && isRecord(part.inlineData) && typeof part.inlineData.data === 'string'
      ? [
          {
            inlineData: part.inlineData,
            ...(typeof part.thoughtSignature === 'string' &&
              part.thoughtSignature && { signature: part.thoughtSignature }),
          },
        ]
      : [],
  );
}

/**
 * The conversation an image a reply made keeps, where its part carries a signature: the turns the request sent, its
 * own the last, under the model asked (the price book's id) at Google. None without a signature: a later turn could not
 * send it back as Google requires, and starts a new conversation instead.
 */
export function conversationOf(
  request: ProviderRequest,
  turns: { earlier: Turn[]; asked: Turn },
  signature?: string,
): Conversation | undefined {
  if (!signature) return undefined;
  return { provider: 'google', model: request.model, turns: [...turns.earlier, turns.asked], signature };
}
