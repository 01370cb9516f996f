import type { PriceSource, ProviderId } from '../base/types.js';
import {
  ASPECT_SIZES,
  FLUX11_SIZES,
  FLUX2_SIZES,
  REFERENCE_MAX_PIXELS,
  type Capability,
  type ReferenceRule,
  type SizeRule,
} from './capabilities.js';

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
  | { kind: 'puter'; unit: 'usd'; costs: Record<string, string> };

/** Whether a rule charges for reference images (a flat price includes them). */
export function billsReferences(rule: PriceRule): boolean {
  if (rule.kind === 'megapixel') return rule.inputs;
  if (rule.kind === 'per-megapixel') return !!rule.edit;
  return rule.kind === 'puter' && 'input_mp' in rule.costs;
}

export interface PriceEntry {
  rule: PriceRule;
  source: PriceSource;
  /** False where the provider may charge differently from the preview. */
  exact: boolean;
  /** Gateway fee taken at top-up, as a fraction ('0.05'): the money it takes is usage / (1 − fee). */
  topUpFee?: string;
  /** The sizes the provider makes of this model (see capabilities.ts); default: BFL's rules for FLUX.2. */
  sizes?: SizeRule;
  /** The reference images it takes; default: up to 4 (none at a gateway), resized to 4 MP. */
  references?: ReferenceRule;
  /** Gateways: the gateway's own name for the model; default `black-forest-labs/<our id>`. */
  model?: string;
  /**
   * Gateways: how this gateway wants the request, beside its price as `sizes` are. `path`: where under the endpoint
   * (default OpenAI's `/v1/images/generations`); `sizeAs`: the size as OpenAI's `size: "WxH"` (the default) or as
   * `width` and `height` (Together AI, which ignores `size`).
   */
  path?: string;
  sizeAs?: 'size' | 'width-height';
}

/** Model id → provider → price. */
export type PriceBook = Record<string, Partial<Record<ProviderId, PriceEntry>>>;

/** USD per BFL credit. */
export const CREDIT_USD = '0.01';

const BFL_DOCS: PriceSource = {
  name: 'BFL pricing docs',
  asOf: '2026-11-01',
  url: 'https://docs.bfl.ai/quick_start/pricing',
};

const MP = 1024 * 1024;
/** References resized to 4 MP, none required, `max` of them (the `input_image…` fields of the model's schema). */
const references = (max: number, more: Partial<ReferenceRule> = {}): ReferenceRule => ({
  max,
  maxPixels: REFERENCE_MAX_PIXELS,
  ...more,
});

/**
 * FLUX.2 at BFL: references `input_image` … `input_image_4` ([klein], Flux2KleinInputs) or … `input_image_8`
 * (Flux2Inputs, Flux2FlexInputs) in BFL's OpenAPI schema; output and references together at most 9 MP
 * (docs.bfl.ml/flux_2/flux2_image_editing: "[pro] up to 8 via API (9MP total limit)"; applied to every FLUX.2
 * model, the stricter reading where BFL says nothing).
 */
const bflMegapixel = (first: string, extra: string, maxReferences: number): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'credit', first, extra, inputs: true },
  source: BFL_DOCS,
  exact: true,
  sizes: FLUX2_SIZES,
  references: references(maxReferences, { totalPixels: 9 * MP }),
});

/** FLUX.1 at BFL, flat per image, with its size rule and references (the schemas of BFL's OpenAPI, named in the table). */
const bflFlat = (perImage: string, capability: Capability): PriceEntry => ({
  rule: { kind: 'flat', unit: 'credit', perImage },
  source: BFL_DOCS,
  exact: true,
  ...capability,
});

/**
 * fal, in USD, from each endpoint's model page (fal.ai/models/{endpoint id}, also its `/llms.txt`). Not exact:
 * fal reports no cost to check against, rounds reference images its own way, and sources disagree on
 * [klein] 4B (fal's [klein] guide of 2026-01 says $0.014/MP for the distilled model; the model page $0.005).
 */
const falSource = (path: string): PriceSource => ({
  name: 'fal model page',
  asOf: '2026-11-22',
  url: 'https://fal.ai/models/fal-ai/' + path,
});

