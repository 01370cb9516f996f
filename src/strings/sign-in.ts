/**
 * The accounts the user pays from, drawn with the panels: the key field, signing in to an account system from the
 * page (OAuth PKCE: providers/engine/oauth.ts; the button and the account line).
 */

import { providerName } from './words.js';

export const keyLabel = (provider: string, host?: string) =>
  host ? `Your ${provider} API key for ${host}` : `Your ${provider} API key`;
export const keyNotSentHere = (others: string[]) =>
  `Your key for ${others.join(' and ')} is kept for it, and not sent here: this address needs its own.`;
/** How a key goes to whom it pays: through the site's relay at `relay` (its host), or, where there is none, straight. */
const wayOf = (relay: string, payee: string) => (relay ? `through the relay at ${relay}` : `straight to ${payee}`);
/** A key given for this account another way (`given`: other relays' hosts, '' for none) than the page's now. */
export const keyGivenAnotherWay = (given: string[], now: string, payee: string) =>
  `Your key was given to go ${given.map((relay) => wayOf(relay, payee)).join(' or ')}; this page now sends it ${wayOf(now, payee)}, so it is not sent: enter it again to send it this way.`;
export const waitingForKey = (n: number, provider: string) =>
  `${n === 1 ? 'A paid image' : `${n} paid images`} from an earlier visit ${n === 1 ? 'is' : 'are'} waiting at ${provider}: enter your key to fetch ${n === 1 ? 'it' : 'them'}.`;
export const rememberKey = () => 'Remember my key on this device';
export const keyStaysHere = (provider: string) =>
  `Sent only to ${provider}, whom you pay; kept in this page unless you tick the box.`;
export const getKey = () => 'Get a key ↗';
export const puterAccount = () => 'Puter account';
export const signInPuter = () => 'Sign in with Puter';
export const signInPuterWhy = () => 'to pay from your own account.';
export const signInWith = (provider: string) => `Sign in with ${provider}`;
export const signedInWith = (provider: string) => `Signed in with ${provider}`;
export const orPasteKey = () => 'or paste your own key below.';
export const ofYour = (price: string, left: string, provider: string) => `${price} of your ${left} at ${provider}`;
/** The provider says the key a sign-in gave has no spending cap of its own (OpenRouter's `limit` null). */
export const noCapOnKey = (provider: string) => `${provider} set no cap on this key`;
export const revokeKey = () => 'Revoke this key ↗';

export const signInCancelled = (provider: string) =>
  `Sign-in with ${providerName(provider)} was cancelled. Sign in again, or enter your own key.`;
export const signInFailed = (provider: string) =>
  `${providerName(provider)} did not complete the sign-in. Sign in again, or enter your own key.`;
export const signInMismatch = () =>
  'This sign-in reply does not belong to this page (it may be an old or forged link). Sign in again.';
export const signInUnavailable = () =>
  'Signing in needs a browser with Web Crypto and session storage (a secure page: https, or localhost).';
export const noSignIn = (provider: string) => `${providerName(provider)} has no sign-in here: enter your own key.`;
/** Under the account line, before the click: the provider said at sign-in that the account cannot pay as it stands. */
export const cannotPayYet = (provider: string) =>
  `${provider} says this account cannot pay for images yet: it has no credits and no payment method. Buy credits or a subscription there first.`;
