import type { ReactiveController, ReactiveControllerHost } from 'lit';
import Decimal from 'decimal.js';
import { asUserPaysError, type UserPaysError } from '../../base/errors.js';
import type { Asked, Submission } from '../../generation/submit.js';
import type { LedgerStore } from '../../ledger/index.js';
import type { ImageStore } from '../../images/image-store.js';
import type { Priced } from '../../pricing/index.js';
import { loadEngine } from '../../lazy/index.js';
import { keyedProviders, providerInfo } from '../../providers/catalog.js';
import { checkRelay } from '../../providers/urls.js';
import type { ErrorDetail, GenerationResult, ProgressDetail, ProviderId, Quote, QuoteRequest } from '../../base/types.js';
import { emit } from '../shared/events.js';
import type { Gallery, GalleryImage } from '../../images/gallery.js';
import type { StartupController } from './startup-controller.js';

/** What the user asked for, as the host's properties say at the moment of the click. */
export interface SubmissionRequest extends Asked {
  endpoint?: string;
}

/** Everything the controller needs from its host, read when it is needed (never a stale copy). */
export interface GenerationSource {
  request(): SubmissionRequest;
  /** Prices a request as the preview does, with what the provider makes of it. */
  price(request: QuoteRequest): Priced;
  /** The configured endpoint for a provider; '' for the provider's public one. */
  endpoint(provider: ProviderId): string;
  /** The site's relay for BYO-key providers ('' for none). */
  relay(): string;
  /** The user's key for that provider only; '' when there is none. */
  apiKey(provider: ProviderId): string;
  budget(): string | null;
  /** Why the budget set on the page cannot be used ('' when it can): nothing is spent while it stands. */
  budgetProblem(): string;
  ledger(): LedgerStore | undefined;
  storageKey(): string;
  keepImages(): number;
  /** Last step before anything is sent (Puter: sign in from this click; refuse what the balance cannot cover). */
  beforeSend?(request: SubmissionRequest, quote: Quote): Promise<void>;
  /** After every submission, whatever its outcome (Puter: re-read the balance). */
  afterRun?(request: SubmissionRequest): void;
}

/** One submission: how to stop it, and what it comes to. */
interface Run {
  controller: AbortController;
  result: Promise<GenerationResult>;
}

/**
 * 'idle', 'preparing' (checks, the host page's veto, Puter's sign-in), 'generating' (the provider works).
 * Anything but 'idle' is one submission in flight: a second click joins it.
 */
export type GenerationStatus = 'idle' | 'preparing' | 'generating';

/**
 * Submission, cancel, resume and the gallery of one widget. Every submission is priced again from the
 * request as it is at the click, runs under its own AbortController, and ends in a result or in an error
 * that is shown and fired as `userpays-error`. On connect, the persisted gallery is loaded and generations
 * that a closed page left pending are finished (see docs/ledger.md, "Orphans").
 */
export class GenerationController implements ReactiveController {
  status: GenerationStatus = 'idle';
  progress?: ProgressDetail;
  error?: ErrorDetail;
  /** Set when a provider charged other than the preview said. */
  chargeNote = '';
  /**
   * What the provider of the running submission has already charged (BFL bills at acceptance, and finishes
   * the image whatever the page does), in USD; '' while nothing is known to be. Cancel asks first then.
   */
  billed = '';
  /** A generation an earlier visit left at the provider is being finished: shown as under way (no second payment). */
  resuming = false;
  /** The user pressed Cancel where the provider has billed: the widget asks whether to stop waiting. */
  confirmingCancel = false;
  /** Paid images closed pages left at each provider, waiting for the user's key to be fetched. */
  waiting: Partial<Record<ProviderId, number>> = {};

