/**
 * The public shapes (see the README and docs/contract.md). Money is always an exact decimal string here;
 * inside the modules it is a `Decimal` until the moment it is formatted.
 */
/**
 * Every provider, by its id, with its name as a label shows it ("your BFL key"; the gateways have none of their own):
 * adding a provider's line here makes its id one of `ProviderId`, and the registry (src/providers/registry/registry.ts) then
 * asks for its folder. A name, not a sentence: a translation may still say it its own way (strings/words.ts).
 */
export const PROVIDER_NAMES = {
  puter: 'Puter',
  bfl: 'BFL',
  fal: 'fal',
  openai: 'gateway',
  openrouter: 'OpenRouter',
  huggingface: 'Hugging Face',
  pollinations: 'Pollinations',
  google: 'Google',
} as const;

export type ProviderId = keyof typeof PROVIDER_NAMES;

export interface Size {
  width: number;
  height: number;
}

/** What `UserPays.quote()` and `quoteFor()` take. */
export interface QuoteRequest {
  provider?: ProviderId;
  model: string;
  width?: number;
  height?: number;
  count?: number;
  /** Sizes of the reference images sent with the prompt (billed too on FLUX.2). */
  inputs?: Size[];
  /** Where the provider is: for gateways, whose known prices apply (see GATEWAY_PRICE_BOOKS). */
  endpoint?: string;
  /**
   * The prompt, where the model bills its tokens (GPT Image): the expected total counts about a token per 4 bytes of
   * it, `atMost` a token per byte (SPEC §12). Absent: an empty prompt.
   */
  prompt?: string;
  /** The model's quality tier where it has one (GPT Image `low` | `medium` | `high`); absent: the price book's default. */
  quality?: string;
  /**
   * The site's key has the provider's developer earnings on (`pollinations-earnings`): the user also pays the site's
   * share, where the provider has one (`PriceEntry.earningsShare`).
   */
  earnings?: boolean;
  /**
   * Where the request edits its first input (SPEC §13): a model is priced only for the kinds of edit it makes; an erase
   * takes no prompt.
   */
  edit?: PublicEdit;
}

export interface QuoteLine {
  label: string;
  /** USD, exact decimal string; the lines of a quote add up to its `total`. */
  amount: string;
  /** Where the line may vary (a quote with `atMost`): the most it can come to. Absent: the line is fixed. */
  atMost?: string;
}

export interface PriceSource {
  /** Where the price is from, in plain words, as the price details name it ("BFL pricing docs"). */
  name: string;
  /**
   * Where the price is not the provider's own statement but others' (UNVERIFIED, its entry's comment says why):
   * `resellers`, the prices of those who sell the model too; `others`, what third parties say the provider charges.
   * The price details say which, as an estimate, in words.
   */
  restated?: 'resellers' | 'others';
  asOf: string;
  url?: string;
  /**
   * Set on the bundled price where the provider's live list priced the model beyond reason (not a price, or far from
   * the bundled one: src/pricing/sane-prices.ts) and so was not used.
   */
  liveRefused?: true;
  /** On a quote, why its price is from this source where that is not the live list one would expect: in words. */
  why?: string;
}

export interface Quote {
  provider: string;
  model: string;
  count: number;
  currency: 'USD';
  /** Exact decimal string, e.g. "0.015"; never a float. */
  total: string;
  perImage: string;
  /** Output megapixels of one image, as the provider bills them. */
  outputMegapixels: number;
  /** Megapixels of all reference images of one image, as the provider bills them. */
  inputMegapixels: number;
  /**
   * Where reference images are billed: for each (in the order sent), its megapixels as billed per image and
   * what it adds to `total` (USD, for all `count` images; with a top-up fee, rounded up to a millionth).
   */
  references?: { megapixels: number; amount: string }[];
  /** Where the provider bills in credits (BFL: 1 credit = $0.01): credits for the whole submission. */
  credits?: string;
  lines: QuoteLine[];
  source: PriceSource;
  /** False where the provider may charge differently from the preview. */
  exact: boolean;
  /**
   * Where the price is a bound, not exact (a model billed by tokens, SPEC §12): the most the submission can cost (USD),
   * which budgets and balance checks use; `total` is then what it is expected to cost.
   */
  atMost?: string;
  /**
   * Set when the request cannot be sent as it is (a size the model cannot make, too many references, the
   * image to edit missing), in plain words: such a quote is never payable, and a submission is refused.
   */
  problem?: string;
  /** What the provider will make differently from what was asked (a size snapped, a reference resized). */
  note?: string;
}

export interface TallyModelSplit {
  spent: string;
  images: number;
  /** Of the model's charged requests, those that brought no image; absent when none. */
  paidFailures?: number;
}

