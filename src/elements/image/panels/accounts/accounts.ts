import { html, nothing } from 'lit';
import type { Granting } from './sign-in-controller.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { signIn, type SignInStrings } from '../../../../strings/sign-in.js';
import { wordsIn, type Translation } from '../../../../strings/strings.js';
import { slot } from '../../form-template.js';
import type { ImageView } from '../../view.js';
import type { PanelHandlers } from '../image-actions.js';

/**
 * The accounts the user pays from, drawn with the panels (the first price does not wait for them) into the places
 * the first paint kept at their size: Puter's, the account systems a key comes from by signing in (OpenRouter,
 * Hugging Face), and the key field.
 */

/** What the key field's controls do (the widget's own handlers). */
type KeyHandlers = Pick<PanelHandlers, 'keyInput' | 'keyCommit' | 'rememberChange'>;

/** An account system the user may sign in to for the provider in force (OpenRouter, Hugging Face). */
export interface SignInView {
  /** The provider's id (`data-provider`) and name. */
  id: string;
  provider: string;
  /** The key in force came from signing in. */
  signed: boolean;
  /**
   * The price against what is left: "$0.03 of your $4.20 at OpenRouter", where the provider says; or that the key
   * has no cap, where the provider says that instead ("OpenRouter set no cap on this key").
   */
  share?: string;
  /** Where the user revokes the key the sign-in gave, at the provider (OpenRouter's keys page). */
  revoke?: string;
  /** Where the account adds funds, when the provider said at sign-in that it cannot pay as it stands. */
  cannotPay?: string;
  /** When the key the sign-in gave expired, where it has (then the sign-in button is offered again). */
  expired?: string;
  /** The form before a capped sign-in, while it is shown (see `Granting`). */
  grant?: Granting;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

export interface SignInHandlers {
  keySignIn(): void;
  keySignOut(): void;
  grantContinue(): void;
  grantKeydown(event: KeyboardEvent): void;
  grantCancel(): void;
  /** Puter's own sign-in (its SDK's popup needs this very click) and sign-out. */
  signIn(): void;
  signOut(): void;
}

/** Puter's account: who is signed in, what is left, and (while a credit's worth is unknown) a note on the credits. */
export interface PuterAccountView {
  user?: string;
  left?: string;
  note?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/**
 * Above the key field: "Sign in with OpenRouter" (the user may still paste a key below), or who pays, with Revoke and
 * Sign out beside it, and what is left on a line of its own. Drawn with the panels: the first price does not wait for it.
 */
export function renderSignIn(
  { id, provider, signed, share, revoke, cannotPay, expired, grant, translation }: SignInView,
  on: SignInHandlers,
) {
  const text = wordsIn(translation, 'signIn', signIn);
  if (grant) return renderGrant(provider, grant, on, text);
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${signed
    ? html`<span>${text.signedInWith(provider)}</span> <span class="actions">${revoke ? html`<a part="revoke" href=${revoke} target="_blank" rel="noopener noreferrer">${text.revokeKey()}</a> ` : nothing}<button type="button" class="link" @click=${on.keySignOut}>${text.signOut()}</button></span>${share ? html` <span class="share muted">${share}</span>` : nothing}`
    : html`<button part="sign-in" id="sign-in" type="button" class="secondary" data-provider=${id} @click=${on.keySignIn}>${text.signInWith(provider)}</button> <span class="muted">${expired ? text.keyExpired(provider, expired) : text.orPasteKey()}</span>`}</p>${cannotPay
    ? html`<p class="muted">${text.cannotPayYet(provider)} <a href=${cannotPay} target="_blank" rel="noopener">${text.addFunds(provider)}</a></p>`
    : nothing}`;
}

/**
 * Before leaving for an account system that caps the key it gives (OpenRouter's `limit`): how much this site may spend,
 * offered at the page's budget or $5, with Continue (the sign-in, from that click) and Cancel. A group inside the
 * widget's form, not a form of its own: Enter in its field continues, and never submits the widget.
 */
function renderGrant(provider: string, grant: Granting, on: SignInHandlers, text: SignInStrings) {
  /** A field of the form: the cap (`cap`) or the days (`days`), refused or not. */
  const field = (name: 'cap' | 'days', value: string) =>
    html`<input
      id=${`grant-${name}`}
      name=${name}
      type="text"
      inputmode=${name === 'cap' ? 'decimal' : 'numeric'}
      autocomplete="off"
      .value=${live(value)}
      aria-invalid=${grant.refused === name ? 'true' : 'false'}
      aria-describedby=${grant.refused === name ? 'grant-error grant-note' : 'grant-note'}
      @keydown=${on.grantKeydown}
    />`;
  const days = grant.days;
  return html`<div part="grant" class="grant" role="group" aria-labelledby="grant-label">
    <label id="grant-label" class="label" for="grant-cap">${text.grantLabel(provider)}</label>
    ${
      days === undefined
        ? nothing
        : html`${field('cap', grant.cap)}<label class="label" for="grant-days">${text.grantDaysLabel()}</label>`
    }
    <div class="row">
      ${days === undefined ? field('cap', grant.cap) : field('days', days)}
      <button type="button" class="secondary" @click=${on.grantContinue}>${text.grantContinue(provider)}</button>
      <button type="button" class="link" @click=${on.grantCancel}>${text.grantCancel()}</button>
    </div>
    ${
      grant.refused
        ? html`<p id="grant-error" part="error" class="error">
            ${grant.refused === 'cap' ? text.grantNotAnAmount() : text.grantNotDays()}
          </p>`
        : nothing
    }
    <p id="grant-note" class="muted">${text.grantNote(provider)}</p>
  </div>`;
}

/**
 * Puter's account: Sign in (its popup needs this very click), or who pays and what is left (in credits, while their
 * worth is unknown, said under it).
 */
export function renderPuterAccount({ user, left, note, translation }: PuterAccountView, on: SignInHandlers) {
  const text = wordsIn(translation, 'signIn', signIn);
  // One line each: whitespace inside a template is not minified.
  // prettier-ignore
  return html`<p part="account" class="account">${user
    ? html`<span>${text.puterAccount()} <strong>${user}</strong>${left ? ` · ${left}` : ''}</span> <button type="button" class="link" @click=${on.signOut}>${text.signOut()}</button>`
    : html`<button part="sign-in" id="sign-in" type="button" class="secondary" data-provider="puter" @click=${on.signIn}>${text.signInPuter()}</button> <span class="muted">${text.signInPuterWhy()}</span>`}</p>${user && note ? html`<p class="muted">${note}</p>` : nothing}`;
}

/**
 * The user's own key, just above Generate (under its sign-in, where the provider has one): where to get one, and the
 * opt-in to remember it. Drawn from the widget's whole view, into the place its first paint kept (`slot()`).
 * `notSentHere`: why the field is empty though the user gave a key for this provider on this page (for another
 * origin, or through another relay, or none), each in a sentence.
 */
export function renderKeyField(
  { key, decision, panels, translation }: ImageView,
  on: KeyHandlers,
  notSentHere: string[] = [],
  signed = false,
) {
  if (!key) return nothing;
  const text = wordsIn(translation, 'signIn', signIn);
  const invalid = decision.blocked?.at === 'key' || key.error;
  // Signed in: the account line above says who pays and what is left, and no field holds a key the user never typed
  // (until the provider refuses it: then the field is there for another key, as the error says).
  return html`<div class="key-field">
    ${panels.signIn ?? (key.signIn ? slot('account') : nothing)}
    ${signed && !key.error ? nothing : renderKeyInput(key, decision, on, text, !!invalid)}
    ${key.error ? html`<p id="key-error" part="error" class="error">${key.error}</p>` : nothing}
    ${key.value ? nothing : notSentHere.map((why) => html`<p class="muted">${why}</p>`)}
    ${key.waiting ? html`<p class="error">${text.waitingForKey(key.waiting, key.payee)}</p>` : nothing}
    ${key.left && !signed ? html`<p part="balance" class="muted">${text.leftOnAccount(key.left)}</p>` : nothing}
    <label class="check"
      ><input part="remember" type="checkbox" .checked=${live(key.remembered)} @change=${on.rememberChange} />
      ${text.rememberKey()}</label
    >
    <p class="muted">${text.keyStaysHere(key.payee)}</p>
  </div>`;
}

/** The key's label (with "Get a key ↗") and its field, where the user types or pastes a key. */
function renderKeyInput(
  key: NonNullable<ImageView['key']>,
  decision: ImageView['decision'],
  on: KeyHandlers,
  text: SignInStrings,
  invalid: boolean,
) {
  return html`<div class="label-row">
      <label class="label" for="key">${text.keyLabel(key.provider, key.host)}</label>
      ${key.url ? html`<a href=${key.url} target="_blank" rel="noopener noreferrer">${text.getKey()}</a>` : nothing}
    </div>
    <input
      id="key"
      part="key"
      type="password"
      autocomplete="off"
      spellcheck="false"
      data-focus=${key.error ? 'error' : nothing}
      aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
      aria-describedby=${key.error ? 'key-error' : decision.blocked?.at === 'key' ? 'reason' : nothing}
      .value=${live(key.value) /* another provider's key may still be in the field: compare with it */}
      @input=${on.keyInput}
      @change=${on.keyCommit}
    />`;
}
