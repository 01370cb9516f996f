import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UserPaysError, asUserPaysError } from '../../errors.js';
import type { GenerationJob } from '../../generation/run-generation.js';
import type { LedgerStore } from '../../ledger/index.js';
import type { ImageStore } from '../../ledger/image-store.js';
import { loadEngine } from '../../load-engine.js';
import { keyedProviders, providerInfo } from '../../providers/catalog.js';
import type { ReferenceImage } from '../../providers/provider.js';
import { checkEndpoint, checkRelay } from '../../providers/urls.js';
import * as text from '../../strings/page.js';
import type {
  ErrorDetail,
  GenerationResult,
  ProgressDetail,
  ProviderId,
  PublicRequest,
  Quote,
  QuoteRequest,
} from '../../types.js';
import { emit } from '../shared/events.js';
import type { Priced } from './quote-controller.js';
import { Gallery, type GalleryImage } from './gallery.js';

/** What the user asked for, as the host's properties say at the moment of the click. */
export interface SubmissionRequest extends Omit<PublicRequest, 'inputs'> {
  /** The reference images as chosen (resized to what the provider takes just before they are sent). */
  inputs: ReferenceImage[];
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
  /** Paid images closed pages left at each provider, waiting for the user's key to be fetched. */
  waiting: Partial<Record<ProviderId, number>> = {};

