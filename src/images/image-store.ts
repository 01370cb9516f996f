import { generationText as text } from '../strings/generation.js';
import type { Sentence } from '../strings/strings.js';
import type { ModelSettings, PublicEdit, Receipt } from '../base/types.js';
import type { KeptConversation } from './conversations.js';

/**
 * Finished images, kept in IndexedDB (`${storageKey}-images`) as soon as they are fetched: provider
 * URLs expire. Bounded to the newest `keep`. Storage trouble (no IndexedDB, private mode, quota) never
 * throws: images are then kept in memory for the page's life and `notice` says so. The connection is
 * closed on `versionchange`, so another tab's upgrade is never blocked; the next call reopens it.
 */
export interface StoredImage {
  id: string;
  entryId: string;
  /** The bytes, where the page could read them; else `remote`. */
  blob?: Blob;
  /**
   * An image the provider's host would not let this page read (no CORS): shown from the provider's URL until
   * `expiresAt` (ms since the epoch, where known), never saved. Kept so that what was paid for stays in the
   * gallery, and says when it expired.
   */
  remote?: { url: string; expiresAt?: number };
  prompt: string;
  model: string;
  provider: string;
  width: number;
  height: number;
  seed?: number;
  /** The prompt the provider says it made it from, where that is not `prompt` (it rewrote it). */
  revisedPrompt?: string;
  /** USD booked for it, exact decimal string. */
  charged: string;
  /**
   * The image whose charge paid for this one too, by id: made by the same call (a Gemini reply of several images), it
   * is booked at nothing of its own (`charged` '0'), and says so rather than "$0.00".
   */
  paidWith?: string;
  /** Its receipt besides `charged` (none for images made before receipts). */
  receipt?: Omit<Receipt, 'charged'>;
  createdAt: number;
  /** The submission that made it (its images share it), so that the gallery shows them together. */
  batch?: string;
  /**
   * What it was made at besides its size, as sent, so that Vary makes it so again and its button is priced so: the
   * model's quality tier (GPT Image `high`, Nano Banana `4K`), and its settings (none set: `{}`). Absent on an image
   * stored before they were kept, and on one finished after a reload: the form's then apply.
   */
  quality?: string;
  settings?: ModelSettings;
  /** Where it is an edit of an image (SPEC §13): the kind of edit, and the image it edits. */
  edit?: PublicEdit;
  /**
   * The conversation that made it, where its model keeps one (Nano Banana at Google: the turns before it, and the
   * signature Google gave it): Edit on it goes on with that conversation (SPEC §13). Kept here, with the image, so
   * that it lasts as the image does (a reload, the newest `keep` images), and nowhere else: never in the ledger. Its
   * images and signatures in Blobs, which a read of the gallery does not load (conversations.ts).
   */
  conversation?: KeptConversation;
  /**
   * The provider's own result, where the widget laid it over the original through the mask (`blob` is that): one
   * click away, as the user may want what the provider made outside the painted area too.
   */
  asMade?: Blob;
}

/** A stored image whose bytes the page could read and saved: it is shown from them, not from a provider's link. */
export type SavedImage = StoredImage & { blob: Blob };

export interface ImageStoreOptions {
  /** Namespace of everything persisted; default 'userpays'. */
  storageKey?: string;
  /** How many images are kept, newest first; default 50. */
  keep?: number;
}

const STORE = 'images';

/** Of `older` (oldest first), those to drop so that `keep` remain with the one just put. */
const excess = <T>(older: T[], keep: number) => older.slice(0, Math.max(0, older.length - keep + 1));

export class ImageStore {
  /** A storage problem in plain words for the user, else null. */
  notice: Sentence | null = null;
  #name: string;
  #keep: number;
  #db?: Promise<IDBDatabase>;
  /** Images that could not be saved. */
  #memory = new Map<string, StoredImage>();
  /** This store among the stores of the storage key in every tab (see `watch`). */
  readonly #id = Math.random();

  constructor({ storageKey = 'userpays', keep = 50 }: ImageStoreOptions = {}) {
    this.#name = `${storageKey}-images`;
    this.#keep = keep;
  }

  /** Saves the image, then drops the oldest beyond `keep` (never this one). */
  async put(image: StoredImage): Promise<void> {
    try {
      await this.#run('readwrite', (s) => {
        s.put(image);
        const keys = s.index('createdAt').getAllKeys();
        keys.onsuccess = () => {
          for (const k of excess(
            keys.result.filter((k) => k !== image.id),
            this.#keep,
          ))
            s.delete(k);
        };
      });
      this.#memory.delete(image.id);
      this.#changed();
    } catch {
      this.#memory.set(image.id, image);
      const older = [...this.#memory.values()].filter((i) => i !== image).sort((a, b) => a.createdAt - b.createdAt);
      for (const i of excess(older, this.#keep)) this.#memory.delete(i.id);
    }
  }

  /** Newest first. */
  async list(): Promise<StoredImage[]> {
    const saved = await this.#run<StoredImage[]>('readonly', (s) => s.getAll()).catch(() => []);
    const all = new Map([...saved, ...this.#memory.values()].map((i) => [i.id, i]));
    return [...all.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, this.#keep);
  }

  async get(id: string): Promise<StoredImage | undefined> {
    return (
      this.#memory.get(id) ?? this.#run<StoredImage | undefined>('readonly', (s) => s.get(id)).catch(() => undefined)
    );
  }

  async remove(id: string): Promise<void> {
    this.#memory.delete(id);
    await this.#run('readwrite', (s) => s.delete(id)).then(
      () => this.#changed(),
      () => {},
    );
  }

  async clear(): Promise<void> {
    this.#memory.clear();
    await this.#run('readwrite', (s) => s.clear()).then(
      () => this.#changed(),
      () => {},
    );
  }

  /**
   * Calls `onChange` when another store of this storage key (another tab, another widget of the page) saved or
   * removed images, so a gallery follows them as the tally follows the ledger; returns what stops it.
   * Without BroadcastChannel nothing is followed.
   */
  watch(onChange: () => void): () => void {
    if (typeof BroadcastChannel === 'undefined') return () => {};
    const channel = new BroadcastChannel(this.#name);
    channel.onmessage = (event: MessageEvent) => event.data !== this.#id && onChange();
    return () => channel.close();
  }

  /** Tells the other stores of the storage key that the images changed (see `watch`). */
  #changed() {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(this.#name);
    channel.postMessage(this.#id); // delivered to every other channel of the name, even once this one is closed
    channel.close();
  }

  /** One transaction; resolves with the request's result once committed. Failures set `notice`. */
  async #run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest | void): Promise<T> {
    try {
      const db = await (this.#db ??= new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(this.#name);
        open.onupgradeneeded = () =>
          open.result.createObjectStore(STORE, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        open.onsuccess = () => {
          const db = open.result;
          db.onversionchange = db.onclose = () => {
            db.close();
            this.#db = undefined;
          };
          resolve(db);
        };
        open.onerror = () => reject(open.error);
      }));
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = body(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request?.result);
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    } catch (error) {
      this.notice = text.imagesNotSaved();
      throw error;
    }
  }
}
