import Decimal from 'decimal.js';
import { invalid, isProviderId, isRecord } from '../base/checks.js';
import { clock } from '../base/clock.js';
import { asUserPaysError } from '../base/errors.js';
import { PROVIDER_NAMES, type ProviderId } from '../base/types.js';
import { modelsIn, type PriceBook } from '../pricing/index.js';
import { providerInfo, relayFor } from '../providers/registry/catalog.js';
import { keyBalance, loadPuter, readLiveBook } from '../providers/registry/adapters.js';
import type { KeyBalance } from '../providers/provider.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../providers/registry/prices.js';
import { withPagePrices } from '../providers/registry/page-prices.js';
import { checkEndpoint, checkRelay } from '../providers/urls.js';
import { checkText } from '../strings/check.js';
import * as headlessWords from '../strings/headless.js';
import type { Sentence } from '../strings/strings.js';
import { signedInKey } from '../generation/headless.js';
import { booleanOption, priceBookOption, signalOption, textOption } from '../generation/options.js';
import { compareBooks, mostOf, quoteOne, type Comparison } from './compare.js';
import { makeImage, type ImageReport } from './image.js';
import type { Exchange } from './recorder.js';
import { recorded, spokenModel, stoppable, type CheckPlace, type CheckStep, type Offer } from './steps.js';

/**
 * "Check this account" (`UserPays.check()`; docs/check.md): for one provider and the user's key (or sign-in), reads
 * for free what the provider says now (its live list of models and prices, the balance or the key's limits) through
 * the widget's own readers, sets it beside the built-in price book, and, only when asked, makes the cheapest image the
 * path sells through the widget's own generation, quoted against charged. Every exchange is recorded, scrubbed, in the
 * form the simulators replay (demo/sim/report-replay.mjs): a site owner's check becomes a recording.
 */

/** What `UserPays.check()` takes. */
export interface CheckOptions {
  provider: ProviderId;
  /** The user's key for `provider`; absent for Puter (its SDK signs in) or a key a `signIn()` gave. */
  apiKey?: string;
  /** The provider's base URL (a gateway's); its public one when absent. */
  endpoint?: string;
  /** The site's relay, where the provider's host refuses pages. */
  relay?: string;
  /** Aborting it stops the check (`cancelled`): nothing more is read, and the image, if under way, is cancelled. */
  signal?: AbortSignal;
  /** Make the cheapest image too, in the same call (else `report.generate()` makes it, after the price is shown). */
  generate?: boolean;
  /** Where the Puter SDK is loaded from (provider `puter`). */
  puterSrc?: string;
  /** The ledger and gallery the image is booked in; `userpays`, the elements', when absent. */
  storageKey?: string;
  /** The page's own prices, as the widget's `priceBook` (a gateway's, which the built-in book has not). */
  priceBook?: PriceBook | null;
}

/** What the account or the key has left, as the provider says it (USD as exact decimals). */
export interface BalanceReport {
  usd?: string;
  cap?: string;
  uncapped?: boolean;
  /** `usd` is what the key may still spend of a budget of its own, not what the account holds (Pollinations'). */
  ofKeyBudget?: boolean;
  /** When the key stops working, where the provider says (ISO 8601). */
  expiresAt?: string;
  credits?: string;
  said: Sentence;
}

/** The report: plain JSON, keys and tokens scrubbed; `steps` hold the exchanges a simulator replays. */
export interface CheckReport {
  format: 'userpays-check/1';
  provider: ProviderId;
  endpoint: string;
  /** When the check ran (ISO 8601, the page's clock). */
  checkedAt: string;
  steps: CheckStep[];
  /** Whether the provider's list answered (false: it has none, or it did not answer), and what it says. */
  models: Comparison & { answered: boolean; said: Sentence[] };
  balance?: BalanceReport;
  cheapest?: Offer;
  image?: ImageReport;
}

/** The report, with what makes the image after it (not part of its JSON). */
export type CheckResult = CheckReport & {
  /** Makes the cheapest image (`cheapest`) and resolves to the report with it (`image`, its step). */
  generate(signal?: AbortSignal): Promise<CheckReport>;
};

