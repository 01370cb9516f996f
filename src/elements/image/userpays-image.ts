import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asUserPaysError } from '../../errors.js';
import { DEFAULT_MODEL, modelInfo } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import { providerInfo } from '../../providers/catalog.js';
import * as text from '../../strings/page.js';
import type { GenerationResult, ProviderId, Quote, Tally } from '../../types.js';
import { GenerationController } from '../controllers/generation-controller.js';
import type { SubmissionRequest } from '../controllers/generation-controller.js';
import { LedgerController } from '../controllers/ledger-controller.js';
import { PuterAccountController } from '../controllers/puter-account-controller.js';
import { QuoteController } from '../controllers/quote-controller.js';
import { imageStyles } from './image-styles.js';
import { renderImageWidget } from './image-template.js';
import type { ImageHandlers, ImageView } from './image-template.js';
import { ProviderKeys } from './provider-keys.js';
import { ReferenceImages } from './reference-images.js';
import { sizeView } from './size-presets.js';

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
 * @event userpays-tally - The tally changed (here or in another tab); `detail` is the `Tally`.
 * @csspart prompt - The prompt text box.
 * @csspart model - The model picker.
 * @csspart size - The size picker (presets and Custom).
 * @csspart width - The custom width input (when the size is Custom).
 * @csspart height - The custom height input (when the size is Custom).
 * @csspart count - The image count picker.
 * @csspart key - The API key input (providers paid with the user's own key).
 * @csspart remember - The "Remember my key on this device" opt-in box.
 * @csspart cost - The live cost preview.
 * @csspart account - Puter's account area (provider "puter"): who pays, Sign in / Sign out.
 * @csspart sign-in - The Sign in with Puter button.
 * @csspart submit - The Generate button.
 * @csspart progress - Progress while generating.
 * @csspart error - The error message.
 * @csspart tally - The session tally line.
 * @csspart gallery - The list of generated images.
 * @csspart not-saved - Under an image shown from the provider's link (its host refused the page its bytes): not saved, and until when the link works.
 * @csspart image - One generated image.
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

  /** `puter` | `bfl` | `fal` | `openai`. */
  @property() provider: ProviderId = 'puter';
  /** Model id from the price book. */
  @property() model = DEFAULT_MODEL;
  /** Space-separated model ids offered in the picker; every model the provider prices when empty. */
  @property() models = '';
  /** Output width in pixels. */
  @property({ type: Number }) width = 1024;
  /** Output height in pixels. */
  @property({ type: Number }) height = 1024;
  /** Images per submission, 1–4. */
  @property({ type: Number }) count = 1;
  /** The prompt text. */
  @property() prompt = '';
  /** Provider base URL (regional host, your proxy, a local simulator); the provider's public URL when empty. */
  @property() endpoint = '';
  /**
   * Base URL of the site's relay (relay/worker.js, a Cloudflare Worker): every request of a BYO-key provider
   * (BFL, fal, gateways) goes through it, polling and image downloads included, for providers that do not
   * answer web pages (CORS). The key still reaches only the provider's own host. None when empty.
   */
  @property() relay = '';
  /** Session spending cap in USD (decimal string). */
  @property() budget = '';
  /** BCP 47 locale for money; the browser's when empty. */
  @property() locale = '';
  /** Namespace of everything persisted. */
  @property({ attribute: 'storage-key' }) storageKey = 'userpays';
  /** Where the Puter SDK is loaded from on first use. */
  @property({ attribute: 'puter-src' }) puterSrc = 'https://js.puter.com/v2/';
  /** How many finished images are kept in this browser (oldest go first). */
  @property({ attribute: 'keep-images', type: Number }) keepImages = 50;
  /** Overrides or extends the built-in prices. */
  @property({ attribute: false }) priceBook: PriceBook | null = null;

  @state() private customSize = false;
  private readonly keys = new ProviderKeys(this, { storageKey: () => this.storageKey, provider: () => this.provider });
  private readonly ledger = new LedgerController(this, {
    storageKey: () => this.storageKey,
    budget: () => this.budget,
  });
  private readonly pricing = new QuoteController(this, {
    request: () => this.request(),
    priceBook: () => this.priceBook,
    puterEndpoint: () => this.endpoint,
  });
  private readonly account = new PuterAccountController(this, {
    active: () => this.provider === 'puter',
    endpoint: () => this.endpoint,
    puterSrc: () => this.puterSrc,
  });
  private readonly generation = new GenerationController(this, {
    request: () => this.request(),
    price: (request) => this.pricing.price(request),
    endpoint: (provider) => (provider === this.provider ? this.endpoint : ''),
    relay: () => this.relay,
    apiKey: (provider) => (provider === this.provider ? this.apiKey : this.keys.get(provider)),
    budget: () => this.budget || null,
    budgetProblem: () => this.ledger.budgetProblem,
    ledger: () => this.ledger.ledger,
    storageKey: () => this.storageKey,
    keepImages: () => this.keepImages,
    beforeSend: (request, quote) =>
      request.provider === 'puter' ? this.account.check(quote.total) : Promise.resolve(),
    afterRun: (request) => void (request.provider === 'puter' && this.account.refresh()),
  });
  private readonly references = new ReferenceImages(this, (error) => this.generation.report(error));

  /** What the template's controls do (Lit calls each with the event). */
  private readonly handlers: ImageHandlers = {
    fieldInput: (event) => {
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'prompt') this.prompt = value;
      else if (name === 'width' || name === 'height') this[name] = Number(value);
    },
    pickerChange: (event) => {
      const { name, value } = event.target as HTMLSelectElement;
      if (name === 'model') this.model = value;
      else if (name === 'count') this.count = Number(value);
      else if (!(this.customSize = value === 'custom')) [this.width, this.height] = value.split('x').map(Number);
    },
    referencesChosen: (event) => {
      const input = event.target as HTMLInputElement;
      void this.references.add([...(input.files ?? [])], this.pricing.capability?.references.max ?? 0);
      input.value = ''; // the same file can be chosen again
    },
    referenceRemove: (event) => this.references.remove(Number((event.currentTarget as HTMLElement).dataset.index)),
    keyInput: (event) => {
      this.keys.set(this.provider, (event.target as HTMLInputElement).value.trim());
      this.requestUpdate();
    },
    // Committed (Enter, or focus left the field): only then may waiting images be fetched with the key.
    keyCommit: () => this.generation.keyEntered(),
    rememberChange: (event) => {
      this.keys.remember(this.provider, (event.target as HTMLInputElement).checked);
      this.requestUpdate();
    },
    signIn: () => void this.account.signIn().catch((error) => this.generation.report(asUserPaysError(error))),
    signOut: () => void this.account.signOut(),
    submit: (event) => {
      event.preventDefault();
      this.generate().catch(() => {}); // shown in the widget and fired as userpays-error
    },
    cancel: () => this.cancel(),
    dismissError: () => this.generation.dismissError(),
  };

  /**
   * The end user's own key for the current provider (BYO-key providers). Memory only, never an attribute.
   * Each provider has its own: a key belongs to the provider in force when it is set (or, when set before
   * the element's first update, to the provider of that update), and is never sent to another.
   */
  @property({ attribute: false })
  get apiKey(): string {
    return this.keys.current;
  }
  set apiKey(key: string) {
    this.keys.current = key;
    this.generation.keyEntered();
  }

  /** The current quote (read-only); undefined while the inputs cannot be priced. */
  get quote(): Quote | undefined {
    return this.pricing.quote;
  }

  /** The session tally (read-only). */
  get tally(): Tally | undefined {
    return this.ledger.tally;
  }

  /**
   * Submits the current inputs, priced as they are at the call. While a submission runs, calling it
   * again returns the same promise: a double click is one submission.
   */
  generate(): Promise<GenerationResult> {
    return this.generation.generate();
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.generation.cancel();
  }

  /** Starts a new tally session. Images are kept. */
  resetTally() {
    this.ledger.ledger?.reset();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('models') || changed.has('provider') || changed.has('priceBook')) {
      // A picker that cannot show the selected model would silently price something else.
      const offered = this.pricing.models(this.provider, this.models);
      if (offered.length && !offered.includes(this.model)) this.model = offered[0];
    }
  }

  protected override render() {
    return renderImageWidget(this.view(), this.handlers);
  }

  private request(): SubmissionRequest {
    const { provider, model, prompt, width, height, count, references, endpoint } = this;
    return { provider, model, prompt, width, height, count, inputs: references.images, endpoint };
  }

  private view(): ImageView {
    const { provider, account, generation, pricing } = this;
    const references = pricing.capability?.references;
    const sent = pricing.fitted?.inputs ?? [];
    return {
      locale: this.locale || undefined,
      prompt: this.prompt,
      model: this.model,
      models: pricing.models(provider, this.models).map((id) => ({ id, label: modelInfo(id)?.label ?? id })),
      size: sizeView(pricing.capability?.sizes, this.width, this.height, this.customSize),
      count: this.count,
      references: references?.max
        ? {
            max: references.max,
            required: !!references.required,
            images: this.references.images.map((image, i) =>
              sent[i] && sent[i].width !== image.width ? { ...image, sent: sent[i] } : image,
            ),
          }
        : undefined,
      key: providerInfo(provider)?.needsKey
        ? {
            provider: text.providerName(provider),
            value: this.apiKey,
            remembered: this.keys.isRemembered(provider),
            waiting: generation.waiting[provider] ?? 0,
          }
        : undefined,
      account: provider === 'puter' ? { user: account.user, left: account.left?.toString() } : undefined,
      quote: pricing.quote,
      problem: pricing.problem,
      busy: generation.status !== 'idle',
      progress: generation.progress,
      error: generation.error,
      chargeNote: generation.chargeNote,
      tally: this.ledger.tally,
      budgetProblem: this.ledger.budgetProblem,
      gallery: generation.gallery,
    };
  }
}