  private images?: ImageStore;
  /** The image store as it opens (the engine loads first); undefined once reopened or disconnected. */
  private imagesOpening?: Promise<ImageStore | undefined>;
  private imagesFor = '';
  private run?: { controller: AbortController; result: Promise<GenerationResult> };
  private resumeController?: AbortController;
  private resumeChain: Promise<void> = Promise.resolve();
  /** The keys the last resume ran with: a resume runs once per key, not per keystroke. */
  private resumedWith?: string;
  /** Object URLs handed out in results for images the gallery no longer keeps (revoked on disconnect). */
  private readonly handedOut: string[] = [];
  private readonly shown = new Gallery(() => this.host.requestUpdate());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: GenerationSource,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.openImages();
  }

  /** The images to show, newest first. */
  get gallery(): GalleryImage[] {
    return this.shown.images;
  }

  hostUpdate() {
    if (this.imagesFor && this.imagesKey() !== this.imagesFor) this.openImages();
  }

  hostDisconnected() {
    this.cancel();
    this.resumeController?.abort();
    this.resumedWith = undefined;
    this.shown.clear();
    for (const url of this.handedOut.splice(0)) URL.revokeObjectURL(url);
    this.images = this.imagesOpening = undefined;
    this.imagesFor = '';
  }

  /** One submission; while it runs, calling again returns the same promise (a double click is one submission). */
  generate(): Promise<GenerationResult> {
    if (this.run) return this.run.result;
    const controller = new AbortController();
    const result = this.submit(controller.signal).finally(() => (this.run = undefined));
    this.run = { controller, result };
    return result;
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.run?.controller.abort();
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

  /** A key was entered: fetches the paid images waiting for one (once per key, not per keystroke). */
  keyEntered() {
    if (Object.keys(this.waiting).length) void this.resume();
  }

  private async submit(signal: AbortSignal): Promise<GenerationResult> {
    this.update({ status: 'preparing', error: undefined, chargeNote: '' });
    const asked = this.source.request();
    let vetoed = false;
    try {
      const { quote, request, job, fitted } = this.prepare(asked);
      if (!emit(this.host, 'userpays-submit', { quote, request }, true)) {
        vetoed = true;
        throw new UserPaysError('cancelled', text.vetoed(), false);
      }
      await this.source.beforeSend?.(asked, quote);
      const engine = await loadEngine();
      const images = await this.imagesOpening;
      if (!images) throw new UserPaysError('invalid-input', text.notOnPage(), false);
      // Sent as priced: each reference at the size the quote billed.
      const inputs = await Promise.all(asked.inputs.map((input, i) => engine.referenceAt(input, fitted.inputs[i])));
      signal.throwIfAborted();
      this.update({ status: 'generating' });
      const outcome = await engine.runGeneration({
        ...job,
        provider: engine.providerFor(asked.provider),
        images,
        inputs,
        signal,
        onProgress: (detail) => {
          this.update({ progress: detail });
          emit(this.host, 'userpays-progress', detail);
        },
      });
      await this.loadGallery();
      const urls = new Map(this.gallery.map((image) => [image.id, image.url]));
      const result: GenerationResult = {
        quote,
        charged: outcome.charged,
        images: outcome.stored.map(({ id, blob, remote, width, height, seed }) => ({
          // Beyond keep-images it is evicted already: an object URL of its own, revoked on disconnect.
          url: remote?.url ?? urls.get(id) ?? this.handOut(blob!),
          saved: !remote,
          ...(remote?.expiresAt === undefined ? {} : { expiresAt: new Date(remote.expiresAt).toISOString() }),
          width,
          height,
          seed,
        })),
      };
      if (outcome.charged !== quote.total) this.chargeNote = text.chargedOtherwise(outcome.charged, quote.total);
      if (outcome.partialError) this.report(outcome.partialError);
      emit(this.host, 'userpays-result', result);
      return result;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      if (!vetoed) this.report(error); // a veto is the host page's own decision: nothing to tell the user
      throw error;
    } finally {
      this.update({ status: 'idle', progress: undefined });
      this.source.afterRun?.(asked);
    }
  }

  /**
   * Every check that can fail before anything is sent, with the job to run: priced from `asked` itself, at the
   * size the provider makes of it (`fitted`).
   */
  private prepare(asked: SubmissionRequest) {
    const { quote, problem, fitted, entry } = this.source.price(asked);
    if (!quote || !fitted || problem) throw new UserPaysError('invalid-input', problem);
    const prompt = asked.prompt.trim();
    if (!prompt) throw new UserPaysError('invalid-input', text.promptMissing());
    const budgetProblem = this.source.budgetProblem();
    if (budgetProblem) throw new UserPaysError('invalid-input', budgetProblem, false);
    const provider = providerInfo(asked.provider);
    if (!provider) throw new UserPaysError('invalid-input', text.unknownProvider(asked.provider), false);
    const endpoint = checkEndpoint(this.source.endpoint(asked.provider) || provider.defaultEndpoint());
    const relay = provider.needsKey && this.source.relay() ? checkRelay(this.source.relay()) : undefined;
    const apiKey = this.source.apiKey(asked.provider);
    if (provider.needsKey && !apiKey) throw new UserPaysError('auth-required', text.keyMissing(asked.provider));
    const ledger = this.source.ledger();
    if (!ledger || !this.imagesOpening) throw new UserPaysError('invalid-input', text.notOnPage(), false);
    const request: PublicRequest = {
      provider: asked.provider,
      model: asked.model,
      prompt,
      width: fitted.width,
      height: fitted.height,
      count: quote.count,
      inputs: fitted.inputs,
    };
    if (asked.seed !== undefined) request.seed = asked.seed;
    const job: Omit<GenerationJob, 'signal' | 'inputs' | 'provider' | 'images'> = {
      endpoint,
      apiKey: apiKey || undefined,
      relay,
      request,
      ratio: fitted.ratio,
      providerModel: entry?.model,
      quote,
      budget: this.source.budget(),
      ledger,
    };
    return { quote, request, job, fitted };
  }

  private update(changes: Partial<Pick<GenerationController, 'status' | 'progress' | 'error' | 'chargeNote'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private imagesKey() {
    return `${this.source.storageKey()}\n${this.source.keepImages()}`;
  }

  /** Opens the image store of the storage key (the engine loads first), then shows the gallery and resumes. */
  private openImages() {
    this.shown.clear();
    const key = (this.imagesFor = this.imagesKey());
    const [storageKey, keep] = [this.source.storageKey(), this.source.keepImages()];
    this.images = undefined;
    const opening = (this.imagesOpening = loadEngine().then(({ ImageStore }) =>
      this.imagesFor === key ? (this.images = new ImageStore({ storageKey, keep })) : undefined,
    ));
    opening
      .then(async (images) => {
        if (!images) return; // reopened (new storage key) or disconnected meanwhile
        await this.loadGallery();
        if (this.images === images) await this.resume();
      })
      .catch(() => {}); // the engine could not load: the next submission says so
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
      onResumed: () => void this.loadGallery(),
    }).catch(() => ({ needsKey: [] })); // no Web Locks, storage gone: nothing can be resumed here
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
    const stored = (await images?.list()) ?? [];
    if (images !== this.images) return; // reopened (new storage key) or disconnected meanwhile
    this.shown.show(stored);
  }

  private handOut(blob: Blob) {
    const url = URL.createObjectURL(blob);
    this.handedOut.push(url);
    return url;
  }
}
