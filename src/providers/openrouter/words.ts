import { providerName } from '../../strings/words.js';

/**
 * What OpenRouter's adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter. Its refusals, in OpenRouter's terms
 * (openrouter.ai/docs/api/reference/errors-and-debugging).
 */

const name = () => providerName('openrouter');

export const keyRevoked = () =>
  `${name()} refused your key: it may have been revoked, or the sign-in expired. Sign in again, or enter another key.`;
/** A 403 that says moderation: OpenRouter's own words (`said`), and its reasons where it gives them. */
export const flagged = (said: string, reasons: string) =>
  `${name()} flagged the prompt under its moderation rules${reasons ? ` (${reasons})` : ''}, and made nothing${said ? `: "${said}"` : ''}. Change the prompt and try again.`;
/** Any other 403: OpenRouter's own words (`said`) and reasons, or, where its body says none, that it refused. */
export const refused = (said: string, reasons: string) =>
  `${name()} refused this request${reasons ? ` (${reasons})` : ''}, and made nothing${said ? `: "${said}"` : '.'}`;
export const noImage = () => `${name()} answered without an image. Try again.`;
export const imageNotData = () =>
  'The provider sent its image in a form this page could not read (not base64 image data). Try again.';