/**
 * [klein] on fal: per MP of output; its /edit endpoint a higher price per MP of output and per reference, each
 * reference resized to 1 MP by fal ("Input images will be resized to 1MP", fal's klein 9B base edit page), at
 * most 4 ("A maximum of 4 images are allowed", Flux2Klein4bEditInput in fal-ai/fal-js
 * libs/client/src/types/endpoints.ts at 381105e): sent at 1 MP already.
 */
const falKlein = (size: string, perMp: string, edit: string): PriceEntry => ({
  rule: { kind: 'per-megapixel', unit: 'usd', perMp, edit },
  source: falSource('flux-2/klein/' + size),
  exact: false,
  sizes: FLUX2_SIZES,
  references: { max: 4, maxPixels: 1_000_000 },
});

/**
 * [pro], [flex], [max] on fal: BFL's shape in USD (first MP, each extra MP of output and of input), references
 * resized to 4 MP ("Input images counted as processed megapixel", fal's flux-2-max/edit page); fal states no
 * maximum count: BFL's 8.
 */
const falMegapixel = (path: string, first: string, extra: string): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'usd', first, extra, inputs: true },
  source: falSource(path),
  exact: false,
  sizes: FLUX2_SIZES,
  references: references(8),
});

/**
 * OpenRouter (`black-forest-labs/flux.2-*` through `POST /api/v1/chat/completions`), in USD, from each model's page
 * (openrouter.ai/black-forest-labs/{model}, "Pricing is as follows, per the docs"): [klein] 4B "$0.014 the first
 * generated megapixel, $0.001 each subsequent" (output only); [pro] $0.03 first, $0.015 each next, $0.015 per input
 * MP; [flex] "$0.06 for each megapixel on both input and output side"; [max] $0.07 first, $0.03 each next, $0.03 per
 * input MP. Megapixels counted as BFL counts them (every started 1024²): OpenRouter does not say how it counts, and
 * BFL's count is never lower. Not exact for that reason; but every reply carries `usage.cost`, the amount charged,
 * which is booked (providers/openrouter.ts). References are not sent through OpenRouter by the widget (none).
 * Sizes: an `aspect_ratio` of OpenRouter's documented list (openrouter.ai/docs/guides/overview/multimodal/
 * image-generation: 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9) at an `image_size` tier: "1K" (about
 * 1 MP) and "2K" (about 4 MP, kept under FLUX.2's 4 MP); "4K" is beyond what FLUX.2 makes, and OpenRouter names no
 * pixels for a tier ("Concrete pixel dimensions are derived per-provider"): the widget asks for the size it priced.
 */
const OPENROUTER_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'],
  pixels: MP,
  levels: [MP, 4_000_000],
};
const openRouter = (model: string, first: string, extra: string): PriceEntry => ({
  rule: { kind: 'megapixel', unit: 'usd', first, extra, inputs: false },
  source: {
    name: 'OpenRouter model page',
    asOf: '2026-11-23',
    url: 'https://openrouter.ai/black-forest-labs/' + model,
  },
  exact: false,
  sizes: OPENROUTER_SIZES,
  references: { max: 0, maxPixels: REFERENCE_MAX_PIXELS },
});

/**
 * BFL prices in credits; fal's in USD. Gateways (`openai`) have none here: the host page sets them, or the gateway's
 * host is one of GATEWAY_PRICE_BOOKS. BFL does not host FLUX.2 [dev] ("Local only", docs.bfl.ai/quick_start/pricing).
 */
