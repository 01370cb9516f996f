import type Decimal from 'decimal.js';
import type { EditKind, ExtendSides, ModelSettings, OutputFormat, ProviderId } from '../base/types.js';
import type { PriceBook, PriceEntry, ProviderPrices, TokenRates } from '../pricing/index.js';
import type { Sentence } from '../strings/strings.js';
import type { OAuthAccount } from './sign-in.js';

/**
 * One provider, as the registry holds it (registry.ts): what the page knows of it without its adapter, its prices,
 * and its adapter, loaded on first use. Each is a file of the provider's folder (src/providers/<id>/).
 */
export interface ProviderEntry {
  /** What the elements know of it before its adapter loads (its folder's info.ts). */
  info: ProviderInfo;
  /** Its entries of the built-in price book (its folder's prices.ts). */
  prices: ProviderPrices;
  /**
   * Where the provider is whatever host the page names (OpenAI-compatible gateways): the prices known at some hosts,
   * by host, laid over `prices` when `endpoint` names that host. Any other host needs the page's own prices.
   */
  hostPrices?: Record<string, ProviderPrices>;
  /**
   * Its adapter module (its folder's adapter.ts), by `import()` only, so that rollup makes it (and what only it uses)
   * a chunk of its own, loaded when the provider is first used.
   */
  adapter(): Promise<AdapterModule>;
  /**
   * A reader of its live prices that loads without its adapter (its folder's live-prices.ts or live-models.ts), by
   * `import()` only: where a page shows those prices before anything is asked, a first visit loads the reader, not the
   * code that makes images. Without one, the adapter reads them (`Provider.livePrices`), if it does.
   */
  livePrices?(): Promise<LivePriceReader>;
}

/** What reads a provider's live prices: its adapter, or a reader of its own (`ProviderEntry.livePrices`). */
export type LivePriceReader = Required<Pick<Provider, 'livePrices'>>;

/** What an adapter module gives the registry: the provider's adapter, made once, when the module first loads. */
export interface AdapterModule {
  readonly provider: Provider;
}

/** What the widget knows of a provider without loading its adapter (the adapters load on first use). */
export interface ProviderInfo {
  /** True for providers paid with the user's own key or sign-in (all but Puter, which its SDK signs in to). */
  needsKey: boolean;
  /** The provider's public base URL, used when `endpoint` is not set ('' for gateways: the page names one). */
  defaultEndpoint(): string;
  /** Where the user adds funds, linked from a short-balance error. */
  fundsUrl?: string;
  /**
   * Its API answers web pages itself at `endpoint` ('' for the default one): CORS open, so every request goes
   * straight there even where the page sets `relay`, which is for the hosts that refuse pages (BFL's delivery, fal,
   * gateways): a relay would only be one more party to see the key, and one more header to pass on
   * (`relayFor` in catalog.ts). Absent: the relay, where the page sets one, carries every request.
   */
  answersPages?(endpoint: string): boolean;
  /** Where the user makes an API key, linked beside the key field ("Get a key"). */
  keyUrl?: string;
  /**
   * Whom the user pays where the page names no endpoint (the default one), where the provider's name is none of its own
   * (the `openai` provider, "gateway" elsewhere, is OpenAI at OpenAI's own API). A proper name, said as written in
   * every language.
   */
  ownName?: string;
  /** The user may sign in instead of pasting a key (OAuth PKCE: engine/oauth.ts); the key field stays. */
  signIn?: boolean;
  /**
   * The sign-in puts a spending cap on the key it gives (OpenRouter's `limit`): the widget asks the user for it before
   * leaving for the provider (part `grant`).
   */
  capsSignIn?: boolean;
  /** The key the sign-in gives lasts as many days as the user chooses in the same form (Pollinations' `expiry`). */
  expiresSignIn?: boolean;
  /** Where the user revokes a key a sign-in gave, linked beside the account line. */
  revokeUrl?: string;
  /**
   * It has live prices, which its adapter or a reader of its own reads (`Provider.livePrices`; registry/adapters.ts):
   * the quote switches to them when they come (with the user's key, where the price list answers only a key: fal's).
   */
  livePrices?: boolean;
  /**
   * More options shows its models' own controls (`Provider.controls`: the prompt's rewriting, the moderation level, the
   * format…), from the widget's controls part, loaded when the user opens More options (BFL, fal, Pollinations).
   */
  showsControls?: boolean;
}

/** A reference image the user attached; `dataUrl` is `data:image/(png|jpeg|webp);base64,…`. */
export interface ReferenceImage {
  dataUrl: string;
  width: number;
  height: number;
}

