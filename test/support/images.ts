// Real images made in the browser, as a user's files or references would be: small to send, real to decode; and an
// image as the store keeps it.
import type { StoredImage } from '../../src/images/image-store.js';

/** A PNG of that size (one colour), as a file input would give it. */
export async function pngBlob(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a6';
  context.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The same PNG as a chosen file, named `name`. */
export async function pngFile(width: number, height: number, name = `ref-${width}x${height}.png`): Promise<File> {
  return new File([await pngBlob(width, height)], name, { type: 'image/png' });
}

/** A reference image (one colour, of that size, PNG or `type`) as a provider request carries it: a data URL. */
export function referenceImage(width: number, height: number, type = 'image/png') {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#4a8';
  context.fillRect(0, 0, width, height);
  return { dataUrl: canvas.toDataURL(type), width, height };
}

/**
 * An image as the image store keeps it: `id` (its entry's too), `blob`, made at `createdAt`, a FLUX.2 [klein] 4B
 * picture of 8 × 8 from BFL, charged $0.014, its prompt its id; `more` in place of any of that.
 */
export const storedImage = (
  id: string,
  blob: Blob,
  createdAt: number,
  more: Partial<StoredImage> = {},
): StoredImage => ({
  id,
  entryId: id,
  blob,
  prompt: id,
  model: 'flux-2-klein-4b',
  provider: 'bfl',
  width: 8,
  height: 8,
  charged: '0.014',
  createdAt,
  ...more,
});

/** A mask as the editor paints one: a PNG of that size, black but for a white square in its middle (half each side). */
export async function maskPng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#fff';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** A picture as the image store keeps it: `id`, made at `createdAt`, its bytes the text `text` (an image by its type). */
export const keptPicture = (id: string, createdAt: number, text = id): StoredImage => ({
  id,
  entryId: `entry-${id}`,
  blob: new Blob([text], { type: 'image/png' }),
  prompt: `a picture of ${id}`,
  model: 'flux-2-pro',
  provider: 'bfl',
  width: 1024,
  height: 768,
  seed: 42,
  charged: '0.045',
  createdAt,
});
