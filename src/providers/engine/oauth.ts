import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import type { ProviderId } from '../../base/types.js';
import { signIn as signInWords } from '../../strings/sign-in.js';
import type { OAuthAccount, SignedIn } from '../sign-in.js';
import { LEFT_TO_SIGN_IN } from './sign-in-redirect.js';
import { checkEndpoint } from '../urls.js';
import { sayer } from '../../strings/strings.js';

const text = sayer('signIn', signInWords);

/**
 * Signing in to an account system from the page (OAuth 2 authorization code with PKCE, S256; RFC 7636), shared by
 * every `OAuthAccount`: a random verifier and state, kept in `sessionStorage` only (this tab, gone when it closes;
 * never `localStorage`); the provider's page opened in the window the user's click opened (the page stays as it is,
 * the prompt being typed with it), or, where the browser blocked that window, the whole page sent there and back
 * (what the page asked to keep survives the round trip in `sessionStorage`, and so does the page's full address,
 * put back once the code is traded). The window is opened on `about:blank` with a handle kept, and its `opener` taken
 * away before it goes to the provider, so that the provider's page cannot steer the site's tab (reverse tabnabbing)
 * while the tab can still see the window closed, and close it.
 *
 * The answer (`?code=&state=`, or `?state=` with `error` or alone when the user cancelled; OpenRouter's `?code=` alone,
 * or nothing when the user cancelled: it takes no `state`) comes back to the page's own address, and is taken only
 * from where this tab sent the user: from the window it opened, once that window is back on the page's address (same
 * origin again, so the tab reads the window's `location` through its handle, then closes it); after a redirect, on
 * the first page this tab loads after leaving (a one-shot marker, written just before it leaves and removed by the
 * first page that reads it, but one whose address carries an answer of another state: a forged load leaves it for the
 * real answer). Nothing else carries an answer: a page of the site loaded with `?code=` or `state=` by
 * anyone else (a link, another tab, a frame) hands it to no one, trades nothing, leaves its address as it is (in a
 * sign-in window, the tab that opened it reads it there) and closes nothing. An OpenRouter code carries no state to
 * tell whose it is, and PKCE does not tell either where the code was asked for without a challenge (OpenRouter's
 * challenge is optional: openrouter.ai/docs/guides/overview/auth/oauth), so a code another page hands over could sign
 * the user in to someone else's account. The state, where there is one, is checked, the code traded once and removed
 * from the address bar. A window closed without an answer cancels the sign-in, and its verifier, state and kept form
 * are removed.
 */

const PENDING = 'userpays:sign-in';
/** Our states start so: an address whose `state` is the page's own is left alone. */
const OURS = 'up.';
/** A sign-in not finished within this long is forgotten. */
const LIFE_MS = 15 * 60_000;
/** How often the page looks whether its sign-in window is back with an answer, or closed without one. */
const WATCH_MS = 100;

