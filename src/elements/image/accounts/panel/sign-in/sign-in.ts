import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { signIn, type SignInStrings } from '../../../../../strings/sign-in.js';
import { wordsIn, type Translation } from '../../../../../strings/strings.js';
import type { Granting } from './sign-in-controller.js';
import { renderSignInButton } from '../sign-in-button.js';

/** An account system the user may sign in to for the provider in force (OpenRouter, Hugging Face). */
export interface SignInView {
  /** The provider's id (`data-provider`) and name. */
  id: string;
  provider: string;
  /** The key in force came from signing in. */
  signed: boolean;
  /**
   * What is left: "$4.19 left of your $5.00 cap at OpenRouter", where the provider says; or that the key
   * has no cap, where the provider says that instead ("OpenRouter set no cap on this key").
   */
  share?: string;
  /** Where the user revokes the key the sign-in gave, at the provider (OpenRouter's keys page). */
  revoke?: string;
  /** Where the account adds funds, when the provider said at sign-in that it cannot pay as it stands. */
  cannotPay?: string;
  /** When the key the sign-in gave expired, where it has (then the sign-in button is offered again). */
  expired?: string;
  /** Why the provider refused the key the sign-in gave (401, 403), where it did: the sign-in is offered again. */
  refused?: string;
  /** The form before a capped sign-in, while it is shown (see `Granting`). */
  grant?: Granting;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/** What the sign-in's controls do (./index.ts). */
export interface SignInHandlers {
  /** Sign in with the provider in force (its window opens in this click), or sign out of it. */
  keySignIn(): void;
  keySignOut(): void;
  /** The form before a capped sign-in (part `grant`): Continue (or Enter in its field), Cancel. */
  grantContinue(): void;
  grantKeydown(event: KeyboardEvent): void;
  grantCancel(): void;
}

/**
 * Above the key field: "Sign in with OpenRouter" (the user may still paste a key below: the panels' own line, which
 * they draw until this part is here), or who pays, with Revoke and Sign out beside it, and what is left on a line of
 * its own.
 */
export function renderSignIn(
  { id, provider, signed, share, revoke, cannotPay, expired, refused, grant, translation }: SignInView,
  on: SignInHandlers,
) {
  const text = wordsIn(translation, 'signIn', signIn);
  if (grant) return renderGrant(provider, grant, on, text);
  // The key the sign-in gave was refused: why, where the eye is after the click, and signing in again is the way on
  // (the focus goes to it, as to an error), or Sign out, to paste a key of one's own.
  if (signed && refused)
    return html`<p part="account" class="account">
        <button
          part="sign-in"
          id="sign-in"
          type="button"
          class="secondary"
          data-provider=${id}
          data-focus="error"
          aria-describedby="sign-in-refused"
          @click=${on.keySignIn}
        >
          ${text.signInAgain(provider)}
        </button>
        <button type="button" class="link" @click=${on.keySignOut}>${text.signOut()}</button>
      </p>
      <p id="sign-in-refused" part="error" class="error">${refused}</p>`;
  if (!signed) return renderSignInButton({ id, provider, expired, translation }, on.keySignIn);
  return html`<p part="account" class="account signed">
      <span>${text.signedInWith(provider)}</span>
      <span class="actions">
        ${
          revoke
            ? html`<a part="revoke" href=${revoke} target="_blank" rel="noopener noreferrer">${text.revokeKey()}</a>`
            : nothing
        }
        <button type="button" class="link" @click=${on.keySignOut}>${text.signOut()}</button>
      </span>
      ${share ? html`<span class="share muted">${share}</span>` : nothing}
    </p>
    ${
      cannotPay
        ? html`<p class="muted">
            ${text.cannotPayYet(provider)}
            <a href=${cannotPay} target="_blank" rel="noopener">${text.addFunds(provider)}</a>
          </p>`
        : nothing
    }`;
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
            ${
              grant.refused === 'days'
                ? text.grantNotDays()
                : grant.thousands
                  ? text.grantThousands(grant.cap.trim())
                  : text.grantNotAnAmount()
            }
          </p>`
        : nothing
    }
    <p id="grant-note" class="muted">${text.grantNote(provider)}</p>
  </div>`;
}

/**
 * What only the sign-in draws, adopted when its part loads (./index.ts; the account line's own layout is the key
 * field's, ../accounts.ts): who pays with Revoke and Sign out, what is left, and the form before a capped sign-in.
 */
export const signInStyles = css`
  /* Notes, quiet, close under what they speak of. */
  .grant p {
    margin: 0;
    font-size: 0.8125rem;
  }
  .grant .label {
    margin: 0;
  }
  /* Before a capped sign-in (renderGrant): how much the site may spend, after the user's click, so it may grow the
     widget. The amount narrow, Continue beside it. */
  .grant {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_field);
  }
  .grant .row {
    gap: 0.5rem 0.75rem;
  }
  #grant-cap,
  #grant-days {
    width: 7rem;
    height: 2.5rem;
  }
  /*
   * Signed in: who pays, with Revoke and Sign out on its right, or on the next line where both do not fit (German's
   * "Diesen Schlüssel widerrufen ↗" left no room for the name at 390 px); what is left of the cap whole, under them.
   */
  .account.signed {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
  }
  /* Each whole, one under the other where the two do not fit side by side (German's at 280 px). */
  .account .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .account .actions > * {
    font: inherit; /* the link and the button alike, at the line's size */
    white-space: nowrap;
  }
  .account .share {
    grid-column: 1 / -1;
    flex-basis: 100%;
    white-space: normal; /* whole, on as many lines as it takes: no ellipsis cuts what is left, or why none is */
  }
`;
