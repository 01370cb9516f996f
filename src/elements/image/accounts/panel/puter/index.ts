// Puter's account in `<userpays-image>`'s panels: who is signed in, what is left, Sign in and Sign out, and the check
// before sending. A lazy part of the panels (a chunk of its own), loaded where the widget uses Puter (a PanelPart):
// a session with a provider paid by key never loads it. Its line is laid out as the sign-in's (../accounts.ts).
import { html, nothing } from 'lit';
import { formatUsdLeft } from '../../../../../pricing/index.js';
import { signIn } from '../../../../../strings/sign-in.js';
import { reword, wordsIn, type Translation } from '../../../../../strings/strings.js';
import type { ImageParts } from '../../../shared/image-parts.js';
import type { GalleryContract } from '../../../shared/features.js';
import { PuterAccountController } from './puter-account-controller.js';

export { PuterAccountController } from './puter-account-controller.js';

/** Puter's account: who is signed in, what is left, and (while a credit's worth is unknown) a note on the credits. */
export interface PuterAccountView {
  user?: string;
  left?: string;
  note?: string;
  /** The account's storage refused an image for want of room (said under the line, while signed in). */
  full?: string;
  /** The element's words over English (see `wordsIn`). */
  translation?: Translation;
}

/** Puter's own sign-in (its SDK's popup needs this very click) and sign-out. */
export interface PuterAccountHandlers {
  signIn(): void;
  signOut(): void;
}

/**
 * Puter's account: Sign in (its popup needs this very click), or who pays and what is left (in credits, while their
 * worth is unknown, said under it).
 */
export function renderPuterAccount(
  { user, left, note, full, translation }: PuterAccountView,
  on: PuterAccountHandlers,
) {
  const text = wordsIn(translation, 'signIn', signIn);
  const line = user
    ? html`<span
          >${text.puterAccount()}
          <strong>${user}</strong>${left ? html` · <span class="left">${left}</span>` : ''}</span
        >
        <button type="button" class="link" @click=${on.signOut}>${text.signOut()}</button>`
    : html`<button
          part="sign-in"
          id="sign-in"
          type="button"
          class="secondary"
          data-provider="puter"
          @click=${on.signIn}
        >
          ${text.signInPuter()}
        </button>
        <span class="muted">${text.signInPuterWhy()}</span>`;
  return html`<p part="account" class="account">${line}</p>
    ${user && note ? html`<p class="muted">${note}</p>` : nothing}
    ${user && full ? html`<p part="account-files" class="muted" role="status">${full}</p>` : nothing}`;
}

/** Puter's account of a widget, and its line: Sign in, or who pays and what is left. */
export interface PuterAccountPart {
  account: PuterAccountController;
  render(): ReturnType<typeof renderPuterAccount>;
}

/**
 * Puter's account of the widget of `parts`, read while it uses Puter; `report` says what went wrong at sign-in (the
 * popup closed or blocked) where the widget says what a submission found.
 */
export function puterAccountPart(
  { host, language }: ImageParts,
  report: (error: unknown) => void,
  gallery: Pick<GalleryContract, 'useAccountFiles' | 'accountFull'>,
): PuterAccountPart {
  const account = new PuterAccountController(host, {
    active: () => host.provider === 'puter',
    endpoint: () => host.endpoint,
    puterSrc: () => host.puterSrc,
    accountFiles: (files, who) => gallery.useAccountFiles(files, who),
    storageKey: () => host.storageKey,
  });
  const on: PuterAccountHandlers = {
    signIn: () => void account.signIn().catch(report),
    signOut: () => void account.signOut(),
  };
  return {
    account,
    render: () => {
      const { user, balance } = account;
      const { locale, translation } = language;
      const left =
        balance?.usd && wordsIn(translation, 'signIn', signIn).leftOnAccount(formatUsdLeft(balance.usd, locale));
      const note = balance?.unpriced && reword(balance.unpriced(locale), translation);
      const full = gallery.accountFull ? wordsIn(translation, 'signIn', signIn).puterStorageFull() : undefined;
      return renderPuterAccount({ user, left, note, full, translation }, on);
    },
  };
}