/**
 * An edit of the request's first input (`ProviderRequest.inputs[0]`, the image edited, as sent): its kind and, for
 * `mask` and `erase`, where the user painted; for `extend`, how far each side goes (the request's size is then the
 * image with these around it).
 */
export interface ProviderEdit {
  kind: EditKind;
  /** An extend's sides, in pixels of the image as sent. */
  extend?: ExtendSides;
  /**
   * Where the user painted, at exactly the size of the image as sent: a PNG, white (255) where painted, black (0)
   * elsewhere, nothing in between. Each adapter sends it as its provider takes a mask (BFL: so; OpenAI: a PNG whose
   * alpha is 0 where painted).
   */
  mask?: ReferenceImage;
}

/**
 * A part of a turn of a conversation with a model that keeps one (Nano Banana at Google: SPEC §13): words, or an image
 * as it was sent (its type and its bytes, base64), one the model made with the signature its reply gave it.
 */
export type TurnPart = { text: string } | { image: { mimeType: string; data: string }; signature?: string };

/** A turn of a conversation: the user's (words and images sent) or the model's (the image it made). */
export interface Turn {
  role: 'user' | 'model';
  parts: TurnPart[];
}

/**
 * The conversation that made an image, kept with it (its stored record, `StoredImage.conversation`) so that an edit of
 * it goes on with it: the model made it at `provider` (`model`, the price book's id), in answer to `turns` (every turn
 * before its own, the user's last), and gave it `signature` (Google's `thoughtSignature`), which must come back with it.
 */
export interface Conversation {
  provider: ProviderId;
  model: string;
  turns: Turn[];
  signature: string;
}

/** One provider call makes exactly one image. `count` is handled above the providers. */
export interface ProviderRequest {
  model: string;
  prompt: string;
  /** The size to make: already fitted to what the provider makes of the model (see pricing/capabilities.ts). */
  width: number;
  height: number;
  /** The aspect ratio to send, for a model the provider sizes by ratio. */
  ratio?: string;
  /** The quality tier to send, for a model that has one (GPT Image): always sent, never left to the default. */
  quality?: string;
  /**
   * How the provider wants the request, where the price book says (beside the price): its own name for the model
   * (a gateway's, fal's endpoint id), and a gateway's path and size fields.
   */
  wiring?: Wiring;
  seed?: number;
  /** Reference images, already resized to what the provider takes. */
  inputs?: ReferenceImage[];
  /** The model's own controls as set (`ModelSettings`): sent where the model takes them (`Provider.controls`). */
  settings?: ModelSettings;
  /** Where the request edits its first input: how (SPEC §13). */
  edit?: ProviderEdit;
  /**
   * Where the edit goes on with the conversation that made its first input (an image of the same model at the same
   * provider): that conversation, resent before the new turn, the first input as the model's last image (SPEC §13).
   */
  conversation?: Conversation;
}

/** A control that takes a number: its range, inclusive, and the provider's default. */
export interface ControlRange {
  min: number;
  max: number;
  default: number;
}

/**
 * The controls a model takes at a provider (`Provider.controls`), one for each of `ModelSettings` it takes (absent: it
 * does not, and a setting of it is not sent), with its range and the provider's default: data, each fact with its
 * source beside it in the adapter.
 */
export interface ModelControls {
  enhancePrompt?: { default: boolean };
  /** Whole numbers. */
  safetyTolerance?: ControlRange;
  /** The formats it makes, the provider's default first. */
  outputFormats?: OutputFormat[];
  /** Whole numbers. */
  steps?: ControlRange;
  guidance?: ControlRange;
  raw?: { default: boolean };
  imagePromptStrength?: ControlRange;
  /**
   * The same seed makes the same image again, as the model is used by default: false where the provider rewrites the
   * prompt unless told not to (its enhancement on by default), or does not honour `seed`.
   */
  seedReproduces: boolean;
  /** The provider charges for a result its moderation withholds (BFL: a task's credits go when it is accepted). */
  moderationCharged?: boolean;
}

/** What a price-book entry says of how its provider wants the request (see PriceEntry). */
export type Wiring = Pick<PriceEntry, 'model' | 'path' | 'sizeAs' | 'via'> & {
  /** A model billed by tokens: its rates, by which the adapter turns the reply's `usage` into what it charged. */
  rates?: TokenRates;
};

