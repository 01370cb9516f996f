import type { GalleryImage } from '../../images/gallery.js';
import { copyImage } from './copy-image.js';

/** What the gallery's actions do to the widget (its handler hands these in). */
export interface ImageActionTarget {
  remove(id: string): Promise<void>;
  /** Says a sentence once, politely. */
  say(sentence: string): void;
  addReference(file: File): Promise<void>;
  /** Sets the widget to these settings (the seed unset: a new one); `final`: on the model a draft finalizes on. */
  reuse(
    settings: Pick<GalleryImage, 'prompt' | 'provider' | 'model' | 'width' | 'height' | 'seed'>,
    final: boolean,
  ): void;
}

/**
 * A click on a gallery image's action (`data-action`: copy, reuse, vary, reference, finalize, delete; `data-id`):
 * delete it, copy it, use it as a reference, or set the widget to its settings (vary: without its seed; finalize:
 * on the final model, the price shown before anything runs).
 */
export async function actOnImage(event: Event, images: readonly GalleryImage[], target: ImageActionTarget) {
  const { action, id } = (event.currentTarget as HTMLElement).dataset;
  const image = images.find((shown) => shown.id === id);
  if (!image) return;
  if (action === 'delete') return target.remove(image.id);
  if (action === 'copy') return target.say(await copyImage(image.url!));
  if (action === 'reference') {
    const blob = await (await fetch(image.url!)).blob();
    return target.addReference(new File([blob], 'reference', { type: blob.type }));
  }
  const { prompt, provider, model, width, height, seed } = image;
  target.reuse(
    { prompt, provider, model, width, height, seed: action === 'vary' ? undefined : seed },
    action === 'finalize',
  );
}
