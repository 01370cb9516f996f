import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../base/types.js';
import { loadEngine } from '../../../../lazy/index.js';
import type { UserPaysError } from '../../../../base/errors.js';
import type { PuterBalance, PuterFound } from '../../../../providers/puter/account.js';
import type * as PuterModule from '../../../../providers/puter/adapter.js';
import { puterApi } from '../../../../providers/catalog.js';
import { checkEndpoint } from '../../../../providers/urls.js';

/** Where the host's Puter is: its API endpoint ('' for Puter's own) and where its SDK loads from. */
export interface AccountSource {
  /** True while the host uses Puter: only then is the account read. */
  active(): boolean;
  endpoint(): string;
  puterSrc(): string;
  /** Otherwise the key provider in force, its endpoint and relay ('' for none) and the user's key, if one is set. */
  key(): [provider: ProviderId, endpoint: string, relay: string, key: string] | undefined;
}

/** A key being typed is read only once it has rested this long: a half-typed key is not sent to the provider. */
const REST_MS = 1000;

/**
 * The account the user pays from, drawn with the panels (accounts.ts), made with them: the end user's own Puter
 * account, who is signed in and what is left to spend. Reading never opens a
 * popup; `signIn()` does, so it must run from the user's click. Re-read when the host switches to Puter or
 * to another Puter endpoint, and after every generation (`refresh()`). With a key provider instead, what the key's
 * account has left (BFL's credits, fal's billing), where the provider answers this page: read when the provider,
 * its endpoint, the relay or the key change (the key once it rests) and after every generation; where the provider
 * does not answer (no CORS, a key that may not ask), there is no balance and nothing is said.
 */
export class AccountController implements ReactiveController {
  /** The signed-in user's name; undefined while signed out (or not yet known). */
  user?: string;
  /** What is left: in USD, or in the credits Puter reports while their worth is unknown (key providers: USD). */
  balance?: PuterBalance;
  /** The key provider says the key has no spending cap (OpenRouter): what is left is unknown, and said so. */
  uncapped = false;
  /** When the key stops working (ms), where its provider says. */
  expiresAt?: number;
  #readFor = '';

  readonly #host: ReactiveControllerHost;
  readonly #source: AccountSource;

  constructor(host: ReactiveControllerHost, source: AccountSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostUpdate() {
    const active = this.#source.active();
    const where = active ? puterApi(this.#source.endpoint()) : (this.#source.key()?.join('\n') ?? '');
    if (where === this.#readFor) return;
    this.#readFor = where;
    this.balance = undefined;
    this.uncapped = false;
    this.expiresAt = undefined;
    if (active) void this.refresh();
    else if (where) setTimeout(() => where === this.#readFor && void this.refresh(), REST_MS);
  }

  /**
   * Puter's adapter (a chunk of its own, loaded by the engine's registry: the account, sign-in, the check before
   * sending) and the SDK, pointed at the host's Puter.
   */
  async #puter() {
    const adapter = await (await loadEngine()).loadPuter();
    const sdk = await adapter.puterSdk(checkEndpoint(puterApi(this.#source.endpoint())), this.#source.puterSrc());
    return [adapter, sdk] as const;
  }

  /**
   * Re-reads the user and the balance where the page has a Puter session (or the key's balance). Without the SDK
   * loaded or a session it stored for this endpoint (the origin it binds its token to), the SDK waits for the first
   * click. Failures keep the last values.
   */
  async refresh(): Promise<void> {
    const key = this.#source.active() ? undefined : this.#source.key();
    try {
      if (key) {
        const read = await (await loadEngine()).keyBalance(...key);
        if (key.join('\n') === this.#readFor) {
          this.balance = read?.usd && { usd: read.usd };
          this.uncapped = !!read?.uncapped;
          // A read refused (a key past its days is refused at /account/key too) keeps when the key ended.
          if (read) this.expiresAt = read.expiresAt;
        }
      } else {
        const endpoint = checkEndpoint(puterApi(this.#source.endpoint()));
        if ((globalThis as { puter?: unknown }).puter || localStorage['puter.auth.token.origin.v2'] === endpoint) {
          const [{ puterAccount }, sdk] = await this.#puter();
          ({ user: this.user, balance: this.balance } = await puterAccount(sdk, endpoint));
        }
      }
    } catch {
      // a bad endpoint (reported on submit), offline, or the session just ended: the next submission says what to do
    }
    this.#host.requestUpdate();
  }

  /** Opens Puter's sign-in popup: call it from the user's click. Rejects `auth-required` when cancelled or blocked. */
  async signIn(): Promise<void> {
    const [{ puterSignIn }, sdk] = await this.#puter();
    await puterSignIn(sdk);
    await this.refresh();
  }

  signOut(): Promise<void> {
    (globalThis as { puter?: { auth: { signOut(): void } } }).puter?.auth.signOut();
    return this.refresh();
  }

  /**
   * Before a submission: signs in if needed (the click's popup), and reads what the account has left against `total`
   * (`puterCheck`): what it found, for the submission to say. The account area is read again either way.
   */
  async check(total: string): Promise<PuterFound> {
    try {
      const endpoint = checkEndpoint(puterApi(this.#source.endpoint()));
      const [{ puterCheck }, sdk] = await this.#puter();
      return await puterCheck(sdk, endpoint, total);
    } finally {
      await this.refresh();
    }
  }

  /** What the user is told of what `check` found short (Puter's words: `balanceRefusal`, in its adapter). */
  async refusal(...args: Parameters<typeof PuterModule.balanceRefusal>): Promise<UserPaysError> {
    const adapter = await (await loadEngine()).loadPuter();
    return adapter.balanceRefusal(...args);
  }
}
