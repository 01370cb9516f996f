/**
 * The images of a history file (docs/ledger.md, "Export and import"): each kept image with its bytes as a data URL,
 * read back strictly. A conversation (Nano Banana's) stays in the browser that made it: Edit on an imported image
 * starts a new one.
 */
import { invalid, isAmount, isRecord } from '../base/checks.js';
import { ledgerText as text } from '../strings/ledger.js';
import type { StoredImage } from './image-store.js';

/** Past this many characters of image data, the file would be too large to write or read back: the rest stay out. */
export const IMAGE_DATA_LIMIT = 100_000_000;

/** The image types a kept image may be (what the providers return, and what a user may edit). */
const DATA_URL = /^data:image\/(png|jpeg|webp|gif|avif);base64,[A-Za-z0-9+/]*={0,2}$/;

const readAsDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(reader.error));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** The Blob a data URL holds (decoded here: a page's Content-Security-Policy may not let it fetch a `data:` URL). */
function blobOf(url: string): Blob {
  const [head, data] = url.split(',');
  const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
  return new Blob([bytes], { type: head.slice(5, head.indexOf(';')) });
}

/**
 * `images` as a file carries them, newest first, until their data would pass `IMAGE_DATA_LIMIT`: those past it are
 * left out (`leftOut` says how many), never cut short. An image whose bytes the browser cannot read back (its storage
 * damaged or evicted under it) is left out too (`unreadable`), so that the rest of the history still leaves.
 */
export async function portableImages(images: readonly StoredImage[]) {
  const carried: Record<string, unknown>[] = [];
  let size = 0;
  let leftOut = 0;
  let unreadable = 0;
  for (const { blob, asMade, conversation: _kept, ...fields } of images) {
    const read = await Promise.all([blob && readAsDataUrl(blob), asMade && readAsDataUrl(asMade)]).catch(() => {});
    if (!read) {
      unreadable++;
      continue;
    }
    const [bytes, made] = read;
    const adds = (bytes?.length ?? 0) + (made?.length ?? 0);
    if (size + adds > IMAGE_DATA_LIMIT) leftOut++;
    else carried.push({ ...fields, ...(bytes && { blob: bytes }), ...(made && { asMade: made }) });
    size += adds;
  }
  return { images: carried, leftOut, unreadable };
}

const isText = (value: unknown) => typeof value === 'string';
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isImageUrl = (value: unknown) => typeof value === 'string' && DATA_URL.test(value);
const isRemote = (value: unknown) =>
  isRecord(value) &&
  typeof value.url === 'string' &&
  /^https:\/\//.test(value.url) &&
  (value.expiresAt === undefined || isCount(value.expiresAt));

/** Each field an image of a file may have, and its check: an image with any other is refused. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  id: (value) => isText(value) && value !== '',
  entryId: isText,
  blob: isImageUrl,
  asMade: isImageUrl,
  remote: isRemote,
  prompt: isText,
  model: isText,
  provider: isText,
  width: isCount,
  height: isCount,
  seed: isCount,
  revisedPrompt: isText,
  charged: isAmount,
  paidWith: isText,
  receipt: isRecord,
  createdAt: isCount,
  batch: isText,
  quality: isText,
  settings: isRecord,
  edit: (value) => isRecord(value) && isText(value.kind),
  own: (value) => value === true,
};
const REQUIRED = ['id', 'entryId', 'prompt', 'model', 'provider', 'width', 'height', 'charged', 'createdAt'];

/** One image of a file, checked whole (`number` names it in the refusal); its bytes back in a Blob. */
export function readPortableImage(value: unknown, index: number): StoredImage {
  if (!isRecord(value)) invalid(text.historyImageDamaged(index + 1));
  const fields = Object.entries(value);
  const valid =
    REQUIRED.every((field) => field in value) &&
    fields.every(([field, stored]) => Object.hasOwn(FIELDS, field) && FIELDS[field](stored)) &&
    ('blob' in value || 'remote' in value);
  if (!valid) invalid(text.historyImageDamaged(index + 1));
  const { blob, asMade, ...rest } = value;
  // Every field is checked above as the store keeps it, but for the bytes, which come back as Blobs here.
  const image = rest as Omit<StoredImage, 'blob' | 'asMade'>;
  return {
    ...image,
    ...(typeof blob === 'string' && { blob: blobOf(blob) }),
    ...(typeof asMade === 'string' && { asMade: blobOf(asMade) }),
  };
}
