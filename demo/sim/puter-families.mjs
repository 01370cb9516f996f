// The model families besides FLUX in the Puter simulator (puter.mjs): their catalogue entries, field for field as
// HeyPuter/puter@8307e8c lists them (src/backend/drivers/ai-image/providers/<provider>/models.ts; `costs` in US cents),
// and what each of Puter's providers does with a generate call: the values it silently replaces, the ones it refuses,
// the size it makes and the usage it records (…ImageProvider.ts, cited beside each rule). Puter's own providers are
// faked here as the backend would see them answer: OpenAI's usage as the recorded replies report it
// (test/recorded/openai/), Gemini's image tokens by tier as Puter estimates them; an upstream that no longer has the
// model refuses it (`endedUpstream`), though the catalogue still lists it, as Puter's does.

const MICRO = 1_000_000; // microcents per cent
/** `Math.ceil(cents × 1,000,000)`, at least 1 (#toMicroCents in OpenAiImageProvider.ts and GeminiImageProvider.ts). */
const toMicro = (cents) => (Number.isFinite(cents) && cents > 0 ? Math.ceil(cents * MICRO) : 1);
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
const pairs = (list) => list.split(' ').map((r) => ({ w: Number(r.split(':')[0]), h: Number(r.split(':')[1]) }));
const GEMINI_RATIOS = pairs('1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9');
const FLASH_RATIOS = pairs('1:1 1:4 1:8 2:3 3:2 3:4 4:1 4:3 4:5 5:4 8:1 9:16 16:9 21:9');
const IMAGEN_RATIOS = pairs('1:1 3:4 4:3 9:16 16:9');
const GPT_SIZES = [
  { w: 1024, h: 1024 },
  { w: 1024, h: 1536 },
  { w: 1536, h: 1024 },
];

const gpt = (id, name, costs, allowedQualityLevels = ['low', 'medium', 'high'], allowedRatios = GPT_SIZES) => ({
  puterId: `openai:openai/${id}`,
  id,
  aliases: [`openai/${id}`],
  name,
  version: '1.0',
  costs_currency: 'usd-cents',
  index_cost_key: 'low:1024x1024',
  costs,
  allowedQualityLevels,
  ...(allowedRatios && { allowedRatios }),
  provider: 'openai-image-generation',
});
const gemini = (id, name, aliases, extra) => ({
  puterId: `google:google/${id}`,
  id,
  name,
  version: '1.0',
  costs_currency: 'usd-cents',
  aliases,
  ...extra,
  provider: 'gemini-image-generation',
});
const imagen = (short, id, name, cents, qualities) =>
  gemini(id, name, [short, `google/${short}`, `google:google/${short}`], {
    apiType: 'generateImages',
    index_cost_key: 'per-image',
    ...(qualities && { allowedQualityLevels: qualities }),
    allowedRatios: IMAGEN_RATIOS,
    costs: { 'per-image': cents },
  });
const together = (name, costs, pricing_unit, extra = {}) => ({
  id: `togetherai:${name}`.toLowerCase(),
  aliases: [name, name.split('/')[1], ...(extra.moreAliases ?? [])],
  costs_currency: 'usd-cents',
  index_cost_key: pricing_unit === 'per-MP' ? '1MP' : pricing_unit === 'per-tier' ? '1K' : 'per-image',
  name: extra.name ?? name,
  allowedQualityLevels: extra.allowedQualityLevels ?? [''],
  ...(extra.allowedRatios && { allowedRatios: extra.allowedRatios }),
  pricing_unit,
  costs,
  ...(extra.resolution_map && { resolution_map: extra.resolution_map }),
  provider: 'together-image-generation',
});

/** Together's resolution maps (HeyPuter/puter together/models.ts GEMINI_3_IMAGE_RESOLUTION_MAP, FLASH_IMAGE_3_1_RESOLUTION_MAP). */
const map = (rows, tiers) =>
  Object.fromEntries(
    rows
      .trim()
      .split('\n')
      .map((row) => {
        const [ratio, ...sizes] = row.trim().split(/\s+/);
        return [
          ratio,
          Object.fromEntries(sizes.map((size, i) => [tiers[i], { w: +size.split('x')[0], h: +size.split('x')[1] }])),
        ];
      }),
  );
