import { UserPaysError } from '../../errors.js';
import type { ReferenceImage } from '../../providers/provider.js';

const ACCEPTED = /^image\/(png|jpeg|webp)$/;
const MAX_BYTES = 10 * 1024 * 1024;

/** Reads a chosen file into a reference image (data URL + real pixel size), or explains why not. */
export async function readReferenceImage(file: File): Promise<ReferenceImage> {
  if (!ACCEPTED.test(file.type)) {
    throw new UserPaysError('invalid-input', `"${file.name}" is not a PNG, JPEG or WebP image. Choose one of those.`);
  }
  if (file.size > MAX_BYTES) {
    throw new UserPaysError('invalid-input', `"${file.name}" is larger than 10 MB. Choose a smaller image.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new UserPaysError('invalid-input', `"${file.name}" could not be read as an image. Choose another file.`);
  }
  const { width, height } = bitmap;
  bitmap.close();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new UserPaysError('invalid-input', `"${file.name}" could not be read.`));
    reader.readAsDataURL(file);
  });
  return { dataUrl, width, height };
}
