import { invalid, isRecord, isTypedAmount } from '../base/checks.js';
import { asUserPaysError } from '../base/errors.js';
import { asFile, checkEditInput, editedImage, goesOnWith } from '../images/edit-input.js';
import { ImageStore } from '../images/image-store.js';
import { LedgerStore } from '../ledger/ledger.js';
import { readReferenceImage } from '../images/reference-images.js';
import {
  DEFAULT_MODEL,
  priceOf,
  soldOnly,
  withBoundsSeen,
  type EditsInForce,
  type PriceBook,
} from '../pricing/index.js';
import { keyOrigin, keyRoute, providerInfo, relayFor } from '../providers/registry/catalog.js';
import { EDITS } from '../providers/registry/edit-prices.js';
import { accountFor, liveBook, loadPuter, providerFor, type LiveBook } from '../providers/registry/adapters.js';
import { finishSignIn, signIn } from '../providers/engine/oauth.js';
import { DEFAULT_DAYS, capOf, daysOf, defaultCap } from '../providers/sign-in.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../providers/registry/prices.js';
import { withPagePrices } from '../providers/registry/page-prices.js';
import { checkEndpoint, checkRelay } from '../providers/urls.js';
import * as headlessWords from '../strings/headless.js';
import { moreOptions } from '../strings/more-options.js';
import type { EditInput, GenerateResult, ModelSettings, ProgressDetail, ProviderId } from '../base/types.js';
import { resumeOrphans } from './resume.js';
import { priceBookOption, signalOption, textOption } from './options.js';
import { promptOptional, submit, type Asked } from './submit.js';
import { mostOf } from '../pricing/quote.js';

/** What `UserPays.generate()` makes: the widget's inputs, as data. */
export interface GenerateRequest {
  /** `puter` | `bfl` | `fal` | `openai` | `openrouter` | `huggingface`; default `puter`. */
  provider?: ProviderId;
  /** Model id from the price book; default `flux-2-klein-4b`. */
  model?: string;
  prompt: string;
  /** Output pixels; default 1024 × 1024. */
  width?: number;
  height?: number;
  /** Images, 1–4 (each its own provider call and ledger entry); default 1. */
  count?: number;
  /** Sent to the provider (image i gets seed + i); random when absent. */
  seed?: number;
  /** The model's quality tier where it has one (GPT Image `low`, `medium`, `high`); the price book's when absent. */
  quality?: string;
  /** Reference images as a file input gives them (PNG, JPEG or WebP, at most 10 MB): resized and priced as sent. */
  references?: Blob[];
  /**
   * The model's own controls (prompt enhancement, moderation level, output format…), each absent for the provider's
   * default; sent where the model takes them, a value out of its range refused in words before anything is sent.
   */
  settings?: ModelSettings;
  /** Edits an image instead of making one from the prompt alone (SPEC §13; docs/editing.md): see `EditInput`. */
  edit?: EditInput;
}

/** How and where `UserPays.generate()` runs; the widget's attributes of the same names. */
export interface GenerateOptions {
  /** The end user's own key for `provider` (BYO-key providers): sent only to the provider's API host, kept nowhere. */
  apiKey?: string;
  /** Provider base URL; the provider's public one when absent. */
  endpoint?: string;
  /** The site's relay (relay/worker.js) for BYO-key providers. */
  relay?: string;
  /** Namespace of the ledger and the gallery, shared with every element and tab of the same key; default `userpays`. */
  storageKey?: string;
  /** This call's limit in USD, a decimal string ("2.50"); the lowest of it, the user's and the page's elements' holds. */
  budget?: string;
  /** Aborting it cancels the generation (`cancelled`), booked as the widget's Cancel is. */
  signal?: AbortSignal;
  /** The `userpays-progress` event's detail, each time it would fire. */
  onProgress?(detail: ProgressDetail): void;
  /** Overrides or extends the built-in prices, as the widget's `priceBook` (a gateway's own price). */
  priceBook?: PriceBook | null;
  /** Where the Puter SDK is loaded from (provider `puter`); default `https://js.puter.com/v2/`. */
  puterSrc?: string;
  /**
   * The site's public OAuth client id for "Sign in with Hugging Face", as the widget's `huggingface-client-id`
   * (provider `huggingface`; the token itself goes in `apiKey`).
   */
  huggingfaceClientId?: string;
}

