import type { PriceSource } from '../../base/types.js';
import Decimal from 'decimal.js';
import { referenceRule, type Lifecycle, type PriceEntry, type ProviderPrices } from '../../pricing/index.js';
import { endsUpstream } from '../model-facts.js';

/**
 * The models fal sells on the user's own key at one price per image (SPEC §12): the families besides FLUX, and FLUX 3
 * Image. Each at one of fal's endpoints, billed per image at the unit price fal's pricing API answers the user's key
 * (`GET https://api.fal.ai/v1/models/pricing?endpoint_id=…` → `{ prices: [{ endpoint_id, unit_price, unit, currency
 * }], next_cursor, has_more }`, fal.ai/docs/platform-apis/v1/models/pricing: "Custom pricing or discounts may be
 * applied based on account status"). Read live before the click where the key may ask (the adapter's `livePrices`);
 * else these bundled unit prices, from each endpoint's model page, dated (prices.ts holds them with FLUX.2's;
 * live-prices.ts reads fal's). Nano Banana 2.1, which fal bills by tokens, is priced from fal's own figures per image
 * and never live: its token price says nothing per image until fal states each tier's tokens.
 *
 * Only the endpoints whose price and input fal's own sources state are here: Nano Banana Pro, Imagen 4 and
 * Qwen-Image are listed by fal (fal.ai/models/fal-ai/nano-banana-pro, …/imagen4/preview, …/qwen-image) but their
 * prices were found only in third parties' restatements, so they are not sold here yet.
 */

/** One model fal bills per image: its endpoint, the unit fal bills it by, the bundled unit price, and its entry. */
export interface FalFamily {
  /** fal's endpoint id: where it is submitted (the queue) and what the pricing API is asked for. */
  endpoint: string;
  /**
   * The billing unit the pricing API names; a live price in another unit is not used (the rule below assumes it).
   * `tokens`: fal bills the model by tokens, and neither a live price nor a count of billable units is read for it.
   */
  unit: 'image' | 'tokens';
  /** USD per unit, as bundled (the model page's price on `asOf`). */
  usd: string;
  /** Where the bundled price was read, and when (the families' `BUNDLED_ON` unless said). */
  page: string;
  asOf?: string;
  /** Where a model's price is by resolution tier: how many units each tier bills (Nano Banana 2's 0.75 to 2). */
  tiers?: Record<string, string>;
  /** When the model came to fal and when it goes, each with its source. */
  lifecycle?: Lifecycle;
  /** The price-book entry at `usd` per unit. */
  entry(usd: string): Omit<PriceEntry, 'source'>;
}

const MP = 1024 * 1024;
const NO_REFERENCES = referenceRule(0);
/**
 * Seedream's edit endpoints: "Presently, up to 10 image inputs are allowed. If over 10 images are sent, only the last
 * 10 will be used" (fal-ai/fal-js@381105e SeedDream45EditInput, SeedreamV5LiteEditInput): never more than 10 sent, so
 * that none is dropped in silence (the image to edit first among them).
 */
const SEEDREAM_REFERENCES = referenceRule(10);

/**
 * Seedream at fal, one flat price per image whatever its size, sent as `image_size: { width, height }` (ImageSize in
 * fal-ai/fal-js libs/client/src/types/endpoints.ts at 381105e). Offered by ratio, each made at a size both Seedreams
 * take under the stricter reading of their rules (below: sides 1920–4096, 2560×1440–3072² px in all), sides multiples
 * of 16, so that a size asked outside them (1024², the widget's default) is made at its ratio's, said, and priced the
 * same, never refused nor rescaled by fal in silence. 21:9 is not offered: no size of it has both sides in 1920–4096
 * within 3072² px.
 */
const SEEDREAM_MADE: Record<string, string> = {
  '1:1': '2048x2048',
  '4:3': '2560x1920',
  '3:4': '1920x2560',
  '3:2': '2880x1920',
  '2:3': '1920x2880',
  '16:9': '3408x1920',
  '9:16': '1920x3408',
};
const seedream = (usd: string): Omit<PriceEntry, 'source'> => ({
  rule: { kind: 'flat', unit: 'usd', perImage: usd },
  exact: true,
  sizes: { kind: 'ratios', ratios: Object.keys(SEEDREAM_MADE), pixels: 4 * MP, made: SEEDREAM_MADE, within: 0.1 },
  // Images sent go to its edit endpoint (edit-prices.ts), "up to 10 image inputs", at the same price per image.
  references: SEEDREAM_REFERENCES,
});

