import { newId } from '../base/ids.js';
import Decimal from 'decimal.js';
import { UserPaysError } from '../base/errors.js';
import type { StoredImage } from '../images/image-store.js';
import { mostOf, mostPerImage } from '../pricing/quote.js';
import { DEFAULT_POLL } from '../providers/engine/poll.js';
import { onThisMachine } from '../providers/urls.js';
import { generationText } from '../strings/generation.js';
import { spentBefore } from './balance-check.js';
import { combinedProgress } from './combined-progress.js';
import { Durations, kindOf } from './durations.js';
import type { GenerationJob } from './generation-job.js';
import { ImageAttempt, payeeOf, type AttemptSettled, type ReservedEntry, type BatchContext } from './image-attempt.js';

// The pipeline's door: what a submission takes, and how a failure is booked (resume books its own by the same rule).
export type { GenerationJob } from './generation-job.js';
export { bookFailure, type Seen } from './book-failure.js';

export interface GenerationOutcome {
  /** Persisted images, in submission order. */
  stored: StoredImage[];
  /** USD booked for this submission, including images that were paid for but then failed. */
  charged: string;
  /** Set when some of the `count` images failed while others succeeded. */
  partialError?: UserPaysError;
  /** Set when a provider that reports its charges did not for some image (BFL's `cost: null`): its quote is booked. */
  unreported?: boolean;
  /** A charge a provider reported beyond reason, USD (the first such image's): booked at the bound instead. */
  disbelieved?: string;
  /** Of `charged`, what the user paid upstream providers on their own keys (OpenRouter's BYOK), shown apart. */
  upstream?: string;
  /** The day the provider said it retires the model, within a month (`ProviderOutcome.retiring`). */
  retiring?: string;
}

/**
 * Budget guard, then one ledger entry per image (all written before any request leaves), then the images in
 * parallel, each one `ImageAttempt` (stored before its entry is settled, so a paid image is never only in memory);
 * the outcome is the sum of what each came to.
 */
export async function runGeneration(job: GenerationJob): Promise<GenerationOutcome> {
  const { request, quote, ledger } = job;
  refuseWhileOffline(job);
  // What was asked, as each image is sent and stored (`provider`: its id, where `job.provider` is its adapter).
  const { provider, model, width, height, prompt, count } = request;
  const batch = newId();
  // Each entry holds the most its image can cost (`atMost` where the price is a bound), and the budget is checked so.
  const payee = payeeOf(job);
  const entry: ReservedEntry = {
    provider,
    model,
    width,
    height,
    quoted: mostPerImage(quote),
    prompt,
    ...(payee !== provider && { payee }),
    ...(request.edit?.editOf && { editOf: request.edit.editOf }),
  };
  // What the account had spent, read before anything is sent (where its provider says): it settles a charge no
  // reply confirms. Read while the entries are reserved.
  const reading = spentBefore(job);
  // Every entry is persisted before any request leaves, if the whole submission fits the budget in force.
  const bound = quote.atMost !== undefined;
  const entries = await ledger.reserve(Array(count).fill(entry), mostOf(quote), job.budget, job.locale, bound);
  const before = await reading;
  const progress = combinedProgress(job, performance.now());
  // How long this kind of image took here before: the default polling lands on it (a page's own policy stays).
  const kind = kindOf(request);
  const durations = new Durations(ledger.storageKey, ledger.storage);
  const poll = job.poll ?? { ...DEFAULT_POLL, expectedMs: durations.earliest(kind) };
  const shared: BatchContext = { job, batch, entry, before, poll, durations, kind, progress };
  const settled = await Promise.all(entries.map(({ id }, index) => new ImageAttempt(shared, id, index).settle()));
  return sum(settled);
}

/**
 * Nothing is sent where the browser says this device is offline (`navigator.onLine` false: "the user agent will not
 * contact the network", HTML Standard, navigator.onLine): a request handed to it could reach nothing beyond this
 * machine, and a request that never left was never charged, so nothing is opened, held or booked. A provider or relay
 * on this machine (a local proxy, the simulators) is reached without a network, and is sent to as ever. Offline only
 * after this, the request may have left: a failure then is booked as any other (docs/reliability.md).
 */
function refuseWhileOffline(job: GenerationJob) {
  if (globalThis.navigator?.onLine !== false || onThisMachine(job.relay ?? job.endpoint)) return;
  const error = new UserPaysError('network', generationText.offline(payeeOf(job)));
  error.uncharged = true;
  throw error;
}

/**
 * A submission's outcome from what its images came to, in submission order: what they stored, booked and paid
 * upstream, and the first failure, thrown where no image was stored.
 */
function sum(settled: AttemptSettled[]): GenerationOutcome {
  // Each image's, then the others its call made with it (a Gemini reply of several), booked with it.
  const stored = settled.flatMap((image) => ('stored' in image ? [image.stored, ...(image.more ?? [])] : []));
  const failures = settled.flatMap((image) => ('error' in image ? [image.error] : []));
  if (stored.length === 0) throw failures[0];
  const charged = Decimal.sum(0, ...settled.map((image) => image.charged ?? 0));
  const upstream = Decimal.sum(0, ...settled.map((image) => image.upstream ?? 0));
  return {
    stored,
    charged: charged.toString(),
    partialError: failures[0],
    unreported: settled.some((image) => image.unreported),
    disbelieved: settled.find((image) => image.disbelieved !== undefined)?.disbelieved,
    retiring: settled.find((image) => image.retiring)?.retiring,
    ...(upstream.isZero() ? {} : { upstream: upstream.toString() }),
  };
}