const GEMINI_3_MAP = map(
  `1:1 1024x1024 2048x2048 4096x4096
  2:3 848x1264 1696x2528 3392x5096
  3:2 1264x848 2528x1696 5096x3392
  3:4 896x1200 1792x2400 3584x4800
  4:3 1200x896 2400x1792 4800x3584
  4:5 928x1152 1856x2304 3712x4608
  5:4 1152x928 2304x1856 4608x3712
  9:16 768x1376 1536x2752 3072x5504
  16:9 1376x768 2752x1536 5504x3072
  21:9 1584x672 3168x1344 6336x2688`,
  ['1K', '2K', '4K'],
);
const FLASH_3_1_MAP = map(
  `1:1 512x512 1024x1024 2048x2048 4096x4096
  1:4 256x1024 512x2048 1024x4096 2048x8192
  1:8 192x1536 384x3072 768x6144 1536x12288
  2:3 424x632 848x1264 1696x2528 3392x5056
  3:2 632x424 1264x848 2528x1696 5056x3392
  3:4 448x600 896x1200 1792x2400 3584x4800
  4:1 1024x256 2048x512 4096x1024 8192x2048
  4:3 600x448 1200x896 2400x1792 4800x3584
  4:5 464x576 928x1152 1856x2304 3712x4608
  5:4 576x464 1152x928 2304x1856 4608x3712
  8:1 1536x192 3072x384 6144x768 12288x1536
  9:16 384x688 768x1376 1536x2752 3072x5504
  16:9 688x384 1376x768 2752x1536 5504x3072
  21:9 792x168 1584x672 3168x1344 6336x2688`,
  ['0.5K', '1K', '2K', '4K'],
);
/** HeyPuter/puter byteplus/models.ts SEEDREAM_RESOLUTION_MAP. */
const SEEDREAM_MAP = map(
  `1:1 1024x1024 1536x1536 2048x2048
  4:3 1152x864 1792x1344 2368x1776
  3:4 864x1152 1344x1792 1776x2368
  16:9 1424x800 2048x1152 2816x1584
  9:16 800x1424 1152x2048 1584x2816
  3:2 1248x832 1872x1248 2496x1664
  2:3 832x1248 1248x1872 1664x2496
  21:9 1568x672 2352x1008 3136x1344`,
  ['1k', '1.5k', '2k'],
);
const seedream = (id, name, aliases, pricing_unit, costs, allowedQualityLevels) => ({
  puterId: `byteplus:byteplus/${id}`,
  id,
  aliases,
  name,
  costs_currency: 'usd-cents',
  pricing_unit,
  index_cost_key: pricing_unit === 'per-tier' ? 'output:1k' : 'per-image',
  costs,
  allowedQualityLevels,
  resolution_map: SEEDREAM_MAP,
  provider: 'byteplus-image-generation',
});
const grok = (id, name, aliases, costs) => ({
  puterId: `x-ai:x-ai/${id}`,
  id,
  aliases,
  name,
  version: '1.0',
  costs_currency: 'usd-cents',
  pricing_unit: 'per-image',
  index_cost_key: 'output:1k',
  costs,
  allowedQualityLevels: ['1k', '2k'],
  provider: 'xai-image-generation',
});
const tokens = (text_input, image_input, image_output, perImage) => ({
  text_input,
  text_cached_input: text_input / 4,
  image_input,
  image_cached_input: image_input / 4,
  image_output,
  ...perImage,
});