/** Enough to find an accepted task again (after a reload, for resume). JSON-serialisable. */
export interface ProviderTask {
  provider: ProviderId;
  id: string;
  /** Where to ask for the status (BFL `polling_url`, fal `status_url`). */
  pollingUrl?: string;
  /** fal: where the result is fetched. */
  responseUrl?: string;
  /** fal: where a cancel is sent. */
  cancelUrl?: string;
  /**
   * The endpoint it was accepted at (set by the pipeline): a resume asks there, with the key of that origin only,
   * whatever the page's `endpoint` says by then.
   */
  endpoint?: string;
}

/** What a provider reports it charged, in USD (and credits where it bills in credits). */
export interface Charge {
  usd: string;
  credits?: string;
  /**
   * Of `usd`, what the user paid the upstream provider on their own key, besides what OpenRouter charged (OpenRouter's
   * BYOK): booked with the rest, shown apart.
   */
  upstream?: string;
}

export interface ProviderProgress {
  /**
   * Short words for the user: "Queued (position 3)", "Generating", "Downloading image", said as a `Sentence` (one of
   * the widget's, or a provider's own words as they are) for the element to say in its language.
   */
  status: Sentence;
  /** 0–1 where the provider reports it. */
  progress?: number;
  /**
   * The status is a question the provider asks the user in a box of its own over the page (Puter's sign-in): the
   * element says it in its pinned row as well, which such a box leaves in view. Not part of `userpays-progress`.
   */
  asks?: true;
}

export interface RunContext {
  /** Base URL, already checked by `checkEndpoint()`. */
  endpoint: string;
  /** Never logged, never put in a URL; sent only to `endpoint`'s origin. */
  apiKey?: string;
  /** This site's sign-in made `apiKey`: no one but this site spends from it (a balance read around a call is its). */
  keyMadeBySignIn?: boolean;
  /**
   * The site's relay (checked by `checkRelay()`): every request goes through it (`routed()`; docs/relay.md). Unset
   * where the provider answers pages at `endpoint` (`ProviderInfo.answersPages`), whatever the page's `relay`.
   */
  relay?: string;
  signal: AbortSignal;
  onProgress?(progress: ProviderProgress): void;
  /** Called just before the request that may cost money leaves: from then on, a lost reply may mean a charge. */
  onSending?(): void;
  /** Called once the provider accepted the task, before any polling: the ledger keeps it for resume. */
  onAccepted?(task: ProviderTask, charge?: Charge): void;
  /** The provider has certainly charged for it (fal: the request completed; a gateway: it answered with an image). */
  onBilled?(): void;
  /** The provider has certainly not charged for it (fal: cancelled while still queued). */
  onUncharged?(): void;
  /**
   * The finished image's bytes are here, before they are measured (`imageSize` decodes them) and returned: a page
   * may start decoding them to show meanwhile. They may yet be refused. Must not throw.
   */
  onBytes?(blob: Blob): void;
  /** Polling policy override (tests, bench). */
  poll?: PollPolicy;
  /**
   * What is booked for this image where the reply reports no charge (USD: the quote per image, or its bound): an
   * adapter that reads a shared meter (Puter's) counts it as owed by the meter until the meter shows it.
   */
  quoted?: string;
}

export interface PollPolicy {
  /** First wait after submit, ms. */
  initialMs: number;
  /** Upper bound of one wait, ms. */
  maxMs: number;
  /** Give up (→ `timeout`) after this long, ms. */
  timeoutMs: number;
  /** After a fault, how long to wait before the balance is read again while it shows no charge yet; default 1000. */
  recheckMs?: number;
  /**
   * The earliest this kind of image has been ready here, ms after acceptance (learned: generation/durations.ts):
   * where the provider reports no progress, polls are sparse until then and dense after.
   */
  expectedMs?: number;
}

/**
 * A finished image: its bytes, or, where the host refused this page its bytes (no CORS), the provider's own URL
 * to show it from (an <img> needs no CORS) until the link expires. Exactly one of `blob` and `remote`.
 */
export interface ProviderImage {
  blob?: Blob;
  remote?: RemoteImage;
  width: number;
  height: number;
  seed?: number;
  /**
   * The prompt the provider says it made the image from, where that differs from the one sent (BFL's `result.prompt`
   * after `prompt_upsampling`). On a resume, where the prompt sent is not known here, whatever the provider said.
   */
  revisedPrompt?: string;
  /** The conversation that made it, where its model keeps one (Nano Banana at Google): an edit of it goes on with it. */
  conversation?: Conversation;
}

/** An image shown from the provider's URL, not saved in the browser. */
export interface RemoteImage {
  url: string;
  /** When the link stops working (ms since the epoch), where known. */
  expiresAt?: number;
}

