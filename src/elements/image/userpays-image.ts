import type { PropertyDeclarations } from 'lit';
import { DEFAULT_MODEL, modelInfo } from '../../pricing/index.js';
import type { PriceBook } from '../../pricing/index.js';
import type { GenerationResult, ProviderId, Quote, Tally } from '../../base/types.js';
import { asUserPaysError, type UserPaysError } from '../../base/errors.js';
import { emit } from '../shared/events.js';
import { PanelsController } from '../shared/panels-controller.js';
import type * as ImagePanels from './panels/index.js';
import type { ImageParts, LazyParts } from './panels/lazy-parts.js';
import type { PanelHandlers } from './panels/image-actions.js';
import { LedgerController } from '../shared/ledger-controller.js';
import { QuoteController } from '../shared/quote-controller.js';
import { GestureGuard } from '../shared/gesture.js';
import { UserPaysElement } from '../shared/userpays-element.js';
import { imageStyles } from './image-styles.js';
import { renderImageWidget } from './image-template.js';
import type { ImageHandlers } from './view.js';
import { imageHandlers } from './image-handlers.js';
import { settingsOf, type SubmissionAsItStands, type SubmissionRequest } from './image-parts.js';
import { imageView } from './image-view.js';
import { ProviderKeys } from './provider-keys.js';