/** The families' catalogue entries (see the header). */
export const FAMILY_CATALOGUE = [
  gpt('gpt-image-2', 'GPT Image 2', { ...tokens(500, 800, 3000), text_output: 1000, 'low:1024x1024': 0.588 }, [
    'low',
    'medium',
    'high',
    'auto',
  ]),
  gpt('gpt-image-1.5', 'GPT Image 1.5', {
    ...tokens(500, 800, 3200),
    text_output: 1000,
    'low:1024x1024': 0.9,
    'medium:1024x1024': 3.4,
    'high:1024x1024': 13.3,
  }),
  gpt('gpt-image-1-mini', 'GPT Image 1 Mini', {
    ...tokens(200, 250, 800),
    'low:1024x1024': 0.5,
    'medium:1024x1024': 1.1,
    'high:1024x1024': 3.6,
  }),
  gpt('gpt-image-1', 'GPT Image 1', {
    ...tokens(500, 1000, 4000),
    'low:1024x1024': 1.1,
    'medium:1024x1024': 4.2,
    'high:1024x1024': 16.7,
  }),
  gemini(
    'gemini-3-pro-image-preview',
    'Gemini 3 Pro Image',
    [
      'gemini-3-pro-image-preview',
      'gemini-3-pro-image',
      'google/gemini-3-pro-image-preview',
      'google/gemini-3-pro-image',
      'google:google/gemini-3-pro-image-preview',
      'nano-banana-pro',
    ],
    {
      index_cost_key: '1K:1x1',
      index_input_cost_key: 'input',
      allowedQualityLevels: ['1K', '2K', '4K'],
      allowedRatios: GEMINI_RATIOS,
      costs: { input: 200, output: 1200, output_image: 12000, '1K:1x1': 13.4 },
    },
  ),
  gemini(
    'gemini-3.1-flash-image-preview',
    'Gemini 3.1 Flash Image',
    [
      'gemini-3.1-flash-image-preview',
      'gemini-3.1-flash-image',
      'google/gemini-3.1-flash-image-preview',
      'google/gemini-3.1-flash-image',
      'google:google/gemini-3.1-flash-image-preview',
    ],
    {
      index_cost_key: '1K:1x1',
      index_input_cost_key: 'input',
      allowedQualityLevels: ['512', '1K', '2K', '4K'],
      allowedRatios: FLASH_RATIOS,
      costs: { input: 25, output: 150, output_image: 6000, '1K:1x1': 6.7 },
    },
  ),
  imagen('imagen-4.0-fast', 'imagen-4.0-fast-generate-001', 'Imagen 4.0 Fast', 2),
  imagen('imagen-4.0', 'imagen-4.0-generate-001', 'Imagen 4.0', 4, ['1K', '2K']),
  imagen('imagen-4.0-ultra', 'imagen-4.0-ultra-generate-001', 'Imagen 4.0 Ultra', 6, ['1K', '2K']),
  together('ByteDance-Seed/Seedream-4.0', { '1MP': 3 }, 'per-MP'),
  together('Qwen/Qwen-Image', { '1MP': 0.58 }, 'per-MP'),
  together('google/flash-image-3.1', { '0.5K': 4.5, '1K': 6.7, '2K': 10.1, '4K': 15.1 }, 'per-tier', {
    moreAliases: ['nano-banana-2'],
    allowedQualityLevels: ['0.5K', '1K', '2K', '4K'],
    allowedRatios: [...GEMINI_RATIOS, ...pairs('1:4 4:1 1:8 8:1')],
    resolution_map: FLASH_3_1_MAP,
  }),
  {
    ...together('google/gemini-3-pro-image', { '1K': 13.4, '2K': 13.4, '4K': 24 }, 'per-tier', {
      name: 'gemini-3-pro-image (Together AI)',
      allowedQualityLevels: ['1K', '2K', '4K'],
      allowedRatios: GEMINI_RATIOS,
      resolution_map: GEMINI_3_MAP,
    }),
    aliases: ['gemini-3-pro-image', 'google/gemini-3-pro-image'],
  },
  together('google/imagen-4.0-fast', { '1MP': 2 }, 'per-MP'),
  together('google/imagen-4.0-preview', { '1MP': 4 }, 'per-MP'),
  together('google/imagen-4.0-ultra', { '1MP': 6 }, 'per-MP'),
  together('openai/gpt-image-1.5', { 'per-image': 3.4 }, 'per-image'),
  grok('grok-imagine-image', 'Grok Imagine Image', ['grok-image', 'x-ai/grok-image', 'x-ai/grok-imagine-image'], {
    'output:1k': 2,
    'output:2k': 2,
    media_input: 0.2,
  }),
  seedream(
    'dola-seedream-5-0-pro-260628',
    'Dola Seedream 5.0 Pro',
    [
      'byteplus/dola-seedream-5-0-pro-260628',
      'dola-seedream-5-0-pro',
      'byteplus/dola-seedream-5-0-pro',
      'seedream-5-0-pro',
    ],
    'per-tier',
    { 'output:1k': 4.5, 'output:1.5k': 4.5, 'output:2k': 9, input_image: 0.3 },
    ['1k', '1.5k', '2k'],
  ),
  seedream(
    'seedream-5-0-lite-260128',
    'Seedream 5.0 Lite',
    [
      'byteplus/seedream-5-0-lite-260128',
      'seedream-5-0-lite',
      'byteplus/seedream-5-0-lite',
      'seedream-5-0-260128',
      'seedream-5-0',
    ],
    'per-image',
    { 'per-image': 3.5 },
    ['2k'],
  ),
  seedream(
    'seedream-4-5-251128',
    'Seedream 4.5',
    ['byteplus/seedream-4-5-251128', 'seedream-4-5', 'byteplus/seedream-4-5'],
    'per-image',
    { 'per-image': 4 },
    ['2k'],
  ),
];

