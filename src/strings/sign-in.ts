/**
 * The accounts the user pays from, drawn with the panels: the key field, signing in to an account system from the
 * page (OAuth PKCE: providers/engine/oauth.ts; the button and the account line), Puter's account line.
 */

import { listed, pluralForm, words } from './words.js';
import { sentences } from './sentence.js';

export interface SignInStrings {
  /** `token`: the provider calls its keys access tokens (Hugging Face: `callsKeysTokens`). */
  keyLabel(provider: string, token?: boolean): string;
  keyNotSentHere(others: string[]): string;
  /** A key given for this account another way (`given`: other relays' hosts, '' for none) than the page's now. */
  keyGivenAnotherWay(given: string[], now: string, payee: string): string;
  waitingForKey(n: number, provider: string): string;
  /** `token`: as `keyLabel`'s. */
  rememberKey(token?: boolean): string;
  /** In place of "Remember my key" where the key came from signing in: the same box, keeping the sign-in. */
  staySignedIn(): string;
  /** Where the key goes: to whom it pays, through the site's relay (its host) where one is in force. */
  keyStaysHere(provider: string, relay?: string): string;
  /** `token`: as `keyLabel`'s. */
  getKey(token?: boolean): string;
  signInWith(provider: string): string;
  /** Where the provider refused the key the sign-in gave. */
  signInAgain(provider: string): string;
  /** Beside a refused Generate, while the key the sign-in gave stands refused (its fix goes to `signInAgain`). */
  signedKeyRefused(provider: string): string;
  /** The same, where the provider refused it for a permission the sign-in did not give (Hugging Face's 403). */
  signedKeyNotAllowed(provider: string): string;
  signedInWith(provider: string): string;
  /**
   * `token`: as `keyLabel`'s; said "token" alone, under the field's "access token", so that the line keeps to one line
   * on a 280 px phone, as the first paint keeps its place.
   */
  orPasteKey(token?: boolean): string;
  /**
   * What the account in force has left, beside the price: of the spending cap the user chose at sign-in where the key
   * has one ("$4.19 left of your $5 cap at OpenRouter"), of the key's own budget where its size is not said
   * (`keyBudget`: "$4.19 left of this key's budget at Pollinations", which says nothing of the account's credit), else
   * of the account ("$4.19 left at Puter").
   */
  leftOf(left: string, cap: string | undefined, provider: string, keyBudget?: boolean): string;
  /** The provider says the key a sign-in gave has no spending cap of its own (OpenRouter's `limit` null). */
  noCapOnKey(provider: string): string;
  /** How long the key a sign-in gave works, where the provider says (Pollinations: the days the user chose). */
  keyUntil(date: string): string;
  /** Beside the sign-in button: the key the sign-in gave has expired. */
  keyExpired(provider: string, date: string): string;
  revokeKey(): string;
  signInCancelled(provider: string): string;
  signInFailed(provider: string): string;
  signInMismatch(): string;
  /** The page came back with the answer of this tab's sign-in, which is no longer kept (it was started too long ago). */
  signInLost(): string;
  signInUnavailable(): string;
  noSignIn(provider: string): string;
  /** Under the account line, before the click: the provider said at sign-in that the account cannot pay as it stands. */
  cannotPayYet(provider: string): string;
  /** Beside Generate, refused where the account cannot pay (the line above says what it takes). */
  accountCannotPay(provider: string): string;
  // Before leaving for an account system that puts a cap on the key it gives (part `grant`): how much this site may spend
  grantLabel(provider: string): string;
  grantNote(provider: string): string;
  grantContinue(provider: string): string;
  grantCancel(): string;
  /** What the user typed as the cap is not an amount above zero. */
  grantNotAnAmount(): string;
  /** What the user typed as the cap has a separator before three digits ("1,000", "1.000"): a thousand, or one? */
  grantThousands(typed: string): string;
  /** Where the provider also asks how long the key lasts (Pollinations' `expiry`). */
  grantDaysLabel(): string;
  grantNotDays(): string;
  // What the account has left, beside Generate where it falls short of the price, and where to add to it
  leftOnAccount(left: string): string;
  signOut(): string;
  /** Puter's account line: who pays ("Puter account jane"), and Sign in with Puter with why. */
  puterAccount(): string;
  signInPuter(): string;
  signInPuterWhy(): string;
  /** Under Puter's account line, where its storage refused an image for want of room (the images stay here). */
  puterStorageFull(): string;
  overBalance(provider: string, left: string): string;
  /**
   * Beside Generate, where a key's own spending cap (not the account's balance) leaves less than the image costs:
   * the cap the user gave this site at sign-in (`signedIn`), or the limit set on a key they pasted.
   */
  overCap(provider: string, left: string, price: string, signedIn: boolean): string;
  /** The fix beside it for a pasted key: the provider's keys page. */
  raiseKeyLimit(provider: string): string;
  /**
   * In place of what the key has left, once the provider refused an image for want of credit (a 402), where a read of
   * the account's own balance says it holds nothing.
   */
  outOfCredit(provider: string): string;
  /**
   * The same, where nothing says the account holds nothing (its balance unread, or only a key's cap or budget read):
   * a 402 says only that it held less than the image's price, which may be $0.01.
   */
  shortOfCredit(provider: string): string;
  addFunds(provider: string): string;
}

/**
 * The provider of `id` calls its keys access tokens, as the key field and the sign-in's line then do, so that the user
 * finds them under that name in its settings: Hugging Face's "User Access Tokens" (huggingface.co/docs/hub/
 * security-tokens, listed as "Access Tokens" at huggingface.co/settings/tokens). Here, with the words that say it, not
 * in the provider's info, which loads with the first price.
 */
