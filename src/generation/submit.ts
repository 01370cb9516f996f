import Decimal from 'decimal.js';
import { invalid, isAmount } from '../base/checks.js';
import { UserPaysError } from '../base/errors.js';
import type { ImageStore, SavedImage, StoredImage } from '../images/image-store.js';
import type { LedgerStore } from '../ledger/ledger.js';
import { maskAt } from '../images/masks.js';
import { referenceAt } from '../images/reference-images.js';
import { goesOnWith } from '../images/edit-input.js';
import type { Fitted, Priced, TokenRates } from '../pricing/index.js';
import { SeenBounds, formatUsd, formatUsdRounded, modelName, mostPerImage, type BoundOf } from '../pricing/index.js';
import { providerInfo, relayFor } from '../providers/registry/catalog.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../providers/registry/prices.js';
import type { Conversation, ProviderEdit, ReferenceImage } from '../providers/provider.js';
import { providerFor } from '../providers/registry/adapters.js';
import { keyOf } from '../providers/engine/http.js';
import { checkEndpoint, checkRelay } from '../providers/urls.js';
import { generationText as text } from '../strings/generation.js';
import type { Sentence } from '../strings/strings.js';
import type {
  BoundDetail,
  EditKind,
  GenerationResult,
  ProviderId,
  PublicEdit,
  PublicRequest,
  Quote,
  SubmitDetail,
} from '../base/types.js';
import { runGeneration, type GenerationJob, type GenerationOutcome } from './run-generation.js';
import { payeeOf } from './image-attempt.js';
import type { StageListener } from './stages.js';
import { Durations, kindOf } from './durations.js';

/** What an edit that goes on with a conversation sends again (`PublicEdit.earlier`). */
type Earlier = NonNullable<PublicEdit['earlier']>;

/** What the user asked for, as it stood when the submission began (the widget's click, the headless call). */
export interface Asked extends Omit<PublicRequest, 'inputs'> {
  /** The reference images as chosen (resized to what the provider takes just before they are sent). */
  inputs: ReferenceImage[];
  /**
   * Where the request edits its first input with a mask (`edit.kind` `mask` or `erase`): where the user painted, at
   * that input's size as chosen, white where painted (sent at the input's size as sent: `maskAt`).
   */
  mask?: ReferenceImage;
  /**
   * Where the edit goes on with the conversation that made its image (`edit.earlier` says what it sends again): that
   * conversation, as the image's stored record keeps it.
   */
  conversation?: Conversation;
}

/**
 * One submission, everything read at the moment it began, so that what changes afterwards (a property set in
 * the same task as the click) changes nothing of it; and what its caller does at each step.
 */
export interface Submission {
  asked: Asked;
  priced: Priced;
  /** The configured endpoint; '' for the provider's public one. */
  endpoint: string;
  /** The site's relay for BYO-key providers; '' for none. */
  relay: string;
  /** The user's key for the asked provider only; '' when there is none. */
  apiKey: string;
  /** This site's sign-in made `apiKey`: its account's balance is this ledger's alone (`BalanceSource`). */
  keyMadeBySignIn?: boolean;
  /** The caller's own limit (USD); the lowest of it, the user's and the page's elements' is in force. */
  budget: string | null;
  /** Why the caller's budget cannot be used ('' when it can): nothing is spent while it stands. */
  budgetProblem: string;
  /** How amounts in its words are written (BCP 47): the element's locale; the browser's where undefined. */
  locale?: string;
  /** As it opens; undefined (or resolving so) when the caller has none any more (a widget taken off the page). */
  ledger?: LedgerStore | Promise<LedgerStore | undefined>;
  /** The image store as it opens; undefined (or resolving so) when the caller has none any more. */
  images?: Promise<ImageStore | undefined>;
  signal: AbortSignal;
  /** A step: before anything is sent, with what will be (never the key): false stops it (the page's veto). */
  onSubmit?(detail: SubmitDetail): boolean;
  /** A step: the last before sending (Puter: sign in from the click; refuse what the balance cannot cover). */
  beforeSend?(quote: Quote, endpoint: string): Promise<void>;
  /** What the submission comes to, stage by stage (see `SubmissionStage`): `started`, each image's, `stored`. */
  onStage?: StageListener;
  /** The URL handed out for a saved image (a `blob:` URL of its bytes). */
  urlOf(image: SavedImage): string;
}

