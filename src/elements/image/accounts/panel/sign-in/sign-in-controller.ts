import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../../base/types.js';
import { addressAnswersSignIn, loadEngine } from '../../../../../lazy/index.js';
import { keyRoute, providerInfo } from '../../../../../providers/registry/catalog.js';
import type { ProviderKeys } from '../provider-keys.js';
import type { SignedKeys } from '../signed-keys.js';
import {
  DEFAULT_DAYS,
  capOf,
  daysOf,
  defaultCap,
  thousandsSeparated,
  type SignedIn,
} from '../../../../../providers/sign-in.js';
import { openSignInWindow } from '../sign-in-button.js';

/**
 * The form before a capped sign-in, as it stands: the cap in its field, the days where the provider asks for them, and
 * which of them the last Continue refused (none: `false`).
 */
export interface Granting {
  cap: string;
  days?: string;
  refused: false | 'cap' | 'days';
  /** The cap was refused for a separator that may be a thousands separator ("1,000"), not for being no amount. */
  thousands?: boolean;
}

/** What the host hands the sign-in: its provider, endpoint and relay, its keys, and the form to keep over a redirect. */
export interface SignInSource {
  provider(): ProviderId;
  endpoint(): string;
  /** The site's relay ('' for none): the key a sign-in gives is held for the way it will go, as a typed key is. */
  relay(): string;
  /** The site's public OAuth client id, for account systems that register clients (Hugging Face). */
  clientId(): string;
  /** The page's `budget` ('' for none): the cap a capped sign-in offers first follows it (`defaultCap`). */
  budget(): string;
  keys: ProviderKeys;
  /** Which keys the sign-in made (it says so of each one it holds; Sign out forgets that with the key). */
  signedKeys: SignedKeys;
  /** The form as the user left it: kept in sessionStorage while the page goes to sign in and back. */
  keep(): Record<string, unknown>;
  restore(kept: Record<string, unknown>): void;
  report(error: unknown): void;
  /** A key the sign-in gave is in force now: an error about the key before it no longer holds. */
  replaced(): void;
}

/**
 * The answer of one of our sign-ins that was in the page's address, finished as the page loaded (src/define.ts,
 * before the panels, so the address no longer shows it): the same answer for every widget, once per page. Where this
 * is the first page since the tab left for one (its marker), finished here even with no answer; else none.
 */
const finished = () =>
  loadEngine().then(async (engine) =>
    addressAnswersSignIn || engine.leftToSignIn()
      ? (await engine.loadSignIn()).finishSignIn(engine.accountFor)
      : undefined,
  );

/**
 * Sign in with an account system (OpenRouter: OAuth PKCE, src/providers/engine/oauth.ts) instead of pasting a key: the
 * window opens from the user's click, the key it brings is held like a typed key (memory; on disk only on the user's
 * "remember"), bound to the endpoint's origin and the relay; Sign out forgets it, in every widget and tab of the
 * storage key (`ProviderKeys.forget`). A page that comes back from a sign-in by redirect gets its key and its form back.
 * Made with the sign-in's part of the panels (./index.ts), which loads where the user reaches for Sign in (the panels
 * draw the button until then, and hand it the window their click opened), where the key in force came from a sign-in,
 * or where this page may finish one.
 */
export class SignInController implements ReactiveController {
  /**
   * The `provider route`s (`keyRoute`) whose key came from signing in on this page, with whether the provider said the
   * account cannot pay as it stands (`SignedIn.cannotPay`).
   */
  readonly #signedIn = new Map<string, boolean>();
  #running?: AbortController;
  #back = false;
  /**
   * The form before a capped sign-in (part `grant`), while it is shown: the cap in its field (offered first, or as the
   * user typed it), the days the key should last where the provider asks for them too, and which of them was refused
   * (no amount above zero; no whole number of days from 1 to 365). Of the provider it was asked for (another one
   * chosen meanwhile shows its own button).
   */
  #asking?: { provider: ProviderId } & Granting;

  readonly #host: ReactiveControllerHost;
  readonly #source: SignInSource;