export const callsKeysTokens = (id: string) => id === 'huggingface';

/** How a key goes to whom it pays: through the site's relay at `relay` (its host), or, where there is none, straight. */
const wayOf = (relay: string, payee: string) => (relay ? `through the relay at ${relay}` : `straight to ${payee}`);

export const signIn = sentences<SignInStrings>({
  keyLabel: (provider, token) => `Your ${provider} ${token ? 'access token' : 'API key'}`,
  keyNotSentHere: (others) =>
    `Your key for ${listed('en-GB', others)} is kept for it, and not sent here: this address needs its own.`,
  keyGivenAnotherWay: (given, now, payee) =>
    `Your key was given to go ${listed(
      'en-GB',
      given.map((relay) => wayOf(relay, payee)),
      'disjunction',
    )}; this page now sends it ${wayOf(now, payee)}, so it is not sent: enter it again to send it this way.`,
  waitingForKey: (n, provider) =>
    pluralForm('en', n, {
      one: `A paid image from an earlier visit is waiting at ${provider}: enter your key to fetch it.`,
      other: `${n} paid images from an earlier visit are waiting at ${provider}: enter your key to fetch them.`,
    }),
  rememberKey: (token) => `Remember my ${token ? 'token' : 'key'} on this device`,
  staySignedIn: 'Stay signed in on this device',
  keyStaysHere: (provider, relay) =>
    `Sent only to ${provider}, where you pay${relay ? `, through this site's relay at ${relay}` : ''}; kept in this page unless you tick the box.`,
  getKey: (token) => `Get a ${token ? 'token' : 'key'} ↗`,
  signInWith: (provider) => `Sign in with ${provider}`,
  signInAgain: (provider) => `Sign in again with ${provider}`,
  signedKeyRefused: (provider) => `${provider} refused the key your sign-in gave`,
  signedKeyNotAllowed: (provider) => `Your ${provider} sign-in did not allow making images`,
  signedInWith: (provider) => `Signed in with ${provider}`,
  orPasteKey: (token) => `or paste your own ${token ? 'token' : 'key'} below.`,
  leftOf: (left, cap, provider, keyBudget) =>
    cap
      ? `${left} left of your ${cap} cap at ${provider}`
      : keyBudget
        ? `${left} left of this key’s budget at ${provider}`
        : `${left} left at ${provider}`,
  noCapOnKey: (provider) => `${provider} set no cap on this key`,
  keyUntil: (date) => `the key works until ${date}`,
  keyExpired: (provider, date) => `Your ${provider} key expired on ${date}: sign in again.`,
  revokeKey: 'Revoke this key ↗',
  signInCancelled: (provider) =>
    `Sign-in with ${words.providerName(provider)} was cancelled. Sign in again, or enter your own key.`,
  signInFailed: (provider) =>
    `${words.providerName(provider)} did not complete the sign-in. Sign in again, or enter your own key.`,
  signInMismatch: 'This sign-in reply does not belong to this page (it may be an old or forged link). Sign in again.',
  signInLost: 'This sign-in was started more than 15 minutes ago, so it can no longer be finished. Sign in again.',
  signInUnavailable:
    'Signing in needs a browser with Web Crypto and session storage (a secure page: https, or localhost).',
  noSignIn: (provider) => `${words.providerName(provider)} has no sign-in here: enter your own key.`,
  cannotPayYet: (provider) =>
    `${provider} says this account cannot pay for images yet: it has no credits and no payment method. Buy credits or a subscription there first.`,
  accountCannotPay: (provider) => `Your ${provider} account cannot pay for images yet`,
  grantLabel: (provider) => `How much may this site spend from your ${provider} account? (US$)`,
  grantNote: (provider) =>
    `${provider} puts this cap on the key it gives this site and refuses what would go past it; you can revoke the key there at any time.`,
  grantContinue: (provider) => `Continue to ${provider}`,
  grantCancel: 'Cancel',
  grantNotAnAmount: 'Enter an amount in US dollars above zero, such as 5 or 2.50.',
  grantThousands: (typed) =>
    `“${typed}” could be a thousand or more, or a few dollars: write it without a thousands separator, such as 1000 or 2.50.`,
  grantDaysLabel: 'For how many days? (1–365)',
  grantNotDays: 'Enter a whole number of days from 1 to 365, such as 7.',
  leftOnAccount: (left) => `${left} left`,
  signOut: 'Sign out',
  puterAccount: 'Puter account',
  signInPuter: 'Sign in with Puter',
  signInPuterWhy: 'to pay from your own account.',
  puterStorageFull:
    'Your Puter storage is full, so new images are kept in this browser only. Free up space in your Puter files, and they are copied there with the next image you keep.',
  overBalance: (provider, left) => `Your ${provider} balance is ${left}`,
  overCap: (provider, left, price, signedIn) =>
    `${left} is left of ${signedIn ? `the cap you gave this site at ${provider}` : `your ${provider} key’s own limit`} (not your balance), and this image costs ${price}`,
  raiseKeyLimit: (provider) => `Raise the key’s limit at ${provider} ↗`,
  outOfCredit: (provider) => `Your ${provider} account is out of credit`,
  shortOfCredit: (provider) => `Your ${provider} account does not have enough credit for this image`,
  addFunds: (provider) => `Open your ${provider} dashboard ↗`,
});