/**
 * The whole widget: the prompt, the model, the shape and size, the user's key or Puter account, one decision row
 * with the exact price and Generate, then the result large beside the controls (in a wide container) or above them
 * (in a narrow one), the history below, and the session tally.
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
 * @csspart model - The models: a radio group, each with what it is best for and the request's price on it.
 * @csspart shape - Each shape (21:9 … 9:21, those the provider can make of the model): a radio of one group.
 * @csspart size - The sizes of the shape in force (about 0.25, 1, 2 and 4 MP): a radio group.
 * @csspart width - The custom width input (after "Custom size").
 * @csspart height - The custom height input (after "Custom size").
 * @csspart more - More options (a disclosure): the count, the seed, the prompt's rewriting, the reference images' drop
 *   zone and the model's own controls.
 * @csspart count - The number of images per submission: a radio group.
 * @csspart seed - The seed input (empty: a random seed for each submission).
 * @csspart key - The API key input (providers paid with the user's own key), with "Get a key ↗".
 * @csspart remember - The "Remember my key on this device" opt-in box.
 * @csspart balance - What the key's account has left, where its provider says (BFL's credits, fal's billing).
 * @csspart account - Puter's account area (provider "puter"): who pays and what is left, Sign in / Sign out.
 * @csspart sign-in - A sign-in button (`data-provider` names the account system: `puter`, `openrouter`, `huggingface`).
 * @csspart grant - Before a sign-in whose key the provider caps (OpenRouter): how much this site may spend, with Continue.
 * @csspart revoke - After such a sign-in: the link to revoke the key at the provider.
 * @csspart decision - The row that stays in view: the price, what it buys, Generate, and why Generate cannot, with the fix.
 * @csspart cost - The price and what it buys, with the price details (breakdown, source, compare, projection).
 * @csspart submit - The Generate button.
 * @csspart compare - The request priced on every model and provider the page allows, cheapest first; choosing one switches to it.
 * @csspart projection - What 100 such submissions cost, how many $1 buys, how many more fit the budget, and this month's pace.
 * @csspart placeholder - While generating: the space each image will take, at the shape asked.
 * @csspart progress - Progress while generating, with Cancel.
 * @csspart error - Every error the widget shows: the last submission's (with Try again where trying again can succeed), the key's beside the key field, and why the request cannot be priced, made or paid beside Generate.
 * @csspart tally - The session tally line.
 * @csspart result - The latest submission, large (a grid for more than one image).
 * @csspart lightbox - An image full size (a modal dialog: arrows step, Escape closes).
 * @csspart gallery - The earlier images, grouped by submission.
 * @csspart image - One generated image.
 * @csspart receipt - An image's receipt: quoted, charged (and how that is known), what was left at the provider after it.
 * @csspart image-actions - An image's toolbar: Download, Copy, Vary, Use as reference, and a menu of Reuse, Finalize, Delete.
 * @csspart not-saved - Under an image shown from the provider's link (its host refused the page its bytes): not saved, and until when the link works.
 * @csspart failures - Paid generations that brought no image, each with what it cost and why.
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
export class UserPaysImage extends UserPaysElement {
  /**
   * The reactive properties, as Lit declares them without decorators: each public one with its attribute (kebab-case
   * where it has two words; none for objects and the key), the private ones as internal state.
   */
  static override properties: PropertyDeclarations = {
    apiKey: { attribute: false },
    provider: {},
    providers: {},
    model: {},
    models: {},
    width: { type: Number },
    height: { type: Number },
    seed: { type: Number },
    count: { type: Number },
    prompt: {},
    endpoint: {},
    relay: {},
    budget: {},
    storageKey: { attribute: 'storage-key' },
    puterSrc: { attribute: 'puter-src' },
    keepImages: { attribute: 'keep-images', type: Number },
    huggingfaceClientId: { attribute: 'huggingface-client-id' },
    pollinationsAppKey: { attribute: 'pollinations-app-key' },
    pollinationsEarnings: { attribute: 'pollinations-earnings', type: Boolean },
    enhancePrompt: { attribute: 'enhance-prompt' },
    safetyTolerance: { attribute: 'safety-tolerance', type: Number },
    outputFormat: { attribute: 'output-format' },
    priceBook: { attribute: false },
    customSize: { state: true },
    allModels: { state: true },
    moreOpen: { state: true },
    undoable: { state: true },
  };
  static override styles = imageStyles;
  protected static override rehearseFirstRender = true;

  /** `puter` | `bfl` | `fal` | `openai` | `openrouter` | `huggingface` | `pollinations`. */
  provider: ProviderId = 'puter';
  /**
   * Space-separated providers the user may switch to from the price comparison (`compare` part), besides
   * `provider`; only `provider` when empty.
   */
  providers = '';
  /** Model id from the price book. */
  model = DEFAULT_MODEL;
  /** Space-separated model ids offered in the picker; every model the provider prices when empty. */
  models = '';
  /** Output width in pixels. */
  width = 1024;
  /** Output height in pixels. */
  height = 1024;
  /**
   * The seed sent to the provider (image i of a submission gets seed + i), to make an image again; a random
   * one for each submission when unset. Each image's seed is shown with it and can be reused.
   */
  seed?: number;
  /** Images per submission, 1–4. */
  count = 1;
  /** The prompt text. */
  prompt = '';
  /** Provider base URL (regional host, your proxy, a local simulator); the provider's public URL when empty. */
  endpoint = '';
  /**
   * Base URL of the site's relay (relay/worker.js, a Cloudflare Worker): every request of a BYO-key provider
   * (BFL, fal, gateways) goes through it, polling and image downloads included, for providers that do not
   * answer web pages (CORS). The key still reaches only the provider's own host. None when empty.
   */
  relay = '';
  /** Session spending cap in USD (decimal string). */
  budget = '';
  /** Namespace of everything persisted. */
  storageKey = 'userpays';
  /** Where the Puter SDK is loaded from on first use. */
  puterSrc = 'https://js.puter.com/v2/';
  /** How many finished images are kept in this browser (oldest go first). */
  keepImages = 50;
  /**
   * The site's public OAuth client id for "Sign in with Hugging Face" (provider `huggingface`): an OAuth app made at
   * huggingface.co/settings/connected-applications with the scope `inference-api` and this page as a redirect URI.
   * No secret goes with it. Without it the user can still enter a Hugging Face access token.
   */
  huggingfaceClientId = '';
  /**
   * The site's publishable App Key (`pk_…`) for "Sign in with Pollinations" (provider `pollinations`), made at
   * enter.pollinations.ai with each page address that signs in (origin and path) as a Redirect URI. Not a secret.
   * Without it the user can still enter a Pollinations key.
   */
  pollinationsAppKey = '';
  /**
   * Present when the site's App Key has Pollinations' developer earnings on: the user pays the site's share (25 % over
   * Pollinations' price), which the quote shows as a line of its own and the tally books.
   */
  pollinationsEarnings = false;
  /**
   * `on` or `off`: whether the provider may rewrite the prompt before it makes the image (BFL's `prompt_upsampling`,
   * fal's `enable_prompt_expansion`, Pollinations' `enhance`); the provider's own default when empty, shown in More
   * options. Where it is on, the image shows the prompt the provider used, and a seed may not make it again.
   */
  enhancePrompt = '';
  /** The model's moderation level (BFL's FLUX.2 0–5, FLUX.1 0–6, 0 strictest; fal 1–5); the provider's default when unset. */
  safetyTolerance?: number;
  /** `jpeg`, `png` or `webp`, where the model makes them; the model's own default (mostly jpeg) when empty. */
  outputFormat = '';
  /** Overrides or extends the built-in prices. */
  priceBook: PriceBook | null = null;

  private customSize = false;
  private allModels = false;
  private moreOpen = false;
  /** A change just made for the user (Vary, Reuse, Finalize, Delete), and what undoes it. */
  private undoable?: { sentence: string; undo: () => unknown };
  private readonly keys = new ProviderKeys(this, {
    storageKey: () => this.storageKey,
    provider: () => this.provider,
    endpoint: () => this.endpoint,
    relay: () => this.relay,
  });
  private readonly ledger = new LedgerController(
    this,
    { storageKey: () => this.storageKey, budget: () => this.budget, language: this.language },
    this.startup,
  );
  private readonly pricing = new QuoteController(
    this,
    {
      request: () => this.#request(),
      priceBook: () => this.priceBook,
      endpoint: () => this.endpoint,
      language: this.language,
    },
    this.startup,
  );
  /** The gallery, what closed pages left, the focus, the sign-in: made with the panels (after the first paint). */
  private lazy?: LazyParts;
  /** What the panels' controls do: made with the panels. */
  private panelHandlers?: PanelHandlers;
  /** A click before the panels: Cancel stops it before it is submitted. */
  private early?: AbortController;
  private readonly panels = new PanelsController<typeof ImagePanels>(
    this,
    () => import('./panels/index.js'),
    (panels) => panels.imagePanelStyles,
    this.startup,
    (panels) => {
      this.lazy = panels.lazyParts(this.parts, (standing, run) =>
        panels.runSubmission(this.parts, { ...standing, ...run }),
      );
      Object.assign(this.parts, this.lazy); // the view, the handlers and the panels read them there
      this.panelHandlers = panels.panelHandlers(this, this.parts);
    },
  );

  private readonly gesture = new GestureGuard();

  private readonly parts: ImageParts = this.#makeParts();
  /** What the template's controls do (Lit calls each with the event). */
  private readonly handlers: ImageHandlers = imageHandlers(this, this.parts);

  /**
   * The end user's own key for the current provider (BYO-key providers). Memory only, never an attribute.
   * Each provider has its own: a key belongs to the provider in force when it is set (or, when set before
   * the element's first update, to the provider of that update), and is never sent to another.
   */
  get apiKey(): string {
    return this.keys.current;
  }
  set apiKey(key: string) {
    this.keys.current = key;
    this.lazy?.resume.keyEntered();
  }

  /** The current quote (read-only); undefined while the inputs cannot be priced. */
  get quote(): Quote | undefined {
    return this.pricing.quote;
  }

  /** The session tally (read-only); undefined until the ledger has been read, just after the first paint. */
  get tally(): Tally | undefined {
    this.ledger.opened();
    return this.ledger.tally;
  }

  /**
   * Submits the current inputs, priced as they are at the call. While a submission runs, calling it
   * again returns the same promise: a double click is one submission.
   */
  generate(): Promise<GenerationResult> {
    if (this.lazy) return this.lazy.submission.generate();
    // A click before the panels: as it stands now, submitted once they are here (a second click joins it then).
    const standing = this.#asItStands();
    const early = (this.early ??= new AbortController());
    return this.panels.loaded().then(() => {
      if (this.early === early) this.early = undefined;
      if (this.lazy && !early.signal.aborted) return this.lazy.submission.generate(standing);
      // Cancelled while they loaded, or they could not load (offline): said as an engine that could not load is.
      const failure = asUserPaysError(early.signal.aborted ? early.signal.reason : new TypeError('no panels'));
      this.#report(failure);
      throw failure;
    });
  }

  /** Stops the running submission; what the provider already charged stays booked. */
  cancel() {
    this.early?.abort();
    this.lazy?.submission.cancel();
  }

  /** An error of the widget's: shown with the panels (and fired as `userpays-error`), else fired alone. */
  #report(error: UserPaysError) {
    if (this.lazy) this.lazy.submission.report(error);
    else emit(this, 'userpays-error', error.toDetail(this.language.translation));
  }

  /** Starts a new tally session. Images are kept. */
  resetTally() {
    this.ledger.use((ledger) => ledger.reset());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // An attribute a framework stops setting is removed (the property null), and a page may set what is not text:
    // no text then (the default model), never met later as a TypeError in a render.
    for (const name of ['prompt', 'providers', 'models', 'budget'] as const)
      if (typeof this[name] !== 'string') this[name] = '';
    this.model ??= DEFAULT_MODEL;
    if (changed.has('models') || changed.has('provider') || changed.has('priceBook')) {
      // A picker that cannot show the selected model would silently price something else. A model there is none
      // of is the page's mistake: said (see `modelCheck`, with the panels), never made into another behind its back.
      const offered = this.pricing.models(this.provider, this.models);
      if (offered.length && !offered.includes(this.model) && modelInfo(this.model)) this.model = offered[0];
    }
  }

  protected override render() {
    const { parts, handlers, panels } = this;
    return renderImageWidget(imageView(this, parts, handlers, panels.panels, this.panelHandlers), handlers);
  }

  /**
   * The widget's working parts, for its view and its handlers (image-view.ts, image-handlers.ts): its controllers,
   * and its own state read live (getters), so that the handlers made once see it as it is. What the panels add
   * (`LazyParts`) is put in with them.
   */
  #makeParts(): ImageParts {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element's state live
    const element = this;
    const { keys, ledger, pricing, startup, gesture, language } = this;
    return {
      host: this,
      keys,
      ledger,
      pricing,
      startup,
      gesture,
      language,
      get customSize() {
        return element.customSize;
      },
      setCustomSize: (custom: boolean) => (this.customSize = custom),
      get allModels() {
        return element.allModels;
      },
      setAllModels: (all: boolean) => (this.allModels = all),
      get moreOpen() {
        return element.moreOpen;
      },
      setMoreOpen: (open: boolean) => (this.moreOpen = open),
      get undo() {
        return element.undoable?.sentence;
      },
      offerUndo: (sentence: string, undo: () => unknown) => (this.undoable = { sentence, undo }),
      endUndo: (run: boolean) => {
        const undoable = this.undoable;
        this.undoable = undefined;
        if (run) void undoable?.undo();
      },
      edited: () => {
        const submission = element.lazy?.submission;
        if (!submission?.pending) submission?.dismissError(); // it described the last attempt only
      },
      request: () => this.#request(),
      asItStands: () => this.#asItStands(),
    };
  }

  /**
   * The submission as it stands (the controller's `args`, read at the click before anything is awaited, so that what
   * changes after it, even in the same task, changes nothing of it).
   */
  #asItStands(): SubmissionAsItStands {
    const asked = this.#request();
    return {
      asked,
      priced: this.pricing.price(asked),
      endpoint: this.endpoint,
      relay: this.relay,
      apiKey: this.apiKey,
      budget: this.budget || null,
      budgetProblem: this.ledger.budgetProblem,
      locale: this.language.locale,
      ledger: this.ledger.ready(),
    };
  }

  #request(): SubmissionRequest {
    const { provider, model, prompt, width, height, count, endpoint } = this;
    const seed = this.seed ?? undefined; // a removed attribute is null
    const inputs = this.lazy?.references.images ?? []; // attached with the panels (More options)
    const earnings = this.pollinationsEarnings || undefined;
    return {
      provider,
      model,
      prompt,
      width,
      height,
      count,
      seed,
      inputs,
      endpoint,
      earnings,
      settings: settingsOf(this, this.lazy?.controls.loaded?.controller.settings),
    };
  }
}