export interface Submitted {
  result: GenerationResult;
  /** Set when some of the `count` images failed while others arrived (they are in `result`). */
  partialError?: UserPaysError;
  /**
   * Set when the provider charged other than the preview said (both amounts, in words), or did not say what it
   * charged where it always does (BFL's `cost: null`: the preview's price is booked, and this says so), or where the
   * price was a bound (what is booked as may have been charged: the bound).
   */
  chargeNote?: Sentence;
  /** Set where the provider said in its reply that it retires the model within a month: the day, in words. */
  retiringNote?: Sentence;
  /** Set where an image was charged above the quote's bound (`userpays-bound`): kept as the bound from now on. */
  overBound?: BoundDetail;
}

/**
 * The one pipeline behind both the widget's Generate and the headless `UserPays.generate()`: every check that
 * can fail before anything is sent, the quote of the request as it is sent (at the size the provider makes of it,
 * each reference resized as priced), the caller's veto and last step, then `runGeneration` (budget under the
 * ledger's lock, entries, provider calls, image store, settlement) and the result.
 */
export async function submit(s: Submission): Promise<Submitted> {
  const { quote, request, job, fitted, images } = prepare(s, await s.ledger);
  if (s.onSubmit && !s.onSubmit({ quote, request })) throw new UserPaysError('cancelled', text.vetoed(), false);
  await s.beforeSend?.(quote, job.endpoint);
  // The provider's adapter loads before any ledger entry is written (runGeneration writes them): one that cannot
  // load (offline for a moment) books nothing, and says so.
  const [provider, store] = await Promise.all([providerFor(request.provider), images]);
  if (!store) invalid(text.notOnPage());
  // The model's own controls, as its provider takes them: one set out of range is refused here, nothing booked.
  provider.checkSettings?.(request.model, request.settings);
  // Sent as priced: each reference at the size the quote billed, and an edit's mask at its image's.
  const inputs = await Promise.all(s.asked.inputs.map((input, i) => referenceAt(input, fitted.inputs[i])));
  const mask = s.asked.mask && (await maskAt(s.asked.mask, inputs[0]));
  s.signal.throwIfAborted();
  // How long such an image has usually taken here: said beside the seconds counted while this one is made.
  const usualWait = new Durations(job.ledger.storageKey, job.ledger.storage).usualWait(kindOf(request));
  void s.onStage?.({ stage: 'started', usualWait });
  const outcome = await runGeneration({
    ...job,
    provider,
    images: store,
    inputs,
    ...(request.edit && { edit: providerEdit(request.edit, mask) }),
    // What goes on with a conversation sends it (checkEdit held it to what was priced).
    ...(request.edit?.earlier && s.asked.conversation && { conversation: s.asked.conversation }),
    signal: s.signal,
    onStage: s.onStage,
  });
  await s.onStage?.({ stage: 'stored' });
  const result: GenerationResult = {
    quote,
    charged: outcome.charged,
    ...(request.edit?.editOf && { editOf: request.edit.editOf }),
    images: outcome.stored.map((image) => ({
      url: shownFrom(image, s.urlOf),
      saved: !image.remote,
      ...(image.remote?.expiresAt === undefined ? {} : { expiresAt: new Date(image.remote.expiresAt).toISOString() }),
      width: image.width,
      height: image.height,
      seed: image.seed,
      ...(image.revisedPrompt && { revisedPrompt: image.revisedPrompt }),
      ...(image.receipt && { receipt: { ...image.receipt, charged: image.charged } }),
    })),
  };
  const payee = payeeOf(job);
  const overBound = raisedBound(outcome, quote, fitted, job.ledger);
  const chargeNote = chargeNoteOf(outcome, result.charged, quote, payee, s.locale, overBound);
  const retiringNote = outcome.retiring
    ? text.modelRetiring(payee, modelName(request.model), outcome.retiring)
    : undefined;
  return { result, partialError: outcome.partialError, chargeNote, retiringNote, ...(overBound && { overBound }) };
}

/**
 * Where a provider charged more for an image than the quote's bound allowed (its reply booked as it said): the dearest
 * such charge, kept beside the ledger as that model and size's bound from now on (pricing/seen-bounds.ts), and what the
 * page is told of it (`userpays-bound`). Only a charge the provider said counts, never one booked at the bound.
 */
function raisedBound(
  outcome: GenerationOutcome,
  quote: Quote,
  fitted: Fitted,
  ledger: LedgerStore,
): BoundDetail | undefined {
  if (quote.atMost === undefined) return undefined;
  const bound = mostPerImage(quote);
  const said = outcome.stored.filter((image) => image.receipt && image.receipt.basis !== 'bound');
  const dearest = Decimal.max(0, ...said.map((image) => image.charged));
  if (!dearest.gt(bound)) return undefined;
  const { width, height, quality } = fitted;
  const of: BoundOf = { provider: quote.provider, model: quote.model, width, height, ...(quality && { quality }) };
  new SeenBounds(ledger.storageKey, ledger.storage).raise(of, dearest.toFixed());
  return { ...of, bound, charged: dearest.toFixed() };
}