export const BUILTIN_PRICE_BOOK: PriceBook = {
  'flux-2-klein-4b': {
    bfl: bflMegapixel('1.4', '0.1', 4),
    fal: falKlein('4b', '0.005', '0.01'),
    openrouter: openRouter('flux.2-klein-4b', '0.014', '0.001'),
  },
  'flux-2-klein-9b': { bfl: bflMegapixel('1.5', '0.2', 4), fal: falKlein('9b', '0.006', '0.011') },
  'flux-2-dev': {
    // fal-ai/flux-2 (fal-js libs/client/src/types/endpoints.ts at 381105e: Flux2Input "width and height must be
    // between 512 and 2048", Flux2EditInput "A maximum of 4 images"): $0.012 per MP of output and of each
    // reference, counted as BFL counts them (fal.ai/models/fal-ai/flux-2, as lumenfall.ai/models/fal/flux.2-dev cites it).
    fal: {
      ...falMegapixel('flux-2', '0.012', '0.012'),
      sizes: { kind: 'pixels', step: 16, min: 512, max: 2048 },
      references: references(4),
    },
  },
  'flux-2-pro': {
    bfl: bflMegapixel('3', '1.5', 8),
    fal: falMegapixel('flux-2-pro', '0.03', '0.015'),
    openrouter: openRouter('flux.2-pro', '0.03', '0.015'),
  },
  'flux-2-flex': {
    bfl: bflMegapixel('5', '5', 8),
    fal: falMegapixel('flux-2-flex', '0.05', '0.05'),
    openrouter: openRouter('flux.2-flex', '0.06', '0.06'),
  },
  'flux-2-max': {
    bfl: bflMegapixel('7', '3', 8),
    fal: falMegapixel('flux-2-max', '0.07', '0.03'),
    openrouter: openRouter('flux.2-max', '0.07', '0.03'),
  },
  // FluxKontextProInputs: aspect_ratio, input_image … input_image_4 (2–4 "experimental multiref").
  'flux-kontext-pro': { bfl: bflFlat('4', { sizes: ASPECT_SIZES, references: references(4) }) },
  'flux-kontext-max': { bfl: bflFlat('8', { sizes: ASPECT_SIZES, references: references(4) }) },
  // FluxPro11Inputs: width/height 256–1440, multiples of 32; one `image_prompt`.
  'flux-pro-1.1': { bfl: bflFlat('4', { sizes: FLUX11_SIZES, references: references(1) }) },
  // FluxUltraInput: aspect_ratio; one `image_prompt`.
  'flux-pro-1.1-ultra': { bfl: bflFlat('6', { sizes: ASPECT_SIZES, references: references(1) }) },
  // FluxProFillInputs: `image` required, the output takes its size.
  'flux-pro-1.0-fill': {
    bfl: bflFlat('5', { sizes: { kind: 'input' }, references: references(1, { required: true }) }),
  },
};

/**
 * Hugging Face (`huggingface`): the router sends each model to fal (`/fal-ai/{model}`, the `model` here) and bills the
 * user what fal charges, "with no markup from Hugging Face" (huggingface.co/docs/inference-providers/pricing): fal's
 * price per MP of output, MP as fal counts them (started 1024² MP): fal.ai/models/fal-ai/flux/schnell $0.003,
 * fal-ai/flux/dev $0.025; FLUX.2 as the `fal` entries above ([dev] $0.012 the first MP and each next, so per MP). fal
 * documents no size limit for FLUX.1: held to FLUX1.1 [pro]'s (stricter). Text to image only (no references through
 * the router). Not exact: neither HF nor fal reports the charge.
 */
const HF: [string, string, string, SizeRule?][] = [
  ['flux-2-klein-4b', 'flux-2/klein/4b', '0.005', FLUX2_SIZES],
  ['flux-2-dev', 'flux-2', '0.012', BUILTIN_PRICE_BOOK['flux-2-dev'].fal!.sizes],
  ['flux-1-schnell', 'flux/schnell', '0.003'],
  ['flux-1-dev', 'flux/dev', '0.025'],
];
for (const [id, model, perMp, sizes = FLUX11_SIZES] of HF) {
  (BUILTIN_PRICE_BOOK[id] ??= {}).huggingface = {
    rule: { kind: 'per-megapixel', unit: 'usd', perMp },
    source: {
      name: 'fal prices, through Hugging Face',
      asOf: '2026-11-23',
      url: 'https://fal.ai/models/fal-ai/' + model,
    },
    exact: false,
    sizes,
    references: { max: 0, maxPixels: REFERENCE_MAX_PIXELS },
    model: 'fal-ai/' + model,
  };
}

/**
 * Replicate's FLUX models take an aspect ratio from this list and make about 1 MP (`resolution: 1 MP`) whatever
 * pixel size is asked; Puter reduces the `ratio {w, h}` it is sent to `"w:h"` by their gcd and passes it on
 * (HeyPuter/puter src/backend/drivers/ai-image/providers/replicate/ReplicateImageGenerationProvider.ts l.228-231,
 * l.334-346, at 8307e8c; the list is Replicate's input schema, as in Puter's replicate/catalog.ts). Any other
 * ratio comes back as a 400 `upstream_bad_request`.
 */
