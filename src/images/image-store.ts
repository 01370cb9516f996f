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
  /**
   * An image of the user's own (chosen, dropped, pasted, handed in by the page), kept as the version an edit of it was
   * made from, so that the edit says what it edits and compares with it (`ownImage`). Nothing was paid for it: it has
   * no ledger entry (`entryId` ''), is no image of the gallery's own, and is not counted among the `keep` images; it is
   * kept while an image kept edits it (put with the first, gone with the last).
   */
  own?: true;
}

/**
 * An image of the user's own as the store keeps it (`StoredImage.own`): its bytes and size, under `id`, nothing else of
 * an image made here (no prompt, model, provider or charge).
 */
export const ownImage = (id: string, blob: Blob, size: { width: number; height: number }, createdAt: number) =>
  ({
    id,
    entryId: '',
    blob,
    prompt: '',
    model: '',
    provider: '',
    ...size,
    charged: '0',
    createdAt,
    own: true,
  }) satisfies StoredImage;

/**
 * Of `images`, those to keep: the newest `keep` made here (newest first, `first` among them whatever its age), and the
 * images of the user's own that one of those edits. The others are dropped, an own image with the last edit of it.
 */
function kept(images: StoredImage[], keep: number, first?: string): StoredImage[] {
  const made = images
    .filter((image) => !image.own)
    .sort((a, b) => Number(b.id === first) - Number(a.id === first) || b.createdAt - a.createdAt)
    .slice(0, keep);
  const sources = new Set(made.map((image) => image.edit?.editOf));
  return [...made, ...images.filter((image) => image.own && sources.has(image.id))];
}

/** Of `images`, the image of the user's own that `id` edits, where no other image edits it: it goes with `id`. */
function orphanOf(id: string, images: StoredImage[]): string | undefined {
  const source = images.find((image) => image.id === id)?.edit?.editOf;
  const own = images.find((image) => image.id === source && image.own);
  return own && !images.some((image) => image.id !== id && image.edit?.editOf === own.id) ? own.id : undefined;
}

/**
 * The user's account beside the store, as the store uses it (`AccountImages`, account-images.ts, which builds on this
 * module): what the store keeps and deletes goes there too, and what it holds that this browser lacks is listed.
 */
export interface StoreAccount {
  /** Where it keeps them (compared, to tell one account from another). */
  readonly files: unknown;
  /** It refused an image for want of room. */
  readonly full: boolean;
  put(id: string): void;
  remove(id: string): void;
  /** The images it holds that this browser lacks, with their bytes, fetched so far (see `refresh`). */
  images(): StoredImage[];
  image(id: string): StoredImage | undefined;
  /** Lists what it holds, and fetches the bytes of those this browser lacks (up to `keep`). */
  refresh(keep: number): Promise<void>;
  removeAll(): Promise<void>;
  flush(): Promise<void>;
  stop(): void;
}

/**
 * The images to show: this browser's (`local`, newest first) and the account's it lacks (`fromAccount`), each once by
 * id, newest first, no more of the account's than make `keep` in all.
 */
export function withAccountImages(local: StoredImage[], fromAccount: StoredImage[], keep: number): StoredImage[] {
  const here = new Set(local.map(({ id }) => id));
  const made = local.filter((image) => !image.own).length;
  const added = fromAccount
    .filter(({ id }) => !here.has(id))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, Math.max(0, keep - made));
  return [...local, ...added].sort((a, b) => b.createdAt - a.createdAt);
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

/**
 * The account each store's images are kept in on this page, by the store's name (`useAccount`): a store opened
 * elsewhere on the page for the same storage key (the tally's, deleting the history) clears it too.
 */
const accountsInUse = new Map<string, StoreAccount>();

export class ImageStore {
  /** A storage problem in plain words for the user, else null. */
  notice: Sentence | null = null;
  #name: string;
  #keep: number;
  #db?: Promise<IDBDatabase>;
  /** Images that could not be saved. */
  #memory = new Map<string, StoredImage>();
  /** Images of the user's own, held until an edit of them is put (`hold`). */
  readonly #held = new Map<string, StoredImage>();
  /** This store among the stores of the storage key in every tab (see `watch`). */
  readonly #id = Math.random();
  /** The user's account beside this browser, while one is signed in (see `useAccount`). */
  #account?: StoreAccount;

  constructor({ storageKey = 'userpays', keep = 50 }: ImageStoreOptions = {}) {
    this.#name = `${storageKey}-images`;
    this.#keep = keep;
  }

  /** The user's account, where it keeps images too (`StoreAccount`); none while signed out. */
  get account(): StoreAccount | undefined {
    return this.#account;
  }