/** Where a stored image is shown from: the provider's link where the page could not read it, else its bytes. */
function shownFrom(image: StoredImage, urlOf: Submission['urlOf']): string {
  if (image.remote) return image.remote.url;
  const { blob } = image;
  // The store keeps either the bytes or the link: an image with neither is a fault in it, not one to show blank.
  if (!blob) throw new Error('A stored image has neither its bytes nor a link');
  return urlOf({ ...image, blob });
}

/** A figure a provider said, as money where it is an amount, else as it was written (`true`, `"1.4"`). */
function sayFigure(said: string, locale?: string): string {
  return isAmount(said.replace(/^-/, '')) ? formatUsd(said, locale) : said;
}

/**
 * What the user is told beside the image of what it came to, where that is not the preview's price as said: a report
 * not believed, a charge no reply said, what an upstream provider took on the user's own key, or a charge otherwise
 * than the preview. Nothing where it is as the preview said.
 */
function chargeNoteOf(
  outcome: GenerationOutcome,
  charged: string,
  quote: Quote,
  payee: string,
  locale?: string,
  overBound?: BoundDetail,
): Sentence | undefined {
  // Each amount to what matters, as the preview and the receipt say them (three figures; "at most" rounded up): the
  // receipt keeps every digit in its title, the ledger's export in its columns.
  const rounded = (amount: string | Decimal, up?: boolean) => formatUsdRounded(amount, locale, up);
  // What is booked at its price's bound, as uncertain: the images whose reply did not say what they came to (their
  // receipts say so, `bound`; SPEC §12).
  const atBound = Decimal.sum(
    0,
    ...outcome.stored.map((image) => (image.receipt?.basis === 'bound' ? image.charged : 0)),
  );
  if (outcome.disbelieved !== undefined)
    return text.costReportedBeyondReason(payee, sayFigure(outcome.disbelieved, locale), rounded(atBound, true));
  if (outcome.unreported) return text.costNotReported(payee, rounded(charged));
  if (!atBound.isZero()) return text.costOfBoundNotReported(payee, rounded(atBound, true));
  if (outcome.upstream)
    return text.chargedWithUpstream(
      payee,
      rounded(new Decimal(charged).minus(outcome.upstream)),
      rounded(outcome.upstream),
    );
  // As the preview said it, to its three figures, the charge is as expected: the receipt has it exactly.
  if (charged === quote.total || rounded(charged) === rounded(quote.total)) return undefined;
  if (!quote.atMost) return text.chargedOtherwise(payee, rounded(charged), rounded(quote.total));
  // A charge up to the bound is within what the preview said, however far from what it expected.
  const over = new Decimal(charged).minus(quote.atMost);
  // Above it, said so, with the bound it is quoted at from now on (`raisedBound`).
  if (over.gt(0)) {
    const from = rounded(overBound?.charged ?? mostPerImage(quote), true);
    return text.chargedOverBound(payee, rounded(charged), rounded(quote.atMost, true), rounded(over), from);
  }
  return text.chargedOfBound(payee, rounded(charged), rounded(quote.total), rounded(quote.atMost, true));
}

/**
 * The largest seed asked: image i of a submission is sent seed + i (at most 4 images), and every provider takes
 * a 32-bit signed integer (BFL's OpenAPI: any integer; Replicate and fal: int).
 */
const MAX_SEED = 2 ** 31 - 4;
const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] % (MAX_SEED + 1);

/**
 * The rates a reported usage is booked at: the provider's own where they are built in for this provider and host
 * (OpenAI's at api.openai.com, Google's), whatever the page's `priceBook` set, so that what the provider reports it
 * charged is what is booked (the receipt says where it differs from the preview); else the page's, which priced it.
 */
function reportedAt(rates: TokenRates, provider: ProviderId, model: string, endpoint: string): TokenRates {
  const builtIn = priceBookFor(endpoint, BUILTIN_PRICE_BOOK, provider)[model]?.[provider];
  return builtIn?.rule.kind === 'tokens' ? builtIn.rule.rates : rates;
}

/** An edit as its provider is sent it: its kind, where the user painted (a mask, an erase), its sides (an extend). */
const providerEdit = ({ kind, extend }: PublicEdit, mask?: ReferenceImage): ProviderEdit => ({
  kind,
  ...(mask && { mask }),
  ...(extend && { extend }),
});

/**
 * Whether `conversation` is the one an edit priced with `earlier` goes on with at `provider` with `model`: made there,
 * by that model, sending again what was priced.
 */
