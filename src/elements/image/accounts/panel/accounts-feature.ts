import type Decimal from 'decimal.js';
import { nothing } from 'lit';
import { isKeyError } from '../../../../base/errors.js';
import type { ProviderId } from '../../../../base/types.js';
import { payeeAt, providerInfo } from '../../../../providers/registry/catalog.js';
import { signIn } from '../../../../strings/sign-in.js';
import { widget } from '../../../../strings/image/widget.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import { slot } from '../../shared/slots.js';
import type { AccountsContract, Features } from '../../shared/features.js';
import { PanelPart } from '../../shared/panel-part.js';
import type { Drawing, PanelSlots } from '../../shared/slots.js';
import type { Blocked, ImageHandlers } from '../../shared/view.js';
import { AccountController } from './account-controller.js';
import { accountHandlers, type AccountHandlers } from './account-handlers.js';
import { renderKeyField } from './accounts.js';
import { hostOf, keyFieldView, keyNotSentHere, signInLine } from './key-field-view.js';
import { KeysChannel } from './keys-channel.js';
import { ProviderKeys } from './provider-keys.js';
import type { PuterAccountPart } from './puter/index.js';
import { SignInOnDemand } from './sign-in-on-demand.js';
import { SignedKeys } from './signed-keys.js';

/**
 * The accounts the user pays from, once the panels are here: their keys (the key field, "Remember", the word that a
 * key was forgotten in another tab), the sign-in of the account systems a key comes from (a part loaded when it is
 * needed), Puter's account (a part loaded where the widget uses Puter), and what the account in force has left.
 */
export class AccountsFeature implements AccountsContract {
  readonly keys: ProviderKeys;
  readonly signedKeys: SignedKeys;
  readonly account: AccountController;
  readonly puter: PanelPart<PuterAccountPart>;
  readonly signIn: SignInOnDemand;
  /** What the key field, "Remember" and Sign in (before its part) do. */
  readonly handlers: AccountHandlers;
  readonly #parts: ImageParts;
  readonly #features: Features;

  /** `told.keyEntered`: the user entered a key (what waits for one is fetched with it). */
  constructor(parts: ImageParts, features: Features, told: { keyEntered(): void }) {
    const { host } = parts;
    this.#parts = parts;
    this.#features = features;
    this.keys = new ProviderKeys(host, {
      storageKey: () => host.storageKey,
      provider: () => host.provider,
      endpoint: () => host.endpoint,
      relay: () => host.relay,
    });
    this.keys.adopt(parts.keysGiven); // those the first paint was given (../../shared/key-slots.ts)
    this.signedKeys = new SignedKeys(this.keys);
    this.account = new AccountController(host, () =>
      host.provider !== 'puter' && host.apiKey ? [host.provider, host.endpoint, host.relay, host.apiKey] : undefined,
    );
    const report = (error: unknown) => features.report(error);
    this.puter = new PanelPart(host, {
      wanted: () => host.provider === 'puter',
      load: () =>
        import('./puter/index.js').then(({ puterAccountPart }) => puterAccountPart(parts, report, features.gallery)),
    });
    this.signIn = this.#signInOnDemand(features, report);
    // Sign out and "Remember" unticked, drawn with the panels, reach every widget and tab of the storage key.
    new KeysChannel(host, this.keys, () => host.storageKey);
    this.handlers = accountHandlers(parts, this, features, told);
  }

