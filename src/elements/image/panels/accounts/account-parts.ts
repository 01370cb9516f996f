import type { ReactiveController } from 'lit';
import { lazily } from '../../../../base/lazily.js';
import { providerInfo } from '../../../../providers/catalog.js';
import type { ImageCore } from '../../image-parts.js';
import type { PuterAccountPart } from './puter/index.js';
import type { SignInNeeds, SignInPart } from './sign-in/index.js';

/**
 * The accounts' parts that only some providers have, each a lazy part of the panels loaded (once) where the provider
 * in force has it, and drawn into the place the first paint kept for it: Puter's account (./puter/: who pays, what is
 * left, the check before sending) and the sign-in of the account systems a key comes from (./sign-in/: OpenRouter,
 * Hugging Face, Pollinations). A session with another provider never loads them.
 */
export class AccountParts implements ReactiveController {
  /** Puter's account, once loaded. */
  puter?: PuterAccountPart;
  /** The sign-in, once loaded. */
  signIn?: SignInPart;
  /** Puter's account, loaded where it is not yet (a submission with Puter waits for it: it checks the balance first). */
  readonly loadPuter: () => Promise<PuterAccountPart>;
  readonly #loadSignIn: () => Promise<SignInPart>;
  readonly #core: ImageCore;

  constructor(core: ImageCore, needs: SignInNeeds) {
    (this.#core = core).host.addController(this);
    this.loadPuter = lazily(() =>
      import('./puter/index.js').then(({ puterAccountPart }) => (this.puter = puterAccountPart(core, needs.report))),
    );
    this.#loadSignIn = lazily(() =>
      import('./sign-in/index.js').then(({ signInPart }) => (this.signIn = signInPart(core, needs))),
    );
  }

  hostUpdate() {
    const { host } = this.#core;
    const load =
      host.provider === 'puter'
        ? !this.puter && this.loadPuter
        : providerInfo(host.provider)?.signIn && !this.signIn && this.#loadSignIn;
    // Offline: the place stays kept, and the next update tries again.
    if (load)
      load().then(
        () => host.requestUpdate(),
        () => {},
      );
  }
}
