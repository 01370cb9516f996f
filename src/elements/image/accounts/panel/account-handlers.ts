import type { ImageParts } from '../../shared/image-parts.js';
import type { Features } from '../../shared/features.js';
import type { ProviderKeys } from './provider-keys.js';
import type { SignInOnDemand } from './sign-in-on-demand.js';
import type { SignedKeys } from './signed-keys.js';
import { valueOf, checkedOf } from '../../../shared/fields.js';

/** What the account's controls drawn with the panels do: the key field, "Remember", and Sign in before its part. */
export interface AccountHandlers {
  /** The key field (drawn with the panels): typed, committed (Enter, or focus left it), "Remember" ticked. */
  keyInput(event: Event): void;
  keyCommit(event: Event): void;
  rememberChange(event: Event): void;
  /** Sign in, drawn by the panels until the sign-in's part is here (`SignInOnDemand.begin`). */
  signInFirst(): void;
}

/** The account's handlers: they set the keys' state and ask for an update, never draw. */
export function accountHandlers(
  { host }: ImageParts,
  accounts: { keys: ProviderKeys; signedKeys: SignedKeys; signIn: SignInOnDemand },
  features: Features,
  told: { keyEntered(): void },
): AccountHandlers {
  return {
    keyInput: (event) => {
      features.edited();
      accounts.keys.current = valueOf(event).trim();
      host.requestUpdate();
    },
    // Committed (Enter, or focus left the field): only then may waiting images be fetched with the key.
    keyCommit: () => told.keyEntered(),
    rememberChange: (event) => {
      accounts.keys.remember(checkedOf(event));
      accounts.signedKeys.keep(); // "Stay signed in": the sign-in's word goes with its key
      host.requestUpdate();
    },
    signInFirst: () => accounts.signIn.begin(),
  };
}
