// The turns of a Gemini request, as the simulator reads and checks them (google-gemini.mjs): the words and the images
// of each turn (`contents`, each `{role, parts}`), the images as `inlineData`, and the model's own images sent back each
// with the `thoughtSignature` its reply gave it, as Google requires of a conversation that goes on (its image
// generation guide, "thought signatures"; the 400 quoted in suurt8ll/open_webui_functions#225 and reproduced for
// gemini-3-pro-image in langchain-ai/langchain-google#1837). Google's model card says Gemini 3 Pro Image does not hold a
// request to it at Vertex (docs.cloud.google.com/vertex-ai/generative-ai/docs/thought-signatures, read 2026-11-28); the
// simulator holds every model to it, as the Gemini API answered in those reports: stricter where unsure. Recorded: that
// a reply's image part carries a `thoughtSignature` (test/recorded/gemini/gemini-3.1-flash-image.json); not recorded:
// a request sending images, the tokens each is billed, a later turn, its refusal's exact words and positions.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readBase64ImageSize } from './png.mjs';

/**
 * The types of image a request may carry: Google's card names PNG, JPEG, WebP, HEIC and HEIF
 * (docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/3-1-flash-image, read 2026-11-28); the simulator
 * reads the first three, which are what the widget sends.
 */
const TYPES = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };
/** At most 14 images a prompt, each at most 7 MB inline (the same card); counted over every turn of the request. */
const MOST_IMAGES = 14;
const MOST_IMAGE_BYTES = 7 * 1024 * 1024;

/** What signs the simulator's thought signatures: a secret of this process, so that only its own are taken. */
const SECRET = randomBytes(32);
const macOf = (payload) => createHmac('sha256', SECRET).update(payload).digest('base64url');

/**
 * A `thoughtSignature` for an image `model` made: opaque to the client, as Google's are (js-genai `Part`, "An opaque
 * signature for the thought so it can be reused in subsequent requests"), and one the simulator can tell its own.
 */
export function signatureFor(model) {
  const made = randomUUID();
  return Buffer.from(JSON.stringify({ model, made, mac: macOf(`${model} ${made}`) }), 'utf8').toString('base64');
}

/** Whether `signature` is one this simulator gave an image `model` made. */
function signedBy(signature, model) {
  try {
    const said = JSON.parse(Buffer.from(String(signature), 'base64').toString('utf8'));
    return said.model === model && said.mac === macOf(`${model} ${said.made}`);
  } catch {
    return false;
  }
}

/** Why an image part (`inline`, `inlineData`) cannot be read, or undefined; else its size. */
function imageOf(inline) {
  const type = TYPES[inline?.mimeType];
  if (!type)
    return {
      refusal: `Simulator: inlineData.mimeType ${JSON.stringify(inline?.mimeType)} is none of PNG, JPEG or WebP.`,
    };
  if (typeof inline.data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(inline.data))
    return { refusal: 'Invalid value at inline_data.data (TYPE_BYTES), Base64 decoding failed.' };
  const bytes = Math.floor((inline.data.length * 3) / 4);
  if (bytes > MOST_IMAGE_BYTES)
    return { refusal: `Simulator: an inline image of ${bytes} bytes is over Google's 7 MB.` };
  const size = readBase64ImageSize(inline.data);
  if (size?.type !== type) return { refusal: `Simulator: inlineData is no ${type} image, as its mimeType says.` };
  return { size: { width: size.width, height: size.height, bytes } };
}

/** Why `part` (of `role`, at 1-based positions `at`) is refused, or undefined: its kind, its image, its signature. */
function partRefused(part, role, model, at) {
  if (typeof part?.text === 'string') return undefined;
  if (!part?.inlineData)
    return `Simulator: part position ${at.part} of content position ${at.content} is neither text nor inlineData.`;
  const { refusal } = imageOf(part.inlineData);
  if (refusal) return refusal;
  if (role !== 'model') return undefined;
  if (!part.thoughtSignature)
    return `Image part is missing a thought_signature in content position ${at.content}, part position ${at.part}.`;
  if (!signedBy(part.thoughtSignature, model))
    return `Simulator: the thought_signature in content position ${at.content}, part position ${at.part} is none ${model} gave.`;
  return undefined;
}

/**
 * The request's turns read (`contents`, to `model`): all their words (`text`) and how many images they carry
 * (`images`), or why Google would refuse them (`refusal`): no turn; a role other than `user` or `model`; a part neither
 * words nor an image; an image that is none, over 7 MB or over the 14 a prompt takes; a model's image sent back without
 * the signature its reply gave it (Google's 400, positions counted from 1 as in the reply quoted), or with one the
 * simulator never gave this model; a request whose last turn is not the user's.
 */
export function readTurns(contents, model) {
  if (!Array.isArray(contents) || contents.length === 0)
    return { refusal: '* GenerateContentRequest.contents: contents is not specified' };
  let text = '';
  let images = 0;
  for (const [index, content] of contents.entries()) {
    const role = content?.role ?? 'user';
    if (role !== 'user' && role !== 'model')
      return { refusal: `Please use a valid role: user, model. Got ${JSON.stringify(role)}.` };
    if (!Array.isArray(content.parts) || content.parts.length === 0)
      return { refusal: `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.` };
    for (const [place, part] of content.parts.entries()) {
      const refusal = partRefused(part, role, model, { content: index + 1, part: place + 1 });
      if (refusal) return { refusal };
      if (typeof part.text === 'string') text += part.text;
      else images++;
    }
  }
  if ((contents.at(-1).role ?? 'user') !== 'user')
    return { refusal: "Simulator: the last content must be the user's turn, which the model answers." };
  if (images > MOST_IMAGES)
    return { refusal: `Simulator: ${images} images in one request, more than the ${MOST_IMAGES} a prompt takes.` };
  if (!text.trim()) return { refusal: '* GenerateContentRequest.contents: contents is not specified' };
  return { text, images };
}

/** The request as the simulator's log keeps it: each image's bytes left out, its type, size and length kept. */
export function asLogged(body) {
  if (!Array.isArray(body?.contents)) return body;
  const contents = body.contents.map((content) => ({
    ...content,
    parts: Array.isArray(content?.parts)
      ? content.parts.map((part) => {
          if (!part?.inlineData) return part;
          const { data, ...inline } = part.inlineData;
          return {
            ...part,
            inlineData: { ...inline, ...(imageOf(part.inlineData).size ?? { unread: String(data).length }) },
          };
        })
      : content?.parts,
  }));
  return { ...body, contents };
}
