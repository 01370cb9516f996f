// The OpenRouter simulator's other families (demo/sim/openrouter.mjs): each model's endpoints in OpenRouter's order, as
// its per-endpoint record (`GET /api/v1/images/models/{author}/{slug}/endpoints`) serves them. Where OpenRouter's own
// record was recorded (test/recorded/openrouter/endpoints_{author}_{slug}.json, rbb-dev/Open-WebUI-OpenRouter-pipe,
// MIT; test/recorded/NOTICE), that record is read from the file when the simulator starts and served as it is, every
// endpoint, tag, parameter and line; the rest is hand-made from the makers' prices and marked so (`FACTS`).
//
// What is recorded and what is not (`FACTS` says the same per model; docs/simulators.md lists it):
//   RECORDED (read 2026-11-28): the endpoint records of openai/gpt-image-2 (one endpoint, `openai`),
//     google/gemini-3-pro-image (`google-vertex/global` 1K 2K, then `google-ai-studio/global` 1K 2K 4K; lines
//     `input_image` and `output_image` only), google/gemini-3.1-flash-lite-image (`google-vertex/global`, then
//     `google-ai-studio` with no suffix; 1K only; one line, `output_image`) and bytedance-seed/seedream-4.5 (`seed`,
//     $0.04 an image); the reply shape of `POST /api/v1/images` (images_generate_qwen-image-3_1K.json: `data[]
//     .b64_json` and `media_type`, `usage` with `cost`, `cost_details`, `is_byok`, `prompt_tokens_details`,
//     `completion_tokens_details.image_tokens` and `reasoning_tokens`).
//   NOT RECORDED (hand-made, UNVERIFIED): the records of openai/gpt-image-1, google/gemini-nano-banana-2.1 and
//     google/gemini-3.1-flash-image (modelled on 3 Pro's record: Vertex 1K 2K first, AI Studio `/global` with every
//     tier second; the makers' token rates as `input_text`, `input_image`, `output_image` lines); the image tokens
//     each Gemini tier makes (`tiers`: Google's figures); what text is billed where no line prices it (`textIn`,
//     `textOut`: the maker's rates, passed through, as OpenRouter's FAQ says it passes prices through); the `azure`
//     endpoint of gpt-image-2 (only under `azure=1`: a second endpoint at another line); how OpenRouter matches
//     `provider.only` to a tag (exactly, here); what it answers a resolution the pinned endpoint does not list (400).
import { readFileSync, readdirSync } from 'node:fs';

/** test/recorded/openrouter/ in this repository: OpenRouter's recorded endpoint records. */
const RECORDED = new URL('../../test/recorded/openrouter/', import.meta.url);

/** Each recorded record by OpenRouter's model id, as recorded (`recorded` of its file). */
const RECORDS = Object.fromEntries(
  readdirSync(RECORDED)
    .filter((file) => file.startsWith('endpoints_') && file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(new URL(file, RECORDED), 'utf8')).recorded)
    .map((record) => [record.id, record]),
);

const tokenLines = (textIn, imageIn, imageOut) => [
  { billable: 'input_text', unit: 'token', cost_usd: textIn / 1e6 },
  { billable: 'input_image', unit: 'token', cost_usd: imageIn / 1e6 },
  { billable: 'output_image', unit: 'token', cost_usd: imageOut / 1e6 },
];
const enumOf = (values) => ({ type: 'enum', values });
const takes = (max) => ({ input_references: { type: 'range', min: 0, max } });

/** A hand-made endpoint record (UNVERIFIED), in the fields and order of a recorded one. */
const point = (provider_tag, provider_name, pricing, supported_parameters) => ({
  allowed_passthrough_parameters: [],
  pricing,
  provider_name,
  provider_slug: provider_tag,
  provider_tag,
  supported_parameters,
  supports_streaming: false,
});
const GPT_PARAMETERS = { quality: enumOf(['auto', 'low', 'medium', 'high']), ...takes(16) };
/** Gemini 3 Pro Image's recorded ratios, lent to the Gemini models none was recorded of. */
const GEMINI_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
/**
 * A Gemini model no record was recorded of, modelled on 3 Pro's (UNVERIFIED): Vertex `/global` first, without the
 * largest tier, then AI Studio `/global` with every tier, each at the maker's token rates.
 */
