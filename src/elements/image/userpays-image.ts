import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { UserPaysError, asUserPaysError } from '../../errors.js';
import { resumeOrphans } from '../../generation/resume.js';
import { runGeneration } from '../../generation/run-generation.js';
import { ImageStore, LedgerStore } from '../../ledger/index.js';
import type { StoredImage } from '../../ledger/index.js';
import { BUILTIN_PRICE_BOOK, DEFAULT_MODEL, MODELS, mergePriceBook } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import { checkEndpoint } from '../../providers/http.js';
import type { ReferenceImage } from '../../providers/provider.js';
import { PuterAccount } from '../../providers/puter-account.js';
import { providerFor } from '../../providers/registry.js';
import type {
  ErrorDetail,
  GenerationResult,
  ProgressDetail,
  ProviderId,
  PublicRequest,
  Quote,
  Tally,
} from '../../types.js';
import { emit } from '../shared/events.js';
import { announceQuote, priceOf } from '../shared/price.js';
import { rememberedKey } from './remembered-key.js';
import { imageStyles } from './image-styles.js';
import { renderImageWidget } from './image-template.js';

/** A persisted image as the gallery shows it. */
export interface GalleryImage extends Omit<StoredImage, 'blob'> {
  url: string;
}

/**
 * The whole widget: prompt, model, size, count, reference images, live cost preview,
 * Generate, progress, the persisted gallery and the session tally.
 *
 * @summary Text-to-image generation paid from the end user's own account, with an exact price before every click.
 * @tagname userpays-image
 * @event userpays-quote - The quote changed; `detail` is the `Quote`.
 * @event userpays-submit - About to submit; `detail` is `{ quote, request }`. Cancelable: `preventDefault()` stops it.
 * @event userpays-progress - While generating; `detail` is `{ status, elapsedMs, progress? }`.
 * @event userpays-result - Images are persisted; `detail` is `{ images, charged, quote }`.
 * @event userpays-error - Something failed; `detail` is `{ code, message, retryable }`.
 * @event userpays-tally - The ledger changed (here or in another tab); `detail` is the `Tally`.
 * @csspart prompt - The prompt text box.
 * @csspart model - The model picker.
 * @csspart size - The size controls.
 * @csspart width - The custom width input (when the size is Custom).
 * @csspart height - The custom height input (when the size is Custom).
 * @csspart count - The image count picker.
 * @csspart key - The API key input (BYO-key providers).
 * @csspart remember - The "Remember my key on this device" opt-in box.
 * @csspart cost - The live cost preview.
 * @csspart submit - The Generate button.
 * @csspart progress - Progress while generating.
 * @csspart gallery - The list of generated images.
 * @csspart image - One generated image.
 * @csspart tally - The session tally line.
 * @csspart error - The error message.
 * @csspart account - Puter's account area (provider "puter"): who pays, Sign in / Sign out.
 * @csspart sign-in - The Sign in with Puter button.
 * @cssproperty --userpays-accent - Accent colour (button, focus ring).
 * @cssproperty --userpays-accent-text - Text on the accent colour.
 * @cssproperty --userpays-text - Text colour.
 * @cssproperty --userpays-muted - Secondary text colour.
 * @cssproperty --userpays-surface - Background of the card and controls.
 * @cssproperty --userpays-border - Line colour.
 * @cssproperty --userpays-danger - Error colour.
 * @cssproperty --userpays-radius - Corner radius.
 * @cssproperty --userpays-font - Font shorthand.
 */
export class UserPaysImage extends LitElement {
  static override styles = imageStyles;

  @property({ attribute: 'provider' }) provider: ProviderId = 'puter';
  @property({ attribute: 'model' }) model = DEFAULT_MODEL;
  /** Space-separated model ids offered in the picker; every model the provider serves when empty. */
  @property({ attribute: 'models' }) models = '';
  @property({ attribute: 'width', type: Number }) width = 1024;
  @property({ attribute: 'height', type: Number }) height = 1024;
  @property({ attribute: 'count', type: Number }) count = 1;
  @property({ attribute: 'prompt' }) prompt = '';
  /** Provider base URL (regional host, your proxy, a local simulator); the provider's public URL when empty. */
  @property({ attribute: 'endpoint' }) endpoint = '';
  /** Session spending cap in USD (decimal string). */
  @property({ attribute: 'budget' }) budget = '';
  @property({ attribute: 'locale' }) locale = '';
  /** Namespace of everything persisted. */
  @property({ attribute: 'storage-key' }) storageKey = 'userpays';
  /** Where the Puter SDK is loaded from on first use. */
  @property({ attribute: 'puter-src' }) puterSrc = 'https://js.puter.com/v2/';
  /** The end user's own key for BYO-key providers. Memory only; never an attribute. */
  @property({ attribute: false }) apiKey = '';
  /** How many finished images are kept in this browser (oldest go first). */
  @property({ attribute: 'keep-images', type: Number }) keepImages = 50;
  /** Overrides or extends the built-in prices. */
  @property({ attribute: false }) priceBook: PriceBook | null = null;

