import type Decimal from 'decimal.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadEngine } from '../../lazy/index.js';
import { puterApi } from '../../providers/catalog.js';
import { checkEndpoint } from '../../providers/urls.js';

/** Where the host's Puter is: its API endpoint ('' for Puter's own) and where its SDK loads from. */
export interface PuterAccountSource {
  /** True while the host uses Puter: only then is the account read. */
  active(): boolean;
  endpoint(): string;
  puterSrc(): string;
}

/**
 * The end user's own Puter account: who is signed in and what is left to spend. Reading never opens a
 * popup; `signIn()` does, so it must run from the user's click. Re-read when the host switches to Puter or
 * to another Puter endpoint, and after every generation (`refresh()`).
 */
export class PuterAccountController implements ReactiveController {
  /** The signed-in user's name; undefined while signed out (or not yet known). */
  user?: string;
  /** Remaining balance in USD (Puter reports microcents). */
  left?: Decimal;
  private readFor = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: PuterAccountSource,
  ) {
    host.addController(this);
  }

  hostUpdate() {
    const where = this.source.active() ? puterApi(this.source.endpoint()) : '';
    if (where === this.readFor) return;
    this.readFor = where;
    if (where) void this.refresh();
  }

  private async sdk() {
    const { puterSdk } = await loadEngine();
    return puterSdk(checkEndpoint(puterApi(this.source.endpoint())), this.source.puterSrc());
  }

  /**
   * Re-reads the user and the balance where the page has a Puter session. Without the SDK loaded or a
   * session it stored for this endpoint (the origin it binds its token to), the SDK waits for the first click.
   * Failures keep the last values.
   */
  async refresh(): Promise<void> {
    try {
      const endpoint = checkEndpoint(puterApi(this.source.endpoint()));
      if ((globalThis as { puter?: unknown }).puter || localStorage['puter.auth.token.origin.v2'] === endpoint) {
        const puter = await this.sdk();
        const { puterLeft } = await loadEngine();
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
    await (await loadEngine()).puterSignIn(await this.sdk());
    await this.refresh();
  }

  signOut(): Promise<void> {
    (globalThis as { puter?: { auth: { signOut(): void } } }).puter?.auth.signOut();
    return this.refresh();
  }

  /**
   * Before a submission: signs in if needed (the click's popup); stops what the balance cannot cover before it is
   * sent, saying both amounts and, where `cheaper` finds one the balance covers, a cheaper choice (`puterCheck`).
   * The account area is read again either way.
   */
  async check(total: string, cheaper?: (left: Decimal) => string | undefined): Promise<void> {
    try {
      await (await loadEngine()).puterCheck(await this.sdk(), total, cheaper);
    } finally {
      await this.refresh();
    }
  }
}
