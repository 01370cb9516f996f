import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import type { ProviderId } from '../../base/types.js';
import { signIn as signInWords } from '../../strings/sign-in.js';
import type { OAuthAccount, SignedIn } from '../sign-in.js';
import { checkEndpoint } from '../urls.js';
import { sayer } from '../../strings/strings.js';

const text = sayer('signIn', signInWords);

/**
 * Signing in to an account system from the page (OAuth 2 authorization code with PKCE, S256; RFC 7636), shared by
 * every `OAuthAccount`: a random verifier and state, kept in `sessionStorage` only (this tab, gone when it closes;
 * never `localStorage`); the provider's page opened in the window the user's click opened (the page stays as it is,
 * the prompt being typed with it), or, where the browser blocked that window, the whole page sent there and back
 * (what the page asked to keep survives the round trip in `sessionStorage`, and so does the page's full address,
 * put back once the code is traded). The window is opened on `about:blank`
 * with a handle kept, and its `opener` taken away before it goes to the provider, so that the provider's page cannot
 * steer the site's tab (reverse tabnabbing) while the tab can still see the window closed, and close it. The answer
 * (`?code=&state=`, or `?state=` with `error` or alone when the user cancelled) comes back to the page's own address:
 * in the popup only `code`, `state` and `error` are handed on, to the tab that started (a BroadcastChannel, as the
 * popup has no opener; the other tabs of the origin hold no pending sign-in of that state, and a code is worth
 * nothing without the verifier, which only that tab holds), and that tab trades it; after a redirect it is traded
 * here. The state is checked, the code traded once, and both removed from the address bar. A window closed without
 * an answer cancels the sign-in, and its verifier, state and kept form are removed.
 *
 * An account system that takes no `state` (`OAuthAccount.stateless`: OpenRouter) sends back only `?code=` to a
 * callback with no query (no source says how it would add `code` to one that has a query). Then a page that holds a
 * pending redirect sign-in of such an account trades the code; any other hands it on, and only where a tab waiting
 * for such a sign-in takes it is it removed from the address and the window closed (a page's own `?code=` is left
 * alone). A tab takes a code without knowing it asked for it: PKCE itself refuses a code the tab did not ask for
 * (its verifier does not match the challenge the code was given for).
 */

const PENDING = 'userpays:sign-in';
const CHANNEL = 'userpays:sign-in';
/** Our states start so: an address whose `state` is the page's own is left alone. */
const OURS = 'up.';
/** A sign-in not finished within this long is forgotten. */
const LIFE_MS = 15 * 60_000;
/** How often the page looks whether the user closed the sign-in window without answering. */
const CLOSED_POLL_MS = 250;

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
      location.assign(url);
      return await new Promise<never>(() => {}); // the page is leaving
    }
    // The window the click opened is ours (about:blank, same origin): it loses its opener before it goes, so that the
    // provider's page gets no handle on this tab; this tab keeps its handle on the window.
    popup.opener = null;
    popup.location.href = url;
    const code = await new Promise<string>((resolve, reject) => {
      const channel = new BroadcastChannel(CHANNEL);
      let seenClosed = 0;
      const stop = () => {
        channel.close();
        clearInterval(watch);
        signal?.removeEventListener('abort', abort);
      };
      const abort = () => {
        stop();
        reject(signal!.reason);
      };
      channel.onmessage = ({ data }) => {
        if (data?.taken) return;
        // A stateless answer is a code alone: this tab takes it (PKCE refuses it if this tab did not ask for it).
        const answer = account.stateless ? data?.stateless && typeof data.code === 'string' : data?.state === state;
        if (!answer) return;
        channel.postMessage(account.stateless ? { code: data.code, taken: true } : { state, taken: true }); // it may close
        stop();
        if (typeof data.code === 'string' && data.code) resolve(data.code);
        else reject(noCode(account.provider, data.error));
      };
      // The user closed the window without answering: cancelled. Seen on two looks in a row, so that an answer the
      // window handed over just before it closed (see `finish`) is read first.
      const watch = setInterval(() => {
        if (!popup.closed) return;
        if (seenClosed++ === 0) return;
        stop();
        reject(noCode(account.provider));
      }, CLOSED_POLL_MS);
      signal?.addEventListener('abort', abort, { once: true });
    });
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

/** What a page that came back from signing in by redirect gets: the key, where it belongs, what it kept. */
export interface FinishedSignIn {
  provider: ProviderId;
  endpoint: string;
  signedIn: SignedIn;
  keep?: unknown;
}

/**
 * The page's address carries an account system's answer to one of our sign-ins (`state` of ours): removes it from the
 * address (history.replaceState), then, in a sign-in popup, hands it to the page that waits for it and closes; after a
 * redirect, trades the code here (with the account `accountFor` gives, from its provider's adapter). Undefined when
 * the address carries no answer of ours, or it was handed on.
 */
export function finishSignIn(
  accountFor: (id: ProviderId) => Promise<OAuthAccount>,
): Promise<FinishedSignIn | undefined> {
  return (finishing ??= finish(accountFor)); // once per page: every widget and the headless API get the same answer
}
let finishing: Promise<FinishedSignIn | undefined> | undefined;

async function finish(accountFor: (id: ProviderId) => Promise<OAuthAccount>): Promise<FinishedSignIn | undefined> {
  const address = new URL(location.href);
  const state = address.searchParams.get('state') ?? '';
  const code = address.searchParams.get('code');
  if (!state && code) return finishStateless(address, code, accountFor);
  if (!state.startsWith(OURS)) return undefined;
  const error = address.searchParams.get('error');
  for (const name of ['code', 'state', 'error', 'error_description']) address.searchParams.delete(name);
  history.replaceState(history.state, '', address.href);
  const mine = pendings().find((p) => p.state === state);
  if (!mine?.redirect) {
    // A popup's answer: the page that opened it waits for it (it says when it has it; then this window closes). Only
    // the code, the state and the error go: the verifier, which trades the code, never leaves that page.
    await handOn({ state, code, error }, (data) => data?.state === state && data.taken);
    window.close();
    return undefined;
  }
  return traded(take(state)!, code, error, accountFor);
}

/**
 * A `?code=` without a state: the answer of an account system that takes none (OpenRouter), after a redirect of this
 * tab's (its pending sign-in traded here), or in a sign-in window (handed to the tab that waits); else the page's own.
 */
async function finishStateless(
  address: URL,
  code: string,
  accountFor: (id: ProviderId) => Promise<OAuthAccount>,
): Promise<FinishedSignIn | undefined> {
  const here = location.origin + location.pathname;
  const mine = pendings()
    .filter((p) => p.stateless && p.redirect && p.redirectUri === here)
    .at(-1);
  if (mine) return traded(take(mine.state)!, code, null, accountFor);
  if (!(await handOn({ stateless: true, code }, (data) => data?.code === code && data.taken))) return undefined;
  address.searchParams.delete('code');
  history.replaceState(history.state, '', address.href);
  window.close();
  return undefined;
}

/**
 * Hands a sign-in window's answer to the tab that waits for it (a BroadcastChannel: the window has no opener); true
 * once that tab says it has it (`taken`), false after 2 s without.
 */
async function handOn(answer: object, taken: (data: any) => boolean): Promise<boolean> {
  const channel = new BroadcastChannel(CHANNEL);
  const had = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    channel.onmessage = ({ data }) => {
      if (!taken(data)) return;
      clearTimeout(timer);
      resolve(true);
    };
    channel.postMessage(answer);
  });
  channel.close();
  return had;
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