export interface Tally {
  spent: string;
  images: number;
  /**
   * Charged requests that brought no image (a prompt declined after the charge, an image lost after it was paid
   * for): `spent` pays for them too. Absent when none.
   */
  paidFailures?: number;
  /** ISO 8601 time of the last reset (the session's start). */
  since: string;
  budget?: string;
  remaining?: string;
  /**
   * What may have been charged but is not known yet (a reply lost in flight), counted apart from `spent` and
   * against the budget; absent when nothing is uncertain.
   */
  uncertain?: string;
  byModel: Record<string, TallyModelSplit>;
}

export type ErrorCode =
  | 'invalid-input'
  | 'auth-required'
  | 'auth-failed'
  | 'insufficient-funds'
  | 'budget-exceeded'
  | 'storage-unavailable'
  | 'rate-limited'
  | 'moderated'
  | 'provider-error'
  | 'network'
  | 'timeout'
  | 'cancelled';

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

/**
 * How a charge is known: the provider's own figure (BFL's `cost`, OpenRouter's `usage.cost`, OpenAI's `usage` tokens at
 * the bundled rates), the quote (the provider reports none), what the account's balance moved by (a charge no reply
 * confirmed: docs/ledger.md), the quote's `atMost` (a price that is a bound, and no reply said what it came to), or
 * the provider's own record of the generation, read after the fact (a charge held uncertain: OpenRouter's).
 */
export type ChargeBasis = 'reported' | 'quote' | 'balance' | 'bound' | 'record';

/**
 * What an image cost, as its receipt says (part `receipt`, and the ledger's export): the quote, the charge and how it
 * is known (with the credits where the provider bills in credits), and what was left at the provider after it, in
 * USD, where the provider answered the page. Exact decimal strings.
 */
export interface Receipt {
  /** What the preview said the image would cost: where its price was a bound, what it was expected to cost. */
  quoted: string;
  /**
   * Where the price was a bound (`Quote.atMost`): the most the image could cost, USD. A charge up to it is within what
   * was quoted, however far from `quoted`.
   */
  most?: string;
  charged: string;
  basis: ChargeBasis;
  credits?: string;
  left?: string;
  /**
   * What the provider's own balance fell by across the image, where it was read before and after, nothing else of the
   * provider came between, and it says otherwise than `charged` (which stays as booked).
   */
  moved?: string;
  /**
   * What the provider reported the image cost where that was beyond reason (no amount, nothing for an image made, or
   * more than its path's rule allows: src/generation/report-check.ts), USD: not booked (`basis` is `bound`), kept here
   * for the record.
   */
  reported?: string;
}

/** The formats a provider may make an image in (SPEC §2, `output-format`). */
export type OutputFormat = 'jpeg' | 'png' | 'webp';

/**
 * The model's own controls as the page or the user set them (SPEC §2, §11), each absent for the provider's own default.
 * Sent only where the model takes it (`ModelControls`, src/providers/provider.ts), under the provider's own name; a
 * value out of the model's range, or of another kind, is refused in words (`invalid-input`) before anything is sent.
 */
export interface ModelSettings {
  /** Whether the provider may rewrite the prompt first (BFL `prompt_upsampling`, fal `enable_prompt_expansion`, Pollinations `enhance`). */
  enhancePrompt?: boolean;
  /** The provider's moderation level (BFL 0 strictest; fal 1 strictest). */
  safetyTolerance?: number;
  outputFormat?: OutputFormat;
  /** FLUX.2 [flex] and Fill: denoising steps. */
  steps?: number;
  /** FLUX.2 [flex] and Fill: how closely the image follows the prompt. */
  guidance?: number;
  /** FLUX1.1 [pro] Ultra: less processed, more natural-looking images. */
  raw?: boolean;
  /** FLUX1.1 [pro] Ultra: how much the reference image weighs against the prompt (0–1). */
  imagePromptStrength?: number;
}

export interface GeneratedImage {
  /**
   * A `blob:` URL of the persisted image; or, where the provider's host would not let the page read it (no
   * CORS, and no relay), the provider's own URL, which expires (`expiresAt`).
   */
  url: string;
  /** False for an image shown from the provider's URL: it is not saved in this browser. */
  saved: boolean;
  /** When the provider's link of an image not saved expires (ISO 8601), where known. */
  expiresAt?: string;
  width: number;
  height: number;
  seed?: number;
  /**
   * The prompt the provider says it made the image from, where it rewrote the one sent (BFL's `result.prompt` with
   * `prompt_upsampling`); absent where it did not, or does not say.
   */
  revisedPrompt?: string;
  /** What it cost: the quote, the charge and how it is known, what was left at the provider after it. */
  receipt?: Receipt;
}

export interface GenerationResult {
  images: GeneratedImage[];
  /** USD actually booked for this submission (the provider's reported cost where known). */
  charged: string;
  quote: Quote;
  /**
   * Where the submission edited one of the widget's images, or an image of the user's own that the widget keeps for its
   * edits (docs/editing.md, "Versions"): that image's id (its images are new versions of it).
   */
  editOf?: string;
}