  constructor(host: ReactiveControllerHost, source: SignInSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected() {
    // A widget whose provider has a sign-in takes the answer its sign-in brought back (a redirect of this tab's), as
    // the entry finished it when the page loaded: only such a widget, on such a page, loads the code that finishes one.
    // The first page after leaving finishes it even without an answer in its address (the user came back another
    // way), so that no later page, one with someone else's code in its address included, may trade a code.
    if (this.#back || !providerInfo(this.#source.provider())?.signIn) return;
    this.#back = true;
    finished().then((back) => {
      if (!back) return;
      this.#hold(back.provider, back.endpoint, this.#source.relay(), back.signedIn);
      if (back.keep) this.#source.restore(back.keep as Record<string, unknown>);
    }, this.#source.report);
  }

  /**
   * The provider in force lets the user sign in; `signed` when its key here came from that, and `cannotPay` when the
   * provider said then that the account cannot pay as it stands (told before the click, never stopping it).
   */
  state(): { signed: boolean; cannotPay: boolean; granting?: Granting } | undefined {
    const provider = this.#source.provider();
    if (!providerInfo(provider)?.signIn) return undefined;
    const cannotPay = this.#signedIn.get(provider + keyRoute(provider, this.#source.endpoint(), this.#source.relay()));
    // Signed in on this page, or on an earlier visit whose key the user kept (the keys know the sign-in made it).
    const signed = (cannotPay !== undefined || this.#source.signedKeys.madeBySignIn()) && !!this.#source.keys.current;
    return { signed, cannotPay: signed && !!cannotPay, granting: signed ? undefined : this.granting };
  }

  /** The form before a capped sign-in, where it is shown for the provider in force. */
  get granting(): Granting | undefined {
    return this.#asking?.provider === this.#source.provider() ? this.#asking : undefined;
  }

  /**
   * The sign-in button: where the provider puts a cap on the key it gives, first the form that asks how much this site
   * may spend (part `grant`, offering the page's budget, else $5; and for how many days, 7 offered, where the provider
   * asks), else the sign-in itself, from this click (in `popup`, where the click opened it before this part was here).
   */
  begin(popup?: Window | null) {
    const info = providerInfo(this.#source.provider());
    if (!info?.capsSignIn) return this.signIn(undefined, undefined, popup);
    this.#asking = {
      provider: this.#source.provider(),
      cap: defaultCap(this.#source.budget()),
      days: info.expiresSignIn ? DEFAULT_DAYS : undefined,
      refused: false,
    };
    this.#host.requestUpdate();
  }

  /**
   * The form's Continue, from the user's click: the sign-in with the cap `typed` (and the days `typedDays`, where the
   * form asks for them); where either is refused, the form says which and nothing leaves for the provider.
   */
  grant(typed: string, typedDays?: string) {
    const [cap, days] = [capOf(typed), typedDays === undefined ? undefined : daysOf(typedDays)];
    const refused = !cap ? 'cap' : typedDays !== undefined && !days ? 'days' : false;
    if (refused) {
      const thousands = refused === 'cap' && thousandsSeparated(typed);
      this.#asking = { provider: this.#source.provider(), cap: typed, days: typedDays, refused, thousands };
    } else {
      this.#asking = undefined;
      this.signIn(cap, days);
    }
    this.#host.requestUpdate();
  }

  /** The form's Cancel: back to the sign-in button, nothing sent. */
  cancelGrant() {
    this.#asking = undefined;
    this.#host.requestUpdate();
  }

  /**
   * From the user's click (`limit`: the cap the user chose, where the provider takes one): the window opens now, before
   * anything awaits (a popup needs the click), on `about:blank` (`openSignInWindow`), a window of its own each time (a
   * second click's is not the first's, which that click's abort closes), unless the click opened it already (`popup`);
   * the sign-in takes its `opener` away before it sends it to the account system (`signIn` in
   * providers/engine/oauth.ts).
   */
  signIn(limit?: string, days?: string, popup = openSignInWindow()) {
    const provider = this.#source.provider();
    const endpoint = this.#source.endpoint() || providerInfo(provider)!.defaultEndpoint();
    const relay = this.#source.relay();
    this.#running?.abort();
    const running = (this.#running = new AbortController());
    void loadEngine()
      .then(async ({ accountFor, loadSignIn }) => {
        const { signIn } = await loadSignIn();
        const signedIn = await signIn(await accountFor(provider), {
          endpoint,
          popup,
          clientId: this.#source.clientId() || undefined,
          limit,
          days,
          keep: this.#source.keep(),
          signal: running.signal,
        });
        this.#hold(provider, endpoint, relay, signedIn);
      })
      .catch((error) => {
        if (!running.signal.aborted) this.#source.report(error);
      });
  }

  /**
   * Forgets the key of the provider, endpoint and relay in force: here, on disk, and in every other widget and tab of
   * the storage key, which may hold it too (remembered on this device, or typed there).
   */
  signOut() {
    const [provider, endpoint, relay] = [this.#source.provider(), this.#source.endpoint(), this.#source.relay()];
    this.#source.keys.forget(provider, endpoint, relay);
    this.#source.signedKeys.forget(provider, endpoint, relay);
    this.#signedIn.delete(provider + keyRoute(provider, endpoint, relay));
    this.#host.requestUpdate();
  }

  #hold(provider: ProviderId, endpoint: string, relay: string, { key, cannotPay }: SignedIn) {
    this.#source.keys.set(provider, endpoint, relay, key);
    this.#source.signedKeys.hold(provider, endpoint, relay, key);
    this.#signedIn.set(provider + keyRoute(provider, endpoint, relay), !!cannotPay);
    this.#source.replaced();
    this.#host.requestUpdate();
  }
}
