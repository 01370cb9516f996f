import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { boundsItem, modelsIn, priceOf, SeenBounds, soldOnly, withBoundsSeen } from '../../pricing/index.js';
import { identityOf } from '../../pricing/page-offers.js';
import { clock } from '../../base/clock.js';
import type { Capability, Fitted, PriceBook, PriceEntry, Priced } from '../../pricing/index.js';
import { loadEngine } from '../../lazy/index.js';
import type { ProviderId, Quote, QuoteRequest } from '../../base/types.js';
import type { Spoken } from './language-controller.js';
import { emit } from './events.js';
import { providerInfo } from '../../providers/registry/catalog.js';
import { editsLoaded } from '../../providers/registry/edits-loader.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../../providers/registry/prices.js';
import { withPagePrices } from '../../providers/registry/page-prices.js';
import { checkEndpoint } from '../../providers/urls.js';
import type { StartupController } from './startup-controller.js';
import type { LiveAccess } from '../../providers/provider.js';
import type { LiveBook } from '../../providers/registry/adapters.js';

/** A UTC day, in ms. */
const DAY_MS = 86_400_000;

/** Who is told of a bound raised on this page (`userpays-bound`) or in another tab (`storage`). */
const toldOfBounds = new Set<(event: Event) => void>();

/** One pair of listeners for the page, however many widgets: each told in the order it connected. */
function hearBounds(told: (event: Event) => void) {
  if (!toldOfBounds.size) {
    addEventListener('userpays-bound', tellOfBound);
    addEventListener('storage', tellOfBound);
  }
  toldOfBounds.add(told);
}

function tellOfBound(event: Event) {
  for (const told of toldOfBounds) told(event);
}

/** What the host prices: its request as it stands, the page's `priceBook`, and its endpoint. */
export interface QuoteSource {
  request(): QuoteRequest;
  priceBook(): PriceBook | null;
  /** The host's `endpoint`, where a provider with live prices is asked for them ('' for the provider's own). */
  endpoint(): string;
  /** The host's words over English: its quote's lines and problems are said in them. */
  language: Spoken;
  /**
   * Where the host keeps its ledger (its `storageKey`), where it has one: a bound a provider's charge raised there
   * (pricing/seen-bounds.ts) is laid over the quote of that model and size.
   */
  storageKey?(): string;
}

/** The element the preview is of: the key and relay it has, if any (the image element's), read its live prices. */
type QuoteHost = ReactiveControllerHost & EventTarget & LiveAccess;

/**
 * The live cost preview of an element: prices its request before every render, with the provider's live prices
 * once they have arrived where it has them (Puter's catalogue, Pollinations' model list: fetched once per provider,
 * endpoint and page, so every element prices them the same),
 * and fires `userpays-quote` when the quote's value changes (not on re-renders that leave it equal).
 */
export class QuoteController implements ReactiveController {
  /** The current quote; undefined while the request cannot be priced. */
  quote?: Quote;
  problem = '';
  /** What the provider makes of the model and of the current request (see `Priced`). */
  capability?: Capability;
  fitted?: Fitted;
  /** The price-book entry of the current request. */
  entry?: PriceEntry;
  /** The provider, model and endpoint the capability in force belongs to. */
  #capabilityFor = '';
  /**
   * Built-in prices with the live ones of provider `#liveFor` laid over them, once they have arrived: for that provider
   * alone (a live list speaks for its own provider; after a switch, the other provider prices from the built-in book
   * until its own list is read).
   */
  #live?: LiveBook;
  /** The provider and the endpoint the page named ('' for the provider's own) that `#live` was read for. */
  #liveFor?: string;
  #liveFrom = '';
  /** The provider and endpoint last asked of `loadCatalogue` (after the first paint). */
  #askedFrom = '';
  #announced = '';

  readonly #host: QuoteHost;
  readonly #source: QuoteSource;
  readonly #startup: StartupController;

  constructor(host: QuoteHost, source: QuoteSource, startup: StartupController) {
    this.#host = host;
    this.#source = source;
    this.#startup = startup;
    host.addController(this);
  }

  /** The price book in force: built-in (live prices once fetched) with the page's `priceBook` over it. */
  prices(): PriceBook {
    const { endpoint, provider = 'puter' } = this.#source.request();
    // The live book holds what is known at its endpoint's host already, and the list's verdict, which the built-in
    // host prices laid over it again would undo.
    const live = this.#liveFor === `${provider} ${endpoint ?? ''}` ? this.#live : undefined;
    const book = live?.book ?? priceBookFor(endpoint, BUILTIN_PRICE_BOOK, provider);
    const override = this.#source.priceBook();
    if (!override) return book;
    // The page's own prices are held to the book's dates and the provider's own rates (`withPagePrices`), and to the
    // provider's list too: a model the user's account is not sold is not offered.
    const priced = withPagePrices(book, override, provider, endpoint ?? '');
    return live?.listed ? soldOnly(priced, provider, live.listed) : priced;
  }

