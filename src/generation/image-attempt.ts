/**
 * One image of a submission, from its request to its booking: sent, its progress told, its image stored, its entry
 * settled. What it came to is its value, never a change to what the submission holds.
 */
import Decimal from 'decimal.js';
import { asUserPaysError, type UserPaysError } from '../base/errors.js';
import type { ChargeBasis, ProviderId } from '../base/types.js';
import type { StoredImage } from '../images/image-store.js';
import { keptConversation } from '../images/conversations.js';
import { laidOver } from '../images/masks.js';
import { movedBy, othersBetween, wholePricesMoved, type SpentReading } from '../ledger/ledger.js';
import { mostPerImage } from '../pricing/quote.js';
import { formatUsd } from '../pricing/index.js';
import { generationText as text } from '../strings/generation.js';
import { payeeAt, providerInfo } from '../providers/registry/catalog.js';
import { parse } from '../providers/urls.js';
import type { Charge, PollPolicy, ProviderImage, ProviderOutcome, ProviderProgress } from '../providers/provider.js';
import { readBalanceNow, spentAfter, type BalanceReading } from './balance-check.js';
import {
  bookFailure,
  sayBooked,
  settleByBalance,
  watchBalance,
  type Watched,
  type FailureSettlement,
  type Seen,
} from './book-failure.js';
import type { ReportProgress } from './combined-progress.js';
import { checkReport, type ReportedFor } from './report-check.js';
import type { Durations } from './durations.js';
import type { GenerationJob } from './generation-job.js';
import type { StageListener, SubmissionStage } from './stages.js';

/** What each image's ledger entry was reserved with. */
export interface ReservedEntry {
  provider: ProviderId;
  model: string;
  width: number;
  height: number;
  quoted: string;
  /** For resume after a reload; dropped once settled. */
  prompt: string;
  /** Whom the user pays, where the provider's id does not say it (OpenAI at its own API). */
  payee?: string;
  /** The image it edits, by its gallery id (SPEC §13). */
  editOf?: string;
}

/** What every image of a submission (its batch) shares: set by `runGeneration` before any is sent; no attempt changes it. */
export interface BatchContext {
  job: GenerationJob;
  /** One id for the submission's images, which the gallery shows together. */
  batch: string;
  entry: ReservedEntry;
  /** What the account had spent before anything was sent, where its provider says: it settles a charge no reply confirms. */
  before?: SpentReading;
  poll: PollPolicy;
  /** How long this kind of image took here (`kind`: provider, model and size), learned as each one is made. */
  durations: Durations;
  kind: string;
  /** Where each image's progress goes, to be told to the page with the others'. */
  progress: ReportProgress;
}

/** What an image booked: USD (absent: nothing), and of it what was paid upstream (OpenRouter's BYOK). */
interface Booked {
  charged?: string;
  upstream?: string;
  /** The provider, which reports what it charges, answered without saying for this image (BFL's `cost: null`). */
  unreported: boolean;
  /** A charge the provider reported beyond reason, USD (`checkReport`): booked at the bound instead. */
  disbelieved?: string;
  /** The day the provider said in its reply that it retires the model, within a month (`ProviderOutcome.retiring`). */
  retiring?: string;
}

/** What one image came to: what it stored and booked, or its error (in its final words) and what it booked. */
export type AttemptSettled =
  (Booked & { stored: StoredImage; charged: string; more?: StoredImage[] }) | (Booked & { error: UserPaysError });

/**
 * How an image's charge is known, as its receipt says: from the balance (it fell by more than was reported), from the
 * provider's report, at its price's bound (no reply said), or at the quote.
 */
function basisOf(fromBalance: boolean, reported: boolean, bound: boolean): ChargeBasis {
  if (fromBalance) return 'balance';
  if (reported) return 'reported';
  return bound ? 'bound' : 'quote';
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
 * One image: its request sent with the submission's, what the provider says on the way kept (`Seen`: the ledger books
 * a failure by it), then the image stored before its entry settles (a paid image is never only in memory), or the
 * failure booked. `settle()` runs it (once) and never rejects.
 */
export class ImageAttempt {
  readonly #shared: BatchContext;

  /** The image's ledger entry, and its stored image's id. */
  readonly #entryId: string;

  /** Its place in the submission: the seed's offset, and its words' "n of count". */
  readonly #index: number;

  /** What the provider said on the way: the ledger books a failure by it (see `bookFailure`). */
  readonly #seen: Seen = { sending: false, accepted: false, billed: false, uncharged: false };

  /** When the provider accepted it (`performance.now()`): how long it took to make is counted from then. */
  #acceptedAt: number | undefined;

