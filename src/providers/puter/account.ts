import Decimal from 'decimal.js';
import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import { formatUsd, formatUsdLeft } from '../../pricing/index.js';
import { mayHavePassedOn } from '../engine/http.js';
import { setScriptSource } from './scripts.js';
import { puterText } from './words.js';
import type { ErrorCode } from '../../base/types.js';
import { PUTER_IDS, livePrices } from './live-prices.js';
import { PUTER_API, puterApi } from './info.js';
import { PUTER_MODELS, prices } from './prices.js';
import type { Sentence } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';

/**
 * The user's Puter account, through Puter's SDK (never bundled: loaded from `puter-src` on first need): signing in,
 * what the account has left, the check before sending, and the SDK's refusals as our errors. Loaded with the adapter
 * (adapter.ts passes it on to the engine's `loadPuter`), for the widget's account line and the headless call.
 */

const g = globalThis as any;
let sdk: Promise<any> | undefined;
const withoutSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The Puter SDK, never bundled: `window.puter` when the page has it, else one script tag from `src`, once per
 * page; pointed at `endpoint` (already checked). An SDK the page configured itself keeps its origins unless the
 * widget's `endpoint` names another; only then are the SDK's globals set before it loads, its GUI origin (which
 * serves the sign-in popup) being the endpoint's origin.
 */
export function puterSdk(endpoint: string, src = 'https://js.puter.com/v2/'): Promise<any> {
  puterApi(''); // reads what the page chose before this changes anything
  if (!g.puter && !sdk && endpoint !== withoutSlash(g.PUTER_API_ORIGIN ?? PUTER_API)) {
    Object.assign(g, {
      PUTER_API_ORIGIN: endpoint,
      PUTER_ORIGIN: new URL(endpoint).origin,
      puter_socket_enabled: false,
      PUTER_QUIET: true,
    });
  }
  sdk ??= new Promise((resolve, reject) => {
    if (g.puter) return resolve(g.puter);
    const script = document.createElement('script');
    script.onload = () => resolve(g.puter);
    script.onerror = () => reject(((sdk = undefined), new TypeError()));
    setScriptSource(script, src); // a page's Trusted Types that refuse it are reported as such, not as the network
    document.head.append(script);
  }).catch((error: unknown) => {
    sdk = undefined;
    throw error;
  });
  return sdk.then((puter) => {
    if (withoutSlash(puter.APIOrigin ?? '') !== endpoint) puter.setAPIOrigin(endpoint);
    return puter;
  });
}

/** Puter's metering counts microcents: $1 = 10⁸ (toMicroCents, src/backend/services/metering/utils.ts at 8307e8c). */
const MICROCENTS_PER_USD = new Decimal(1e8);

/** What `/metering/usage` says is left, in the unit it reports, and that unit's worth. */
interface Reading {
  /** What is left, in Puter's unit: microcents, or credits. */
  left: Decimal;
  credits: boolean;
  /** Units per USD: 10⁸ microcents; for credits the deployment's multiplier, where it could be learned. */
  perUsd?: Decimal;
}

/** Credits per USD learned here, by Puter API (a month's records may not show it yet: see `creditRate`). */
const RATES = 'userpays:puter-credit-rates';
function storedRates(): Record<string, string> {
  try {
    const rates = JSON.parse(localStorage.getItem(RATES) ?? '{}');
    return rates && typeof rates === 'object' ? rates : {};
  } catch {
    return {};
  }
}

/**
 * Credits per USD, learned from the account's own usage records. Where Puter reports credits, `/metering/usage`
 * still lists each usage type with its units and what it cost, scaled to credits like every amount
 * (HeyPuter/puter extensions/metering.ts, scaleUsageByType); and for the models the widget knows, the catalogue in force says what
 * one unit costs in USD: Puter records `replicate:{model id}:{cost key}` (ReplicateImageGenerationProvider.ts,
 * #recordUsage) and `{model id}:{cost key}` (TogetherImageProvider.ts l.150-195), each unit at the catalogue's cost.
 * So each such record is a charge whose USD price is known and whose credits are seen: rate = credits ÷ (units ×
 * cents per unit ÷ 100). It counts only when every such record agrees, to 9 significant digits (the scaling is one
 * float product, whose noise is near the 16th digit; a record priced otherwise — a price changed this month, a
 * model run with other options elsewhere — disagrees, and then nothing is assumed). A rate learned is kept in this
 * browser for the Puter API, for a new month whose records do not show it yet; a rate learned later replaces it.
 */