/**
 * Nano Banana 2 at fal (fal.ai/models/fal-ai/nano-banana-2/edit/llms.txt, "Pricing": "$0.08 per image … 2K and 4K
 * outputs will be charged at 1.5 times and 2 times the standard rate, respectively. 0.5K (512px) resolution outputs
 * will be charged at 0.75 times the standard rate"; web search and high thinking cost more, and the widget sends
 * neither): one flat price per image by `resolution` (NanoBanana2Input: "0.5K" | "1K" | "2K" | "4K", default "1K",
 * always sent), in US cents as the tier rule takes them. Its `aspect_ratio` (the same input type; the llms.txt lists
 * "auto", 21:9 … 9:16 and the extreme 4:1, 1:4, 8:1, 1:8): sent, never "auto" (the model's choice of shape).
 */
const TIERS: Record<string, string> = { '0.5K': '0.75', '1K': '1', '2K': '1.5', '4K': '2' };
/** Nano Banana's ratios at fal, each sent as `aspect_ratio`; the tier decides the size made (`tierScales`). */
const NANO_SIZES = {
  kind: 'ratios',
  ratios: '1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9 1:4 4:1 1:8 8:1'.split(' '),
  pixels: MP,
  // A size some 10% off every ratio is refused, not made at another shape.
  within: 0.1,
} as const;
const nanoBanana2 = (usd: string): Omit<PriceEntry, 'source'> => ({
  rule: {
    kind: 'tier',
    unit: 'usd',
    costs: Object.fromEntries(
      Object.entries(TIERS).map(([tier, times]) => [tier, new Decimal(usd).mul(times).mul(100).toFixed()]),
    ),
    qualities: Object.keys(TIERS),
    quality: '1K',
  },
  exact: true,
  // The tier decides the size made, as at Google (GEMINI_TIER_SCALES; the llms.txt's "0.5K (512px)"): else 4K would
  // say "1 MP" over a 4096×4096 image.
  sizes: { ...NANO_SIZES, tierScales: { '0.5K': 0.5, '1K': 1, '2K': 2, '4K': 4 } },
  references: NO_REFERENCES,
});

/**
 * Nano Banana 2.1 at fal (fal.ai/learn/tools/nano-banana-api): billed by tokens, "$35.294 per 1M" image-out tokens,
 * "≈ $0.040 at 1K, $0.134 at 4K", in US cents as the tier rule takes them. Not exact: fal's figures are rounded, and its
 * thinking may add to them. 2K is not offered: fal states no figure for it. Sent as Nano Banana 2 is (the same input:
 * `aspect_ratio`, `resolution` always sent), each tier making Google's size for it.
 */
const NANO_21_CENTS: Record<string, string> = { '1K': '4', '4K': '13.4' };
const nanoBanana21 = (): Omit<PriceEntry, 'source'> => ({
  rule: { kind: 'tier', unit: 'usd', costs: NANO_21_CENTS, qualities: Object.keys(NANO_21_CENTS), quality: '1K' },
  exact: false,
  sizes: { ...NANO_SIZES, tierScales: { '1K': 1, '4K': 4 } },
  references: NO_REFERENCES,
});

/**
 * FLUX 3 Image at fal (fal.ai/models/blackforestlabs/flux-3/text-to-image/llms.txt: "A 1K (1 MP) image costs … after
 * which a 1K image will cost $0.048", the launch offer having ended on 2026-10-08): its 1k class only, as fal prices no
 * other, sent as `resolution: '1k'` with the `aspect_ratio` nearest the size asked (BFL's list for the model: fal's own
 * input is documented nowhere found, so only these two fields and the prompt are sent). Each ratio is made at about 1 MP,
 * sides multiples of 16, the reading of BFL's classes in bfl/prices.ts. Not exact: a third party reads fal's bill as by
 * the megapixel, which these sizes may pass by a few percent.
 */
const FLUX3_RATIOS = '21:9 2:1 16:9 3:2 7:5 4:3 5:4 1:1 4:5 3:4 5:7 2:3 9:16 1:2 9:21'.split(' ');
const flux3 = (usd: string): Omit<PriceEntry, 'source'> => ({
  rule: { kind: 'flat', unit: 'usd', perImage: usd },
  exact: false,
  sizes: { kind: 'ratios', ratios: FLUX3_RATIOS, pixels: MP },
  references: NO_REFERENCES,
});

