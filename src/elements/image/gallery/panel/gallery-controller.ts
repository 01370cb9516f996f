import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Gallery, GalleryImage } from '../../../../images/gallery.js';
import type { ImageStore, StoredImage } from '../../../../images/image-store.js';
import type { AccountFiles } from '../../../../providers/account-files.js';
import { loadEngine } from '../../../../lazy/index.js';
import { clock } from '../../../../base/clock.js';
import { dataUrlBlob } from '../../../../base/image-bytes.js';
import { newId } from '../../../../base/ids.js';
import type { ReferenceImage } from '../../../../providers/provider.js';
import type { StartupController } from '../../../shared/startup-controller.js';
import type { ImageReceiver } from '../../shared/features.js';

/** Which images the host keeps, read when they are needed (never a stale copy). */
export interface GallerySource {
  storageKey(): string;
  keepImages(): number;
  /** The store of the storage key is open and its gallery shown (a closed page's paid images are fetched then). */
  opened?(): void;
}

/**
 * The images the widget keeps in this browser: opens the image store of the host's storage key (IndexedDB, with
 * the engine, after the first paint or at the first submission), shows its images newest first, and shows a new
 * image as it arrives, before it is saved (`receive`). Object URLs handed out for images the gallery no longer
 * keeps are revoked on disconnect.
 */
export class GalleryController implements ReactiveController {
  /** The image store open for `openFor`; undefined while it opens. */
  #store?: ImageStore;
  /** The image store as it opens (the engine loads first); undefined once reopened or disconnected. */
  #opening?: Promise<ImageStore | undefined>;
  #openFor = '';
  /** The images shown (made with the engine, which holds the image store). */
  #shown?: Gallery;
  /** Gallery reads started (see `reload`). */
  #reads = 0;
  /** Object URLs handed out in results for images the gallery no longer keeps. */
  readonly #handedOut: string[] = [];
  /** Stops following the other tabs' changes to the store open. */
  #unwatch?: () => void;
  /** The ids of the images the running submission has handed in, in the order they came; none between submissions. */
  #arriving?: string[];
  /** The user's account where the images are kept too, and whose it is (see `useAccountFiles`). */
  #account?: { files: AccountFiles; who: string };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: GallerySource;
  readonly #startup: StartupController;

  constructor(host: ReactiveControllerHost & HTMLElement, source: GallerySource, startup: StartupController) {
    this.#host = host;
    this.#source = source;
    this.#startup = startup;
    host.addController(this);
  }

  hostConnected() {
    // The engine, IndexedDB and what closed pages left come after the first paint, unless a submission comes first.
    this.#startup.later(() => this.opened());
  }

