import { newId } from '../base/ids.js';
import { scrubSecret } from '../base/secrets.js';
import Decimal from 'decimal.js';
import { UserPaysError, asUserPaysError } from '../base/errors.js';
import type { ImageStore, StoredImage } from '../images/image-store.js';
import { movedBy, settleFromBalance, type LedgerStore, type Settlement, type SpentReading } from '../ledger/ledger.js';
import { Durations } from './durations.js';
import type { Charge, PollPolicy, Provider, ReferenceImage, Wiring } from '../providers/provider.js';
import type { PublicRequest, Quote } from '../base/types.js';
import type { StageListener, SubmissionStage } from './stages.js';
import { formatUsd, megapixels } from '../pricing/index.js';
import { DEFAULT_POLL } from '../providers/engine/poll.js';
import { generationText as text } from '../strings/generation.js';
import { readBalanceNow, spentAfter, spentBefore, type BalanceSource } from './balance-check.js';

/** Everything one submission needs; the element builds it, this module runs it. */
export interface GenerationJob {
  provider: Provider;
  endpoint: string;
  apiKey?: string;
  /** The site's relay, already checked: every request of the provider goes through it. */
  relay?: string;
  request: PublicRequest;
  inputs: ReferenceImage[];
  /** The aspect ratio to send, for a model the provider sizes by ratio. */
  ratio?: string;
  /** How the provider wants the request, where the price book says (see `ProviderRequest.wiring`). */
  wiring?: Wiring;
  quote: Quote;
  budget?: string | null;
  /** How amounts in its words are written (BCP 47): the element's locale; the browser's where undefined. */
  locale?: string;
  ledger: LedgerStore;
  images: ImageStore;
  signal: AbortSignal;
  /** Each image's stages as they come: `progress`, `accepted`, `bytes`, `downloaded`, `saved` (see `SubmissionStage`). */
  onStage?: StageListener;
  poll?: PollPolicy;
}

export interface GenerationOutcome {
  /** Persisted images, in submission order. */
  stored: StoredImage[];
  /** USD booked for this submission, including images that were paid for but then failed. */
  charged: string;
  /** Set when some of the `count` images failed while others succeeded. */
  partialError?: UserPaysError;
  /** Set when a provider that reports its charges did not for some image (BFL's `cost: null`): its quote is booked. */
  unreported?: boolean;
  /** Of `charged`, what the user paid upstream providers on their own keys (OpenRouter's BYOK), shown apart. */
  upstream?: string;
}

/** What a provider reported while one image was under way (RunContext's callbacks). */
export interface Seen {
  /** The request that may cost money has left. */
  sending: boolean;
  /** The provider accepted it (and `charge` is what it said it costs, where it says). */
  accepted: boolean;
  charge?: Charge;
  /** The provider has certainly charged for it, or certainly not. */
  billed: boolean;
  uncharged: boolean;
}

/**
 * How a failed image is booked (docs/contract.md, Money): never as nothing when it may have cost something.
 * Charged: what the provider reported at acceptance (BFL debits then), else the quote, when it is known to have
 * billed. Void: when it certainly did not (it said so, nothing left, or it refused the request at submission
 * with an answer). Uncertain, at the quote: when the request left and no answer says what became of it (a lost
 * reply, a cancel in flight, a 502 from a gateway in front of it).
 */
export function bookFailure(seen: Seen, error: UserPaysError, quoted: string): Settlement {
  const because = { error: error.code };
  if (seen.uncharged || error.uncharged) return { void: true, ...because };
  if (error.uncertain) return { uncertain: seen.charge?.usd ?? quoted, ...because };
  if (seen.billed || error.billed) {
    return seen.charge
      ? { charged: seen.charge.usd, credits: seen.charge.credits, ...because }
      : { charged: quoted, ...because };
  }
  if (!seen.sending || (!seen.accepted && error.answered)) return { void: true, ...because };
  // A connection that broke before any reply may have carried the request more than once (error.sends).
  return { uncertain: new Decimal(quoted).times(error.sends ?? 1).toString(), ...because };
}

/**
 * What the user is told of a charge that may have happened, by why no reply said (see `bookFailure`), and what the
 * account's balance moved by meanwhile (`measured`), where it was read and could not settle it.
 */
