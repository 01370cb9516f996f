import type { EditKind, PriceSource, ProviderId } from '../base/types.js';
import type { ReferenceRule, SizeRule } from './capabilities.js';
import { clock } from '../base/clock.js';
import { retired, type Lifecycle } from './lifecycle.js';
import { MODELS } from './models.js';

/**
 * The price book's shape and the machinery that reads it; the prices themselves are each provider's, in its folder
 * (src/providers/<id>/prices.ts, each entry with its source), put together by src/providers/registry/prices.ts.
 */

export type PriceRule =
  /** BFL FLUX.2: first + (MP(out) − 1) × extra, plus Σ MP(ref) × extra when `inputs` (MP as in `megapixels()`). */
  | { kind: 'megapixel'; unit: 'credit' | 'usd'; first: string; extra: string; inputs: boolean }
  /** FLUX.1 on BFL, OpenAI-compatible gateways: the same price whatever the size. */
  | { kind: 'flat'; unit: 'credit' | 'usd'; perImage: string }
  /**
   * fal: perMp × MP(output), MP as BFL counts them (`megapixels()`). With reference images and `edit` set (fal's FLUX.2 [klein]
   * edit endpoints): `edit` × (MP(output) + 1 per reference image, as fal resizes each to 1 MP). With `mp`, the
   * output's area exactly instead, w·h / `mp`, not rounded (gateways: DeepInfra's "$0.01 × (width / 1024) × (height /
   * 1024)", `mp` 1048576; Together AI's price per million pixels, `mp` 1000000).
   */
  | { kind: 'per-megapixel'; unit: 'usd'; perMp: string; edit?: string; mp?: number }
  /**
   * Puter: its image catalogue's `costs`, in US cents (decimal strings; the live catalogue's JSON numbers are read
   * through their decimal text). Replicate-served models: `run` + `output_mp`
   * (for the 1 MP they make whatever the size) or `output`, plus `input_mp` per started MP (10⁶ px) of each
   * reference image; Together's: `per-image`, or `1MP` × the output's megapixels (w·h / 10⁶, not rounded).
   */
  | { kind: 'puter'; unit: 'usd'; costs: Record<string, string> }
  /**
   * Tokens (OpenAI's GPT Image, SPEC §12): USD per million tokens (`TokenRates`) of the prompt's text, the image made
   * (its tokens fixed by quality and size: `imageTokens`) and any text the model writes besides. The image's tokens are
   * known before the call; the prompt's only roughly (a token per 4 bytes expected, at most one per byte) and the text
   * written not at all: the quote is then the expected total and `atMost`, the most it can come to, with the text
   * written at `textCeiling` tokens (where the request cannot cap it, a stated ceiling; its reasoning beside the data).
   */
  | {
      kind: 'tokens';
      unit: 'usd';
      rates: TokenRates;
      /** The qualities the model takes, in order (`imageTokens` lists one count per quality, in this order). */
      qualities: readonly string[];
      /** The quality priced and sent where the request names none: never left to the provider's default. */
      quality: string;
      imageTokens: ImageTokens;
      /**
       * Where the image's tokens are not known before the call (GPT Image 2.5 and 2.6: no published rule), `imageTokens`
       * is what is expected and this many times it the most the image can take: a stated ceiling, beside its reason.
       */
      imageMost?: number;
      textCeiling: number;
      /**
       * Each image sent (to edit, or as a reference), where the model bills it as image tokens and no published rule
       * counts them (GPT Image: SPEC §13): about `expected` and at most `most` tokens per started 1024² of it, a stated
       * ceiling beside its sources (`perImage`: per image, whatever its size, as Gemini counts them). An edit's mask is
       * priced as at most one more such image, none expected.
       */
      inputTokens?: InputTokens;
    }
  /**
   * One flat price per image by the tier that the request's `quality` names (SPEC §12): `costs` by quality, in US cents
   * (`usd`) or in credits (`credit`: BFL's, a cent each). Puter's catalogue keys them (Together's `per-tier` Gemini,
   * xAI's `output:1k`, a per-image price the same at each quality); OpenRouter's and fal's tiers, and FLUX 3's
   * resolution classes at BFL, are priced the same way. Priced by src/pricing/tiers.ts.
   */
  | {
      kind: 'tier';
      unit: 'usd' | 'credit';
      costs: Record<string, string>;
      /** The qualities the model takes, each with its cost. */
      qualities: readonly string[];
      /** The quality priced and sent where the request names none: never left to the provider's default. */
      quality: string;
    };

/**
 * The tokens of each image sent to a model that bills them in tokens: about `expected`, at most `most`, per started
 * 1024² of it, or per image whatever its size (`perImage`: Gemini 3 counts an image by its media resolution).
 */
