import type { PriceSource } from '../../base/types.js';
import { referenceRule, type PriceEntry, type PriceRule, type ProviderPrices } from '../../pricing/index.js';
import { endsUpstream, gemini, gptImage } from '../model-facts.js';

/**
 * OpenRouter's other model families (SPEC §12), through its image API (`POST /api/v1/images`): each model's price is
 * one endpoint's `pricing` lines (`GET /api/v1/images/models/{author}/{slug}/endpoints`, no key: openrouter.ai/docs,
 * "Image Generation", "Per-Endpoint Records", as OpenRouterTeam/docs@c26125a guides/overview/multimodal/
 * image-generation.mdx has it; OpenRouterTeam/typescript-sdk@cb9393a src/models/imageendpoint.ts, imagepricingentry.ts:
 * `{billable: output_image | input_image | input_font | input_reference | input_text, unit: image | megapixel |
 * token, cost_usd, variant?}`, "an optional `variant` tier (e.g. `2k`, `4k` for resolution-tiered pricing)"), and the
 * request is pinned to that endpoint (`provider: {only: [provider_tag], allow_fallbacks: false}`: the same guide,
 * "Provider Routing"; `via` below), so that the line quoted is the line billed. What each reply says it cost,
 * `usage.cost`, is booked (adapter.ts).
 *
 * Read live where the page is (`liveFamilies`, from the adapter's `livePrices`); these are the bundled copy, dated,
 * where that read fails: OpenRouter "passes through the pricing of the underlying providers" (openrouter.ai/docs,
 * FAQ), so each is the model maker's own price (as src/providers/openai/families.ts, google/families.ts and
 * puter/families.ts cite them), in the lines' shape. The endpoint each is pinned to is the maker's own provider tag
 * as a recorded record writes it (`TAGS`, `GOOGLE_PINS` below).
 *
 * `cost_usd` is read as USD per one `unit` (an image, a megapixel, a token): no source says otherwise, and a token
 * line of $0.00003 is OpenAI's $30 per million. A megapixel is read as 10⁶ pixels of the output exactly (no source says
 * how OpenRouter counts them; the quote is then not exact, and `usage.cost` is booked). Images are sent (an edit's,
 * SPEC §13, and references) only to the models whose endpoint lists a line that bills them (`input_image`,
 * `input_reference`) and takes them (`supported_parameters.input_references`): `REFERENCES` below, and the live reader
 * by the endpoint it pins (live-prices.ts); what each makes of them is edit-prices.ts.
 *
 * Gemini's thinking: the image API's request has no field that caps it (ImageGenerationRequest: no `reasoning`, no
 * `max_tokens`), so its ceiling is the stated one (../model-facts.ts). No line bills text written (Billable has no
 * output text): its rate is the maker's, passed through, unless an endpoint lists an `output_text` token line.
 */
const SOURCE: PriceSource = {
  name: 'OpenRouter image endpoints (bundled)',
  asOf: '2026-11-25',
  url: 'https://openrouter.ai/docs/guides/overview/multimodal/image-generation',
};
const MP = 1024 * 1024;

/** A flat price per image by resolution tier, in US cents by the tier OpenRouter's `resolution` takes. */
const tiers = (costs: Record<string, string>): PriceRule => ({
  kind: 'tier',
  unit: 'usd',
  costs,
  qualities: Object.keys(costs),
  quality: Object.keys(costs)[0],
});
const ratios = (list: string, pixels: number) => ({ kind: 'ratios' as const, ratios: list.split(' '), pixels });

/** Where the slugs of Google's GA models on OpenRouter come from: third parties' code against the live API. */
const GOOGLE_SLUGS: PriceSource = {
  name: "OpenRouter image models as third parties' code names them (Oct-Nov 2026), unverified",
  asOf: '2026-11-27',
  url: 'https://openrouter.ai/api/v1/images/models',
};

