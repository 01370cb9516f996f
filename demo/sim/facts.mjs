// Which of each simulator's facts are recorded (come from, or are held by a test to, a real exchange in
// test/recorded/) and which are not (from the provider's documents, its SDK's types, or third parties; stricter where
// unsure, as each simulator's header says). `npm run docs:simulators` writes docs/simulators.md's table from this list
// and, with `--check` (in `npm test`), fails where the doc differs, where a recorded file named here is missing, where a
// test named here is missing, or where a file in test/recorded/ is named by no simulator.
import { FACTS as OPENROUTER_FAMILIES } from './openrouter-families.mjs';

/** The families of OpenRouter whose records are recorded, and those hand-made (openrouter-families.mjs). */
const recordedFamilies = OPENROUTER_FAMILIES.filter((each) => each.recorded.length).map((each) => `\`${each.model}\``);
const madeFamilies = OPENROUTER_FAMILIES.filter((each) => !each.recorded.length).map((each) => `\`${each.model}\``);

/**
 * Each simulator: its name, its modules (`files`, under demo/sim/), what of it is recorded (`recorded`: the fact, the
 * files of test/recorded/ it comes from, the tests that hold the simulator or the widget to them) and what is not.
 */
export const SIMULATOR_FACTS = [
  {
    name: 'BFL',
    files: ['bfl.mjs', 'bfl-flux-3.mjs', 'bfl-outpaint.mjs'],
    recorded: [
      {
        fact: 'FLUX.2 [pro] and [max] tasks: the submit and poll replies’ fields, `progress: null` while Pending, `Retry-After` 0 or 1, the polling host another than the API’s, `cost` as a float, `result.prompt` rewritten where `prompt_upsampling` is on',
        from: ['bfl-flux-2-pro.json', 'bfl-flux-2-max.json'],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/replay/bfl.test.ts'],
      },
    ],
    unrecorded: [
      'prices and credits (BFL’s price rule, from its pricing page)',
      'each model’s controls and their 422s (BFL’s schemas)',
      '429 past 24 active tasks; every fault scenario',
      'FLUX 3 (`bfl-flux-3.mjs`), FLUX Outpainting (`bfl-outpaint.mjs`), FLUX.1 tools: nothing of them recorded',
    ],
  },
  {
    name: 'Puter',
    files: ['puter.mjs', 'puter-families.mjs', 'puter-inputs.mjs', 'puter-fs.mjs', 'puter-kv.mjs'],
    recorded: [
      {
        fact: 'the image catalogue (`/puterai/image/models/details`), entry for entry, and `/metering/usage` before and after a call, its records named as Puter’s drivers name them; the error bodies seen through the SDK',
        from: ['puter/models-details.json', 'puter/usage-before.json', 'puter/usage-after.json'],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/replay/puter.test.ts'],
      },
    ],
    unrecorded: [
      'the catalogue entries of Puter’s OpenAI, Gemini, xAI and BytePlus providers (Puter’s source, `puter-families.mjs`)',
      'whoami, the generation itself and its image URL; concurrency limits; usage written in batches (Puter’s source)',
      '`/metering/usage`’s `appTotals` for a website’s token: the app the token names and `others` (Puter’s source, MeteringService.ts; the recording was made with a user’s token, `os-global`); the month never turns over here, and each token is a meter of its own (two sign-ins of one user are one meter on Puter; the key-value store here is per user already)',
      'images sent (`puter-inputs.mjs`: each provider’s count and billing, from Puter’s source)',
      'the user’s files (`puter-fs.mjs`): the signed write, readdir, read, delete, the app’s folder, quota 413, rate limits (Puter’s source and its SDK); the storage capacity, the readdir page size and the signed URL’s host not known',
      'the key-value store (`puter-kv.mjs`): its methods, key and value limits, pages, rates, scope per user and site, and error bodies from Puter’s source and SDK; nothing of it recorded (the 429’s body assumed)',
    ],
  },
  {
    name: 'Together AI (`/sim/together`)',
    files: ['openai.mjs'],
    recorded: [
      {
        fact: '`/v1/images/generations` with `width` and `height` (`size` ignored), `data[].url` on a short link, `Access-Control-Allow-Origin: *`',
        from: ['together-flux-2-max.json'],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/replay/together.test.ts'],
      },
    ],
    unrecorded: ['the short link’s CORS (none here); prices (Together’s page); DeepInfra’s and the generic dialects'],
  },
  {
    name: 'OpenAI (`/sim/openai`)',
    files: ['openai.mjs'],
    recorded: [
      {
        fact: 'GPT Image 2, 1.5, 1 and 1-mini: the reply’s fields and `usage` (gpt-image-2’s 2,058 image tokens at medium 1254², 1.5’s 420 text tokens besides its image)',
        from: [
          'openai/gpt-image-2.yaml',
          'openai/gpt-image-1.5.yaml',
          'openai/gpt-image-1.yaml',
          'openai/gpt-image-1-mini.yaml',
        ],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/replay/openai.test.ts', 'test/pricing/tokens.test.ts'],
      },
      {
        fact: 'the edit reply’s fields (`/v1/images/edits`) and an edit’s tokens in and out, as a gateway passed them on',
        from: ['openai/gpt-image-edit-reply.json', 'openai/gpt-image-1-edit-ai-gateway.json'],
        heldBy: ['test/replay/edits.test.ts'],
      },
    ],
    unrecorded: [
      'GPT Image 2.5 and 2.6 token counts (gpt-image-2’s × `scale=`, their rule unpublished); 2.6’s text tokens',
      'the size and quality refusals, 404 `model_not_found` after a shutdown, 403 to an unverified organization, `/v1/models`',
    ],
  },
  {
    name: 'Google (`/sim/google`)',
    files: [
      'google.mjs',
      'google-gemini.mjs',
      'google-imagen.mjs',
      'google-usage.mjs',
      'google-conversation.mjs',
      'google-errors.mjs',
      'google-list.mjs',
      'google-models.mjs',
    ],
    recorded: [
      {
        fact: 'Imagen 4’s `predict` reply (`predictions[{mimeType, bytesBase64Encoded}]`, no usage), at 1:1 and 4:3; the simulator’s lacks their `safetyAttributes` and the prompt’s own safety entry (Imagen is shut down: replayed through the widget only)',
        from: [
          'gemini/imagen-4.0-fast-generate-001.yaml',
          'gemini/imagen-4.0-generate-001.yaml',
          'gemini/imagen-4.0-ultra-generate-001.yaml',
          'gemini/imagen-4.0-generate-001-4x3.json',
        ],
        heldBy: ['test/replay/google.test.ts'],
      },
      {
        fact: 'Gemini 3.1 Flash Image’s `generateContent` reply: its fields, its image part’s `thoughtSignature`, `usageMetadata` with 272 output tokens besides the image’s 1,120',
        from: ['gemini/gemini-3.1-flash-image.json'],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/replay/google.test.ts'],
      },
    ],
    unrecorded: [
      'Nano Banana 2.1 and Gemini 3 Pro Image at Google (no reply of theirs recorded); each tier’s image tokens (Google’s figures)',
      'the errors (`google-errors.mjs`), the model list (`google-list.mjs`), the conversation rules (`google-conversation.mjs`), thinking levels',
    ],
  },
  {
    name: 'OpenRouter',
    files: ['openrouter.mjs', 'openrouter-families.mjs', 'openrouter-records.mjs', 'openrouter-key-usage.mjs'],
    recorded: [
      {
        fact: `the endpoint records of ${recordedFamilies.join(', ')}, read from the files at start and served as they are (tags, parameters, lines)`,
        from: [
          'openrouter/endpoints_openai_gpt-image-2.json',
          'openrouter/endpoints_google_gemini-3-pro-image.json',
          'openrouter/endpoints_google_gemini-3.1-flash-lite-image.json',
          'openrouter/endpoints_bytedance-seed_seedream-4.5.json',
        ],
        heldBy: ['test/replay/simulator-shapes.test.ts', 'test/providers/openrouter/live-prices.test.ts'],
      },
      {
        fact: 'the image API’s reply (`data[].b64_json`, `media_type`; `usage` with `cost`, `cost_details`, `is_byok`, the tokens’ details)',
        from: ['openrouter/images_generate_qwen-image-3_1K.json'],
        heldBy: ['test/replay/simulator-shapes.test.ts'],
      },
      {
        fact: 'GPT Image 2.5 Flare’s record (its lines and `quality` up to `max`): recorded, not served (the widget sells no 2.5 at OpenRouter)',
        from: ['openrouter/endpoints_openai_gpt-image-2.5-flare.json'],
        heldBy: [],
      },
    ],
    unrecorded: [
      `the endpoint records of ${madeFamilies.join(', ')} (hand-made on the recorded ones’ pattern), and GPT Image 2’s \`azure\` endpoint (\`azure=1\`)`,
      'each Gemini tier’s image tokens; the text no line prices, billed at the maker’s rate; how `provider.only` matches a tag (exactly, here); a resolution the pinned endpoint lacks (400)',
      'the sign-in and key exchange, `/key`, `/credits`, chat completions, FLUX’s prices, every fault scenario',
      '`/key`’s usage by period (`usage_daily`, `usage_weekly`, `usage_monthly`, UTC as OpenRouter’s OpenAPI document says; `openrouter-key-usage.mjs`): no reply recorded; the simulator’s own debits count in every period (it never runs across a day’s end), and spend made elsewhere is planted by a test (`_spend`)',
      'the generation records (`/generation?id=`, `openrouter-records.mjs`): their fields and errors from OpenRouter’s OpenAPI document (its TypeScript SDK’s), no reply recorded; when a record appears (after one read, `recordlag=`), whether another key of the account may read it (no), and what a BYOK record’s `total_cost` holds are not documented',
    ],
  },
  {
    name: 'fal',
    files: ['fal.mjs', 'fal-fields.mjs', 'fal-edits.mjs', 'fal-outpaint.mjs'],
    recorded: [],
    unrecorded: ['everything: fal-js’s output and input types, fal’s pages and llms.txt'],
  },
  {
    name: 'Hugging Face',
    files: ['huggingface.mjs'],
    recorded: [],
    unrecorded: ['everything: huggingface.js’s types and the router’s documents'],
  },
  {
    name: 'Pollinations',
    files: ['pollinations.mjs', 'pollinations-edits.mjs'],
    recorded: [],
    unrecorded: [
      'everything: pollinations/pollinations’s source (its registry, its routes); the token counts it passes on are those recorded at OpenAI and Google',
    ],
  },
  {
    name: 'Reports (`/sim/replay`)',
    files: ['report-replay.mjs'],
    recorded: [],
    unrecorded: [
      'none of its own: it answers only the exchanges the report it is started from recorded (docs/check.md), and 404 to anything else',
    ],
  },
];