/**
 * The order Puter registers its providers in (ImageGenerationDriver.ts, #registerProviders): where an alias is shared,
 * the first registered wins when no `provider` is sent (#resolveModel).
 */
const REGISTERED = [
  'openai-image-generation',
  'gemini-image-generation',
  'together-image-generation',
  'xai-image-generation',
  'replicate-image-generation',
  'byteplus-image-generation',
];

/**
 * Puter's model map (ImageGenerationDriver.ts, #buildModelMap): each id and alias, lower-cased, → the models it names;
 * an alias two providers share joins their lists, and the ids of both then name that joined list.
 */
export function modelMap(catalogue) {
  const byName = {};
  for (const provider of REGISTERED) {
    for (const model of catalogue.filter((each) => each.provider === provider)) {
      const id = model.id.toLowerCase();
      (byName[id] ??= []).push(model);
      for (let alias of [...(model.aliases ?? []), ...(model.puterId ? [model.puterId] : [])]) {
        alias = alias.trim().toLowerCase();
        if (!byName[alias]) byName[alias] = byName[id];
        else if (byName[alias] !== byName[id]) {
          byName[alias].push(model);
          byName[id] = byName[alias];
        }
      }
    }
  }
  return byName;
}

/** #resolveModel: the model of that provider among those the name resolves to, else the first (silently). */
export function resolveModel(byName, name, provider) {
  const models =
    byName[
      String(name ?? '')
        .trim()
        .toLowerCase()
    ];
  if (!models?.length) return undefined;
  return (provider && models.find((model) => model.provider === provider)) || models[0];
}

/** Prompt tokens as Puter estimates them and OpenAI counts about so (a token per 4 characters, at least 1). */
const promptTokens = (prompt) => Math.max(1, Math.ceil(prompt.trim().length / 4));

/** OpenAI's image tokens by quality and size (gpt-image-1, 1.5, 1-mini), and gpt-image-2's rule (SPEC §12). */
function gptImageTokens(id, quality, w, h) {
  const q = ['low', 'medium', 'high'].indexOf(quality);
  if (id === 'gpt-image-2') {
    const f = [16, 48, 96][q] ?? 48;
    const s = Math.round((f * Math.min(w, h)) / Math.max(w, h));
    return Math.ceil((f * s * (2_000_000 + w * h)) / 4_000_000);
  }
  return (w === h ? [272, 1056, 4160] : [408, 1584, 6240])[q];
}

/** gpt-image-2's size rules as Puter applies them (#normalizeGptImage2Ratio): clamped and snapped, silently. */
function gptImage2Size({ w, h }) {
  if (!(w > 0 && h > 0)) return { w: 1024, h: 1024 };
  if (w / h > 3) w = h * 3;
  else if (h / w > 3) h = w * 3;
  if (w > 3840) [h, w] = [(h * 3840) / w, 3840];
  if (h > 3840) [w, h] = [(w * 3840) / h, 3840];
  const pixels = w * h;
  const scale = pixels < 655_360 ? Math.sqrt(655_360 / pixels) : pixels > 8_294_400 ? Math.sqrt(8_294_400 / pixels) : 1;
  const round = scale > 1 ? Math.ceil : scale < 1 ? Math.floor : Math.round;
  const snap = (v) => Math.max(16, Math.min(3840, round((v * scale) / 16) * 16));
  return { w: snap(w), h: snap(h) };
}