/** Each option of the right kind, refused in words (`invalid-input`) before anything is sent. */
function checkOptions(options: unknown): CheckPlace & { signal?: AbortSignal; generate: boolean } {
  if (!isRecord(options)) invalid(headlessWords.notACheckRequest());
  const { provider } = options;
  if (!isProviderId(provider)) invalid(headlessWords.notAProvider(Object.keys(PROVIDER_NAMES).join(', ')));
  const apiKey = textOption(options, 'apiKey');
  const given = textOption(options, 'endpoint');
  const relay = textOption(options, 'relay');
  const storageKey = textOption(options, 'storageKey', 'userpays');
  const puterSrc = textOption(options, 'puterSrc', 'https://js.puter.com/v2/');
  const signal = signalOption(options.signal);
  const generate = booleanOption(options, 'generate', false);
  const priceBook = priceBookOption(options.priceBook);
  const info = providerInfo(provider);
  const checked = checkEndpoint(given || (info?.defaultEndpoint() ?? ''));
  const through = relayFor(provider, given, relay);
  // The key given, else the one a `UserPays.signIn()` gave for this place (the image is made with it too).
  const key = apiKey || signedInKey(provider, given, relay);
  return {
    provider,
    name: (!given && info?.ownName) || PROVIDER_NAMES[provider],
    given,
    endpoint: checked,
    relay: through ? checkRelay(through) : '',
    apiKey: key,
    givenKey: apiKey,
    puterSrc,
    storageKey,
    priceBook,
    signal,
    generate,
  };
}

/**
 * The ids OpenRouter's image list named, as its reply was recorded: its reader keeps only the families the widget sells
 * (live-prices.ts), so a model it added is read here, from the same reply, never asked again.
 */
function namedInList(provider: ProviderId, exchanges: readonly Exchange[]): string[] {
  if (provider !== 'openrouter') return [];
  const list = exchanges.find(({ path, status }) => path.split('?')[0] === '/api/v1/images/models' && status === 200);
  const data = isRecord(list?.reply) && Array.isArray(list.reply.data) ? list.reply.data : [];
  return data.flatMap((model: unknown) => (isRecord(model) && typeof model.id === 'string' ? [model.id] : []));
}

/** The live list beside the book (or why there is none to set beside it), with its step. */
async function readModels(place: CheckPlace, signal?: AbortSignal) {
  const { provider, endpoint, name } = place;
  const read = await stoppable(
    recorded(place, () =>
      providerInfo(provider)?.livePrices
        ? readLiveBook(provider, endpoint, { apiKey: place.apiKey, relay: place.relay })
        : Promise.resolve(undefined),
    ),
    signal,
  );
  const { exchanges } = read;
  const answered = read.failure ? undefined : read.answer;
  // The page's own prices over the live book too, held to its list, as the widget holds them (generation/headless.ts).
  const live = answered && {
    ...answered,
    book: withPagePrices(answered.book, place.priceBook, provider, place.given),
  };
  const book = readBook(place);
  const compared = live?.answered
    ? compareBooks([provider, name], endpoint, book, live, clock.now(), namedInList(provider, exchanges))
    : { missing: [], added: [], priced: [] };
  const same = compared.missing.length + compared.added.length + compared.priced.length === 0;
  const count = String(live?.listed?.size ?? modelsIn(live?.book ?? book, provider, '', clock.now()).length);
  const said = !live
    ? [checkText.noList(name)]
    : !live.answered
      ? [checkText.listUnread(name)]
      : same
        ? [checkText.listAgrees(name, count)]
        : [...compared.missing, ...compared.added, ...compared.priced].map((found) => found.said);
  const models = { ...compared, answered: !!live?.answered, said };
  return { models, liveBook: live?.book ?? book, step: { step: 'models' as const, said, exchanges } };
}

/** The built-in book at the check's endpoint, with what is known at that host: what the live list is laid over. */
const readBook = (place: CheckPlace): PriceBook =>
  withPagePrices(
    priceBookFor(place.endpoint, BUILTIN_PRICE_BOOK, place.provider),
    place.priceBook,
    place.provider,
    place.given,
  );

/** A balance's sentence: of a cap, of the key's own budget, of the account, or why none. */
function balanceSaid(read: KeyBalance | undefined, name: string): Sentence {
  const usd = read?.usd && `$${read.usd.toFixed()}`;
  if (usd && read?.cap) return checkText.balanceOfCap(usd, `$${read.cap.toFixed()}`);
  if (usd && read?.ofKeyBudget) return checkText.balanceOfKeyBudget(usd);
  if (usd) return checkText.balanceLeft(usd);
  return read?.uncapped ? checkText.balanceUncapped() : checkText.balanceUnknown(name);
}