/** Each model: its rule and sizes, OpenRouter's id for it, and the endpoint's provider tag it is pinned to. */
export const FAMILIES: Record<string, Omit<PriceEntry, 'source' | 'references' | 'exact'> & { model: string }> = {
  // openrouter.ai/docs, "Image Generation": `openai/gpt-image-2`, `openai/gpt-image-1`; OpenAI's rates.
  'gpt-image-2': {
    ...gptImage('gpt-image-2', { textIn: '5', imageIn: '8', imageOut: '30' }),
    model: 'openai/gpt-image-2',
  },
  'gpt-image-1': {
    ...gptImage('gpt-image-1', { textIn: '5', imageIn: '10', imageOut: '40' }),
    model: 'openai/gpt-image-1',
    lifecycle: endsUpstream('gpt-image-1', 'gpt-image-2'),
  },
  // Nano Banana 2.1: OpenRouter's model list, as a third party's fixture of it has it ("Google: Nano Banana 2.1",
  // prompt $0.0000015 and completion $0.0000075 per token); the image's $30 per million as Google's 1K price
  // ($0.0336) restates it (src/providers/google/prices.ts).
  'gemini-nano-banana-2.1': {
    ...gemini('gemini-nano-banana-2.1', { textIn: '1.50', imageIn: '1.50', imageOut: '30', textOut: '7.50' }),
    model: 'google/gemini-nano-banana-2.1',
    lifecycle: { released: '2026-10-06', source: GOOGLE_SLUGS },
  },
  // `google/gemini-3-pro-image`, the GA slug (the `-preview` one went with Google's preview ids); Google's rates.
  'gemini-3-pro-image': {
    ...gemini('gemini-3-pro-image', { textIn: '2', imageIn: '2', imageOut: '120', textOut: '12' }),
    model: 'google/gemini-3-pro-image',
    lifecycle: { released: '2026-05-28', source: GOOGLE_SLUGS },
  },
  // Nano Banana 2 Lite, 1K only: the rates Pollinations' registry passes through from OpenRouter ($0.25 in, $1.50
  // text out, $30 image out per million: pollinations/pollinations@0047731e shared/registry/image.ts).
  'gemini-3.1-flash-lite-image': {
    ...gemini('gemini-3.1-flash-lite-image', { textIn: '0.25', imageIn: '0.25', imageOut: '30', textOut: '1.50' }),
    model: 'google/gemini-3.1-flash-lite-image',
    lifecycle: { released: '2026-06-30', source: GOOGLE_SLUGS },
  },
  // openrouter.ai/docs, cookbook "Preset-enhanced images": `google/gemini-3.1-flash-image` (Nano Banana 2, "$0.50/M
  // input"); Google's rates. Gone upstream (`endsUpstream`).
  'gemini-3.1-flash-image': {
    ...gemini('gemini-3.1-flash-image', { textIn: '0.50', imageIn: '0.50', imageOut: '60', textOut: '3' }),
    model: 'google/gemini-3.1-flash-image',
    lifecycle: endsUpstream('gemini-3.1-flash-image', 'gemini-nano-banana-2.1'),
  },
  // openrouter.ai/docs, "Per-Endpoint Records": `bytedance-seed/seedream-4.5`, resolutions 1K, 2K, 4K. Its maker's
  // price, 4 cents an image (BytePlus' list price, as HeyPuter/puter@8307e8c providers/byteplus/models.ts has it; fal
  // and Pollinations' OpenRouter-routed `seedream-pro` charge the same $0.04); the guide's $0.05 line is an example.
  // Seedream 4.5 makes the 2K tier and up only (SPEC §12: ≥ 3,686,400 px; OpenRouter names no pixels for its tiers):
  // 2K, at BytePlus' ratios (as puter/families.ts).
  'seedream-4.5': {
    rule: tiers({ '2K': '4' }),
    sizes: ratios('1:1 4:3 3:4 16:9 9:16 3:2 2:3 21:9', 4 * MP),
    model: 'bytedance-seed/seedream-4.5',
  },
};
/**
 * The provider tag each maker's endpoint goes by (OpenRouter's provider-slug enum, OpenRouterTeam/docs@c26125a
 * agent-sdk/typescript/api-reference/operations/provider.mdx: `openai`, and `seed` for ByteDance's Seed models, whose
 * own requests pin it so; `bytedance` is not in it): the bundled pin, where no live record was read.
 */