/** Each option of the right kind (a value of the wrong kind is refused in words, never met as a TypeError later). */
function checkOptions(given: unknown) {
  const options = given ?? {};
  if (!isRecord(options)) invalid(headlessWords.optionsNotAnObject());
  const apiKey = textOption(options, 'apiKey');
  const endpoint = textOption(options, 'endpoint');
  const relay = textOption(options, 'relay');
  const storageKey = textOption(options, 'storageKey', 'userpays');
  const puterSrc = textOption(options, 'puterSrc', 'https://js.puter.com/v2/');
  const huggingfaceClientId = textOption(options, 'huggingfaceClientId');
  const { budget, onProgress } = options;
  const noBudget = budget === undefined || budget === null || budget === '';
  if (!noBudget && !isTypedAmount(budget)) invalid(headlessWords.budgetNotAnAmount());
  const signal = signalOption(options.signal);
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid(headlessWords.notAFunction('onProgress'));
  const priceBook = priceBookOption(options.priceBook);
  return {
    apiKey,
    endpoint,
    relay,
    storageKey,
    puterSrc,
    huggingfaceClientId,
    budget: noBudget ? null : budget.trim(),
    signal,
    onProgress: onProgress && ((detail: ProgressDetail) => void onProgress(detail)),
    priceBook,
  };
}

/**
 * The request with its defaults; sizes and count are checked by the quote, as the widget's are, an edit by the edits'
 * pricing (`edits`).
 */
function checkRequest(request: unknown, edits: EditsInForce) {
  if (!isRecord(request)) invalid(headlessWords.notAGenerateRequest());
  const { provider = 'puter', model = DEFAULT_MODEL, prompt, count = 1, seed } = request;
  // An edit asks for the image's own size unless the page names one (its model's nearest: `sized` at the call).
  const sized = request.edit !== undefined && request.width === undefined && request.height === undefined;
  const { width = 1024, height = 1024 } = request;
  const { references = [], earnings, settings, quality } = request;
  const edit = request.edit === undefined ? undefined : checkEditInput(request.edit, edits);
  // An erase takes no prompt (what to remove is what is painted), nor needs an extend (the image continues itself).
  const prompted = typeof prompt === 'string' && (!!prompt.trim() || promptOptional(edit?.kind));
  if (!prompted) invalid(headlessWords.promptNotText());
  if (!Array.isArray(references) || !references.every((image) => image instanceof Blob)) {
    invalid(headlessWords.referencesNotImages());
  }
  if (settings !== undefined && !isRecord(settings)) invalid(headlessWords.settingsNotAnObject());
  // Only `true` turns the site's share on: any other value is a page that did not say so.
  // The settings as they are now: the page changing its object later changes nothing of this call.
  const own = settings && { ...settings };
  return {
    provider,
    model,
    prompt,
    width,
    height,
    count,
    seed,
    references,
    edit,
    sized,
    earnings: earnings === true,
    settings: own,
    // Checked by the quote: text, and a quality the model has.
    ...(quality !== undefined && { quality }),
  } as Omit<Asked, 'inputs' | 'edit'> & {
    references: Blob[];
    edit?: EditInput;
    sized: boolean;
  };
}

/**
 * Keys from `UserPays.signIn()`, by `provider route` (`keyRoute`: the endpoint's origin and the relay's): memory
 * only, sent only to that origin, and only through that relay.
 */
const signedIn = new Map<string, string>();

/**
 * Where `signIn` and `signOut` act: the provider's endpoint (its public one when absent), the site's relay that
 * `generate()` will send through (none when absent), and the site's client id.
 */
export interface SignInOptions {
  endpoint?: string;
  /** The key is held for this relay only: `generate()` sends it through this one (or, absent, through none). */
  relay?: string;
  /** The site's public OAuth client id, for Hugging Face (`huggingface-client-id` on the element). */
  huggingfaceClientId?: string;
  /**
   * The most the key may spend, in USD, as text ("5", "2.50"), where the account system puts a cap on the key it gives
   * (OpenRouter's `limit`): ask your user, as the widget does (part `grant`). $5 when absent.
   */
  cap?: string;
  /** The site's publishable App Key (`pk_…`), for Pollinations (`pollinations-app-key` on the element). */
  pollinationsAppKey?: string;
  /** How many days the key lasts, 1–365, where the account system asks (Pollinations' `expiry`). 7 when absent. */
  days?: string;
}

/**
 * `UserPays.signIn(provider)`: signs the user in (`popup`, opened by the caller in the user's click; the whole page
 * goes and comes back where it was blocked, and the next call finishes it) and holds the key for `generate()`, for
 * the endpoint's origin and the relay the call names.
 */
