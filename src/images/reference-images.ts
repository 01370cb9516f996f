import { invalid } from '../base/checks.js';
import type { ReferenceImage } from '../providers/provider.js';
import type { Size } from '../base/types.js';
import { references } from '../strings/references.js';
import { sayer, type Sentence } from '../strings/strings.js';

const text = sayer('references', references);

const ACCEPTED = /^image\/(png|jpeg|webp)$/;
const MAX_BYTES = 10 * 1024 * 1024;

/** The `data:` URL of `blob`, or `unreadable` where the browser cannot read it. */
const dataUrlOf = (blob: Blob, unreadable: Sentence) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = reject;
    reader.readAsDataURL(blob);
  }).catch(() => invalid(unreadable));

/** Reads a chosen file into a reference image (data URL + real pixel size), or explains why not. */
export async function readReferenceImage(file: File): Promise<ReferenceImage> {
  if (!ACCEPTED.test(file.type)) invalid(text.notAnImage(file.name));
  if (file.size > MAX_BYTES) invalid(text.fileTooLarge(file.name));
  const bitmap = await createImageBitmap(file).catch(() => invalid(text.fileNotAnImage(file.name)));
  const { width, height } = bitmap;
  bitmap.close();
  return { dataUrl: await dataUrlOf(file, text.fileUnreadable(file.name)), width, height };
}

/** The bytes of a `data:` URL (decoded here: a page's CSP may forbid fetching `data:` URLs). */
export function bytesOf(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const type = dataUrl.slice(5, dataUrl.indexOf(';'));
  return new Blob([Uint8Array.from(atob(dataUrl.slice(comma + 1)), (c) => c.charCodeAt(0))], { type });
}

/**
 * The reference as it is sent: resized in the browser to `size` (what the provider takes, as priced), or as it
 * was chosen when that already fits. Keeps its format (PNG stays lossless; JPEG and WebP at quality 0.92).
 */
export async function referenceAt(image: ReferenceImage, size: Size): Promise<ReferenceImage> {
  if (size.width === image.width && size.height === image.height) return image;
  const source = bytesOf(image.dataUrl);
  const bitmap = await createImageBitmap(source, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  // A new canvas always gives its first context; null only comes from one asked for another kind first.
  if (!context) throw new Error('A new canvas gave no 2D context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: source.type, quality: 0.92 });
  return { dataUrl: await dataUrlOf(blob, text.referenceNotResized()), ...size };
}
