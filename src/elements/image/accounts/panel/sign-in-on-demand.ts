import type { ReactiveControllerHost } from 'lit';
import type { ProviderId } from '../../../../base/types.js';
import { addressAnswersSignIn, loadEngine } from '../../../../lazy/index.js';
import { providerInfo } from '../../../../providers/registry/catalog.js';
import { PanelPart } from '../../shared/panel-part.js';
import type { SignInPart } from './sign-in/index.js';
import { openSignInWindow } from './sign-in-button.js';

/** What the sign-in's loading reads of the widget. */
export interface SignInDemand {
  provider(): ProviderId;
  /** The key in force came from this site's sign-in (on this page, or an earlier visit's, kept). */
  madeBySignIn(): boolean;
  load(): Promise<SignInPart>;
  /** Says what went wrong where the part could not load. */
  report(error: unknown): void;
}

/**
 * The sign-in's part of the panels (./sign-in/: the form before a capped sign-in, the sign-in, the signed-in line),
 * loaded where the provider in force has a sign-in and it is needed: when the user reaches for Sign in, which the panels
 * draw until then (`begin`; prefetched when the pointer or the focus comes to it), where the key in force came from a
 * sign-in (who pays, what is left, Sign out), or where this page may finish one: an answer in its address, or the first
 * page since this tab left for one by redirect, which alone may trade its code (its marker, read through the engine).
 * Most visits only look, or paste a key, and never load it.
 */
export class SignInOnDemand {
  readonly #part: PanelPart<SignInPart>;
  readonly #demand: SignInDemand;
  /** The user reached for Sign in, or this page may finish a sign-in. */
  #wanted = addressAnswersSignIn;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, demand: SignInDemand) {
    this.#host = host;
    this.#demand = demand;
    const signsIn = () => providerInfo(demand.provider())?.signIn;
    this.#part = new PanelPart(host, {
      wanted: () => signsIn() && (this.#wanted || demand.madeBySignIn()),
      worthPrefetching: signsIn,
      load: demand.load,
    });
    if (!addressAnswersSignIn)
      void loadEngine().then(
        ({ leftToSignIn }) => leftToSignIn() && this.#want(),
        () => {}, // no engine, no sign-in: the widget says why at the next thing it does
      );
  }

  /** The part, once loaded. */
  get loaded(): SignInPart | undefined {
    return this.#part.loaded;
  }

  /** Loads the part ahead of the click on Sign in. */
  prefetch() {
    this.#part.prefetch();
  }

  /**
   * Sign in, from the user's click on the panels' button, before the part is here: where the provider asks for a cap
   * first, its form once the part is here; else the provider's window, opened now, within the click (a popup needs it),
   * which the part sends on once here, or closes where it could not load.
   */
  begin() {
    const popup = providerInfo(this.#demand.provider())?.capsSignIn ? undefined : openSignInWindow();
    this.#want();
    this.#part.load().then(
      (part) => part.begin(popup),
      (error: unknown) => {
        popup?.close();
        this.#demand.report(error);
      },
    );
  }

  #want() {
    this.#wanted = true;
    this.#host.requestUpdate();
  }
}