export interface InputTokens {
  expected: number;
  most: number;
  perImage?: true;
}

/** USD per million tokens, as decimal strings. `textOut` absent: the model writes no text (its image rate applies). */
export interface TokenRates {
  textIn: string;
  imageIn: string;
  imageOut: string;
  textOut?: string;
}

/**
 * The tokens of the image made, by quality: a table by size (`'1024x1024': [low, medium, high]`, GPT Image 1, 1.5,
 * 1-mini), or gpt-image-2's rule, `ceil(f·s·(2,000,000 + W·H) / 4,000,000)` with `f` per quality (`perSide`) on the
 * long side and `s = round(f · short / long)`, or one count per quality whatever the shape (`byQuality`: Gemini's
 * resolution tiers, 1K / 2K / 4K), with, where a source gives a larger count than the one expected, the largest any
 * gives per quality (`most`): the image's tokens are then a bound, about the one and at most the other.
 */
export type ImageTokens =
  | { bySize: Record<string, readonly number[]> }
  | { perSide: readonly number[] }
  | { byQuality: readonly number[]; most?: readonly number[] };

/** The image tokens of a maker's tokens rule (`gptImage`, `gemini`) at some of its qualities only, in their order. */
export function imageTokensAt(rule: Extract<PriceRule, { kind: 'tokens' }>, qualities: readonly string[]): ImageTokens {
  const at = (counts: readonly number[]) => qualities.map((quality) => counts[rule.qualities.indexOf(quality)]);
  const tokens = rule.imageTokens;
  if ('bySize' in tokens) {
    return { bySize: Object.fromEntries(Object.entries(tokens.bySize).map(([size, counts]) => [size, at(counts)])) };
  }
  if ('perSide' in tokens) return { perSide: at(tokens.perSide) };
  return { byQuality: at(tokens.byQuality), ...(tokens.most && { most: at(tokens.most) }) };
}

/** Whether a rule charges for reference images (a flat price includes them). */
export function billsReferences(rule: PriceRule): boolean {
  if (rule.kind === 'megapixel') return rule.inputs;
  if (rule.kind === 'per-megapixel') return !!rule.edit;
  // Images billed as tokens (GPT Image, Gemini), once the edits' facts have said how many each takes.
  if (rule.kind === 'tokens') return !!rule.inputTokens;
  return rule.kind === 'puter' && 'input_mp' in rule.costs;
}

/**
 * What the images sent cost where the model's rule prices none of them (SPEC §13), in USD: `usd` for each image, for
 * each started megapixel (10⁶ px) of each image, or once for the request whenever it sends any (`per: 'request'`: a
 * model whose edit is priced apart from its image from text, Pollinations' Qwen-Image).
 */
export interface InputPrice {
  per: 'image' | 'megapixel' | 'request';
  usd: string;
}

export interface PriceEntry {
  rule: PriceRule;
  /** When the model came and when it goes, on this path; absent where the provider has announced nothing. */
  lifecycle?: Lifecycle;
  source: PriceSource;
  /** False where the provider may charge differently from the preview. */
  exact: boolean;
  /** Gateway fee taken at top-up, as a fraction ('0.05'): the money it takes is usage / (1 − fee). */
  topUpFee?: string;
  /**
   * What the provider adds for the site, as a fraction of the price ('0.25'), where the site's own key has the
   * provider's developer earnings on (the request's `earnings`): the user pays usage × (1 + share), the share on a line
   * of its own (Pollinations).
   */
  earningsShare?: string;
  /** The sizes the provider makes of this model (see capabilities.ts); default: BFL's rules for FLUX.2. */
  sizes?: SizeRule;
  /** The reference images it takes; default: up to 4 (none at a gateway), resized to 4 MP. */
  references?: ReferenceRule;
  /**
   * The kinds of edit it makes of its first reference (SPEC §13), where it makes any: an instruction over the whole
   * image, a repaint of what is painted (a mask sent beside it), an erase of what is painted (a mask, no prompt). The
   * built-in book states none: each provider's `edit-prices.ts` says them (`EditFacts`), in force once the edits'
   * pricing has loaded; a page's own entry may state them.
   */
  edits?: readonly EditKind[];
  /** What it makes of an extend (`EditFacts.extend`), where it extends. */
  extend?: ExtendFacts;
  /**
   * What the images sent cost where the rule prices none of them (xAI's `media_input` at Puter, an input line of an
   * OpenRouter endpoint, Grok's at Pollinations): from the provider's edit facts, or its live list's own.
   */
  inputPrice?: InputPrice;
  /** Gateways: the gateway's own name for the model; default `black-forest-labs/<our id>`. */
  model?: string;
  /**
   * Gateways: how this gateway wants the request, beside its price as `sizes` are. `path`: where under the endpoint
   * (default OpenAI's `/v1/images/generations`); `sizeAs`: the size as OpenAI's `size: "WxH"` (the default) or as
   * `width` and `height` (Together AI, which ignores `size`).
   */
  path?: string;
  sizeAs?: 'size' | 'width-height';
  /**
   * Puter: which of its providers serves the model (`provider` in `txt2img`), sent where an alias has several, since
   * Puter would otherwise take the first provider that registered it (ImageGenerationDriver.ts, #resolveModel).
   * OpenRouter: the endpoint's provider tag the request is pinned to.
   */
  via?: string;
  /**
   * OpenRouter: the endpoint pinned at each quality (resolution tier), where the tiers are served by different
   * endpoints (Gemini 3 Pro Image's 4K at AI Studio only); `via` for a quality it does not name.
   */
  viaByQuality?: Readonly<Record<string, string>>;
}

