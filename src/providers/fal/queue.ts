import { UserPaysError } from '../../base/errors.js';
import type { ProviderId } from '../../base/types.js';
import { downloadImage } from '../engine/http.js';
import type { ProviderOutcome, ProviderTask, RunContext } from '../provider.js';
import { sayer } from '../../strings/strings.js';
import { falWords } from './words.js';
import { generationText } from '../../strings/generation.js';

const falText = sayer('fal', falWords);

/**
 * fal's queue as fal's adapter and Hugging Face's router both meet it (the router passes a request under `/fal-ai/…`
 * on to fal's queue and fal's replies back unchanged: huggingface/adapter.ts): fal's endpoint ids for our models,
 * its queue position, and what a finished request answers.
 */

/**
 * fal's endpoint id for one of our models (FLUX.2): `flux-2-klein-4b` → `fal-ai/flux-2/klein/4b`, `flux-2-pro` →
 * `fal-ai/flux-2-pro`, and [dev] at fal's bare `fal-ai/flux-2` (fal-js libs/client/src/types/endpoints.ts at
 * 381105e: "fal-ai/flux-2" takes Flux2Input); with reference images its `/edit` endpoint.
 */
export const falEndpointId = (model: string, edit?: unknown) =>
  'fal-ai/' +
  model.replace(/^flux-2-klein-/, 'flux-2/klein/').replace(/^flux-2-dev$/, 'flux-2') +
  (edit ? '/edit' : '');

/**
 * "Queued (position 2)" from fal's `queue_position` (0 first): a whole number of people ahead, else no position
 * ("Queued"), never a hostile or broken one (1e308, "3", -1) shown as a place in the queue.
 */
export const queueStatus = (position: unknown) =>
  typeof position === 'number' && Number.isSafeInteger(position) && position >= 0
    ? falText.queuedAt(position + 1)
    : generationText.queued();

/**
 * A finished fal result (fal's own, or passed on by Hugging Face's router: `provider`) as an outcome. [klein] and
 * [dev] run fal's safety checker (`enable_safety_checker`, default true) and say what it found in
 * `has_nsfw_concepts`, one per image (v4Output in fal-js libs/client/src/types/endpoints.ts at 381105e): a flagged
 * image is sent black in its place. fal withholds the image but bills the request, so the widget does too. They also
 * say the prompt they used (v4Output `prompt`): where it is not `sent` (the prompt expanded), it is the image's revised
 * prompt.
 */
export async function falOutcome(
  result: { has_nsfw_concepts?: boolean[]; images?: { url?: string }[]; seed?: unknown; prompt?: unknown },
  provider: ProviderId,
  task: ProviderTask,
  context: RunContext,
  signal: AbortSignal,
  sent?: string,
): Promise<ProviderOutcome> {
  if (result.has_nsfw_concepts?.[0] === true) {
    const error = new UserPaysError('moderated', falText.safetyWithheld(provider), false);
    error.billed = true;
    throw error;
  }
  context.onProgress?.({ status: generationText.downloading(), progress: 1 });
  const image = await downloadImage(result.images?.[0]?.url, signal, context);
  const { seed, prompt } = result;
  // (An empty one is none: Erase is sent no prompt, and answers an empty one.)
  const revisedPrompt = typeof prompt === 'string' && prompt && prompt !== sent ? prompt : undefined;
  return { image: { ...image, seed: typeof seed === 'number' ? seed : undefined, revisedPrompt }, task };
}