/**
 * What the headless `UserPays.generate()` resolves to: the `userpays-result` event's detail. Each saved image's
 * `url` is a `blob:` URL made for the caller, who revokes it (`URL.revokeObjectURL`) when done with it.
 */
export interface GenerateResult extends GenerationResult {
  /**
   * With `count` > 1, when some images failed and others arrived (those are in `images`, and `charged` books every
   * image as the ledger did): the first failure, as `userpays-error` would say it. Absent when all arrived.
   */
  error?: ErrorDetail;
}

/**
 * The `userpays-bound` event's detail: a provider charged more for one image than the quote's "at most" allowed. What
 * it charged is booked as it reported it; from then on, that model at that size is quoted with a bound at least
 * `charged` (kept with the ledger, in every tab and visit of the same storage key).
 */
export interface BoundDetail {
  provider: string;
  model: string;
  /** The quality (or resolution tier, Gemini's `4K`) sent, where the model has one. */
  quality?: string;
  /** The size made, in pixels. */
  width: number;
  height: number;
  /** The most the quote allowed for one image, USD. */
  bound: string;
  /** What the provider charged for the dearest image of the submission, USD: the bound from now on. */
  charged: string;
}

export interface ProgressDetail {
  status: string;
  elapsedMs: number;
  /** 0–1 where the provider reports it. */
  progress?: number;
}

/**
 * What an edit does to its image (SPEC §13): follow an instruction over the whole image (`instruction`), repaint only
 * what the user painted (`mask`), remove what the user painted, with no prompt (`erase`), or make the canvas larger and
 * fill the new area around the image (`extend`, outpainting).
 */
export type EditKind = 'instruction' | 'mask' | 'erase' | 'extend';

/**
 * How far an extend (`EditKind` `extend`) makes the canvas larger on each side, in whole pixels of the image as sent:
 * none negative, at least one above 0. The new canvas is the image with these around it.
 */
export interface ExtendSides {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * What a provider says it keeps of an image it is sent (src/providers/registry/image-kept.ts, each with its source): what it
 * sends to be watched for abuse, for 30 or 55 days; an image on its own storage at an address anyone who has it can
 * open, for at least 7 days.
 */
export type ImageKept = 'abuse-logs-30-days' | 'abuse-logs-55-days' | 'public-address-7-days';

/**
 * An edit as a page asks for it (`generate({ edit })`, `UserPays.generate({ edit })`; SPEC §13): `image` a Blob, the id
 * of an image of the gallery (the result's `editOf` then names it) or its URL; `kind` follows the prompt over the whole
 * image (`instruction`), repaints what `mask` paints (`mask`), removes it, with no prompt (`erase`), or fills a larger
 * canvas around it (`extend`, how far each side in `extend`); `mask` a Blob of the image's size, white where painted;
 * `whole` sends the image at its full size where each input megapixel is billed.
 */
export interface EditInput {
  image: Blob | string;
  kind: EditKind;
  mask?: Blob;
  /** With `kind: 'extend'`: how far to extend each side, in whole pixels of the image. */
  extend?: ExtendSides;
  whole?: boolean;
}

/** An edit as events, receipts and the ledger say it: never its pixels. */
export interface PublicEdit {
  kind: EditKind;
  /** The image edited, by its gallery id, where it is one of the widget's (a file the user chose has none). */
  editOf?: string;
  /**
   * Send the image whole where the path bills each input megapixel (FLUX.2): by default it is sent at 1 MP at most,
   * the difference said in the quote's note.
   */
  whole?: boolean;
  /** An extend's sides (`kind: 'extend'`): the canvas made is the image with these around it. */
  extend?: ExtendSides;
  /**
   * Where the edit goes on with the conversation that made its image (Nano Banana at Google: the image and its earlier
   * turns are sent again): how many images the earlier turns send again besides the image edited, and the bytes of
   * their words, each priced as an input. The conversation itself stays with the image, in the gallery.
   */
  earlier?: { images: number; textBytes: number };
}

/** The request as events expose it: never carries a key. */
export interface PublicRequest {
  provider: ProviderId;
  model: string;
  prompt: string;
  width: number;
  height: number;
  count: number;
  seed?: number;
  inputs: Size[];
  /** The site's key earns the provider's developer share, which the user pays too (see `QuoteRequest.earnings`). */
  earnings?: boolean;
  /** The model's quality tier as sent, where it has one (GPT Image): the one asked, else the price book's. */
  quality?: string;
  /** The model's own controls as set; absent ones are the provider's defaults. */
  settings?: ModelSettings;
  /** Where the request edits an image (its first input): the kind of edit, and which image. */
  edit?: PublicEdit;
}

export interface SubmitDetail {
  quote: Quote;
  request: PublicRequest;
}
