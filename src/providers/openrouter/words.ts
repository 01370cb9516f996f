import { words } from '../../strings/words.js';

/**
 * What OpenRouter's adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter. Its refusals, in OpenRouter's terms
 * (openrouter.ai/docs/api/reference/errors-and-debugging).
 */

const name = () => words.providerName('openrouter');

export interface OpenRouterStrings {
  keyRevoked(): string;
  /** A 403 that says moderation: OpenRouter's own words (`said`), and its reasons where it gives them. */
  flagged(said: string, reasons: string): string;
  /** Any other 403: OpenRouter's own words (`said`) and reasons, or, where its body says none, that it refused. */
  refused(said: string, reasons: string): string;
  noImage(): string;
  imageNotData(): string;
}

export const openrouterWords: OpenRouterStrings = {
  keyRevoked: () =>
    `${name()} refused your key: it may have been revoked, or the sign-in expired. Sign in again, or enter another key.`,
  flagged: (said, reasons) =>
    `${name()} flagged the prompt under its moderation rules${reasons ? ` (${reasons})` : ''}, and made nothing${said ? `: "${said}"` : ''}. Change the prompt and try again.`,
  refused: (said, reasons) =>
    `${name()} refused this request${reasons ? ` (${reasons})` : ''}, and made nothing${said ? `: "${said}"` : '.'}`,
  noImage: () => `${name()} answered without an image. Try again.`,
  imageNotData: () =>
    'The provider sent its image in a form this page could not read (not base64 image data). Try again.',
};

declare module '../../strings/strings.js' {
  interface Strings {
    openrouter: OpenRouterStrings;
  }
}
