import Decimal from 'decimal.js';
import { UserPaysError, asUserPaysError } from '../base/errors.js';
import { PUTER_MODELS, formatUsd } from '../pricing/index.js';
import { PUTER_API, providerInfo, puterApi } from './catalog.js';
import { downloadImage, guard, measured } from './http.js';
import { checkImageUrl } from './provider-urls.js';
import { setScriptSource } from './scripts.js';
import type { ErrorCode } from '../base/types.js';
import type { Provider, ProviderOutcome, ProviderRequest, RunContext } from './provider.js';
import * as generationText from '../strings/generation.js';
import * as pricesText from '../strings/prices.js';

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

/**
 * The remaining balance in USD (Puter reports microcents: / 10⁸); undefined when unknown, or where Puter reports
 * credits instead (`allowanceInfo.unit`), for which it publishes no USD rate. (Signed out, Puter asks to sign in.)
 */
export const puterLeft = (puter: any): Promise<Decimal | undefined> =>
  puter.auth
    .getMonthlyUsage()
    .then(({ allowanceInfo: info }: any) => (info.unit ? undefined : new Decimal(info.remaining).div(1e8)))
    .catch(() => undefined);

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
 * `cheaper` finds one the balance covers, a cheaper choice.
 */
export async function puterCheck(puter: any, total: string, cheaper?: (left: Decimal) => string | undefined) {
  if (!puter.auth.isSignedIn()) await puterSignIn(puter);
  const left = await puterLeft(puter);
  if (left?.lt(total)) {
    const message = generationText.puterShort(formatUsd(total), formatUsd(left.toDecimalPlaces(6, 1)), cheaper?.(left));
    throw new UserPaysError('insufficient-funds', message);
  }
}

const PUTER_ERRORS: [RegExp, ErrorCode, () => string][] = [
  [/^402|_funds/, 'insufficient-funds', generationText.outOfCredits],
  [/popup/, 'auth-required', generationText.popupBlocked],
  [/^401|\|auth_|token_/, 'auth-required', generationText.signInAgain],
  [/^429|too_many|rate_limit/, 'rate-limited', () => generationText.tooManyRequests()],
  [/moderat|safety|flagged|content.filter/i, 'moderated', generationText.moderated],
  // The model's provider refused the parameters (any other 4xx upstream: HeyPuter/puter@8307e8c
  // src/backend/controllers/drivers/DriverController.ts, translateProviderError): only other settings help.
  [/upstream_bad_request/, 'invalid-input', generationText.settingsRefused],
];

/**
 * The SDK's rejections (plain objects: `{code}`, `{error: {code}}`, `{error: 'popup_blocked'}`,
 * `{status: 401}`, or the XMLHttpRequest when the network failed) as our error codes (docs/providers.md).
 */
export function puterError(thrown: any): UserPaysError {
  const said = `${thrown?.status}|${thrown?.code}|${thrown?.error?.code ?? thrown?.error}|${thrown?.message}`;
  const error = PUTER_ERRORS.find(([pattern]) => pattern.test(said));
  const mapped = error
    ? new UserPaysError(error[1], error[2]())
    : asUserPaysError(thrown?.status === 0 ? new TypeError() : thrown);
  // Puter answered with an error body (it charges a call only when it succeeds); a failed connection is no answer.
  mapped.answered = mapped.answered || Boolean(thrown?.code || thrown?.error);
  return mapped;
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
 * Puter, "user-pays": each call is one `puter.ai.txt2img`, paid from the end user's own Puter account.
 * The balance read before and after is the real charge, when no other call of this page ran meanwhile.
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
      const atStart = count('started');
      // Alone at the start: no other call of this origin is between its start and its end.
      const before = atStart.started === atStart.finished + 1 ? await puterLeft(puter) : undefined;
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
            model: model.id,
            // Puter's driver reads the size from `ratio`: the ratio itself for models sized by ratio (it reduces
            // it by the gcd, so 1360×768 would go out as 85:48), else the pixels, which Together snaps.
            ratio: { w, h },
            seed: request.seed,
            input_image,
            input_images: more[0] && more,
          })
          .then(resolve, (thrown: unknown) => {
            const error = puterError(thrown);
            // The SDK asked the user to sign in again and they did: the call itself still failed, but asking
            // them to sign in would be wrong; they need only generate again.
            if (error.code === 'auth-required' && puter.auth.isSignedIn() && puter.authToken !== token) {
              error.message = generationText.signedInAgain();
              // Refused for its session before the driver ran: nothing was charged, as the words say.
              error.uncharged = true;
            }
            reject(error);
          });
      }).finally(() => count('finished'));
      // A charge Puter has not metered yet reads as no change: the quote is booked then.
      // Still alone: nothing started or finished since (our own finish is the one count since the start).
      const atEnd = calls();
      const alone = atEnd?.started === atStart.started && atEnd.finished === atStart.finished + 1;
      const after = before && alone ? await puterLeft(puter) : undefined;
      const url = checkImageUrl(image?.src);
      const bytes = url.startsWith('data:')
        ? new Blob([Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0))], {
            type: url.slice(5, url.indexOf(';')),
          })
        : undefined;
      return {
        // Puter reports no seed back, so none is claimed.
        image: bytes
          ? await measured(bytes, context.onBytes)
          : await downloadImage(url, signal, { onBytes: context.onBytes }),
        task: { provider: 'puter', id: '' },
        charge: after?.lt(before!) ? { usd: before!.minus(after).toString() } : undefined,
      };
    }).catch((error: UserPaysError) => {
      if (error.code === 'cancelled') error.message = generationText.cancelledPuter();
      throw error;
    });
  }
}