function sayUncertain(error: UserPaysError, provider: string, usd: string, measured?: string, locale?: string) {
  const balance =
    measured === undefined
      ? []
      : [
          new Decimal(measured).isZero()
            ? text.balanceShowsNoCharge(provider)
            : text.balanceMoved(provider, formatUsd(measured, locale)),
        ];
  if (error.code === 'cancelled') return error.say(text.cancelledMaybeCharged(provider, usd), ...balance);
  if (error.code === 'network') {
    return error.say(text.connectionBroke(provider, usd, (error.sends ?? 1) > 1), ...balance);
  }
  return error.say(...error.said, text.mayHaveBeenCharged(provider, usd), ...balance);
}

/**
 * A charge no reply confirmed, settled from what the account had spent before the image was sent (`before`) and
 * after the fault (SPEC §5): charged at the difference where it can only be this image's, else uncertain at the bound
 * with the difference said beside it (`measured`).
 */
async function settleByBalance(
  uncertain: string,
  entry: { id: string; provider: string; quoted: string },
  source: BalanceSource,
  before: SpentReading,
  ledger: LedgerStore,
  recheckMs = 1000,
) {
  const after = await spentAfter(source, before, recheckMs);
  return after ? settleFromBalance(entry, uncertain, before, after, ledger.entries()) : { uncertain };
}

/**
 * Tells the page of an image (`bytes`, `downloaded`, `saved`): a throw there is the page's display failing,
 * reported, and never a failure of the image, which is paid for and saved all the same.
 */
function tell(listener: StageListener | undefined, stage: SubmissionStage) {
  try {
    void listener?.(stage);
  } catch (error) {
    reportError(error);
  }
}

/**
 * Budget guard, then one ledger entry per image (all written before any request leaves),
 * then the provider calls in parallel; each finished image is persisted before its entry
 * is settled, so a paid image is never only in memory.
 */