function goesOn(conversation: Conversation | undefined, earlier: Earlier, provider: ProviderId, model: string) {
  const said = goesOnWith(conversation, provider, model);
  return !!said && said.images === earlier.images && said.textBytes === earlier.textBytes;
}

/**
 * An edit's own checks, before anything is sent: a mask or an erase needs where the user painted, at the size of the
 * image it edits; an instruction or an extend takes no mask (it would be ignored in silence).
 */
function checkEdit({ edit, mask, inputs, conversation }: Asked, provider: ProviderId, model: string) {
  if (!edit) return;
  const image = inputs[0];
  if (!image) invalid(text.editWithoutImage());
  // What goes on with a conversation sends what was priced: that conversation, of this model here.
  if (edit.earlier && !goesOn(conversation, edit.earlier, provider, model)) invalid(text.conversationNotKept());
  if (edit.kind === 'instruction' || edit.kind === 'extend') {
    if (mask) invalid(edit.kind === 'extend' ? text.extendTakesNoMask() : text.maskNotTaken());
    return;
  }
  if (!mask) invalid(text.maskMissing());
  if (mask.width !== image.width || mask.height !== image.height)
    invalid(text.maskOfAnotherSize(mask.width, mask.height, image.width, image.height));
}

/** The kinds of edit that need no prompt: an erase (what is painted goes), an extend (the image continues). */
export const promptOptional = (kind?: EditKind) => kind === 'erase' || kind === 'extend';

/**
 * Every check that can fail before anything is sent, with the job to run: priced from `asked` itself, at the
 * size the provider makes of it (`fitted`).
 */
function prepare(s: Submission, ledger: LedgerStore | undefined) {
  const { asked } = s;
  const { quote, problem, fitted, entry } = s.priced;
  if (!quote || !fitted || problem) invalid(problem);
  const prompt = asked.prompt.trim();
  checkEdit(asked, asked.provider, quote.model);
  // Control and format characters alone (NUL, zero-width spaces, a byte-order mark) describe nothing either. An erase
  // takes none (what to remove is what is painted), nor needs an extend (the image continues by itself).
  if (!promptOptional(asked.edit?.kind) && !/[^\p{C}\p{Z}\s]/u.test(prompt)) invalid(text.promptMissing());
  if (s.budgetProblem) invalid(s.budgetProblem);
  const provider = providerInfo(asked.provider);
  if (!provider) invalid(text.unknownProvider(asked.provider));
  const endpoint = checkEndpoint(s.endpoint || provider.defaultEndpoint());
  // Not where the provider answers pages itself (Google, OpenAI at its own host): a relay is only for those that refuse.
  const through = provider.needsKey ? relayFor(asked.provider, s.endpoint, s.relay) : '';
  const relay = through ? checkRelay(through) : undefined;
  // A key the provider needs is asked for as its adapter would (keyOf), before anything is sent.
  if (provider.needsKey) keyOf(s, asked.provider, provider.signIn);
  const { images } = s;
  if (!ledger || !images) invalid(text.notOnPage());
  const request: PublicRequest = {
    provider: asked.provider,
    // The model priced: a model its provider has shut down is never sent, its replacement is (quote.note says so).
    model: quote.model,
    prompt,
    width: fitted.width,
    height: fitted.height,
    count: quote.count,
    inputs: fitted.inputs,
    ...(asked.earnings && { earnings: true }),
    ...(asked.settings && { settings: asked.settings }),
    ...(fitted.quality && { quality: fitted.quality }),
    ...(asked.edit && { edit: asked.edit }),
  };
  const { seed = randomSeed() } = asked;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    invalid(text.seedNotWhole(MAX_SEED));
  }
  request.seed = seed; // always sent, so that each image's seed is known and it can be made again
  const job: Omit<GenerationJob, 'signal' | 'inputs' | 'provider' | 'images'> = {
    endpoint,
    apiKey: s.apiKey || undefined,
    keyMadeBySignIn: !!s.apiKey && s.keyMadeBySignIn,
    relay,
    request,
    ratio: fitted.ratio,
    wiring: entry && {
      model: entry.model,
      path: entry.path,
      sizeAs: entry.sizeAs,
      via: (fitted.quality && entry.viaByQuality?.[fitted.quality]) || entry.via,
      ...(entry.rule.kind === 'tokens' && {
        rates: reportedAt(entry.rule.rates, asked.provider, quote.model, endpoint),
      }),
    },
    quote,
    budget: s.budget,
    locale: s.locale,
    ledger,
  };
  return { quote, request, job, fitted, images };
}
