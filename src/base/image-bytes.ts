import type { Size } from './types.js';

// Image bytes in the browser, the one place each is done: a `data:` URL read from bytes and decoded back, a 2D canvas
// of a size, the pixels of an image and a PNG of pixels. Here, below everything, so that the mask painter, the
// pipeline (`images/`) and the adapters (`providers/`) read and write images alike.

/** The type a `data:` URL names (`image/png` of `data:image/png;base64,…`), '' where it names none. */
export function dataUrlType(dataUrl: string): string {
  const header = dataUrl.slice(5, Math.max(5, dataUrl.indexOf(',')));
  return /^data:/.test(dataUrl) ? (header.split(';')[0] ?? '') : '';
}

/**
 * A base64 `data:` URL as a Blob of its type (what a `multipart/form-data` part is sent as), decoded here rather than
 * fetched: a page's Content Security Policy may forbid fetching `data:` URLs (`connect-src`).
 */
export function dataUrlBlob(dataUrl: string): Blob {
  return base64Blob(dataUrl.slice(dataUrl.indexOf(',') + 1), dataUrlType(dataUrl));
}

/** Base64 data (a data URL's, a reply's `b64_json`) as bytes of `type`; throws where it is not base64. */
export function base64Blob(base64: string, type: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))], { type });
}

/** `blob` as a `data:` URL; rejects where the browser cannot read it. */
export const dataUrlOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read'));
    reader.readAsDataURL(blob);
  });

/**
 * A new canvas of `size` and its 2D context. `readOften`: its pixels are read back, so kept in memory where reading
 * them is cheap.
 */
export function canvasOf({ width, height }: Size, readOften = false) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: readOften });
  // A new canvas always gives its first context; null only comes from one asked for another kind first.
  if (!context) throw new Error('A new canvas gave no 2D context');
  return { canvas, context };
}

/** How an image is drawn to read its pixels. */
export interface PixelsOptions {
  /** The size drawn at (the image's own where none): a mask's smoothing off, so that no grey is made at its edge. */
  size?: Size;
  smooth?: boolean;
  /** Decoded as the bytes say: alpha not premultiplied, no colour conversion (a mask read for its exact values). */
  exact?: boolean;
}

/** The pixels of `image` (its bytes decoded), drawn at `size` or its own. */
export async function pixelsOf(image: Blob, { size, smooth = true, exact = false }: PixelsOptions = {}) {
  const bitmap = await createImageBitmap(
    image,
    exact ? { premultiplyAlpha: 'none', colorSpaceConversion: 'none' } : {},
  );
  const { width, height } = size ?? bitmap;
  const { context } = canvasOf({ width, height }, true);
  context.imageSmoothingEnabled = smooth;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

/** `pixels` as a PNG. */
export function pngOf(pixels: ImageData): Promise<Blob> {
  const { canvas, context } = canvasOf(pixels);
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}