const REPLICATE_SIZES: SizeRule = {
  kind: 'ratios',
  ratios: ['1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'],
  pixels: MP,
};

/**
 * Together AI rounds each side to a multiple of 8, at least 64, makes and bills that size; it takes one input
 * image (a second in `input_images` is dropped, more are refused), and Puter's Kontext models require one
 * (TogetherImageProvider.ts l.336-341 and l.94-101, inputImage.ts l.53-66).
 */
const TOGETHER_SIZES: SizeRule = { kind: 'snapped', step: 8, min: 64 };
const togetherReferences = (required = false) => references(1, required ? { required } : {});

/**
 * Puter (the default provider): our model id → the `costs` its catalogue lists (a copy of `GET https://api.puter.com/puterai/image/models/details`, as recorded from
 * HeyPuter/puter@8307e8c in test/recorded/puter/models-details.json), and what it makes of the model (Puter's own ids for them, which only the engine needs, are PUTER_IDS in
 * puter-catalogue.ts). Replicate
 * serves [klein] 4B, [klein] 9B base, [dev], [pro] and FLUX1.1 [pro] (references: `images` ≤ 4, `input_images` ≤ 4
 * for [dev] and ≤ 8 for [pro], `image_prompt` 1), Together AI [flex], [max] and Kontext; Ultra and Fill are not on
 * Puter. [dev] is billed at `costs_go_fast` (1.2¢ per MP, not 1.4¢): its `param_transforms` default `go_fast` to
 * true, and ReplicateImageGenerationProvider.ts (#applyTransforms, #resolveCosts) bills the fast costs then. The
 * widget lays the live catalogue over these costs. Not exact: Together bills the pixel pair Puter passes before it
 * snaps it (TogetherImageProvider.ts l.141-148), and the live catalogue may have moved since this copy; so the drop
 * of the user's balance is booked where it is known (providers/puter.ts).
 */
export const PUTER_MODELS: Record<string, { costs: Record<string, string> } & Capability> = {
  'flux-2-klein-4b': {
    costs: { input_mp: '0.1', output_mp: '0.1' },
    sizes: REPLICATE_SIZES,
    references: references(4),
  },
  'flux-2-klein-9b-base': {
    costs: { input_mp: '1.1', output_mp: '1.1' },
    sizes: REPLICATE_SIZES,
    references: references(4),
  },
  // Replicate's flux-2-dev schema: `input_images` "Maximum 4 images" (replicate.com/black-forest-labs/flux-2-dev/api).
  'flux-2-dev': {
    costs: { input_mp: '1.2', output_mp: '1.2' },
    sizes: REPLICATE_SIZES,
    references: references(4),
  },
  'flux-2-pro': {
    costs: { run: '1.5', input_mp: '1.5', output_mp: '1.5' },
    sizes: REPLICATE_SIZES,
    references: references(8),
  },
  'flux-2-flex': {
    costs: { 'per-image': '3' },
    sizes: TOGETHER_SIZES,
    references: togetherReferences(),
  },
  'flux-2-max': {
    costs: { '1MP': '7' },
    sizes: TOGETHER_SIZES,
    references: togetherReferences(),
  },
  'flux-kontext-pro': {
    costs: { '1MP': '4' },
    sizes: TOGETHER_SIZES,
    references: togetherReferences(true),
  },
  'flux-kontext-max': {
    costs: { '1MP': '8' },
    sizes: TOGETHER_SIZES,
    references: togetherReferences(true),
  },
  'flux-pro-1.1': {
    costs: { output: '4' },
    sizes: REPLICATE_SIZES,
    references: references(1),
  },
};

/** The `puter` price entry of a model: Puter catalogue `costs` (bundled or live) with what Puter makes of it. */
export const puterEntry = (id: string, costs: Record<string, string>, source: PriceSource): PriceEntry => ({
  rule: { kind: 'puter', unit: 'usd', costs },
  source,
  exact: false,
  sizes: PUTER_MODELS[id].sizes,
  references: PUTER_MODELS[id].references,
});
for (const id in PUTER_MODELS) {
  (BUILTIN_PRICE_BOOK[id] ??= {}).puter = puterEntry(id, PUTER_MODELS[id].costs, {
    name: 'Puter model catalogue (bundled)',
    asOf: '2026-11-22',
    url: 'https://api.puter.com/puterai/image/models/details',
  });
}