  /** When the provider last said "not yet": the image became ready between then and its "ready". */
  #notYetAt: number | undefined;

  /** When its request left (`performance.now()`): the user's whole wait for it is counted from then. */
  #sentAt: number | undefined;

  /** A charge the provider reported beyond reason (`checkReport`), USD: not booked, kept in the receipt. */
  #disbelieved: string | undefined;

  constructor(shared: BatchContext, entryId: string, index: number) {
    this.#shared = shared;
    this.#entryId = entryId;
    this.#index = index;
  }

  /** Sends the image and stores it, or books its failure: what it came to. */
  async settle(): Promise<AttemptSettled> {
    let unreported = false;
    try {
      const outcome = await this.#send();
      if (this.#sentAt !== undefined)
        this.#shared.durations.recordWait(this.#shared.kind, performance.now() - this.#sentAt);
      unreported = !!outcome.unreported;
      return await this.#store(outcome, unreported);
    } catch (thrown) {
      // Should the booking itself throw, the image fails with what it threw and nothing booked for it: an attempt
      // never rejects, so the submission sums the others all the same.
      return this.#book(asUserPaysError(thrown), unreported).catch((failed: unknown) => ({
        error: asUserPaysError(failed),
        unreported,
      }));
    }
  }

  /** The provider's call, its callbacks keeping what it says and telling the ledger and the page. */
  #send(): Promise<ProviderOutcome> {
    const { job, poll } = this.#shared;
    const { request, ledger } = job;
    const seen = this.#seen;
    return job.provider.generate(
      {
        model: request.model,
        prompt: request.prompt,
        width: request.width,
        height: request.height,
        ratio: job.ratio,
        quality: request.quality,
        wiring: job.wiring,
        seed: request.seed === undefined ? undefined : request.seed + this.#index,
        inputs: job.inputs,
        settings: request.settings,
        edit: job.edit,
        conversation: job.conversation,
      },
      {
        endpoint: job.endpoint,
        apiKey: job.apiKey,
        keyMadeBySignIn: job.keyMadeBySignIn,
        relay: job.relay,
        signal: job.signal,
        poll,
        quoted: this.#shared.entry.quoted,
        onSending: () => {
          seen.sending = true;
          this.#sentAt ??= performance.now();
          ledger.markSent(this.#entryId);
        },
        onAccepted: (task, reported) => {
          const charge = this.#believed(reported);
          Object.assign(seen, { accepted: true, charge });
          this.#acceptedAt = performance.now();
          ledger.attachTask(this.#entryId, { ...task, endpoint: job.endpoint }, charge);
          void job.onStage?.({ stage: 'accepted', charge });
        },
        onBilled: () => (seen.billed = true),
        // A result laid over the original is shown once it is: never the provider's own first, changed where unpainted.
        onBytes: (blob) => this.#laysOver() || tell(job.onStage, { stage: 'bytes', id: this.#entryId, blob }),
        onUncharged: () => (seen.uncharged = true),
        onProgress: (said) => this.#progressed(said),
      },
    );
  }

  /** What the provider said of the image's progress: learned from (how long it took) and told with the others'. */
  #progressed(said: ProviderProgress) {
    // Progress 1 is the provider saying it is ready (the download starts): how long it took to make, estimated as
    // the middle of the span it became ready in. Not the moment the page heard it: that is up to a poll's gap
    // later, and polls placed by those would never learn that it can be sooner.
    const now = performance.now();
    const accepted = this.#acceptedAt;
    if (accepted !== undefined) {
      if (said.progress !== 1) this.#notYetAt = now;
      else {
        const ready = (Math.max(this.#notYetAt ?? accepted, accepted) + now) / 2;
        this.#shared.durations.record(this.#shared.kind, ready - accepted);
      }
    }
    this.#shared.progress(this.#index, said);
  }

  /** Whether the result is laid over the original through the mask: a masked edit at a provider that takes it as advice. */
  #laysOver(): boolean {
    const { edit, provider } = this.#shared.job;
    return edit?.kind === 'mask' && !!edit.mask && !!provider.softMasks;
  }

  /**
   * The image as it is kept: where it is laid over the original (`#laysOver`), that, with the provider's own result
   * beside it; where that cannot be done (bytes the page may not read), the provider's result, as paid for.
   */
  async #kept(image: ProviderImage): Promise<ProviderImage & { asMade?: Blob }> {
    const { edit, inputs } = this.#shared.job;
    if (!this.#laysOver() || !image.blob || !edit?.mask) return image;
    const blob = await laidOver(inputs[0], image.blob, edit.mask).catch(() => undefined);
    return blob ? { ...image, blob, asMade: image.blob } : image;
  }

  /** The image made: stored with its receipt, then its entry settled at what it cost. */
  async #store(outcome: ProviderOutcome, unreported: boolean): Promise<AttemptSettled> {
    const { job, batch, before } = this.#shared;
    const { ledger, quote } = job;
    const { prompt, model, provider, quality, settings = {} } = job.request;
    const entryId = this.#entryId;
    this.#disbelieved ??= outcome.disbelieved;
    const charge =
      outcome.disbelieved === undefined ? (this.#believed(outcome.charge) ?? this.#seen.charge) : undefined;
    const disbelieved = this.#disbelieved;
    // A price that is a bound, and no reply said what it came to (or one beyond reason): booked at the bound, as
    // uncertain (SPEC §12).
    const bound = !charge && (quote.atMost !== undefined || disbelieved !== undefined);
    let charged = charge?.usd ?? mostPerImage(quote);
    // What the account has left after it, for its receipt: read while the page is told of the image.
    const leftRead = readBalanceNow(job);
    const stored: StoredImage = {
      ...asKept(await this.#kept(outcome.image)),
      ...(job.request.edit && { edit: job.request.edit }),
      id: entryId,
      entryId,
      batch,
      prompt,
      model,
      provider,
      ...(quality && { quality }),
      settings,
      charged,
      createdAt: Date.now(),
    };
    // The call's other images (`moreImages`), paid for in its charge, booked with this one: each kept and shown
    // beside it, at nothing of its own, so that the charge is booked once and no image it paid for is dropped.
    const more: StoredImage[] = (outcome.moreImages ?? []).map((image, index) => ({
      ...stored,
      ...asKept(image),
      seed: image.seed, // made in the same call, not from the first one's seed
      id: `${entryId}-${index + 2}`,
      charged: '0',
      paidWith: entryId,
    }));
    for (const image of [stored, ...more]) tell(job.onStage, { stage: 'downloaded', image });
    const after = await leftRead;
    const larger = await this.#fellByMore(charged, after);
    stored.charged = charged = larger ?? charged;
    const receipt = {
      quoted: quote.perImage,
      // Where the price is a bound, its most: a charge up to it is within what was quoted.
      ...(quote.atMost !== undefined && { most: mostPerImage(quote) }),
      basis: basisOf(!!larger, !!charge, bound),
      credits: larger ? undefined : charge?.credits,
      left: after?.usd?.toFixed(),
      ...(disbelieved !== undefined && { reported: disbelieved }),
    };
    // What the balance fell by across it, where that says otherwise than the charge booked (SPEC §4, Pollinations).
    const moved =
      before &&
      after?.spent &&
      movedBy({ id: entryId, provider }, before, { spent: after.spent, at: after.ended }, ledger.entries());
    stored.receipt = moved && !new Decimal(moved).eq(charged) ? { ...receipt, moved } : receipt;
    await job.images.put(stored);
    for (const image of more) await job.images.put(image);
    ledger.settle(
      entryId,
      bound ? { uncertain: charged, basis: 'bound' } : { charged, upstream: charge?.upstream, ...receipt },
    );
    for (const image of [stored, ...more]) tell(job.onStage, { stage: 'saved', image });
    return {
      stored,
      charged,
      upstream: charge?.upstream,
      unreported,
      ...(disbelieved !== undefined && { disbelieved }),
      retiring: outcome.retiring,
      ...(more.length > 0 && { more }),
    };
  }

  /**
   * What the balance of a key this ledger's alone fell by across the image, where that is more than `charged` (the
   * provider took more than its list said: Pollinations' price moved after the list was read) and the balance held
   * still there, with no other image of the provider between the reads: the larger is booked, never the quote.
   * Read again only where the first read after the image (`after`) fell by more: otherwise nothing waits for it.
   */
  async #fellByMore(charged: string, after: BalanceReading | undefined): Promise<string | undefined> {
    const { job, before, poll, entry } = this.#shared;
    if (!job.keyMadeBySignIn || !before || !after?.spent?.minus(before.spent).gt(charged)) return undefined;
    const settled = await spentAfter(job, before, poll.recheckMs ?? 1000);
    if (!settled?.still) return undefined;
    const fell = settled.spent.minus(before.spent);
    const others = othersBetween(job.ledger.entries(), this.#entryId, entry.provider, before.at, settled.at);
    return others.length === 0 && fell.gt(charged) ? fell.toFixed() : undefined;
  }

  /**
   * `reported` where it can be believed (`checkReport`): a figure beyond reason is kept aside for the receipt, and the
   * image booked as though nothing was said.
   */
  #believed(reported: Charge | undefined): Charge | undefined {
    const { job, entry } = this.#shared;
    const context: ReportedFor = {
      rates: job.wiring?.rates,
      prompt: job.request.prompt,
      // The images a conversation sends again are inputs too.
      inputs: job.inputs.length + (job.request.edit?.earlier?.images ?? 0),
      most: entry.quoted,
    };
    const { charge, disbelieved } = checkReport(reported, context);
    this.#disbelieved ??= disbelieved;
    return charge;
  }

  /** The image failed: booked by what was seen (and the balance, where no reply said), its error's words made true. */
  async #book(error: UserPaysError, unreported: boolean): Promise<AttemptSettled> {
    const { job, entry, before, poll } = this.#shared;
    let settlement: FailureSettlement = bookFailure(this.#seen, error, mostPerImage(job.quote));
    if ('uncertain' in settlement && before) {
      // No answer came (a refusal whose refund is unknown is one; a cancel is the user's own stop).
      const lost = !error.uncertain && !error.answered && error.code !== 'cancelled';
      const found = await settleByBalance(
        settlement.uncertain,
        { id: this.#entryId, ...entry },
        job,
        before,
        job.ledger,
        poll.recheckMs,
        lost,
      );
      settlement =
        'charged' in found ? { ...found, basis: 'balance', error: error.code } : { ...found, error: error.code };
    }
    const keyAlone = !!job.keyMadeBySignIn;
    const provider = payeeOf(job);
    // Kept for a later visit, which reads the balance again where this page could not settle it (resume.ts).
    if ('uncertain' in settlement && before && keyAlone) settlement.before = [before.spent.toFixed(), before.at];
    job.ledger.settle(this.#entryId, settlement);
    // On a key this ledger's alone, the balance read goes on while the page is open, and settles what it can.
    if ('uncertain' in settlement && before && keyAlone && settlement.measured !== undefined) {
      const { uncertain } = settlement;
      // Once the later reads settle it, or end with it still open, the widget says so beside Generate, in the error's
      // place where it still shows it ("checking again" no longer holds).
      const settled = (found?: Watched) => {
        error.settledLater = !found
          ? text.balanceCheckEnded(provider)
          : text.settledFromBalance(provider, 'charged' in found ? formatUsd(found.charged, job.locale) : undefined);
        tell(job.onStage, { stage: 'checked' });
      };
      void watchBalance(
        { id: this.#entryId, ...entry },
        uncertain,
        job,
        before,
        job.ledger,
        poll.recheckMs,
        settled,
      ).catch(
        () => undefined, // a read is a convenience: the entry stays uncertain, for the tally's buttons
      );
    }
    // Booked from the balance's evidence alone: the widget says so with an Undo (`LedgerStore.reopen`), after which
    // the answer that evidence points to is offered again, as for any charge left uncertain.
    if ('charged' in settlement && settlement.heldBefore !== undefined) {
      error.countedByBalance = { entry: this.#entryId, amount: settlement.charged };
      error.uncertainCharge = { entry: this.#entryId, ...(!keyAlone && { timesMoved: 1 }) };
    }
    if ('uncertain' in settlement)
      error.uncertainCharge = {
        entry: this.#entryId,
        ...(!keyAlone && {
          timesMoved: wholePricesMoved(settlement.measured, mostPerImage(job.quote), settlement.uncertain),
        }),
      };
    sayBooked(error, settlement, provider, job.locale, keyAlone);
    // One image asked, none charged: "nothing more" (said where images of the request may have been made) is "nothing".
    if ('void' in settlement && error.code === 'cancelled' && job.quote.count === 1)
      error.say(text.cancelledUncharged());
    return { error, charged: 'charged' in settlement ? settlement.charged : undefined, unreported };
  }
}

/** An image as the store keeps it: the conversation that made it, where it keeps one, as the store keeps that. */
function asKept<T extends ProviderImage>({
  conversation,
  ...image
}: T): Omit<T, 'conversation'> & Pick<StoredImage, 'conversation'> {
  return { ...image, ...(conversation && { conversation: keptConversation(conversation) }) };
}

/**
 * Whom the user pays for `job`, as its words name it: the name the provider has at its own address (OpenAI at
 * OpenAI's API, which is no gateway), else the provider.
 */
export function payeeOf({ request: { provider }, endpoint }: Pick<GenerationJob, 'request' | 'endpoint'>): string {
  const home = parse(providerInfo(provider)?.defaultEndpoint() ?? '')?.origin;
  return payeeAt(provider, home && parse(endpoint)?.origin === home ? '' : endpoint);
}