const geminiMade = (tiers, [textIn, imageOut]) => {
  const lines = tokenLines(textIn, textIn, imageOut);
  const parameters = (resolutions) => ({
    aspect_ratio: enumOf(GEMINI_RATIOS),
    resolution: enumOf(resolutions),
  });
  const all = Object.keys(tiers);
  return [
    point('google-vertex/global', 'Google Vertex', lines, parameters(all.filter((tier) => tier !== '4K'))),
    point('google-ai-studio/global', 'Google AI Studio', lines, parameters(all)),
  ];
};

/** The image tokens of each Gemini tier (Google's figures, as src/providers/model-facts.ts GEMINI_TIERS): not recorded. */
const FLASH_TIERS = { 512: 747, '1K': 1120, '2K': 1680, '4K': 2520 };
const PRO_TIERS = { '1K': 1120, '2K': 1120, '4K': 2000 };
// Nano Banana 2.1 at 4K: the larger count a source gives (3,780, as demo/sim/google-models.mjs says why), stricter.
const NB21_TIERS = { '1K': 1120, '2K': 1680, '4K': 3780 };
const LITE_TIERS = { '1K': 1120 };

/** The recorded record of `id`, its endpoints as recorded; throws where the file is gone (no silent hand-made copy). */
function recordedEndpoints(id) {
  const record = RECORDS[id];
  if (!record) throw new Error(`No recorded endpoint record of ${id} in test/recorded/openrouter/`);
  return record.endpoints;
}

/**
 * The families (see the header): OpenRouter's id → its name, how it is asked and billed (`kind`), its endpoints in
 * OpenRouter's order (`endpoints`, each a record as served), whether those are recorded (`recorded`), and the
 * simulator's own unrecorded facts: a Gemini tier's image tokens (`tiers`) and the maker's text rates per million
 * (`textIn`, `textOut`: what text is billed where no line prices it). `until`: the first day a model is no longer served
 * (UTC), by the simulator's clock: OpenAI's GPT Image 1 (2026-10-23) and Google's Gemini 3.1 Flash Image
 * (2026-10-29), as third parties report their shutdowns upstream.
 */
export const FAMILIES = {
  'openai/gpt-image-2': {
    name: 'OpenAI: GPT Image 2',
    kind: 'gpt',
    recorded: true,
    endpoints: recordedEndpoints('openai/gpt-image-2'),
  },
  'openai/gpt-image-1': {
    name: 'OpenAI: GPT Image 1',
    kind: 'gpt',
    recorded: false,
    endpoints: [point('openai', 'OpenAI', tokenLines(5, 10, 40), GPT_PARAMETERS)],
    until: '2026-10-23',
  },
  'google/gemini-nano-banana-2.1': {
    name: 'Google: Nano Banana 2.1',
    kind: 'gemini',
    recorded: false,
    endpoints: geminiMade(NB21_TIERS, [1.5, 30]),
    tiers: NB21_TIERS,
    textIn: 1.5,
    textOut: 7.5,
  },
  'google/gemini-3-pro-image': {
    name: 'Google: Nano Banana Pro (Gemini 3 Pro Image)',
    kind: 'gemini',
    recorded: true,
    endpoints: recordedEndpoints('google/gemini-3-pro-image'),
    tiers: PRO_TIERS,
    textIn: 2,
    textOut: 12,
  },
  'google/gemini-3.1-flash-lite-image': {
    name: 'Google: Nano Banana 2 Lite',
    kind: 'gemini',
    recorded: true,
    endpoints: recordedEndpoints('google/gemini-3.1-flash-lite-image'),
    tiers: LITE_TIERS,
    textIn: 0.25,
    textOut: 1.5,
  },
  'google/gemini-3.1-flash-image': {
    name: 'Google: Nano Banana 2 (Gemini 3.1 Flash Image)',
    kind: 'gemini',
    recorded: false,
    endpoints: geminiMade(FLASH_TIERS, [0.5, 60]),
    tiers: FLASH_TIERS,
    textIn: 0.5,
    textOut: 3,
    until: '2026-10-29',
  },
  'bytedance-seed/seedream-4.5': {
    name: 'ByteDance Seed: Seedream 4.5',
    kind: 'tier',
    recorded: true,
    endpoints: recordedEndpoints('bytedance-seed/seedream-4.5'),
  },
};