interface Pending {
  provider: ProviderId;
  endpoint: string;
  clientId?: string;
  verifier: string;
  state: string;
  redirectUri: string;
  /** The page's full address when the sign-in started (its query included), put back after a redirect. */
  address: string;
  /** Its account system takes no state (`OAuthAccount.stateless`). */
  stateless?: boolean;
  /** The whole page went (no popup): it trades the code itself when it comes back. */
  redirect: boolean;
  keep?: unknown;
  at: number;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** `bytes` random bytes (crypto.getRandomValues), base64url: 32 make a 43-character PKCE verifier. */
export const randomText = (bytes = 32) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export const challengeOf = async (verifier: string) =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

function pendings(): Pending[] {
  try {
    const list = JSON.parse(sessionStorage.getItem(PENDING) ?? '[]');
    return Array.isArray(list) ? list.filter((p: Pending) => p && Date.now() - p.at < LIFE_MS) : [];
  } catch {
    return [];
  }
}

function keepPendings(list: Pending[]) {
  try {
    if (list.length) sessionStorage.setItem(PENDING, JSON.stringify(list));
    else sessionStorage.removeItem(PENDING);
  } catch {
    throw new UserPaysError('auth-required', text.signInUnavailable(), false);
  }
}

/** The pending sign-in of `state`, taken out of storage (a code is traded once). */
function take(state: string): Pending | undefined {
  const list = pendings();
  const found = list.find((p) => p.state === state);
  if (found) keepPendings(list.filter((p) => p !== found));
  return found;
}

/** Removes the pending sign-in of `state` where it is still kept (storage gone: nothing is). */
function drop(state: string) {
  try {
    take(state);
  } catch {
    // session storage refused the write: what it kept is gone with the tab
  }
}

export interface SignInOptions {
  endpoint: string;
  clientId?: string;
  /**
   * The window the user's click opened (`open()` before anything awaited), or null where the browser refused it:
   * then the whole page goes to the provider and back, and `finishSignIn()` completes it there.
   */
  popup: Window | null;
  /** What the page needs back after a redirect (the form as the user left it). */
  keep?: unknown;
  /** The spending cap the key should carry, in USD, where the account system takes one (OpenRouter's `limit`). */
  limit?: string;
  /** How many days the key should last, where the account system takes it (Pollinations' `expiry`). */
  days?: string;
  /** Aborting it gives up waiting (and closes the popup). */
  signal?: AbortSignal;
}

/**
 * What an account system's answer without a code means (RFC 6749 §4.1.2.1): `access_denied`, or none (OpenRouter's
 * Cancel comes back with no parameter of its own), is the user's cancel; any other error the provider's failure.
 */
const noCode = (provider: ProviderId, error?: unknown) =>
  !error || error === 'access_denied'
    ? new UserPaysError('auth-required', text.signInCancelled(provider))
    : new UserPaysError('auth-failed', text.signInFailed(provider), false);

const trade = (
  account: OAuthAccount,
  { endpoint, verifier, redirectUri, clientId }: Pending,
  code: string,
  signal?: AbortSignal,
) => account.exchange({ endpoint, code, verifier, redirectUri, clientId }, signal);

/**
 * Signs the user in to `account` at `options.endpoint` and resolves to the key or token their requests will carry.
 * With a popup, the page stays; without one, the page leaves for the provider (this never resolves) and
 * `finishSignIn()` completes the sign-in when it comes back. Rejects with `UserPaysError` (`auth-required` when the
 * user cancelled, `auth-failed` when the provider would not trade the code, `cancelled` on `signal`).
 */
export async function signIn(account: OAuthAccount, options: SignInOptions): Promise<SignedIn> {
  const { popup, signal } = options;
  let state = '';
  try {
    signal?.throwIfAborted();
    const endpoint = checkEndpoint(options.endpoint);
    const verifier = randomText();
    state = OURS + randomText(16);
    const redirectUri = location.origin + location.pathname;
    const pending: Pending = {
      provider: account.provider,
      endpoint,
      clientId: options.clientId,
      verifier,
      state,
      redirectUri,
      address: location.href,
      stateless: account.stateless,
      redirect: !popup,
      keep: options.keep,
      at: Date.now(),
    };
    keepPendings([...pendings(), pending]);
    const url = account.authorizeUrl({
      endpoint,
      redirectUri,
      challenge: await challengeOf(verifier),
      state,
      clientId: options.clientId,
      limit: options.limit,
      days: options.days,
    });
    if (!popup) {
      // Only the first page this tab loads after leaving may trade a code (`cameBack`): a page loaded later, a link
      // with someone else's code included, finds no marker. A page shown again from the back/forward cache is that
      // first page, come back without an answer.
      try {
        sessionStorage.setItem(LEFT_TO_SIGN_IN, state);
      } catch {
        throw new UserPaysError('auth-required', text.signInUnavailable(), false);
      }
      addEventListener('pageshow', () => cameBack(), { once: true });
      location.assign(url);
      return await new Promise<never>(() => {}); // the page is leaving
    }
    // The window the click opened is ours (about:blank, same origin): it loses its opener before it goes, so that the
    // provider's page gets no handle on this tab; this tab keeps its handle on the window, and reads the answer there.
    popup.opener = null;
    // A marker this tab still holds is of a redirect it came back from without an answer, and the window began with a
    // copy of this tab's session storage: the page the window comes back to must not finish that old sign-in.
    for (const storage of [sessionStorage, popup.sessionStorage]) storage.removeItem(LEFT_TO_SIGN_IN);
    popup.location.href = url;
    const answer = await new Promise<URLSearchParams>((resolve, reject) => {
      const stop = () => {
        clearInterval(watch);
        signal?.removeEventListener('abort', abort);
      };
      const abort = () => {
        stop();
        reject(signal!.reason);
      };
      const watch = setInterval(() => {
        // Not back yet, or closed by the user without an answer: cancelled.
        const back = popup.closed ? undefined : answerIn(popup, redirectUri);
        if (!back && !popup.closed) return;
        stop();
        if (back) resolve(back);
        else reject(noCode(account.provider));
      }, WATCH_MS);
      signal?.addEventListener('abort', abort, { once: true });
    });
    popup.close();
    if (!account.stateless && answer.get('state') !== state)
      throw new UserPaysError('auth-failed', text.signInMismatch(), false);
    const code = answer.get('code');
    if (!code) throw noCode(account.provider, answer.get('error'));
    const taken = take(state);
    if (!taken) throw new UserPaysError('auth-failed', text.signInMismatch(), false);
    return await trade(account, taken, code, signal);
  } catch (thrown) {
    popup?.close();
    // Cancelled, closed, aborted, refused: what this sign-in kept (its verifier, its state, the form) goes with it.
    if (state) drop(state);
    throw asUserPaysError(thrown);
  }
}

/**
 * The answer in the sign-in window `popup` (this tab's handle on it), once the window is back on `redirectUri`: its
 * query. Undefined while it is elsewhere: at the account system (another origin, which the handle cannot read), still
 * on `about:blank`, or on another page.
 */
function answerIn(popup: Window, redirectUri: string): URLSearchParams | undefined {
  try {
    const at = new URL(popup.location.href);
    return at.origin + at.pathname === redirectUri ? at.searchParams : undefined;
  } catch {
    return undefined; // another origin's page
  }
}

/**
 * The sign-in this tab left for by redirect, taken out of storage, where this is the first page it loads since (its
 * one-shot marker, read and removed here): none on any later page, nor after a popup sign-in. Where this page's address
 * (`answer`) carries an answer with a state that is not that sign-in's (a link someone else made, loaded in this tab
 * before the real answer came back), the marker and the sign-in stay for the real answer: a forged load must not take
 * away the page that finishes it. `lost` where the answer is the sign-in's own but the sign-in is no longer kept (past
 * its fifteen minutes): it cannot finish, and the user is told so.
 */
function cameBack(answer?: URLSearchParams): Pending | 'lost' | undefined {
  try {
    const state = sessionStorage.getItem(LEFT_TO_SIGN_IN);
    if (!state) return undefined;
    const left = pendings().find((p) => p.state === state);
    const own = answer?.get('state') === state || (!!left?.stateless && !answer?.has('state'));
    if (answer && !own && ['code', 'state', 'error'].some((name) => answer.has(name))) return undefined;
    sessionStorage.removeItem(LEFT_TO_SIGN_IN);
    if (!left) return own && answer?.has('state') ? 'lost' : undefined;
    take(state);
    return left;
  } catch {
    return undefined; // no session storage: nothing was kept
  }
}

/** What a page that came back from signing in by redirect gets: the key, where it belongs, what it kept. */
export interface FinishedSignIn {
  provider: ProviderId;
  endpoint: string;
  signedIn: SignedIn;
  keep?: unknown;
}

/**
 * The first page this tab loads after it left to sign in by redirect: the sign-in it left for is finished here (the
 * code traded with the account `accountFor` gives, from its provider's adapter, and the page's address put back), or
 * forgotten where this page does not carry its answer (the user came back another way). Undefined on any other page
 * and where the answer is not there: an answer in the address that this tab did not leave for is left alone (not
 * traded, not handed on, the window not closed: in a sign-in window, the tab that opened it reads it there).
 */
export function finishSignIn(
  accountFor: (id: ProviderId) => Promise<OAuthAccount>,
): Promise<FinishedSignIn | undefined> {
  return (finishing ??= finish(accountFor)); // once per page: every widget and the headless API get the same answer
}
let finishing: Promise<FinishedSignIn | undefined> | undefined;

async function finish(accountFor: (id: ProviderId) => Promise<OAuthAccount>): Promise<FinishedSignIn | undefined> {
  const answer = new URL(location.href).searchParams;
  const left = cameBack(answer);
  if (left === 'lost') throw new UserPaysError('auth-failed', text.signInLost(), false);
  if (
    !left ||
    left.redirectUri !== location.origin + location.pathname ||
    (left.stateless ? answer.has('state') : answer.get('state') !== left.state)
  )
    return undefined;
  return traded(left, answer.get('code'), answer.get('error'), accountFor);
}

/** After a redirect: the page's address as it was when the sign-in started, and the code traded here. */
async function traded(
  pending: Pending,
  code: string | null,
  error: string | null,
  accountFor: (id: ProviderId) => Promise<OAuthAccount>,
): Promise<FinishedSignIn> {
  if (pending.address) history.replaceState(history.state, '', pending.address);
  if (!code) throw noCode(pending.provider, error);
  try {
    const signedIn = await trade(await accountFor(pending.provider), pending, code);
    return { provider: pending.provider, endpoint: pending.endpoint, signedIn, keep: pending.keep };
  } catch (thrown) {
    throw asUserPaysError(thrown);
  }
}
