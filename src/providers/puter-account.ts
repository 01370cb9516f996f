import type Decimal from 'decimal.js';
import { UserPaysError } from '../errors.js';
import type { PriceBook } from '../pricing/price-book.js';
import { puterCatalogue } from '../pricing/puter-catalogue.js';
import { checkEndpoint } from './http.js';
import { PUTER_API, puterError, puterLeft, puterSdk } from './puter.js';

/** What the account needs of the element that shows it. */
export interface PuterHost {
  endpoint: string;
  puterSrc: string;
  requestUpdate(): void;
}

/**
 * The end user's own Puter account: who is signed in and what is left to spend. Reading never opens
 * a popup; `signIn()` does, so it must run from the user's click.
 */
export class PuterAccount {
  /** The signed-in user's name; undefined while signed out (or not yet known). */
  user?: string;
  /** Remaining balance in USD (Puter reports microcents). */
  left?: Decimal;
  /** The built-in prices with Puter's live catalogue laid over them, once it has arrived. */
  prices?: PriceBook;

  constructor(private host: PuterHost) {}

  private sdk() {
    return puterSdk(checkEndpoint(this.host.endpoint || PUTER_API), this.host.puterSrc);
  }

  /**
   * Fetches Puter's live prices (once per endpoint) for the host, and re-reads the user and the balance
   * where the page has a Puter session: when the provider or endpoint becomes Puter, and after every generation.
   * Without the SDK loaded or a session it stored for this endpoint (the origin it binds its token to), the SDK
   * waits for the first click. Failures keep the last values.
   */
  async refresh(): Promise<void> {
    try {
      const endpoint = checkEndpoint(this.host.endpoint || PUTER_API);
      puterCatalogue(endpoint).then((book) => {
        this.prices = book;
        this.host.requestUpdate();
      });
      if ((globalThis as any).puter || localStorage['puter.auth.token.origin.v2'] == endpoint) {
        const puter = await this.sdk();
        const [user, left] = puter.auth.isSignedIn() ? await Promise.all([puter.auth.getUser(), puterLeft(puter)]) : [];
        this.user = user?.username;
        this.left = left;
      }
    } catch {
      // a bad endpoint (reported on submit), offline, or the session just ended: the next submission says what to do
    }
    this.host.requestUpdate();
  }

  /** Opens Puter's sign-in popup: call it from the user's click. Rejects `auth-required` when cancelled or blocked. */
  async signIn(): Promise<void> {
    try {
      await (await this.sdk()).auth.signIn();
    } catch (thrown) {
      throw puterError(thrown);
    }
    await this.refresh();
  }

  signOut(): Promise<void> {
    (globalThis as any).puter?.auth.signOut();
    return this.refresh();
  }

  /** Before a submission: signs in if needed (the click's popup); stops what the balance cannot cover before it is sent. */
  async check(total: string): Promise<void> {
    await ((await this.sdk()).auth.isSignedIn() ? this.refresh() : this.signIn());
    // The account area shows both amounts: "$0.03 of your $0.01 left".
    if (this.left?.lt(total))
      throw new UserPaysError(
        'insufficient-funds',
        'Your provider account has run out of credits. Add credits there, then try again.',
      );
  }
}
