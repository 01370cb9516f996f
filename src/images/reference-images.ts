import { invalid } from '../base/checks.js';
import { canvasOf, dataUrlBlob, dataUrlOf } from '../base/image-bytes.js';
import type { ReferenceImage } from '../providers/provider.js';
import type { Size } from '../base/types.js';
import { references } from '../strings/references.js';
import { sayer, type Sentence } from '../strings/strings.js';

const text = sayer('references', references);

const ACCEPTED = /^image\/(png|jpeg|webp)$/;
const MAX_BYTES = 10 * 1024 * 1024;

/** The `data:` URL of `blob`, or `unreadable` where the browser cannot read it. */
const dataUrlOr = (blob: Blob, unreadable: Sentence) => dataUrlOf(blob).catch(() => invalid(unreadable));

/** Reads a chosen file into a reference image (data URL + real pixel size), or explains why not. */
export async function readReferenceImage(file: File): Promise<ReferenceImage> {
  if (!ACCEPTED.test(file.type)) invalid(text.notAnImage(file.name));
  if (file.size > MAX_BYTES) invalid(text.fileTooLarge(file.name));
  const bitmap = await createImageBitmap(file).catch(() => invalid(text.fileNotAnImage(file.name)));
  const { width, height } = bitmap;
  bitmap.close();
  return { dataUrl: await dataUrlOr(file, text.fileUnreadable(file.name)), width, height };
}

/**
 * The reference as it is sent: resized in the browser to `size` (what the provider takes, as priced), or as it
 * was chosen when that already fits. Keeps its format (PNG stays lossless; JPEG and WebP at quality 0.92).
 */
export async function referenceAt(image: ReferenceImage, size: Size): Promise<ReferenceImage> {
  if (size.width === image.width && size.height === image.height) return image;
  const source = dataUrlBlob(image.dataUrl);
  const bitmap = await createImageBitmap(source, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  const { canvas, context } = canvasOf(size);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: source.type, quality: 0.92 });
  return { dataUrl: await dataUrlOr(blob, text.referenceNotResized()), ...size };
}
