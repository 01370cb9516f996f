import { canvasOf } from '../../../../base/image-bytes.js';
import type { GalleryStrings } from '../../../../strings/image/gallery.js';

/**
 * Copies a saved image's bytes to the clipboard, and says how that went (it never rejects). Browsers take only PNG
 * there, so another type is drawn into a canvas and copied as PNG.
 */
export async function copyImage(saved: Blob, text: GalleryStrings): Promise<string> {
  try {
    let blob = saved;
    if (blob.type !== 'image/png') {
      const bitmap = await createImageBitmap(blob);
      const { canvas, context } = canvasOf(bitmap);
      context.drawImage(bitmap, 0, 0);
      blob = await canvas.convertToBlob({ type: 'image/png' });
    }
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return text.copied();
  } catch {
    return text.copyFailed(); // the page may not write the clipboard (permissions, an unfocused page)
  }
}
