import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { signIn, type SignInStrings } from '../../../../strings/sign-in.js';
import { wordsIn } from '../../../../strings/strings.js';
import { slot } from '../../shared/slots.js';
import type { ImageView, Slot } from '../../shared/view.js';
import type { AccountHandlers } from './account-handlers.js';

/**
 * The user's own key, drawn with the panels (the first paint does not wait for it) into the place the first paint kept
 * at its size. Puter's account (./puter/) and the sign-in of the account systems a key comes from (./sign-in/:
 * OpenRouter, Hugging Face, Pollinations) are parts of their own, loaded where the provider in force has them
 * (PanelPart: shared/panel-part.ts).
 */

/** The key field's view: the key (`ImageView['key']`), whom it pays, where to get one, what its account has left. */
export type KeyFieldView = NonNullable<ImageView['key']> & {
  /** Whom the key pays, as a sentence names it: "BFL", or a gateway's host. */
  payee: string;
  /**
   * Whose account the key draws on, by name ("fal", "the gateway"): the provider's own through a proxy of it (the
   * host the key goes to is `payee`), so that "Your fal account is out of credit" never names a proxy's host.
   */
  account: string;
  /** Where to make a key (the provider's key page). */
  url?: string;
  /** The provider calls its keys access tokens (`callsKeysTokens`: Hugging Face), and so does the field. */
  token: boolean;
  remembered: boolean;
  waiting: number;
  /** The last submission failed for the key: said here, beside it. */
  error?: string;
  /** What the key's account has left ("$4.20"), where its provider says (BFL's credits, fal's billing). */
  left?: string;
  /**
   * The key's own spending cap ("$5.00": OpenRouter's `limit`), where `left` is what remains of it and not the
   * account's balance: said as a cap, so that nobody takes it for their balance.
   */
  cap?: string;
  /**
   * The provider refused an image of the key for want of credit: said in place of what is left, as none (`'empty'`)
   * where a read of the account says it holds nothing, else as not enough for the image (`'short'`).
   */
  outOfCredit?: 'empty' | 'short';
};

/** What the key field's controls do (the widget's own handlers). */
type KeyHandlers = Pick<AccountHandlers, 'keyInput' | 'keyCommit' | 'rememberChange'>;

/**
 * The user's own key, just above Generate (under its sign-in, where the provider has one: `signInLine`, drawn by the
 * sign-in's part once it is here), where to get one, and the opt-in to remember it. Drawn from the widget's whole
 * view, into the place its first paint kept (`slot()`). `notSentHere`: why the field is empty though the user gave a
 * key for this provider on this page (for another origin, or through another relay, or none), each in a sentence;
 * `signed`: the key came from signing in; `relay`: the host of the site's relay the key goes through, if any.
 */
export function renderKeyField(
  key: KeyFieldView | undefined,
  { decision, translation }: ImageView,
  signInLine: Slot | undefined,
  on: KeyHandlers,
  { notSentHere = [], signed = false, relay }: { notSentHere?: string[]; signed?: boolean; relay?: string } = {},
) {
  if (!key) return nothing;
  const text = wordsIn(translation, 'signIn', signIn);
  // Marked wrong only where the provider refused it: an empty field is the form's next step, said as a hint.
  const invalid = !!key.error;
  // Signed in: the account line above says who pays and what is left, and no field holds a key the user never typed,
  // not even once the provider refuses it (Sign out, above, is the way to another account or a key of one's own); and
  // the box keeps the sign-in on this device, in its own words, where it would remember a typed key.
  return html`<div class="key-field">
    ${signInLine ?? (key.signIn ? slot('account') : nothing)}
    ${signed ? nothing : renderKeyInput(key, decision, on, text, !!invalid)}
    ${
      // A key the sign-in gave that was refused is said in the sign-in's line, beside Sign in again.
      key.error && !signed ? html`<p id="key-error" part="error" class="error">${key.error}</p>` : nothing
    }
    ${key.value ? nothing : notSentHere.map((why) => html`<p class="muted">${why}</p>`)}
    ${key.waiting ? html`<p class="error">${text.waitingForKey(key.waiting, key.payee)}</p>` : nothing}
    ${
      // Not under a refusal of the key: what it had left says nothing of a key the provider no longer takes.
      (key.left || key.outOfCredit) && !signed && !key.error
        ? html`<p part="balance" class="muted">
            ${
              key.outOfCredit
                ? key.outOfCredit === 'empty'
                  ? text.outOfCredit(key.account)
                  : text.shortOfCredit(key.account)
                : key.cap
                  ? text.leftOf(key.left!, key.cap, key.provider)
                  : text.leftOnAccount(key.left!)
            }
          </p>`
        : nothing
    }
    <label class="check"
      ><input part="remember" type="checkbox" .checked=${live(key.remembered)} @change=${on.rememberChange} />
      ${signed ? text.staySignedIn() : text.rememberKey(key.token)}</label
    >
    <p id="key-note" class="muted">${text.keyStaysHere(key.payee, relay)}</p>
  </div>`;
}

