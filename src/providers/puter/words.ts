/**
 * What Puter's adapter and account say, and only they (src/strings/ holds the sentences several parts share, and the
 * account line's own words, which the panels draw; docs/architecture.md, "Strings"): loaded with the adapter.
 */

import { sayer } from '../../strings/strings.js';
import { sentences } from '../../strings/sentence.js';

export interface PuterStrings {
  cancelled(): string;
  settingsRefused(): string;
  modelFailed(): string;
  verify(what: 'email' | 'phone' | 'card'): string;
  creditsLeft(credits: string): string;
  /** What the check before sending found (account.ts, `balanceRefusal`; `cheaper`: a model the balance covers). */
  balanceShort(price: string, left: string, cheaper?: string): string;
  noCredits(): string;
  waitingForSlot(limit: number): string;
  signedInAgain(): string;
  popupBlocked(): string;
  signInAgain(): string;
  /** While Puter's SDK asks, in a box of its own on the page, to sign in again (its session ended mid-call). */
  asksToSignIn(): string;
  /** The page's Trusted Types refuse the address of Puter's SDK (scripts.ts). */
  trustedTypesBlocked(): string;
}

export const puterWords = sentences<PuterStrings>({
  cancelled: 'Generation cancelled. Puter may still charge for it.',
  settingsRefused:
    "Puter says the model's own provider refused these settings. Change the size, model or reference images: sending them again unchanged will not help.",
  modelFailed:
    "Puter could not make this image: the model's provider failed, or refused the prompt for safety reasons (Puter does not say which). Nothing was charged. Try again, or rephrase the prompt.",
  verify: (what) =>
    `Puter asks you to ${what === 'email' ? 'confirm your email address' : `verify your ${what === 'phone' ? 'phone number' : 'card'}`} before it lets you generate. Do that at puter.com, then try again.`,
  creditsLeft: (credits) =>
    `Your Puter account has ${credits} credits left. Puter does not say what a credit is worth in dollars, so this price cannot be checked against them until a generation here shows it; Puter refuses what your credits cannot cover, and charges nothing then.`,
  balanceShort: (price, left, cheaper) =>
    `This costs ${price} and your Puter account has ${left} left. Add funds at puter.com${cheaper ? `, or choose ${cheaper}` : ''}, then try again.`,
  noCredits: 'Your Puter account has no credits left. Add funds at puter.com, then try again.',
  waitingForSlot: (limit) => `Waiting: Puter makes ${limit} images at a time for this account`,
  signedInAgain: 'Your Puter session had ended; you are signed in again now, and nothing was charged. Generate again.',
  popupBlocked: 'Your browser blocked the Puter sign-in window: allow pop-ups for this site, then sign in again.',
  signInAgain: 'Sign in with Puter, then try again.',
  asksToSignIn: 'Your Puter session has ended: Puter asks you to sign in again, in its box on this page',
  trustedTypesBlocked:
    "This site's security settings (Trusted Types) do not let the widget load Puter's script: the site must allow the policy 'userpays'.",
});

declare module '../../strings/strings.js' {
  interface Strings {
    puter: PuterStrings;
  }
}

/** Puter's words as its adapter, its account and its script say them: as `Sentence`s, for an element to reword. */
export const puterText = sayer('puter', puterWords);