  /**
   * Keeps images in `account` too from now on: what this store keeps is written there, what it deletes is deleted
   * there, and what the account holds that this browser lacks is listed with this store's (fetched as `account`
   * refreshes); `undefined` stops that (signed out), the images of the account no longer listed.
   */
  useAccount(account?: StoreAccount) {
    if (account === this.#account) return;
    this.#account?.stop();
    if (account) accountsInUse.set(this.#name, account);
    else if (this.#account && accountsInUse.get(this.#name) === this.#account) accountsInUse.delete(this.#name);
    this.#account = account;
    void account?.flush();
  }

  /**
   * Holds an image of the user's own (`ownImage`) for the edits of it: the first of them put puts it too, in the same
   * transaction; none put, it is never stored.
   */
  hold(own: StoredImage) {
    this.#held.set(own.id, own);
  }

  /**
   * Saves the image (and the image of the user's own it edits, where that is held), then drops the oldest made here
   * beyond `keep` (never this one), and the images of the user's own that no image kept edits any more.
   */
  async put(image: StoredImage): Promise<void> {
    const source = image.edit?.editOf === undefined ? undefined : this.#held.get(image.edit.editOf);
    const putting = source ? [source, image] : [image];
    try {
      await this.#run('readwrite', (s) => {
        for (const each of putting) s.put(each);
        const all: IDBRequest<StoredImage[]> = s.getAll();
        all.onsuccess = () => {
          const staying = new Set(kept(all.result, this.#keep, image.id).map(({ id }) => id));
          for (const { id } of all.result) if (!staying.has(id)) s.delete(id);
        };
      });
      for (const each of putting) this.#memory.delete(each.id);
      this.#changed();
    } catch {
      for (const each of putting) this.#memory.set(each.id, each);
      const staying = new Set(kept([...this.#memory.values()], this.#keep, image.id).map(({ id }) => id));
      for (const id of this.#memory.keys()) if (!staying.has(id)) this.#memory.delete(id);
    }
    if (source) this.#held.delete(source.id);
    if (image.blob && !image.own) this.#account?.put(image.id);
  }

  /**
   * Adds the images of a history file (docs/ledger.md, "Export and import") that it does not hold, by id, in one
   * transaction: one held stays as it is, so that importing twice changes nothing. None is dropped here, beyond `keep`
   * or not: the store of the widget, which knows how many it keeps, does that with its next image. How many it added.
   */
  async merge(images: readonly StoredImage[]): Promise<number> {
    let added = 0;
    await this.#run('readwrite', (s) => {
      const keys: IDBRequest<IDBValidKey[]> = s.getAllKeys();
      keys.onsuccess = () => {
        const held = new Set(keys.result);
        for (const image of images) if (!held.has(image.id)) added += +!!s.put(image);
      };
    });
    if (added) this.#changed();
    return added;
  }

  /**
   * Newest first: the newest `keep` made here, and the images of the user's own they edit; with them, where an account
   * is in use, the images it holds that this browser lacks, fetched so far (never waited for: see `useAccount`).
   */
  async list(): Promise<StoredImage[]> {
    const saved = await this.#run<StoredImage[]>('readonly', (s) => s.getAll()).catch(() => []);
    const all = new Map([...saved, ...this.#memory.values()].map((i) => [i.id, i]));
    const here = kept([...all.values()], this.#keep).sort((a, b) => b.createdAt - a.createdAt);
    return withAccountImages(here, this.#account?.images() ?? [], this.#keep);
  }

  /** The image under `id`: this browser's, else the account's (once fetched). */
  async get(id: string): Promise<StoredImage | undefined> {
    return (
      this.#memory.get(id) ??
      (await this.#run<StoredImage | undefined>('readonly', (s) => s.get(id)).catch(() => undefined)) ??
      this.#account?.image(id)
    );
  }

  /**
   * Deletes the image, and the image of the user's own it edits where no other image edits that; from the account
   * too, where one is in use.
   */
  async remove(id: string): Promise<void> {
    this.#account?.remove(id);
    const inMemory = orphanOf(id, [...this.#memory.values()]);
    this.#memory.delete(id);
    if (inMemory) this.#memory.delete(inMemory);
    await this.#run('readwrite', (s) => {
      const all: IDBRequest<StoredImage[]> = s.getAll();
      all.onsuccess = () => {
        const own = orphanOf(id, all.result);
        s.delete(id);
        if (own) s.delete(own);
      };
    }).then(
      () => this.#changed(),
      () => {},
    );
  }

  /** Deletes every image; from the account too, where this store uses one (its failure rejects, the local ones gone). */
  clear(): Promise<void> {
    return this.#clear(this.#account);
  }

  /**
   * Deletes every image, here and from the account the page keeps this storage key's images in, this store's or another
   * store's of the page (a widget's, where this is the tally's): the history's deletion (docs/ledger.md). Its failure
   * there rejects, the local ones gone.
   */
  clearEverywhere(): Promise<void> {
    return this.#clear(this.#account ?? accountsInUse.get(this.#name));
  }

  async #clear(account: StoreAccount | undefined): Promise<void> {
    const fromAccount = account?.removeAll();
    this.#memory.clear();
    await this.#run('readwrite', (s) => s.clear()).then(
      () => this.#changed(),
      () => {},
    );
    await fromAccount;
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