  /** The sign-in of the account systems a key comes from, with its form: loaded when it is needed. */
  #signInOnDemand(features: Features, report: (error: unknown) => void): SignInOnDemand {
    const parts = this.#parts;
    const { host } = parts;
    return new SignInOnDemand(host, {
      provider: () => host.provider,
      madeBySignIn: () => this.signedKeys.madeBySignIn(),
      report,
      load: () =>
        import('./sign-in/index.js').then(({ signInPart }) =>
          signInPart(parts, {
            keys: this.keys,
            account: this.account,
            flow: features.flow,
            signedKeys: this.signedKeys,
            report,
            keyRefusal: () => {
              const { error } = features.shown;
              return error && isKeyError(error) ? error.message : undefined;
            },
            keyReplaced: () => features.edited(),
          }),
        ),
    });
  }

  signedKeyInForce(key: string | undefined): boolean {
    return !!key && key === this.keys.current && this.signedKeys.madeBySignIn();
  }

  keyAt(provider: ProviderId, endpoint: string, relay: string) {
    const key = this.keys.get(provider, endpoint, relay);
    return { key, madeBySignIn: this.signedKeys.madeBySignIn(provider, endpoint, relay) };
  }

  hasAccountFor(provider: ProviderId): boolean {
    const { host } = this.#parts;
    return providerInfo(provider)?.needsKey
      ? !!this.keys.get(provider, host.endpoint, host.relay)
      : provider !== 'puter' || !!this.puter.loaded?.account.user;
  }

  submissionEnded(outOfCredit?: boolean) {
    if (outOfCredit !== undefined) this.account.outOfCredit = outOfCredit;
    void this.account.refresh();
    void this.puter.loaded?.account.refresh();
  }

  async puterReady(most: string, cheaper: (left: Decimal) => string | undefined) {
    const { account } = await this.puter.load();
    const found = await account.check(most);
    if (!found.enough)
      throw await account.refusal(found, most, found.left && cheaper(found.left), this.#parts.language.locale);
  }

  /**
   * Why sending again cannot succeed with the key the sign-in gave, which its provider refused (only a new sign-in
   * helps), with the fix; undefined where that is not so.
   */
  blocked(): Blocked | undefined {
    const { error } = this.#features.shown;
    const state = this.signIn.loaded?.controller.state();
    if (!state?.signed || !error || !isKeyError(error)) return undefined;
    const { host, language } = this.#parts;
    const provider = wordsIn(language.translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
    const signInText = wordsIn(language.translation, 'signIn', signIn);
    // A refusal for a permission the sign-in did not give says so, as its message does (Hugging Face's 403).
    const notAllowed = error.code === 'auth-required';
    return {
      reason: notAllowed ? signInText.signedKeyNotAllowed(provider) : signInText.signedKeyRefused(provider),
      at: 'key',
      fix: { label: wordsIn(language.translation, 'widget', widget).fixSignIn(), focus: 'sign-in' },
    };
  }

  /**
   * Whether the account signed in with cannot pay (its sign-in said so), and whether what is left is a key's own cap
   * (OpenRouter's `limit`), the sign-in's or a pasted key's, rather than the account's.
   */
  spending(): { left: Decimal | undefined; cannotPay: boolean; capped?: 'signed' | 'pasted' } {
    const state = this.signIn.loaded?.controller.state();
    const puter = this.#parts.host.provider === 'puter';
    const capped = !puter && this.account.cap && (state?.signed ? 'signed' : 'pasted');
    const left = (puter ? this.puter.loaded?.account : this.account)?.balance?.usd;
    return { left, cannotPay: !!state?.cannotPay, capped: capped || undefined };
  }

  /** The sign-in's part, ahead of its click, when the pointer or the focus comes to Sign in. */
  prefetch(target: Element) {
    if (target.closest('[part~=sign-in]')) this.signIn.prefetch();
  }

  /** Puter's account, or the key field under the sign-in of the account systems a key comes from. */
  slots({ view, on }: Drawing<ImageHandlers & AccountHandlers>): Pick<PanelSlots, 'account' | 'keyField'> {
    const parts = this.#parts;
    const { host, language } = parts;
    const providerName = wordsIn(language.translation, 'words', words).providerName(
      payeeAt(host.provider, host.endpoint),
    );
    const keyField = view.key && keyFieldView(parts, this, this.#features.shown, view.key);
    return {
      // Its place kept at its size until Puter's part is here.
      account: host.provider === 'puter' ? (this.puter.loaded?.render() ?? slot('account')) : nothing,
      keyField: renderKeyField(keyField, view, signInLine(parts, this, providerName, on), on, {
        notSentHere: keyField ? keyNotSentHere(parts, this, keyField.payee) : [],
        // Until the sign-in's part is here, a key its sign-in made on an earlier visit is signed in all the same.
        signed: this.signIn.loaded ? this.signIn.loaded.controller.state()?.signed : this.signedKeys.madeBySignIn(),
        relay: hostOf(host.relay),
      }),
    };
  }
}