/** Gemini's image tokens by tier as Puter estimates and bills them (HeyPuter/puter gemini/models.ts GEMINI_ESTIMATED_IMAGE_TOKENS). */
const GEMINI_IMAGE_TOKENS = {
  'gemini-3-pro-image-preview:1K': 1120,
  'gemini-3-pro-image-preview:2K': 1120,
  'gemini-3-pro-image-preview:4K': 2000,
  'gemini-3.1-flash-image-preview:512': 747,
  'gemini-3.1-flash-image-preview:1K': 1120,
  'gemini-3.1-flash-image-preview:2K': 1680,
  'gemini-3.1-flash-image-preview:4K': 2520,
};
/** The pixels of a Gemini image at a tier (Google's image generation guide: 1K ≈ 1024² at 1:1). */
const TIER_PIXELS = { 512: 512 * 512, '1K': 1024 * 1024, '2K': 2048 * 2048, '4K': 4096 * 4096 };
const atRatio = ({ w, h }, pixels) => ({
  width: Math.max(16, Math.round(Math.sqrt((pixels * w) / h) / 16) * 16),
  height: Math.max(16, Math.round(Math.sqrt((pixels * h) / w) / 16) * 16),
});
const sameRatio = (allowed, ratio) => allowed.some((r) => r.w === ratio?.w && r.h === ratio?.h);
/** xAI's `aspect_ratio` values (docs.x.ai, Image generation): any other is refused (stricter than unsure). */
const XAI_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '2:1', '1:2'];

/**
 * The upstream ids that no longer answer, though Puter's catalogue still lists them (it has no filter:
 * ImageGenerationDriver.ts `models()`): Google's Imagen 4 (shut 2026-08-17, its changelog) and the Gemini `-preview`
 * ids Puter's Gemini provider sends (shut 2026-06-25, Google's deprecations page), before any moment this simulator
 * is run at, so always; OpenAI's GPT Image 1.5 and 1 mini from 2026-12-01 (OpenAI's deprecations page) and GPT Image
 * 1 from 2026-10-23 (as third parties report it: the stricter reading), by the simulator's clock (`now`).
 */
const ENDS = { 'gpt-image-1.5': '2026-12-01', 'gpt-image-1-mini': '2026-12-01', 'gpt-image-1': '2026-10-23' };
function endedUpstream(model, now) {
  if (model.provider === 'gemini-image-generation') return true;
  const end = model.provider === 'openai-image-generation' && ENDS[model.id];
  return !!end && now >= Date.parse(`${end}T00:00:00Z`);
}
/**
 * What Puter answers when the upstream no longer has the model: the provider's 404 passed on as Puter passes an
 * upstream's refusal of the request (DriverController.ts, translateProviderError: 400 upstream_bad_request with
 * `upstreamStatus`), before anything is made or billed. The message is the upstream's (OpenAI's `model_not_found`,
 * Google's NOT_FOUND), as its client's error carries it.
 */
function endedError(model) {
  const message =
    model.provider === 'openai-image-generation'
      ? `The model \`${model.id}\` does not exist or you do not have access to it.`
      : `models/${model.id} is not found for API version v1beta, or is not supported for ${model.apiType === 'generateImages' ? 'predict' : 'generateContent'}.`;
  return { error: [400, message, 'upstream_bad_request', { upstreamStatus: 404 }] };
}

/**
 * What one of the families' providers makes of a generate call (`args` as the driver passes them on, `ratio` already
 * made of width/height) at the simulator's moment `now` (ms): `{width, height, quality, ratio, usage: [[type, units,
 * microcents]], data}` (`data`: the image comes back as a data: URL), or `{error: [status, message, code, fields?]}`;
 * undefined for the providers puter.mjs itself serves (Replicate, and Together but for its tiers). Puter's own checks
 * come first (`providerCall`: Gemini's tier estimate); then the upstream answers, or no longer does (`endedUpstream`).
 */
