import type { ReactiveControllerHost } from 'lit';
import type { ModelSettings, OutputFormat, ProviderId } from '../../../base/types.js';
import { modelName, modelsIn, priceOf, replacementOf, type PriceBook } from '../../../pricing/index.js';
import { prices } from '../../../strings/prices.js';
import { widget } from '../../../strings/image/widget.js';
import { wordsIn } from '../../../strings/strings.js';
import type { Offer } from '../../../pricing/compare.js';
import { offersOf, type Pricer } from '../../../pricing/offers.js';
import { pageOffers } from '../../../pricing/page-offers.js';
import { editsWithWordsAt } from '../../../providers/edit-promises.js';
import { editsLoaded } from '../../../providers/registry/edits-loader.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../../../providers/registry/prices.js';
import { withPagePrices } from '../../../providers/registry/page-prices.js';
import type { Asked, Submission } from '../../../generation/submit.js';
import { GestureGuard } from '../../shared/gesture.js';
import type { LanguageController } from '../../shared/language-controller.js';
import { LedgerController } from '../../shared/ledger-controller.js';
import { QuoteController } from '../../shared/quote-controller.js';
import type { StartupController } from '../../shared/startup-controller.js';
import type { ImageProperties } from './image-properties.js';
import type { KeysGiven } from './key-slots.js';

/** What the user asked for, as the element's properties say at this moment (the click's: `Submission.asked`). */
export interface SubmissionRequest extends Asked {
  endpoint?: string;
}

/**
 * A submission of the widget as it stands at the click (its fields, read then): what the submission controller's task
 * works on (`args`), with the run's own signal, veto and stages.
 */
export type SubmissionAsItStands = Omit<
  Submission,
  'signal' | 'onSubmit' | 'onStage' | 'beforeSend' | 'images' | 'urlOf'
>;

/** How the element reads its request: what only it knows (the panels' reference images and own settings among it). */
export interface RequestSource {
  /** The request as the element's properties (and what More options holds) say now. */
  request(): SubmissionRequest;
}

/**
 * What the user has unfolded in the form: state of the widget's own, never an attribute. Setting it
 * redraws the widget.
 */
export class FormState {
  /** The user chose to type a size. */
  customSize = false;
  /** The user unfolded every model. */
  allModels = false;
  /** More options is open: the model's own controls load then (and are drawn in it). */
  moreOpen = false;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  showCustomSize(custom: boolean) {
    this.customSize = custom;
    this.#host.requestUpdate();
  }

  showAllModels(all: boolean) {
    this.allModels = all;
    this.#host.requestUpdate();
  }

  setMoreOpen(open: boolean) {
    this.moreOpen = open;
    this.#host.requestUpdate();
  }
}

/**
 * The working parts of a `<userpays-image>` that its first paint has, made with the element and owned by it: its
 * controllers (the ledger, the live price), the keys a page gives before the panels, what the form has unfolded, one submission per gesture,
 * and the request as it stands. Its view (image-view.ts), its handlers (image-handlers.ts) and its panels (panels/,
 * which make the other half, `ImagePanels`, of these once they load) read the element through them.
 */
export class ImageParts {
  /** The keys the page gives before the panels, which hold the user's keys, are here (they take these over). */
  readonly keysGiven: KeysGiven = new Map();
  readonly ledger: LedgerController;
  readonly pricing: QuoteController;
  readonly form: FormState;
  /** One submission per gesture of the user's. */
  readonly gesture = new GestureGuard();
  /** Why the model in force replaced the one chosen (`modelInForce`), and for which model in force it is said. */
  modelNote?: { text: string; model: string };
  readonly #source: RequestSource;

  constructor(
    readonly host: ImageProperties,
    /** The words the widget speaks, and the locale of its amounts and dates. */
    readonly language: LanguageController,
    readonly startup: StartupController,
    source: RequestSource,
  ) {
    this.#source = source;
    this.ledger = new LedgerController(
      host,
      { storageKey: () => host.storageKey, budget: () => host.budget, language },
      startup,
    );
    this.pricing = new QuoteController(
      host,
      {
        request: () => this.request(),
        priceBook: () => host.priceBook,
        endpoint: () => host.endpoint,
        language,
        storageKey: () => host.storageKey,
      },
      startup,
    );
    this.form = new FormState(host);
  }

  /** The request as the element's properties say now. */
  request(): SubmissionRequest {
    return this.#source.request();
  }

  /**
   * The submission as it stands now (read at the click, before anything is awaited, so that what changes after it,
   * even in the same task, changes nothing of it).
   */
  asItStands(): SubmissionAsItStands {
    const { host } = this;
    const asked = this.request();
    return {
      asked,
      priced: this.pricing.price(asked),
      endpoint: host.endpoint,
      relay: host.relay,
      apiKey: host.apiKey,
      budget: host.budget || null,
      budgetProblem: this.ledger.budgetProblem,
      locale: this.language.locale,
      ledger: this.ledger.ready(),
    };
  }

