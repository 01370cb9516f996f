// Sign in as the panels draw it before the sign-in's part is here, and the window its click opens (./sign-in/).
import { html } from 'lit';
import { callsKeysTokens, signIn } from '../../../../strings/sign-in.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';

/**
 * "Sign in with OpenRouter", and that a key may be pasted instead (or when the key a sign-in gave expired): drawn by the
 * panels until the sign-in's part is here (most visits never load it: it comes when the user reaches for Sign in), and
 * by the part after, the same line, so that the button the user pressed stays the same one, and keeps the focus.
 */
export function renderSignInButton(
  { id, provider, expired, translation }: { id: string; provider: string; expired?: string; translation?: Translation },
  onSignIn: () => void,
) {
  const text = wordsIn(translation, 'signIn', signIn);
  const token = callsKeysTokens(id); // "or paste your own token below" (Hugging Face)
  return html`<p part="account" class="account">
    <button part="sign-in" id="sign-in" type="button" class="secondary" data-provider=${id} @click=${onSignIn}>
      ${text.signInWith(provider)}
    </button>
    <span class="muted">${expired ? text.keyExpired(provider, expired) : text.orPasteKey(token)}</span>
  </p>`;
}

/**
 * The window of a sign-in, opened within the user's click (a popup needs it), before anything awaits, on `about:blank`:
 * the sign-in sends it to the account system once it is ready (null where the browser blocked it: then by redirect).
 */
export const openSignInWindow = () => open('about:blank', '_blank', 'popup,width=520,height=720');
