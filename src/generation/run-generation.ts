import Decimal from 'decimal.js';
import { UserPaysError, asUserPaysError } from '../errors.js';
import type { ImageStore, StoredImage } from '../ledger/image-store.js';
import type { LedgerStore } from '../ledger/index.js';
import type { Charge, PollPolicy, Provider, ReferenceImage } from '../providers/provider.js';
import type { ProgressDetail, PublicRequest, Quote } from '../types.js';
import * as text from '../strings.js';

/** Everything one submission needs; the element builds it, this module runs it. */
export interface GenerationJob {
  provider: Provider;
  endpoint: string;
  apiKey?: string;
  request: PublicRequest;
  inputs: ReferenceImage[];
  /** The aspect ratio to send, for a model the provider sizes by ratio. */
  ratio?: string;
  /** The provider's own name for the model, where the price book gives one (gateways). */
  providerModel?: string;
  quote: Quote;
  budget?: string | null;
  ledger: LedgerStore;
  images: ImageStore;
  signal: AbortSignal;
  onProgress?(detail: ProgressDetail): void;
  poll?: PollPolicy;
}

export interface GenerationOutcome {
  /** Persisted images, in submission order. */
  stored: StoredImage[];
  /** USD booked for this submission, including images that were paid for but then failed. */
  charged: string;
  /** Set when some of the `count` images failed while others succeeded. */
  partialError?: UserPaysError;
}

/**
 * Budget guard, then one ledger entry per image (all written before any request leaves),
 * then the provider calls in parallel; each finished image is persisted before its entry
 * is settled, so a paid image is never only in memory.
 */
export async function runGeneration(job: GenerationJob): Promise<GenerationOutcome> {
  const { request, quote, ledger } = job;
  if (ledger.wouldExceed(quote.total, job.budget)) {
    throw new UserPaysError('budget-exceeded', text.budgetExceeded(quote.total, job.budget || ledger.budget!), false);
  }
  const started = performance.now();
  const progress: number[] = new Array(request.count).fill(0);
  const entries = Array.from({ length: request.count }, () =>
    ledger.open({
      provider: request.provider,
      model: request.model,
      width: request.width,
      height: request.height,
      quoted: quote.perImage,
      prompt: request.prompt, // for resume after a reload; dropped once settled
    }),
  );

  let booked = new Decimal(0);
  const runOne = async (entryId: string, index: number) => {
    let accepted: Charge | undefined;
    try {
      const outcome = await job.provider.generate(
        {
          model: request.model,
          prompt: request.prompt,
          width: request.width,
          height: request.height,
          ratio: job.ratio,
          providerModel: job.providerModel,
          seed: request.seed === undefined ? undefined : request.seed + index,
          inputs: job.inputs,
        },
        {
          endpoint: job.endpoint,
          apiKey: job.apiKey,
          signal: job.signal,
          poll: job.poll,
          onAccepted(task, charge) {
            accepted = charge;
            ledger.attachTask(entryId, task, charge);
          },
          onProgress(p) {
            progress[index] = p.progress ?? progress[index];
            const known = progress.some((x) => x > 0);
            job.onProgress?.({
              status: request.count > 1 ? text.imageOf(p.status, index + 1, request.count) : p.status,
              elapsedMs: Math.round(performance.now() - started),
              progress: known ? progress.reduce((a, b) => a + b, 0) / progress.length : undefined,
            });
          },
        },
      );
      const charge = outcome.charge ?? accepted;
      const charged = charge?.usd ?? quote.perImage;
      const stored: StoredImage = {
        id: entryId,
        entryId,
        blob: outcome.image.blob,
        prompt: request.prompt,
        model: request.model,
        provider: request.provider,
        width: outcome.image.width,
        height: outcome.image.height,
        seed: outcome.image.seed,
        charged,
        createdAt: Date.now(),
      };
      await job.images.put(stored);
      ledger.settle(entryId, { charged, credits: charge?.credits });
      booked = booked.plus(charged);
      return stored;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      // A provider that reported a cost on acceptance (BFL) has debited it, whatever happened
      // after; providers that report no cost (fal, gateways) bill only delivered images.
      if (accepted && !error.uncharged) {
        ledger.settle(entryId, { charged: accepted.usd, credits: accepted.credits, error: error.code });
        booked = booked.plus(accepted.usd);
      } else {
        ledger.settle(entryId, { void: true, error: error.code });
      }
      throw error;
    }
  };

  const settled = await Promise.allSettled(entries.map((entry, i) => runOne(entry.id, i)));
  const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [asUserPaysError(s.reason)] : []));
  if (stored.length === 0) throw failures[0];
  return { stored, charged: booked.toString(), partialError: failures[0] };
}
