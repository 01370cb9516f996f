import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../base/types.js';
import type Decimal from 'decimal.js';
import { loadEngine } from '../../../../lazy/index.js';

/** The key in force: its provider, endpoint and relay ('' for none) and the user's key; undefined where none is set. */
export type KeySource = () => [provider: ProviderId, endpoint: string, relay: string, key: string] | undefined;

/** A key being typed is read only once it has rested this long: a half-typed key is not sent to the provider. */
const REST_MS = 1000;

/**
 * What the account of the key in force has left (BFL's credits, fal's billing, OpenRouter's key), where the provider
 * answers this page: read when the provider, its endpoint, the relay or the key change (the key once it rests) and
 * after every generation (`refresh()`); where the provider does not answer (no CORS, a key that may not ask), there is
 * no balance and nothing is said. Made with the panels; Puter's account is a part of its own (./puter/).
 */
export class AccountController implements ReactiveController {
  /** What is left, in USD. */
  balance?: { usd: Decimal };
  /** The key provider says the key has no spending cap (OpenRouter): what is left is unknown, and said so. */
  uncapped = false;
  /** The key's own spending cap, where its provider says (OpenRouter: what the user chose at sign-in). */
  cap?: Decimal;
  /**
   * What is left is of the key's own budget, of a size the provider does not say (Pollinations' `pollenBudget`): not
   * what the account holds, which may be nothing, and said so.
   */
  ofKeyBudget = false;
  /** When the key stops working (ms), where its provider says. */
  expiresAt?: number;
  /**
   * The provider refused an image of this key for want of credit (a 402; set by the submission: submission-run.ts):
   * what the key's cap leaves is no money in the account, and is not said as if it were. Until another key, an image
   * paid, or a read of the account's own balance says otherwise: not a read of a cap (OpenRouter's key cannot read its
   * account's credit) nor of the key's own budget (Pollinations' key reads only what it may still spend). A read of
   * the account's own balance at zero keeps it: the account is then known to hold nothing (`empty`).
   */
  outOfCredit = false;
  #readFor = '';

  readonly #host: ReactiveControllerHost;
  readonly #key: KeySource;

  constructor(host: ReactiveControllerHost, key: KeySource) {
    this.#host = host;
    this.#key = key;
    host.addController(this);
  }

  hostUpdate() {
    const where = this.#key()?.join('\n') ?? '';
    if (where === this.#readFor) return;
    this.#readFor = where;
    this.balance = undefined;
    this.uncapped = false;
    this.cap = undefined;
    this.ofKeyBudget = false;
    this.expiresAt = undefined;
    this.outOfCredit = false;
    if (where) setTimeout(() => where === this.#readFor && void this.refresh(), REST_MS);
  }

  /**
   * A read of the account's own balance (not of a key's cap or budget) says it holds nothing. Only then is an account
   * refused for want of credit said to be out of it: a 402 says only that it held less than the image's price, which
   * may be $0.01.
   */
  get empty(): boolean {
    return !!this.balance?.usd.isZero() && !this.cap && !this.ofKeyBudget;
  }

  /** Re-reads what the key's account has left. Failures keep the last values. */
  async refresh(): Promise<void> {
    const key = this.#key();
    if (!key) return;
    try {
      const read = await (await loadEngine()).keyBalance(...key);
      if (key.join('\n') === this.#readFor) {
        this.balance = read?.usd && { usd: read.usd };
        this.uncapped = !!read?.uncapped;
        this.cap = read?.cap;
        this.ofKeyBudget = !!read?.ofKeyBudget;
        if (read?.usd?.gt(0) && !read.cap && !read.ofKeyBudget) this.outOfCredit = false;
        // A read refused (a key past its days is refused at /account/key too) keeps when the key ended.
        if (read) this.expiresAt = read.expiresAt;
      }
    } catch {
      // offline, or the key just went: the next submission says what to do
    }
    this.#host.requestUpdate();
  }
}