/**
 * Together AI (`/v1/images/generations`, OpenAI's shape but the size as `width` and `height`: it ignores `size`, so
 * an image asked for as `size` comes back 1024×1024; test/recorded/together-flux-2-max.json): its FLUX.2 prices
 * as Puter's catalogue passes them on for the models it serves through Together (recorded from HeyPuter/puter@8307e8c,
 * providers/together/models.ts): [dev] 1.54¢, [pro] and [flex] 3¢ per image, [max] 7¢ per million pixels of output
 * (TogetherImageProvider.ts l.141-148). Not exact: Together reports no cost, and this is Puter's copy of its prices.
 * Gateways make FLUX.2 at BFL's sizes and take no references from the widget (`defaultCapability`).
 */
const together = (model: string, rule: PriceRule): PriceEntry => ({
  rule,
  source: {
    name: 'Together AI prices, as Puter lists them',
    asOf: '2026-11-22',
    url: 'https://www.together.ai/pricing',
  },
  exact: false,
  model: 'black-forest-labs/FLUX.2-' + model,
  sizeAs: 'width-height',
});
const perImage = (usd: string): PriceRule => ({ kind: 'flat', unit: 'usd', perImage: usd });
const TOGETHER: PriceBook = {
  'flux-2-dev': { openai: together('dev', perImage('0.0154')) },
  'flux-2-pro': { openai: together('pro', perImage('0.03')) },
  'flux-2-flex': { openai: together('flex', perImage('0.03')) },
  'flux-2-max': { openai: together('max', { kind: 'per-megapixel', unit: 'usd', perMp: '0.07', mp: 1e6 }) },
};

/**
 * Gateways whose prices are known, by host: laid over the price book when `endpoint` names that host. Any
 * other gateway needs the page's own prices (the widget never guesses).
 */
export const GATEWAY_PRICE_BOOKS: Record<string, PriceBook> = {
  // AIgateway's price page for FLUX.2 [klein] 9B: "$0.040 per image … plus a 5% platform fee applied at credit
  // top-up"; OpenAI-compatible at https://api.aigateway.sh/v1 with model "black-forest-labs/flux-2-klein-9b".
  'api.aigateway.sh': {
    'flux-2-klein-9b': {
      openai: {
        rule: perImage('0.040'),
        topUpFee: '0.05',
        source: { name: 'AIgateway price page', asOf: '2026-11-01' },
        exact: true,
        model: 'black-forest-labs/flux-2-klein-9b',
      },
    },
  },
  'api.together.xyz': TOGETHER,
  // DeepInfra's FLUX.2 [dev] page: "$0.01 x (width / 1024) x (height / 1024) x (iters / 28)", served at
  // https://api.deepinfra.com/v1/openai/images/generations, answering `b64_json` only. The widget sends no step
  // count: priced at the 28 the formula is written for, so not exact.
  'api.deepinfra.com': {
    'flux-2-dev': {
      openai: {
        rule: { kind: 'per-megapixel', unit: 'usd', perMp: '0.01', mp: 1024 * 1024 },
        source: {
          name: 'DeepInfra model page',
          asOf: '2026-11-22',
          url: 'https://deepinfra.com/black-forest-labs/FLUX-2-dev',
        },
        exact: false,
        model: 'black-forest-labs/FLUX-2-dev',
        path: '/v1/openai/images/generations',
      },
    },
  },
};

/** The built-in prices (or `base`) with those of the gateway at `endpoint`'s host laid over them, if known. */
export function priceBookFor(endpoint: string | undefined, base: PriceBook = BUILTIN_PRICE_BOOK): PriceBook {
  let host = '';
  try {
    host = endpoint ? new URL(endpoint).host : '';
  } catch {
    // not a URL: no gateway prices (a submission says what is wrong with the endpoint)
  }
  return Object.hasOwn(GATEWAY_PRICE_BOOKS, host) ? mergePriceBook(base, GATEWAY_PRICE_BOOKS[host]) : base;
}

/** `override` wins per model and provider; neither argument is changed. */
export function mergePriceBook(base: PriceBook, override?: PriceBook | null): PriceBook {
  const merged: PriceBook = { ...base };
  for (const id in override) merged[id] = { ...base[id], ...override[id] };
  return merged;
}
