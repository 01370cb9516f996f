import { providerName } from '../../strings/words.js';

/**
 * What OpenRouter's adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter. Its refusals, in OpenRouter's terms
 * (openrouter.ai/docs/api/reference/errors-and-debugging).
 */

const name = () => providerName('openrouter');

export const keyRevoked = () =>
  `${name()} refused your key: it may have been revoked, or the sign-in expired. Sign in again, or enter another key.`;
export const flagged = () =>
  `${name()} flagged the prompt under its moderation rules, and made nothing. Change the prompt and try again.`;
export const noImage = () => `${name()} answered without an image. Try again.`;
export const imageNotData = () =>
  'The provider sent its image in a form this page could not read (not base64 image data). Try again.';