  @state() inputs: ReferenceImage[] = [];
  @state() busy = false;
  @state() progress?: ProgressDetail;
  @state() error?: ErrorDetail;
  @state() chargeNote = '';
  @state() gallery: GalleryImage[] = [];
  @state() currentTally?: Tally;
  @state() currentQuote?: Quote;
  @state() problem = '';
  @state() customSize = false;
  /** Paid images a closed page left at the provider, waiting for the user's key to be fetched. */
  @state() waiting = 0;
  /** The end user's Puter account, and Puter's live prices. */
  readonly account = new PuterAccount(this);

  private ledger!: LedgerStore;
  private images!: ImageStore;
  private unsubscribe?: () => void;
  private inFlight?: Promise<GenerationResult>;
  private controller?: AbortController;
  private resuming?: AbortController;
  private announcedQuote = '';

  /** The current quote (read-only); undefined while the inputs cannot be priced. */
  get quote(): Quote | undefined {
    return this.currentQuote;
  }

  /** The session tally (read-only). */
  get tally(): Tally | undefined {
    return this.currentTally;
  }

  /** The price book in force: built-in prices (Puter's live ones once fetched) with `priceBook` laid over them. */
  get prices(): PriceBook {
    const book = this.account.prices ?? BUILTIN_PRICE_BOOK;
    return this.priceBook ? mergePriceBook(book, this.priceBook) : book;
  }

