import { clock } from '../clock.js';
import type { StoredImage } from './image-store.js';

/** A persisted image as the gallery shows it: its metadata and where to show it from. */
export interface GalleryImage extends Omit<StoredImage, 'blob' | 'remote'> {
  /** An object URL of the saved bytes, or the provider's URL of an image not saved; none once that expired. */
  url?: string;
  /**
   * Set for an image the provider's host would not let the page read (no CORS): it is not saved in this
   * browser and is shown from the provider's link until that expires (`expiresAt`, ms, where known).
   */
  notSaved?: { expiresAt?: number; expired: boolean };
}

/** setTimeout's longest wait (about 24.8 days): a later expiry is looked at again then. */
const LONGEST_WAIT = 2 ** 31 - 1;

/**
 * The images a widget shows: object URLs for saved bytes (made once per image, revoked when it leaves), the
 * provider's URL for an image not saved, and a timer that redraws when the next such link expires, so that an
 * expired link is said, not shown as a broken image.
 */
export class Gallery {
  images: GalleryImage[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  /** `changed` is called whenever `images` changes. */
  constructor(private readonly changed: () => void) {}

  /** Shows `stored` (newest first), reusing the object URLs of the images already shown. */
  show(stored: StoredImage[]) {
    const known = new Map(this.images.flatMap((image) => (image.notSaved ? [] : [[image.id, image.url!]])));
    const now = clock.now();
    this.images = stored.map(({ blob, remote, ...meta }) => {
      if (!remote) {
        const url = known.get(meta.id) ?? URL.createObjectURL(blob!);
        known.delete(meta.id);
        return { ...meta, url };
      }
      const expired = remote.expiresAt !== undefined && remote.expiresAt <= now;
      return { ...meta, url: expired ? undefined : remote.url, notSaved: { expiresAt: remote.expiresAt, expired } };
    });
    for (const url of known.values()) URL.revokeObjectURL(url);
    this.watchExpiry(stored);
    this.changed();
  }

  /** Forgets every image (their object URLs revoked) and the expiry timer. */
  clear() {
    for (const image of this.images) if (!image.notSaved) URL.revokeObjectURL(image.url!);
    this.images = [];
    clearTimeout(this.timer);
  }

  /** Redraws when the first link still live expires. */
  private watchExpiry(stored: StoredImage[]) {
    clearTimeout(this.timer);
    const now = clock.now();
    const next = Math.min(
      ...stored.map((image) => image.remote?.expiresAt ?? Infinity).filter((expiresAt) => expiresAt > now),
    );
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.show(stored), Math.min(next - now, LONGEST_WAIT));
  }
}