/** The key's label (with "Get a key ↗") and its field, where the user types or pastes a key. */
function renderKeyInput(
  key: KeyFieldView,
  decision: ImageView['decision'],
  on: KeyHandlers,
  text: SignInStrings,
  invalid: boolean,
) {
  return html`<div class="label-row">
      <label class="label" for="key">${text.keyLabel(key.provider, key.token)}</label>
      ${key.url ? html`<a href=${key.url} target="_blank" rel="noopener noreferrer">${text.getKey(key.token)}</a>` : nothing}
    </div>
    <input
      id="key"
      part="key"
      type="password"
      autocomplete="off"
      spellcheck="false"
      data-focus=${key.error ? 'error' : nothing}
      aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
      aria-describedby="${key.error ? 'key-error' : decision.blocked?.at === 'key' ? 'reason' : ''} key-note"
      .value=${live(key.value) /* another provider's key may still be in the field: compare with it */}
      @input=${on.keyInput}
      @change=${on.keyCommit}
    />`;
}

/**
 * The key field, and the account line above it (or in its own place, Puter's): signing in is the way in, the key
 * field below it the other way. Both come into places the first paint kept at their size (image-template.ts, which
 * has only the places' heights), and keep to it: one line each (the key's label two under 360 px), the notes a fixed
 * number of lines; once signed in, the account line wraps within its place (no button above it then). The line
 * is drawn by the sign-in's part or Puter's (./sign-in/sign-in.ts, ./puter/index.ts), each loaded where the provider
 * in force has it; what only the sign-in draws (Revoke, what is left, the form before a capped sign-in) is styled
 * there.
 */
export const accountStyles = css`
  .key-field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35rem;
    align-content: start;
  }
  .account {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.4rem 0.75rem;
    font-size: 0.875rem;
  }
  /* Notes, quiet, close under what they speak of. */
  .key-field p {
    margin: 0;
    font-size: 0.8125rem;
  }
  /* The key field, to the heights its place has: one line each, the note at least two. */
  .label-row {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
    height: 1.5rem;
    white-space: nowrap;
  }
  .label-row .label {
    margin: 0;
  }
  #key {
    height: 2.5rem;
  }
  .key-field > p:last-child {
    min-height: calc(2 * 1.45 * 0.8125rem);
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    height: 1.5rem;
    font-size: 0.875rem;
  }
  .label-row .label,
  .check {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @container (max-width: 359px) {
    /* The key's label and "Get a key" after it, as one text in up to two lines. */
    .label-row {
      display: block;
      height: calc(2 * 1.45 * 0.875rem);
      white-space: normal;
    }
    .label-row .label {
      white-space: normal;
    }
    .label-row a {
      margin-inline-start: 0.5rem;
    }
    .check {
      height: auto;
      min-height: calc(2 * 1.45 * 0.875rem);
      white-space: normal;
    }
    .key-field > p:last-child {
      min-height: calc(3 * 1.45 * 0.8125rem);
    }
  }
  .account #sign-in {
    grid-column: 1 / -1;
    min-height: 2.5rem;
    font-weight: 600;
  }
  /* Where there is room, the sign-in and why on one row: the line is first in the controls, and short. */
  @container (min-width: 480px) {
    .account:has(#sign-in) {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .account #sign-in {
      grid-column: auto;
      padding-inline: 1.25rem;
    }
  }
  /*
   * Who pays, and what is left, wraps rather than being cut: at 390 px an ellipsis took the balance ("$0.49…", "übrig")
   * and the provider's name. What is left breaks only before it, whole on its line; a long user name breaks anywhere.
   * Two lines, three for a long name, stay within the place kept for the sign-in button and the line under it.
   */
  .account > span {
    overflow-wrap: anywhere;
  }
  .account .left {
    white-space: nowrap;
  }
`;