  hostUpdate() {
    if (this.#openFor && this.#key() !== this.#openFor) void this.#open();
  }

  hostDisconnected() {
    this.#store?.useAccount(undefined);
    this.#shown?.clear();
    for (const url of this.#handedOut.splice(0)) URL.revokeObjectURL(url);
    this.#unwatch?.();
    this.#store = this.#opening = this.#unwatch = undefined;
    this.#openFor = '';
  }

  /**
   * Keeps the images in the user's account too (`files`, of the user `who`), and lists what it holds with this
   * browser's; none: this browser's alone (signed out).
   */
  useAccountFiles(files: AccountFiles | undefined, who = '') {
    if (files === this.#account?.files) return;
    this.#account = files && { files, who };
    void this.#useAccount();
  }

  /** The account refused to keep an image for want of room: said where the account is shown. */
  get accountFull(): boolean {
    return !!this.#store?.account?.full;
  }

  /** The store open uses the account in force (`useAccountFiles`), and shows what it holds that this browser lacks. */
  async #useAccount() {
    const store = this.#store;
    const wanted = this.#account;
    if (!store || store.account?.files === wanted?.files) return;
    const { AccountImages } = await loadEngine();
    if (store !== this.#store || wanted !== this.#account) return; // reopened, or another account meanwhile
    const changed = () => void this.reload().catch(() => {});
    const local = (id: string) => store.get(id);
    store.useAccount(wanted && new AccountImages(wanted.files, this.#source.storageKey(), wanted.who, local, changed));
    changed();
    await store.account?.refresh(this.#source.keepImages()).catch(() => {}); // unreachable: this browser's alone
  }

  /** The images to show, newest first. */
  get images(): GalleryImage[] {
    return this.#shown?.images ?? [];
  }

  /** The images of the user's own that images shown edit, by id (`Gallery.own`): each edit's version before it. */
  get own(): ReadonlyMap<string, GalleryImage> {
    return this.#shown?.own ?? new Map();
  }

  /**
   * Keeps `image`, one of the user's own being edited, for the edits of it (`ImageStore.hold`: stored with the first
   * of them, so that an edit never sent leaves nothing behind): its id, which the edit names as the image it edits
   * (`editOf`); none where no store opens (the edit then names none, as before).
   */
  async keepOwn(image: ReferenceImage): Promise<string | undefined> {
    const [store, { ownImage }] = await Promise.all([this.opened(), loadEngine()]);
    if (!store) return undefined;
    const id = `own-${newId()}`;
    store.hold(ownImage(id, dataUrlBlob(image.dataUrl), image, clock.now()));
    return id;
  }

  /** The images of the running submission shown so far, in the order they came (see `receive`). */
  get arrived(): GalleryImage[] {
    return (this.#arriving ?? []).flatMap((id) => this.images.find((image) => image.id === id) ?? []);
  }

  /** The image store of the storage key in force, as it opens (undefined once the host has none any more). */
  opened(): Promise<ImageStore | undefined> {
    return this.#opening ?? this.#open();
  }

  /** The image store open now, if any. */
  get current(): ImageStore | undefined {
    return this.#store;
  }

  /**
   * Deletes an image from this browser (its charge stays in the ledger); resolves to what puts it back. Its place
   * stays (`gone`), where the gallery says what was deleted beside its Undo (drawn as that is offered), until the
   * gallery is read again.
   */
  async remove(id: string): Promise<() => Promise<void>> {
    const store = this.#store;
    const kept = await store?.get(id);
    // The image of the user's own it edits goes with it, where nothing else edits that: Undo brings both back.
    const source = kept?.edit?.editOf === undefined ? undefined : await store?.get(kept.edit.editOf);
    await store?.remove(id);
    for (const image of this.images) if (image.id === id) image.gone = true;
    return async () => {
      if (!kept || !store || store !== this.#store) return; // another storage key since: nothing to put back here
      if (source?.own) store.hold(source);
      await store.put(kept);
      await this.reload();
    };
  }

  /**
   * The saved bytes of an image, from the store: a page whose CSP has no `blob:` in `connect-src` cannot `fetch()`
   * even the object URL it shows the image from.
   */
  async blob(id: string): Promise<Blob | undefined> {
    return (await this.#store?.get(id))?.blob;
  }

  /** An image as the store keeps it (its bytes, and the conversation that made it, where it keeps one): an edit's. */
  kept(id: string): Promise<StoredImage | undefined> {
    return this.#store?.get(id) ?? Promise.resolve(undefined);
  }

  /** Reads the persisted images and shows them. */
  async reload() {
    const store = this.#store;
    const read = ++this.#reads;
    const stored = (await store?.list()) ?? [];
    await this.#startup.turn(); // a gallery of many images is drawn in a turn of its own
    if (store !== this.#store) return; // reopened (new storage key) or disconnected meanwhile
    // A read started later is newer: this one, done late, would hide an image saved since (and revoke its URL).
    if (read !== this.#reads) return;
    this.#shown?.show(stored);
  }

  /**
   * For one submission: each image is decoded as its bytes come, and shown once measured, while it is saved (not
   * once saved, nor when the last of the submission is); not where the widget has moved to another store since the
   * click (storage-key, keep-images). Once saved, the gallery is read back.
   */
  receive(): ImageReceiver {
    const images = this.opened();
    // Opened before the first image can be saved (submit waits for it): known at `downloaded` without waiting.
    let opened: ImageStore | undefined;
    images.then((store) => (opened = store)).catch(() => {});
    const here = () => !!opened && opened === this.#store;
    const unsaved = new Set<string>();
    let urls = new Map<string, string | undefined>();
    let showing: Promise<void> | undefined;
    const arriving: string[] = (this.#arriving = []);
    /** Every image saved: the gallery read back, and the URLs the result hands out taken from it. */
    const stored = async () => {
      await (showing ?? this.reload());
      urls = new Map(this.images.map((image) => [image.id, image.url]));
    };
    return {
      images,
      onStage: (stage) => {
        if (stage.stage === 'bytes' && here()) {
          unsaved.add(stage.id);
          this.#shown?.preload(stage.id, stage.blob);
        } else if (stage.stage === 'downloaded' && here()) {
          this.#shown?.add(stage.image, this.#source.keepImages());
          arriving.push(stage.image.id);
        } else if (stage.stage === 'saved') {
          unsaved.delete(stage.image.id);
          this.#shown?.saved(stage.image.id);
          void (showing = this.reload()).catch(() => {});
        } else if (stage.stage === 'stored') return stored();
      },
      // Beyond keep-images it is evicted already: an object URL of its own, revoked on disconnect.
      urlOf: ({ id, blob }) => urls.get(id) ?? this.#handOut(blob),
      done: () => {
        for (const id of unsaved) this.#shown?.forget(id);
        if (this.#arriving === arriving) this.#arriving = undefined;
      },
    };
  }

  #key() {
    return `${this.#source.storageKey()}\n${this.#source.keepImages()}`;
  }

  /** Opens the image store of the storage key (the engine loads first), then shows the gallery. */
  #open(): Promise<ImageStore | undefined> {
    this.#shown?.clear();
    const key = (this.#openFor = this.#key());
    const [storageKey, keep] = [this.#source.storageKey(), this.#source.keepImages()];
    this.#store = undefined;
    this.#unwatch?.();
    const opening = (this.#opening = loadEngine().then(({ ImageStore, Gallery }) => {
      if (this.#openFor !== key) return undefined;
      this.#shown ??= new Gallery(() => this.#host.requestUpdate());
      const store = (this.#store = new ImageStore({ storageKey, keep }));
      // Images saved or deleted in another tab (or by another widget of the page) show here too.
      this.#unwatch = store.watch(() => void this.reload().catch(() => {}));
      return store;
    }));
    opening
      .then(async (store) => {
        if (!store) return; // reopened (new storage key) or disconnected meanwhile
        await this.reload();
        if (this.#store === store) this.#source.opened?.();
        void this.#useAccount();
      })
      .catch(() => {}); // the engine could not load: the next submission says so
    return opening;
  }

  #handOut(blob: Blob) {
    const url = URL.createObjectURL(blob);
    this.#handedOut.push(url);
    return url;
  }
}
