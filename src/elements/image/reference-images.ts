import { UserPaysError, asUserPaysError } from '../../errors.js';
import type { ReferenceImage } from '../../providers/provider.js';
import * as text from '../../strings.js';

const ACCEPTED = /^image\/(png|jpeg|webp)$/;
const MAX_BYTES = 10 * 1024 * 1024;

/** Reads a chosen file into a reference image (data URL + real pixel size), or explains why not. */
export async function readReferenceImage(file: File): Promise<ReferenceImage> {
  if (!ACCEPTED.test(file.type)) {
    throw new UserPaysError('invalid-input', text.notAnImage(file.name));
  }
  if (file.size > MAX_BYTES) {
    throw new UserPaysError('invalid-input', text.fileTooLarge(file.name));
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new UserPaysError('invalid-input', text.fileNotAnImage(file.name));
  }
  const { width, height } = bitmap;
  bitmap.close();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new UserPaysError('invalid-input', text.fileUnreadable(file.name)));
    reader.readAsDataURL(file);
  });
  return { dataUrl, width, height };
}

/**
 * The reference images the user attached to the widget: added from chosen files (read, measured, kept
 * up to the model's limit), removed one by one. A file that cannot be used is reported, the rest are kept.
 */
export class ReferenceImages {
  images: ReferenceImage[] = [];

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly report: (error: UserPaysError) => void,
  ) {}

  /** Reads `files` and keeps them after the ones already attached, up to `max` in all. */
  async add(files: File[], max: number) {
    try {
      const read = await Promise.all(files.map(readReferenceImage));
      this.images = [...this.images, ...read].slice(0, max);
      this.host.requestUpdate();
    } catch (error) {
      this.report(asUserPaysError(error));
    }
  }

  remove(index: number) {
    this.images = this.images.filter((_, i) => i !== index);
    this.host.requestUpdate();
  }
}