/** What a key has left, where its provider says more than an amount (OpenRouter's `GET /api/v1/key`). */
export interface KeyBalance {
  /** What is left, in USD; undefined where it is unknown. */
  usd?: Decimal;
  /** The provider says the key has no spending cap of its own: what is left is unknown, and said so. */
  uncapped?: boolean;
  /** The key's spending cap, in USD, where it has one (OpenRouter's `limit`: what the user chose at sign-in). */
  cap?: Decimal;
  /**
   * What is left (`usd`) is what the key may still spend of a budget of its own, as of a cap whose size the provider
   * does not say (Pollinations' `pollenBudget`), not what its account holds: it says nothing of the account's credit.
   */
  ofKeyBudget?: boolean;
  /**
   * What the account (or the key) has spent so far, in USD, rising by exactly what each image is charged (BFL: its
   * credits left, negated; OpenRouter: the key's `usage`): read before an image is sent and after a fault, it settles
   * a charge no reply confirmed (ledger/balance-settlement.ts). Undefined where the provider says nothing that exact.
   */
  spent?: Decimal;
  /** When the key stops working (ms since the epoch), where the provider says (Pollinations' keys last the days chosen). */
  expiresAt?: number;
}

export interface ProviderOutcome {
  image: ProviderImage;
  /**
   * The other images the same call made and billed with `image` (a Gemini reply may carry several, its usage counting
   * them all): kept and shown beside it, their cost in `charge` already, booked once.
   */
  moreImages?: ProviderImage[];
  task: ProviderTask;
  /** The real charge where the provider reports it; otherwise the quote is booked. */
  charge?: Charge;
  /**
   * The provider, which reports what it charges, did not this time (BFL's `cost: null`): the quote is booked, and
   * the user is told so.
   */
  unreported?: boolean;
  /**
   * The provider reported a charge beyond its own rule for this request (fal: a count of billed units other than the
   * one image asked), USD as it would come to: not booked; the image is booked at its bound, uncertain, and the figure
   * kept in its receipt (generation/report-check.ts checks every other report the same way).
   */
  disbelieved?: string;
  /**
   * The day (`YYYY-MM-DD`) the provider says in its reply that it retires the model, where that is within a month
   * (Google's `modelStatus.retirementTime`): the user is told, so that no page meets the shutdown unwarned.
   */
  retiring?: string;
}

export interface Provider {
  readonly id: ProviderId;
  /** The provider's public base URL, used when `endpoint` is not set. */
  readonly defaultEndpoint: string;
  /** True for BYO-key providers (bfl, fal, openai). */
  readonly needsKey: boolean;
  /**
   * It may change pixels an edit's mask keeps (GPT Image repainted half of them: vercel/ai#14360): the pipeline lays
   * its result over the original through the mask, so that what the user did not paint stays the original's.
   */
  readonly softMasks?: boolean;
  /** Submit, wait, fetch the bytes. Rejects with `UserPaysError` only. */
  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome>;
  /**
   * The model's own controls here (SPEC §11: enhancement, moderation level, output format, [flex]'s steps and
   * guidance…), with their ranges and defaults; absent where the provider has none the widget sets.
   */
  controls?(model: string): ModelControls;
  /**
   * Refuses, in words (`invalid-input`), `settings` the model takes but not as given (out of its range, of another
   * kind): the pipeline asks before anything is booked or sent. What the model does not take is not refused (nor
   * sent). `generate` checks them again.
   */
  checkSettings?(model: string, settings?: ModelSettings): void;
  /** Pick up an accepted task after a reload, where the protocol allows it. */
  resume?(task: ProviderTask, context: RunContext): Promise<ProviderOutcome>;
  /**
   * What is left in the user's account at the provider, in USD, where the provider answers this page (or, for a key
   * with a spending cap of its own, what is left of the cap; `KeyBalance`); undefined (never an error) where it does
   * not, or the key may not ask.
   */
  balance?(context: Omit<RunContext, 'signal'> & { signal?: AbortSignal }): Promise<Decimal | KeyBalance | undefined>;
  /**
   * Its `balance` says what the account has spent, exactly (`KeyBalance.spent`): it is read before each submission is
   * sent, so that a charge no reply confirms can be settled from it (SPEC §5).
   */
  readonly tracksSpending?: boolean;
  /**
   * Its balance shows every charge of a request by the time the page hears that the request failed: it debits as it
   * accepts, before it replies (BFL). A lost reply whose balance then fell by exactly its price, with nothing else of
   * the provider under way, is booked as charged at once (docs/ledger.md, "Uncertain charges"). Unset where a charge
   * may show later than that (OpenRouter's and Pollinations' charge an image once it is made, which a lost reply leaves
   * open).
   */
  readonly debitsBeforeReply?: boolean;
  /** Where the user may sign in instead of pasting a key (OAuth PKCE; the flow is providers/engine/oauth.ts). */
  readonly account?: OAuthAccount;
  /**
   * The provider's own live list at `endpoint` (Puter's catalogue, Pollinations' model list, Google's and OpenAI's
   * models): its prices, to lay over the bundled ones, and which models it names; undefined where it does not answer
   * (the bundled book applies, by its dates, and the quote says which).
   */
  livePrices?(endpoint: string, access?: LiveAccess): Promise<LiveCatalogue | undefined>;
  /**
   * The provider's own record of one generation, by the id its reply gave (`ProviderTask.id`), read with the key after
   * the fact: what it charged, or that it charged nothing; or why it could not be read (`GenerationRecord`). Only a
   * provider that publishes such records has it (OpenRouter's `GET /api/v1/generation`); never an error.
   */
  generationRecord?(id: string, access: RecordAccess): Promise<GenerationRecord>;
  /**
   * What the provider says the key itself has spent in each of its own periods (OpenRouter's `GET /api/v1/key`), read
   * with the key; never an error. Only a provider that publishes this to the key has it.
   */
  keyUsage?(access: RecordAccess): Promise<KeyUsage>;
  /**
   * What the account signed in to the provider on this page says this site has spent with it this month, on every
   * device (Puter's `appTotals`, at `endpoint`); never an error, and never a sign-in of its own.
   */
  siteUsage?(endpoint: string): Promise<SiteUsage>;
}

