import { words } from '../../strings/words.js';
import { sentences } from '../../strings/sentence.js';

/**
 * What OpenRouter's adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter. Its refusals, in OpenRouter's terms
 * (openrouter.ai/docs/api/reference/errors-and-debugging).
 */

const name = () => words.providerName('openrouter');

export interface OpenRouterStrings {
  keyRevoked(): string;
  /** A 403 that says moderation, in our words: the categories it flagged (`reasons`, OpenRouter's), where it gives them. */
  flagged(reasons: string): string;
  /**
   * A 403 for a key past its own spending limit ("Key limit exceeded"), which is no shortage of the account's credit:
   * the cap the user gave this site when signing in (`signedIn`), or the limit set on a key they pasted, and the way on.
   */
  keyLimit(signedIn: boolean): string;
  /** Any other 403: OpenRouter's own words (`said`) and reasons, or, where its body says none, that it refused. */
  refused(said: string, reasons: string): string;
  noImage(): string;
  imageNotData(): string;
}

export const openrouterWords = sentences<OpenRouterStrings>({
  keyRevoked: `${name()} refused your key: it may have been revoked, or the sign-in expired. Sign in again, or enter another key.`,
  flagged: (reasons) =>
    `${name()} flagged the prompt under its moderation rules${reasons ? ` (${reasons})` : ''}, and made nothing. Change the prompt and try again.`,
  keyLimit: (signedIn) =>
    signedIn
      ? `${name()} made nothing: this image would go past the spending cap you gave this site when you signed in. To go on, sign out and sign in again with a higher cap.`
      : `${name()} made nothing: this image would go past the spending limit set on your key. Raise the key’s limit on ${name()}’s keys page, or enter another key.`,
  refused: (said, reasons) =>
    `${name()} refused this request${reasons ? ` (${reasons})` : ''}, and made nothing${said ? `: "${said}"` : '.'}`,
  noImage: `${name()} answered without an image. Try again.`,
  imageNotData: 'The provider sent its image in a form this page could not read (not base64 image data). Try again.',
});

declare module '../../strings/strings.js' {
  interface Strings {
    openrouter: OpenRouterStrings;
  }
}