export async function headlessSignIn(
  provider: ProviderId,
  { endpoint = '', relay = '', huggingfaceClientId, cap, pollinationsAppKey, days }: SignInOptions,
  popup: Window | null,
): Promise<void> {
  // Checked before anything leaves: a mistyped cap never becomes another one.
  const limit =
    cap === undefined
      ? defaultCap()
      : (typeof cap === 'string' && capOf(cap)) || invalid(headlessWords.capNotAnAmount());
  const lasting =
    days === undefined
      ? DEFAULT_DAYS
      : (typeof days === 'string' && daysOf(days)) || invalid(headlessWords.daysNotAWholeNumber());
  const back = await finishSignIn(accountFor);
  if (back) signedIn.set(back.provider + keyRoute(back.provider, back.endpoint, relay), back.signedIn.key);
  if (back?.provider === provider && keyOrigin(provider, back.endpoint) === keyOrigin(provider, endpoint)) {
    popup?.close();
    return;
  }
  const where = endpoint || providerInfo(provider)?.defaultEndpoint() || '';
  const { key } = await signIn(await accountFor(provider), {
    endpoint: where,
    popup,
    clientId: provider === 'pollinations' ? pollinationsAppKey : huggingfaceClientId,
    limit: providerInfo(provider)?.capsSignIn ? limit : undefined,
    days: providerInfo(provider)?.expiresSignIn ? lasting : undefined,
  });
  signedIn.set(provider + keyRoute(provider, endpoint, relay), key);
}

/** `UserPays.signOut(provider)`: forgets the key a sign-in gave for that endpoint's origin and relay. */
export const headlessSignOut = (provider: ProviderId, { endpoint = '', relay = '' }: SignInOptions) =>
  void signedIn.delete(provider + keyRoute(provider, endpoint, relay));

/**
 * The key a `signIn()` gave for `provider` at `endpoint` ('' for its public one) through `relay`, for this page's own
 * use in the same place only ("Check this account" reads the list and the balance with it); '' where none.
 */
export const signedInKey = (provider: ProviderId, endpoint: string, relay: string): string =>
  signedIn.get(provider + keyRoute(provider, endpoint, relay)) ?? '';

/** One image store per storage key on this page (what could not be saved is kept in it for the page's life). */
const stores = new Map<string, ImageStore>();
/** Storage keys and providers whose orphans this page has finished (see `resumeOnce`). */
const resumed = new Set<string>();

/**
 * What a closed page left pending under `storageKey` at `provider` is finished once per page, as a widget does
 * on load, with this call's key and addresses; other providers' entries wait for a call or a widget that has
 * what they need.
 */
function resumeOnce(
  ledger: LedgerStore,
  images: ImageStore,
  provider: ProviderId,
  run: ReturnType<typeof checkOptions>,
) {
  const claim = `${run.storageKey}\n${provider}`;
  if (resumed.has(claim)) return;
  resumed.add(claim);
  const ours = (id: ProviderId) => id === provider;
  void resumeOrphans({
    ledger,
    images,
    providerFor,
    endpointFor: (id) => (ours(id) && run.endpoint) || (providerInfo(id)?.defaultEndpoint() ?? ''),
    relayFor: (id, endpoint) => {
      const through = ours(id) && providerInfo(id)?.needsKey ? relayFor(id, endpoint, run.relay) : '';
      return through ? checkRelay(through) : undefined;
    },
    // The call's key goes only to the origin of the call's endpoint: an orphan accepted at another one waits for
    // its own key (a widget's, or a call made there).
    apiKeyFor: (id, endpoint) =>
      (ours(id) && keyOrigin(id, endpoint) === keyOrigin(id, run.endpoint) && run.apiKey) || undefined,
    signal: new AbortController().signal,
  }).catch(() => {}); // no Web Locks, storage gone: nothing can be resumed here
}

/** Puter pays from the user's own account: sign in (the popup needs the user's click), then check the balance. */
async function puterReady(endpoint: string, src: string, total: string) {
  const { puterCheck, puterSdk, balanceRefusal } = await loadPuter();
  const found = await puterCheck(await puterSdk(endpoint, src), endpoint, total);
  if (!found.enough) throw balanceRefusal(found, total);
}

/**
 * The image `edit` names (a Blob, an image of `images` by its id, an address) and the edit as the pipeline takes it: its
 * kind, the image it edits, and where that image keeps the conversation that made it, by `model` at `provider`, that
 * conversation and what going on with it sends again (SPEC §13).
 */
async function editOf(edit: EditInput | undefined, images: ImageStore, provider: ProviderId, model: string) {
  if (!edit) return {};
  const edited = await editedImage(edit.image, (id) => images.get(id));
  const earlier = goesOnWith(edited.conversation, provider, model);
  const editAsked = {
    edit: {
      kind: edit.kind,
      ...(edited.editOf && { editOf: edited.editOf }),
      ...(edit.whole && { whole: true }),
      ...(edit.extend && { extend: edit.extend }),
      ...(earlier && { earlier }),
    },
    ...(earlier && { conversation: edited.conversation }),
  };
  return { edited, editAsked };
}