export function familyCall(model, args, scale, now = Date.now()) {
  const made = providerCall(model, args, scale);
  return made && !made.error && endedUpstream(model, now) ? endedError(model) : made;
}

/** What a provider makes of the call, where its upstream still serves the model (`familyCall`). */
function providerCall(model, args, scale) {
  const micro = (cents) => Math.round(toMicro(cents) * scale);
  const ratio = args.ratio;
  const costs = model.costs;
  if (model.provider === 'openai-image-generation') {
    // OpenAiImageProvider.ts generate: a size outside allowedRatios → the first; gpt-image-2's clamped and snapped;
    // a missing or unknown quality → the first allowed (`low`).
    const allowed = model.allowedRatios;
    const size = allowed ? (sameRatio(allowed, ratio) ? ratio : allowed[0]) : gptImage2Size(ratio ?? {});
    const quality = model.allowedQualityLevels.includes(args.quality) ? args.quality : model.allowedQualityLevels[0];
    const input = promptTokens(args.prompt);
    // gpt-image-1.5 writes text besides the image (420 tokens recorded, test/recorded/openai/gpt-image-1.5.yaml).
    const output = gptImageTokens(model.id, quality, size.w, size.h) + (model.id === 'gpt-image-1.5' ? 420 : 0);
    // Input at text_input; every output token at image_output (#calculateInputCostInCents, #calculateOutputCostInCents).
    const key = `openai:${model.id}:${quality}:${size.w}x${size.h}`;
    return {
      width: size.w,
      height: size.h,
      quality,
      ratio: `${size.w}x${size.h}`,
      data: true,
      usage: [
        [`${key}:input`, input, micro((input / 1e6) * costs.text_input)],
        [`${key}:output`, output, micro((output / 1e6) * costs.image_output)],
      ],
    };
  }
  if (model.provider === 'gemini-image-generation') {
    // GeminiImageProvider.ts: a ratio not in allowedRatios (exactly as sent) → the first, 1:1.
    const used = sameRatio(model.allowedRatios, ratio) ? ratio : model.allowedRatios[0];
    const size = `${used.w}:${used.h}`;
    if (model.apiType === 'generateImages') {
      // #generateWithImagen: the flat per-image cost; the quality is passed on only where the model lists it.
      const quality = model.allowedQualityLevels?.includes(args.quality) ? args.quality : undefined;
      const cost = Math.ceil(costs['per-image'] * MICRO * scale);
      return {
        ...atRatio(used, TIER_PIXELS[quality ?? '1K']),
        quality,
        ratio: size,
        data: true,
        usage: [[`gemini:${model.id}`, 1, cost]],
      };
    }
    // Gemini 3.x: no quality → the first allowed (512 for 3.1 Flash); one it does not list has no token estimate, and
    // Puter answers 400 before anything is generated.
    const quality = args.quality || model.allowedQualityLevels[0];
    const imageTokens = GEMINI_IMAGE_TOKENS[`${model.id}:${quality}`];
    if (imageTokens === undefined)
      return {
        error: [400, `No estimated image token count configured for '${model.id}:${quality}'.`, 'bad_request'],
      };
    const input = promptTokens(args.prompt);
    const prefix = `gemini:${model.id}`;
    return {
      ...atRatio(used, TIER_PIXELS[quality]),
      quality,
      ratio: size,
      data: true,
      usage: [
        [`${prefix}:input`, input, micro((input / 1e6) * costs.input)],
        [`${prefix}:output:text`, 1, micro(0)],
        [`${prefix}:output:image`, imageTokens, micro((imageTokens / 1e6) * costs.output_image)],
      ],
    };
  }
  if (model.provider === 'together-image-generation' && model.pricing_unit === 'per-tier') {
    // TogetherImageProvider.ts l.110-121: a missing or unknown quality → the first tier; l.148-162: the tier's pixels
    // from resolution_map, else the ratio's own numbers as pixels (at least 64, multiples of 8).
    const tier = args.quality && costs[args.quality] !== undefined ? args.quality : Object.keys(costs)[0];
    const mapped = args.quality && model.resolution_map[`${ratio?.w}:${ratio?.h}`]?.[args.quality];
    const side = (v) => Math.max(64, Math.round(Math.max(64, Math.round(v)) / 8) * 8);
    const size = mapped ?? { w: side(ratio?.w ?? 1024), h: side(ratio?.h ?? 1024) };
    return {
      width: size.w,
      height: size.h,
      quality: tier,
      ratio: `${size.w}x${size.h}`,
      usage: [[`${model.id}:${tier}`, 1, Math.round(costs[tier] * MICRO * scale)]],
    };
  }
  if (model.provider === 'xai-image-generation') {
    // XAIImageProvider.ts: `quality` 2k, else 1k; the ratio reduced by the gcd as `aspect_ratio`.
    const resolution = String(args.quality ?? '').toLowerCase() === '2k' ? '2k' : '1k';
    const d = ratio?.w && ratio?.h ? gcd(ratio.w, ratio.h) : 0;
    const aspect = d ? `${ratio.w / d}:${ratio.h / d}` : '1:1';
    if (!XAI_RATIOS.includes(aspect))
      return { error: [400, `Invalid aspect_ratio: ${aspect}`, 'upstream_bad_request', { upstreamStatus: 400 }] };
    const [w, h] = aspect.split(':').map(Number);
    return {
      ...atRatio({ w, h }, resolution === '2k' ? 2048 * 2048 : 1024 * 1024),
      quality: resolution,
      ratio: aspect,
      usage: [[`xai:${model.id}:output:${resolution}`, 1, Math.round(costs[`output:${resolution}`] * MICRO * scale)]],
    };
  }
  if (model.provider === 'byteplus-image-generation') {
    // BytePlusImageProvider.ts #normalizeTier: low/medium/high/hd as 1k/1.5k/2k, anything else 2K, then the next tier
    // up the model allows; #resolveSize: pixels ≥ 921,600 as they are (within the model's limits, else 400), a
    // smaller ratio its tier's documented size, else the tier's keyword; the Pro's price by pixels (≤ 2.61 MP 4.5¢).
    const tiers = ['1k', '1.5k', '2k'];
    const asked = String(args.quality ?? '').toLowerCase();
    const requested = tiers.includes(asked)
      ? asked
      : ({ low: '1k', medium: '1.5k', high: '2k', hd: '2k' }[asked] ?? '2k');
    const allowed = tiers.filter((t) => model.allowedQualityLevels.includes(t));
    const tier = allowed.includes(requested)
      ? requested
      : (allowed.find((t) => tiers.indexOf(t) > tiers.indexOf(requested)) ?? allowed.at(-1));
    let size;
    if (ratio?.w && ratio?.h && ratio.w * ratio.h >= 921_600) {
      const min = allowed.includes('1k') ? 921_600 : 3_686_400;
      const pixels = ratio.w * ratio.h;
      if (pixels < min || pixels > 4_624_220 || ratio.w / ratio.h < 1 / 16 || ratio.w / ratio.h > 16)
        return { error: [400, `Requested size ${ratio.w}x${ratio.h} is outside BytePlus limits`, 'bad_request'] };
      size = ratio;
    } else if (ratio?.w && ratio?.h) {
      const d = gcd(Math.round(ratio.w), Math.round(ratio.h)) || 1;
      size = SEEDREAM_MAP[`${Math.round(ratio.w) / d}:${Math.round(ratio.h) / d}`]?.[tier];
    }
    size ??= SEEDREAM_MAP['1:1'][tier];
    const key =
      model.pricing_unit === 'per-tier' ? (size.w * size.h > 2_610_000 ? 'output:2k' : 'output:1k') : 'per-image';
    return {
      width: size.w,
      height: size.h,
      quality: tier,
      ratio: `${size.w}x${size.h}`,
      usage: [[`byteplus-image-generation:${model.id}:${key}`, 1, Math.round(costs[key] * MICRO * scale)]],
    };
  }
  return undefined;
}