/** fal's family models, by our id (see above). */
export const FAL_FAMILIES: Record<string, FalFamily> = {
  // fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image ("Your request will cost $0.04 per image");
  // SeedDream45T2IInput: "Width and height must be between 1920 and 4096, or total number of pixels must be between
  // 2560*1440 and 4096*4096": both held to, the stricter reading.
  'seedream-4.5': {
    endpoint: 'fal-ai/bytedance/seedream/v4.5/text-to-image',
    unit: 'image',
    usd: '0.04',
    page: 'https://fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image',
    entry: seedream,
  },
  // fal.ai/models/fal-ai/bytedance/seedream/v5/lite/edit/llms.txt ("$0.035 per images"; fal's guide "How to Use
  // Seedream 5.0 Lite": "$0.035 per image … with flat pricing for both generation and editing"). Its size: "Total
  // pixels must be between 2560x1440 and 3072x3072. In case the image size does not fall within these parameters, the
  // image size will be adjusted to by scaling" (fal's API reference; fal-js says 4096x4096: the smaller is kept), so
  // only sizes inside are offered, never one fal would silently rescale (SEEDREAM_MADE). Its endpoint id has no
  // `fal-ai/` (fal-ai/fal-js libs/client/src/types/endpoints.ts at 381105e: `bytedance/seedream/v5/lite/text-to-image`).
  'seedream-5-lite': {
    endpoint: 'bytedance/seedream/v5/lite/text-to-image',
    unit: 'image',
    usd: '0.035',
    page: 'https://fal.ai/models/fal-ai/bytedance/seedream/v5/lite/edit',
    entry: seedream,
  },
  'gemini-3.1-flash-image': {
    endpoint: 'fal-ai/nano-banana-2',
    unit: 'image',
    usd: '0.08',
    page: 'https://fal.ai/models/fal-ai/nano-banana-2',
    tiers: TIERS,
    lifecycle: endsUpstream('gemini-3.1-flash-image', 'gemini-nano-banana-2.1'),
    entry: nanoBanana2,
  },
  // Released by Google on 2026-10-06 (Gemini API changelog, GA); fal's own day is not stated.
  'gemini-nano-banana-2.1': {
    endpoint: 'google/nano-banana-2.1',
    unit: 'tokens',
    usd: '0.000035294',
    page: 'https://fal.ai/learn/tools/nano-banana-api',
    asOf: '2026-11-27',
    lifecycle: {
      released: '2026-10-06',
      source: {
        name: 'Gemini API changelog',
        asOf: '2026-11-27',
        url: 'https://ai.google.dev/gemini-api/docs/changelog',
      },
    },
    entry: nanoBanana21,
  },
  // Released at fal with a launch offer that ended on 2026-10-08 (the llms.txt); BFL published the API on 2026-10-01
  // (third parties' date), the day taken here.
  'flux-3-image': {
    endpoint: 'blackforestlabs/flux-3/text-to-image',
    unit: 'image',
    usd: '0.048',
    page: 'https://fal.ai/models/blackforestlabs/flux-3/text-to-image/llms.txt',
    asOf: '2026-11-27',
    lifecycle: {
      released: '2026-10-01',
      source: {
        name: 'fal model page; FLUX 3 API publication as third parties date it',
        asOf: '2026-11-27',
        url: 'https://fal.ai/models/blackforestlabs/flux-3/text-to-image/llms.txt',
      },
    },
    entry: flux3,
  },
};

/** How many units the tier `quality` of `model` bills (Nano Banana 2's 2K: 1.5); 1 for a model without tiers. */
export const tierUnits = (model: string, quality?: string): string =>
  (quality && FAL_FAMILIES[model]?.tiers?.[quality]) || '1';

/** Where the bundled prices were read, and when. */
const BUNDLED_ON = '2026-11-25';

/** The entries at `usd` per unit (by our id, the bundled price where none is given), each with `source`. */
export function falFamilyPrices(usd: Record<string, string>, source?: PriceSource): ProviderPrices {
  const prices: ProviderPrices = {};
  for (const [id, family] of Object.entries(FAL_FAMILIES)) {
    const live = usd[id];
    prices[id] = {
      ...family.entry(live ?? family.usd),
      model: family.endpoint,
      ...(family.lifecycle && { lifecycle: family.lifecycle }),
      source:
        live && source
          ? source
          : { name: 'fal model page (bundled)', asOf: family.asOf ?? BUNDLED_ON, url: family.page },
    };
  }
  return prices;
}

/** fal's families at the bundled prices. */
export const families: ProviderPrices = falFamilyPrices({});