/** A second endpoint of GPT Image 2 at another line (`azure=1`; not recorded): a request must be billed where pinned. */
const AZURE = point('azure', 'Azure', tokenLines(5, 8, 32), GPT_PARAMETERS);

/**
 * A family's endpoints under `scenario`, as served: `azure=1` adds GPT Image 2's `azure` endpoint after its recorded
 * one; `gpt2out=<usd>` prices GPT Image 2's image-token line at every endpoint so; `seedream=megapixel` bills
 * Seedream 4.5 per megapixel instead, `seedream4k=<usd>` by `variant`, 2k at its price and 4k at that one,
 * `seedreamusd=<usd>` its one line at that price, `proaistudio=<usd>` Gemini 3 Pro Image's `output_image` line at
 * AI Studio (its 4K's only endpoint) at that price per token (prices no recorded endpoint writes: what a client must not
 * quote).
 */
export function endpointsOf(id, scenario) {
  let endpoints = FAMILIES[id]?.endpoints ?? [];
  const priced = (line) => (each) => ({ ...each, pricing: line(each.pricing) });
  if (id === 'openai/gpt-image-2') {
    if (scenario.azure === '1') endpoints = [...endpoints, AZURE];
    if (scenario.gpt2out === undefined) return endpoints;
    const cost_usd = Number(scenario.gpt2out);
    return endpoints.map(priced((lines) => lines.map((l) => (l.billable === 'output_image' ? { ...l, cost_usd } : l))));
  }
  if (id === 'google/gemini-3-pro-image' && scenario.proaistudio !== undefined) {
    const cost_usd = Number(scenario.proaistudio);
    const priceAt = (each) => ({
      ...each,
      pricing: each.pricing.map((l) => (l.billable === 'output_image' ? { ...l, cost_usd } : l)),
    });
    return endpoints.map((each) => (each.provider_tag === 'google-ai-studio/global' ? priceAt(each) : each));
  }
  if (id !== 'bytedance-seed/seedream-4.5') return endpoints;
  const [line] = endpoints[0].pricing;
  if (scenario.seedream === 'megapixel')
    return endpoints.map(priced(() => [{ billable: 'output_image', unit: 'megapixel', cost_usd: 0.012 }]));
  if (scenario.seedreamusd !== undefined)
    return endpoints.map(priced(() => [{ ...line, cost_usd: Number(scenario.seedreamusd) }]));
  if (scenario.seedream4k === undefined) return endpoints;
  const by = [
    { ...line, variant: '2k' },
    { ...line, variant: '4k', cost_usd: Number(scenario.seedream4k) },
  ];
  return endpoints.map(priced(() => by));
}

/**
 * Which of the simulator's facts of each family are recorded and which are not: `{model, recorded: [..], unrecorded:
 * [..]}` each, for docs/simulators.md and the test that holds the simulator to the recordings.
 */
export const FACTS = Object.entries(FAMILIES).map(([model, family]) => ({
  model,
  recorded: family.recorded ? ['endpoints', 'provider tags', 'supported parameters', 'pricing lines'] : [],
  unrecorded: [
    ...(family.recorded ? [] : ['endpoints', 'provider tags', 'supported parameters', 'pricing lines']),
    ...(family.tiers ? ['image tokens by tier', 'text rates where no line prices text'] : []),
    ...(family.until ? ['the day it is no longer served'] : []),
  ],
}));