/**
 * The headless `UserPays.generate()`: the widget's submission without the widget, through the same pipeline
 * (`submit`) — priced as sent, budget under the ledger's lock, the same ledger and gallery as the elements of
 * `storageKey` — resolving to the images (`blob:` URLs the caller owns) and what was charged.
 */
export async function headless(request: unknown, options: unknown): Promise<GenerateResult> {
  // What the request sends is priced with its inputs whatever has loaded before (edits, images billed as tokens): the
  // edits' pricing comes with the headless API.
  const edits = EDITS;
  const { references, edit, sized, ...asked } = checkRequest(request, edits);
  const run = checkOptions(options);
  const { provider } = asked;
  const { endpoint } = run;
  // The caller's signal may carry any reason: stopping through our own makes every cancel a `cancelled`.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  if (run.signal?.aborted) cancel();
  run.signal?.addEventListener('abort', cancel);
  try {
    const images = stores.get(run.storageKey) ?? new ImageStore({ storageKey: run.storageKey });
    stores.set(run.storageKey, images);
    const { edited, editAsked } = await editOf(edit, images, provider, asked.model);
    const inputs = await Promise.all(
      [...(edited ? [edited.file] : []), ...references].map((image, i) =>
        readReferenceImage(asFile(image, moreOptions.referenceAlt(i + 1))),
      ),
    );
    const mask = edit?.mask && (await readReferenceImage(asFile(edit.mask, 'mask.png')));
    let live: LiveBook = { book: priceBookFor(endpoint, BUILTIN_PRICE_BOOK, provider) };
    const info = providerInfo(provider);
    if (info?.livePrices) {
      try {
        live = await liveBook(provider, checkEndpoint(endpoint || info.defaultEndpoint()), {
          apiKey: run.apiKey || signedIn.get(provider + keyRoute(provider, endpoint, run.relay)) || '',
          relay: run.relay,
        });
      } catch {
        // an endpoint the page may not contact: the submission says so
      }
    }
    // The page's own prices are held to the book's dates, the provider's own rates and its list (as the element holds
    // them).
    const withPage = withPagePrices(live.book, run.priceBook, provider, endpoint);
    const book = live.listed ? soldOnly(withPage, provider, live.listed) : withPage;
    const { editedSize } = priceOf({ ...asked, ...editAsked, inputs, endpoint }, book, undefined, edits);
    if (sized && editedSize) Object.assign(asked, editedSize);
    // A bound a provider's charge raised on this storage key holds here too, as in its elements.
    const priced = withBoundsSeen(
      priceOf({ ...asked, ...editAsked, inputs, endpoint }, book, undefined, edits),
      run.storageKey,
    );
    controller.signal.throwIfAborted();
    const ledger = new LedgerStore({ storageKey: run.storageKey }); // the one its elements and tabs use
    const { onProgress } = run;
    const { result, partialError } = await submit({
      asked: { ...asked, ...editAsked, inputs, ...(mask && { mask }) },
      priced,
      endpoint,
      relay: run.relay,
      // The call's own key, else the one a sign-in gave for this endpoint's origin and this relay: no other's.
      apiKey: run.apiKey || signedIn.get(provider + keyRoute(provider, endpoint, run.relay)) || '',
      // Only the key a sign-in here made is this ledger's alone (its balance may settle a charge): not the call's own.
      keyMadeBySignIn: !run.apiKey && signedIn.has(provider + keyRoute(provider, endpoint, run.relay)),
      budget: run.budget,
      budgetProblem: '',
      ledger,
      images: Promise.resolve(images),
      signal: controller.signal,
      beforeSend: provider === 'puter' ? (quote, where) => puterReady(where, run.puterSrc, mostOf(quote)) : undefined,
      onStage: (stage) => {
        // Past every check: the endpoint, the relay and the key are fit to finish what a closed page left.
        if (stage.stage === 'started') resumeOnce(ledger, images, provider, run);
        if (stage.stage !== 'progress' || !onProgress) return;
        // A throw in the caller's callback is theirs to see, as in an event listener; it never stops the generation.
        try {
          // The public ProgressDetail: whether the provider asks in a box of its own is the widget's to say.
          const { status, elapsedMs, progress } = stage.detail;
          onProgress({ status: status.text, elapsedMs, progress }); // the headless API speaks English (docs/headless.md)
        } catch (error) {
          reportError(error);
        }
      },
      urlOf: ({ blob }) => URL.createObjectURL(blob),
    });
    return partialError ? { ...result, error: partialError.toDetail() } : result;
  } catch (thrown) {
    throw asUserPaysError(thrown);
  } finally {
    run.signal?.removeEventListener('abort', cancel);
  }
}
