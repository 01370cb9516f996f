import type { GalleryImage } from '../../../../images/gallery.js';
import type { ImageStore, StoredImage } from '../../../../images/image-store.js';
import type { LedgerStore } from '../../../../ledger/ledger.js';
import type { ReferenceImage } from '../../../../providers/provider.js';
import type { AccountFiles } from '../../../../providers/account-files.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Features, GalleryContract, SubmissionReceiver } from '../../shared/features.js';
import { PanelPart } from '../../shared/panel-part.js';
import { perTally } from '../../shared/per-tally.js';
import { ColumnsController } from './columns.js';
import { GalleryController } from './gallery-controller.js';
import { galleryHandlers, type GalleryHandlers } from './gallery-handlers.js';
import type { GalleryViewPart } from './index.js';
import type { PaidFailure } from './result.js';

/**
 * The images kept in this browser and what draws them in the canvas (what a submission made, large; the earlier ones
 * with the paid failures; the error where its image would have been), with what a click on them does.
 */
export class GalleryFeature implements GalleryContract {
  /** The images kept in this browser: the image store of the storage key, opened after the first paint. */
  readonly controller: GalleryController;
  /**
   * What draws a submission in the canvas (what runs, its error, the images it made, large, and the earlier ones with
   * the paid failures) and what a click on them does: loaded when there is something to show (an image kept, a
   * submission, an error, a paid failure), prefetched when the pointer or the focus comes to Generate.
   */
  readonly view: PanelPart<GalleryViewPart>;
  readonly columns: ColumnsController;
  /** What the images' actions and the offers of another model or provider do. */
  readonly handlers: GalleryHandlers;
  readonly paidFailures = perTally(lastFailures);
  readonly #parts: ImageParts;
  readonly #features: Features;

  /** `told.opened`: the store opened (what closed pages left is finished into it). */
  constructor(parts: ImageParts, features: Features, told: { opened(): void }) {
    const { host } = parts;
    this.#parts = parts;
    this.#features = features;
    this.controller = new GalleryController(
      host,
      {
        storageKey: () => host.storageKey,
        keepImages: () => host.keepImages,
        opened: told.opened,
      },
      parts.startup,
    );
    this.columns = new ColumnsController(host);
    this.view = new PanelPart(host, {
      wanted: () => this.#somethingToShow(),
      worthPrefetching: () => true,
      load: () => import('./index.js').then(({ galleryViewPart }) => galleryViewPart(host)),
    });
    this.handlers = galleryHandlers(parts, features);
  }

  /** An image kept, a submission, an error, what closed pages left, or a paid failure: the canvas has something. */
  #somethingToShow() {
    const { ledger, tally } = this.#parts.ledger;
    const { pending, error, resuming } = this.#features.shown;
    return (
      this.controller.images.length ||
      pending ||
      error ||
      resuming ||
      (ledger && tally && this.paidFailures(ledger, tally).length)
    );
  }

  /** What draws a submission's images: loaded ahead when the pointer or the focus comes to Generate. */
  prefetch(target: Element) {
    if (target.closest('[part~=submit]')) this.view.prefetch();
  }

  images(): readonly GalleryImage[] {
    return this.controller.images;
  }

  kept(id: string): Promise<StoredImage | undefined> {
    return this.controller.kept(id);
  }

  keepOwn(image: ReferenceImage): Promise<string | undefined> {
    return this.controller.keepOwn(image);
  }

  receive(): SubmissionReceiver {
    const drawn = this.view.load().then(
      () => {},
      () => {},
    );
    return { ...this.controller.receive(), drawn };
  }

  store(): ImageStore | undefined {
    return this.controller.current;
  }

  reload(): Promise<void> {
    return this.controller.reload();
  }

  useAccountFiles(files: AccountFiles | undefined, who: string) {
    this.controller.useAccountFiles(files, who);
  }

  get accountFull(): boolean {
    return this.controller.accountFull;
  }
}

/** The paid generations that brought no image (newest first, at most 5). */
const lastFailures = (ledger: LedgerStore): readonly PaidFailure[] =>
  ledger
    .entries()
    // Charged (so settled, at a time), for more than nothing, and with an error: paid for, and no image came.
    .flatMap(({ status, model, provider, settledAt, charged, error }) =>
      status === 'charged' && error && charged !== undefined && settledAt !== undefined && Number(charged) > 0
        ? [{ model, provider, at: settledAt, charged, error }]
        : [],
    )
    .sort((a, b) => b.at - a.at)
    .slice(0, 5);
