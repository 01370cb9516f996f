/**
 * What Pollinations' adapter and sign-in say, and only they (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter. Its refusals in Pollinations' own terms
 * (enter.pollinations.ai/src/services/service-billing.ts, as the simulator's header cites them).
 */

import { sentences } from '../../strings/sentence.js';

export interface PollinationsStrings {
  /** A 401: the key is unknown, revoked or past the days the user gave it. */
  keyRefused(): string;
  /** A 402 for the key's own budget (the account short of pollen is the shared `outOfCreditsAt`). */
  budgetUsed(): string;
  /**
   * A 402 for a model Pollinations sells for bought pollen only: the daily pollen may cover the price and still not
   * pay for it (the account's balance, both together, can look enough).
   */
  paidOnly(model: string): string;
  /** A 403: the key may not use this model (the models the user allowed at sign-in). */
  modelNotAllowed(model: string): string;
  signInFailed(): string;
  noAppKey(): string;
  /** `ModelSettings.enhancePrompt` set to something other than true or false (the only control it takes). */
  enhanceOnOrOff(): string;
  /** Images sent (an edit, references) with prompt enhancement on: the route that takes images does not enhance. */
  noEnhanceWithImages(): string;
}

export const pollinationsWords = sentences<PollinationsStrings>({
  keyRefused:
    'Pollinations refused your key: it may have expired (a key from signing in lasts the days you chose) or been revoked. Sign in with Pollinations again.',
  budgetUsed:
    'This site has spent the budget you gave it at Pollinations. Sign in with Pollinations again to give it a new budget.',
  paidOnly: (model) =>
    `Pollinations sells ${model} for bought pollen only, not for the free pollen your account gets each day. Buy pollen at Pollinations, or pick another model.`,
  modelNotAllowed: (model) =>
    `Your Pollinations key may not use ${model}: when you signed in, you allowed this site other models. Sign in with Pollinations again and allow it, or pick another model.`,
  signInFailed: 'Pollinations did not complete the sign-in. Sign in with Pollinations again.',
  noAppKey: 'This site has not set up signing in with Pollinations yet. Enter a Pollinations key instead.',
  enhanceOnOrOff: 'Prompt enhancement at Pollinations is either on or off (true or false).',
  noEnhanceWithImages:
    'Pollinations does not enhance the prompt of an image it is sent to edit: turn prompt enhancement off to send it.',
});

// Said to the page's developer in the console, never to its user (in English only: docs/translating.md).
export const noAppKeyConsole =
  'userpays: "Sign in with Pollinations" needs pollinations-app-key, your publishable App Key (pk_…), this page among its Redirect URIs (docs/providers.md).';

declare module '../../strings/strings.js' {
  interface Strings {
    pollinations: PollinationsStrings;
  }
}