const TAGS: Record<string, string> = { openai: 'openai', 'bytedance-seed': 'seed' };

/**
 * Google's models' bundled pins, each a tag an endpoint record shows, as OpenRouter writes it (the tag is matched
 * exactly, as far as anyone knows: whether a bare `google-ai-studio` matches `google-ai-studio/global` is UNVERIFIED).
 * Recorded by rbb-dev/Open-WebUI-OpenRouter-pipe (tests/fixtures/openrouter_image_endpoints_google_*.json @bc186274,
 * @8771a5da; test/recorded/openrouter/), read 2026-11-28: Gemini 3 Pro Image's `google-ai-studio/global`, the one of its
 * two endpoints that serves every tier (its first, `google-vertex/global`, has no 4K); Gemini 3.1 Flash Lite Image's
 * `google-ai-studio` (no suffix; both of its endpoints serve 1K only). Nano Banana 2.1 and 3.1 Flash Image have no
 * record recorded: UNVERIFIED, the tag of 3 Pro's endpoint that serves 4K, the one recorded Google model that makes
 * it. The live reader pins each tier to the endpoint its record gives (live-prices.ts).
 */
const GOOGLE_PINS: Record<string, string> = {
  'gemini-3-pro-image': 'google-ai-studio/global',
  'gemini-3.1-flash-lite-image': 'google-ai-studio',
  'gemini-nano-banana-2.1': 'google-ai-studio/global',
  'gemini-3.1-flash-image': 'google-ai-studio/global',
};

/**
 * The images each model takes here, as its endpoint's record says (`supported_parameters.input_references.max`) where
 * it lists a line that bills them: OpenRouter's records of `openai/gpt-image-2` and `openai/gpt-image-1` (16, an
 * `input_image` line per token) and `google/gemini-3-pro-image` (14, the same), recorded by
 * rbb-dev/Open-WebUI-OpenRouter-pipe (tests/fixtures/openrouter_image_endpoints_*.json @a1742a1a, @8771a5da, @bc186274;
 * test/recorded/openrouter/), read 2026-11-28. GPT Image 1 at most 1536×1024 each, as at OpenAI
 * (src/providers/openai/families.ts says why). The others take none: Seedream 4.5's and Gemini 3.1 Flash (Lite)'s
 * records list no line for images sent, and Nano Banana 2.1's record is not known.
 */
const REFERENCES: Record<string, ReturnType<typeof referenceRule>> = {
  'gpt-image-2': referenceRule(16),
  'gpt-image-1': referenceRule(16, { maxPixels: 1536 * 1024 }),
  'gemini-3-pro-image': referenceRule(14),
};

/** Model `id`'s entry at `rule`, pinned to `via`; `more` what the endpoint priced says of the images it takes. */
export const withSource = (
  id: string,
  rule: PriceRule,
  via: string,
  source: PriceSource,
  more: Pick<PriceEntry, 'references' | 'edits' | 'inputPrice'> = {},
): PriceEntry => ({
  ...FAMILIES[id],
  rule,
  // Exact where the line is per image; a bound (`atMost`) where it is in tokens; a megapixel count not sourced.
  exact: rule.kind === 'tier' || rule.kind === 'flat',
  source,
  via,
  references: REFERENCES[id] ?? referenceRule(0),
  ...more,
});

/** OpenRouter's prices of the families as bundled (the widget lays the live ones over them: `liveFamilies`). */
export const prices: ProviderPrices = {};
for (const id in FAMILIES) {
  const { model } = FAMILIES[id];
  prices[id] = withSource(id, FAMILIES[id].rule, GOOGLE_PINS[id] ?? TAGS[model.split('/')[0]], SOURCE);
}
