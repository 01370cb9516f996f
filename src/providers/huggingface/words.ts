/**
 * What Hugging Face's adapter and sign-in say, and only they (src/strings/ holds the sentences several parts share:
 * asking for a sign-in before sending is `keyMissing`, which the pipeline says too; docs/architecture.md, "Strings"):
 * loaded with the adapter.
 */

import { sentences } from '../../strings/sentence.js';

export interface HuggingFaceStrings {
  tokenRefused(): string;
  scopeMissing(): string;
  signInFailed(): string;
  noClientId(): string;
  /** Hugging Face's refusal to bill the account (402), with the way out. */
  noCredits(): string;
}

export const huggingfaceWords = sentences<HuggingFaceStrings>({
  tokenRefused:
    'Hugging Face did not accept your sign-in: it may have expired. Sign in with Hugging Face again, then try again.',
  scopeMissing:
    'Hugging Face did not allow this page to make images for you. Sign in with Hugging Face again and allow inference (or use an access token that may call Inference Providers), then try again.',
  signInFailed: 'Hugging Face did not complete the sign-in. Sign in with Hugging Face again.',
  noClientId: 'This site has not set up signing in with Hugging Face yet. Enter a Hugging Face access token instead.',
  noCredits:
    'Hugging Face billed nothing: your account has no credits left (a free account cannot pay as it goes). Buy credits or subscribe to PRO in your dashboard, then try again.',
});

// Said to the page's developer in the console, never to its user (in English only: docs/translating.md).
export const noClientIdConsole =
  'userpays: "Sign in with Hugging Face" needs huggingface-client-id, the client id of your OAuth app at huggingface.co/settings/connected-applications, this page among its redirect URIs (docs/providers.md).';

declare module '../../strings/strings.js' {
  interface Strings {
    huggingface: HuggingFaceStrings;
  }
}