async function creditRate(usage: any, endpoint: string): Promise<Decimal | undefined> {
  const live = await livePrices(endpoint);
  const rates = new Set<string>();
  for (const id in PUTER_MODELS) {
    const rule = (live?.prices[id]?.puter ?? prices[id]).rule;
    const puterId = PUTER_IDS[id];
    const prefix = puterId.startsWith('togetherai:') ? puterId : `replicate:${puterId}`;
    for (const [key, cents] of rule?.kind === 'puter' ? Object.entries(rule.costs) : []) {
      const { units, cost } = usage?.[`${prefix}:${key}`] ?? {};
      if (units > 0 && cost > 0 && Number(cents) > 0) {
        rates.add(new Decimal(cost).div(new Decimal(units).mul(cents).div(100)).toSignificantDigits(9).toString());
      }
    }
  }
  const stored = storedRates();
  const [rate] = rates.size === 1 ? rates : [rates.size ? undefined : stored[endpoint]];
  if (rates.size === 1) {
    try {
      localStorage.setItem(RATES, JSON.stringify({ ...stored, [endpoint]: rate }));
    } catch {
      // no storage: learned again from the records next time
    }
  }
  return rate ? new Decimal(rate) : undefined;
}

/**
 * The account's balance as `/metering/usage` reports it (`puter.auth.getMonthlyUsage()`): in microcents; or, where
 * the deployment sets a credit multiplier, every amount pre-scaled to credits with `allowanceInfo.unit: 'credits'`
 * and the multiplier never sent (HeyPuter/puter commit 27c4506; extensions/metering.ts at 8307e8c). Undefined when
 * unknown (signed out, offline, a shape this does not know).
 */
export async function readUsage(puter: any, endpoint: string): Promise<Reading | undefined> {
  try {
    const { allowanceInfo: info, usage } = await puter.auth.getMonthlyUsage();
    const left = new Decimal(info.remaining);
    if (info.unit === undefined) return { left, credits: false, perUsd: MICROCENTS_PER_USD };
    return info.unit === 'credits' ? { left, credits: true, perUsd: await creditRate(usage, endpoint) } : undefined;
  } catch {
    return undefined;
  }
}

/** What a signed-in Puter account has left (see `Balance`). */
export interface PuterBalance {
  /** In USD, where known: Puter's microcents, or its credits at a rate learned (`creditRate`). */
  usd?: Decimal;
  /** In credits, while their worth in USD is unknown. */
  credits?: Decimal;
  /** What the account line says instead of a USD amount, while only credits are known. */
  unpriced?(locale?: string): Sentence;
}

/** Credits for people: grouped as the locale groups, at most 2 decimals (Intl formats the decimal text exactly). */
function formatCredits(credits: Decimal, locale?: string): string {
  const options = { maximumFractionDigits: 2 };
  const text = credits.toDecimalPlaces(2).toFixed() as unknown as number; // (TypeScript types format() as number-only)
  try {
    return new Intl.NumberFormat(locale, options).format(text);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(text);
  }
}

/** The signed-in account's balance; undefined when unknown. (Signed out, Puter asks to sign in.) */
export async function puterBalance(puter: any, endpoint: string): Promise<PuterBalance | undefined> {
  const reading = await readUsage(puter, endpoint);
  if (!reading) return undefined;
  const { left, perUsd } = reading;
  if (perUsd) return { usd: left.div(perUsd) };
  return { credits: left, unpriced: (locale) => puterText.creditsLeft(formatCredits(left, locale)) };
}

/** Who is signed in to `puter` and what their account has left (the widget's account line); nothing while signed out. */
export async function puterAccount(puter: any, endpoint: string): Promise<{ user?: string; balance?: PuterBalance }> {
  if (!puter.auth.isSignedIn()) return {};
  const [user, balance] = await Promise.all([puter.auth.getUser(), puterBalance(puter, endpoint)]);
  return { user: user?.username, balance };
}

/**
 * Opens Puter's sign-in popup (from the user's click); its refusals as our errors (`auth-required`).
 *
 * The popup posts the token to the page, then closes itself (HeyPuter/puter src/gui/src/initgui.js, action
 * 'sign-in'). The SDK rejects "window closed" when its 100 ms watch of `popup.closed` runs before that message is
 * handled (@heyputer/puter.js src/modules/Auth.js, `watchPopup`), and its page-wide listener (src/index.js) takes
 * the token anyway once it is. Across sites that order never showed (0 of 60 tries); with the popup in the page's
 * own process (a Puter on the page's site, as the simulator is) and the page busy, it did in 20 of 60. So a
 * "closed" counts only after the messages already sent are handled and they signed no one in.
 */
export async function puterSignIn(puter: any): Promise<void> {
  try {
    await puter.auth.signIn();
  } catch (thrown) {
    // A message posted before the popup closed is already queued: it is handled before this timer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!puter.auth.isSignedIn()) throw puterError(thrown);
  }
}

/** What the check before a Puter submission found (`puterCheck`): its caller says what to do about it. */
export interface PuterFound {
  /**
   * False where the balance is known not to cover the price (in USD, or no credits left); true where it does, or
   * where that cannot be told (credits of unknown worth, some left: Puter itself refuses what they cannot cover, and
   * charges nothing then).
   */
  enough: boolean;
  /** What the account has left in USD, where known. */
  left?: Decimal;
  /** What it has left in credits, while their worth in USD is unknown. */
  credits?: Decimal;
}

