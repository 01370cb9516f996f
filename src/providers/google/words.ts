/**
 * What Google's adapter says, and only it (src/strings/ holds the sentences several parts share; docs/architecture.md,
 * "Strings"): loaded with the adapter.
 */

import { sentences } from '../../strings/sentence.js';

export interface GoogleStrings {
  /**
   * Google's 429 `RESOURCE_EXHAUSTED` that says the key's quota is used ("You exceeded your current quota, please
   * check your plan and billing details"): a limit per minute or per day by its plan, which waiting a second does not
   * lift. `waitSeconds`: what Google's `RetryInfo` asks, where it says.
   */
  quotaUsed(waitSeconds?: number): string;
  /**
   * The same, where Google says the quota used up is one per day (its `QuotaFailure`): it resets at midnight Pacific
   * time (ai.google.dev/gemini-api/docs/rate-limits), and no wait of seconds lifts it.
   */
  dailyQuotaUsed(): string;
  /**
   * Google refused a later turn of a conversation (an edit that goes on with the one that made its image): an earlier
   * image of it came back without the signature Google gave it (its 400, "Image part is missing a thought_signature").
   * Nothing was made; editing the image afresh (a file of one's own) starts a new conversation.
   */
  conversationRefused(): string;
}

export const googleWords = sentences<GoogleStrings>({
  quotaUsed: (waitSeconds) =>
    `Google says this key has used up its quota for now (a limit per minute or per day, set by its plan). ${waitSeconds ? `Wait ${waitSeconds} s and try again, or check` : 'Try again later, or check'} its plan and billing in Google AI Studio.`,
  dailyQuotaUsed:
    'Google says this key has used up its quota for today (a limit per day, set by its plan; it resets at midnight Pacific time). Try again tomorrow, or check its plan and billing in Google AI Studio.',
  conversationRefused:
    'Google would not go on with the conversation that made this image: an earlier image of it came back without the signature Google gave it. To edit the image afresh, download it and choose it with “Edit an image of your own”.',
});

declare module '../../strings/strings.js' {
  interface Strings {
    google: GoogleStrings;
  }
}