/** A balance as the report says it: exact decimals, and a sentence. */
function balanceReport(read: KeyBalance | undefined, name: string): BalanceReport {
  return {
    ...(read?.usd && { usd: read.usd.toFixed() }),
    ...(read?.cap && { cap: read.cap.toFixed() }),
    ...(read?.uncapped && { uncapped: true }),
    ...(read?.ofKeyBudget && { ofKeyBudget: true }),
    ...(read?.expiresAt && { expiresAt: new Date(read.expiresAt).toISOString() }),
    said: balanceSaid(read, name),
  };
}

/** What the account or key has left: Puter's through its SDK (signed in), the others' through their adapter. */
async function readBalance(place: CheckPlace, signal?: AbortSignal) {
  const { provider, endpoint, relay, apiKey } = place;
  const read = await stoppable(
    recorded(place, async (): Promise<KeyBalance & { credits?: Decimal }> => {
      if (provider !== 'puter') return (await keyBalance(provider, endpoint, relay, apiKey)) ?? {};
      const puter = await loadPuter();
      const { balance } = await puter.puterAccount(await puter.puterSdk(endpoint, place.puterSrc), endpoint);
      return { ...(balance?.usd && { usd: balance.usd }), ...(balance?.credits && { credits: balance.credits }) };
    }),
    signal,
  );
  // A balance that could not be read (Puter's SDK that did not load) is one the provider does not tell.
  const { exchanges } = read;
  const answer = read.failure ? {} : read.answer;
  const balance = balanceReport(answer, place.name);
  if (answer.credits) balance.credits = answer.credits.toFixed();
  return { balance, step: { step: 'balance' as const, said: [balance.said], exchanges } };
}

/** The cheapest image `book` sells at the path: each model at 1024 × 1024, at its lowest quality where it has tiers. */
function cheapestIn(place: CheckPlace, book: PriceBook): Offer | undefined {
  let best: Omit<Offer, 'said'> | undefined;
  for (const model of modelsIn(book, place.provider, '', clock.now())) {
    for (const quality of [undefined, 'low']) {
      const quote = quoteOne(place.provider, model, book, place.endpoint, quality);
      if (!quote || (best && !new Decimal(mostOf(quote)).lt(best.atMost ?? best.quoted))) continue;
      best = {
        model,
        width: 1024,
        height: 1024,
        ...(quality && { quality }),
        quoted: quote.total,
        ...(quote.atMost && { atMost: quote.atMost }),
      };
    }
  }
  if (!best) return undefined;
  const price = `$${best.atMost ?? best.quoted}`;
  return { ...best, said: checkText.cheapestOffer(spokenModel(best.model), `${best.width}×${best.height}`, price) };
}

/** `UserPays.check()`: see `CheckOptions`. Rejects with `UserPaysError` only. */
export async function check(options: unknown): Promise<CheckResult> {
  try {
    const { signal, generate, ...place } = checkOptions(options);
    const { models, liveBook, step: modelsStep } = await readModels(place, signal);
    const { balance, step: balanceStep } = await readBalance(place, signal);
    const cheapest = cheapestIn(place, liveBook);
    const report: CheckReport = {
      format: 'userpays-check/1',
      provider: place.provider,
      endpoint: place.endpoint,
      checkedAt: new Date(clock.now()).toISOString(),
      steps: [modelsStep, balanceStep],
      models,
      balance,
      ...(cheapest && { cheapest }),
    };
    const made = withImage(place, report);
    return generate ? withImage(place, await made.generate(signal)) : made;
  } catch (error) {
    throw asUserPaysError(error);
  }
}

/** `report` with its `generate()`, not enumerable, so that the report stays plain JSON. */
function withImage(place: CheckPlace, report: CheckReport): CheckResult {
  const generate = async (signal?: AbortSignal): Promise<CheckReport> => {
    try {
      const { image, step } = await makeImage(place, report.cheapest, signalOption(signal));
      return { ...report, steps: [...report.steps.filter((s) => s.step !== 'image'), step], image };
    } catch (error) {
      throw asUserPaysError(error);
    }
  };
  const result: CheckResult = { ...report, generate };
  return Object.defineProperty(result, 'generate', {
    value: generate,
    enumerable: false,
    writable: false,
    configurable: false,
  });
}