export async function runGeneration(job: GenerationJob): Promise<GenerationOutcome> {
  const { request, quote, ledger } = job;
  // What was asked, as each image is sent and stored (`provider`: its id, where `job.provider` is its adapter).
  const { provider, model, width, height, prompt, count } = request;
  /** One id for the submission's images, which the gallery shows together. */
  const batch = newId();
  const entry = {
    provider,
    model,
    width,
    height,
    quoted: quote.perImage,
    prompt, // for resume after a reload; dropped once settled
  };
  const source: BalanceSource = job;
  // What the account had spent, read before anything is sent (where its provider says): it settles a charge no
  // reply confirms. Read while the entries are reserved.
  const reading = spentBefore(source);
  // Every entry is persisted before any request leaves, if the whole submission fits the budget in force.
  const entries = await ledger.reserve(Array(count).fill(entry), quote.total, job.budget, job.locale);
  const before = await reading;
  const started = performance.now();
  const progress: number[] = new Array(count).fill(0);

  let booked = new Decimal(0);
  /** Of `booked`, what the user paid upstream providers on their own keys (OpenRouter's BYOK). */
  let upstream = new Decimal(0);
  let unreported = false;
  // How long this kind of image took here before: the default polling lands on it (a page's own policy stays).
  const kind = `${provider} ${model} ${megapixels(width, height)}`;
  const durations = new Durations(ledger.storageKey, ledger.storage);
  const poll = job.poll ?? { ...DEFAULT_POLL, expectedMs: durations.earliest(kind) };
  const runOne = async (entryId: string, index: number) => {
    /** What the provider said on the way: the ledger books a failure by it (see `bookFailure`). */
    const seen: Seen = { sending: false, accepted: false, billed: false, uncharged: false };
    let acceptedAt: number | undefined;
    /** When the provider last said "not yet": the image became ready between then and its "ready". */
    let notYetAt: number | undefined;
    try {
      const outcome = await job.provider.generate(
        {
          model,
          prompt,
          width,
          height,
          ratio: job.ratio,
          wiring: job.wiring,
          seed: request.seed === undefined ? undefined : request.seed + index,
          inputs: job.inputs,
          settings: request.settings,
        },
        {
          endpoint: job.endpoint,
          apiKey: job.apiKey,
          relay: job.relay,
          signal: job.signal,
          poll,
          onSending() {
            seen.sending = true;
            ledger.markSent(entryId);
          },
          onAccepted(task, charge) {
            Object.assign(seen, { accepted: true, charge });
            acceptedAt = performance.now();
            ledger.attachTask(entryId, { ...task, endpoint: job.endpoint }, charge);
            void job.onStage?.({ stage: 'accepted', charge });
          },
          onBilled: () => (seen.billed = true),
          onBytes: (blob) => tell(job.onStage, { stage: 'bytes', id: entryId, blob }),
          onUncharged: () => (seen.uncharged = true),
          onProgress(p) {
            // Progress 1 is the provider saying it is ready (the download starts): how long it took to make,
            // estimated as the middle of the span it became ready in. Not the moment the page heard it: that is
            // up to a poll's gap later, and polls placed by those would never learn that it can be sooner.
            const now = performance.now();
            if (acceptedAt !== undefined) {
              if (p.progress !== 1) notYetAt = now;
              else durations.record(kind, (Math.max(notYetAt ?? acceptedAt, acceptedAt) + now) / 2 - acceptedAt);
            }
            progress[index] = p.progress ?? progress[index];
            const known = progress.some((x) => x > 0);
            // A provider's own words (fal's logs) may echo the key: none of it reaches the page.
            const status = p.status.said
              ? p.status
              : scrubSecret(p.status.text, job.apiKey) === p.status.text
                ? p.status
                : text.generatingNow();
            void job.onStage?.({
              stage: 'progress',
              detail: {
                status: count > 1 ? text.imageOf(status, index + 1, count) : status,
                elapsedMs: Math.round(performance.now() - started),
                progress: known ? progress.reduce((a, b) => a + b, 0) / progress.length : undefined,
              },
            });
          },
        },
      );
      const charge = outcome.charge ?? seen.charge;
      const charged = charge?.usd ?? quote.perImage;
      unreported ||= !!outcome.unreported;
      // What the account has left after it, for its receipt: read while the page is told of the image.
      const leftRead = readBalanceNow(source);
      const stored: StoredImage = {
        ...outcome.image,
        id: entryId,
        entryId,
        batch,
        prompt,
        model,
        provider,
        charged,
        createdAt: Date.now(),
      };
      tell(job.onStage, { stage: 'downloaded', image: stored });
      const after = await leftRead;
      const receipt = {
        quoted: quote.perImage,
        basis: charge ? ('reported' as const) : ('quote' as const),
        credits: charge?.credits,
        left: after?.usd?.toFixed(),
      };
      // What the balance fell by across it, where that says otherwise than the charge booked (SPEC §4, Pollinations).
      const moved =
        before &&
        after?.spent &&
        movedBy({ id: entryId, provider }, before, { spent: after.spent, at: after.ended }, ledger.entries());
      stored.receipt = moved && !new Decimal(moved).eq(charged) ? { ...receipt, moved } : receipt;
      await job.images.put(stored);
      ledger.settle(entryId, { charged, upstream: charge?.upstream, ...receipt });
      booked = booked.plus(charged);
      upstream = upstream.plus(charge?.upstream ?? 0);
      tell(job.onStage, { stage: 'saved', image: stored });
      return stored;
    } catch (thrown) {
      const error = asUserPaysError(thrown);
      let settlement: Settlement & { measured?: string } = bookFailure(seen, error, quote.perImage);
      if ('uncertain' in settlement && before) {
        const found = await settleByBalance(
          settlement.uncertain,
          { id: entryId, ...entry },
          source,
          before,
          ledger,
          poll.recheckMs,
        );
        settlement = { ...found, ...('charged' in found && { basis: 'balance' }), error: error.code };
      }
      ledger.settle(entryId, settlement);
      if ('charged' in settlement) {
        booked = booked.plus(settlement.charged);
        // Every charged failure says what was charged: the words of the error alone may suggest nothing was.
        const usd = formatUsd(settlement.charged, job.locale);
        if (error.code === 'cancelled') error.say(text.cancelledCharged(provider, usd));
        else if (settlement.basis !== 'balance') error.say(...error.said, text.chargedForIt(provider, usd));
        else {
          // Settled from the balance: what the error said before the request was known to have left is not true.
          const why = error.code === 'network' ? [text.connectionBrokeAfterSending()] : error.said;
          error.say(...why, text.balanceShowsCharge(provider, usd));
        }
      }
      // One sentence for what may have been charged, in place of words that said what went wrong before it was
      // known that the request had left ("Could not reach", "Nothing more will be charged").
      if ('uncertain' in settlement) {
        sayUncertain(error, provider, formatUsd(settlement.uncertain, job.locale), settlement.measured, job.locale);
      }
      throw error;
    }
  };

  const settled = await Promise.allSettled(entries.map((entry, i) => runOne(entry.id, i)));
  const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [asUserPaysError(s.reason)] : []));
  if (stored.length === 0) throw failures[0];
  return {
    stored,
    charged: booked.toString(),
    partialError: failures[0],
    unreported,
    ...(upstream.isZero() ? {} : { upstream: upstream.toString() }),
  };
}