/**
 * What a model makes of the images sent to it at one provider, beside its price (SPEC §13): the kinds of edit it makes
 * and how the images it is sent are billed, where the first paint need not know it. Each provider's `edit-prices.ts`
 * states them, model by model, with their sources; they are laid on an entry (`withEditFacts`, edits-in-force.ts) by a
 * quote given them, once the edits' pricing has loaded, a moment after the first paint, which edits nothing.
 */
export interface EditFacts {
  /** The kinds of edit it makes (`PriceEntry.edits`). */
  edits?: readonly EditKind[];
  /** A token rule's `inputTokens`: the tokens each image sent takes, where no published rule counts them. */
  inputTokens?: InputTokens;
  /** What the images sent cost where the rule prices none of them (`PriceEntry.inputPrice`). */
  inputPrice?: InputPrice;
  /** Where it extends (`edits` has `extend`): how far a side may go, and whether it takes a prompt. */
  extend?: ExtendFacts;
}

/**
 * What a model makes of an extend (SPEC §13), beside its size rule (the new canvas is held to its `sizes`): `most`, how
 * many pixels one side may be extended by at most (fal's `expand_*`: 0–2048), where its provider says; `prompt`,
 * whether it takes an instruction for the new area at all (BFL's optional, "experimental" `prompt`; fal's outpaint has
 * no such field): where it takes none, a prompt typed is said not to be sent, never dropped in silence.
 */
export interface ExtendFacts {
  most?: number;
  prompt: boolean;
}

/** One provider's edit facts (its folder's edit-prices.ts): model id → what it makes of images sent. */
export type ProviderEditFacts = Record<string, EditFacts>;

/** Model id → provider → price. */
export type PriceBook = Record<string, Partial<Record<ProviderId, PriceEntry>>>;

/** One provider's entries of the built-in price book (its folder's prices.ts): model id → its price. */
export type ProviderPrices = Record<string, PriceEntry>;

/** USD per BFL credit. */
export const CREDIT_USD = '0.01';

/**
 * `book` with none of `provider`'s models but those its live list names (`listed`: their price-book ids, or the
 * provider's own, `PriceEntry.model`): a model the list does not name is not sold there now (SPEC §12). One the book
 * has shut down by `now` stays, never offered (its date), so that a page naming it is told what replaced it. The other
 * providers' entries are theirs, untouched; `book` is not changed.
 */
export function soldOnly(
  book: PriceBook,
  provider: ProviderId,
  listed: ReadonlySet<string>,
  now = clock.now(),
): PriceBook {
  const sold: PriceBook = {};
  for (const model in book) {
    const { [provider]: entry, ...others } = book[model];
    const kept =
      !entry || listed.has(model) || (entry.model && listed.has(entry.model)) || retired(entry.lifecycle, now);
    sold[model] = kept ? book[model] : others;
  }
  return sold;
}

/** `override` wins per model and provider; neither argument is changed. */
export function mergePriceBook(base: PriceBook, override?: PriceBook | null): PriceBook {
  const merged: PriceBook = { ...base };
  for (const id in override) merged[id] = { ...base[id], ...override[id] };
  return merged;
}

/**
 * The models `book` prices at `provider` and it still serves by `now` (the page's clock), in picker order, narrowed to
 * `wanted` (space-separated ids) if given.
 */
export function modelsIn(book: PriceBook, provider: ProviderId, wanted: string, now = clock.now()): string[] {
  const served = MODELS.filter((model) => {
    const entry = book[model.id]?.[provider];
    return entry && !retired(entry.lifecycle, now);
  }).map(({ id }) => id);
  const narrowed = wanted.split(/\s+/).filter(Boolean);
  return narrowed.length ? narrowed.filter((id) => served.includes(id)) : served;
}
