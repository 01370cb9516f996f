import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadEngine, loadLedger } from '../../../../../lazy/index.js';
import type { LedgerMirror } from '../../../../../ledger/ledger.js';
import type { UserPaysError } from '../../../../../base/errors.js';
import type { PuterBalance, PuterFound } from '../../../../../providers/puter/account.js';
import type * as PuterModule from '../../../../../providers/puter/adapter.js';
import { puterApi } from '../../../../../providers/registry/catalog.js';
import { checkEndpoint } from '../../../../../providers/urls.js';
import type { AccountFiles } from '../../../../../providers/account-files.js';

/** Where the host's Puter is: its API endpoint ('' for Puter's own) and where its SDK loads from. */
export interface PuterAccountSource {
  /** True while the host uses Puter: only then is the account read. */
  active(): boolean;
  endpoint(): string;
  puterSrc(): string;
  /**
   * The files of the user signed in (`who`), where the widget keeps images too; none once signed out. Told once per
   * user, as the account is read.
   */
  accountFiles?(files: AccountFiles | undefined, who: string): void;
  /** Where the widget keeps its ledger: kept also in the signed-in user's Puter account. */
  storageKey?(): string;
}

/**
 * The end user's own Puter account: who is signed in and what is left to spend. Reading never opens a popup;
 * `signIn()` does, so it must run from the user's click. Re-read when the host switches to Puter or to another Puter
 * endpoint, and after every generation (`refresh()`). Loaded with Puter's account line (./index.ts) where the widget
 * uses Puter: a session with another provider never loads it.
 */
export class PuterAccountController implements ReactiveController {
  /** The signed-in user's name; undefined while signed out (or not yet known). */
  user?: string;
  /** What is left: in USD, or in the credits Puter reports while their worth is unknown. */
  balance?: PuterBalance;
  #readFor = '';
  /** The user whose files `accountFiles` was told of ('' for none). */
  #filesOf = '';
  /** The ledger kept in the signed-in user's account, and whose it is. */
  #mirror?: { user: string; storageKey: string; ledger: LedgerMirror; merged: boolean };

  readonly #host: ReactiveControllerHost;
  readonly #source: PuterAccountSource;

  constructor(host: ReactiveControllerHost, source: PuterAccountSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostUpdate() {
    const where = this.#source.active() ? puterApi(this.#source.endpoint()) : '';
    if (where === this.#readFor) return;
    this.#readFor = where;
    this.balance = undefined;
    if (where) void this.refresh();
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
   * Re-reads the user and the balance where the page has a Puter session. Without the SDK loaded or a session it
   * stored for this endpoint (the origin it binds its token to), the SDK waits for the first click. Failures keep the
   * last values.
   */
  async refresh(): Promise<void> {
    if (!this.#source.active()) return;
    try {
      const endpoint = checkEndpoint(puterApi(this.#source.endpoint()));
      if ((globalThis as { puter?: unknown }).puter || localStorage['puter.auth.token.origin.v2'] === endpoint) {
        const [adapter, sdk] = await this.#puter();
        ({ user: this.user, balance: this.balance } = await adapter.puterAccount(sdk, endpoint));
        this.#tellFiles(this.user ? new adapter.PuterAccountFiles(sdk) : undefined);
        await this.#keepLedger(adapter, sdk);
      }
    } catch {
      // a bad endpoint (reported on submit), offline, or the session just ended: the next submission says what to do
    }
    this.#host.requestUpdate();
  }

  /** Tells the source of the files of the user now signed in (none: signed out), where that user changed. */
  #tellFiles(files: AccountFiles | undefined) {
    const who = files ? (this.user ?? '') : '';
    if (who === this.#filesOf) return;
    this.#filesOf = who;
    this.#source.accountFiles?.(files, who);
  }

  /**
   * Keeps the widget's ledger also in the signed-in user's Puter key-value store (docs/ledger.md, "In the user's
   * account"), merged with it once per user; stops where no one is signed in. What the account does not answer is
   * written later (the ledger's outbox). An account with nothing left is not merged until it has: Puter refuses to list
   * its values (402), and the SDK would open its "upgrade" dialog over the page (networkUtils.js, promptUpgrade).
   */
  async #keepLedger(adapter: typeof PuterModule, sdk: Parameters<typeof PuterModule.puterLedgerStore>[0]) {
    const storageKey = this.#source.storageKey?.() ?? '';
    const { user, balance } = this;
    if (this.#mirror && (this.#mirror.user !== user || this.#mirror.storageKey !== storageKey)) {
      this.#mirror.ledger.stop();
      this.#mirror = undefined;
    }
    if (!user || !storageKey) return;
    if (!this.#mirror) {
      const { mirrorLedger } = await loadLedger();
      this.#mirror = {
        user,
        storageKey,
        ledger: mirrorLedger({ ...adapter.puterLedgerStore(sdk), account: user }, storageKey),
        merged: false,
      };
    }
    const mirror = this.#mirror;
    if (mirror.merged || balance?.usd?.lte(0) || balance?.credits?.lte(0)) return;
    await mirror.ledger.sync().then(
      () => (mirror.merged = true),
      () => {
        // the account's store did not answer: merged at the next reading of the account; the outbox keeps what waits
      },
    );
  }

  /** Opens Puter's sign-in popup: call it from the user's click. Rejects `auth-required` when cancelled or blocked. */
  async signIn(): Promise<void> {
    const [{ puterSignIn }, sdk] = await this.#puter();
    await puterSignIn(sdk);
    await this.refresh();
  }

  signOut(): Promise<void> {
    (globalThis as { puter?: { auth: { signOut(): void } } }).puter?.auth.signOut();
    this.#tellFiles(undefined);
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