  /**
   * The model to use where `model` is not among those the provider offers now (`offered`, not empty): its replacement
   * where the provider shut it down (said in `modelNote`), another where the provider's list no longer names it for
   * this account (said too), else (a model the provider never sold: another provider's, a default) its first, as a
   * picker that cannot show the model in force would price something else.
   */
  modelInForce(model: string, offered: readonly string[]): string {
    const { provider, endpoint, models } = this.host;
    const text = wordsIn(this.language.translation, 'prices', prices);
    const replaced = replacementOf(this.pricing.prices(), provider, model);
    if (replaced?.model && offered.includes(replaced.model)) {
      const said = text.replacedBy(modelName(model), replaced.shutdown, modelName(replaced.model));
      this.modelNote = { text: said, model: replaced.model };
      return replaced.model;
    }
    const next = offered[0];
    // Offered by the bundled book to this page (its dates and the page's `models` allowing), but not by the account's
    // own list: said. A model the page's `models` leaves out is the page's choice, made without a word.
    if (modelsIn(priceBookFor(endpoint, BUILTIN_PRICE_BOOK, provider), provider, models).includes(model)) {
      const said = wordsIn(this.language.translation, 'widget', widget).notSoldNow(modelName(model), modelName(next));
      this.modelNote = { text: said, model: next };
    }
    return next;
  }

  /** Whether the bundled book prices `model` at the provider in force (at its endpoint's host), whatever its dates. */
  soldHere(model: string): boolean {
    const { provider, endpoint } = this.host;
    return !!priceBookFor(endpoint, BUILTIN_PRICE_BOOK, provider)[model]?.[provider];
  }

  /**
   * Whether `model`, where what it is for has words of its own for its editing, edits images at `provider`: it is
   * priced there, and its entry (a page's own word) or else its provider's edit facts name a kind of edit. Those facts
   * load after the first paint, which knows where each such model edits (providers/edit-promises.ts): its card says
   * the same words from the first paint on.
   */
  editsAt(provider: ProviderId, model: string): boolean {
    const book = provider === this.host.provider ? this.pricing.prices() : this.#bookOf(provider);
    const entry = book[model]?.[provider];
    if (!entry) return false;
    return entry.edits ? entry.edits.length > 0 : editsWithWordsAt(provider, model);
  }

  /** What the offers are asked for (a comparison, a cheaper model): the request as set, on what the page allows. */
  offersAsk() {
    const { provider, providers, models } = this.host;
    return { request: this.request(), provider, providers, models };
  }

  /** The request priced on every model and provider the page allows (the picker's prices, the comparison). */
  offers(): readonly Offer[] {
    const ask = this.offersAsk();
    // Priced once per page for what is asked alike (pricing/page-offers.ts): the picker prices every model the
    // provider has, and a page's widgets mostly ask the same.
    const key = `${JSON.stringify(ask, pricedPart)} ${this.pricing.pricesKey(ask.request)}`;
    return pageOffers(key, () => offersOf(ask, this.#offersPricing));
  }

  /**
   * What the offers are priced with: the provider in force with the widget's prices (live ones, the page's endpoint);
   * another at its own endpoint's built-in prices (OpenAI's GPT Image prices, known at its public host), the page's
   * `priceBook` over them.
   */
  readonly #offersPricing: Pricer = {
    models: (provider, wanted) =>
      provider === this.host.provider
        ? this.pricing.models(provider, wanted)
        : modelsIn(this.#bookOf(provider), provider, wanted),
    price: (request) =>
      request.provider === this.host.provider
        ? this.pricing.price(request)
        : priceOf(request, this.#bookOf(request.provider!), this.language.translation, editsLoaded()),
    rule: (provider, model) =>
      (provider === this.host.provider ? this.pricing.prices() : this.#bookOf(provider))[model]?.[provider]?.rule,
  };

  #bookOf(provider: ProviderId): PriceBook {
    return withPagePrices(priceBookFor('', BUILTIN_PRICE_BOOK, provider), this.host.priceBook, provider);
  }
}

/**
 * What a request is priced by, for a key: its sizes, kinds and settings; not an image's bytes, nor the conversation an
 * edit goes on with (what it sends again is counted in its `edit`).
 */
const pricedPart = (name: string, value: unknown) =>
  value instanceof Blob || name === 'conversation' ? undefined : value;

/**
 * The model's own settings as the page and the user set them: the attributes (`enhance-prompt`, `safety-tolerance`,
 * `output-format`) and what only More options sets (`own`: ControlsController); undefined where none is.
 * An `enhance-prompt` other than on or off is passed on as written, for the submission to refuse in words.
 */
export function settingsOf(host: ImageProperties, own?: ModelSettings): ModelSettings | undefined {
  const { enhancePrompt: enhance, safetyTolerance, outputFormat } = host;
  const settings: ModelSettings = { ...own };
  if (enhance) settings.enhancePrompt = enhance === 'on' || (enhance === 'off' ? false : (enhance as never));
  if (safetyTolerance != null) settings.safetyTolerance = safetyTolerance;
  if (outputFormat) settings.outputFormat = outputFormat as OutputFormat;
  return Object.keys(settings).length ? settings : undefined;
}