/**
 * Before a Puter submission (the widget's click, a headless call): signs in if needed (its popup needs the user's
 * click), then reads what the account has left against `total` (USD), before anything is sent. It refuses nothing
 * itself: its caller says so, and what else the user may do (the widget: a cheaper model the balance covers).
 */
export async function puterCheck(puter: any, endpoint: string, total: string): Promise<PuterFound> {
  if (!puter.auth.isSignedIn()) await puterSignIn(puter);
  const { usd: left, credits } = (await puterBalance(puter, endpoint)) ?? {};
  return { enough: !left?.lt(total) && !credits?.lte(0), left, credits };
}

/**
 * What the user is told where the check found the balance short of `total` (`found.enough` false): both amounts and,
 * where the caller found one the balance covers (the widget), a cheaper choice; or that no credits are left. Said by
 * the widget's submission and the headless call alike. `locale`: how the amounts are written (the element's; the
 * browser's where undefined).
 */
export function balanceRefusal({ left }: PuterFound, total: string, cheaper?: string, locale?: string): UserPaysError {
  const message = left
    ? puterText.balanceShort(formatUsd(total, locale), formatUsdLeft(left, locale), cheaper)
    : puterText.noCredits();
  return new UserPaysError('insufficient-funds', message);
}

/**
 * Puter's error codes (`code`, `error.code`, a status) and what they mean to the user: each row a pattern over
 * `status|code|error code|message`, our code, and the words (the pattern's match in hand).
 */
const PUTER_ERRORS: [RegExp, ErrorCode, (match: RegExpExecArray) => Sentence][] = [
  [/^402|_funds/, 'insufficient-funds', () => generationText.outOfCredits()],
  [/popup/, 'auth-required', () => puterText.popupBlocked()],
  // The account gates answer 403 with one of these codes before any driver runs; the SDK prompts for them only
  // inside Puter's own desktop and passes them on elsewhere (HeyPuter/puter@8307e8c core/http/middleware/gates.ts,
  // assertVerifiedAccount; @heyputer/puter.js src/lib/networkUtils.js, resolveVerificationGate).
  [
    /(email|phone|card)_(confirmation|verification)_required/,
    'auth-required',
    ([, what]) => puterText.verify(what as 'email' | 'phone' | 'card'),
  ],
  [/^401|\|auth_|token_|reauth_required/, 'auth-required', () => puterText.signInAgain()],
  // 429 too_many_requests, after the SDK's own retries (about 12 s: RETRY_DELAYS_MS in networkUtils.js).
  [/^429|too_many|rate_limit/, 'rate-limited', () => generationText.tooManyRequests()],
  // The new SDK refuses an empty prompt itself, before any request (src/modules/ai/image.js, `prompt_required`).
  [/prompt_required/, 'invalid-input', () => generationText.promptMissing()],
  [/moderat|safety|flagged|content.filter/i, 'moderated', () => generationText.moderated()],
  // The model's provider refused the parameters (any other 4xx upstream: HeyPuter/puter@8307e8c
  // src/backend/controllers/drivers/DriverController.ts, translateProviderError): only other settings help.
  [/upstream_bad_request/, 'invalid-input', () => puterText.settingsRefused()],
  // A failed or moderated Replicate prediction: the replicate client throws "Prediction failed: …" with no HTTP
  // status, which translateProviderError passes through and errorHandler.ts renders as 500 `internal_error`. Puter
  // records usage only after the model answered (ReplicateImageGenerationProvider.ts, #recordUsage after run):
  // nothing was charged.
  [/^500|internal_error/, 'provider-error', () => puterText.modelFailed()],
];

/** The first of `PUTER_ERRORS` whose pattern `said` matches, as our error; undefined where none does. */
function knownPuterError(said: string): UserPaysError | undefined {
  for (const [pattern, code, sentence] of PUTER_ERRORS) {
    const match = pattern.exec(said);
    if (match) return new UserPaysError(code, sentence(match));
  }
  return undefined;
}

/**
 * The SDK's rejections (plain objects: `{code}`, `{error: {code}}`, `{error: 'popup_blocked'}`,
 * `{status: 401}`, or the XMLHttpRequest when the network failed) as our error codes (docs/providers.md).
 */
export function puterError(thrown: any): UserPaysError {
  const said = `${thrown?.status}|${thrown?.code}|${thrown?.error?.code ?? thrown?.error}|${thrown?.message}`;
  const mapped = knownPuterError(said) ?? asUserPaysError(thrown?.status === 0 ? new TypeError() : thrown);
  // Puter answered with an error body (it charges a call only when it succeeds), or with a status alone (the SDK's
  // `{status: 401, message: 'Unauthorized'}` where its sign-in again was declined: networkUtils.js `driverCall`); a
  // failed connection (status 0) is no answer, nor a reply from something in front of Puter that may have passed the
  // call on before it failed (`mayHavePassedOn`: a gateway's 502 or 504, Cloudflare's 520 or 524).
  const status = Number(thrown?.status) || 0;
  mapped.answered ||= Boolean(thrown?.code || thrown?.error) || (status > 0 && !mayHavePassedOn(status));
  return mapped;
}
