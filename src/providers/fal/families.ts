import type { PriceSource } from '../../base/types.js';
import Decimal from 'decimal.js';
import { referenceRule, type PriceEntry, type ProviderPrices } from '../../pricing/index.js';

/**
 * The model families besides FLUX that fal sells on the user's own key (SPEC §12), each at one of fal's endpoints,
 * billed per image at the unit price fal's pricing API answers the user's key (`GET https://api.fal.ai/v1/models/
 * pricing?endpoint_id=…` → `{ prices: [{ endpoint_id, unit_price, unit, currency }], next_cursor, has_more }`,
 * fal.ai/docs/platform-apis/v1/models/pricing: "Custom pricing or discounts may be applied based on account status").
 * Read live before the click where the key may ask (the adapter's `livePrices`); else these bundled unit prices, from
 * each endpoint's model page, dated (prices.ts holds them with FLUX's; live-prices.ts reads fal's).
 *
 * Only the endpoints whose price and input fal's own sources state are here: Nano Banana Pro, Imagen 4 and
 * Qwen-Image are listed by fal (fal.ai/models/fal-ai/nano-banana-pro, …/imagen4/preview, …/qwen-image) but their
 * prices were found only in third parties' restatements, so they are not sold here yet.
 */

/** One family model at fal: its endpoint, the unit fal bills it by, the bundled unit price, and its entry. */
interface FalFamily {
  /** fal's endpoint id: where it is submitted (the queue) and what the pricing API is asked for. */
  endpoint: string;
  /** The billing unit the pricing API names; a live price in another unit is not used (the rule below assumes it). */
  unit: 'image';
  /** USD per unit, as bundled (the model page's price on `asOf`). */
  usd: string;
  /** Its model page, where the bundled price was read. */
  page: string;
  /** The price-book entry at `usd` per unit. */
  entry(usd: string): Omit<PriceEntry, 'source'>;
}

const MP = 1024 * 1024;
const NO_REFERENCES = referenceRule(0);

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
  references: NO_REFERENCES,
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
  sizes: {
    kind: 'ratios',
    ratios: '1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9 1:4 4:1 1:8 8:1'.split(' '),
    pixels: MP,
    // A size some 10% off every ratio is refused, not made at another shape.
    within: 0.1,
    // The tier decides the size made, as at Google (GEMINI_TIER_SCALES; the llms.txt's "0.5K (512px)"): else 4K
    // would say "1 MP" over a 4096×4096 image.
    tierScales: { '0.5K': 0.5, '1K': 1, '2K': 2, '4K': 4 },
  },
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
    page: 'bytedance/seedream/v4.5/text-to-image',
    entry: seedream,
  },
  // fal.ai/models/fal-ai/bytedance/seedream/v5/lite/edit/llms.txt ("$0.035 per images"; fal's guide "How to Use
  // Seedream 5.0 Lite": "$0.035 per image … with flat pricing for both generation and editing"). Its size: "Total
  // pixels must be between 2560x1440 and 3072x3072. In case the image size does not fall within these parameters, the
  // image size will be adjusted to by scaling" (fal's API reference; fal-js says 4096x4096: the smaller is kept), so
  // only sizes inside are offered, never one fal would silently rescale (SEEDREAM_MADE).
  'seedream-5-lite': {
    endpoint: 'fal-ai/bytedance/seedream/v5/lite/text-to-image',
    unit: 'image',
    usd: '0.035',
    page: 'bytedance/seedream/v5/lite/edit',
    entry: seedream,
  },
  'gemini-3.1-flash-image': {
    endpoint: 'fal-ai/nano-banana-2',
    unit: 'image',
    usd: '0.08',
    page: 'nano-banana-2',
    entry: nanoBanana2,
  },
};

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
      source:
        live && source
          ? source
          : { name: 'fal model page (bundled)', asOf: BUNDLED_ON, url: 'https://fal.ai/models/fal-ai/' + family.page },
    };
  }
  return prices;
}

/** fal's families at the bundled prices. */
export const families: ProviderPrices = falFamilyPrices({});
