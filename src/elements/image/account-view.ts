import { html, nothing } from 'lit';
import type { UserPaysError } from '../../errors.js';
import { formatUsd } from '../../pricing/index.js';
import type { UserPaysImage } from './userpays-image.js';

/**
 * Puter's account area, beside the preview: Sign in (Puter's popup needs this very click), or who pays
 * and what is left ("$0.03 of your $0.45 left"), and Sign out.
 */
export function renderAccount(el: UserPaysImage) {
  const { account, quote } = el;
  const signIn = () => account.signIn().catch((error: UserPaysError) => el.fail(error));
  // (One line each: whitespace inside a template is not minified.)
  // prettier-ignore
  return el.provider != 'puter'
    ? nothing
    : html`<p part="account" class="account">${account.user
        ? html`Puter account <strong>${account.user}</strong>${quote && account.left ? ` · ${formatUsd(quote.total, el.locale)} of your ${formatUsd(account.left, el.locale)} left` : ''} <button type="button" class="secondary" @click=${() => account.signOut()}>Sign out</button>`
        : html`<button part="sign-in" type="button" class="secondary" @click=${signIn}>Sign in with Puter</button> to pay from your own account.`}</p>`;
}