  /**
   * What the prices this controller gives depend on beyond the request: the live book in force, the page's
   * `priceBook`, the edits' pricing, the host's words, the bounds seen under its storage key, and the day (a model's
   * shutdown begins a UTC day, and its days left count them). Equal keys, equal prices: a page's widgets share what
   * they priced alike (`pageOffers`).
   */
  pricesKey(request: QuoteRequest): string {
    const { endpoint, provider = 'puter' } = request;
    const live = this.#liveFor === `${provider} ${endpoint ?? ''}` ? this.#live : undefined;
    const bounds = this.#source.storageKey ? `${this.#source.storageKey()} ${SeenBounds.state()}` : '';
    const { translation } = this.#source.language;
    const day = Math.floor(clock.now() / DAY_MS);
    const books = [live, this.#source.priceBook(), editsLoaded(), translation].map(identityOf).join(' ');
    return `${books} ${day} ${bounds}`;
  }

  /** The models `provider` has a price for, in picker order, narrowed to `wanted` (space-separated ids) if given. */
  models(provider: ProviderId, wanted: string): string[] {
    return modelsIn(this.prices(), provider, wanted);
  }

  /**
   * Prices any request with the book in force and the edits' pricing where it has loaded: the same answer the preview
   * gives for it, in the host's words.
   */
  price(request: QuoteRequest): Priced {
    const { translation } = this.#source.language;
    const priced = priceOf(request, this.prices(), translation, editsLoaded());
    const storageKey = this.#source.storageKey?.();
    return storageKey === undefined ? priced : withBoundsSeen(priced, storageKey, translation);
  }

  hostUpdate() {
    const request = this.#source.request();
    const { provider = 'puter' } = request;
    const info = providerInfo(provider);
    const where = info?.livePrices ? this.#source.endpoint() || info.defaultEndpoint() : '';
    // The host's key and relay, where it has them (the image element's), for a provider whose prices answer only its
    // user's key (fal's): asked again for another.
    const access: LiveAccess = this.#host;
    const from = [provider, where, access.relay, access.apiKey].join();
    if (where && from !== this.#askedFrom) {
      this.#askedFrom = from;
      this.#startup.later(() => this.#loadCatalogue(provider, where, from, access, request.endpoint ?? ''));
    }
    const kept = this.capability;
    ({
      quote: this.quote,
      problem: this.problem,
      capability: this.capability,
      fitted: this.fitted,
      entry: this.entry,
    } = this.price(request));
    // A request that cannot be priced for a moment (a side being typed, cleared) is still of the same model and
    // provider: what they make (the shapes, the sizes, the references) stays shown while the problem is said.
    const same = `${request.provider} ${request.model} ${request.endpoint ?? ''}`;
    if (this.capability) this.#capabilityFor = same;
    else if (this.#capabilityFor === same) this.capability = kept;
  }

  hostConnected() {
    // A bound raised by a charge above it, by any widget of this page or in another tab, is quoted at once here too.
    hearBounds(this.#boundRaised);
  }

  hostDisconnected() {
    this.#askedFrom = this.#liveFrom; // asked for but not yet loaded (the work is skipped while disconnected): again
    toldOfBounds.delete(this.#boundRaised);
  }

  /** Prices again where a bound the host's storage key keeps was raised (every key's, on this page: a cheap read). */
  readonly #boundRaised = (event: Event) => {
    const storageKey = this.#source.storageKey?.();
    if (storageKey === undefined) return;
    if (event instanceof StorageEvent && event.key !== boundsItem(storageKey)) return;
    this.#host.requestUpdate();
  };

  hostUpdated() {
    const { quote } = this;
    const key = quote ? JSON.stringify(quote) : '';
    if (quote && key !== this.#announced) emit(this.#host, 'userpays-quote', quote);
    this.#announced = key;
  }

  #loadCatalogue(provider: ProviderId, where: string, from: string, access: LiveAccess, named: string) {
    let endpoint: string;
    try {
      endpoint = checkEndpoint(where);
    } catch {
      return; // an endpoint the page may not contact: the bundled prices apply (a submission says what is wrong)
    }
    if (from === this.#liveFrom) return;
    this.#liveFrom = from;
    // The live prices come with the provider's adapter; until then (or if it cannot load) the bundled ones apply.
    loadEngine()
      .then((engine) => engine.liveBook(provider, endpoint, access))
      .then((live) => {
        if (from !== this.#liveFrom) return; // the provider or endpoint changed meanwhile
        this.#live = live;
        this.#liveFor = `${provider} ${named}`;
        this.#host.requestUpdate();
      })
      .catch(() => {});
  }
}