  private images?: ImageStore;
  /** The image store as it opens (the engine loads first); undefined once reopened or disconnected. */
  private imagesOpening?: Promise<ImageStore | undefined>;
  private imagesFor = '';
  private run?: Run;
  private resumeController?: AbortController;
  private resumeChain: Promise<void> = Promise.resolve();
  /** The keys the last resume ran with: a resume runs once per key, not per keystroke. */
  private resumedWith?: string;
  /** Object URLs handed out in results for images the gallery no longer keeps (revoked on disconnect). */
  private readonly handedOut: string[] = [];
  /** The images shown (made with the engine, which holds the image store). */
  private shown?: Gallery;
  /** Gallery reads started (see `loadGallery`). */
  private galleryReads = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: GenerationSource,
    private readonly startup: StartupController,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // The engine, IndexedDB and what closed pages left come after the first paint, unless a submission comes first.
    this.startup.later(() => this.imagesOpening ?? this.openImages());
  }

  /** The images to show, newest first. */
  get gallery(): GalleryImage[] {
    return this.shown?.images ?? [];
  }

  hostUpdate() {
    if (this.imagesFor && this.imagesKey() !== this.imagesFor) this.openImages();
  }

  hostDisconnected() {
    this.cancel();
    this.resumeController?.abort();
    this.resumedWith = undefined;
    this.shown?.clear();
    for (const url of this.handedOut.splice(0)) URL.revokeObjectURL(url);
    this.images = this.imagesOpening = undefined;
    this.imagesFor = '';
  }

  /** One submission; while it runs, calling again returns the same promise (a double click is one submission). */
  generate(): Promise<GenerationResult> {
    if (this.run) return this.run.result;
    const controller = new AbortController();
    const run = { controller } as Run;
    this.run = run;
    run.result = this.submit(controller.signal).finally(() => {
      if (this.run === run) this.run = undefined; // not a newer one, after the user stopped waiting for this
    });
    return run.result;
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.run?.controller.abort();
  }

  /**
   * The Cancel button: stops at once where nothing is billed yet; where the provider has billed and keeps
   * making the image, asks first (`confirmingCancel`), as stopping would throw away a paid image.
   */
  requestCancel() {
    if (this.resuming)
      this.resumeController?.abort(); // left pending: finished on the next visit
    else if (this.billed) this.update({ confirmingCancel: true });
    else this.cancel();
  }

  /** The user chose to keep waiting after all. */
  keepWaiting() {
    this.update({ confirmingCancel: false });
  }

  /**
   * Stops waiting for a submission the provider has billed, without giving it up: the widget is free for the
   * next one at once, and the paid image still lands in the gallery (and `userpays-result` fires) when done.
   */
  stopWaiting() {
    this.run = undefined;
    this.update({ status: 'idle', progress: undefined, confirmingCancel: false, billed: '' });
  }

  /** Shows an error in the widget and fires `userpays-error`. */
  report(error: UserPaysError) {
    this.error = error.toDetail();
    emit(this.host, 'userpays-error', this.error);
    this.host.requestUpdate();
  }

  dismissError() {
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Deletes an image from this browser (its charge stays in the ledger). */
  async remove(id: string) {
    await this.images?.remove(id);
    await this.loadGallery();
  }

  /** A key was entered: fetches the paid images waiting for one (once per key, not per keystroke). */
  keyEntered() {
    if (Object.keys(this.waiting).length) void this.resume();
  }

  private async submit(signal: AbortSignal): Promise<GenerationResult> {
    this.update({ status: 'preparing', error: undefined, chargeNote: '', billed: '', confirmingCancel: false });
    const run = this.run;
    /** Still the submission the widget shows (not one the user stopped waiting for). */
    const shown = () => this.run === run;
    const asked = this.source.request();
    const store = this.imagesOpening ?? this.openImages();
    // Opened before the first image can be saved (submit waits for it): known to onDownloaded without waiting.
    let opened: ImageStore | undefined;
    store.then((images) => (opened = images)).catch(() => {});
    // Everything as it is at the click: what changes after it (even in the same task) changes nothing of this one.
    const submission: Omit<Submission, 'signal' | 'urlOf'> = {
      asked,
      priced: this.source.price(asked),
      endpoint: this.source.endpoint(asked.provider),
      relay: this.source.relay(),
      apiKey: this.source.apiKey(asked.provider),
      budget: this.source.budget(),
      budgetProblem: this.source.budgetProblem(),
      ledger: this.source.ledger(),
      images: store,
    };
    let vetoed = false;
    /** Images whose bytes came and that are not saved yet: forgotten at the end if never saved (refused, failed). */
    const unsaved = new Set<string>();
    let urls = new Map<string, string | undefined>();
    let showing: Promise<void> | undefined;
    try {
      const engine = await loadEngine();
      const { result, partialError, chargeNote } = await engine.submit({
        ...submission,
        signal,
        onSubmit: (detail) => {
          vetoed = !emit(this.host, 'userpays-submit', detail, true);
          return !vetoed;
        },
        beforeSend: (quote) => this.source.beforeSend?.(asked, quote) ?? Promise.resolve(),
        onStart: () => this.update({ status: 'generating' }),
        onProgress: (detail) => {
          if (shown()) this.update({ progress: detail });
          emit(this.host, 'userpays-progress', detail);
        },
        onAccepted: (charge) => {
          if (charge && shown()) this.update({ billed: new Decimal(this.billed || 0).plus(charge.usd).toString() });
        },
        // Each image is decoded as its bytes come, and shown once measured, while it is saved: not once saved,
        // nor when the last of the submission is. Not where the widget has moved to another store since the click
        // (storage-key, keep-images).
        onBytes: (id, blob) => {
          if (!opened || opened !== this.images) return;
          unsaved.add(id);
          this.shown?.preload(id, blob);
        },
        onDownloaded: (image) => {
          if (opened && opened === this.images) this.shown?.add(image, this.source.keepImages());
        },
        // Then read back (a failed read: see onStored).
        onSaved: (image) => {
          unsaved.delete(image.id);
          this.shown?.saved(image.id);
          void (showing = this.loadGallery()).catch(() => {});
        },
        onStored: async () => {
          await (showing ?? this.loadGallery());
          urls = new Map(this.gallery.map((image) => [image.id, image.url]));
        },
        // Beyond keep-images it is evicted already: an object URL of its own, revoked on disconnect.
        urlOf: ({ id, blob }) => urls.get(id) ?? this.handOut(blob!),
      });
      if (chargeNote) this.chargeNote = chargeNote;
      if (partialError) this.report(partialError);
      emit(this.host, 'userpays-result', result);
      return result;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      if (!vetoed) this.report(error); // a veto is the host page's own decision: nothing to tell the user
      throw error;
    } finally {
      for (const id of unsaved) this.shown?.forget(id);
      if (shown()) this.update({ status: 'idle', progress: undefined, billed: '', confirmingCancel: false });
      this.source.afterRun?.(asked);
    }
  }

  private update(
    changes: Partial<
      Pick<
        GenerationController,
        'status' | 'progress' | 'error' | 'chargeNote' | 'billed' | 'confirmingCancel' | 'resuming'
      >
    >,
  ) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private imagesKey() {
    return `${this.source.storageKey()}\n${this.source.keepImages()}`;
  }

  /** Opens the image store of the storage key (the engine loads first), then shows the gallery and resumes. */
  private openImages(): Promise<ImageStore | undefined> {
    this.shown?.clear();
    const key = (this.imagesFor = this.imagesKey());
    const [storageKey, keep] = [this.source.storageKey(), this.source.keepImages()];
    this.images = undefined;
    const opening = (this.imagesOpening = loadEngine().then(({ ImageStore, Gallery }) => {
      if (this.imagesFor !== key) return undefined;
      this.shown ??= new Gallery(() => this.host.requestUpdate());
      return (this.images = new ImageStore({ storageKey, keep }));
    }));
    opening
      .then(async (images) => {
        if (!images) return; // reopened (new storage key) or disconnected meanwhile
        await this.loadGallery();
        if (this.images === images) await this.resume();
      })
      .catch(() => {}); // the engine could not load: the next submission says so
    return opening;
  }

  /** Finishes what closed pages left pending; runs one at a time, and once for each set of keys. */
  private resume(): Promise<void> {
    const keys = keyedProviders()
      .map((id) => this.source.apiKey(id))
      .join('\n');
    if (keys === this.resumedWith) return this.resumeChain;
    this.resumedWith = keys;
    return (this.resumeChain = this.resumeChain.then(() => this.resumeOnce()));
  }

  private async resumeOnce() {
    const ledger = this.source.ledger();
    const images = this.images;
    if (!ledger || !images) return;
    const controller = (this.resumeController = new AbortController());
    const { resumeOrphans, providerFor } = await loadEngine();
    const { needsKey } = await resumeOrphans({
      ledger,
      images,
      providerFor,
      endpointFor: (id) => this.source.endpoint(id) || (providerInfo(id)?.defaultEndpoint() ?? ''),
      relayFor: (id) =>
        providerInfo(id)?.needsKey && this.source.relay() ? checkRelay(this.source.relay()) : undefined,
      apiKeyFor: (id) => this.source.apiKey(id) || undefined,
      signal: controller.signal,
      onResuming: () => this.update({ resuming: true }),
      onResumed: () => void this.loadGallery(),
    })
      .catch(() => ({ needsKey: [] })) // no Web Locks, storage gone: nothing can be resumed here
      .finally(() => this.update({ resuming: false }));
    if (controller.signal.aborted) return;
    this.waiting = {};
    for (const entry of needsKey) {
      const id = entry.provider as ProviderId;
      this.waiting[id] = (this.waiting[id] ?? 0) + 1;
    }
    this.host.requestUpdate();
  }

  /** Reads the persisted images and shows them. */
  private async loadGallery() {
    const images = this.images;
    const read = ++this.galleryReads;
    const stored = (await images?.list()) ?? [];
    await this.startup.turn(); // a gallery of many images is drawn in a turn of its own
    if (images !== this.images) return; // reopened (new storage key) or disconnected meanwhile
    // A read started later is newer: this one, done late, would hide an image saved since (and revoke its URL).
    if (read !== this.galleryReads) return;
    this.shown?.show(stored);
  }

  private handOut(blob: Blob) {
    const url = URL.createObjectURL(blob);
    this.handedOut.push(url);
    return url;
  }
}
