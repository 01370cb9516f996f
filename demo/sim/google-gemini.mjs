// Gemini's `generateContent` for image models, as the simulator answers it (google.mjs): what it takes of the request
// (its turns, google-conversation.mjs; `responseModalities`, `imageConfig`, `candidateCount`, `thinkingConfig`), what
// it makes (one image, or `images=<n>`, each drawn at the ratio and tier asked, each with its thought signature), what
// it says it used and what it bills (google-usage.mjs).
import { randomUUID } from 'node:crypto';
import { send, sleep } from './http.mjs';
import { forModel } from './kit.mjs';
import { drawImage } from './png.mjs';
import { invalid } from './google-errors.mjs';
import { readTurns, signatureFor } from './google-conversation.mjs';
import { GEMINI, GEMINI_SIZES, TIER_SCALE, inputTokensOf, modelStatus } from './google-models.mjs';
import { billOf, promptTokens, usageSaid } from './google-usage.mjs';

/**
 * Why the request's caps are refused, or undefined: `candidateCount` must be 1 (Google takes 1 to 8 for some models,
 * 1 where unset: stricter here, as the widget asks for one answer and must say so); `thinkingConfig` must be one the
 * model takes: a `thinkingLevel` of its levels (`thinking` in GEMINI, case aside, as Google's enums are read), none for
 * a model with none (Nano Banana Pro thinks always; no level is sourced for 3.1 Flash Lite), and no `thinkingBudget`
 * (Gemini 2.5's; refused beside a level, as Google refuses both together, and alone here, as no source says a Gemini 3
 * image model takes it).
 */
function capsRefused(spec, config) {
  const { candidateCount } = config;
  if (candidateCount !== undefined && (!Number.isInteger(candidateCount) || candidateCount < 1 || candidateCount > 8))
    return `* GenerateContentRequest.generation_config.candidate_count: must be between 1 and 8, got ${JSON.stringify(candidateCount)}`;
  if (candidateCount !== 1)
    return 'Simulator: generationConfig.candidateCount must be 1 (one answer asked, so that no answer beyond it is billed).';
  const thinking = config.thinkingConfig;
  if (thinking === undefined) return undefined;
  if (typeof thinking !== 'object' || thinking === null)
    return '* GenerateContentRequest.generation_config.thinking_config: must be an object';
  if (thinking.thinkingBudget !== undefined)
    return thinking.thinkingLevel !== undefined
      ? '* GenerateContentRequest.generation_config.thinking_config: thinking_budget and thinking_level are not supported together.'
      : '* GenerateContentRequest.generation_config.thinking_config.thinking_budget: is not supported by this model; use thinking_level.';
  const level = thinking.thinkingLevel;
  if (level === undefined) return undefined;
  if (!spec.thinking)
    return '* GenerateContentRequest.generation_config.thinking_config.thinking_level: is not supported by this model.';
  if (typeof level !== 'string' || !spec.thinking.includes(level.toUpperCase()))
    return `* GenerateContentRequest.generation_config.thinking_config.thinking_level: unsupported value ${JSON.stringify(level)}`;
  return undefined;
}

/** Why `config` (`generationConfig`) is refused for `spec`, or undefined: its modalities, ratio, tier and caps. */
function configRefused(spec, config) {
  if (!Array.isArray(config.responseModalities) || !config.responseModalities.includes('IMAGE'))
    return 'Simulator: responseModalities must name IMAGE for an image (this model writes text else).';
  const { aspectRatio = '1:1', imageSize = '1K' } = config.imageConfig ?? {};
  if (!spec.ratios.includes(aspectRatio))
    return `* GenerateContentRequest.generation_config.image_config.aspect_ratio: unsupported value "${aspectRatio}"`;
  if (!Object.hasOwn(spec.tokens, imageSize))
    return `* GenerateContentRequest.generation_config.image_config.image_size: unsupported value "${imageSize}"`;
  return capsRefused(spec, config);
}

/**
 * The reply's one candidate: the images `model` made (`count` of `width`×`height`), each part with the thought signature
 * a later turn sends it back with (Google's image generation guide: every image part of a reply carries one); or none,
 * its filters having taken it.
 */
function candidateOf({ model, moderated, count, width, height, text, seed }) {
  if (moderated) return { finishReason: 'IMAGE_SAFETY', index: 0 };
  return {
    content: {
      parts: Array.from({ length: count }, (_, index) => ({
        inlineData: {
          mimeType: 'image/png',
          data: drawImage({ width, height, prompt: text, seed: seed + index }).toString('base64'),
        },
        thoughtSignature: signatureFor(model),
      })),
      role: 'model',
    },
    finishReason: 'STOP',
    index: 0,
  };
}

/**
 * Gemini's `generateContent` for `model`, billing `charges` what its reply's usage counts; made after `pendingMs` (or
 * the scenario's `pending`). The scenario's `images`, `text`, `thoughts`, `usage` and `fault=moderated` as google.mjs's
 * header says.
 */
export function geminiGenerate({ charges, pendingMs }) {
  return async function gemini(req, res, model, body, scenario, key, now) {
    const spec = GEMINI[model];
    const turns = readTurns(body.contents, model);
    if (turns.refusal) return invalid(req, res, turns.refusal);
    const { text } = turns;
    const config = body.generationConfig ?? {};
    const refused = configRefused(spec, config);
    if (refused) return invalid(req, res, refused);
    const count = Number(scenario.images ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > 8)
      return invalid(req, res, `Simulator scenario: images=${scenario.images} is not a whole number from 1 to 8.`);
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    const prompt = promptTokens(text);
    const sent = turns.images * inputTokensOf(spec);
    const moderated = scenario.fault === 'moderated';
    // Every image of the reply is billed, the first as much as the others (images=<n>).
    const { aspectRatio = '1:1', imageSize = '1K' } = config.imageConfig ?? {};
    const image = moderated ? 0 : spec.tokens[imageSize] * count;
    const written = moderated ? 0 : Number(scenario.text ?? 272);
    const thoughts = Number(scenario.thoughts ?? 0);
    charges.charge(key, billOf(spec, { prompt, sent, image, written, thoughts }), { count: moderated ? 0 : count });
    const [width, height] = (GEMINI_SIZES[aspectRatio] ?? [1024, 1024]).map((side) => side * TIER_SCALE[imageSize]);
    const usageMetadata = usageSaid(scenario.usage, { prompt, sent, image, written, thoughts, moderated });
    send(req, res, 200, {
      candidates: [candidateOf({ model, moderated, count, width, height, text, seed: config.seed ?? 0 })],
      ...(scenario.usage !== 'none' && { usageMetadata }),
      modelVersion: model.replace(/-preview$/, ''),
      responseId: randomUUID(),
      modelStatus: modelStatus(model, now),
    });
  };
}