  /** Model ids the picker offers. */
  get offeredModels(): string[] {
    const wanted = this.models.split(/\s+/).filter(Boolean);
    const prices = this.prices;
    const served = MODELS.filter((m) => m.hosted && prices[m.id]?.[this.provider]).map((m) => m.id);
    return wanted.length ? wanted.filter((id) => served.includes(id)) : served;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.apiKey ||= rememberedKey(this.storageKey, this.provider);
    this.openStores();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.cancel();
    this.resuming?.abort();
    this.unsubscribe?.();
    for (const image of this.gallery) URL.revokeObjectURL(image.url);
    this.gallery = [];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('storageKey') && changed.get('storageKey') !== undefined) this.openStores();
    if (changed.has('budget') && this.ledger) this.currentTally = this.ledger.tally(this.budget || null);
    if ((changed.has('provider') || changed.has('endpoint')) && this.provider == 'puter') void this.account.refresh();
    if (changed.has('models') || changed.has('provider') || changed.has('priceBook')) {
      // A picker that cannot show the selected model would silently price something else.
      const offered = this.offeredModels;
      if (offered.length && !offered.includes(this.model)) this.model = offered[0];
    }
    ({ quote: this.currentQuote, problem: this.problem } = priceOf(
      {
        provider: this.provider,
        model: this.model,
        width: this.width,
        height: this.height,
        count: this.count,
        inputs: this.inputs,
      },
      this.prices,
    ));
    if (changed.has('apiKey') && this.waiting) void this.resume();
  }

  override updated() {
    this.announcedQuote = announceQuote(this, this.currentQuote, this.announcedQuote);
  }

  override render() {
    return renderImageWidget(this);
  }

  /**
   * Submits the current inputs. While a submission runs, calling it again returns the same
   * promise: a double click is one submission.
   */
  generate(): Promise<GenerationResult> {
    this.inFlight ??= this.submit().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.controller?.abort();
  }

  /** Starts a new tally session. Images are kept. */
  resetTally() {
    this.ledger.reset();
  }

  private async submit(): Promise<GenerationResult> {
    this.error = undefined;
    this.chargeNote = '';
    let vetoed = false;
    try {
      const { quote, request, job } = this.prepare();
      if (!emit(this, 'userpays-submit', { quote, request }, true)) {
        vetoed = true;
        throw new UserPaysError('cancelled', 'The page stopped this submission before it was sent.', false);
      }
      this.busy = true;
      if (this.provider == 'puter') await this.account.check(quote.total);
      const controller = (this.controller = new AbortController());
      const outcome = await runGeneration({
        ...job,
        signal: controller.signal,
        onProgress: (detail) => {
          this.progress = detail;
          emit(this, 'userpays-progress', detail);
        },
      });
      await this.loadGallery();
      const urls = new Map(this.gallery.map((image) => [image.id, image.url]));
      const result: GenerationResult = {
        quote,
        charged: outcome.charged,
        images: outcome.stored.map((s) => ({ url: urls.get(s.id)!, width: s.width, height: s.height, seed: s.seed })),
      };
      if (outcome.charged !== quote.total) {
        this.chargeNote = `The provider charged ${outcome.charged} USD; the preview said ${quote.total} USD.`;
      }
      if (outcome.partialError) this.fail(outcome.partialError);
      emit(this, 'userpays-result', result);
      return result;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      // The host page vetoed it on purpose: nothing to tell the user.
      if (!vetoed) this.fail(error);
      throw error;
    } finally {
      this.busy = false;
      this.progress = undefined;
      this.controller = undefined;
      if (this.provider == 'puter') void this.account.refresh();
    }
  }

  /** Every check that can fail before anything is sent, with the job to run. */
  private prepare() {
    const quote = this.currentQuote;
    if (!quote || this.problem) throw new UserPaysError('invalid-input', this.problem);
    const prompt = this.prompt.trim();
    if (!prompt) throw new UserPaysError('invalid-input', 'Describe the image you want in the prompt box first.');
    const provider = providerFor(this.provider);
    const endpoint = checkEndpoint(this.endpoint || provider.defaultEndpoint);
    if (provider.needsKey && !this.apiKey) {
      throw new UserPaysError(
        'auth-required',
        'Enter your own API key for this provider in the key box, then try again.',
      );
    }
    const request: PublicRequest = {
      provider: this.provider,
      model: this.model,
      prompt,
      width: this.width,
      height: this.height,
      count: quote.count,
      inputs: this.inputs.map(({ width, height }) => ({ width, height })),
    };
    const job = {
      provider,
      endpoint,
      apiKey: this.apiKey || undefined,
      request,
      inputs: this.inputs,
      quote,
      budget: this.budget || null,
      ledger: this.ledger,
      images: this.images,
    };
    return { quote, request, job };
  }

  /** @internal Shows the error in the widget and fires `userpays-error` (also for the account area). */
  fail(error: UserPaysError) {
    this.error = error.toDetail();
    emit(this, 'userpays-error', this.error);
  }

  private openStores() {
    this.unsubscribe?.();
    this.ledger = new LedgerStore({ storageKey: this.storageKey });
    this.images = new ImageStore({ storageKey: this.storageKey, keep: this.keepImages });
    this.unsubscribe = this.ledger.subscribe(
      (tally) => {
        this.currentTally = tally;
        emit(this, 'userpays-tally', tally);
      },
      () => this.budget || null,
    );
    this.currentTally = this.ledger.tally(this.budget || null);
    void this.loadGallery().then(() => this.resume());
  }

  /** Finishes generations a closed, reloaded or crashed page left pending (SPEC §5). */
  private async resume() {
    const endpointFor = (id: ProviderId) => (id == this.provider && this.endpoint) || providerFor(id).defaultEndpoint;
    const { needsKey } = await resumeOrphans({
      ledger: this.ledger,
      images: this.images,
      providerFor,
      endpointFor,
      apiKeyFor: (id) => (id == this.provider ? this.apiKey : '') || undefined,
      signal: (this.resuming = new AbortController()).signal,
      onResumed: () => void this.loadGallery(),
    });
    this.waiting = needsKey.length;
  }

  /** Reads the persisted images, reusing the object URLs of those already shown. */
  private async loadGallery() {
    const stored = await this.images.list();
    const known = new Map(this.gallery.map((image) => [image.id, image.url]));
    this.gallery = stored.map(({ blob, ...meta }) => {
      const url = known.get(meta.id) ?? URL.createObjectURL(blob);
      known.delete(meta.id);
      return { ...meta, url };
    });
    for (const url of known.values()) URL.revokeObjectURL(url);
  }
}
