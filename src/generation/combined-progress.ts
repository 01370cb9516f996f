import { scrubSecret } from '../base/secrets.js';
import type { ProviderProgress } from '../providers/provider.js';
import { generationText as text } from '../strings/generation.js';
import type { GenerationJob } from './generation-job.js';

/** How an image reports what its provider says of its progress (`index`: its place in the submission). */
export type ReportProgress = (index: number, said: ProviderProgress) => void;

/**
 * The progress of a submission's images taken together, as the page is told it (the `progress` stage): each image
 * reports what its provider says, and the page hears that image's words with the mean of every image's last known
 * fraction (unknown while none has said more than nothing), and the time since `started` (`performance.now()`, when
 * the images were sent). The fractions are this reporter's own: nothing else reads or changes them.
 */
export function combinedProgress(job: GenerationJob, started: number): ReportProgress {
  const count = job.request.count;
  /** Each image's last known fraction, by its index in the submission (0 until it says). */
  const fractions = new Array<number>(count).fill(0);
  return (index, said) => {
    fractions[index] = said.progress ?? fractions[index];
    const known = fractions.some((x) => x > 0);
    // A provider's own words (fal's logs) may echo the key: none of it reaches the page.
    const status = said.status.said
      ? said.status
      : scrubSecret(said.status.text, job.apiKey) === said.status.text
        ? said.status
        : text.generatingNow();
    void job.onStage?.({
      stage: 'progress',
      detail: {
        status: count > 1 ? text.imageOf(status, index + 1, count) : status,
        elapsedMs: Math.round(performance.now() - started),
        progress: known ? fractions.reduce((a, b) => a + b, 0) / count : undefined,
        asks: said.asks,
      },
    });
  };
}
