import Decimal from 'decimal.js';
import { clock } from '../base/clock.js';
import { UserPaysError, asUserPaysError } from '../base/errors.js';
import { PUTER_MODELS, formatUsd } from '../pricing/index.js';
import { PUTER_IDS, puterCatalogue } from '../pricing/puter-catalogue.js';
import { PUTER_API, providerInfo, puterApi } from './catalog.js';
import { downloadImage, guard, measured } from './http.js';
import { checkImageUrl } from './provider-urls.js';
import { setScriptSource } from './scripts.js';
import type { ErrorCode } from '../base/types.js';
import type { Provider, ProviderOutcome, ProviderRequest, RunContext } from './provider.js';
import { generation } from '../strings/generation.js';
import { prices } from '../strings/prices.js';
import { sayer, type Sentence } from '../strings/strings.js';

const generationText = sayer('generation', generation);
const pricesText = sayer('prices', prices);

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
 * (extensions/metering.ts, scaleUsageByType); and for the models the widget knows, the catalogue in force says what
 * one unit costs in USD: Puter records `replicate:{model id}:{cost key}` (ReplicateImageGenerationProvider.ts,
 * #recordUsage) and `{model id}:{cost key}` (TogetherImageProvider.ts l.150-195), each unit at the catalogue's cost.
 * So each such record is a charge whose USD price is known and whose credits are seen: rate = credits ÷ (units ×
 * cents per unit ÷ 100). It counts only when every such record agrees, to 9 significant digits (the scaling is one
 * float product, whose noise is near the 16th digit; a record priced otherwise — a price changed this month, a
 * model run with other options elsewhere — disagrees, and then nothing is assumed). A rate learned is kept in this
 * browser for the Puter API, for a new month whose records do not show it yet; a rate learned later replaces it.
 */
async function creditRate(usage: any, endpoint: string): Promise<Decimal | undefined> {
  const book = await puterCatalogue(endpoint);
  const rates = new Set<string>();
  for (const id in PUTER_MODELS) {
    const rule = book[id]?.puter?.rule;
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
async function readUsage(puter: any, endpoint: string): Promise<Reading | undefined> {
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
  return { credits: left, unpriced: (locale) => generationText.puterCredits(formatCredits(left, locale)) };
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

/**
 * Before a Puter submission (the widget's click, a headless call): signs in if needed (its popup needs the user's
 * click) and refuses what the balance cannot cover before anything is sent, saying both amounts and, where
 * `cheaper` finds one the balance covers, a cheaper choice. A balance in credits whose worth is not known yet can
 * refuse only when nothing is left; otherwise the account line has already said it cannot tell (`unpriced`), and
 * Puter itself refuses what it cannot cover, charging nothing.
 */
export async function puterCheck(
  puter: any,
  endpoint: string,
  total: string,
  cheaper?: (left: Decimal) => string | undefined,
  /** How its amounts are written (the element's locale; the browser's where undefined). */
  locale?: string,
) {
  if (!puter.auth.isSignedIn()) await puterSignIn(puter);
  const { usd, credits } = (await puterBalance(puter, endpoint)) ?? {};
  if (usd?.lt(total)) {
    const [price, left] = [total, usd.toDecimalPlaces(6, 1)].map((amount) => formatUsd(amount, locale));
    throw new UserPaysError('insufficient-funds', generationText.puterShort(price, left, cheaper?.(usd)));
  }
  if (credits?.lte(0)) throw new UserPaysError('insufficient-funds', generationText.puterNoCredits());
}

/**
 * Puter's error codes (`code`, `error.code`, a status) and what they mean to the user: each row a pattern over
 * `status|code|error code|message`, our code, and the words (the pattern's match in hand).
 */
/**
 * On a 402 the SDK opens its own modal "Low Balance" dialog over the page (`<usage-limit-dialog>` appended to
 * `document.body` and shown with `showModal()`: @heyputer/puter.js src/lib/networkUtils.js `promptUpgrade`,
 * src/modules/UsageLimitDialog.js). The widget already says it beside Generate, with the link to add funds; and
 * under a strict Content-Security-Policy the dialog's inline `<style>` is refused, so it is an invisible modal that
 * swallows every click until Escape. Removed: a dialog out of the document leaves the top layer, and the page works.
 */
function closeLowBalanceDialog() {
  for (const dialog of document.querySelectorAll('usage-limit-dialog')) dialog.remove();
}

const PUTER_ERRORS: [RegExp, ErrorCode, (match: RegExpExecArray) => Sentence][] = [
  [/^402|_funds/, 'insufficient-funds', () => generationText.outOfCredits()],
  [/popup/, 'auth-required', () => generationText.popupBlocked()],
  // The account gates answer 403 with one of these codes before any driver runs; the SDK prompts for them only
  // inside Puter's own desktop and passes them on elsewhere (HeyPuter/puter@8307e8c core/http/middleware/gates.ts,
  // assertVerifiedAccount; @heyputer/puter.js src/lib/networkUtils.js, resolveVerificationGate).
  [
    /(email|phone|card)_(confirmation|verification)_required/,
    'auth-required',
    ([, what]) => generationText.puterVerify(what as 'email' | 'phone' | 'card'),
  ],
  [/^401|\|auth_|token_|reauth_required/, 'auth-required', () => generationText.signInAgain()],
  // 429 too_many_requests, after the SDK's own retries (about 12 s: RETRY_DELAYS_MS in networkUtils.js).
  [/^429|too_many|rate_limit/, 'rate-limited', () => generationText.tooManyRequests()],
  // The new SDK refuses an empty prompt itself, before any request (src/modules/ai/image.js, `prompt_required`).
  [/prompt_required/, 'invalid-input', () => generationText.promptMissing()],
  [/moderat|safety|flagged|content.filter/i, 'moderated', () => generationText.moderated()],
  // The model's provider refused the parameters (any other 4xx upstream: HeyPuter/puter@8307e8c
  // src/backend/controllers/drivers/DriverController.ts, translateProviderError): only other settings help.
  [/upstream_bad_request/, 'invalid-input', () => generationText.settingsRefused()],
  // A failed or moderated Replicate prediction: the replicate client throws "Prediction failed: …" with no HTTP
  // status, which translateProviderError passes through and errorHandler.ts renders as 500 `internal_error`. Puter
  // records usage only after the model answered (ReplicateImageGenerationProvider.ts, #recordUsage after run):
  // nothing was charged.
  [/^500|internal_error/, 'provider-error', () => generationText.puterFailed()],
];

/**
 * The SDK's rejections (plain objects: `{code}`, `{error: {code}}`, `{error: 'popup_blocked'}`,
 * `{status: 401}`, or the XMLHttpRequest when the network failed) as our error codes (docs/providers.md).
 */
export function puterError(thrown: any): UserPaysError {
  const said = `${thrown?.status}|${thrown?.code}|${thrown?.error?.code ?? thrown?.error}|${thrown?.message}`;
  let match: RegExpExecArray | null = null;
  const error = PUTER_ERRORS.find(([pattern]) => (match = pattern.exec(said)));
  const mapped = error
    ? new UserPaysError(error[1], error[2](match!))
    : asUserPaysError(thrown?.status === 0 ? new TypeError() : thrown);
  // Puter answered with an error body (it charges a call only when it succeeds); a failed connection is no answer.
  mapped.answered = mapped.answered || Boolean(thrown?.code || thrown?.error);
  return mapped;
}

/**
 * How many AI calls Puter runs at once for one user: 3 on a free account, 2 on a temporary one, 20 on a paid one
 * (AI_CONCURRENT, HeyPuter/puter@8307e8c src/backend/drivers/util/aiLimits.ts); one more is refused 429 "Too many
 * concurrent requests." (DriverController.ts), which the SDK retries for about 12 s and then passes on. A page
 * cannot read whether an account pays (whoami says only `is_temp`), so a registered account is held to the free
 * tier's 3: slower for a paying user, never a 429 of the widget's own making.
 */
const limits = new Map<string, Promise<number>>();
const limitOf = (puter: any) => {
  const token = String(puter.authToken);
  let limit = limits.get(token);
  if (!limit) {
    limit = puter.auth.getUser().then(
      (user: any) => (user?.is_temp ? 2 : 3),
      () => 2,
    );
    limits.set(token, limit!);
  }
  return limit!;
};

/**
 * Runs `work` in one of `limit` slots shared by every tab of this origin (Web Locks, as Puter's cap is per user, not
 * per page): at once when a slot is free, else after `waiting()`, when the first frees up. A cancel while waiting
 * rejects with the signal's reason. Without Web Locks, at once.
 */
function inSlot<T>(limit: number, signal: AbortSignal, waiting: () => void, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  const names = Array.from({ length: limit }, (_, i) => `userpays:puter-call-${i}`);
  return new Promise<T>((resolve, reject) => {
    const taken = new AbortController();
    let started = false;
    const run = async (lock: unknown) => {
      if (!lock || started) return; // busy (asked only if free), or another slot came first
      started = true;
      taken.abort(); // the other slots need not be waited for any more
      await work().then(resolve, reject);
    };
    void Promise.all(names.map((name) => locks.request(name, { ifAvailable: true }, run))).then(() => {
      if (started) return;
      waiting();
      for (const name of names) {
        locks.request(name, { signal: AbortSignal.any([signal, taken.signal]) }, run).catch(() => {
          if (!started) reject(signal.reason);
        });
      }
    });
  });
}

/**
 * Puter calls of this origin, in every tab: how many started and how many finished (`localStorage`, so that
 * tabs see each other's). The balance drop over a call is that call's charge only when no other call of the
 * origin was running at its start, none started during it, and none finished during it; else the quote is
 * booked. Without storage nothing can be told, and the quote is booked.
 */
const CALLS = 'userpays:puter-calls';
function calls(): { started: number; finished: number } | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(CALLS) ?? '{"started":0,"finished":0}');
    return Number.isSafeInteger(value?.started) && Number.isSafeInteger(value?.finished) ? value : undefined;
  } catch {
    return undefined;
  }
}
function count(field: 'started' | 'finished') {
  const now = calls() ?? { started: 0, finished: 0 };
  now[field]++;
  try {
    localStorage.setItem(CALLS, JSON.stringify(now));
  } catch {
    // no storage: `calls()` cannot vouch for anything, and the quote is booked
  }
  return now;
}

/**
 * Puter, "user-pays": each call is one `puter.ai.txt2img`, paid from the end user's own Puter account, at most as
 * many at once as Puter allows the account (`limitOf`). The balance read before and after is the real charge, when
 * no other call of this origin ran meanwhile.
 */
export class PuterProvider implements Provider {
  readonly id = 'puter';
  readonly needsKey = providerInfo('puter')!.needsKey;
  /** The Puter API the page configured for its SDK, else Puter's own (see `puterApi`). */
  get defaultEndpoint() {
    return puterApi('');
  }

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(context, async (signal): Promise<ProviderOutcome> => {
      const references = request.inputs?.map((input) => input.dataUrl) ?? [];
      const model = PUTER_MODELS[request.model];
      const id = PUTER_IDS[request.model];
      const max = model?.references.max ?? 0;
      // Never more than the model takes (Together keeps one image and drops a second without a word), and
      // checked before anything is counted or sent.
      if (!model || references.length > max) {
        throw new UserPaysError(
          'invalid-input',
          pricesText.tooManyReferences(request.model, max, references.length - max),
          false,
        );
      }
      const puter = await puterSdk(context.endpoint);
      const limit = await limitOf(puter);
      const waiting = () => context.onProgress?.({ status: generationText.puterSlot(limit) });
      return inSlot(limit, signal, waiting, async (): Promise<ProviderOutcome> => {
        const atStart = count('started');
        // Alone at the start: no other call of this origin is between its start and its end.
        const before = atStart.started === atStart.finished + 1 ? await readUsage(puter, context.endpoint) : undefined;
        context.onSending?.();
        context.onProgress?.({ status: generationText.generatingNow() });
        const token = puter.authToken; // a new one after the call: the user signed in again meanwhile
        const [input_image, ...more] = references;
        const [w, h] = request.ratio?.split(':').map(Number) ?? [request.width, request.height];
        const image = await new Promise<any>((resolve, reject) => {
          // The SDK cannot be aborted: stop waiting (guard() tells a cancel from the deadline).
          signal.addEventListener('abort', () => reject(signal.reason));
          puter.ai
            .txt2img(request.prompt, {
              model: id,
              // Puter's driver reads the size from `ratio`: the ratio itself for models sized by ratio (it reduces
              // it by the gcd, so 1360×768 would go out as 85:48), else the pixels, which Together snaps.
              ratio: { w, h },
              seed: request.seed,
              input_image,
              input_images: more[0] && more,
            })
            .then(resolve, (thrown: unknown) => {
              const error = puterError(thrown);
              if (error.code === 'insufficient-funds') closeLowBalanceDialog();
              // The SDK asked the user to sign in again and they did: the call itself still failed, but asking
              // them to sign in would be wrong; they need only generate again.
              if (error.code === 'auth-required' && puter.auth.isSignedIn() && puter.authToken !== token) {
                error.say(generationText.signedInAgain());
                // Refused for its session before the driver ran: nothing was charged, as the words say.
                error.uncharged = true;
              }
              reject(error);
            });
        }).finally(() => count('finished'));
        // Puter records a call's usage once its model answered with the image (ReplicateImageGenerationProvider.ts
        // #recordUsage after run; TogetherImageProvider.ts incrementUsage after generate): it is paid for, whatever
        // becomes of the download.
        context.onBilled?.();
        // A charge Puter has not metered yet reads as no change: the quote is booked then.
        // Still alone: nothing started or finished since (our own finish is the one count since the start).
        const atEnd = calls();
        const alone = atEnd?.started === atStart.started && atEnd.finished === atStart.finished + 1;
        const after = before && alone ? await readUsage(puter, context.endpoint) : undefined;
        // A rate learned from this very call's record converts its drop too.
        const perUsd = after?.perUsd ?? before?.perUsd;
        const dropped = before && after && perUsd && after.credits === before.credits && after.left.lt(before.left);
        // Puter returns the provider's own https URL (replicate.delivery, Together's short links: the driver passes
        // the model's output URL on, ImageGenerationDriver.ts generate); a data URL only where the model sent base64.
        const url = checkImageUrl(image?.src);
        const bytes = url.startsWith('data:')
          ? new Blob([Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0))], {
              type: url.slice(5, url.indexOf(';')),
            })
          : undefined;
        const made = bytes
          ? await measured(bytes, context.onBytes)
          : await downloadImage(url, signal, { onBytes: context.onBytes });
        // Replicate deletes a prediction's output files after an hour (replicate.com/docs/topics/predictions/
        // data-retention): an image shown from its link is gone then.
        if (made.remote && !id.startsWith('togetherai:')) made.remote.expiresAt ??= clock.now() + 3600_000;
        return {
          // Puter reports no seed back, so none is claimed.
          image: made,
          task: { provider: 'puter', id: '' },
          // In USD to the microcent, Puter's own unit of account.
          charge: dropped
            ? { usd: before.left.minus(after.left).div(perUsd).toDecimalPlaces(8).toString() }
            : undefined,
        };
      });
    }).catch((error: UserPaysError) => {
      if (error.code === 'cancelled') error.say(generationText.cancelledPuter());
      throw error;
    });
  }
}
