import { clock } from '../base/clock.js';
import type { StoredImage } from './image-store.js';

/** A persisted image as the gallery shows it: its metadata and where to show it from. */
export interface GalleryImage extends Omit<StoredImage, 'blob' | 'remote' | 'batch'> {
  /** The submission that made it, which its images share: its own id for an image stored before submissions were. */
  batch: string;
  /** An object URL of the saved bytes, or the provider's URL of an image not saved; none once that expired. */
  url?: string;
  /**
   * Set for an image the provider's host would not let the page read (no CORS): it is not saved in this
   * browser and is shown from the provider's link until that expires (`expiresAt`, ms, where known).
   */
  notSaved?: { expiresAt?: number; expired: boolean };
  /** The saved bytes' type (`image/jpeg`…): a download is named by it. None for an image not saved. */
  type?: string;
  /**
   * Set on an image just deleted from this browser: its place stays, said deleted with its Undo, until the gallery is
   * read again (a `show`, which leaves it out).
   */
  gone?: boolean;
}

/**
 * The object URL a saved image is shown from, which the gallery made and so revokes; none for an image not saved
 * (its link is the provider's).
 */
const objectUrlOf = (image: GalleryImage) => (image.notSaved ? undefined : image.url);

/** Revokes the object URL an image leaving the gallery was shown from, if the gallery made one. */
function revokeShown(image: GalleryImage) {
  const url = objectUrlOf(image);
  if (url !== undefined) URL.revokeObjectURL(url);
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
  /**
   * The images of the user's own that images of `images` edit (`StoredImage.own`), by id: shown as the version an edit
   * was made from, never as images of their own.
   */
  own = new Map<string, GalleryImage>();
  /** Object URLs of images about to be shown (see `preload`), by id, with the element loading each. */
  readonly #preloaded = new Map<string, { url: string; image: HTMLImageElement }>();
  /** Images shown before they are saved (see `add`), by id: a read made before their save does not hide them. */
  readonly #unsaved = new Map<string, GalleryImage>();
  #timer?: ReturnType<typeof setTimeout>;

  readonly #changed: () => void;

  /** `changed` is called whenever `images` changes. */
  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /**
   * Shows `stored` (newest first), reusing the object URLs of the images already shown, and the images added and
   * not yet saved that it lacks (it was read before their save).
   */
  show(stored: StoredImage[]) {
    const known = new Map(
      [...this.images, ...this.own.values()].flatMap((image) => {
        const url = objectUrlOf(image);
        return url === undefined ? [] : [[image.id, url]];
      }),
    );
    const now = clock.now();
    const read = new Set(stored.map((image) => image.id));
    const waiting = [...this.#unsaved.values()].filter((image) => !read.has(image.id));
    for (const image of waiting) known.delete(image.id);
    const made = stored.filter((image) => !image.own);
    this.own = new Map(
      stored.filter((image) => image.own).map((image) => [image.id, this.#shownAs(image, known, now)] as const),
    );
    this.images = [...waiting, ...made.map((image) => this.#shownAs(image, known, now))].sort(
      (a, b) => b.createdAt - a.createdAt,
    );
    for (const url of known.values()) URL.revokeObjectURL(url);
    this.#watchExpiry(stored);
    this.#changed();
  }

  /**
   * Shows an image about to be saved first, without reading the others back, and no more images than the store
   * keeps (`keep`: it drops the oldest). Until `saved` says it is saved, a `show` keeps it; a `show` of a read made
   * after the save puts right what this cannot know (another tab's images, one removed meanwhile) and watches the
   * new image's link if it has one.
   */
  add(stored: StoredImage, keep: number) {
    if (this.images.some((image) => image.id === stored.id)) return;
    const added = this.#shownAs(stored, new Map(), clock.now());
    const images = [added, ...this.images];
    for (const dropped of images.splice(keep)) revokeShown(dropped);
    if (keep) this.#unsaved.set(added.id, added);
    this.images = images;
    this.#changed();
  }

  /** An image `add` showed is saved: the store's reads have it from now on (see `show`). */
  saved(id: string) {
    this.#unsaved.delete(id);
  }

  /** An image preloaded or added that will not be saved after all (refused, failed): its URL and its place go. */
  forget(id: string) {
    const preloaded = this.#preloaded.get(id);
    if (preloaded) URL.revokeObjectURL(preloaded.url);
    this.#preloaded.delete(id);
    if (!this.#unsaved.delete(id)) return;
    const gone = this.images.find((image) => image.id === id);
    if (gone) revokeShown(gone);
    this.images = this.images.filter((image) => image !== gone);
    this.#changed();
  }

  /**
   * Starts loading and decoding an image that is about to be shown (`id`: its stored image's), under the object URL
   * it will be shown from: the gallery's `<img>` then draws it at once. Measured, the time for that `<img>` to
   * decode a 512×512 PNG (median of 6): 2.4 ms so preloaded, 5.9 when only loaded, 16 under a new URL; 1024×1024:
   * 1.1, 18 and 21 ms. The `add` or `show` that has the image takes the URL over; `forget` and `clear` revoke
   * those never shown.
   */
  preload(id: string, blob: Blob) {
    const image = new Image();
    image.src = URL.createObjectURL(blob);
    image.decode().catch(() => {}); // bytes no browser can open are refused before they are shown (imageSize)
    this.#preloaded.set(id, { url: image.src, image });
  }

  /** Forgets every image (their object URLs revoked) and the expiry timer. */
  clear() {
    for (const image of [...this.images, ...this.own.values()]) revokeShown(image);
    this.own.clear();
    for (const { url } of this.#preloaded.values()) URL.revokeObjectURL(url);
    this.#preloaded.clear();
    this.#unsaved.clear();
    this.images = [];
    clearTimeout(this.#timer);
  }

  /**
   * `stored` as shown: under its preloaded URL, else under its URL in `known` (taken from it), else a new object
   * URL; an image not saved under its provider's link, until that expires.
   */
  #shownAs({ blob, remote, ...stored }: StoredImage, known: Map<string, string>, now: number): GalleryImage {
    const meta = { ...stored, batch: stored.batch ?? stored.id };
    const preloaded = this.#preloaded.get(meta.id);
    if (preloaded) {
      known.set(meta.id, preloaded.url);
      this.#preloaded.delete(meta.id);
    }
    if (remote) {
      const expired = remote.expiresAt !== undefined && remote.expiresAt <= now;
      return { ...meta, url: expired ? undefined : remote.url, notSaved: { expiresAt: remote.expiresAt, expired } };
    }
    // The store keeps either the bytes or the link: an image with neither is a fault in it, not one to show blank.
    if (!blob) throw new Error('A stored image has neither its bytes nor a link');
    const url = known.get(meta.id) ?? URL.createObjectURL(blob);
    known.delete(meta.id);
    return { ...meta, url, type: blob.type };
  }

  /** Redraws when the first link still live expires. */
  #watchExpiry(stored: StoredImage[]) {
    clearTimeout(this.#timer);
    const now = clock.now();
    const next = Math.min(
      ...stored.map((image) => image.remote?.expiresAt ?? Infinity).filter((expiresAt) => expiresAt > now),
    );
    if (next === Infinity) return;
    this.#timer = setTimeout(() => this.show(stored), Math.min(next - now, LONGEST_WAIT));
  }
}
