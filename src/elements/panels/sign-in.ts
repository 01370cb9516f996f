import { html, nothing } from 'lit';
import * as text from '../../strings/sign-in.js';
import * as widgetText from '../../strings/widget.js';

/**
 * The accounts the user pays from, drawn with the panels (the first price does not wait for them): Puter's, and the
 * account systems a key comes from by signing in (OpenRouter, Hugging Face).
 */

/** An account system the user may sign in to for the provider in force (OpenRouter, Hugging Face). */
export interface SignInView {
  /** The provider's id (`data-provider`) and name. */
  id: string;
  provider: string;
  /** The key in force came from signing in. */
  signed: boolean;
  /** The price against what is left: "$0.03 of your $4.20 at OpenRouter", where the provider says. */
  share?: string;
}

export interface SignInHandlers {
  keySignIn(): void;
  keySignOut(): void;
  /** Puter's own sign-in (its SDK's popup needs this very click) and sign-out. */
  signIn(): void;
  signOut(): void;
}

/** Puter's account: who is signed in, what is left, and (while a credit's worth is unknown) a note on the credits. */
export interface PuterAccountView {
  user?: string;
  left?: string;
  note?: string;
}

/**
 * Above the key field: "Sign in with OpenRouter" (the user may still paste a key below), or who pays and what is
 * left, with Sign out. Drawn with the panels: the first price does not wait for it.
 */
export function renderSignIn({ id, provider, signed, share }: SignInView, on: SignInHandlers) {
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${signed
    ? html`<span>${text.signedInWith(provider)}${share ? ` · ${share}` : ''}</span> <button type="button" class="link" @click=${on.keySignOut}>${widgetText.signOut()}</button>`
    : html`<button part="sign-in" id="sign-in" type="button" class="secondary" data-provider=${id} @click=${on.keySignIn}>${text.signInWith(provider)}</button> <span class="muted">${text.orPasteKey()}</span>`}</p>`;
}

/**
 * Puter's account: Sign in (its popup needs this very click), or who pays and what is left (in credits, while their
 * worth is unknown, said under it).
 */
export function renderPuterAccount({ user, left, note }: PuterAccountView, on: SignInHandlers) {
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${user
    ? html`<span>${text.puterAccount()} <strong>${user}</strong>${left ? ` · ${left}` : ''}</span> <button type="button" class="link" @click=${on.signOut}>${widgetText.signOut()}</button>`
    : html`<button part="sign-in" id="sign-in" type="button" class="secondary" data-provider="puter" @click=${on.signIn}>${text.signInPuter()}</button> <span class="muted">${text.signInPuterWhy()}</span>`}</p>${user && note ? html`<p class="muted">${note}</p>` : nothing}`;
}