/**
 * What a provider's account signed in on this page says this site spent in the current UTC month, USD, exact; or why it
 * could not be read: `signed-out` (no user signed in to it on this page), `credits` (the account counts in credits,
 * whose worth is not known), `no-site` (the reply does not say what this site spent), `unreadable` (offline, an error,
 * or a reply beyond reason).
 */
export type SiteUsage = { month: string } | { unread: 'signed-out' | 'credits' | 'no-site' | 'unreadable' };

/**
 * What a provider says its key spent, USD, exact, in the current period of each kind as the provider counts it (UTC
 * day, UTC week from Monday, UTC month: OpenRouter's own words for its `usage_daily/weekly/monthly`); or why it could
 * not be read: `key` (refused), `unreadable` (offline, an error, or a reply beyond reason).
 */
export type KeyUsage = { day: string; week: string; month: string } | { unread: 'key' | 'unreadable' };

/** Where and with what a provider's record of a generation is read: the key goes to `endpoint`'s origin alone. */
export interface RecordAccess {
  endpoint: string;
  apiKey: string;
  relay?: string;
  signal?: AbortSignal;
}

/**
 * A provider's record of a generation: what it charged (USD, exact), that it charged nothing, or why it could not be
 * read: `missing` (no record by that id for this key, or not yet), `key` (the key was refused), `byok` (it ran on the
 * user's own key at the upstream provider, whose charge the record does not settle), `unreadable` (offline, an error,
 * or a reply beyond reason).
 */
export type GenerationRecord =
  { charged: string } | { void: true } | { unread: 'missing' | 'key' | 'byok' | 'unreadable' };

/**
 * What a provider's live list says: `prices`, a price book to lay over the bundled one; `listed`, the ids of the
 * models the list names (price-book ids, or the provider's own: `PriceEntry.model`), where it names them all: a model
 * of the book it does not name is not sold there now, and is not offered (SPEC §12). A model the book has shut down
 * by the page's clock stays in the book whatever the list says, never offered (its date), so that a page naming it
 * is told what replaced it. Absent where the list speaks only of prices.
 */
export interface LiveCatalogue {
  prices: PriceBook;
  listed?: readonly string[];
  /** Models the list priced out of all range (`saneUsd`): the bundled price stands, its source saying why. */
  refused?: readonly string[];
}

/**
 * What a provider whose price list answers only its user's key (fal's pricing API) is asked with: the user's key and
 * the site's relay, as a submission would go. The others ignore it.
 */
export interface LiveAccess {
  apiKey?: string;
  /**
   * The relay in force for this provider at this endpoint, as `relayFor` (catalog.ts) gives it: '' where the provider
   * answers pages itself. A reader sends through it as given (the engine and the check decide it, never the reader).
   */
  relay?: string;
}
